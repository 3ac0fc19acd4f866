/**
 * The HTTP exchange of a signed request, on node:http/node:https directly. axios' per-request work
 * (config merging, header objects, proxy and redirect layers, stream plumbing) cost more than the
 * signature itself; this path keeps only what the pipeline needs: the exact bytes out, the status,
 * headers and a (decompressed) body stream back, a deadline for the whole call, abort signals, and
 * no redirects. Options it does not handle (proxies, custom adapters, ...) go through axios instead.
 */
import { type Agent as HttpAgent, type ClientRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { type Readable } from 'node:stream';
/** What is asked of the server; `headers` are sent as given (with `decompress`, they should accept `ACCEPT_ENCODING`). */
export interface Outgoing {
  method: string;
  url: URL;
  /** The URL's path and query, as signed. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  agent: HttpAgent | undefined;
  decompress: boolean;
  /**
   * Caps for reading the (decompressed) body into memory, by status class; `success: undefined`
   * hands a 2xx body over as a stream. Without caps every body is a stream.
   */
  caps?: {
    success: number | undefined;
    error: number;
  };
}
/** A body read up to its cap: `complete` is false when the cap cut it off. */
export interface CappedBody {
  bytes: Buffer;
  complete: boolean;
}
/** The answer: the body is a stream, decompressed when the server compressed it. */
export interface Incoming {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The body, read to its cap when the outgoing request set caps for this status; else a stream. */
  body: Readable | CappedBody;
  request: ClientRequest;
}
/** Accepted content encodings, as axios advertises them (less `compress`, which no server sends). */
export declare const ACCEPT_ENCODING = 'gzip, deflate, br';
/** Ends a call when it fires: the whole call, body included, with the timer it was started with. */
export declare class Deadline {
  expired: boolean;
  private readonly timer;
  private onExpire;
  constructor(timeout: number);
  /** What to abort when the deadline passes. */
  bind(abort: () => void): void;
  clear(): void;
}
/**
 * The node:http options of a request: plain options, not the URL, which node:http would convert
 * into a larger options object on every call (the same host, port and path it would derive).
 */
export declare function requestOptions(outgoing: Outgoing): RequestOptions;
/** The error of a call its caller aborted; the code and message axios gives one. */
export declare function canceledError(): Error & {
  code: string;
};
/**
 * Sends one request and resolves with the response head and body stream. The deadline and the
 * signal stay bound to the exchange until the caller clears the deadline: while the body is read,
 * either ends it (the stream then fails).
 */
export declare function exchange(
  outgoing: Outgoing,
  deadline: Deadline,
  signal: AbortSignal | undefined,
): Promise<Incoming>;
/** Reads at most `cap` bytes of `stream`; on reaching the cap the stream is destroyed. */
export declare function readCapped(
  stream: Readable,
  cap: number,
  done: (body: CappedBody) => void,
  fail: (error: Error) => void,
): void;

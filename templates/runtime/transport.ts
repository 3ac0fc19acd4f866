/**
 * The HTTP exchange of a signed request, on node:http/node:https directly. axios' per-request work
 * (config merging, header objects, proxy and redirect layers, stream plumbing) cost more than the
 * signature itself; this path keeps only what the pipeline needs: the exact bytes out, the status,
 * headers and a (decompressed) body stream back, a deadline for the whole call, abort signals, and
 * no redirects. Options it does not handle (proxies, custom adapters, ...) go through axios instead.
 */
import {
  request as httpRequest,
  type Agent as HttpAgent,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { constants, createBrotliDecompress, createUnzip } from 'node:zlib';

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
  caps?: { success: number | undefined; error: number };
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
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Ends a call when it fires: the whole call, body included, with the timer it was started with. */
export class Deadline {
  expired: boolean = false;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private onExpire: (() => void) | undefined;

  constructor(timeout: number) {
    if (timeout > 0) {
      this.timer = setTimeout(() => {
        this.expired = true;
        this.onExpire?.();
      }, timeout);
    }
  }

  /** What to abort when the deadline passes. */
  bind(abort: () => void): void {
    this.onExpire = abort;
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.onExpire = undefined;
  }
}

/**
 * The node:http options of a request: plain options, not the URL, which node:http would convert
 * into a larger options object on every call (the same host, port and path it would derive).
 */
export function requestOptions(outgoing: Outgoing): RequestOptions {
  const { url } = outgoing;
  const { hostname } = url;
  return {
    protocol: url.protocol,
    // An IPv6 literal is bracketed in a URL, not in a socket address.
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: outgoing.path,
    method: outgoing.method,
    headers: outgoing.headers,
    agent: outgoing.agent,
  };
}

/** The error of a call its caller aborted; the code and message axios gives one. */
export function canceledError(): Error & { code: string } {
  return Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });
}

/** An error with a system-style code (`ECONNRESET`, `ERR_RESPONSE_TOO_LARGE`, ...). */
function codedError(message: string, code: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/**
 * Sends one request and resolves with the response head and body stream. The deadline and the
 * signal stay bound to the exchange until the caller clears the deadline: while the body is read,
 * either ends it (the stream then fails).
 */
export function exchange(outgoing: Outgoing, deadline: Deadline, signal: AbortSignal | undefined): Promise<Incoming> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(canceledError());
      return;
    }
    const { body } = outgoing;
    let request: ClientRequest;
    try {
      const options = requestOptions(outgoing);
      request = outgoing.url.protocol === 'https:' ? httpsRequest(options) : httpRequest(options);
    } catch (error) {
      // Invalid header values are refused synchronously by node:http.
      reject(error);
      return;
    }
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const abort = (error: Error): void => {
      request.destroy(error);
      fail(error);
    };
    if (signal !== undefined) {
      const onAbort = (): void => abort(canceledError());
      signal.addEventListener('abort', onAbort, { once: true });
      request.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    deadline.bind(() => abort(codedError('deadline passed', 'ETIMEDOUT')));
    request.on('error', fail);
    request.once('response', (response: IncomingMessage) => {
      if (settled) {
        response.destroy();
        return;
      }
      const status = response.statusCode ?? 0;
      const head = { status, statusText: response.statusMessage ?? '', headers: response.headers, request };
      const body = decoded(response, outgoing);
      const cap = outgoing.caps === undefined ? undefined : status >= 200 && status < 300 ? outgoing.caps.success : outgoing.caps.error;
      if (cap === undefined) {
        settled = true;
        resolve({ ...head, body });
        return;
      }
      // Read here, as the response arrives: a failure before the end (deadline, abort, reset) fails the call.
      readCapped(body, cap, (bytes) => {
        if (settled) return;
        settled = true;
        resolve({ ...head, body: bytes });
      }, fail);
    });
    if (body === undefined) request.end();
    else request.end(body);
  });
}

/** Reads at most `cap` bytes of `stream`; on reaching the cap the stream is destroyed. */
export function readCapped(stream: Readable, cap: number, done: (body: CappedBody) => void, fail: (error: Error) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      stream.destroy();
      done({ bytes: Buffer.concat(chunks, cap), complete: false });
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  stream.once('end', () => done({ bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size), complete: true }));
  stream.once('error', fail);
}

/** The body as the server meant it: inflated when compressed (the caps then count inflated bytes). */
function decoded(response: IncomingMessage, outgoing: Outgoing): Readable {
  const encoding = response.headers['content-encoding'];
  if (!outgoing.decompress || encoding === undefined || outgoing.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304) {
    return response;
  }
  // Lenient on a truncated stream, as browsers and axios are.
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  let inflate: Readable & NodeJS.WritableStream;
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      inflate = createUnzip(lenient);
      break;
    case 'br':
      inflate = createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
      break;
    default:
      return response;
  }
  // The headers now describe the inflated body.
  delete response.headers['content-encoding'];
  delete response.headers['content-length'];
  // Destroying either end (a cap reached, the deadline) destroys both and the socket with them.
  return pipeline(response, inflate, () => {}) as unknown as Readable;
}

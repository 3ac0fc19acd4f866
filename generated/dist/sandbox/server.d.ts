/**
 * A local stand-in for the WeChat Pay APIv3 host, driven by the tables generated from the specs: it
 * checks request signatures like the real service, checks requests against the spec, plays the
 * payment lifecycle and the seed endpoints with state, answers other operations from the spec's
 * examples, and signs every response.
 */
import { type KeyObject } from 'node:crypto';
import { type KeyInputs, type SandboxKeys } from './keys.js';
import { type SandboxState } from './state.js';
import { type SandboxTables } from './tables.js';
export declare const DEFAULT_MCHID = '1900000001';
export interface SandboxOptions extends KeyInputs {
  /** The operations to serve, as generated from the specs. */
  tables: SandboxTables;
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  /** The merchant id requests must be signed for. */
  mchid?: string;
  /** State file: read at start, rewritten atomically before any change is acknowledged. */
  dataFile?: string;
  /** Requests per second allowed per operation; more are answered 429 FREQUENCY_LIMITED. */
  rateLimit?: number;
  /** Orders pay themselves this many milliseconds after ordering (default: only the control endpoint pays). */
  autoPayAfterMs?: number;
  /** Milliseconds a refund stays PROCESSING before SUCCESS (default 1000). */
  refundDelayMs?: number;
  /** Multiplies the notification retry waits (15 s, 15 s, 30 s, 3 min, ...): 0.001 makes them milliseconds. */
  notifyTimeScale?: number;
  /** Clock in milliseconds since the epoch (signature window, rate limit, times in answers). */
  now?: () => number;
  /** Called with one line per request and per notification attempt. */
  log?: (line: string) => void;
}
/** What a client needs to talk to the sandbox: `new Wechatpay(sandbox.clientOptions)`. */
export interface SandboxClientOptions {
  baseURL: string;
  mchid: string;
  serial: string;
  /** The merchant private key, when the sandbox generated the merchant key pair. */
  privateKey?: KeyObject;
  certs: Record<string, KeyObject>;
  /** The APIv3 key notifications are encrypted with. */
  secret: string;
}
export interface Sandbox {
  url: string;
  port: number;
  mchid: string;
  keys: SandboxKeys;
  clientOptions: SandboxClientOptions;
  /** The live state, for inspection. */
  readonly state: SandboxState;
  /** Marks an order paid (as the control endpoint does) and resolves once that is durable. */
  pay(
    outTradeNo: string,
    openid?: string,
  ): Promise<{
    status: number;
    body: unknown;
  }>;
  /** Stops listening, stops background work and waits for pending saves; calling it again returns the same promise. */
  close(): Promise<void>;
}
export declare function startSandbox(options: SandboxOptions): Promise<Sandbox>;
/** `undefined` when the request is signed for this merchant within the clock window, else why not. */
export declare function checkAuthorization(
  header: string | undefined,
  method: string,
  uri: string,
  body: string | Buffer,
  mchid: string,
  keys: Pick<SandboxKeys, 'merchantPublicKey'>,
  nowMs: number,
): string | undefined;

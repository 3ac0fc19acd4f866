/** What a scripted operation gets and answers. */
import type { ValidationIssue } from '../runtime/validation.js';
import type { SandboxState } from './state.js';
import type { SandboxOperation } from './tables.js';
/** Work the sandbox does later, once the change that asked for it is durable. */
export type Wakeup =
  | {
      kind: 'auto-pay';
      out_trade_no: string;
      at: number;
    }
  | {
      kind: 'refund-success';
      out_refund_no: string;
      at: number;
    }
  | {
      kind: 'deliver';
      id: string;
      at: number;
    };
/** What a handler answers: a body with its status, whether the state changed, and what to wake later. */
export interface ScriptResult {
  status: number;
  /** JSON, or `Download` bytes sent unsigned. */
  body: unknown;
  mutated: boolean;
  wakeups?: Wakeup[];
}
/** Settings and services the scripts share. */
export interface ScriptEnvironment {
  mchid: string;
  /** `http://127.0.0.1:<port>`, for URLs the sandbox hands out (bill downloads). */
  baseURL: string;
  /** Milliseconds after ordering at which an order pays itself; undefined: only the control endpoint pays. */
  autoPayAfterMs: number | undefined;
  /** Milliseconds a refund stays PROCESSING. */
  refundDelayMs: number;
  /** Bill files by download token; kept in memory only. */
  bills: BillFiles;
}
export interface ScriptContext {
  operation: SandboxOperation | undefined;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body, already checked against the spec. */
  body: Record<string, unknown>;
  state: SandboxState;
  /** Milliseconds since the epoch. */
  now: number;
  /** Request issues the script turns into per-item results instead of a 400 (see `perItemIssues`). */
  itemIssues: ValidationIssue[];
  env: ScriptEnvironment;
}
export interface Script {
  /** Issues on these field paths are answered per item by the script (`fail_codes`), not with PARAM_ERROR. */
  perItemIssues?: RegExp;
  handle(context: ScriptContext): ScriptResult;
}
/** A download body: raw bytes, sent without a signature. */
export declare class Download {
  readonly bytes: Buffer;
  constructor(bytes: Buffer);
}
/** Generated bill files, by token; the oldest go first beyond `limit`. */
export declare class BillFiles {
  private readonly limit;
  private readonly files;
  constructor(limit?: number);
  put(token: string, bytes: Buffer): void;
  get(token: string): Buffer | undefined;
}
export declare function errorBody(code: string, message: string, detail?: unknown): Record<string, unknown>;
export declare function fail(status: number, code: string, message: string): ScriptResult;
/** `2015-05-20T13:29:35.120+08:00`: RFC 3339 in Beijing time, as WeChat Pay writes times. */
export declare function rfc3339Beijing(now: number): string;

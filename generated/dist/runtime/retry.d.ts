import type { HttpVerb } from './operations.js';
export interface RetryOptions {
  /** Additional attempts after the first one. */
  retries: number;
  /** Backoff base in milliseconds (default 200). */
  minDelay?: number;
  /** Upper bound of the computed backoff in milliseconds (default 5000); a server's `Retry-After` is honoured as sent. */
  maxDelay?: number;
  /** Observes each scheduled retry (logging, metrics). */
  onRetry?: (event: RetryEvent) => void;
}
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  /** Milliseconds waited before the retry. */
  delay: number;
  error: Error;
}
export declare function validateRetryOptions(retry: RetryOptions, where: string): void;
/** Whether `error` from a `method` request may be retried: 429, 5xx or no response at all. */
export declare function isRetryable(error: unknown, method: HttpVerb, idempotent: boolean): boolean;
/** Milliseconds the server asked to wait (`Retry-After-Ms`, `Retry-After` seconds or HTTP date), if any. */
export declare function retryAfter(headers: Readonly<Record<string, string>>, now?: number): number | undefined;
/** Full jitter: uniform in `[0, min(maxDelay, minDelay * 2^(attempt - 1))]`. */
export declare function backoffDelay(attempt: number, retry: RetryOptions): number;
/** Runs `attempt` (which must sign afresh on every call) until it succeeds or a retry is not allowed. */
export declare function withRetries<T>(
  attempt: () => Promise<T>,
  retry: RetryOptions | undefined,
  method: HttpVerb,
  idempotent: boolean,
): Promise<T>;

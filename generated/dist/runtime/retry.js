/**
 * Opt-in retries: exponential backoff with full jitter, honouring `Retry-After`. Only failures that
 * cannot have changed anything twice are retried: GET/DELETE, or requests the caller marks idempotent.
 */
import { ApiError, NetworkError, UsageError } from './errors.js';
const DEFAULT_MIN_DELAY = 200;
const DEFAULT_MAX_DELAY = 5e3;
/** A server asking for a longer pause than this gets its error surfaced instead of a hung call. */
const MAX_RETRY_AFTER = 6e4;
export function validateRetryOptions(retry, where) {
  const { retries, minDelay = DEFAULT_MIN_DELAY, maxDelay = DEFAULT_MAX_DELAY } = retry;
  if (!Number.isInteger(retries) || retries < 0)
    throw new UsageError(`${where}.retries must be a non-negative integer`);
  if (!(minDelay >= 0) || !(maxDelay >= minDelay)) {
    throw new UsageError(`${where}.minDelay and maxDelay must be numbers with 0 <= minDelay <= maxDelay`);
  }
}
/** Whether `error` from a `method` request may be retried: 429, 5xx or no response at all. */
export function isRetryable(error, method, idempotent) {
  if (!(idempotent || method === 'get' || method === 'delete')) return false;
  if (error instanceof ApiError) return error.status === 429 || error.status >= 500;
  return error instanceof NetworkError;
}
/** Milliseconds the server asked to wait (`Retry-After-Ms`, `Retry-After` seconds or HTTP date), if any. */
export function retryAfter(headers, now = Date.now()) {
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Full jitter: uniform in `[0, min(maxDelay, minDelay * 2^(attempt - 1))]`. */
export function backoffDelay(attempt, retry) {
  const { minDelay = DEFAULT_MIN_DELAY, maxDelay = DEFAULT_MAX_DELAY } = retry;
  return Math.random() * Math.min(maxDelay, minDelay * 2 ** (attempt - 1));
}
/** Runs `attempt` (which must sign afresh on every call) until it succeeds or a retry is not allowed. */
export async function withRetries(attempt, retry, method, idempotent) {
  for (let retriesDone = 0; ; retriesDone += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (retry === undefined || retriesDone >= retry.retries || !isRetryable(error, method, idempotent)) throw error;
      const requested = error instanceof ApiError ? retryAfter(error.headers) : undefined;
      if (requested !== undefined && requested > MAX_RETRY_AFTER) throw error;
      const delay = requested ?? backoffDelay(retriesDone + 1, retry);
      retry.onRetry?.({
        attempt: retriesDone + 1,
        delay,
        error,
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

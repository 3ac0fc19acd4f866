/**
 * One error hierarchy for everything the client can throw. Messages never carry key material,
 * the APIv3 key or a request signature: callers log these errors as they are.
 */
/** Base class: `err instanceof WechatpayError` catches every failure raised by the SDK. */
export declare class WechatpayError extends Error {
  override name: string;
}
/** Bad arguments or options, raised before anything is sent. */
export declare class UsageError extends WechatpayError {
  override name: string;
}
export interface ApiErrorDetails {
  status: number;
  /** WeChat Pay's error code (`PARAM_ERROR`, `SYSTEM_ERROR`, `FREQUENCY_LIMITED`, ...), when the body has one. */
  code: string | undefined;
  message: string;
  /** The body's `detail` member as sent by WeChat Pay. */
  detail: unknown;
  /** The `Request-ID` response header. */
  requestId: string | undefined;
  /** The raw response body. */
  body: Buffer;
  headers: Record<string, string>;
}
/** A non-2xx response. */
export declare class ApiError extends WechatpayError {
  override name: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: unknown;
  readonly requestId: string | undefined;
  readonly body: Buffer;
  readonly headers: Record<string, string>;
  constructor(details: ApiErrorDetails);
}
export type VerificationFailure =
  | 'missing-header'
  | 'malformed-timestamp'
  | 'timestamp-out-of-window'
  | 'unknown-serial'
  | 'bad-signature'
  | 'decryption-failed'
  | 'certificate-invalid'
  | 'hash-mismatch';
/** A response (or notification) whose WeChat Pay signature does not hold: its content must not be trusted. */
export declare class VerificationError extends WechatpayError {
  override name: string;
  readonly reason: VerificationFailure;
  /** The raw body that failed verification. */
  readonly body: Buffer;
  readonly requestId: string | undefined;
  constructor(reason: VerificationFailure, message: string, body: Buffer, requestId: string | undefined);
}
/** The request did not complete: connection refused or reset, DNS failure, ... */
export declare class NetworkError extends WechatpayError {
  override name: string;
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, ...), when known. */
  readonly code: string | undefined;
  constructor(message: string, code?: string);
}
/** No response within the configured `timeout`. */
export declare class TimeoutError extends NetworkError {
  override name: string;
}

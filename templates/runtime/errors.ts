/**
 * One error hierarchy for everything the client can throw. Messages never carry key material,
 * the APIv3 key or a request signature: callers log these errors as they are.
 */

/** Base class: `err instanceof WechatpayError` catches every failure raised by the SDK. */
export class WechatpayError extends Error {
  override name: string = 'WechatpayError';
}

/** Bad arguments or options, raised before anything is sent. */
export class UsageError extends WechatpayError {
  override name: string = 'UsageError';
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
export class ApiError extends WechatpayError {
  override name: string = 'ApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: unknown;
  readonly requestId: string | undefined;
  readonly body: Buffer;
  readonly headers: Record<string, string>;

  constructor(details: ApiErrorDetails) {
    super(details.message);
    this.status = details.status;
    this.code = details.code;
    this.detail = details.detail;
    this.requestId = details.requestId;
    this.body = details.body;
    this.headers = details.headers;
  }
}

export type VerificationFailure =
  | 'missing-header'
  | 'malformed-timestamp'
  | 'timestamp-out-of-window'
  | 'unknown-serial'
  | 'bad-signature'
  /** An AEAD_AES_256_GCM envelope or RSA-OAEP field that does not open: altered, or for another key. */
  | 'decryption-failed'
  /** A platform certificate that is not X.509, carries another serial than it is listed under, or is not valid now. */
  | 'certificate-invalid'
  /** A downloaded file (a bill) whose digest is not the one its download was announced with. */
  | 'hash-mismatch';

/** A response (or notification) whose WeChat Pay signature does not hold: its content must not be trusted. */
export class VerificationError extends WechatpayError {
  override name: string = 'VerificationError';
  readonly reason: VerificationFailure;
  /** The raw body that failed verification. */
  readonly body: Buffer;
  readonly requestId: string | undefined;

  constructor(reason: VerificationFailure, message: string, body: Buffer, requestId: string | undefined) {
    super(message);
    this.reason = reason;
    this.body = body;
    this.requestId = requestId;
  }
}

/** The request did not complete: connection refused or reset, DNS failure, ... */
export class NetworkError extends WechatpayError {
  override name: string = 'NetworkError';
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, ...), when known. */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** No response within the configured `timeout`. */
export class TimeoutError extends NetworkError {
  override name: string = 'TimeoutError';
}

/**
 * One error hierarchy for everything the client can throw. Messages never carry key material,
 * the APIv3 key or a request signature: callers log these errors as they are.
 */
/** Base class: `err instanceof WechatpayError` catches every failure raised by the SDK. */
export class WechatpayError extends Error {
  name = 'WechatpayError';
}
/** Bad arguments or options, raised before anything is sent. */
export class UsageError extends WechatpayError {
  name = 'UsageError';
}
/** A non-2xx response. */
export class ApiError extends WechatpayError {
  name = 'ApiError';
  status;
  code;
  detail;
  requestId;
  body;
  headers;
  constructor(details) {
    super(details.message);
    this.status = details.status;
    this.code = details.code;
    this.detail = details.detail;
    this.requestId = details.requestId;
    this.body = details.body;
    this.headers = details.headers;
  }
}
/** A response (or notification) whose WeChat Pay signature does not hold: its content must not be trusted. */
export class VerificationError extends WechatpayError {
  name = 'VerificationError';
  reason;
  /** The raw body that failed verification. */
  body;
  requestId;
  constructor(reason, message, body, requestId) {
    super(message);
    this.reason = reason;
    this.body = body;
    this.requestId = requestId;
  }
}
/** The request did not complete: connection refused or reset, DNS failure, ... */
export class NetworkError extends WechatpayError {
  name = 'NetworkError';
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, ...), when known. */
  code;
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}
/** No response within the configured `timeout`. */
export class TimeoutError extends NetworkError {
  name = 'TimeoutError';
}

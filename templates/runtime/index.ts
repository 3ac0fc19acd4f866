/** Public exports of the runtime. */
export { createClientClass, DEFAULT_BASE_URL, DEFAULT_MAX_ERROR_BYTES, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT } from './client.js';
export type {
  Client,
  ClientConstructor,
  ClientMethods,
  ClientOptions,
  EncryptedResource,
  KeyInput,
  UntypedEndpoint,
  UntypedRequestConfig,
} from './client.js';
export { ApiError, NetworkError, TimeoutError, UsageError, VerificationError, WechatpayError } from './errors.js';
export type { ApiErrorDetails, VerificationFailure } from './errors.js';
export type { MultipartData } from './multipart.js';
export { createOperationMatcher, createOperationResolver } from './operations.js';
export type { HttpVerb, MatchedOperation, OperationInfo, OperationMatcher, OperationResolver, OperationTable } from './operations.js';
export { CHECKED_FORMATS } from './request-schema.js';
export type { JsonSchema, RequestSchemaTable } from './request-schema.js';
export type { RetryEvent, RetryOptions } from './retry.js';
export {
  authorizationHeader,
  createNonce,
  requestMessage,
  responseMessage,
  signMessage,
  verifyHeaders,
  verifyMessage,
} from './signature.js';
export type { AuthorizationParts, HeaderBag } from './signature.js';
export { compileRequestValidator, formatIssues, requestValidator, validateRequest } from './validation.js';
export type { RequestParts, RequestValidator, ValidationIssue } from './validation.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
// Helpers for notifications, platform certificates, sensitive fields, payment invocation and bills.
export * from './aead.js';
export * from './bill.js';
export type { AutoCertificateOptions } from './certificate-keeper.js';
export * from './certificates.js';
export * from './invocation.js';
export * from './notification.js';
export * from './oaep.js';
export * from './webhook.js';

/**
 * Webhook notifications: the `Wechatpay-*` headers are checked over the raw request body exactly as
 * for API responses, then `resource` is opened with the APIv3 key.
 */
import type { KeyObject } from 'node:crypto';
import { type HeaderBag } from './signature.js';
/** The incoming webhook request as received: headers and the body bytes before any JSON parsing. */
export interface NotificationRequest {
  /** A plain record (Node's `req.headers`, any name case) or a Fetch API `Headers`. */
  headers: HeaderBag | Headers;
  /** The raw body; a body already parsed by a JSON middleware cannot be verified. */
  body: string | Buffer;
}
export interface NotificationKeys {
  /** Platform certificate serials and/or `PUB_KEY_ID_...` ids mapped to their public keys. */
  certs: ReadonlyMap<string, KeyObject>;
  /** The 32-byte APIv3 key. */
  secret: string | Buffer;
}
/** A verified notification with its `resource` decrypted. */
export interface VerifiedNotification<Resource = Record<string, unknown>> {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  /** `resource.original_type` as sent (e.g. `transaction`, `refund`). */
  original_type: string | undefined;
  /** The decrypted, JSON-parsed resource; its shape is the caller's claim (`Resource`), not checked here. */
  resource: Resource;
}
/**
 * Verifies and decrypts a WeChat Pay notification. Throws `VerificationError` for a bad signature, an
 * unknown serial, a timestamp outside the clock window or a resource that fails authenticated decryption;
 * `UsageError` for input that is not a notification. `now` is Unix seconds.
 */
export declare function verifyNotification<Resource = Record<string, unknown>>(
  request: NotificationRequest,
  keys: NotificationKeys,
  now?: number,
): VerifiedNotification<Resource>;

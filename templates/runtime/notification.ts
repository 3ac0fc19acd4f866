/**
 * Webhook notifications: the `Wechatpay-*` headers are checked over the raw request body exactly as
 * for API responses, then `resource` is opened with the APIv3 key.
 */
import type { KeyObject } from 'node:crypto';
import { AEAD_AES_256_GCM, aesGcmDecrypt } from './aead.js';
import { UsageError, VerificationError } from './errors.js';
import { headerValue, verifyHeaders, type HeaderBag } from './signature.js';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plainHeaders(headers: unknown): HeaderBag {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (isRecord(headers)) return headers;
  throw new UsageError('Notification headers must be an object or a Headers instance');
}

function requiredString(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new UsageError(`Notification ${where}${key} must be a string`);
  return value;
}

/**
 * Verifies and decrypts a WeChat Pay notification. Throws `VerificationError` for a bad signature, an
 * unknown serial, a timestamp outside the clock window or a resource that fails authenticated decryption;
 * `UsageError` for input that is not a notification. `now` is Unix seconds.
 */
export function verifyNotification<Resource = Record<string, unknown>>(
  request: NotificationRequest,
  keys: NotificationKeys,
  now?: number,
): VerifiedNotification<Resource> {
  const { body } = request;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    throw new UsageError('Notification body must be the raw request body (string or Buffer), not a parsed object');
  }
  const headers = plainHeaders(request.headers);
  verifyHeaders(headers, body, keys.certs, now);

  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new UsageError('Notification body is not JSON');
  }
  if (!isRecord(parsed)) throw new UsageError('Notification body must be a JSON object');
  const envelope = {
    id: requiredString(parsed, 'id', ''),
    create_time: requiredString(parsed, 'create_time', ''),
    event_type: requiredString(parsed, 'event_type', ''),
    resource_type: requiredString(parsed, 'resource_type', ''),
    summary: requiredString(parsed, 'summary', ''),
  };
  const resource = parsed['resource'];
  if (!isRecord(resource)) throw new UsageError('Notification resource must be an object');
  const algorithm = requiredString(resource, 'algorithm', 'resource.');
  if (algorithm !== AEAD_AES_256_GCM) {
    throw new UsageError(`Notification resource.algorithm ${JSON.stringify(algorithm)} is not ${AEAD_AES_256_GCM}`);
  }
  const associatedData = resource['associated_data'] ?? '';
  if (typeof associatedData !== 'string') throw new UsageError('Notification resource.associated_data must be a string');
  const originalType = resource['original_type'];

  let plaintext: string;
  try {
    plaintext = aesGcmDecrypt(
      { ciphertext: requiredString(resource, 'ciphertext', 'resource.'), nonce: requiredString(resource, 'nonce', 'resource.'), associatedData },
      keys.secret,
    );
  } catch (error) {
    // Re-raised with the notification's own body and Request-ID, which is what a caller logs.
    if (error instanceof VerificationError) {
      const rawBody = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      throw new VerificationError(error.reason, `Notification resource: ${error.message}`, rawBody, headerValue(headers, 'Request-ID'));
    }
    throw error;
  }
  let decrypted: unknown;
  try {
    decrypted = JSON.parse(plaintext);
  } catch {
    throw new UsageError('Notification resource does not decrypt to JSON');
  }

  return {
    ...envelope,
    original_type: typeof originalType === 'string' ? originalType : undefined,
    resource: decrypted as Resource,
  };
}

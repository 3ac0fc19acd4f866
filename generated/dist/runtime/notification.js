import { AEAD_AES_256_GCM, aesGcmDecrypt } from './aead.js';
import { UsageError, VerificationError } from './errors.js';
import { headerValue, verifyHeaders } from './signature.js';
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function plainHeaders(headers) {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (isRecord(headers)) return headers;
  throw new UsageError('Notification headers must be an object or a Headers instance');
}
function requiredString(record, key, where) {
  const value = record[key];
  if (typeof value !== 'string') throw new UsageError(`Notification ${where}${key} must be a string`);
  return value;
}
/**
 * Verifies and decrypts a WeChat Pay notification. Throws `VerificationError` for a bad signature, an
 * unknown serial, a timestamp outside the clock window or a resource that fails authenticated decryption;
 * `UsageError` for input that is not a notification. `now` is Unix seconds.
 */
export function verifyNotification(request, keys, now) {
  const { body } = request;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    throw new UsageError('Notification body must be the raw request body (string or Buffer), not a parsed object');
  }
  const headers = plainHeaders(request.headers);
  verifyHeaders(headers, body, keys.certs, now);
  let parsed;
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
  if (typeof associatedData !== 'string')
    throw new UsageError('Notification resource.associated_data must be a string');
  const originalType = resource['original_type'];
  let plaintext;
  try {
    plaintext = aesGcmDecrypt(
      {
        ciphertext: requiredString(resource, 'ciphertext', 'resource.'),
        nonce: requiredString(resource, 'nonce', 'resource.'),
        associatedData,
      },
      keys.secret,
    );
  } catch (error) {
    // Re-raised with the notification's own body and Request-ID, which is what a caller logs.
    if (error instanceof VerificationError) {
      const rawBody = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      throw new VerificationError(
        error.reason,
        `Notification resource: ${error.message}`,
        rawBody,
        headerValue(headers, 'Request-ID'),
      );
    }
    throw error;
  }
  let decrypted;
  try {
    decrypted = JSON.parse(plaintext);
  } catch {
    throw new UsageError('Notification resource does not decrypt to JSON');
  }
  return {
    ...envelope,
    original_type: typeof originalType === 'string' ? originalType : undefined,
    resource: decrypted,
  };
}

/**
 * Decodes the `GET /v3/certificates` response: every platform certificate is decrypted with the
 * APIv3 key and checked against its own X.509 content before its key may verify anything.
 */
import { X509Certificate } from 'node:crypto';
import { AEAD_AES_256_GCM, aesGcmDecrypt } from './aead.js';
import { UsageError, VerificationError } from './errors.js';
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringAt(record, key, where) {
  const value = record[key];
  if (typeof value !== 'string') throw new UsageError(`Certificates response ${where}.${key} must be a string`);
  return value;
}
// X.509 serials are integers: compare them without case or leading zeros (Node prints `0A..` as is but `00FF` as `FF`).
function canonicalSerial(serial) {
  return serial.toUpperCase().replace(/^0+(?=.)/, '');
}
function parseBody(body) {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
  try {
    return JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new UsageError('Certificates response body is not JSON');
  }
}
function decodeEntry(entry, where, secret, nowMs, rawBody) {
  if (!isRecord(entry)) throw new UsageError(`Certificates response ${where} must be an object`);
  const serial = stringAt(entry, 'serial_no', where);
  const effectiveTime = stringAt(entry, 'effective_time', where);
  const expireTime = stringAt(entry, 'expire_time', where);
  const sealed = entry['encrypt_certificate'];
  const sealedAt = `${where}.encrypt_certificate`;
  if (!isRecord(sealed)) throw new UsageError(`Certificates response ${sealedAt} must be an object`);
  const algorithm = stringAt(sealed, 'algorithm', sealedAt);
  if (algorithm !== AEAD_AES_256_GCM) {
    throw new UsageError(
      `Certificates response ${sealedAt}.algorithm ${JSON.stringify(algorithm)} is not ${AEAD_AES_256_GCM}`,
    );
  }
  const associatedData = sealed['associated_data'] ?? '';
  if (typeof associatedData !== 'string')
    throw new UsageError(`Certificates response ${sealedAt}.associated_data must be a string`);
  let pem;
  try {
    pem = aesGcmDecrypt(
      {
        ciphertext: stringAt(sealed, 'ciphertext', sealedAt),
        nonce: stringAt(sealed, 'nonce', sealedAt),
        associatedData,
      },
      secret,
    );
  } catch (error) {
    if (error instanceof VerificationError) {
      throw new VerificationError(error.reason, `Certificate ${serial}: ${error.message}`, rawBody, undefined);
    }
    throw error;
  }
  let certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new VerificationError(
      'certificate-invalid',
      `Certificate ${serial} does not decrypt to an X.509 certificate`,
      rawBody,
      undefined,
    );
  }
  // A certificate filed under another serial would let one key answer for another: refuse it.
  if (canonicalSerial(certificate.serialNumber) !== canonicalSerial(serial)) {
    throw new VerificationError(
      'certificate-invalid',
      `Certificate listed as ${serial} has serial number ${certificate.serialNumber}`,
      rawBody,
      undefined,
    );
  }
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (!(validFrom.getTime() <= nowMs && nowMs <= validTo.getTime())) {
    throw new VerificationError(
      'certificate-invalid',
      `Certificate ${serial} is valid from ${validFrom.toISOString()} to ${validTo.toISOString()}, not now (${new Date(nowMs).toISOString()})`,
      rawBody,
      undefined,
    );
  }
  return {
    serial,
    pem,
    publicKey: certificate.publicKey,
    effectiveTime,
    expireTime,
    validFrom,
    validTo,
  };
}
/**
 * Decrypts and checks every platform certificate in a `GET /v3/certificates` response (the parsed
 * object, or the raw body). Throws `VerificationError` when a certificate fails decryption, does not
 * carry the serial it is listed under or is outside its validity at `now` (Unix seconds); `UsageError`
 * for a body that is not such a response. A first download, made before any platform key is known,
 * is then checked with `verifyHeaders(responseHeaders, rawBody, decoded.keys)`.
 */
export function decodeCertificates(body, secret, now = Math.floor(Date.now() / 1e3)) {
  const parsed = parseBody(body);
  if (!isRecord(parsed) || !Array.isArray(parsed['data'])) {
    throw new UsageError('Certificates response must be an object with a data array');
  }
  const rawBody = Buffer.from(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  const certificates = parsed['data'].map((entry, index) =>
    decodeEntry(entry, `data[${index}]`, secret, now * 1e3, rawBody),
  );
  const certs = {};
  const keys = new Map();
  for (const { serial, pem, publicKey } of certificates) {
    certs[serial] = pem;
    keys.set(serial, publicKey);
  }
  return {
    certificates,
    certs,
    keys,
  };
}

import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';
import { UsageError, VerificationError } from './errors.js';
import { STRICT_BASE64 } from './signature.js';

/** The algorithm name WeChat Pay puts in `resource.algorithm` / `encrypt_certificate.algorithm`. */
export const AEAD_AES_256_GCM = 'AEAD_AES_256_GCM';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * One AEAD_AES_256_GCM envelope: base64 ciphertext with the 16-byte tag appended, the 12-character nonce,
 * the AAD. A notification's `resource` (or a certificate's `encrypt_certificate`) is one as sent.
 */
export interface AeadEnvelope {
  ciphertext: string;
  nonce: string;
  /** Additional authenticated data, as WeChat Pay spells it; it sends an empty string or omits it when there is none. */
  associated_data?: string;
  /** The same AAD, camel-cased; when both are given they must agree. */
  associatedData?: string;
}

/** What `aesGcmEncrypt` seals: the plaintext plus an optional fixed nonce (random when omitted). */
export interface AeadPlaintext {
  plaintext: string | Buffer;
  nonce?: string;
  associatedData?: string;
}

// The APIv3 key is a 32-character ASCII string set in the merchant console; its UTF-8 bytes are the AES key.
// The message reports only the length: the key itself must never reach an error or a log.
function apiV3Key(secret: string | Buffer): Buffer {
  if (typeof secret !== 'string' && !Buffer.isBuffer(secret)) throw new UsageError('The APIv3 key (secret) is not configured');
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length !== KEY_BYTES) {
    throw new UsageError(`The APIv3 key must be ${KEY_BYTES} bytes, got ${key.length} bytes`);
  }
  return key;
}

function nonceBytes(nonce: unknown): Buffer {
  if (typeof nonce !== 'string') throw new UsageError('AEAD_AES_256_GCM nonce must be a string');
  const bytes = Buffer.from(nonce, 'utf8');
  if (bytes.length !== NONCE_BYTES) {
    throw new UsageError(`AEAD_AES_256_GCM nonce must be ${NONCE_BYTES} bytes, got ${bytes.length}`);
  }
  return bytes;
}

function randomNonce(): string {
  let nonce = '';
  for (let i = 0; i < NONCE_BYTES; i += 1) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}

/** Opens an AEAD_AES_256_GCM envelope with the APIv3 key. The tag is always checked: any tampering throws `VerificationError`. */
export function aesGcmDecrypt(envelope: AeadEnvelope, secret: string | Buffer): string;
/** As above, returning the raw plaintext bytes. */
export function aesGcmDecrypt(envelope: AeadEnvelope, secret: string | Buffer, output: 'buffer'): Buffer;
export function aesGcmDecrypt(envelope: AeadEnvelope, secret: string | Buffer, output?: 'buffer'): string | Buffer {
  const key = apiV3Key(secret);
  const iv = nonceBytes(envelope.nonce);
  const { ciphertext, associated_data: wireAad, associatedData: camelAad } = envelope;
  if (wireAad !== undefined && camelAad !== undefined && wireAad !== camelAad) {
    throw new UsageError('AEAD_AES_256_GCM envelope carries associated_data and associatedData that differ');
  }
  const associatedData = wireAad ?? camelAad ?? '';
  if (typeof ciphertext !== 'string') throw new UsageError('AEAD_AES_256_GCM ciphertext must be a base64 string');
  if (typeof associatedData !== 'string') throw new UsageError('AEAD_AES_256_GCM associated data must be a string');
  // The GCM tag authenticates the envelope: a damaged or forged one is untrusted content, as a bad signature is.
  const reject = (message: string): never => {
    throw new VerificationError('decryption-failed', message, Buffer.from(ciphertext, 'utf8'), undefined);
  };
  // Buffer.from(.., 'base64') silently skips invalid characters; a damaged envelope must fail, not shrink.
  if (!STRICT_BASE64.test(ciphertext)) reject('AEAD_AES_256_GCM ciphertext is not valid base64');
  const sealed = Buffer.from(ciphertext, 'base64');
  if (sealed.length < TAG_BYTES) reject(`AEAD_AES_256_GCM ciphertext is shorter than its ${TAG_BYTES}-byte tag`);
  // authTagLength pins the tag to 16 bytes, so a truncated tag cannot lower the forgery bound.
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // OpenSSL only says "unable to authenticate data"; the cause carries nothing more worth keeping.
    return reject('AEAD_AES_256_GCM authentication failed: the ciphertext, nonce, associated data or key does not match');
  }
  return output === 'buffer' ? plaintext : plaintext.toString('utf8');
}

/** Seals a plaintext the way WeChat Pay does (for tests and sandboxes that play the platform's part). */
export function aesGcmEncrypt(input: AeadPlaintext, secret: string | Buffer): Required<Omit<AeadEnvelope, 'associated_data'>> {
  const key = apiV3Key(secret);
  const nonce = input.nonce ?? randomNonce();
  const associatedData = input.associatedData ?? '';
  const cipher = createCipheriv('aes-256-gcm', key, nonceBytes(nonce), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const plaintext = typeof input.plaintext === 'string' ? Buffer.from(input.plaintext, 'utf8') : input.plaintext;
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: sealed.toString('base64'), nonce, associatedData };
}

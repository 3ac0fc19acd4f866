import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import { UsageError, VerificationError } from './errors.js';
// WeChat Pay encrypts sensitive request/response fields with RSA-OAEP (MGF1 and label hash SHA-1).
// PKCS#1 v1.5 padding is deliberately not offered: it is deprecated for this use (CVE-2023-46809).
const OAEP_OPTIONS = {
  padding: constants.RSA_PKCS1_OAEP_PADDING,
  oaepHash: 'sha1',
};
/** OAEP overhead: two SHA-1 digests (20 bytes each) and two more bytes. */
const OAEP_SHA1_OVERHEAD = 42;
/** Encrypts a sensitive field with the platform public key; returns base64. The request must then carry `Wechatpay-Serial`. */
export function oaepEncrypt(plaintext, publicKey) {
  const modulusBits = publicKey.asymmetricKeyDetails?.modulusLength;
  if (publicKey.asymmetricKeyType !== 'rsa' || modulusBits === undefined) {
    throw new UsageError('RSA-OAEP encryption needs an RSA public key');
  }
  const limit = Math.floor(modulusBits / 8) - OAEP_SHA1_OVERHEAD;
  const length = Buffer.byteLength(plaintext, 'utf8');
  // The plaintext may be personal data: the message states sizes only.
  if (length > limit)
    throw new UsageError(`RSA-OAEP plaintext is ${length} bytes; a ${modulusBits}-bit key takes at most ${limit}`);
  return publicEncrypt(
    {
      key: publicKey,
      ...OAEP_OPTIONS,
    },
    Buffer.from(plaintext, 'utf8'),
  ).toString('base64');
}
/**
 * Decrypts a base64 RSA-OAEP (SHA-1) field with the merchant private key; returns the UTF-8 plaintext.
 * A ciphertext for another key, or damaged, throws `VerificationError` (OAEP padding authenticates the block).
 */
export function oaepDecrypt(ciphertext, privateKey) {
  try {
    return privateDecrypt(
      {
        key: privateKey,
        ...OAEP_OPTIONS,
      },
      Buffer.from(ciphertext, 'base64'),
    ).toString('utf8');
  } catch {
    throw new VerificationError(
      'decryption-failed',
      'RSA-OAEP decryption failed: the field was not encrypted for this private key or was altered',
      Buffer.from(ciphertext, 'utf8'),
      undefined,
    );
  }
}

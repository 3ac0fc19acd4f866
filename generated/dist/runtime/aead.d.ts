/** The algorithm name WeChat Pay puts in `resource.algorithm` / `encrypt_certificate.algorithm`. */
export declare const AEAD_AES_256_GCM = 'AEAD_AES_256_GCM';
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
/** Opens an AEAD_AES_256_GCM envelope with the APIv3 key. The tag is always checked: any tampering throws `VerificationError`. */
export declare function aesGcmDecrypt(envelope: AeadEnvelope, secret: string | Buffer): string;
/** As above, returning the raw plaintext bytes. */
export declare function aesGcmDecrypt(envelope: AeadEnvelope, secret: string | Buffer, output: 'buffer'): Buffer;
/** Seals a plaintext the way WeChat Pay does (for tests and sandboxes that play the platform's part). */
export declare function aesGcmEncrypt(
  input: AeadPlaintext,
  secret: string | Buffer,
): Required<Omit<AeadEnvelope, 'associated_data'>>;

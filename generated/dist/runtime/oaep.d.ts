import type { KeyObject } from 'node:crypto';
/** Encrypts a sensitive field with the platform public key; returns base64. The request must then carry `Wechatpay-Serial`. */
export declare function oaepEncrypt(plaintext: string, publicKey: KeyObject): string;
/**
 * Decrypts a base64 RSA-OAEP (SHA-1) field with the merchant private key; returns the UTF-8 plaintext.
 * A ciphertext for another key, or damaged, throws `VerificationError` (OAEP padding authenticates the block).
 */
export declare function oaepDecrypt(ciphertext: string, privateKey: KeyObject): string;

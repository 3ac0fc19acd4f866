/**
 * The WeChat Pay APIv3 signature scheme: request messages signed with the merchant key
 * (SHA256withRSA, PKCS#1 v1.5), response and notification messages verified with the platform key.
 */
import { type KeyObject } from 'node:crypto';
/** Maximum distance in seconds between a response's `Wechatpay-Timestamp` and the local clock. */
export declare const CLOCK_WINDOW_SECONDS = 300;
/** 32 crypto-random characters from `[0-9A-Za-z]`. */
export declare function createNonce(): string;
/** `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`, the BODY being the exact bytes sent. */
export declare function requestMessage(
  method: string,
  uri: string,
  timestamp: number | string,
  nonce: string,
  body: string | Buffer,
): Buffer;
/** `TIMESTAMP\nNONCE\nBODY\n` over the raw response (or notification) body. */
export declare function responseMessage(timestamp: number | string, nonce: string, body: string | Buffer): Buffer;
/** SHA256withRSA (PKCS#1 v1.5), base64. */
export declare function signMessage(message: Buffer, privateKey: KeyObject): string;
/**
 * {@link signMessage} on libuv's threadpool (crypto.sign's callback form): an RSA-2048 signature
 * takes about a millisecond, which would otherwise block the event loop once per request.
 */
export declare function signMessageAsync(message: Buffer, privateKey: KeyObject): Promise<string>;
/** Padded standard base64 and nothing else: `Buffer.from(.., 'base64')` would skip junk, whitespace and a second value. */
export declare const STRICT_BASE64: RegExp;
/**
 * `false` for a wrong or malformed signature, never a throw. The signature must be exactly one
 * canonical base64 value (padded, no other characters, unused bits zero) as long as the key's modulus.
 */
export declare function verifyMessage(message: Buffer, signature: string, publicKey: KeyObject): boolean;
export interface AuthorizationParts {
  mchid: string;
  serial: string;
  nonce: string;
  timestamp: number | string;
  signature: string;
}
export declare function authorizationHeader(parts: AuthorizationParts): string;
/** Response or request headers: a plain record (any name case) or axios' `AxiosHeaders`. */
export type HeaderBag = Readonly<Record<string, unknown>>;
/** Case-insensitive header lookup; the first value of a repeated header. */
export declare function headerValue(headers: HeaderBag, name: string): string | undefined;
/**
 * Checks the `Wechatpay-Timestamp`, `-Nonce`, `-Signature` and `-Serial` headers over the raw body
 * with the key registered for the serial (a platform certificate serial or a `PUB_KEY_ID_...`).
 * Throws `VerificationError`; `now` is Unix seconds (defaults to the local clock).
 */
export declare function verifyHeaders(
  headers: HeaderBag,
  rawBody: string | Buffer,
  keys: ReadonlyMap<string, KeyObject>,
  now?: number,
): void;

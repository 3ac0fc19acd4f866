/**
 * The WeChat Pay APIv3 signature scheme: request messages signed with the merchant key
 * (SHA256withRSA, PKCS#1 v1.5), response and notification messages verified with the platform key.
 */
import { randomFillSync, sign, verify, type KeyObject } from 'node:crypto';
import { VerificationError } from './errors.js';

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const NONCE_LENGTH = 32;
/** Largest multiple of 62 below 256: bytes at or above it are discarded so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % NONCE_ALPHABET.length);

/** Maximum distance in seconds between a response's `Wechatpay-Timestamp` and the local clock. */
export const CLOCK_WINDOW_SECONDS = 300;

// Crypto-random bytes drawn a batch at a time (one system call per ~100 nonces, not one per nonce); each byte is used once.
const randomPool = Buffer.alloc(4096);
let randomPoolOffset = randomPool.length;

function randomByte(): number {
  if (randomPoolOffset === randomPool.length) {
    randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  const byte = randomPool[randomPoolOffset] as number;
  randomPoolOffset += 1;
  return byte;
}

const ALPHABET_CODES = Buffer.from(NONCE_ALPHABET, 'latin1');
// Characters are written here and read out as one string (appending them one by one builds 32 strings).
const nonceBytes = Buffer.alloc(NONCE_LENGTH);

/** 32 crypto-random characters from `[0-9A-Za-z]`. */
export function createNonce(): string {
  let length = 0;
  while (length < NONCE_LENGTH) {
    const byte = randomByte();
    if (byte < UNBIASED_LIMIT) {
      nonceBytes[length] = ALPHABET_CODES[byte % ALPHABET_CODES.length] as number;
      length += 1;
    }
  }
  return nonceBytes.toString('latin1', 0, NONCE_LENGTH);
}

/** `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`, the BODY being the exact bytes sent. */
export function requestMessage(
  method: string,
  uri: string,
  timestamp: number | string,
  nonce: string,
  body: string | Buffer,
): Buffer {
  return joinMessage([method.toUpperCase(), uri, String(timestamp), nonce], body);
}

/** `TIMESTAMP\nNONCE\nBODY\n` over the raw response (or notification) body. */
export function responseMessage(timestamp: number | string, nonce: string, body: string | Buffer): Buffer {
  return joinMessage([String(timestamp), nonce], body);
}

const NEWLINE = 0x0a;

/** The lines, each ended by a newline, then the body and a newline, written into one buffer. */
function joinMessage(lines: string[], body: string | Buffer): Buffer {
  const head = `${lines.join('\n')}\n`;
  const headLength = Buffer.byteLength(head, 'utf8');
  const bodyLength = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  const message = Buffer.allocUnsafe(headLength + bodyLength + 1);
  message.write(head, 0, 'utf8');
  if (typeof body === 'string') message.write(body, headLength, 'utf8');
  else body.copy(message, headLength);
  message[headLength + bodyLength] = NEWLINE;
  return message;
}

/** SHA256withRSA (PKCS#1 v1.5), base64. */
export function signMessage(message: Buffer, privateKey: KeyObject): string {
  return sign('sha256', message, privateKey).toString('base64');
}

/**
 * {@link signMessage} on libuv's threadpool (crypto.sign's callback form): an RSA-2048 signature
 * takes about a millisecond, which would otherwise block the event loop once per request.
 */
export function signMessageAsync(message: Buffer, privateKey: KeyObject): Promise<string> {
  return new Promise((resolve, reject) => {
    sign('sha256', message, privateKey, (error, signature) => {
      if (error === null) resolve(signature.toString('base64'));
      else reject(error);
    });
  });
}

/** Padded standard base64 and nothing else: `Buffer.from(.., 'base64')` would skip junk, whitespace and a second value. */
export const STRICT_BASE64: RegExp = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `false` for a wrong or malformed signature, never a throw. The signature must be exactly one
 * canonical base64 value (padded, no other characters, unused bits zero) as long as the key's modulus.
 */
export function verifyMessage(message: Buffer, signature: string, publicKey: KeyObject): boolean {
  if (typeof signature !== 'string') return false;
  const bytes = Buffer.from(signature, 'base64');
  // Decoding skips junk, whitespace and a second value; only the canonical spelling encodes back to the same text.
  if (bytes.toString('base64') !== signature) return false;
  const modulusBits = publicKey.asymmetricKeyDetails?.modulusLength;
  if (modulusBits === undefined || bytes.length !== Math.ceil(modulusBits / 8)) return false;
  try {
    return verify('sha256', message, publicKey, bytes);
  } catch {
    return false;
  }
}

export interface AuthorizationParts {
  mchid: string;
  serial: string;
  nonce: string;
  timestamp: number | string;
  signature: string;
}

export function authorizationHeader(parts: AuthorizationParts): string {
  const { mchid, serial, nonce, timestamp, signature } = parts;
  return (
    'WECHATPAY2-SHA256-RSA2048 ' +
    `mchid="${mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial}"`
  );
}

/** Response or request headers: a plain record (any name case) or axios' `AxiosHeaders`. */
export type HeaderBag = Readonly<Record<string, unknown>>;

/** Case-insensitive header lookup; the first value of a repeated header. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first;
    if (typeof first === 'number') return String(first);
  }
  return undefined;
}

/** Serials are hexadecimal numbers and key ids upper case: a serial configured in another case is the same key. */
function keyIgnoringCase(keys: ReadonlyMap<string, KeyObject>, serial: string): KeyObject | undefined {
  const wanted = serial.toUpperCase();
  for (const [id, key] of keys) if (id.toUpperCase() === wanted) return key;
  return undefined;
}

/** The headers a response signature rests on, by lower-case name. */
const SIGNED_HEADERS: ReadonlyMap<string, number> = new Map([
  ['wechatpay-timestamp', 0],
  ['wechatpay-nonce', 1],
  ['wechatpay-signature', 2],
  ['wechatpay-serial', 3],
]);

/**
 * One pass over the bag: the one value of each signed header (`null` when it is repeated: an array
 * of several, or two spellings of its name) and the first `Request-ID`.
 */
function signedHeaderValues(headers: HeaderBag): { values: (string | undefined | null)[]; requestId: string | undefined } {
  const values: (string | undefined | null)[] = [undefined, undefined, undefined, undefined];
  let requestId: string | undefined;
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    const lower = key.toLowerCase();
    if (lower === 'request-id') {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (requestId === undefined && (typeof first === 'string' || typeof first === 'number')) requestId = String(first);
      continue;
    }
    const index = SIGNED_HEADERS.get(lower);
    if (index === undefined || value === undefined || values[index] === null) continue;
    if (values[index] !== undefined || (Array.isArray(value) && value.length !== 1)) {
      values[index] = null;
      continue;
    }
    const only: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof only === 'string') values[index] = only;
    else if (typeof only === 'number') values[index] = String(only);
  }
  return { values, requestId };
}

/**
 * Checks the `Wechatpay-Timestamp`, `-Nonce`, `-Signature` and `-Serial` headers over the raw body
 * with the key registered for the serial (a platform certificate serial or a `PUB_KEY_ID_...`).
 * Throws `VerificationError`; `now` is Unix seconds (defaults to the local clock).
 */
export function verifyHeaders(
  headers: HeaderBag,
  rawBody: string | Buffer,
  keys: ReadonlyMap<string, KeyObject>,
  now: number = Math.floor(Date.now() / 1000),
): void {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const {
    values: [timestamp, nonce, signature, serial],
    requestId,
  } = signedHeaderValues(headers);
  const fail = (reason: VerificationError['reason'], message: string): never => {
    throw new VerificationError(reason, message, body, requestId);
  };

  // A repeated header leaves open which value was signed: refused, whatever the values.
  if (timestamp === null || nonce === null || signature === null || serial === null) {
    return fail('bad-signature', 'A Wechatpay-* header is repeated');
  }
  if (timestamp === undefined || nonce === undefined || signature === undefined || serial === undefined) {
    const missing = [
      ['Wechatpay-Timestamp', timestamp],
      ['Wechatpay-Nonce', nonce],
      ['Wechatpay-Signature', signature],
      ['Wechatpay-Serial', serial],
    ]
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    return fail('missing-header', `Response is not signed: missing ${missing.join(', ')}`);
  }
  if (!/^\d{1,12}$/.test(timestamp)) return fail('malformed-timestamp', 'Wechatpay-Timestamp is not Unix seconds');
  if (Math.abs(now - Number(timestamp)) > CLOCK_WINDOW_SECONDS) {
    return fail(
      'timestamp-out-of-window',
      `Wechatpay-Timestamp is more than ${CLOCK_WINDOW_SECONDS} s away from the local clock`,
    );
  }
  const key = keys.get(serial) ?? keyIgnoringCase(keys, serial);
  if (key === undefined) {
    return fail('unknown-serial', `No platform certificate or public key configured for Wechatpay-Serial ${JSON.stringify(serial)}`);
  }
  if (!verifyMessage(responseMessage(timestamp, nonce, body), signature, key)) {
    return fail('bad-signature', `Wechatpay-Signature does not match the body (serial ${JSON.stringify(serial)})`);
  }
}

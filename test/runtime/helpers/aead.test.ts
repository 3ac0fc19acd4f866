import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../../../templates/runtime/aead.ts';
import { UsageError, VerificationError } from '../../../templates/runtime/errors.ts';

// A fresh APIv3-style key per run: 32 characters from the console's alphabet.
const secret = randomBytes(24).toString('base64');
const plaintext = JSON.stringify({ out_trade_no: '1217752501201407033233368018', amount: { total: 100 } });

function flipBase64Char(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('AEAD_AES_256_GCM', () => {
  const sealed = aesGcmEncrypt({ plaintext, associatedData: 'transaction' }, secret);

  it('round-trips text and bytes, with the nonce and AAD as sent on the wire', () => {
    expect(sealed.nonce).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(sealed.associatedData).toBe('transaction');
    expect(aesGcmDecrypt(sealed, secret)).toBe(plaintext);
    expect(aesGcmDecrypt(sealed, Buffer.from(secret), 'buffer').equals(Buffer.from(plaintext))).toBe(true);
  });

  it('treats an omitted AAD like the empty string WeChat Pay sends', () => {
    const withoutAad = aesGcmEncrypt({ plaintext, nonce: 'abcdefABCDEF' }, secret);
    expect(withoutAad.nonce).toBe('abcdefABCDEF');
    expect(aesGcmDecrypt({ ciphertext: withoutAad.ciphertext, nonce: withoutAad.nonce }, secret)).toBe(plaintext);
    expect(aesGcmDecrypt({ ...withoutAad, associatedData: '' }, secret)).toBe(plaintext);
  });

  it('uses a fresh random nonce per encryption', () => {
    const again = aesGcmEncrypt({ plaintext, associatedData: 'transaction' }, secret);
    expect(again.nonce).not.toBe(sealed.nonce);
    expect(again.ciphertext).not.toBe(sealed.ciphertext);
  });

  const tag = Buffer.from(sealed.ciphertext, 'base64').length - 1;
  it.each([
    ['a tag byte', { ...sealed, ciphertext: flipByte(sealed.ciphertext, tag) }],
    ['a ciphertext byte', { ...sealed, ciphertext: flipByte(sealed.ciphertext, 0) }],
    ['the nonce', { ...sealed, nonce: flipBase64Char(sealed.nonce, 0) }],
    ['the associated data', { ...sealed, associatedData: 'certificate' }],
    ['the associated data dropped', { ciphertext: sealed.ciphertext, nonce: sealed.nonce }],
    ['the tag truncated', { ...sealed, ciphertext: Buffer.from(sealed.ciphertext, 'base64').subarray(0, -4).toString('base64') }],
    ['the ciphertext cut below the tag length', { ...sealed, ciphertext: Buffer.alloc(15).toString('base64') }],
    ['non-base64 characters', { ...sealed, ciphertext: `${sealed.ciphertext.slice(0, 8)}!${sealed.ciphertext.slice(9)}` }],
  ])('rejects %s with a VerificationError', (_what, envelope) => {
    expect(() => aesGcmDecrypt(envelope, secret)).toThrow(VerificationError);
    expect(() => aesGcmDecrypt(envelope, secret)).toThrow(expect.objectContaining({ reason: 'decryption-failed' }));
  });

  it('rejects another APIv3 key with a VerificationError', () => {
    const otherKey = randomBytes(24).toString('base64');
    expect(() => aesGcmDecrypt(sealed, otherKey)).toThrow(expect.objectContaining({ name: 'VerificationError', reason: 'decryption-failed' }));
  });

  it('rejects a key that is not 32 bytes with a UsageError that does not echo the key', () => {
    const shortKey = secret.slice(0, 31);
    let thrown: unknown;
    try {
      aesGcmDecrypt(sealed, shortKey);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    const text = `${String(thrown)} ${(thrown as Error).stack ?? ''} ${JSON.stringify(thrown)}`;
    expect(text).toContain('32 bytes');
    expect(text).not.toContain(shortKey);
    expect(() => aesGcmEncrypt({ plaintext }, `${secret}x`)).toThrow(UsageError);
    // A JavaScript caller whose client has no APIv3 key configured.
    expect(() => aesGcmDecrypt(sealed, undefined as unknown as string)).toThrow(/not configured/);
  });

  it('rejects a nonce that is not 12 bytes with a UsageError', () => {
    expect(() => aesGcmDecrypt({ ...sealed, nonce: 'short' }, secret)).toThrow(UsageError);
    expect(() => aesGcmEncrypt({ plaintext, nonce: 'thirteen-char' }, secret)).toThrow(UsageError);
  });

  it('never puts the key into the message of a failed authentication', () => {
    let thrown: unknown;
    try {
      aesGcmDecrypt({ ...sealed, associatedData: 'tampered' }, secret);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerificationError);
    expect(`${String(thrown)} ${(thrown as Error).stack ?? ''} ${JSON.stringify(thrown)}`).not.toContain(secret);
  });
});

describe('the wire shape of an envelope (hardening item 7)', () => {
  const sealed = aesGcmEncrypt({ plaintext, associatedData: 'transaction' }, secret);
  // A notification's `resource` exactly as WeChat Pay sends it.
  const resource = { algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.ciphertext, nonce: sealed.nonce, associated_data: 'transaction', original_type: 'transaction' };

  it('decrypts a resource carrying associated_data', () => {
    expect(aesGcmDecrypt(resource, secret)).toBe(plaintext);
  });

  it('still authenticates the AAD given as associated_data', () => {
    expect(() => aesGcmDecrypt({ ...resource, associated_data: 'certificate' }, secret)).toThrow(VerificationError);
  });

  it('refuses two spellings that disagree', () => {
    expect(() => aesGcmDecrypt({ ...resource, associatedData: 'certificate' }, secret)).toThrow(UsageError);
    expect(aesGcmDecrypt({ ...resource, associatedData: 'transaction' }, secret)).toBe(plaintext);
  });
});

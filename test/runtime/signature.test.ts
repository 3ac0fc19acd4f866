import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerificationError } from '../../templates/runtime/errors.ts';
import {
  authorizationHeader,
  createNonce,
  requestMessage,
  responseMessage,
  signMessage,
  signMessageAsync,
  verifyHeaders,
  verifyMessage,
} from '../../templates/runtime/signature.ts';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys = new Map([['PUB_KEY_ID_01', platform.publicKey]]);
const NOW = 1_700_000_000;

function signedHeaders(body: string, timestamp = NOW): Record<string, string> {
  const nonce = createNonce();
  return {
    'wechatpay-timestamp': String(timestamp),
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signMessage(responseMessage(timestamp, nonce, body), platform.privateKey),
    'wechatpay-serial': 'PUB_KEY_ID_01',
    'request-id': 'RID',
  };
}

describe('signature', () => {
  it('creates 32-character alphanumeric nonces that do not repeat', () => {
    const nonces = Array.from({ length: 500 }, createNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
    // Every character of the alphabet shows up across 16 000 draws: no part of it is unreachable.
    expect(new Set(nonces.join('')).size).toBe(62);
  });

  it('signs on the threadpool exactly as on the event loop (PKCS#1 v1.5 is deterministic)', async () => {
    const message = requestMessage('POST', '/v3/a', NOW, createNonce(), '{"a":1}');
    const signature = await signMessageAsync(message, platform.privateKey);
    expect(signature).toBe(signMessage(message, platform.privateKey));
    expect(verifyMessage(message, signature, platform.publicKey)).toBe(true);
    await expect(signMessageAsync(message, platform.publicKey)).rejects.toThrow();
  });

  it('builds the documented messages', () => {
    expect(requestMessage('post', '/v3/a?b=1', 1, 'N', '{}').toString()).toBe('POST\n/v3/a?b=1\n1\nN\n{}\n');
    expect(requestMessage('GET', '/v3/a', '2', 'N', '').toString()).toBe('GET\n/v3/a\n2\nN\n\n');
    expect(responseMessage(3, 'N', Buffer.from('体')).toString()).toBe('3\nN\n体\n');
  });

  it('signs with SHA256withRSA and verifies only with the matching key and message', () => {
    const message = Buffer.from('GET\n/v3/a\n1\nN\n\n');
    const signature = signMessage(message, platform.privateKey);
    expect(verifyMessage(message, signature, platform.publicKey)).toBe(true);
    expect(verifyMessage(Buffer.from('GET\n/v3/b\n1\nN\n\n'), signature, platform.publicKey)).toBe(false);
    expect(verifyMessage(message, signature, other.publicKey)).toBe(false);
    expect(verifyMessage(message, 'not base64 !!', platform.publicKey)).toBe(false);
  });

  it('formats the Authorization header', () => {
    expect(authorizationHeader({ mchid: '1900', serial: 'AB', nonce: 'N', timestamp: 1, signature: 'S' })).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900",nonce_str="N",signature="S",timestamp="1",serial_no="AB"',
    );
  });

  it('verifies headers case-insensitively within the clock window', () => {
    const upper = Object.fromEntries(Object.entries(signedHeaders('{"a":1}')).map(([name, value]) => [name.toUpperCase(), value]));
    expect(() => verifyHeaders(upper, '{"a":1}', keys, NOW + 300)).not.toThrow();
    expect(() => verifyHeaders(signedHeaders('{"a":1}'), Buffer.from('{"a":1}'), keys, NOW - 300)).not.toThrow();
  });

  it.each([
    ['outside the window', (h: Record<string, string>) => h, NOW + 301, 'timestamp-out-of-window'],
    ['a non-numeric timestamp', (h: Record<string, string>) => ({ ...h, 'wechatpay-timestamp': '1e9' }), NOW, 'malformed-timestamp'],
    ['an unknown serial', (h: Record<string, string>) => ({ ...h, 'wechatpay-serial': 'X' }), NOW, 'unknown-serial'],
    ['a missing nonce', ({ 'wechatpay-nonce': _, ...h }: Record<string, string>) => h, NOW, 'missing-header'],
    ['another nonce', (h: Record<string, string>) => ({ ...h, 'wechatpay-nonce': createNonce() }), NOW, 'bad-signature'],
  ])('rejects %s with the raw body and Request-ID', (_case, change, now, reason) => {
    let error: unknown;
    try {
      verifyHeaders(change(signedHeaders('{"a":1}')), '{"a":1}', keys, now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VerificationError);
    expect(error).toMatchObject({ reason, requestId: 'RID' });
    expect((error as VerificationError).body.toString()).toBe('{"a":1}');
  });
});

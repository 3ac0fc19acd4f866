import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesGcmEncrypt } from '../../templates/runtime/aead.ts';
import { UsageError, VerificationError, PACKAGE_NAME, PACKAGE_VERSION } from '../../templates/runtime/index.ts';
import { createNonce, responseMessage, signMessage } from '../../templates/runtime/signature.ts';
import { hasOpenssl, issueCertificate } from './helpers/openssl.ts';
import { Wechatpay, clientOptions } from './support/client.ts';
import { generateTestKeys, startTestServer, type TestKeys, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
const secret = randomBytes(24).toString('base64');
const transaction = { out_trade_no: '1217752501201407033233368018', trade_state: 'SUCCESS' };

/** Plays the platform: an encrypted resource in an envelope signed with the platform certificate key. */
function notification(platform: TestKeys = keys, apiV3Key: string = secret): { headers: Record<string, string>; body: string } {
  const sealed = aesGcmEncrypt({ plaintext: JSON.stringify(transaction), associatedData: 'transaction' }, apiV3Key);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.ciphertext, associated_data: 'transaction', nonce: sealed.nonce },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = createNonce();
  const signature = signMessage(responseMessage(timestamp, nonce, body), platform.certificate.privateKey);
  return {
    body,
    headers: { 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signature, 'wechatpay-serial': platform.certificateSerial },
  };
}

describe('client notification and decryption methods', () => {
  const wxpay = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:9', { secret }));

  it('verifyNotification checks the signature with the configured certs and decrypts with the configured secret', () => {
    const { headers, body } = notification();
    const verified = wxpay.verifyNotification<typeof transaction>({ headers, body: Buffer.from(body) });
    expect(verified.event_type).toBe('TRANSACTION.SUCCESS');
    expect(verified.resource).toEqual(transaction);
    const tampered = body.replace('TRANSACTION.SUCCESS', 'REFUND.SUCCESS');
    expect(() => wxpay.verifyNotification({ headers, body: tampered })).toThrow(expect.objectContaining({ reason: 'bad-signature' }));
  });

  it('verifyNotification reports a resource sealed with another key as decryption-failed', () => {
    const { headers, body } = notification(keys, randomBytes(24).toString('base64'));
    expect(() => wxpay.verifyNotification({ headers, body })).toThrow(expect.objectContaining({ name: 'VerificationError', reason: 'decryption-failed' }));
  });

  it('decrypt opens a resource as WeChat Pay sends it', () => {
    const sealed = aesGcmEncrypt({ plaintext: 'plaintext', associatedData: 'certificate' }, secret);
    const resource = { algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.ciphertext, nonce: sealed.nonce, associated_data: 'certificate' };
    expect(wxpay.decrypt(resource)).toBe('plaintext');
    expect(() => wxpay.decrypt({ ...resource, associated_data: 'other' })).toThrow(VerificationError);
    expect(() => wxpay.decrypt({ ...resource, algorithm: 'AEAD_SM4_GCM' })).toThrow(UsageError);
  });

  it('both need the secret to be configured', () => {
    const withoutSecret = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:9'));
    expect(() => withoutSecret.verifyNotification(notification())).toThrow(/verifyNotification needs the APIv3 key/);
    expect(() => withoutSecret.decrypt({ ciphertext: '', nonce: '' })).toThrow(/decrypt needs the APIv3 key/);
  });

  it('keep the secret private: not in inspect, JSON, keys or errors', () => {
    const buffered = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:9', { secret: Buffer.from(secret) }));
    for (const client of [wxpay, buffered]) {
      const views = [inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), Object.getOwnPropertyNames(client).join(',')];
      for (const view of views) {
        expect(view).not.toContain(secret);
        expect(view).not.toContain(Buffer.from(secret).toString('hex'));
      }
      const errors: unknown[] = [];
      const { headers, body } = notification(keys, randomBytes(24).toString('base64'));
      for (const run of [() => client.verifyNotification({ headers, body }), () => client.decrypt({ ciphertext: 'AAAA', nonce: 'x' })]) {
        try {
          run();
        } catch (error) {
          errors.push(error);
        }
      }
      expect(errors).toHaveLength(2);
      for (const error of errors) expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toContain(secret);
    }
  });
});

describe('User-Agent', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(keys);
  });
  afterAll(() => server.close());

  it('names the package with its version, and the Node version', async () => {
    await new Wechatpay(clientOptions(keys, server.baseURL)).untyped('v3/things/{id}').get({ id: 'T1' });
    expect(server.requests[0]?.headers['user-agent']).toBe(`${PACKAGE_NAME}/${PACKAGE_VERSION} (Node.js ${process.version}; ${process.platform})`);
    expect(PACKAGE_NAME).toBe('@wechatpay-sdk/apiv3');
  });
});

describe.skipIf(!hasOpenssl())('an X.509 platform certificate in certs', () => {
  const serial = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';
  let platform: TestKeys;
  let pem: string;
  let server: TestServer;
  // Issued in beforeAll: a skipped suite's body still runs to collect its tests.
  beforeAll(async () => {
    const issued = issueCertificate(serial);
    pem = issued.pem;
    platform = { ...keys, certificateSerial: serial, certificate: { privateKey: issued.privateKey, publicKey: issued.publicKey } };
    server = await startTestServer(platform);
  });
  afterAll(() => server?.close());

  it('verifies responses and notifications signed with the certificate key', async () => {
    const wxpay = new Wechatpay({ ...clientOptions(platform, server.baseURL, { secret }), certs: { [serial]: pem } });
    const response = await wxpay.untyped('v3/things/{id}').get({ id: 'T1' });
    expect(response.data).toEqual({ method: 'GET', url: '/v3/things/T1' });
    expect(wxpay.verifyNotification(notification(platform)).resource).toEqual(transaction);
  });

  it('is filed under its own serial (any case, leading zeros optional), else construction fails', () => {
    const options = clientOptions(platform, server.baseURL);
    expect(() => new Wechatpay({ ...options, certs: { [serial.toLowerCase()]: pem } })).not.toThrow();
    expect(() => new Wechatpay({ ...options, certs: { [serial.slice(1)]: pem } })).not.toThrow();
    const wrongKey = 'FFFF2C3D4E5F60718293A4B5C6D7E8F901234567';
    expect(() => new Wechatpay({ ...options, certs: { [wrongKey]: pem } })).toThrow(UsageError);
    expect(() => new Wechatpay({ ...options, certs: { [wrongKey]: pem } })).toThrow(
      `certs["${wrongKey}"] holds the certificate with serial ${serial}: the key must be its serial`,
    );
  });
});

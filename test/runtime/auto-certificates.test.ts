/**
 * `autoCertificates`: the client downloads GET /v3/certificates from the test server, whose
 * platform key belongs to a certificate issued at test time, and keeps the certificates current.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aesGcmEncrypt } from '../../templates/runtime/aead.ts';
import { CertificateKeeper } from '../../templates/runtime/certificate-keeper.ts';
import { VerificationError } from '../../templates/runtime/errors.ts';
import { hasOpenssl, issueCertificate, type IssuedCertificate } from './helpers/openssl.ts';
import { Wechatpay, clientOptions } from './support/client.ts';
import { signedNotification } from './support/notify.ts';
import { generateTestKeys, startTestServer, type ReceivedRequest, type ScriptedResponse, type TestKeys, type TestServer } from './support/server.ts';

const secret = randomBytes(24).toString('base64');
const SERIAL = '7132D72A03E93CDDF8C03BBD1F37EEDF2E0F4D2F';
const NEXT_SERIAL = '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567';

function certificatesBody(certificates: [string, IssuedCertificate][]): unknown {
  return {
    data: certificates.map(([serial, certificate]) => {
      const sealed = aesGcmEncrypt({ plaintext: certificate.pem, associatedData: 'certificate' }, secret);
      return {
        serial_no: serial,
        effective_time: '2026-01-01T00:00:00+08:00',
        expire_time: '2031-01-01T00:00:00+08:00',
        encrypt_certificate: { algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate', nonce: sealed.nonce, ciphertext: sealed.ciphertext },
      };
    }),
  };
}

describe.skipIf(!hasOpenssl())('autoCertificates', () => {
  let current: IssuedCertificate;
  let next: IssuedCertificate;
  let keys: TestKeys;
  let server: TestServer;
  /** What the server lists on GET /v3/certificates, and how it answers it. */
  let listed: [string, IssuedCertificate][];
  let certificatesAnswer: (request: ReceivedRequest) => ScriptedResponse;

  beforeAll(async () => {
    current = issueCertificate(SERIAL);
    next = issueCertificate(NEXT_SERIAL, 365);
    keys = { ...generateTestKeys(), certificateSerial: SERIAL, certificate: { privateKey: current.privateKey, publicKey: current.publicKey } };
    server = await startTestServer(keys);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.requests.length = 0;
    listed = [[SERIAL, current]];
    keys.certificateSerial = SERIAL;
    keys.certificate = { privateKey: current.privateKey, publicKey: current.publicKey };
    certificatesAnswer = () => ({ body: certificatesBody(listed) });
    server.respond = (request) => (request.url === '/v3/certificates' ? certificatesAnswer(request) : { body: { ok: true } });
  });

  const autoClient = (options: Parameters<typeof clientOptions>[2] = {}) =>
    new Wechatpay({ ...clientOptions(keys, server.baseURL, { secret, autoCertificates: true, ...options }), certs: undefined });
  const downloads = (): number => server.requests.filter((request) => request.url === '/v3/certificates').length;

  it('starts without certs: the first response triggers one signed download, verified with what it carries', async () => {
    const wxpay = autoClient();
    const { data } = await wxpay.untyped('v3/things/{id}').get({ id: '1' });
    expect(data).toEqual({ ok: true });
    expect(server.requests.map((request) => [request.url, request.signatureValid])).toEqual([
      ['/v3/things/1', true],
      ['/v3/certificates', true],
    ]);
    await wxpay.untyped('v3/things/{id}').get({ id: '2' });
    expect(downloads()).toBe(1);
  });

  it('one download in flight however many responses wait for it', async () => {
    const wxpay = autoClient();
    await Promise.all(Array.from({ length: 6 }, (_, index) => wxpay.untyped('v3/things/{id}').get({ id: String(index) })));
    expect(downloads()).toBe(1);
  });

  it('picks up a rotated platform certificate on its unknown serial; within minInterval no second download', async () => {
    const wxpay = autoClient({ autoCertificates: { minInterval: 0 } });
    await wxpay.untyped('v3/things/{id}').get({ id: '1' });
    listed = [[SERIAL, current], [NEXT_SERIAL, next]];
    keys.certificateSerial = NEXT_SERIAL;
    keys.certificate = { privateKey: next.privateKey, publicKey: next.publicKey };
    await wxpay.untyped('v3/things/{id}').get({ id: '2' });
    expect(downloads()).toBe(2);

    const limited = autoClient({ autoCertificates: { minInterval: 60_000 } });
    listed = [[SERIAL, current]];
    keys.certificateSerial = SERIAL;
    keys.certificate = { privateKey: current.privateKey, publicKey: current.publicKey };
    await limited.untyped('v3/things/{id}').get({ id: '3' });
    keys.certificateSerial = NEXT_SERIAL;
    keys.certificate = { privateKey: next.privateKey, publicKey: next.publicKey };
    const before = downloads();
    await expect(limited.untyped('v3/things/{id}').get({ id: '4' })).rejects.toMatchObject({ name: 'VerificationError', reason: 'unknown-serial' });
    expect(downloads()).toBe(before);
  });

  it('a certificates response that fails its signature keeps nothing; the call fails, saying why', async () => {
    certificatesAnswer = () => ({
      body: certificatesBody(listed),
      tamper: (headers, body) => ({ headers, body: Buffer.from(body.toString().replace('2031', '2032')) }),
    });
    const wxpay = autoClient();
    const error = await wxpay.untyped('v3/things/{id}').get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as Error).message).toMatch(/unknown-serial|No platform certificate/);
    expect((error as Error).message).toMatch(/downloading the platform certificates failed: Wechatpay-Signature does not match/);
    expect((error as Error).message).not.toContain(secret);
  });

  it('a certificate listed under another serial is refused', async () => {
    listed = [[NEXT_SERIAL, current]];
    const wxpay = autoClient();
    await expect(wxpay.refreshCertificates()).rejects.toMatchObject({ reason: 'certificate-invalid' });
  });

  it('refreshCertificates() returns the checked certificates; configured public keys keep working beside them', async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL, { secret }));
    const certificates = await wxpay.refreshCertificates();
    expect(certificates.map((certificate) => certificate.serial)).toEqual([SERIAL]);
    expect(certificates[0]?.pem).toBe(current.pem);
    server.respond = () => ({ body: { ok: true }, signWith: 'publicKey' });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1' })).resolves.toMatchObject({ data: { ok: true } });
  });

  it('the notification handler downloads the certificates for a notification signed with an unknown serial', async () => {
    const wxpay = autoClient();
    const events: string[] = [];
    const handler = wxpay.notificationHandler((event) => {
      events.push(event.event_type);
    });
    const notification = signedNotification({ serial: SERIAL, privateKey: current.privateKey, secret }, 'REFUND.SUCCESS', { refund_id: 'R' });
    expect(await handler.handle(notification)).toMatchObject({ status: 204 });
    expect(events).toEqual(['REFUND.SUCCESS']);
    expect(downloads()).toBe(1);
  });

  it('takes an empty certs map as none', async () => {
    const wxpay = new Wechatpay({ ...clientOptions(keys, server.baseURL, { secret, autoCertificates: true }), certs: {} });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1' })).resolves.toMatchObject({ data: { ok: true } });
  });

  it('needs the APIv3 key', () => {
    expect(() => new Wechatpay({ ...clientOptions(keys, server.baseURL, { autoCertificates: true }), certs: undefined })).toThrow(/secret/);
  });

  it('downloads in the background once a kept certificate is close to its expiry (at most hourly)', async () => {
    const calls: number[] = [];
    // The keeper takes the raw, unverified answer; here straight from the test server.
    const keeper = new CertificateKeeper(
      new Map(),
      async () => {
        calls.push(Date.now());
        const raw = await fetch(`${server.baseURL}/v3/certificates`);
        return { headers: Object.fromEntries(raw.headers.entries()), body: Buffer.from(await raw.arrayBuffer()) };
      },
      () => secret,
      { refreshBeforeExpiry: 40 * 86_400_000 },
    );
    await keeper.refresh();
    expect(calls).toHaveLength(1);
    keeper.refreshIfExpiring(Date.now() + 10 * 60_000);
    expect(calls).toHaveLength(1);
    keeper.refreshIfExpiring(Date.now() + 2 * 3_600_000);
    await keeper.refresh();
    expect(calls).toHaveLength(2);
  });
});

/** The generated package's `apiv3` bin, spawned against the test server with keys written at test time. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aesGcmEncrypt } from '../../templates/runtime/aead.ts';
import { hasOpenssl, issueCertificate } from './helpers/openssl.ts';
import { generateTestKeys, startTestServer, type TestKeys, type TestServer } from './support/server.ts';

const CLI = resolve('generated/dist/cli.js');
const secret = randomBytes(24).toString('base64');

let keys: TestKeys;
let server: TestServer;
let dir: string;
let certificatePem: string | undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env } }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  const issued = hasOpenssl() ? issueCertificate('7132D72A03E93CDDF8C03BBD1F37EEDF2E0F4D2F') : undefined;
  keys = generateTestKeys();
  if (issued) {
    keys.certificate = { privateKey: issued.privateKey, publicKey: issued.publicKey };
    certificatePem = issued.pem;
  }
  server = await startTestServer(keys);
  dir = mkdtempSync(join(tmpdir(), 'wechatpay-cli-'));
  writeFileSync(join(dir, 'apiclient_key.pem'), keys.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'platform.pem'), keys.certificate.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(
    join(dir, 'client.json'),
    JSON.stringify({ baseURL: server.baseURL, mchid: keys.mchid, serial: keys.merchantSerial, privateKey: 'apiclient_key.pem', certs: { [keys.certificateSerial]: 'platform.pem' } }),
  );
  writeFileSync(join(dir, 'data.json'), JSON.stringify({ name: 'from a file' }));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
  server.respond = (request) => ({ body: { method: request.method, url: request.url, body: request.body.toString() } });
});

describe('apiv3 call', () => {
  it('sends a signed request from flags and prints the verified JSON', async () => {
    const result = await run([
      'call', 'POST', 'v3/things/{id}',
      '--params', '{"id":"T 1"}', '--data', '{"name":"x"}', '--query', '{"mchid":"1900000001"}',
      '--mchid', keys.mchid, '--serial', keys.merchantSerial, '--private-key', 'apiclient_key.pem',
      '--cert', `${keys.certificateSerial}=platform.pem`, '--base-url', server.baseURL,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ method: 'POST', url: '/v3/things/T%201?mchid=1900000001', body: '{"name":"x"}' });
    expect(server.requests[0]?.signatureValid).toBe(true);
  });

  it('reads the sandbox-style client.json (paths relative to it) and @file data', async () => {
    const result = await run(['call', 'put', 'v3/things/{id}', '--config', 'client.json', '--params', '{"id":"1"}', '--data', '@data.json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).body).toBe('{"name":"from a file"}');
  });

  it('takes its configuration from the environment', async () => {
    const result = await run(['call', 'GET', 'v3/things/2'], {
      WECHATPAY_MCHID: keys.mchid,
      WECHATPAY_SERIAL: keys.merchantSerial,
      WECHATPAY_PRIVATE_KEY: 'apiclient_key.pem',
      WECHATPAY_CERTS: `${keys.certificateSerial}=platform.pem`,
      WECHATPAY_BASE_URL: server.baseURL,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).url).toBe('/v3/things/2');
  });

  it('reports WeChat Pay errors and failed verification as one message, no stack trace, exit 1', async () => {
    server.respond = () => ({ status: 400, body: { code: 'PARAM_ERROR', message: 'bad mchid', detail: { field: 'mchid' } }, signWith: false });
    const failed = await run(['call', 'GET', 'v3/things/3', '--config', 'client.json']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^apiv3: HTTP 400 PARAM_ERROR: bad mchid \(Request-ID req-1\)\n {2}detail: \{"field":"mchid"\}\n$/);
    server.respond = () => ({ body: { ok: true }, tamper: (headers, body) => ({ headers, body: Buffer.from(`${body.toString()} `) }) });
    const forged = await run(['call', 'GET', 'v3/things/4', '--config', 'client.json']);
    expect(forged).toMatchObject({ code: 1, stdout: '' });
    expect(forged.stderr).toMatch(/^apiv3: Wechatpay-Signature does not match the body/);
    expect(forged.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses bad arguments with exit 2: unknown verb, bad JSON, a secret in the config file', async () => {
    expect(await run(['call', 'FETCH', 'v3/x', '--config', 'client.json'])).toMatchObject({ code: 2 });
    const badJson = await run(['call', 'POST', 'v3/x', '--config', 'client.json', '--data', '{oops']);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/--data is not JSON/);
    writeFileSync(join(dir, 'leaky.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'client.json'), 'utf8')), secret }));
    const leaky = await run(['call', 'GET', 'v3/x', '--config', 'leaky.json']);
    expect(leaky.code).toBe(2);
    expect(leaky.stderr).toMatch(/WECHATPAY_APIV3_KEY only/);
    expect(leaky.stderr).not.toContain(secret);
    expect(server.requests).toHaveLength(0);
  });
});

describe.skipIf(!hasOpenssl())('apiv3 certificates', () => {
  it('downloads, checks and writes the platform certificates; the APIv3 key comes from the environment and is never printed', async () => {
    server.respond = (request) => {
      if (request.url !== '/v3/certificates') return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: 'no' } };
      const sealed = aesGcmEncrypt({ plaintext: certificatePem as string, associatedData: 'certificate' }, secret);
      return {
        body: {
          data: [
            {
              serial_no: keys.certificateSerial,
              effective_time: '2026-01-01T00:00:00+08:00',
              expire_time: '2031-01-01T00:00:00+08:00',
              encrypt_certificate: { algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate', ...sealed },
            },
          ],
        },
      };
    };
    const env = {
      WECHATPAY_MCHID: keys.mchid,
      WECHATPAY_SERIAL: keys.merchantSerial,
      WECHATPAY_PRIVATE_KEY: 'apiclient_key.pem',
      WECHATPAY_BASE_URL: server.baseURL,
      WECHATPAY_APIV3_KEY: secret,
    };
    const result = await run(['certificates', '--out', 'certs'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${keys.certificateSerial} {2}valid until \\S+Z {2}.*certs/${keys.certificateSerial}\\.pem\\n$`));
    expect(readdirSync(join(dir, 'certs'))).toEqual([`${keys.certificateSerial}.pem`]);
    expect(readFileSync(join(dir, 'certs', `${keys.certificateSerial}.pem`), 'utf8')).toBe(certificatePem);
    expect(server.requests.map((request) => [request.url, request.signatureValid])).toEqual([['/v3/certificates', true]]);

    const missingKey = await run(['certificates', '--out', 'certs'], { ...env, WECHATPAY_APIV3_KEY: '' });
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toMatch(/WECHATPAY_APIV3_KEY/);
    const wrongKey = await run(['certificates', '--out', 'certs'], { ...env, WECHATPAY_APIV3_KEY: randomBytes(24).toString('base64') });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/authentication failed/);
    expect(`${result.stdout}${wrongKey.stderr}`).not.toContain(secret);
  });
});

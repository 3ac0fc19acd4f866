/**
 * The HTTP exchange under the pipeline, against real servers on 127.0.0.1: what the direct
 * transport guarantees (compressed answers, no redirects, connection reuse, abort signals, error
 * codes) and which options still go through axios (proxies from the environment, custom adapters).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Agent, createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { urlToHttpOptions } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { AxiosAdapter, AxiosResponse } from 'axios';
import { ApiError, NetworkError, TimeoutError, createNonce, responseMessage, signMessage } from '../../templates/runtime/index.ts';
import { requestOptions } from '../../templates/runtime/transport.ts';
import { Wechatpay, clientOptions, loose, readStream } from './support/client.ts';
import { generateTestKeys, useTestServer, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
let server: TestServer;

useTestServer(keys, (started) => (server = started));

const things = (client: object) => loose(client).v3!.things!._id_!;

describe('compressed answers', () => {
  for (const [encoding, compress] of [
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const) {
    it(`verifies a ${encoding} body over its inflated bytes`, async () => {
      server.respond = () => ({
        body: { answer: 'x'.repeat(2000) },
        tamper: (headers, body) => ({ headers: { ...headers, 'Content-Encoding': encoding }, body: compress(body) }),
      });
      const response = await things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '1' });
      expect(response.data).toEqual({ answer: 'x'.repeat(2000) });
      expect(server.requests[0]?.headers['accept-encoding']).toContain(encoding);
    });
  }

  it('leaves the body alone with decompress: false (the compressed bytes then fail verification)', async () => {
    server.respond = () => ({
      body: { answer: 'y' },
      tamper: (headers, body) => ({ headers: { ...headers, 'Content-Encoding': 'gzip' }, body: gzipSync(body) }),
    });
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL, { decompress: false }));
    await expect(things(wxpay).get({ id: '1' })).rejects.toMatchObject({ reason: 'bad-signature' });
    expect(server.requests[0]?.headers['accept-encoding']).toBeUndefined();
  });

  it('streams a compressed download inflated', async () => {
    const file = 'line\n'.repeat(10_000);
    server.respond = () => ({ body: gzipSync(file), headers: { 'Content-Encoding': 'gzip' }, signWith: false });
    const response = await loose(new Wechatpay(clientOptions(keys, server.baseURL))).v3!.billdownload!.file!.get();
    expect(await readStream(response.data as never)).toBe(file);
  });
});

describe('connections', () => {
  it('does not follow a redirect: the signature was for this URI only', async () => {
    server.respond = () => ({ status: 302, headers: { Location: '/v3/things/2' }, signWith: false });
    const error: unknown = await things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect(server.requests.map((request) => request.url)).toEqual(['/v3/things/1']);
  });

  it("reuses a kept-alive connection of the caller's agent", async () => {
    const httpAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const wxpay = new Wechatpay(clientOptions(keys, server.baseURL, { httpAgent }));
      for (const id of ['1', '2', '3']) await things(wxpay).post({ id }, { id });
      const ports = new Set(server.requests.map((request) => request.remotePort));
      expect(server.requests).toHaveLength(3);
      expect(server.requests.every((request) => request.signatureValid)).toBe(true);
      expect(ports.size).toBe(1);
    } finally {
      httpAgent.destroy();
    }
  });

  it('asks node:http for the host, port and path it would derive from the URL itself', () => {
    for (const href of [
      'http://127.0.0.1:8080/v3/a?b=1&c=%20',
      'https://api.mch.weixin.qq.com/v3/pay/transactions/native',
      'https://api.mch.weixin.qq.com:443/v3/x',
      'http://[::1]:9000/v3/x',
      'https://[2001:db8::1]/v3/x?y=1',
    ]) {
      const url = new URL(href);
      const path = `${url.pathname}${url.search}`;
      const options = requestOptions({ method: 'GET', url, path, headers: {}, body: undefined, agent: undefined, decompress: true });
      const derived = urlToHttpOptions(url);
      expect({ protocol: options.protocol, hostname: options.hostname, port: options.port, path: options.path }).toEqual({
        protocol: derived.protocol,
        hostname: derived.hostname,
        port: derived.port === '' ? undefined : derived.port,
        path: derived.path,
      });
    }
  });

  it('fails the call when the connection drops in the middle of the body', async () => {
    // Headers announce 100 bytes; 10 arrive, then the connection is cut.
    const cutting = createNetServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":"1234');
        setTimeout(() => socket.destroy(), 20);
      });
    });
    await new Promise<void>((resolve) => cutting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = cutting.address() as AddressInfo;
      const error: unknown = await things(new Wechatpay(clientOptions(keys, `http://127.0.0.1:${port}`)))
        .get({ id: '1' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).not.toBeInstanceOf(TimeoutError);
    } finally {
      await new Promise<void>((resolve) => cutting.close(() => resolve()));
    }
  });

  it('keeps the system error code of a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error: unknown = await things(new Wechatpay(clientOptions(keys, `http://127.0.0.1:${port}`)))
      .get({ id: '1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('abort signals', () => {
  it("ends a call when the caller's signal aborts, headers pending or body half read", async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    for (const script of [{ hang: true }, { body: { padding: 'x'.repeat(40) }, trickle: 200 }]) {
      server.respond = () => script;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const error: unknown = await things(wxpay).get({ id: '1', signal: controller.signal }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ code: 'ERR_CANCELED' });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('sends nothing for a signal aborted before the call', async () => {
    const error: unknown = await things(new Wechatpay(clientOptions(keys, server.baseURL)))
      .get({ id: '1', signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ERR_CANCELED' });
    expect(server.requests).toHaveLength(0);
  });
});

/**
 * Holds every thread of libuv's pool in an open() of a FIFO that has no writer, so work queued
 * there (a request signature) stays pending until the returned function releases the pool.
 */
function holdThreadpool(): () => Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'threadpool-'));
  const fifo = join(directory, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const readers = Array.from({ length: threads }, () => open(fifo, 'r'));
  return async () => {
    // A writer lets every blocked reader's open() return.
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      for (const reader of await Promise.all(readers)) await reader.close();
    } finally {
      closeSync(writer);
      rmSync(directory, { recursive: true });
    }
  };
}

describe.skipIf(process.platform === 'win32')('a request signature pending on the threadpool', () => {
  it("ends the call when the caller's signal aborts, and the signature finished later is not sent", async () => {
    const release = holdThreadpool();
    let error: unknown;
    try {
      await delay(50);
      const controller = new AbortController();
      const call = things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '1', signal: controller.signal });
      const settled = call.catch((caught: unknown) => caught);
      // The event loop runs while the call is being signed; nothing has been sent yet.
      await delay(100);
      expect(server.requests).toHaveLength(0);
      controller.abort();
      error = await settled;
    } finally {
      await release();
    }
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'ERR_CANCELED' });
    await delay(100);
    expect(server.requests).toHaveLength(0);
  });

  it('counts the signing time against the deadline', async () => {
    const release = holdThreadpool();
    let error: unknown;
    const started = Date.now();
    try {
      await delay(50);
      error = await things(new Wechatpay(clientOptions(keys, server.baseURL, { timeout: 200 })))
        .get({ id: '1' })
        .catch((caught: unknown) => caught);
    } finally {
      await release();
    }
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    await delay(100);
    expect(server.requests).toHaveLength(0);
  });
});

describe('options only axios implements still go through it', () => {
  let proxy: Server;
  let proxied: IncomingMessage[];
  const saved = process.env.HTTP_PROXY;

  beforeAll(async () => {
    proxied = [];
    // A forward proxy: takes the absolute-URI request and answers it from the test server.
    proxy = createServer((req, res) => {
      proxied.push(req);
      const target = new URL(req.url ?? '');
      fetch(`${server.baseURL}${target.pathname}${target.search}`, { method: req.method, headers: req.headers as Record<string, string> })
        .then(async (answer) => {
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
    proxied.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('a proxy named by HTTP_PROXY carries the signed request; proxy: false ignores it', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const response = await things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '7' });
    expect(response.data).toEqual({ method: 'GET', url: '/v3/things/7' });
    expect(proxied.map((request) => request.url)).toEqual([`${server.baseURL}/v3/things/7`]);
    expect(server.requests[0]?.signatureValid).toBe(true);

    await things(new Wechatpay(clientOptions(keys, server.baseURL, { proxy: false }))).get({ id: '8' });
    expect(proxied).toHaveLength(1);
  });

  it("a caller's adapter answers the call, and its answer is verified", async () => {
    const seen: string[] = [];
    const answer = (body: string, signature?: string): AxiosAdapter => async (config) => {
      seen.push(`${config.method} ${config.url}`);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = createNonce();
      const headers = {
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
        'wechatpay-serial': keys.certificateSerial,
        'wechatpay-signature': signature ?? signMessage(responseMessage(timestamp, nonce, body), keys.certificate.privateKey),
        'content-type': 'application/json',
      };
      return { data: Buffer.from(body), status: 200, statusText: 'OK', headers, config } as AxiosResponse;
    };
    const wxpay = new Wechatpay(clientOptions(keys, 'https://api.example.test', { adapter: answer('{"ok":true}') }));
    await expect(things(wxpay).get({ id: '9' })).resolves.toMatchObject({ data: { ok: true } });
    const forged = new Wechatpay(clientOptions(keys, 'https://api.example.test', { adapter: answer('{"ok":true}', 'A'.repeat(344)) }));
    await expect(things(forged).get({ id: '9' })).rejects.toMatchObject({ reason: 'bad-signature' });
    expect(seen).toEqual(['get https://api.example.test/v3/things/9', 'get https://api.example.test/v3/things/9']);
  });
});

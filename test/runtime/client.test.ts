import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { oaepDecrypt } from '../../templates/runtime/oaep.ts';
import { ApiError, NetworkError, TimeoutError, UsageError, VerificationError, type RetryEvent } from '../../templates/runtime/index.ts';
import { Wechatpay, clientOptions, loose, readStream } from './support/client.ts';
import { generateTestKeys, multipartPart, useTestServer, type ScriptedResponse, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
let server: TestServer;
let wxpay: InstanceType<typeof Wechatpay>;

useTestServer(keys, (started) => (server = started));
beforeEach(() => {
  wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
});

function onlyRequest(): (typeof server.requests)[number] {
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  expect(request?.signatureValid).toBe(true);
  return request as (typeof server.requests)[number];
}

const COUPON_PATH = '/v3/marketing/busifavor/stocks/S1/couponcodes';
const couponData = { coupon_code_list: ['A1'], upload_request_no: 'R1' };

describe('access styles', () => {
  it.each([
    ['property chain .post', () => wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes.post(couponData, { stock_id: 'S1' })],
    ['property chain called directly', () => wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes(couponData, { stock_id: 'S1' })],
    ['declarative chain()', () => wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcodes').post(couponData, { stock_id: 'S1' })],
    ['attribute', () => wxpay['v3/marketing/busifavor/stocks/{stock_id}/couponcodes'].post(couponData, { stock_id: 'S1' })],
    ['$x$ placeholder', () => loose(wxpay).v3!.marketing!.busifavor!.stocks!.$stock_id$!.couponcodes!.post(couponData, { stock_id: 'S1' })],
  ])('%s POSTs the signed JSON body to the same URL', async (_style, call) => {
    const response = await call();
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(COUPON_PATH);
    expect(request.body.toString()).toBe(JSON.stringify(couponData));
    expect(response.data).toEqual({ method: 'POST', url: COUPON_PATH });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toContain(process.version);
  });

  it.each([
    ['get', (node: ReturnType<typeof loose>) => node.get({ id: 'T1' }), undefined],
    ['delete', (node: ReturnType<typeof loose>) => node.delete({ id: 'T1' }), undefined],
    ['post', (node: ReturnType<typeof loose>) => node.post({ a: 1 }, { id: 'T1' }), '{"a":1}'],
    ['put', (node: ReturnType<typeof loose>) => node.put({ a: 1 }, { id: 'T1' }), '{"a":1}'],
    ['patch', (node: ReturnType<typeof loose>) => node.patch({ a: 1 }, { id: 'T1' }), '{"a":1}'],
  ])('%s by every access style', async (verb, call, body) => {
    const nodes = [loose(wxpay).v3!.things!._id_!, wxpay.untyped('v3/things/{id}'), loose(wxpay)['v3/things/{id}']!];
    for (const node of nodes) await call(node as ReturnType<typeof loose>);
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request).toMatchObject({ method: verb.toUpperCase(), url: '/v3/things/T1', signatureValid: true });
      expect(request.body.toString()).toBe(body ?? '');
    }
  });

  it('chain(path) hands back the same node for the same path, a distinct one for another path', async () => {
    const node = wxpay.untyped('v3/things/{id}');
    expect(wxpay.untyped('v3/things/{id}')).toBe(node);
    expect(wxpay.untyped('v3/things/{id}/parts')).not.toBe(node);
    await loose(wxpay.untyped('v3/things/{id}')).get({ id: 'T2' });
    await loose(node).get({ id: 'T3' });
    expect(server.requests.map((request) => request.url)).toEqual(['/v3/things/T2', '/v3/things/T3']);
  });

  it('normalises property names: kebab-case, verb escape, trailing slash', async () => {
    const chain = loose(wxpay).v3!;
    await chain.marketing!.membercardOpen!.cards!._card_id_!.codes!.deposit!({ code: [] }, { card_id: 'C' });
    await chain.things!.Delete!.post();
    await chain.things!._empty_!.get();
    await chain.complaintsV2!.get();
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v3/marketing/membercard-open/cards/C/codes/deposit',
      '/v3/things/delete',
      '/v3/things/',
      '/v3/complaints-v2',
    ]);
    expect(server.requests.every((request) => request.signatureValid)).toBe(true);
  });

  it('takes string paths literally (upper-case ids survive) and strips a leading slash', async () => {
    await wxpay.untyped('v3/things/ABC_Def').get();
    await loose(wxpay)['v3/things/XYZ']!.get();
    await wxpay.untyped('/v3/things/Q').get();
    expect(server.requests.map((request) => request.url)).toEqual(['/v3/things/ABC_Def', '/v3/things/XYZ', '/v3/things/Q']);
  });

  it('removes path parameters from the config given to axios', async () => {
    const response = await wxpay.untyped('v3/things/{id}').get({ id: 'T1', params: { limit: 5 } });
    expect(response.config).not.toHaveProperty('id');
    expect(response.config).not.toHaveProperty('params');
  });
});

describe('signed bytes are the bytes sent', () => {
  it('serialises params into the signed URI', async () => {
    await wxpay.v3.pay.transactions.id._transaction_id_.get({
      transaction_id: '4200',
      params: { mchid: '1900 000/1', list: ['a', 'b'], skipped: undefined } as { mchid: string },
    });
    expect(onlyRequest().url).toBe('/v3/pay/transactions/id/4200?mchid=1900%20000%2F1&list=a&list=b');
  });

  it('keeps a query written in a string path and appends params to it', async () => {
    await wxpay.untyped('v3/bill/tradebill?bill_date=2024-01-01').get({ params: { bill_type: 'ALL' } });
    expect(onlyRequest().url).toBe('/v3/bill/tradebill?bill_date=2024-01-01&bill_type=ALL');
  });

  it('includes the base URL path prefix', async () => {
    const prefixed = new Wechatpay(clientOptions(keys, `${server.baseURL}/gateway/`));
    await prefixed.untyped('v3/things/{id}').get({ id: 'T1' });
    expect(onlyRequest().url).toBe('/gateway/v3/things/T1');
  });

  it.each([
    ['a pre-serialised string', '{"b":2,  "a":1}'],
    ['a Buffer', Buffer.from('{"raw":"bytes ✓"}')],
    ['an object with a Date', { when: new Date(0), name: '名字' }],
  ])('signs %s exactly as sent', async (_kind, data) => {
    await wxpay.untyped('v3/things/{id}').post(data, { id: 'T1' });
    const expected = typeof data === 'string' || Buffer.isBuffer(data) ? Buffer.from(data) : Buffer.from(JSON.stringify(data));
    expect(onlyRequest().body.equals(expected)).toBe(true);
  });

  it('sends a DELETE body given as config.data', async () => {
    await wxpay.untyped('v3/things/{id}').delete({ id: 'T1', data: { reason: 'x' } });
    expect(onlyRequest().body.toString()).toBe('{"reason":"x"}');
  });
});

describe('path parameter encoding', () => {
  it.each(['../../refund/domestic/refunds', 'a/b', 'x?evil=1', 'x#y', '%2F', '%2e%2e', '中文 id', '..%2F'])(
    '%j stays one segment of the intended URL',
    async (value) => {
      await wxpay.v3.pay.transactions.id._transaction_id_.get({ transaction_id: value, params: { mchid: '1' } });
      const request = onlyRequest();
      expect(request.url).toBe(`/v3/pay/transactions/id/${encodeURIComponent(value)}?mchid=1`);
    },
  );

  it.each([
    ['empty', { transaction_id: '' }],
    ['.', { transaction_id: '.' }],
    ['..', { transaction_id: '..' }],
    ['missing', {}],
    ['an object', { transaction_id: { toString: (): string => 'x' } }],
  ])('rejects a %s value before sending', async (_case, config) => {
    const call = wxpay.chain('v3/pay/transactions/id/{transaction_id}').get(config as never);
    await expect(call).rejects.toBeInstanceOf(UsageError);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects dot segments and fragments in literal paths, every time they are called', async () => {
    for (const path of ['v3/things/../../x', 'v3/things/%2E%2E/x', 'v3/things/a#b', 'v3/things/../../x']) {
      await expect(wxpay.untyped(path).get()).rejects.toBeInstanceOf(UsageError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('response verification', () => {
  it('accepts responses signed with a certificate serial or a PUB_KEY_ID key', async () => {
    server.respond = () => ({ body: { by: 'publicKey' }, signWith: 'publicKey' });
    expect((await wxpay.untyped('v3/things/{id}').get({ id: '1' })).data).toEqual({ by: 'publicKey' });
    server.respond = () => ({ body: { by: 'certificate' }, signWith: 'certificate' });
    expect((await wxpay.untyped('v3/things/{id}').get({ id: '1' })).data).toEqual({ by: 'certificate' });
  });

  it('accepts a timestamp within 300 s', async () => {
    server.respond = () => ({ body: {}, clockSkew: -250 });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1' })).resolves.toBeDefined();
  });

  const flip = (text: string): string => (text.startsWith('A') ? `B${text.slice(1)}` : `A${text.slice(1)}`);
  it.each([
    ['tampered body', { tamper: (headers, body) => ({ headers, body: Buffer.from(body.toString().replace('1', '2')) }) }, 'bad-signature'],
    ['tampered signature', { tamper: (headers, body) => ({ headers: { ...headers, 'Wechatpay-Signature': flip(headers['Wechatpay-Signature'] ?? '') }, body }) }, 'bad-signature'],
    ['tampered nonce', { tamper: (headers, body) => ({ headers: { ...headers, 'Wechatpay-Nonce': 'x' }, body }) }, 'bad-signature'],
    ['unknown serial', { tamper: (headers, body) => ({ headers: { ...headers, 'Wechatpay-Serial': 'FFFF' }, body }) }, 'unknown-serial'],
    ['swapped serial', { tamper: (headers, body) => ({ headers: { ...headers, 'Wechatpay-Serial': keys.publicKeyId }, body }) }, 'bad-signature'],
    ['old timestamp', { clockSkew: -301 }, 'timestamp-out-of-window'],
    ['future timestamp', { clockSkew: 301 }, 'timestamp-out-of-window'],
    ['no signature headers', { signWith: false }, 'missing-header'],
    ...['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'].map((name): [string, ScriptedResponse, string] => [
      `missing ${name}`,
      { tamper: (headers: Record<string, string>, body: Buffer) => ({ headers: Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name)), body }) },
      'missing-header',
    ]),
  ] satisfies [string, ScriptedResponse, string][])(
    'rejects a %s',
    async (_case, script, reason) => {
      server.respond = () => ({ body: { amount: 1 }, ...script });
      const error: unknown = await wxpay.untyped('v3/things/{id}').get({ id: '1' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(VerificationError);
      expect(error).toMatchObject({ reason, requestId: 'req-1' });
      expect((error as VerificationError).body.toString()).toMatch(/"amount":[12]/);
    },
  );

  it('rejects a response signed with a key the client does not have', async () => {
    const certificateOnly = new Wechatpay(
      clientOptions(keys, server.baseURL, { certs: { [keys.certificateSerial]: keys.certificate.publicKey } }),
    );
    server.respond = () => ({ body: {}, signWith: 'publicKey' });
    await expect(certificateOnly.untyped('v3/things/{id}').get({ id: '1' })).rejects.toMatchObject({ reason: 'unknown-serial' });
  });
});

describe('downloads (by operation)', () => {
  const bill = 'trade_time,amount\n2024-01-01,1\n';
  beforeEach(() => {
    server.respond = () => ({ body: bill, signWith: false, headers: { 'Content-Type': 'text/plain' } });
  });

  it.each([
    ['property chain', () => wxpay.v3.billdownload.file.get({ params: { token: 'T' }, responseType: 'stream', transformResponse: [] })],
    ['declarative', () => wxpay.chain('v3/billdownload/file').get({ params: { token: 'T' }, responseType: 'stream', transformResponse: [] })],
    ['attribute', () => wxpay['v3/billdownload/file'].get({ params: { token: 'T' }, responseType: 'stream', transformResponse: [] })],
    ['full download_url', () => wxpay.untyped(`${server.baseURL}/v3/billdownload/file?token=T`).get()],
    ['path with a concrete id', () => wxpay.untyped('v3/merchant-service/images/MEDIA-ID').get()],
  ])('%s streams the unsigned body', async (_style, call) => {
    const response = await call();
    expect(await readStream(response.data as unknown as Readable)).toBe(bill);
    expect(onlyRequest().method).toBe('GET');
  });

  it('still verifies non-download operations', async () => {
    await expect(wxpay.untyped(`${server.baseURL}/v3/things/1`).get()).rejects.toBeInstanceOf(VerificationError);
  });

  it('refuses a full URL on another host', async () => {
    await expect(wxpay.untyped('https://example.com/v3/billdownload/file?token=T').get()).rejects.toBeInstanceOf(UsageError);
  });

  it('maps a download error to ApiError', async () => {
    server.respond = () => ({ status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: 'no bill' }, signWith: false });
    await expect(wxpay.chain('v3/billdownload/file').get({ params: { token: 'T' }, responseType: 'stream', transformResponse: [] })).rejects.toMatchObject({
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
    });
  });
});

describe('media upload', () => {
  const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x0d, 0x0a]);
  const meta = { filename: 'photo.jpg', sha256: 'abc' };

  it.each([
    ['object meta + Buffer', () => wxpay.v3.merchant.media.upload.post({ meta: JSON.stringify(meta), file: image as never })],
    ['string meta + stream', () => wxpay.chain('v3/merchant/media/upload')({ meta: JSON.stringify(meta), file: Readable.from([image]) as never })],
    ['untyped path with meta + file', () => wxpay.untyped('v3/marketing/favor/media/image-upload').post({ meta, file: image })],
  ])('%s: the signature covers the meta part as sent', async (_case, call) => {
    await call();
    const request = onlyRequest();
    const contentType = request.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.signedBody.toString()).toBe(JSON.stringify(meta));
    expect(multipartPart(request.body, contentType, 'file').equals(image)).toBe(true);
    expect(request.body.toString('latin1')).toContain('filename="photo.jpg"\r\nContent-Type: image/jpeg');
  });

  it('rejects an upload operation without meta and file', async () => {
    await expect(wxpay.v3.merchant.media.upload.post()).rejects.toBeInstanceOf(UsageError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  it('maps a WeChat error body to ApiError', async () => {
    server.respond = () => ({ status: 400, body: { code: 'PARAM_ERROR', message: '参数错误', detail: { field: 'stock_id' } } });
    const error: unknown = await wxpay.untyped('v3/things/{id}').get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'PARAM_ERROR', detail: { field: 'stock_id' }, requestId: 'req-1' });
    expect((error as ApiError).message).toBe('HTTP 400 PARAM_ERROR: 参数错误');
    expect((error as ApiError).body.toString()).toContain('PARAM_ERROR');
  });

  it('keeps the status of a non-JSON error', async () => {
    server.respond = () => ({ status: 502, body: '<html>bad gateway</html>', signWith: false });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1' })).rejects.toMatchObject({ status: 502, code: undefined });
  });

  it('maps a dropped connection to NetworkError', async () => {
    server.respond = () => ({ destroy: true });
    const error: unknown = await wxpay.untyped('v3/things/{id}').get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it('maps a silent server to TimeoutError, client and per-call timeouts alike', async () => {
    server.respond = () => ({ hang: true });
    const impatient = new Wechatpay(clientOptions(keys, server.baseURL, { timeout: 50 }));
    await expect(impatient.untyped('v3/things/{id}').get({ id: '1' })).rejects.toBeInstanceOf(TimeoutError);
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1', timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('retries', () => {
  const retry = { retries: 2, minDelay: 1, maxDelay: 5 };
  function failTimes(count: number, status = 503, headers: Record<string, string> = {}): void {
    server.respond = (request) =>
      server.requests.length <= count ? { status, body: { code: 'SYSTEM_ERROR', message: 'busy' }, headers } : { body: { url: request.url } };
  }

  it('retries GET on 5xx with a fresh signature each time', async () => {
    failTimes(2);
    const response = await wxpay.untyped('v3/things/{id}').get({ id: '1', retry });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((request) => request.signatureValid)).toBe(true);
    expect(new Set(server.requests.map((request) => request.authorization.nonce_str)).size).toBe(3);
  });

  it('uses the client policy and gives up after the configured retries', async () => {
    failTimes(10, 429);
    const retrying = new Wechatpay(clientOptions(keys, server.baseURL, { retry }));
    await expect(retrying.untyped('v3/things/{id}').delete({ id: '1' })).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry POST unless marked idempotent', async () => {
    failTimes(1);
    await expect(wxpay.untyped('v3/things/{id}').post({}, { id: '1', retry })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    failTimes(1);
    await expect(wxpay.untyped('v3/things/{id}').post({}, { id: '1', retry, idempotent: true })).resolves.toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry 4xx, verification failures or when the call opts out', async () => {
    failTimes(1, 400);
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1', retry })).rejects.toMatchObject({ status: 400 });
    server.respond = () => ({ body: {}, signWith: false });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1', retry })).rejects.toBeInstanceOf(VerificationError);
    const retrying = new Wechatpay(clientOptions(keys, server.baseURL, { retry }));
    failTimes(10);
    await expect(retrying.untyped('v3/things/{id}').get({ id: '1', retry: false })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it('retries network failures of GET', async () => {
    server.respond = (request) => (server.requests.length === 1 ? { destroy: true } : { body: { url: request.url } });
    await expect(wxpay.untyped('v3/things/{id}').get({ id: '1', retry })).resolves.toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After-Ms and Retry-After', async () => {
    const events: RetryEvent[] = [];
    const observed = { ...retry, onRetry: (event: RetryEvent) => events.push(event) };
    failTimes(1, 429, { 'Retry-After-Ms': '30' });
    await wxpay.untyped('v3/things/{id}').get({ id: '1', retry: observed });
    server.requests.length = 0;
    failTimes(1, 503, { 'Retry-After': '1' });
    await wxpay.untyped('v3/things/{id}').get({ id: '1', retry: observed });
    expect(events.map((event) => [event.attempt, event.delay])).toEqual([
      [1, 30],
      [1, 1000],
    ]);
  });

  it('keeps computed backoff within maxDelay', async () => {
    const events: RetryEvent[] = [];
    failTimes(2);
    await wxpay.untyped('v3/things/{id}').get({ id: '1', retry: { retries: 2, minDelay: 3, maxDelay: 4, onRetry: (event) => events.push(event) } });
    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
    expect(events[0]?.delay).toBeLessThanOrEqual(3);
    expect(events[1]?.delay).toBeLessThanOrEqual(4);
  });
});

describe('probing chain objects sends nothing', () => {
  it('survives await, inspection, JSON, coercion and duck-typing', async () => {
    const node = loose(wxpay).v3!.marketing!.busifavor!;
    expect(await node).toBe(node);
    expect(await wxpay).toBe(wxpay);
    expect(inspect(node)).toBeTypeOf('string');
    expect(inspect(wxpay, { showHidden: true, showProxy: true, depth: 5 })).toBeTypeOf('string');
    expect(JSON.stringify(node)).toBe('"/v3/marketing/busifavor"');
    expect(JSON.stringify({ wxpay })).toBe('{"wxpay":{}}');
    expect(String(node)).toBe('/v3/marketing/busifavor');
    expect(`${node}`).toBe('/v3/marketing/busifavor');
    const probes = ['then', 'constructor', 'toJSON', 'inspect', 'valueOf', 'toString', '$$typeof', 'asymmetricMatch', 'nodeType', '__esModule', '@@__IMMUTABLE_ITERABLE__@@'];
    for (const name of probes) {
      const value: unknown = (node as unknown as Record<string, unknown>)[name];
      if (typeof value === 'function') value.call(node);
    }
    expect((node as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
    expect(Object.keys(node)).toEqual([]);
    expect(node).toEqual(node);
    expect(server.requests).toHaveLength(0);
  });
});

describe('sensitive fields', () => {
  it('encrypts with RSA-OAEP and sets Wechatpay-Serial for the body that carries the ciphertext', async () => {
    const ciphertext = wxpay.encrypt('张三');
    expect(oaepDecrypt(ciphertext, keys.publicKey.privateKey)).toBe('张三');
    await wxpay.untyped('v3/things/{id}').post({ name: ciphertext }, { id: '1' });
    expect(onlyRequest().headers['wechatpay-serial']).toBe(keys.publicKeyId);

    server.requests.length = 0;
    const byCertificate = wxpay.encrypt('13800138000', keys.certificateSerial);
    expect(oaepDecrypt(byCertificate, keys.certificate.privateKey)).toBe('13800138000');
    await wxpay.untyped('v3/things/{id}').post(JSON.stringify({ mobile: byCertificate }), { id: '1' });
    expect(onlyRequest().headers['wechatpay-serial']).toBe(keys.certificateSerial);
  });

  it('leaves other requests alone and refuses mixed platform keys', async () => {
    const a = wxpay.encrypt('a');
    const b = wxpay.encrypt('b', keys.certificateSerial);
    await wxpay.untyped('v3/things/{id}').post({ plain: 'x' }, { id: '1' });
    expect(onlyRequest().headers['wechatpay-serial']).toBeUndefined();
    await expect(wxpay.untyped('v3/things/{id}').post({ a, b }, { id: '1' })).rejects.toBeInstanceOf(UsageError);
    expect(() => wxpay.encrypt('x', 'UNKNOWN')).toThrow(UsageError);
  });
});

describe('options', () => {
  const base = (): ReturnType<typeof clientOptions> => clientOptions(keys, server.baseURL);
  const secretPem = '-----BEGIN PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END PRIVATE KEY-----\n';

  it.each([
    ['missing mchid', { mchid: '' }],
    ['missing serial', { serial: undefined as unknown as string }],
    ['unparsable privateKey', { privateKey: secretPem }],
    ['public key as privateKey', { privateKey: keys.merchant.publicKey }],
    ['merchant serial inside certs', { certs: { [keys.merchantSerial]: keys.certificate.publicKey } }],
    ['unparsable platform key', { certs: { X: secretPem } }],
    ['private key as platform key', { certs: { X: keys.certificate.privateKey } }],
    ['empty certs', { certs: {} }],
    ['short APIv3 key', { secret: 'TOPSECRETMATERIAL0123456789abcd' }],
    ['bad baseURL', { baseURL: 'not a url' }],
    ['bad retry', { retry: { retries: -1 } }],
  ])('rejects %s with a UsageError free of key material', (_case, override) => {
    let error: unknown;
    try {
      new Wechatpay({ ...base(), ...override });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    const shown = inspect(error, { depth: Infinity, showHidden: true });
    expect(shown).not.toContain('TOPSECRET');
    expect(shown).not.toContain('BEGIN');
  });

  it('accepts a 32-byte APIv3 key and never shows keys when the client or its errors are logged', async () => {
    const secret = 'S'.repeat(16) + 'TOPSECRET1234567';
    const client = new Wechatpay({ ...base(), secret });
    const pem = keys.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    server.respond = () => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: 'x' } });
    const apiError: unknown = await client.untyped('v3/things/{id}').get({ id: '1' }).catch((caught: unknown) => caught);
    server.respond = () => ({ hang: true });
    const timeout: unknown = await client.untyped('v3/things/{id}').get({ id: '1', timeout: 20 }).catch((caught: unknown) => caught);
    const signatures = server.requests.map((request) => request.authorization.signature ?? '');
    for (const shown of [inspect(client, { showHidden: true, showProxy: true, depth: 10 }), inspect(apiError, { depth: Infinity }), inspect(timeout, { depth: Infinity })]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(pem.split('\n')[1]);
      for (const signature of signatures) expect(shown).not.toContain(signature);
    }
  });
});

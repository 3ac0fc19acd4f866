import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_DIR, loadModel, startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { SandboxState } from '../../templates/sandbox/state.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { signedRequest } from './signed.ts';
import { arr, int, modelOf, obj, operation, str } from '../emit/validators/fixture.ts';

const deposit = (card: string) => `/v3/marketing/membercard-open/cards/${card}/codes/deposit`;
const upload = (stock: string) => `/v3/marketing/busifavor/stocks/${stock}/couponcodes`;
const send = (card: string) => `/v3/marketing/busifavor/coupons/${card}/send`;
const sendBody = (out_request_no: string, openid = 'o-user') => ({
  appid: 'wx233544546545989',
  openid,
  out_request_no,
  send_time: new Date().toISOString(),
});

let model: ApiModel;
let sandbox: Sandbox;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  model = await loadModel(DEFAULT_SPEC_DIR);
  sandbox = await startSandbox({ model });
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

describe('member-card code deposit', () => {
  it('answers SUCCESS, DUPLICATE (held before or twice in the request) and FAIL, and the stock is the codes held', async () => {
    const first = await signedRequest(sandbox, 'POST', deposit('card-deposit'), { code: ['A1', 'A2'] });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ data: [{ code: 'A1', result: 'SUCCESS' }, { code: 'A2', result: 'SUCCESS' }] });

    const second = await signedRequest(sandbox, 'POST', deposit('card-deposit'), {
      code: ['A2', 'B1', 'B1', 'x'.repeat(33), 'tab\tcode'],
    });
    expect(second.json.data).toEqual([
      { code: 'A2', result: 'DUPLICATE' },
      { code: 'B1', result: 'SUCCESS' },
      { code: 'B1', result: 'DUPLICATE' },
      { code: 'x'.repeat(33), result: 'FAIL' },
      { code: 'tab\tcode', result: 'FAIL' },
    ]);
    expect(sandbox.state.memberCards['card-deposit']!.available).toEqual(['A1', 'A2', 'B1']);
  });
});

describe('coupon-code upload', () => {
  it('splits codes into success, exist, duplicate and fail with consistent counts and an RFC 3339 time', async () => {
    await signedRequest(sandbox, 'POST', upload('98065001'), { coupon_code_list: ['OLD1'], upload_request_no: 'u-1' });
    const reply = await signedRequest(sandbox, 'POST', upload('98065001'), {
      coupon_code_list: ['NEW1', 'NEW1', 'OLD1', 'x'.repeat(33), 'NEW2'],
      upload_request_no: 'u-2',
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      stock_id: '98065001',
      total_count: 4,
      success_count: 2,
      success_codes: ['NEW1', 'NEW2'],
      fail_count: 1,
      fail_codes: [{ coupon_code: 'x'.repeat(33), code: 'LENGTH_LIMIT' }],
      exist_codes: ['OLD1'],
      duplicate_codes: ['NEW1'],
    });
    expect(reply.json.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
  });

  it('replays the same answer for the same upload_request_no and codes, and refuses other codes', async () => {
    const body = { coupon_code_list: ['R1', 'R2'], upload_request_no: 'u-replay' };
    const first = await signedRequest(sandbox, 'POST', upload('stock-replay'), body);
    const again = await signedRequest(sandbox, 'POST', upload('stock-replay'), body);
    expect(again.json).toEqual(first.json);
    expect(again.json.success_codes).toEqual(['R1', 'R2']);
    const other = await signedRequest(sandbox, 'POST', upload('stock-replay'), { ...body, coupon_code_list: ['R3'] });
    expect(other.status).toBe(400);
    expect(other.json.code).toBe('RESOURCE_ALREADY_EXISTS');
  });
});

describe('consume-card send', () => {
  it('hands out each deposited code once, replays out_request_no, then reports the card empty', async () => {
    await signedRequest(sandbox, 'POST', deposit('card-send'), { code: ['C1', 'C2'] });
    const one = await signedRequest(sandbox, 'POST', send('card-send'), sendBody('out-1'));
    const replay = await signedRequest(sandbox, 'POST', send('card-send'), sendBody('out-1'));
    const two = await signedRequest(sandbox, 'POST', send('card-send'), sendBody('out-2'));
    expect(one.status).toBe(200);
    expect(replay.json).toEqual(one.json);
    expect([one.json.card_code, two.json.card_code].sort()).toEqual(['C1', 'C2']);

    const empty = await signedRequest(sandbox, 'POST', send('card-send'), sendBody('out-3'));
    expect(empty.status).toBe(400);
    expect(empty.json.code).toBe('INVALID_REQUEST');
    const reused = await signedRequest(sandbox, 'POST', send('card-send'), sendBody('out-1', 'o-someone-else'));
    expect(reused.json.code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(sandbox.state.memberCards['card-send']!.available).toEqual([]);
  });

  it('answers 404 RESOURCE_NOT_EXISTS for an unknown card, and hands out codes uploaded to a stock', async () => {
    const unknown = await signedRequest(sandbox, 'POST', send('no-such-card'), sendBody('out-x'));
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('RESOURCE_NOT_EXISTS');
    await signedRequest(sandbox, 'POST', upload('stock-send'), { coupon_code_list: ['S1'], upload_request_no: 'u-s' });
    const sent = await signedRequest(sandbox, 'POST', send('stock-send'), sendBody('out-s'));
    expect(sent.json).toEqual({ card_code: 'S1' });
  });

  it('never hands out one code twice nor loses one under many parallel sends, and the data file agrees', async () => {
    const dataDirectory = await temporaryDirectory();
    const dataFile = join(dataDirectory, 'state.json');
    const busy = await startSandbox({ model, dataFile });
    cleanups.push(() => busy.close());
    const codes = Array.from({ length: 150 }, (_, index) => `P${index}`);
    await signedRequest(busy, 'POST', deposit('card-busy'), { code: codes });
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, index) => signedRequest(busy, 'POST', send('card-busy'), sendBody(`busy-${index}`))),
    );
    const handedOut = replies.filter((reply) => reply.status === 200).map((reply) => String(reply.json.card_code));
    expect(handedOut).toHaveLength(150);
    expect(new Set(handedOut).size).toBe(150);
    expect([...handedOut].sort()).toEqual([...codes].sort());
    expect(replies.filter((reply) => reply.status !== 200).every((reply) => reply.json.code === 'INVALID_REQUEST')).toBe(true);

    await busy.close();
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as SandboxState;
    expect(saved.memberCards['card-busy']!.available).toEqual([]);
    expect([...saved.memberCards['card-busy']!.handedOut].sort()).toEqual([...codes].sort());
    expect(Object.keys(saved.memberCards['card-busy']!.sends)).toHaveLength(150);
    // Every save went through a temporary file renamed into place; none is left behind.
    expect(await readdir(dataDirectory)).toEqual(['state.json']);
  });
});

describe('state across restarts', () => {
  it('keeps deposited codes, uploads and sends with --data', async () => {
    const dataFile = join(await temporaryDirectory(), 'state.json');
    const first = await startSandbox({ model, dataFile });
    await signedRequest(first, 'POST', deposit('card-restart'), { code: ['K1', 'K2'] });
    const sent = await signedRequest(first, 'POST', send('card-restart'), sendBody('restart-1'));
    await first.close();

    const second = await startSandbox({ model, dataFile, platformPrivateKey: first.keys.platformPrivateKey });
    cleanups.push(() => second.close());
    const again = await signedRequest(second, 'POST', deposit('card-restart'), { code: ['K1', 'K2'] });
    expect(again.json.data).toEqual([
      { code: 'K1', result: 'DUPLICATE' },
      { code: 'K2', result: 'DUPLICATE' },
    ]);
    expect((await signedRequest(second, 'POST', send('card-restart'), sendBody('restart-1'))).json).toEqual(sent.json);
    const last = await signedRequest(second, 'POST', send('card-restart'), sendBody('restart-2'));
    expect([sent.json.card_code, last.json.card_code].sort()).toEqual(['K1', 'K2']);
  });

  it('refuses a data file that is not sandbox state, naming the file', async () => {
    const dataFile = join(await temporaryDirectory(), 'state.json');
    await writeFile(dataFile, '{"cards": []}');
    await expect(startSandbox({ model, dataFile })).rejects.toThrow(`${dataFile}: not a sandbox data file`);
  });
});

describe('authentication', () => {
  it('answers 401 SIGN_ERROR for a wrong signature, a stale timestamp, another mchid or no Authorization', async () => {
    const body = { code: ['Z1'] };
    const cases = [
      { signedBody: JSON.stringify({ code: ['Z2'] }) },
      { clockSkew: -301 },
      // The sandbox's clock may tick once between signing and checking, which shrinks a future skew.
      { clockSkew: 302 },
      { mchid: '1230000109' },
      { authorization: null },
      { authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="1900000001"' },
    ];
    for (const overrides of cases) {
      const reply = await signedRequest(sandbox, 'POST', deposit('card-auth'), body, overrides);
      expect(reply.status, JSON.stringify(overrides)).toBe(401);
      expect(reply.json.code).toBe('SIGN_ERROR');
    }
    expect(sandbox.state.memberCards['card-auth']).toBeUndefined();
  });

  it('rejects a request signed by another merchant key', async () => {
    const other = await startSandbox({ model });
    cleanups.push(() => other.close());
    const signedByOther = { ...other, url: sandbox.url, clientOptions: { ...other.clientOptions, certs: sandbox.clientOptions.certs } };
    const reply = await signedRequest(signedByOther, 'POST', deposit('card-other'), { code: ['O1'] });
    expect(reply.status).toBe(401);
  });
});

describe('request validation', () => {
  it('answers 400 PARAM_ERROR naming the field path', async () => {
    const missing = await signedRequest(sandbox, 'POST', send('card-valid'), { appid: 'wx', out_request_no: '1', send_time: 'yesterday' });
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('PARAM_ERROR');
    expect(missing.json.message).toBe('openid: required; send_time: must be an RFC 3339 date-time (2015-05-20T13:29:35+08:00)');
    expect(missing.json.detail).toMatchObject({ field: 'openid', location: 'body', issue: 'required' });

    const tooMany = await signedRequest(sandbox, 'POST', upload('98065001'), {
      coupon_code_list: Array.from({ length: 201 }, (_, index) => `M${index}`),
      upload_request_no: 'u-many',
    });
    expect(tooMany.json).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'coupon_code_list', issue: 'more than 200 items' } });

    const longStock = await signedRequest(sandbox, 'POST', upload('x'.repeat(21)), { upload_request_no: 'u' });
    expect(longStock.json.message).toBe('stock_id: longer than 20 characters');

    const notJson = await signedRequest(sandbox, 'POST', deposit('card-valid'), undefined);
    expect(notJson.json.message).toBe('data: required');
  });
});

describe('operations without scripted behaviour', () => {
  // The project's specs only hold scripted endpoints; this model adds one answered from its examples.
  const listing = operation('get', 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes', {
    pathParams: [{ name: 'stock_id', in: 'path', required: true, schema: str() }],
    queryParams: [{ name: 'limit', in: 'query', required: true, schema: int({ minimum: 1, maximum: 50 }) }],
    response: {
      kind: 'json',
      status: 200,
      schema: obj({
        stock_id: [true, str({ maxLength: 20 }, { example: '98065001' })],
        total_count: [true, int({}, { example: 10 })],
        upload_time: [false, str({}, { format: 'rfc3339' })],
        data: [false, arr(obj({ code: [true, str({ minLength: 3 })], status: [true, str({}, { enum: ['SENDED', 'USED'] })] }), { minItems: 2 })],
      }),
    },
  });
  const remove = operation('delete', 'v3/marketing/busifavor/stocks/{stock_id}', {
    pathParams: [{ name: 'stock_id', in: 'path', required: true, schema: str() }],
  });

  it('answer a schema-valid, signed body built from the spec examples', async () => {
    const examples = await startSandbox({ model: modelOf(listing, remove) });
    cleanups.push(() => examples.close());
    const reply = await signedRequest(examples, 'GET', '/v3/marketing/busifavor/stocks/98065001/couponcodes?limit=20');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      stock_id: '98065001',
      total_count: 10,
      upload_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/),
      data: [
        { code: 'string', status: 'SENDED' },
        { code: 'string', status: 'SENDED' },
      ],
    });
    expect(reply.headers['request-id']).toMatch(/^[0-9a-f]{32}$/);

    const invalid = await signedRequest(examples, 'GET', '/v3/marketing/busifavor/stocks/98065001/couponcodes?limit=many');
    expect(invalid.json).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'params.limit', location: 'query', issue: 'must be an integer' } });

    const deleted = await signedRequest(examples, 'DELETE', '/v3/marketing/busifavor/stocks/98065001');
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const wrongMethod = await signedRequest(examples, 'PUT', '/v3/marketing/busifavor/stocks/98065001');
    expect(wrongMethod.status).toBe(405);
  });

  it('answer 404 for a path no spec describes', async () => {
    const reply = await signedRequest(sandbox, 'GET', '/v3/no/such/path');
    expect(reply.status).toBe(404);
    expect(reply.json.code).toBe('RESOURCE_NOT_EXISTS');
  });
});

describe('rate limit', () => {
  it('answers 429 FREQUENCY_LIMITED beyond N requests per second per operation, on the sandbox clock', async () => {
    let clock = Date.now();
    const limited = await startSandbox({ model, rateLimit: 2, now: () => clock });
    cleanups.push(() => limited.close());
    const call = () => signedRequest(limited, 'POST', deposit('card-rate'), { code: [`R${clock}`] });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(third.json.code).toBe('FREQUENCY_LIMITED');
    // Another operation has its own budget.
    expect((await signedRequest(limited, 'POST', send('card-rate'), sendBody('r-1'))).status).toBe(200);
    clock += 500;
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../templates/runtime/index.ts';
import { ValidatedWechatpay, clientOptions, loose } from './support/client.ts';
import { generateTestKeys, startTestServer, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
let server: TestServer;
let wxpay: InstanceType<typeof ValidatedWechatpay>;

beforeAll(async () => {
  server = await startTestServer(keys);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  wxpay = new ValidatedWechatpay(clientOptions(keys, server.baseURL));
});

const COUPONS = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';

async function rejection(call: () => Promise<unknown>): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('request validation in the client', () => {
  it('rejects an invalid request with one UsageError listing every problem, and sends nothing', async () => {
    const codes = ['A', 'B', 'C', 'x'.repeat(33)];
    const error = await rejection(() =>
      wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes.post(
        // Typed callers are stopped by the compiler; this is what a JavaScript caller can send.
        { coupon_code_list: codes, result: 'MAYBE' } as never,
        { stock_id: 'S'.repeat(21) },
      ),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      [
        `Invalid request for POST /${COUPONS}:`,
        '  - upload_request_no: required',
        '  - coupon_code_list[3]: longer than 32 characters',
        '  - result: must be one of SUCCESS, DUPLICATE, FAIL',
        '  - stock_id: longer than 20 characters',
      ].join('\n'),
    );
    expect(server.requests).toHaveLength(0);
  });

  it('sends a valid request, signed', async () => {
    await wxpay.chain(COUPONS).post({ coupon_code_list: ['A1'], upload_request_no: 'R1' }, { stock_id: 'S1' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.signatureValid).toBe(true);
  });

  it('checks the path parameters of a concrete path and the query as sent, whatever the access style', async () => {
    const styles = [
      () => wxpay.untyped('v3/things/X1').get({ params: { limit: 'ten' } }),
      () => loose(wxpay).v3!.things!._id_!.get({ id: 'X1', params: { limit: 'ten' } }),
      () => wxpay.untyped('v3/things/{id}?limit=ten').get({ id: 'X1' }),
    ];
    for (const call of styles) {
      const error = await rejection(call);
      expect(error.message).toBe('Invalid request for GET /v3/things/{id}:\n  - id: does not match /^T\\d+$/\n  - params.limit: must be an integer');
    }
    expect(server.requests).toHaveLength(0);
    await wxpay.untyped('v3/things/{id}?limit=5').get({ id: 'T1' });
    await wxpay.untyped('v3/things/T1').get({ params: { limit: 5 } });
    expect(server.requests.map((request) => request.url)).toEqual(['/v3/things/T1?limit=5', '/v3/things/T1?limit=5']);
  });

  it('counts the Wechatpay-Serial header the client adds for encrypted fields', async () => {
    const error = await rejection(() => wxpay.untyped('v3/things/{id}').post({ name: 'plain' }, { id: 'T1' }));
    expect(error.message).toContain('headers.wechatpay-serial: required');
    await wxpay.untyped('v3/things/{id}').post({ name: wxpay.encrypt('张三') }, { id: 'T1' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['wechatpay-serial']).toBe(keys.publicKeyId);
  });

  it('is skipped for a call with validate: false, or for every call of a client made with validate: false', async () => {
    // The declarations reject this body at compile time; untyped (JavaScript) callers meet the runtime check.
    const invalid = { coupon_code_list: ['x'.repeat(33)] } as never;
    await wxpay.chain(COUPONS).post(invalid, { stock_id: 'S1', validate: false });
    const unchecked = new ValidatedWechatpay(clientOptions(keys, server.baseURL, { validate: false }));
    await unchecked.chain(COUPONS).post(invalid, { stock_id: 'S1' });
    await expect(unchecked.chain(COUPONS).post(invalid, { stock_id: 'S1', validate: true })).rejects.toThrow(UsageError);
    expect(server.requests).toHaveLength(2);
    // `validate` is the client's own option: it never reaches the wire.
    expect(server.requests.every((request) => !JSON.stringify(request.headers).includes('validate'))).toBe(true);
  });

  it('passes operations without a schema and paths without an operation unchecked', async () => {
    await wxpay.untyped('v3/things/{id}').delete({ id: 'anything' });
    await wxpay.untyped('v3/unknown/path').post({ anything: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a validate option that is not a boolean', () => {
    expect(() => new ValidatedWechatpay(clientOptions(keys, server.baseURL, { validate: 'yes' as unknown as boolean }))).toThrow(
      'validate must be true or false',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_DIR, loadModel, startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createClientClass } from '../../templates/runtime/client.ts';
import { ApiError } from '../../templates/runtime/errors.ts';
import type { OperationTable } from '../../templates/runtime/operations.ts';

let sandbox: Sandbox;
// Untyped: the typed chain is the type emitter's concern; here the runtime meets the sandbox on the wire.
let wxpay: ReturnType<typeof clientFor>;

function clientFor(target: Sandbox, operations: OperationTable) {
  const Wechatpay = createClientClass(operations);
  const { privateKey, ...options } = target.clientOptions;
  return new Wechatpay({ ...options, privateKey: privateKey! });
}

beforeAll(async () => {
  const model = await loadModel(DEFAULT_SPEC_DIR);
  sandbox = await startSandbox({ model });
  const operations: OperationTable = Object.fromEntries(
    model.endpoints.map((endpoint) => [endpoint.path, Object.fromEntries(endpoint.operations.map((operation) => [operation.method, {}]))]),
  );
  wxpay = clientFor(sandbox, operations);
});

afterAll(async () => {
  await sandbox.close();
});

describe('the runtime client against the sandbox', () => {
  it('deposits, uploads and sends through signed, verified calls', async () => {
    const deposited = await wxpay
      .untyped('v3/marketing/membercard-open/cards/{card_id}/codes/deposit')
      .post({ code: ['CL1', 'CL1'] }, { card_id: 'card-client' });
    expect(deposited.data).toEqual({ data: [{ code: 'CL1', result: 'SUCCESS' }, { code: 'CL1', result: 'DUPLICATE' }] });

    const uploaded = await wxpay.untyped('v3/marketing/busifavor/stocks/{stock_id}/couponcodes').post(
      { coupon_code_list: ['CU1'], upload_request_no: 'client-1' },
      { stock_id: 'stock-client' },
    );
    expect(uploaded.data).toMatchObject({ success_codes: ['CU1'], total_count: 1 });

    const sent = await wxpay
      .untyped('v3/marketing/busifavor/coupons/{card_id}/send')
      .post({ appid: 'wx1', openid: 'o1', out_request_no: 'client-send', send_time: new Date() }, { card_id: 'card-client' });
    expect(sent.data).toEqual({ card_code: 'CL1' });
  });

  it("surfaces the sandbox's PARAM_ERROR and RESOURCE_NOT_EXISTS as ApiError with WeChat's code", async () => {
    const send = wxpay.untyped('v3/marketing/busifavor/coupons/{card_id}/send');
    const invalid = await send.post({ appid: 'wx1', out_request_no: 'x', send_time: new Date() }, { card_id: 'card-client' }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({ status: 400, code: 'PARAM_ERROR', detail: { field: 'openid' } });

    const unknown = await send.post({ appid: 'wx1', openid: 'o1', out_request_no: 'x', send_time: new Date() }, { card_id: 'nope' }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' });
  });
});

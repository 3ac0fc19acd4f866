import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../../generator/emit/types/index.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import { REPO_ROOT, typeCheck } from './compile.ts';
import { emitted } from './output.ts';
import { sampleModel } from './sample.ts';
import { fullRun } from '../../full.ts';

const CORPUS = resolve(REPO_ROOT, '../shared/corpus/openapi');

/** What callers write: each line either compiles or is marked with the error it must raise. */
const USAGE = `
import type { ReadStream } from 'node:fs';
import type { Paths, Wechatpay } from './openapi.js';

declare const wxpay: Wechatpay;
declare const file: ReadStream;

export async function calls(): Promise<void> {
  const couponcodes = wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes;
  const uploaded = await couponcodes({ coupon_code_list: ['ABC9588200'], upload_request_no: '1' }, { stock_id: '98065001' });
  const stockId: string = uploaded.data.stock_id;
  const when: string | Date | undefined = uploaded.data.success_time;
  const code: 'LENGTH_LIMIT' | 'DUPLICATE' | undefined = uploaded.data.fail_codes?.[0]?.code;
  await couponcodes.post({ coupon_code_list: [], upload_request_no: '1' }, { stock_id: '1' });
  // @ts-expect-error the path parameter makes config required
  await couponcodes.post({ coupon_code_list: [], upload_request_no: '1' });
  // @ts-expect-error a required body member is missing
  await couponcodes({ coupon_code_list: [] }, { stock_id: '1' });

  await wxpay.v3.marketing.busifavor.stocks.get();
  await wxpay.v3.marketing.busifavor.stocks.get({ params: { limit: 10, 'creator-mchid': '1' } });
  // @ts-expect-error enums are literal unions
  await wxpay.v3.marketing.busifavor.stocks.get({ params: { limit: 30 } });
  await wxpay.v3.marketing.busifavor.stocks({}, { headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_1' } });
  // @ts-expect-error the header parameter is required
  await wxpay.v3.marketing.busifavor.stocks({}, {});

  await wxpay.v3.merchant.media.upload();
  await wxpay.v3.merchant.media.upload.post({ meta: '{}', file });

  const bill = await wxpay.v3.billdownload.file.get({ params: { token: 't' }, responseType: 'stream', transformResponse: [] });
  const stream: ReadStream = bill.data;
  // @ts-expect-error a download needs the stream response type
  await wxpay.v3.billdownload.file.get({ params: { token: 't' } });

  const partnership = wxpay.v3.marketing.partnerships._brand_id_;
  const removed = await partnership.delete({ brand_id: '1', data: { partner_type: 'BRAND' } });
  const nothing: {} = removed.data;
  const states: string[] = (await partnership.patch({ state: 'ON' }, { brand_id: '1' })).data;
  const anything: unknown = (await partnership.put({ matrix: [[1]] }, { brand_id: '1' })).data;
  // @ts-expect-error PUT gets no shortland
  await partnership({ matrix: [] }, { brand_id: '1' });

  await wxpay.v3.applyment4sub.applyment._empty_.get();
  await wxpay.v3.marketing.Delete({});
  const viaPath: Paths['v3/marketing/busifavor/stocks/{stock_id}/couponcodes'] = couponcodes;
  void [stockId, when, code, stream, nothing, states, anything, viaPath];
}
`;

describe('the emitted declarations type-check', () => {
  it('compiles a multi-endpoint model and its callers with zero diagnostics', async () => {
    expect(typeCheck({ 'openapi.d.ts': await emitted(sampleModel()), 'usage.ts': USAGE })).toEqual([]);
  });

  it('compiles without Node types, as a consumer of the `./types` entry alone does', async () => {
    const usage = [
      "import type { WeChatPay } from './openapi.js';",
      'type Upload = WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod.JsonDataRequest;',
      "export const request: Upload = { coupon_code_list: ['ABC9588200'], upload_request_no: '1' };",
      '// @ts-expect-error a required body member is missing',
      'export const incomplete: Upload = { coupon_code_list: [] };',
      '',
    ].join('\n');
    expect(typeCheck({ 'openapi.d.ts': await emitted(sampleModel()), 'usage.ts': usage }, [])).toEqual([]);
  });

  it('emits byte-identical output on every run', async () => {
    const first = await emitTypes(sampleModel());
    const second = await emitTypes(sampleModel());
    expect(second).toEqual(first);
    expect(first.map((file) => file.path)).toEqual(['dist/openapi.d.ts', 'dist/read-stream.d.ts', 'dist/openapi.js']);
  });

  it.runIf(fullRun && existsSync(CORPUS))('compiles the whole corpus with zero errors', async () => {
    const { model } = await loadSpecs(CORPUS, { keepGoing: true });
    expect(model.endpoints.length).toBeGreaterThan(900);
    const text = await emitted(model);
    expect(typeCheck({ 'openapi.d.ts': text })).toEqual([]);
    expect(text.match(/^ {2}'v3\/[^']*': /gm)).toHaveLength(model.endpoints.length);
  });
});

/** Bill files fetched from the test server (signed request, unsigned stream), checked, gunzipped and parsed. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, VerificationError } from '../../templates/runtime/errors.ts';
import { parseFundFlowBill, parseTradeBill } from '../../templates/runtime/bill.ts';
import { Wechatpay, clientOptions, readStream } from './support/client.ts';
import { generateTestKeys, startTestServer, type TestServer } from './support/server.ts';

// An ALL trade bill: a payment and its refund; the product name carries a comma.
const TRADE_BILL = [
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注',
  '`2026-11-30 10:15:02,`wxd678efh567hg6787,`1900000001,`0,`,`4200000000000000000000000001,`ORDER-1,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1.00,`0.00,`0,`0,`0.00,`0.00,`,`,`T-shirt, blue,`,`0.01000,`0.60%,`1.00,`0.00,`',
  '`2026-11-30 11:20:41,`wxd678efh567hg6787,`1900000001,`0,`,`4200000000000000000000000001,`ORDER-1,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300000000000000000000001,`REFUND-1,`0.40,`0.00,`ORIGINAL,`SUCCESS,`T-shirt, blue,`,`-0.00240,`0.60%,`0.00,`0.40,`',
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
  '`2,`1.00,`0.40,`0.00,`0.00760,`1.00,`0.40',
  '',
].join('\r\n');

const FUND_FLOW_BILL = [
  '\ufeff记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）,资金变更提交申请人,备注,业务凭证号',
  '`2026-11-30 10:15:02,`4200000000000000000000000001,`2026113010150200001,`payment,`交易,`收入,`1.00,`1.00,`system,`,`',
  '资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额',
  '`1,`1,`1.00,`0,`0.00',
].join('\n');

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const keys = generateTestKeys();
let server: TestServer;
let wxpay: InstanceType<typeof Wechatpay>;

beforeAll(async () => {
  server = await startTestServer(keys);
  wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
  server.respond = (request) => {
    const token = new URL(request.url, server.baseURL).searchParams.get('token');
    const file = token === 'gz' ? gzipSync(TRADE_BILL) : token === 'fund' ? Buffer.from(FUND_FLOW_BILL) : Buffer.from(TRADE_BILL);
    return { body: file, signWith: false, headers: { 'Content-Type': 'application/octet-stream' } };
  };
});
afterAll(() => server.close());

const bill = (token: string, hash = sha1(TRADE_BILL)) =>
  ({ download_url: `${server.baseURL}/v3/billdownload/file?token=${token}`, hash_type: 'SHA1', hash_value: hash }) as const;

describe('downloadBill', () => {
  it('streams the file of a signed download request; the SHA1 holds, the trade bill parses', async () => {
    const stream = await wxpay.downloadBill(bill('plain'));
    const parsed = await parseTradeBill(stream);
    const request = server.requests.at(-1);
    expect(request?.signatureValid).toBe(true);
    expect(request?.url).toBe('/v3/billdownload/file?token=plain');
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]).toMatchObject({
      trade_time: '2026-11-30 10:15:02',
      transaction_id: '4200000000000000000000000001',
      out_trade_no: 'ORDER-1',
      trade_state: 'SUCCESS',
      total_fee: '1.00',
      body: 'T-shirt, blue',
      rate: '0.60%',
      extra: {},
    });
    expect(parsed.rows[1]).toMatchObject({ trade_state: 'REFUND', out_refund_no: 'REFUND-1', refund_fee: '0.40', refund_status: 'SUCCESS' });
    expect(parsed.summary).toEqual({
      total_count: '2',
      settlement_total_fee: '1.00',
      refund_fee: '0.40',
      coupon_refund_fee: '0.00',
      service_fee: '0.00760',
      total_fee: '1.00',
      apply_refund_fee: '0.40',
      extra: {},
    });
  });

  it('gunzips a GZIP bill and checks the hash over the bill text', async () => {
    const text = await readStream(await wxpay.downloadBill(bill('gz'), { tar_type: 'GZIP' }));
    expect(text).toBe(TRADE_BILL);
  });

  it('fails the stream with VerificationError hash-mismatch when the SHA1 differs', async () => {
    const stream = await wxpay.downloadBill(bill('plain', sha1('another file')));
    const error = await parseTradeBill(stream).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('hash-mismatch');
    const gz = await wxpay.downloadBill(bill('gz', sha1('another file')), { tar_type: 'GZIP' });
    await expect(readStream(gz)).rejects.toMatchObject({ reason: 'hash-mismatch' });
  });

  it('refuses a bad hash_type, hash_value, tar_type or foreign host before sending', async () => {
    const sent = server.requests.length;
    await expect(wxpay.downloadBill({ ...bill('plain'), hash_type: 'MD5' } as never)).rejects.toThrow(UsageError);
    await expect(wxpay.downloadBill({ ...bill('plain'), hash_value: 'xyz' })).rejects.toThrow(/hash_value/);
    await expect(wxpay.downloadBill(bill('plain'), { tar_type: 'ZIP' } as never)).rejects.toThrow(/tar_type/);
    await expect(wxpay.downloadBill({ ...bill('plain'), download_url: 'https://attacker.example/v3/billdownload/file' })).rejects.toThrow(
      UsageError,
    );
    expect(server.requests.length).toBe(sent);
  });
});

describe('bill parsing', () => {
  it('parses a fund-flow bill (BOM, full-width parentheses) from text', async () => {
    const parsed = await parseFundFlowBill(FUND_FLOW_BILL);
    expect(parsed.rows).toEqual([
      {
        accounting_time: '2026-11-30 10:15:02',
        business_order_no: '4200000000000000000000000001',
        flow_id: '2026113010150200001',
        business_name: 'payment',
        business_type: '交易',
        income_type: '收入',
        amount: '1.00',
        balance: '1.00',
        applicant: 'system',
        remark: '',
        voucher_no: '',
        extra: {},
      },
    ]);
    expect(parsed.summary).toEqual({ total_count: '1', income_count: '1', income_amount: '1.00', expense_count: '0', expense_amount: '0.00', extra: {} });
  });

  it('matches columns by name, keeps unknown ones in extra, reads a stream split mid-character', async () => {
    const text = '商户订单号,交易时间,公众账号ID,商户号,微信订单号,交易类型,交易状态,新列\n`A,`2026-11-30 10:00:00,`wx1,`1900000001,`42,`NATIVE,`SUCCESS,`值\n';
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    const parsed = await parseTradeBill(Readable.from(chunks));
    expect(parsed.rows).toEqual([
      { out_trade_no: 'A', trade_time: '2026-11-30 10:00:00', appid: 'wx1', mchid: '1900000001', transaction_id: '42', trade_type: 'NATIVE', trade_state: 'SUCCESS', extra: { 新列: '值' } },
    ]);
    expect(parsed.summary).toBeUndefined();
  });

  it('refuses a file of another kind, a row of the wrong width, and an empty file', async () => {
    await expect(parseTradeBill(FUND_FLOW_BILL)).rejects.toThrow(/Not a trade bill: the detail header lacks trade_time/);
    await expect(parseFundFlowBill(TRADE_BILL.replace('`1.00,`0.00,`0,', '`1.00,`0,'))).rejects.toThrow(UsageError);
    await expect(parseTradeBill(TRADE_BILL.replace('`2,`1.00', '`2,`1.00,`9'))).rejects.toThrow(/line 5: 8 values for 7 columns/);
    await expect(parseTradeBill('')).rejects.toThrow(/empty/);
  });
});

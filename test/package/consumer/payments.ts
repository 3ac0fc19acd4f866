/**
 * The payment lifecycle as a consumer writes it: every operation of the flow in the three access
 * styles, the notification resources by name, and the misuses that must not compile (each
 * `@ts-expect-error` line fails for the reason its comment names; `test/package/package.test.ts`
 * checks the reasons).
 */
import { createReadStream } from 'node:fs';
import { Wechatpay, type ClientOptions, type WeChatPay } from '@wechatpay-sdk/apiv3';

type JsapiOrder = WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod.JsonDataRequest;
type Transaction = WeChatPay.OpenAPI.V3.Notifications.Transaction;
type RefundNotification = WeChatPay.OpenAPI.V3.Notifications.RefundNotification;
type Envelope = WeChatPay.OpenAPI.V3.Notifications.Envelope;

declare const options: ClientOptions;
const wxpay: Wechatpay = new Wechatpay(options);
const mchid = '1230000109';

const order: JsapiOrder = {
  appid: 'wxd678efh567hg6787',
  mchid,
  description: 'Image形象店-深圳腾大-QQ公仔',
  out_trade_no: '1217752501201407033233368018',
  notify_url: 'https://www.weixin.qq.com/wxpay/pay.php',
  amount: { total: 100, currency: 'CNY' },
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
};
const { payer: _payer, ...withoutPayer } = order;

export async function ordering(): Promise<string[]> {
  const chained = await wxpay.v3.pay.transactions.jsapi.post(order);
  const declarative = await wxpay.chain('v3/pay/transactions/jsapi').post(order);
  const attribute = await wxpay['v3/pay/transactions/jsapi'](order);
  const app = await wxpay.v3.pay.transactions.app(withoutPayer);
  const native = await wxpay.chain('v3/pay/transactions/native').post(withoutPayer);
  const h5 = await wxpay['v3/pay/transactions/h5'].post({
    ...withoutPayer,
    scene_info: { payer_client_ip: '14.23.150.211', h5_info: { type: 'iOS' } },
  });
  return [chained.data.prepay_id, declarative.data.prepay_id, attribute.data.prepay_id, app.data.prepay_id, native.data.code_url, h5.data.h5_url];
}

export async function querying(): Promise<string[]> {
  const byId = await wxpay.v3.pay.transactions.id._transaction_id_.get({ transaction_id: '4200000000', params: { mchid } });
  const byOutTradeNo = await wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}').get({ out_trade_no: 'T1', params: { mchid } });
  const attribute = await wxpay['v3/pay/transactions/out-trade-no/{out_trade_no}'].get({ out_trade_no: 'T1', params: { mchid } });
  const state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR' = byId.data.trade_state;
  const paid: number | undefined = byOutTradeNo.data.amount?.payer_total;
  const closed = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.close({ mchid }, { out_trade_no: 'T1' });
  await wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}/close').post({ mchid }, { out_trade_no: 'T1' });
  await wxpay['v3/pay/transactions/out-trade-no/{out_trade_no}/close'].post({ mchid }, { out_trade_no: 'T1' });
  const nothing: {} = closed.data;
  return [state, String(paid), attribute.data.out_trade_no, JSON.stringify(nothing)];
}

export async function refunding(): Promise<string[]> {
  const refund = { out_trade_no: 'T1', out_refund_no: 'R1', amount: { refund: 100, total: 100, currency: 'CNY' } };
  const created = await wxpay.v3.refund.domestic.refunds.post(refund);
  await wxpay.chain('v3/refund/domestic/refunds').post(refund);
  await wxpay['v3/refund/domestic/refunds'](refund);
  const queried = await wxpay.v3.refund.domestic.refunds._out_refund_no_.get({ out_refund_no: 'R1' });
  await wxpay.chain('v3/refund/domestic/refunds/{out_refund_no}').get({ out_refund_no: 'R1' });
  await wxpay['v3/refund/domestic/refunds/{out_refund_no}'].get({ out_refund_no: 'R1' });
  const status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL' = created.data.status;
  return [status, String(queried.data.amount.payer_refund)];
}

export async function reconciling(): Promise<unknown[]> {
  const trade = await wxpay.v3.bill.tradebill.get({ params: { bill_date: '2019-06-11', bill_type: 'ALL', tar_type: 'GZIP' } });
  await wxpay.chain('v3/bill/tradebill').get({ params: { bill_date: '2019-06-11' } });
  await wxpay['v3/bill/tradebill'].get({ params: { bill_date: '2019-06-11' } });
  const fund = await wxpay.v3.bill.fundflowbill.get({ params: { bill_date: '2019-06-11', account_type: 'OPERATION' } });
  await wxpay.chain('v3/bill/fundflowbill').get({ params: { bill_date: '2019-06-11' } });
  await wxpay['v3/bill/fundflowbill'].get({ params: { bill_date: '2019-06-11' } });
  const hashType: 'SHA1' = trade.data.hash_type;
  const download = { params: { token: 't' }, responseType: 'stream', transformResponse: [] } as const;
  const file = await wxpay.v3.billdownload.file.get({ ...download, transformResponse: [] });
  await wxpay.chain('v3/billdownload/file').get({ ...download, transformResponse: [] });
  await wxpay['v3/billdownload/file'].get({ ...download, transformResponse: [] });
  file.data.pipe(process.stdout);
  return [hashType, fund.data.download_url];
}

export async function platform(): Promise<string[]> {
  const certificates = await wxpay.v3.certificates.get();
  await wxpay.chain('v3/certificates').get({ params: { algorithm_type: 'RSA' } });
  await wxpay['v3/certificates'].get();
  const upload = { meta: JSON.stringify({ filename: 'a.jpg', sha256: '0'.repeat(64) }), file: createReadStream('a.jpg') };
  const uploaded = await wxpay.v3.merchant.media.upload.post(upload);
  await wxpay.chain('v3/merchant/media/upload').post(upload);
  await wxpay['v3/merchant/media/upload'](upload);
  const algorithm: 'AEAD_AES_256_GCM' | undefined = certificates.data.data[0]?.encrypt_certificate.algorithm;
  return [String(algorithm), uploaded.data.media_id];
}

export function notifications(envelope: Envelope, paid: Transaction, refunded: RefundNotification): string[] {
  return [envelope.resource.ciphertext, paid.trade_state, paid.amount?.total.toFixed() ?? '', refunded.refund_status, refunded.amount.payer_refund.toFixed()];
}

export async function misuses(): Promise<void> {
  // @ts-expect-error `params` with the required `mchid` is missing
  await wxpay.v3.pay.transactions.id._transaction_id_.get({ transaction_id: '4200000000' });
  // @ts-expect-error `mchid` is required in the query
  await wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}').get({ out_trade_no: 'T1', params: {} });
  // @ts-expect-error `payer` is required for a JSAPI order
  await wxpay.v3.pay.transactions.jsapi.post(withoutPayer);
  // @ts-expect-error `total` is required in the amount
  await wxpay['v3/pay/transactions/native'].post({ ...withoutPayer, amount: { currency: 'CNY' } });
  // @ts-expect-error `h5_info` is required in an H5 order's scene
  await wxpay.v3.pay.transactions.h5.post({ ...withoutPayer, scene_info: { payer_client_ip: '14.23.150.211' } });
  // @ts-expect-error `WEEKLY` is not a `bill_type`
  await wxpay.v3.bill.tradebill.get({ params: { bill_date: '2019-06-11', bill_type: 'WEEKLY' } });
  // @ts-expect-error `ZIP` is not a `tar_type`
  await wxpay['v3/bill/fundflowbill'].get({ params: { bill_date: '2019-06-11', tar_type: 'ZIP' } });
  // @ts-expect-error `out_refund_no` is required
  await wxpay.v3.refund.domestic.refunds.post({ out_trade_no: 'T1', amount: { refund: 1, total: 1, currency: 'CNY' } });
  // @ts-expect-error `out_trade_no` (the path parameter) is required
  await wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}/close').post({ mchid }, {});
  const created = await wxpay.v3.refund.domestic.refunds.post({ out_refund_no: 'R1', amount: { refund: 1, total: 1, currency: 'CNY' } });
  // @ts-expect-error `REFUNDED` is not a refund `status`
  if (created.data.status === 'REFUNDED') return;
  // @ts-expect-error a download's `RequestConfig` needs responseType 'stream' and no transformResponse
  await wxpay.v3.billdownload.file.get({ params: { token: 't' } });
}

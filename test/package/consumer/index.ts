/**
 * A consumer of the published package, compiled by TypeScript 5.9, 6 and 7 (`tsconfig.json` here):
 * the three ways to reach an endpoint are typed alike, and each `@ts-expect-error` line must fail to
 * compile for the reason its comment names (`test/package/consumer.test.ts` checks the reasons).
 */
import {
  ApiError,
  UsageError,
  Wechatpay,
  WechatpayError,
  parseTradeBill,
  type ClientOptions,
  type JsapiInvocation,
  type Paths,
  type WeChatPay,
} from '@wechatpay-sdk/apiv3';

type SendRequest = WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons._card_id_.Send.PostHttpMethod.JsonDataRequest;
type UploadRequest = WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod.JsonDataRequest;

declare const options: ClientOptions;
const wxpay: Wechatpay = new Wechatpay(options);

const sendRequest: SendRequest = { appid: 'wx233544546545989', openid: 'oVmHxjpNb5r4CpdgRzzA6V5nIuBg', out_request_no: 'SEND1', send_time: new Date() };
const upload: UploadRequest = { coupon_code_list: ['ABC9588200'], upload_request_no: 'UP1' };

export async function threeStyles(): Promise<string[]> {
  // chained
  const chained = await wxpay.v3.marketing.busifavor.coupons._card_id_.send.post(sendRequest, { card_id: 'c1' });
  // declarative
  const declarative = await wxpay.chain('v3/marketing/busifavor/coupons/{card_id}/send').post(sendRequest, { card_id: 'c1' });
  // attribute
  const attribute = await wxpay['v3/marketing/busifavor/coupons/{card_id}/send'](sendRequest, { card_id: 'c1' });
  const uploaded = await wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes(upload, { stock_id: '98065001' });
  const total: number = uploaded.data.total_count;
  const exist: string[] | undefined = uploaded.data.exist_codes;
  const deposited = await wxpay.chain('v3/marketing/membercard-open/cards/{card_id}/codes/deposit').post({ code: ['A1'] }, { card_id: 'p1' });
  const result: 'SUCCESS' | 'DUPLICATE' | 'FAIL' | undefined = deposited.data.data?.[0]?.result;
  return [chained.data.card_code, declarative.data.card_code, attribute.data.card_code, String(total), String(exist), String(result)];
}

export function errorsAreClasses(error: unknown): string {
  if (error instanceof ApiError) return `${error.status} ${error.code ?? ''}`;
  if (error instanceof UsageError) return error.message;
  return error instanceof WechatpayError ? error.name : 'other';
}

/** The endpoint type behind a path, by key. */
export type SendEndpoint = Paths['v3/marketing/busifavor/coupons/{card_id}/send'];

export async function mistakes(): Promise<void> {
  const send = wxpay.v3.marketing.busifavor.coupons._card_id_.send;
  // @ts-expect-error `coupon_id` is not a field of the send request
  await send.post({ ...sendRequest, coupon_id: 'x' }, { card_id: 'c1' });
  // @ts-expect-error `send_time` is required
  await send.post({ appid: 'wx1', openid: 'o1', out_request_no: 'SEND2' }, { card_id: 'c1' });
  // @ts-expect-error `appid` must be a string
  await wxpay.chain('v3/marketing/busifavor/coupons/{card_id}/send').post({ ...sendRequest, appid: 1 }, { card_id: 'c1' });
  // @ts-expect-error `cardId` is not the path parameter's name (`card_id`)
  await send.post(sendRequest, { cardId: 'c1' });
  // @ts-expect-error `card_id` (the path parameter) is required
  await wxpay['v3/marketing/busifavor/coupons/{card_id}/send'].post(sendRequest, {});
  // @ts-expect-error `stock_id` is the path parameter of couponcodes, not `card_id`
  await wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcodes').post(upload, { card_id: '98065001' });
  // @ts-expect-error `upload_request_no` is required
  await wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes.post({ coupon_code_list: ['A'] }, { stock_id: '98065001' });
  const sent = await send.post(sendRequest, { card_id: 'c1' });
  // @ts-expect-error `cardCode` is not a response field (`card_code` is)
  sent.data.cardCode;
  // @ts-expect-error `Stock` is not a segment of the chain (`stocks` is)
  wxpay.v3.marketing.busifavor.Stock;
}

/** The payment helpers, as an app wires them. */
export async function helpers(bill: { download_url: string; hash_type: 'SHA1'; hash_value: string }): Promise<[JsapiInvocation, number]> {
  const invocation = wxpay.jsapiInvocation({ appid: 'wxd678efh567hg6787', prepay_id: 'wx2014' });
  const app: 'Sign=WXPay' = wxpay.appInvocation({ appid: 'wxd678efh567hg6787', prepay_id: 'wx2014' }).package;
  const notify = wxpay.notificationHandler(async (event) => {
    if (event.event_type === 'TRANSACTION.SUCCESS') String(event.resource['out_trade_no']);
  });
  const route: (request: Request) => Promise<Response> = notify.fetch;
  const { rows } = await parseTradeBill(await wxpay.downloadBill(bill, { tar_type: 'GZIP' }));
  const certificates = await wxpay.refreshCertificates();
  // @ts-expect-error `prepay_id` is required
  wxpay.jsapiInvocation({ appid: 'wxd678efh567hg6787' });
  // @ts-expect-error `tar_type` is GZIP or absent
  await wxpay.downloadBill(bill, { tar_type: 'ZIP' });
  void [app, route, certificates];
  return [invocation, rows.length];
}

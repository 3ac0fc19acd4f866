/**
 * The payment flow end to end, driven the way the outside world drives a shop: a buyer orders in
 * the mini-program (the shop answers invocation parameters), pays in WeChat (against the sandbox:
 * its control endpoint), WeChat Pay notifies the shop, the shop refunds part of it, WeChat Pay
 * notifies the refund, and the day's bill shows both.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { JsapiInvocation, Wechatpay } from '@wechatpay-sdk/apiv3';
import type { Report } from './report.js';
import { Shop, type ShopOrder } from './shop.js';

export interface PaymentScenarioOptions {
  appid: string;
  mchid: string;
  /** The sandbox's base URL: the buyer's payment is its control endpoint. */
  sandboxURL: string;
  /** The merchant private key, to check the invocation signature as WeChat does. */
  privateKey: KeyObject | Buffer | string;
}

const TOTAL = 1999;
const REFUND = 500;

async function call<T>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(url, { method, ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });
  return { status: response.status, json: (await response.json()) as T };
}

/** Polls the shop until `done` holds for its record of the order (notifications arrive on their own). */
async function waitFor(shopURL: string, outTradeNo: string, done: (order: ShopOrder) => boolean): Promise<{ shop: ShopOrder; trade_state?: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { json } = await call<{ shop: ShopOrder; trade_state?: string }>('GET', `${shopURL}/orders/${outTradeNo}`);
    if (done(json.shop) || Date.now() > deadline) return json;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function invocationSignatureHolds(invocation: JsapiInvocation, privateKey: PaymentScenarioOptions['privateKey']): boolean {
  const message = `${invocation.appId}\n${invocation.timeStamp}\n${invocation.nonceStr}\n${invocation.package}\n`;
  return verify('sha256', Buffer.from(message), createPublicKey(privateKey), Buffer.from(invocation.paySign, 'base64'));
}

export async function runPaymentScenario(wxpay: Wechatpay, options: PaymentScenarioOptions, report: Report): Promise<void> {
  const shop = new Shop({ wxpay, appid: options.appid, mchid: options.mchid });
  const shopURL = await shop.start();
  try {
    report.step(`A buyer orders ${TOTAL} fen in the mini-program (shop at ${shopURL})`);
    const ordered = await call<{ out_trade_no: string; invocation: JsapiInvocation }>('POST', `${shopURL}/orders`, {
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      total: TOTAL,
      description: 'Sandbox T-shirt',
    });
    const { out_trade_no: outTradeNo, invocation } = ordered.json;
    report.note(`order ${outTradeNo}; wx.requestPayment(${JSON.stringify({ ...invocation, paySign: `${invocation.paySign.slice(0, 12)}...` })})`);
    report.expect(ordered.status === 200 && invocation.package.startsWith('prepay_id=wx'), 'the shop answers invocation parameters for the prepay_id', ordered.json);
    report.expect(invocation.appId === options.appid && invocation.signType === 'RSA', 'they name the appid and signType RSA', invocation);
    report.expect(invocationSignatureHolds(invocation, options.privateKey), 'paySign is the merchant key over appId, timeStamp, nonceStr, package');

    report.step('The buyer pays in WeChat; WeChat Pay notifies the shop');
    const paid = await call<Record<string, unknown>>('POST', `${options.sandboxURL}/sandbox/orders/${outTradeNo}/pay`);
    report.expect(paid.status === 200, 'the payment is taken', paid.json);
    const afterPayment = await waitFor(shopURL, outTradeNo, (order) => order.paid);
    report.expect(afterPayment.shop.paid, 'the TRANSACTION.SUCCESS notification reached the shop, verified and decrypted', afterPayment.shop);
    report.expect(afterPayment.trade_state === 'SUCCESS', 'querying the order says SUCCESS', afterPayment.trade_state);

    report.step(`The shop refunds ${REFUND} fen`);
    const refunded = await call<{ out_refund_no: string; status?: string }>('POST', `${shopURL}/orders/${outTradeNo}/refunds`, { amount: REFUND, reason: 'size exchange' });
    report.expect(refunded.status === 200 && refunded.json.status === 'PROCESSING', 'the refund is accepted as PROCESSING', refunded.json);
    const afterRefund = await waitFor(shopURL, outTradeNo, (order) => order.refunded >= REFUND);
    report.expect(afterRefund.shop.refunded === REFUND, 'the REFUND.SUCCESS notification reached the shop', afterRefund.shop);
    report.expect(afterRefund.trade_state === 'REFUND', 'querying the order says REFUND', afterRefund.trade_state);
    const tooMuch = await call<{ message: string }>('POST', `${shopURL}/orders/${outTradeNo}/refunds`, { amount: TOTAL });
    report.note(`refunding the full total again: ${tooMuch.json.message}`);
    report.expect(tooMuch.status === 502 && tooMuch.json.message.includes('INVALID_REQUEST'), 'a refund beyond what is left is refused by WeChat Pay', tooMuch.json);

    report.step("Reconcile with the day's trade bill");
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const bill = await call<{ rows: number; mine: { out_trade_no: string; trade_state: string; amount?: string }[] }>('GET', `${shopURL}/bills/${today}`);
    report.note(`bill of ${today}: ${bill.json.rows} rows, ours: ${JSON.stringify(bill.json.mine)}`);
    report.expect(
      bill.status === 200 &&
        bill.json.mine.some((row) => row.trade_state === 'SUCCESS' && row.amount === '19.99') &&
        bill.json.mine.some((row) => row.trade_state === 'REFUND' && row.amount === '5.00'),
      'the bill (hash checked while downloading) lists the payment and the refund',
      bill.json,
    );
  } finally {
    await shop.close();
  }
}

/**
 * A small shop's payment backend on node:http, as a merchant writes it with the SDK:
 *
 *   POST /orders                  {openid, total, description} -> JSAPI order + invocation parameters for wx.requestPayment
 *   POST /notify                  WeChat Pay's notifications (payment, refund), through the SDK's handler
 *   GET  /orders/{out_trade_no}   the shop's own record and WeChat Pay's trade_state
 *   POST /orders/{out_trade_no}/refunds {amount, reason}
 *   GET  /bills/{date}            the day's trade bill, downloaded (hash checked) and parsed
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, parseTradeBill, type JsapiInvocation, type Wechatpay } from '@wechatpay-sdk/apiv3';

/** What the shop remembers of an order; `paid` and `refunded` change only on verified notifications. */
export interface ShopOrder {
  out_trade_no: string;
  total: number;
  paid: boolean;
  /** Fen refunded, as confirmed by REFUND.SUCCESS notifications. */
  refunded: number;
  transaction_id?: string;
}

export interface ShopOptions {
  wxpay: Wechatpay;
  appid: string;
  mchid: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class Shop {
  readonly orders = new Map<string, ShopOrder>();
  /** Notification ids already applied: WeChat Pay may deliver one more than once. */
  private readonly applied = new Set<string>();
  private readonly server: Server;
  private origin = '';

  constructor(private readonly options: ShopOptions) {
    const notify = options.wxpay.notificationHandler(
      (event) => {
        if (this.applied.has(event.id)) return;
        // Events are narrowed by event_type: each branch reads its own resource type.
        const order = this.orders.get(event.resource.out_trade_no);
        // Throwing answers a failure, so WeChat Pay retries: an order we do not know is not acknowledged.
        if (!order) throw new Error(`notification for an unknown order ${event.resource.out_trade_no}`);
        if (event.event_type === 'TRANSACTION.SUCCESS') {
          const { amount, transaction_id } = event.resource;
          if (amount?.total !== order.total) throw new Error(`paid ${String(amount?.total)}, ordered ${order.total}`);
          order.paid = true;
          order.transaction_id = transaction_id;
        } else if (event.event_type === 'REFUND.SUCCESS') {
          order.refunded += event.resource.amount.refund;
        }
        this.applied.add(event.id);
      },
      { onError: (error, failure) => console.error(`  shop: notification refused (${failure}): ${(error as Error).message}`) },
    );
    this.server = createServer((request, response) => {
      if (request.method === 'POST' && request.url === '/notify') {
        void notify(request, response);
        return;
      }
      this.route(request)
        .then((body) => send(response, 200, body))
        .catch((error: unknown) => {
          if (error instanceof HttpError) send(response, error.status, { message: error.message });
          else if (error instanceof ApiError) send(response, 502, { message: `WeChat Pay: ${error.code}: ${error.message}` });
          else send(response, 500, { message: 'shop failure' });
        });
    });
  }

  /** Listens on 127.0.0.1; resolves with the shop's base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(request: IncomingMessage): Promise<unknown> {
    const url = new URL(request.url ?? '/', this.origin);
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    if (request.method === 'POST' && url.pathname === '/orders') return this.placeOrder(await readJson(request));
    if (request.method === 'GET' && segments[0] === 'orders' && segments.length === 2) return this.orderStatus(segments[1]!);
    if (request.method === 'POST' && segments[0] === 'orders' && segments[2] === 'refunds' && segments.length === 3) return this.refund(segments[1]!, await readJson(request));
    if (request.method === 'GET' && segments[0] === 'bills' && segments.length === 2) return this.bill(segments[1]!);
    throw new HttpError(404, `no route ${request.method} ${url.pathname}`);
  }

  private async placeOrder(body: Record<string, unknown>): Promise<{ out_trade_no: string; invocation: JsapiInvocation }> {
    const { wxpay, appid, mchid } = this.options;
    const total = Number(body.total);
    if (!Number.isInteger(total) || total < 1) throw new HttpError(400, 'total must be a positive integer (fen)');
    const outTradeNo = `SHOP${Date.now()}${randomBytes(3).toString('hex')}`;
    this.orders.set(outTradeNo, { out_trade_no: outTradeNo, total, paid: false, refunded: 0 });
    const { data } = await wxpay.v3.pay.transactions.jsapi.post({
      appid,
      mchid,
      description: String(body.description ?? 'order'),
      out_trade_no: outTradeNo,
      notify_url: `${this.origin}/notify`,
      amount: { total, currency: 'CNY' },
      payer: { openid: String(body.openid) },
    });
    // Handed unchanged to wx.requestPayment in the mini-program.
    return { out_trade_no: outTradeNo, invocation: wxpay.jsapiInvocation({ appid, prepay_id: data.prepay_id }) };
  }

  private async orderStatus(outTradeNo: string): Promise<{ shop: ShopOrder; trade_state: string | undefined }> {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new HttpError(404, `no order ${outTradeNo}`);
    const { data } = await this.options.wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({ out_trade_no: outTradeNo, params: { mchid: this.options.mchid } });
    return { shop: { ...order }, trade_state: data.trade_state };
  }

  private async refund(outTradeNo: string, body: Record<string, unknown>): Promise<{ out_refund_no: string; status: string | undefined }> {
    const order = this.orders.get(outTradeNo);
    if (!order?.paid) throw new HttpError(409, `order ${outTradeNo} is not paid`);
    const outRefundNo = `${outTradeNo}R${randomBytes(2).toString('hex')}`;
    const { data } = await this.options.wxpay.v3.refund.domestic.refunds.post({
      out_trade_no: outTradeNo,
      out_refund_no: outRefundNo,
      reason: String(body.reason ?? 'refund'),
      notify_url: `${this.origin}/notify`,
      amount: { refund: Number(body.amount), total: order.total, currency: 'CNY' },
    });
    return { out_refund_no: outRefundNo, status: data.status };
  }

  private async bill(date: string): Promise<{ rows: number; mine: { out_trade_no: string; trade_state: string; amount: string | undefined }[]; summary: unknown }> {
    const { wxpay } = this.options;
    const { data } = await wxpay.v3.bill.tradebill.get({ params: { bill_date: date, tar_type: 'GZIP' } });
    // The hash is checked as the file streams: the parse fails if the bill was altered.
    const { rows, summary } = await parseTradeBill(await wxpay.downloadBill(data, { tar_type: 'GZIP' }));
    const mine = rows
      .filter((row) => this.orders.has(row.out_trade_no))
      .map((row) => ({ out_trade_no: row.out_trade_no, trade_state: row.trade_state, amount: row.trade_state === 'REFUND' ? row.refund_fee : row.settlement_total_fee }));
    return { rows: rows.length, mine, summary };
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text === '' ? {} : (JSON.parse(text) as Record<string, unknown>));
      } catch {
        reject(new HttpError(400, 'body is not JSON'));
      }
    });
    request.on('error', reject);
  });
}

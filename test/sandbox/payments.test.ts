import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/types.ts';
import { DEFAULT_SPEC_DIR, loadModel, startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { decodeCertificates } from '../../templates/runtime/certificates.ts';
import { verifyHeaders } from '../../templates/runtime/signature.ts';
import { RETRY_SCHEDULE_MS } from '../../templates/sandbox/scheduler.ts';
import { NotifyListener } from './notify-listener.ts';
import { signedRequest } from './signed.ts';

const APPID = 'wxd678efh567hg6787';
let model: ApiModel;
const cleanups: (() => Promise<unknown>)[] = [];
let sequence = 0;

// One merchant and one platform key pair for every sandbox here: RSA key generation is most of a sandbox's start.
let merchantPrivateKey: KeyObject;
let platformPrivateKey: KeyObject;

beforeAll(async () => {
  model = await loadModel(DEFAULT_SPEC_DIR);
  merchantPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  platformPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sandboxFor(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ model, merchantPrivateKey, platformPrivateKey, notifyTimeScale: 0.001, refundDelayMs: 30, ...options });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

async function listenerFor(sandbox: Sandbox, answer?: (count: number) => number): Promise<NotifyListener> {
  const listener = await NotifyListener.start(sandbox.clientOptions, answer);
  cleanups.push(() => listener.close());
  return listener;
}

async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sandbox-pay-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

function tradeNo(prefix = 'T'): string {
  sequence += 1;
  return `${prefix}${Date.now()}${sequence}`;
}

function jsapiOrder(sandbox: Sandbox, outTradeNo: string, notifyUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: APPID,
    mchid: sandbox.mchid,
    description: 'Sandbox T-shirt',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    ...extra,
  };
}

const query = (sandbox: Sandbox, outTradeNo: string) =>
  signedRequest(sandbox, 'GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${sandbox.mchid}`);

async function controlPay(sandbox: Sandbox, outTradeNo: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.url}/sandbox/orders/${encodeURIComponent(outTradeNo)}/pay`, { method: 'POST' });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function beijingDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

describe('ordering, payment and its notification', () => {
  it('orders (JSAPI), pays through the control endpoint, and notifies a signed, encrypted TRANSACTION.SUCCESS', async () => {
    const sandbox = await sandboxFor();
    const listener = await listenerFor(sandbox);
    const outTradeNo = tradeNo();
    const ordered = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, listener.url, { attach: 'cart-7' }));
    expect(ordered.status).toBe(200);
    expect(ordered.json.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    expect((await query(sandbox, outTradeNo)).json).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'NOTPAY', amount: { total: 100 } });

    const paid = await controlPay(sandbox, outTradeNo);
    expect(paid.status).toBe(200);
    await listener.until(1);
    const [{ notification }] = listener.received as [(typeof listener.received)[number]];
    expect(listener.rejected).toEqual([]);
    expect(notification).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', original_type: 'transaction' });
    expect(notification.resource).toMatchObject({
      appid: APPID,
      mchid: sandbox.mchid,
      out_trade_no: outTradeNo,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      attach: 'cart-7',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
    });
    const transactionId = String(notification.resource.transaction_id);
    expect(transactionId).toMatch(/^4200\d{24}$/);

    expect((await query(sandbox, outTradeNo)).json).toMatchObject({ trade_state: 'SUCCESS', transaction_id: transactionId });
    const byId = await signedRequest(sandbox, 'GET', `/v3/pay/transactions/id/${transactionId}?mchid=${sandbox.mchid}`);
    expect(byId.json).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' });

    // A paid order cannot be closed (the spec documents INVALID_REQUEST for it) and stays paid.
    const close = await signedRequest(sandbox, 'POST', `/v3/pay/transactions/out-trade-no/${outTradeNo}/close`, { mchid: sandbox.mchid });
    expect(close.status).toBe(400);
    expect(close.json.code).toBe('INVALID_REQUEST');
    expect((await query(sandbox, outTradeNo)).json.trade_state).toBe('SUCCESS');
    expect((await controlPay(sandbox, outTradeNo)).status).toBe(400);
    expect(listener.received).toHaveLength(1);
  });

  it('answers code_url (Native), h5_url (H5) and prepay_id (APP), and replays a repeated order', async () => {
    const sandbox = await sandboxFor();
    const notifyUrl = 'http://localhost:9/notify';
    const { payer: _payer, ...plain } = jsapiOrder(sandbox, tradeNo(), notifyUrl);
    const native = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/native', { ...plain, out_trade_no: tradeNo() });
    expect(native.json.code_url).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    const h5 = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/h5', {
      ...plain,
      out_trade_no: tradeNo(),
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    });
    expect(h5.status).toBe(200);
    expect(h5.json.h5_url).toMatch(/^https:\/\/wx\.tenpay\.com\/.*prepay_id=wx/);
    const appBody = { ...plain, out_trade_no: tradeNo() };
    const app = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/app', appBody);
    expect(app.json.prepay_id).toMatch(/^wx/);

    expect((await signedRequest(sandbox, 'POST', '/v3/pay/transactions/app', appBody)).json).toEqual(app.json);
    const changed = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/app', { ...appBody, amount: { total: 200, currency: 'CNY' } });
    expect(changed.status).toBe(400);
    expect(changed.json.code).toBe('INVALID_REQUEST');
  });

  it('sends nothing off this machine: a notify_url that is not loopback is PARAM_ERROR at ordering, no order kept', async () => {
    const sandbox = await sandboxFor();
    for (const url of ['https://merchant.example.com/notify', 'http://10.0.0.8/notify', 'http://127.0.0.1.nip.io/notify', 'ftp://127.0.0.1/x']) {
      const outTradeNo = tradeNo();
      const reply = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, url));
      expect(reply.status, url).toBe(400);
      expect(reply.json.code).toBe('PARAM_ERROR');
      expect(String(reply.json.message)).toMatch(/^notify_url must (point to a loopback host|be an http)/);
      expect((await query(sandbox, outTradeNo)).json.code).toBe('ORDER_NOT_EXIST');
    }
    expect(Object.keys(sandbox.state.orders)).toEqual([]);
  });

  it('closes an unpaid order at time_expire (NOTPAY -> CLOSED), and refuses to pay it then', async () => {
    let clock = Date.now();
    const sandbox = await sandboxFor({ now: () => clock });
    const outTradeNo = tradeNo();
    const expire = new Date(clock + 60_000).toISOString().replace('Z', '+00:00');
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n', { time_expire: expire }));
    expect((await query(sandbox, outTradeNo)).json.trade_state).toBe('NOTPAY');
    clock += 61_000;
    expect((await query(sandbox, outTradeNo)).json.trade_state).toBe('CLOSED');
    const pay = await controlPay(sandbox, outTradeNo);
    expect(pay).toMatchObject({ status: 400, json: { code: 'ORDER_CLOSED' } });
    const again = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n', { time_expire: expire }));
    expect(again.json.code).toBe('ORDER_CLOSED');
  });

  it('closes an unpaid order on request; --auto-pay-after pays the others by itself', async () => {
    const sandbox = await sandboxFor({ autoPayAfterMs: 1_000 });
    const listener = await listenerFor(sandbox);
    const closed = tradeNo();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, closed, listener.url));
    const close = await signedRequest(sandbox, 'POST', `/v3/pay/transactions/out-trade-no/${closed}/close`, { mchid: sandbox.mchid });
    expect(close.status).toBe(204);
    const paidAlone = tradeNo();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, paidAlone, listener.url));
    await listener.until(1);
    expect(listener.received.map((item) => item.notification.resource.out_trade_no)).toEqual([paidAlone]);
    expect((await query(sandbox, closed)).json.trade_state).toBe('CLOSED');
  });
});

describe('notification retries', () => {
  it("retries a refused notification on WeChat Pay's schedule, scaled, until it is acknowledged", async () => {
    const scale = 0.002;
    const sandbox = await sandboxFor({ notifyTimeScale: scale });
    const listener = await listenerFor(sandbox, (count) => (count <= 3 ? 500 : 204));
    const outTradeNo = tradeNo();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, listener.url));
    await sandbox.pay(outTradeNo);
    await listener.until(4);
    const attempts = listener.received;
    expect(new Set(attempts.map((item) => item.notification.id)).size).toBe(1);
    expect(attempts.map((item) => item.status)).toEqual([500, 500, 500, 204]);
    // Each retry waits at least its scaled step of 15 s, 15 s, 30 s.
    for (let index = 1; index < attempts.length; index += 1) {
      expect(attempts[index]!.at - attempts[index - 1]!.at).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[index - 1]! * scale - 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [delivery] = Object.values(sandbox.state.deliveries);
    expect(delivery).toMatchObject({ attempts: 4, event_type: 'TRANSACTION.SUCCESS' });
    expect(delivery!.delivered_at).toBeTypeOf('number');
  });

  it('gives up after the last step of the schedule when nobody listens', async () => {
    const sandbox = await sandboxFor({ notifyTimeScale: 0.00001 });
    const outTradeNo = tradeNo();
    // A port nobody listens on (any more): every attempt is a connection error.
    const closed = await NotifyListener.start(sandbox.clientOptions);
    await closed.close();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, closed.url));
    await sandbox.pay(outTradeNo);
    const deadline = Date.now() + 20_000;
    while (Object.values(sandbox.state.deliveries)[0]?.abandoned_at === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const [delivery] = Object.values(sandbox.state.deliveries);
    expect(delivery!.attempts).toBe(RETRY_SCHEDULE_MS.length + 1);
    expect(delivery!.last_error).toBe('ECONNREFUSED');
    expect(delivery!.delivered_at).toBeUndefined();
  });
});

describe('refunds', () => {
  it('refunds up to the paid total across refunds, PROCESSING -> SUCCESS, and notifies REFUND.SUCCESS', async () => {
    const sandbox = await sandboxFor();
    const listener = await listenerFor(sandbox);
    const outTradeNo = tradeNo();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, listener.url));
    await sandbox.pay(outTradeNo);
    await listener.until(1);
    const refund = (outRefundNo: string, amount: number) =>
      signedRequest(sandbox, 'POST', '/v3/refund/domestic/refunds', {
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        notify_url: listener.url,
        amount: { refund: amount, total: 100, currency: 'CNY' },
      });

    const first = await refund(`${outTradeNo}R1`, 60);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ out_refund_no: `${outTradeNo}R1`, status: 'PROCESSING', amount: { refund: 60, total: 100 } });

    const tooMuch = await refund(`${outTradeNo}R2`, 41);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.code).toBe('INVALID_REQUEST');
    expect(String(tooMuch.json.message)).toContain('exceeds what order');
    expect(sandbox.state.refunds[`${outTradeNo}R2`]).toBeUndefined();
    expect(sandbox.state.orders[outTradeNo]!.refunded).toBe(60);
    expect((await signedRequest(sandbox, 'GET', `/v3/refund/domestic/refunds/${outTradeNo}R2`)).json.code).toBe('RESOURCE_NOT_EXISTS');

    await listener.until(2);
    const refunded = listener.received[1]!.notification;
    expect(refunded).toMatchObject({ event_type: 'REFUND.SUCCESS', original_type: 'refund' });
    expect(refunded.resource).toMatchObject({ out_trade_no: outTradeNo, out_refund_no: `${outTradeNo}R1`, refund_status: 'SUCCESS', amount: { refund: 60, total: 100 } });
    expect((await signedRequest(sandbox, 'GET', `/v3/refund/domestic/refunds/${outTradeNo}R1`)).json).toMatchObject({ status: 'SUCCESS', refund_id: refunded.resource.refund_id });
    expect((await query(sandbox, outTradeNo)).json.trade_state).toBe('REFUND');

    // The same refund again is the same refund; the rest of the total can still be refunded.
    expect((await refund(`${outTradeNo}R1`, 60)).json.refund_id).toBe(refunded.resource.refund_id);
    expect((await refund(`${outTradeNo}R3`, 40)).status).toBe(200);
    expect((await refund(`${outTradeNo}R4`, 1)).json.code).toBe('INVALID_REQUEST');
  });

  it('refuses to refund an unpaid order and an unknown one', async () => {
    const sandbox = await sandboxFor();
    const outTradeNo = tradeNo();
    await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n'));
    const body = (trade: string) => ({ out_trade_no: trade, out_refund_no: `${trade}R`, amount: { refund: 1, total: 100, currency: 'CNY' } });
    expect((await signedRequest(sandbox, 'POST', '/v3/refund/domestic/refunds', body(outTradeNo))).json.code).toBe('INVALID_REQUEST');
    expect((await signedRequest(sandbox, 'POST', '/v3/refund/domestic/refunds', body('nope-123456'))).json.code).toBe('RESOURCE_NOT_EXISTS');
  });
});

describe('bills', () => {
  it("serves the day's trade and fund-flow bills from the sandbox's orders and refunds, hashed with SHA1, gzipped on request", async () => {
    const sandbox = await sandboxFor();
    const listener = await listenerFor(sandbox);
    const [a, b] = [tradeNo('BA'), tradeNo('BB')];
    for (const outTradeNo of [a, b]) {
      await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, listener.url));
      await sandbox.pay(outTradeNo);
    }
    await signedRequest(sandbox, 'POST', '/v3/refund/domestic/refunds', { out_trade_no: b, out_refund_no: `${b}R`, notify_url: listener.url, amount: { refund: 25, total: 100, currency: 'CNY' } });
    await listener.until(3);
    const today = beijingDate(Date.now());

    const bill = await signedRequest(sandbox, 'GET', `/v3/bill/tradebill?bill_date=${today}&bill_type=ALL`);
    expect(bill.status).toBe(200);
    expect(bill.json.hash_type).toBe('SHA1');
    const downloadUrl = new URL(String(bill.json.download_url));
    expect(downloadUrl.origin).toBe(sandbox.url);
    const file = await signedRequest(sandbox, 'GET', `${downloadUrl.pathname}${downloadUrl.search}`, undefined, { download: true });
    expect(file.status).toBe(200);
    expect(createHash('sha1').update(file.bytes).digest('hex')).toBe(bill.json.hash_value);
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(27);
    expect(lines[0]).toMatch(/^交易时间,公众账号ID,商户号/);
    const records = lines.slice(1, -2);
    expect(records).toHaveLength(3);
    expect(records.every((record) => record.split(',').every((value) => value.startsWith('`')))).toBe(true);
    expect(records.filter((record) => record.includes(`\`${b},`)).map((record) => record.split(',')[9])).toEqual(['`SUCCESS', '`REFUND']);
    expect(lines.at(-2)).toBe('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
    expect(lines.at(-1)!.split(',').slice(0, 3)).toEqual(['`3', '`2.00', '`0.25']);

    const gzipped = await signedRequest(sandbox, 'GET', `/v3/bill/tradebill?bill_date=${today}&bill_type=SUCCESS&tar_type=GZIP`);
    const zipUrl = new URL(String(gzipped.json.download_url));
    const zipped = await signedRequest(sandbox, 'GET', `${zipUrl.pathname}${zipUrl.search}`, undefined, { download: true });
    const unzipped = gunzipSync(zipped.bytes);
    expect(createHash('sha1').update(unzipped).digest('hex')).toBe(gzipped.json.hash_value);
    expect(unzipped.toString('utf8').split('\r\n').slice(1, -3)).toHaveLength(2);

    const flow = await signedRequest(sandbox, 'GET', `/v3/bill/fundflowbill?bill_date=${today}&account_type=BASIC`);
    const flowUrl = new URL(String(flow.json.download_url));
    const flowFile = await signedRequest(sandbox, 'GET', `${flowUrl.pathname}${flowUrl.search}`, undefined, { download: true });
    expect(createHash('sha1').update(flowFile.bytes).digest('hex')).toBe(flow.json.hash_value);
    expect(flowFile.text.trimEnd().split('\r\n').at(-1)).toBe('`3,`2,`2.00,`1,`0.25');

    const none = await signedRequest(sandbox, 'GET', '/v3/bill/tradebill?bill_date=2001-01-01');
    expect(none).toMatchObject({ status: 400, json: { code: 'NO_STATEMENT_EXIST' } });
  });
});

describe('platform certificates', () => {
  it('serves its certificate encrypted with the APIv3 key; in certificate mode responses carry its serial', async () => {
    for (const certificateMode of [false, true]) {
      const sandbox = await sandboxFor({ certificateMode });
      const reply = await signedRequest(sandbox, 'GET', '/v3/certificates');
      const decoded = decodeCertificates(reply.text, sandbox.clientOptions.secret);
      expect(decoded.certificates.map((certificate) => certificate.serial)).toEqual([sandbox.keys.platformCertificate.serial]);
      expect(decoded.certificates[0]!.publicKey.equals(sandbox.keys.platformPublicKey)).toBe(true);
      if (certificateMode) {
        expect(reply.headers['wechatpay-serial']).toBe(sandbox.keys.platformCertificate.serial);
        // What the first download gives is enough to verify the answer that carried it.
        verifyHeaders(reply.headers, reply.text, decoded.keys);
      } else {
        expect(reply.headers['wechatpay-serial']).toMatch(/^PUB_KEY_ID_/);
      }
    }
  });
});

describe('media upload', () => {
  it('signs over the meta part, checks the file against meta.sha256 and refuses a JSON body', async () => {
    const sandbox = await sandboxFor();
    const file = Buffer.from('\x89PNG sandbox image', 'latin1');
    const multipart = (sha256: string) => {
      const meta = JSON.stringify({ filename: 'a.png', sha256 });
      const boundary = 'sandboxboundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n${meta}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { meta, body, contentType: `multipart/form-data; boundary=${boundary}` };
    };
    const send = async (parts: ReturnType<typeof multipart>) => {
      const { requestMessage, signMessage, createNonce, authorizationHeader } = await import('../../templates/runtime/signature.ts');
      const timestamp = Math.floor(Date.now() / 1000);
      const nonce = createNonce();
      const signature = signMessage(requestMessage('POST', '/v3/merchant/media/upload', timestamp, nonce, parts.meta), sandbox.clientOptions.privateKey!);
      const response = await fetch(`${sandbox.url}/v3/merchant/media/upload`, {
        method: 'POST',
        headers: { 'Content-Type': parts.contentType, Authorization: authorizationHeader({ mchid: sandbox.mchid, serial: sandbox.clientOptions.serial, nonce, timestamp, signature }) },
        body: parts.body,
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const good = await send(multipart(createHash('sha256').update(file).digest('hex')));
    expect(good.status).toBe(200);
    expect(good.json.media_id).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect((await send(multipart('0'.repeat(64)))).json.code).toBe('PARAM_ERROR');
    const json = await signedRequest(sandbox, 'POST', '/v3/merchant/media/upload', { filename: 'a.png', sha256: '0'.repeat(64) });
    expect(json.status).toBe(415);
  });
});

describe('hardening (issue 10)', () => {
  it('signs and executes the exact body: multipart/form-data on a JSON operation is 415 and changes nothing', async () => {
    const sandbox = await sandboxFor();
    const outTradeNo = tradeNo();
    const reply = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n'), {
      contentType: 'multipart/form-data; boundary=x',
    });
    expect(reply.status).toBe(415);
    expect(reply.json.code).toBe('PARAM_ERROR');
    expect(sandbox.state.orders[outTradeNo]).toBeUndefined();
    const deposit = await signedRequest(sandbox, 'POST', '/v3/marketing/membercard-open/cards/c1/codes/deposit', { code: ['M1'] }, { contentType: 'text/plain' });
    expect(deposit.status).toBe(415);
  });

  it('takes ids named like Object.prototype members as ordinary ids', async () => {
    const sandbox = await sandboxFor();
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const ordered = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/native', { ...jsapiOrder(sandbox, id, 'http://127.0.0.1:9/n'), payer: undefined });
      expect(ordered.status, id).toBe(200);
      expect((await query(sandbox, id)).json).toMatchObject({ out_trade_no: id, trade_state: 'NOTPAY' });
      const deposited = await signedRequest(sandbox, 'POST', `/v3/marketing/membercard-open/cards/${id}/codes/deposit`, { code: ['P1'] });
      expect(deposited.json, id).toEqual({ data: [{ code: 'P1', result: 'SUCCESS' }] });
    }
    expect((await query(sandbox, 'valueOf')).json.code).toBe('ORDER_NOT_EXIST');
    expect((await signedRequest(sandbox, 'GET', '/v3/refund/domestic/refunds/__proto__')).json.code).toBe('RESOURCE_NOT_EXISTS');
  });

  it('answers 400 to JSON nested 100,000 deep, never 500', async () => {
    const sandbox = await sandboxFor();
    const deep = `{"code":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { requestMessage, signMessage, createNonce, authorizationHeader } = await import('../../templates/runtime/signature.ts');
    const uri = '/v3/marketing/membercard-open/cards/deep/codes/deposit';
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = createNonce();
    const signature = signMessage(requestMessage('POST', uri, timestamp, nonce, deep), sandbox.clientOptions.privateKey!);
    const response = await fetch(`${sandbox.url}${uri}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorizationHeader({ mchid: sandbox.mchid, serial: sandbox.clientOptions.serial, nonce, timestamp, signature }) },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('PARAM_ERROR');
  });

  it('answers 500 when a change cannot be saved, keeps no trace of it, and acknowledges the retry once it is on disk', async () => {
    const directory = await temporaryDirectory();
    const dataFile = join(directory, 'state.json');
    const sandbox = await sandboxFor({ dataFile });
    const outTradeNo = tradeNo();
    // A directory where the data file goes: the rename of every save fails, even for root.
    await mkdir(dataFile);
    const failed = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n'));
    expect(failed.status).toBe(500);
    expect(sandbox.state.orders[outTradeNo]).toBeUndefined();
    expect((await query(sandbox, outTradeNo)).json.code).toBe('ORDER_NOT_EXIST');
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    await rmdir(dataFile);
    const retried = await signedRequest(sandbox, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(sandbox, outTradeNo, 'http://127.0.0.1:9/n'));
    expect(retried.status).toBe(200);
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { orders: Record<string, unknown> };
    expect(Object.keys(saved.orders)).toEqual([outTradeNo]);
  });

  it('refuses a data file with wrongly shaped members and removes stale temporary files at start', async () => {
    const directory = await temporaryDirectory();
    const dataFile = join(directory, 'state.json');
    await writeFile(dataFile, JSON.stringify({ version: 2, memberCards: [], couponStocks: {}, orders: {}, refunds: {}, deliveries: {} }));
    await expect(startSandbox({ model, dataFile })).rejects.toThrow(`${dataFile}: not a sandbox data file (memberCards must be an object)`);
    await writeFile(dataFile, JSON.stringify({ version: 2, memberCards: {}, couponStocks: {}, orders: { x: { out_trade_no: 'x', total: '100' } }, refunds: {}, deliveries: {} }));
    await expect(startSandbox({ model, dataFile })).rejects.toThrow(/orders\["x"\]\.transaction_id must be a string/);

    await writeFile(dataFile, JSON.stringify({ version: 1, memberCards: {}, couponStocks: {} }));
    await writeFile(join(directory, 'state.json.4242.0badc0de.tmp'), '{"half":');
    await writeFile(join(directory, 'other.txt'), 'kept');
    await sandboxFor({ dataFile });
    expect((await readdir(directory)).sort()).toEqual(['other.txt', 'state.json']);
  });
});

describe('restart with --data', () => {
  it('keeps orders and undelivered notifications, and delivers those after the restart', async () => {
    const directory = await temporaryDirectory();
    const dataFile = join(directory, 'state.json');
    // The first retry comes 15 s * 0.02 = 300 ms after the first attempt: after the restart.
    const first = await startSandbox({ model, merchantPrivateKey, platformPrivateKey, dataFile, notifyTimeScale: 0.02 });
    const outTradeNo = tradeNo();
    const listener = await listenerFor(first, (count) => (count === 1 ? 500 : 204));
    await signedRequest(first, 'POST', '/v3/pay/transactions/jsapi', jsapiOrder(first, outTradeNo, listener.url));
    await first.pay(outTradeNo);
    await listener.until(1);
    while (Object.values(first.state.deliveries)[0]?.attempts !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.close();
    expect(listener.received).toHaveLength(1);

    // Same platform key and APIv3 key: the merchant keeps trusting what it knows.
    const second = await sandboxFor({ dataFile, platformSerial: first.keys.platformSerial, apiV3Key: first.keys.apiV3Key });
    expect((await query(second, outTradeNo)).json).toMatchObject({ trade_state: 'SUCCESS', out_trade_no: outTradeNo });
    await listener.until(2);
    expect(listener.rejected).toEqual([]);
    expect(listener.received.map((item) => item.notification.id)).toEqual([listener.received[0]!.notification.id, listener.received[0]!.notification.id]);
    expect(listener.received[1]!.notification.resource).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' });
  });
});

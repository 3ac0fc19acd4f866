/**
 * Sandbox throughput: signed requests answered with signed responses that the caller verifies,
 * as a client would. Prints requests/s (median of rounds) and memory after a sustained run; then the
 * order-to-notification latency (signed JSAPI order, control-endpoint payment, notification received,
 * verified and decrypted by a local listener), median, next to a bare local HTTP POST round trip.
 * Run: `npx tsx bench/sandbox.ts [--rounds 7] [--requests 400] [--concurrency 16] [--sustained 4000] [--payments 200]`
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  authorizationHeader,
  createNonce,
  requestMessage,
  signMessage,
  verifyHeaders,
} from '../templates/runtime/signature.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyNotification } from '../templates/runtime/notification.ts';
import { DEFAULT_SPEC_DIR, loadModel, startSandbox, type Sandbox } from '../sandbox/server.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '16' },
    sustained: { type: 'string', default: '4000' },
    payments: { type: 'string', default: '200' },
  },
});
const rounds = Number(values.rounds);
const requestsPerRound = Number(values.requests);
const concurrency = Number(values.concurrency);
const sustained = Number(values.sustained);
const payments = Number(values.payments);

async function signedCall(
  sandbox: Sandbox,
  platformKeys: ReadonlyMap<string, import('node:crypto').KeyObject>,
  method: string,
  uri: string,
  data?: unknown,
): Promise<number> {
  const body = data === undefined ? '' : JSON.stringify(data);
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = createNonce();
  const signature = signMessage(requestMessage(method, uri, timestamp, nonce, body), sandbox.clientOptions.privateKey!);
  const response = await fetch(`${sandbox.url}${uri}`, {
    method,
    headers: {
      Authorization: authorizationHeader({
        mchid: sandbox.mchid,
        serial: sandbox.clientOptions.serial,
        nonce,
        timestamp,
        signature,
      }),
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    ...(body === '' ? {} : { body }),
  });
  const text = await response.text();
  verifyHeaders(Object.fromEntries(response.headers), text, platformKeys);
  return response.status;
}

/** Runs `total` requests with `concurrency` in flight; returns requests per second. */
async function round(total: number, next: (index: number) => Promise<number>): Promise<number> {
  let issued = 0;
  const failures: number[] = [];
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (issued < total) {
      const status = await next(issued++);
      if (status !== 200) failures.push(status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  if (failures.length > 0) throw new Error(`${failures.length} requests failed (first status ${failures[0]})`);
  return total / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A merchant's notify_url on 127.0.0.1 that verifies and decrypts, calling `onNotified` with the out_trade_no. */
async function notifyListener(
  sandbox: Sandbox,
  onNotified: (outTradeNo: string) => void,
): Promise<{ url: string; close(): void }> {
  const keys = { certs: new Map(Object.entries(sandbox.clientOptions.certs)), secret: sandbox.clientOptions.secret };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.url === '/floor') {
        response.writeHead(204).end();
        return;
      }
      const notification = verifyNotification<{ out_trade_no: string }>({ headers: request.headers, body }, keys);
      response.writeHead(204).end();
      onNotified(notification.resource.out_trade_no);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Order -> pay -> notification, one payment at a time; milliseconds each, and pay -> notification alone. */
async function notificationLatency(
  sandbox: Sandbox,
  platformKeys: ReadonlyMap<string, import('node:crypto').KeyObject>,
  count: number,
): Promise<void> {
  const waiting = new Map<string, () => void>();
  const listener = await notifyListener(sandbox, (outTradeNo) => waiting.get(outTradeNo)?.());
  const total: number[] = [];
  const afterPay: number[] = [];
  const floor: number[] = [];
  try {
    for (let index = 0; index < count + 10; index++) {
      const outTradeNo = `LAT${Date.now()}${index}`;
      const notified = new Promise<void>((resolve) => waiting.set(outTradeNo, resolve));
      const start = performance.now();
      const status = await signedCall(sandbox, platformKeys, 'POST', '/v3/pay/transactions/jsapi', {
        appid: 'wxd678efh567hg6787',
        mchid: sandbox.mchid,
        description: 'bench',
        out_trade_no: outTradeNo,
        notify_url: `${listener.url}/notify`,
        amount: { total: 1, currency: 'CNY' },
        payer: { openid: 'o-bench' },
      });
      if (status !== 200) throw new Error(`ordering answered ${status}`);
      const paying = performance.now();
      const paid = await fetch(`${sandbox.url}/sandbox/orders/${outTradeNo}/pay`, { method: 'POST' });
      await paid.arrayBuffer();
      await notified;
      const end = performance.now();
      waiting.delete(outTradeNo);
      const floorStart = performance.now();
      await (await fetch(`${listener.url}/floor`, { method: 'POST', body: '{}' })).arrayBuffer();
      const floorEnd = performance.now();
      // The first ten warm up the JIT and the connection pools.
      if (index < 10) continue;
      total.push(end - start);
      afterPay.push(end - paying);
      floor.push(floorEnd - floorStart);
    }
  } finally {
    listener.close();
  }
  console.log(
    `order-to-notification latency: ${count} payments, one at a time (signed order, control pay, notification verified + decrypted)`,
  );
  console.log(`  order -> pay -> notification received   median ${median(total).toFixed(2)} ms`);
  console.log(`  pay -> notification received            median ${median(afterPay).toFixed(2)} ms`);
  console.log(`  baseline: bare local HTTP POST round trip median ${median(floor).toFixed(2)} ms`);
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const model = await loadModel(DEFAULT_SPEC_DIR);
  const sandbox = await startSandbox({ model });
  const platformKeys = new Map(Object.entries(sandbox.clientOptions.certs));
  const call = (method: string, uri: string, data?: unknown): Promise<number> =>
    signedCall(sandbox, platformKeys, method, uri, data);
  try {
    // Warm-up: JIT, connection pool.
    await round(100, (index) =>
      call('POST', '/v3/marketing/membercard-open/cards/warm/codes/deposit', { code: [`W${index}`] }),
    );

    const scenarios: [string, (round: number) => (index: number) => Promise<number>][] = [
      [
        'deposit (scripted, validated, state change)',
        (r) => (i) =>
          call('POST', `/v3/marketing/membercard-open/cards/bench-${r}/codes/deposit`, { code: [`D${i}`, `E${i}`] }),
      ],
      [
        'send (scripted, random code, state change)',
        (r) => (i) =>
          call('POST', `/v3/marketing/busifavor/coupons/bench-${r}/send`, {
            appid: 'wx233544546545989',
            openid: 'o-bench',
            out_request_no: `r${r}-${i}`,
            send_time: new Date().toISOString(),
          }),
      ],
      [
        'upload (scripted, 10 codes, idempotency record)',
        (r) => (i) =>
          call('POST', `/v3/marketing/busifavor/stocks/bench-${r}/couponcodes`, {
            coupon_code_list: Array.from({ length: 10 }, (_, k) => `U${i}-${k}`),
            upload_request_no: `u${i}`,
          }),
      ],
    ];
    console.log(
      `sandbox throughput: ${rounds} rounds x ${requestsPerRound} requests, ${concurrency} in flight, signed requests + verified responses`,
    );
    for (const [name, scenario] of scenarios) {
      const rates: number[] = [];
      for (let r = 0; r < rounds; r++) rates.push(await round(requestsPerRound, scenario(r)));
      console.log(
        `  ${name.padEnd(48)} median ${median(rates).toFixed(0)} req/s  (min ${Math.min(...rates).toFixed(0)}, max ${Math.max(...rates).toFixed(0)})`,
      );
    }

    const before = process.memoryUsage();
    const rate = await round(sustained, (i) =>
      call('POST', '/v3/marketing/membercard-open/cards/sustained/codes/deposit', { code: [`S${i}`] }),
    );
    globalThis.gc?.();
    const after = process.memoryUsage();
    console.log(`sustained: ${sustained} deposits at ${rate.toFixed(0)} req/s`);
    console.log(`  memory before: rss ${mib(before.rss)}, heap used ${mib(before.heapUsed)}`);
    console.log(
      `  memory after:  rss ${mib(after.rss)}, heap used ${mib(after.heapUsed)} (client and sandbox share this process)`,
    );

    await notificationLatency(sandbox, platformKeys, payments);
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench/sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

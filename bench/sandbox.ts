/**
 * Sandbox throughput: signed requests answered with signed responses that the caller verifies,
 * as a client would. Prints requests/s (median of rounds) and memory after a sustained run.
 * Run: `npx tsx bench/sandbox.ts [--rounds 7] [--requests 400] [--concurrency 16] [--sustained 4000]`
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
import { DEFAULT_SPEC_DIR, loadModel, startSandbox, type Sandbox } from '../sandbox/server.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '16' },
    sustained: { type: 'string', default: '4000' },
  },
});
const rounds = Number(values.rounds);
const requestsPerRound = Number(values.requests);
const concurrency = Number(values.concurrency);
const sustained = Number(values.sustained);

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
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench/sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

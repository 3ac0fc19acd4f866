/**
 * Runtime throughput: signed + verified POSTs against a local server (in a worker thread, so it has
 * its own core) that checks every request signature and signs every response. Three clients are
 * measured in the same run, rounds interleaved: this SDK's client, wechatpay-axios-plugin, and a
 * floor of raw crypto.sign + crypto.verify over plain http.request. This SDK's client is the runtime
 * as the generated package ships it (generated/dist: run `npm run generate` after changing
 * templates/runtime), with the operation's request schema, so each call is validated as in an app.
 * Then notification handling: the SDK's handler (verify + decrypt + parse + callback + answer) against
 * a floor of crypto.verify + AES-256-GCM decryption + JSON.parse with no SDK, in the same process.
 *
 *   npx tsx bench/runtime.ts
 */
import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Wechatpay as PeerWechatpay } from 'wechatpay-axios-plugin';
import { validators } from '../generated/dist/validators.js';
import { aesGcmEncrypt, createClientClass } from '../generated/dist/runtime/index.js';

const ROUNDS = 7;
const REQUESTS_PER_ROUND = 300;
const WARMUP_REQUESTS = 30;
const CONCURRENCY = 8;
/** Rounds stop early past this budget (a loaded machine), but never before MIN_ROUNDS. */
const BUDGET_MS = 15_000;
const MIN_ROUNDS = 3;
/** Latency one call at a time, and the event loop's delay during a burst: rounds of each, interleaved. */
const LATENCY_ROUNDS = 3;
const CALLS_ONE_AT_A_TIME = 100;
const BURST_REQUESTS = 300;
const FLOOR = 'floor (crypto + http)';
const THREADPOOL_FLOOR = 'floor, threadpool sign';

const MCHID = '1900000109';
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD00000001';
const PLATFORM_SERIAL = 'PUB_KEY_ID_0114232134912410000000000000';
const STOCK_ID = '98065001';
const TEMPLATE = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
const URI = `/v3/marketing/busifavor/stocks/${STOCK_ID}/couponcodes`;
/** A path the server answers with a signature that does not match: every client must reject it. */
const FORGED_URI = `/v3/marketing/busifavor/stocks/forged/couponcodes`;
const PAYLOAD = { coupon_code_list: ['ABC9588200', 'ABC9588201'], upload_request_no: '100002322019090134234sfdf' };

interface ServerConfig {
  merchantPublicKey: string;
  platformPrivateKey: string;
}

interface ServerStats {
  verified: number;
  rejected: number;
}

// ---------------------------------------------------------------- the platform side (worker thread)

function authorizationFields(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="([^"]*)"/g)) fields[match[1] as string] = match[2] as string;
  return fields;
}

function serve(config: ServerConfig): void {
  // Parsed once: the server must not be what limits the clients being compared.
  const merchantKey = createPublicKey(config.merchantPublicKey);
  const platformKey = createPrivateKey(config.platformPrivateKey);
  const stats: ServerStats = { verified: 0, rejected: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = req.headers.authorization ?? '';
      const fields = authorizationFields(header);
      const message = `${req.method}\n${req.url}\n${fields.timestamp}\n${fields.nonce_str}\n${body.toString('utf8')}\n`;
      const trusted =
        header.startsWith('WECHATPAY2-SHA256-RSA2048 ') &&
        fields.mchid === MCHID &&
        fields.serial_no === MERCHANT_SERIAL &&
        Math.abs(Math.floor(Date.now() / 1000) - Number(fields.timestamp)) <= 300 &&
        verify('sha256', Buffer.from(message), merchantKey, Buffer.from(fields.signature ?? '', 'base64'));
      if (!trusted) {
        stats.rejected += 1;
        res.writeHead(401, { 'Content-Type': 'application/json', 'Request-ID': 'bench' });
        res.end(JSON.stringify({ code: 'SIGN_ERROR', message: 'signature verification failed' }));
        return;
      }
      stats.verified += 1;
      const answer = JSON.stringify({
        stock_id: STOCK_ID,
        total_count: 2,
        success_count: 2,
        success_codes: PAYLOAD.coupon_code_list,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = randomBytes(16).toString('hex');
      const signed = req.url === FORGED_URI ? `${answer} ` : answer;
      const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${signed}\n`), platformKey).toString(
        'base64',
      );
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Request-ID': 'bench',
        'Wechatpay-Timestamp': timestamp,
        'Wechatpay-Nonce': nonce,
        'Wechatpay-Signature': signature,
        'Wechatpay-Serial': PLATFORM_SERIAL,
      });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => parentPort?.postMessage({ port: (server.address() as AddressInfo).port }));
  parentPort?.on('message', (command: string) => {
    if (command === 'stats') parentPort?.postMessage({ stats: { ...stats } });
    if (command === 'close') server.close(() => parentPort?.close());
  });
}

// ---------------------------------------------------------------- the merchant side (main thread)

type Send = (uri: string) => Promise<unknown>;

interface Contender {
  name: string;
  send: Send;
}

/** The floor's request signature: `sync` on the event loop, `threadpool` with the callback form on libuv's threadpool. */
type FloorSigning = 'sync' | 'threadpool';

function floorSignature(message: Buffer, merchantKey: KeyObject, signing: FloorSigning): Promise<string> | string {
  if (signing === 'sync') return sign('sha256', message, merchantKey).toString('base64');
  return new Promise((resolve, reject) =>
    sign('sha256', message, merchantKey, (error, signature) =>
      error === null ? resolve(signature.toString('base64')) : reject(error),
    ),
  );
}

function floorClient(
  baseURL: string,
  merchantKey: KeyObject,
  platformKey: KeyObject,
  agent: Agent,
  signing: FloorSigning,
): Send {
  const { hostname, port } = new URL(baseURL);
  return (uri) => {
    const body = JSON.stringify(PAYLOAD);
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = randomBytes(16).toString('hex');
    const message = Buffer.from(`POST\n${uri}\n${timestamp}\n${nonce}\n${body}\n`);
    const signed = floorSignature(message, merchantKey, signing);
    // The sync floor goes straight on, as before: no extra promise hop of its own.
    return typeof signed === 'string'
      ? post(uri, body, timestamp, nonce, signed)
      : signed.then((signature) => post(uri, body, timestamp, nonce, signature));
  };

  function post(uri: string, body: string, timestamp: number, nonce: string, signature: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${MCHID}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${MERCHANT_SERIAL}"`;
      const req = request(
        {
          hostname,
          port,
          path: uri,
          method: 'POST',
          agent,
          headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const message = Buffer.concat([
              Buffer.from(`${res.headers['wechatpay-timestamp']}\n${res.headers['wechatpay-nonce']}\n`),
              raw,
              Buffer.from('\n'),
            ]);
            const valid = verify(
              'sha256',
              message,
              platformKey,
              Buffer.from(String(res.headers['wechatpay-signature']), 'base64'),
            );
            if (res.statusCode !== 200 || !valid)
              reject(new Error(`floor: status ${res.statusCode}, signature ${valid ? 'valid' : 'invalid'}`));
            else resolve(JSON.parse(raw.toString('utf8')));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Runs `total` sends with `CONCURRENCY` in flight; returns requests per second. */
async function measure(send: Send, total: number): Promise<number> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      await send(URI);
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return total / ((performance.now() - begin) / 1000);
}

/** Per-call latencies in ms, one call at a time. */
async function latencies(send: Send, total: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const begin = performance.now();
    await send(URI);
    times.push(performance.now() - begin);
  }
  return times;
}

/** The 99th percentile, in ms, of the event loop's delay (sampled every ms) while `total` sends run `CONCURRENCY` in flight. */
async function loopDelayP99(send: Send, total: number): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    await measure(send, total);
  } finally {
    histogram.disable();
  }
  return histogram.percentile(99) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

async function rejectsForgery(contender: Contender): Promise<boolean> {
  try {
    await contender.send(FORGED_URI);
    return false;
  } catch {
    return true;
  }
}

function startServer(config: ServerConfig): Promise<{ worker: Worker; port: number }> {
  // The worker loads this same file; a worker does not inherit tsx's loader, so it registers it first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: config });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { port: number }) => resolve({ worker, port: message.port }));
    worker.once('error', reject);
  });
}

function serverStats(worker: Worker): Promise<ServerStats> {
  return new Promise((resolve) => {
    worker.once('message', (message: { stats: ServerStats }) => resolve(message.stats));
    worker.postMessage('stats');
  });
}

/** Runs the benchmark and prints the table; resolves to the median requests/s per contender. */
export async function main(): Promise<Record<string, number>> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platformPublicPem = platform.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const { worker, port } = await startServer({
    merchantPublicKey: merchant.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    platformPrivateKey: platform.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  const baseURL = `http://127.0.0.1:${port}`;
  // One keep-alive agent per contender, same socket budget for each.
  const agents: Agent[] = [];
  const agent = (): Agent => {
    const created = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    agents.push(created);
    return created;
  };

  // With the operation's request schema, as the generated package has it: every call is validated.
  const schema = validators[`post ${TEMPLATE}`];
  if (schema === undefined) throw new Error(`generated/dist/validators.js has no schema for POST ${TEMPLATE}`);
  const Ours = createClientClass({ [TEMPLATE]: { post: {} } }, { [`post ${TEMPLATE}`]: schema });
  const ours = new Ours({
    mchid: MCHID,
    serial: MERCHANT_SERIAL,
    privateKey: merchant.privateKey,
    certs: { [PLATFORM_SERIAL]: platform.publicKey },
    baseURL,
    httpAgent: agent(),
  });
  const peer = new PeerWechatpay({
    mchid: MCHID,
    serial: MERCHANT_SERIAL,
    privateKey: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certs: { [PLATFORM_SERIAL]: platformPublicPem },
    baseURL: `${baseURL}/`,
    httpAgent: agent(),
  });
  const stockOf = (uri: string): string => (uri === FORGED_URI ? 'forged' : STOCK_ID);
  const contenders: Contender[] = [
    { name: 'this SDK', send: (uri) => ours.untyped(TEMPLATE).post(PAYLOAD, { stock_id: stockOf(uri) }) },
    { name: 'wechatpay-axios-plugin', send: (uri) => peer.chain(TEMPLATE).post(PAYLOAD, { stock_id: stockOf(uri) }) },
    { name: FLOOR, send: floorClient(baseURL, merchant.privateKey, platform.publicKey, agent(), 'sync') },
    {
      name: THREADPOOL_FLOOR,
      send: floorClient(baseURL, merchant.privateKey, platform.publicKey, agent(), 'threadpool'),
    },
  ];

  try {
    // A benchmark of clients that skip verification would be meaningless: each must refuse a forged response.
    for (const contender of contenders) {
      if (!(await rejectsForgery(contender)))
        throw new Error(`${contender.name} accepted a response with a forged signature`);
      await measure(contender.send, WARMUP_REQUESTS);
    }
    const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
    const begin = performance.now();
    let rounds = 0;
    for (; rounds < ROUNDS && (rounds < MIN_ROUNDS || performance.now() - begin < BUDGET_MS); rounds += 1) {
      // Rotate the order each round so no contender always runs first (or last) after a pause.
      for (let i = 0; i < contenders.length; i += 1) {
        const contender = contenders[(rounds + i) % contenders.length] as Contender;
        samples.get(contender.name)?.push(await measure(contender.send, REQUESTS_PER_ROUND));
      }
    }
    const latency = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
    const loopDelay = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
    for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
      for (let i = 0; i < contenders.length; i += 1) {
        const contender = contenders[(round + i) % contenders.length] as Contender;
        latency.get(contender.name)?.push(...(await latencies(contender.send, CALLS_ONE_AT_A_TIME)));
        loopDelay.get(contender.name)?.push(await loopDelayP99(contender.send, BURST_REQUESTS));
      }
    }
    const stats = await serverStats(worker);
    const expected =
      contenders.length *
      (1 + WARMUP_REQUESTS + rounds * REQUESTS_PER_ROUND + LATENCY_ROUNDS * (CALLS_ONE_AT_A_TIME + BURST_REQUESTS));
    if (stats.rejected > 0 || stats.verified !== expected) {
      throw new Error(`server verified ${stats.verified} of ${expected} requests and rejected ${stats.rejected}`);
    }

    const { medians, lines } = rateTable(
      `runtime: signed + verified POST ${URI}, ${rounds} rounds x ${REQUESTS_PER_ROUND} requests, ${CONCURRENCY} in flight, RSA-2048, Node ${process.version}`,
      'client',
      'median req/s',
      samples,
      FLOOR,
    );
    lines.push(
      `"vs floor" and "per round" are against "${FLOOR}" (request signed on the event loop, the issue's floor); "${THREADPOOL_FLOOR}" signs with crypto.sign's callback form, on libuv's threadpool.`,
    );
    const ratio = (medians['this SDK'] as number) / (medians['wechatpay-axios-plugin'] as number);
    lines.push(
      `this SDK vs wechatpay-axios-plugin: ${ratio.toFixed(2)}x  (server verified ${stats.verified} requests, rejected 0)`,
    );
    lines.push(
      `latency one call at a time (${LATENCY_ROUNDS} rounds x ${CALLS_ONE_AT_A_TIME} calls), event-loop delay during a burst of ${BURST_REQUESTS} at ${CONCURRENCY} in flight (${LATENCY_ROUNDS} rounds, sampled every 1 ms)`,
      `${'client'.padEnd(26)}${'median ms'.padStart(12)}${'p90 ms'.padStart(9)}${'vs floor'.padStart(10)}${'loop delay p99 ms'.padStart(19)}`,
    );
    const floorLatency = median(latency.get(FLOOR) ?? []);
    for (const contender of contenders) {
      const times = latency.get(contender.name) ?? [];
      const cells = [
        median(times).toFixed(3).padStart(12),
        percentile(times, 0.9).toFixed(3).padStart(9),
        `${(median(times) / floorLatency).toFixed(2)}x`.padStart(10),
        median(loopDelay.get(contender.name) ?? [])
          .toFixed(2)
          .padStart(19),
      ];
      lines.push(`${contender.name.padEnd(26)}${cells.join('')}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return medians;
  } finally {
    for (const created of agents) created.destroy();
    worker.postMessage('close');
  }
}

// ---------------------------------------------------------------- notification handling

const NOTIFICATIONS = 200;
const NOTIFICATION_ROUNDS = 7;
const NOTIFICATIONS_PER_ROUND = 2_000;

interface Notification {
  headers: Record<string, string>;
  body: string;
}

/** The floor: what any correct handler must do, written directly against node:crypto. */
function rawNotificationFloor(platformKey: KeyObject, secret: Buffer): (notification: Notification) => unknown {
  return ({ headers, body }) => {
    const message = Buffer.from(`${headers['wechatpay-timestamp']}\n${headers['wechatpay-nonce']}\n${body}\n`);
    if (!verify('sha256', message, platformKey, Buffer.from(headers['wechatpay-signature'] as string, 'base64')))
      throw new Error('floor: bad signature');
    const envelope = JSON.parse(body) as { resource: { ciphertext: string; nonce: string; associated_data: string } };
    const sealed = Buffer.from(envelope.resource.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(envelope.resource.nonce));
    decipher.setAAD(Buffer.from(envelope.resource.associated_data));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    return { status: 204, resource: JSON.parse(plaintext.toString('utf8')) as unknown };
  };
}

/** Notifications handled per second: the SDK's handler against the raw floor, rounds interleaved. */
export async function notificationBench(): Promise<Record<string, number>> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secret = randomBytes(16).toString('hex');
  const resource = JSON.stringify({
    mchid: MCHID,
    appid: 'wxd678efh567hg6787',
    out_trade_no: '1217752501201407033233368018',
    transaction_id: '4200000000000000000000000001',
    trade_state: 'SUCCESS',
    amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    success_time: '2026-11-30T10:15:02+08:00',
  });
  const notifications: Notification[] = Array.from({ length: NOTIFICATIONS }, (_, index) => {
    const sealed = aesGcmEncrypt({ plaintext: resource, associatedData: 'transaction' }, secret);
    const body = JSON.stringify({
      id: `EV-${index}`,
      create_time: '2026-11-30T10:15:03+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: 'payment succeeded',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: sealed.ciphertext,
        nonce: sealed.nonce,
        associated_data: sealed.associatedData,
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), platform.privateKey).toString(
      'base64',
    );
    return {
      body,
      headers: {
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
        'wechatpay-signature': signature,
        'wechatpay-serial': PLATFORM_SERIAL,
      },
    };
  });
  const Ours = createClientClass({});
  const ours = new Ours({
    mchid: MCHID,
    serial: MERCHANT_SERIAL,
    privateKey: merchant.privateKey,
    certs: { [PLATFORM_SERIAL]: platform.publicKey },
    secret,
  });
  let handled = 0;
  const handler = ours.notificationHandler(() => {
    handled += 1;
  });
  const floor = rawNotificationFloor(platform.publicKey, Buffer.from(secret));
  const contenders: { name: string; run: (notification: Notification) => unknown }[] = [
    {
      name: 'this SDK (handler.handle)',
      run: async (notification) => {
        const answer = await handler.handle(notification);
        if (answer.status !== 204) throw new Error(`handler answered ${answer.status}: ${answer.body}`);
      },
    },
    { name: 'floor (verify + decrypt)', run: floor },
  ];
  // A handler that accepts a forged notification would make the numbers meaningless.
  const forged = {
    ...(notifications[0] as Notification),
    body: (notifications[0] as Notification).body.replace('EV-0', 'EV-X'),
  };
  if ((await handler.handle(forged)).status !== 401) throw new Error('the handler accepted a forged notification');

  const measureOne = async (run: (notification: Notification) => unknown, total: number): Promise<number> => {
    const begin = performance.now();
    for (let i = 0; i < total; i += 1) await run(notifications[i % NOTIFICATIONS] as Notification);
    return total / ((performance.now() - begin) / 1000);
  };
  for (const contender of contenders) await measureOne(contender.run, 200);
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  const begin = performance.now();
  let rounds = 0;
  for (; rounds < NOTIFICATION_ROUNDS && (rounds < MIN_ROUNDS || performance.now() - begin < BUDGET_MS); rounds += 1) {
    for (let i = 0; i < contenders.length; i += 1) {
      const contender = contenders[(rounds + i) % contenders.length] as (typeof contenders)[number];
      samples.get(contender.name)?.push(await measureOne(contender.run, NOTIFICATIONS_PER_ROUND));
    }
  }
  const { medians, lines } = rateTable(
    `notifications: verify + decrypt + answer, ${rounds} rounds x ${NOTIFICATIONS_PER_ROUND}, one at a time, RSA-2048 (handler callbacks run: ${handled})`,
    'handler',
    'median ops/s',
    samples,
    'floor (verify + decrypt)',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return medians;
}

/**
 * Medians per contender, and a table of them under `title`: median, min, max, the ratio of the
 * medians to the floor's, and the median of the per-round ratios (each round's rate over the
 * floor's in that same round: on a shared machine the load drifts between rounds far more than
 * within one, so the paired ratio is the steadier of the two).
 */
function rateTable(
  title: string,
  nameHeader: string,
  rateHeader: string,
  samples: ReadonlyMap<string, number[]>,
  floorName: string,
): { medians: Record<string, number>; lines: string[] } {
  const medians = Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
  const floor = medians[floorName] as number;
  const lines = [
    title,
    `${nameHeader.padEnd(26)}${rateHeader.padStart(14)}${'min'.padStart(9)}${'max'.padStart(9)}${'vs floor'.padStart(10)}${'per round'.padStart(11)}`,
  ];
  const floorRounds = samples.get(floorName) ?? [];
  for (const [name, values] of samples) {
    const value = medians[name] as number;
    const cells = [value, Math.min(...values), Math.max(...values)].map((rate, index) =>
      rate.toFixed(0).padStart(index === 0 ? 14 : 9),
    );
    const paired = median(values.map((rate, round) => rate / (floorRounds[round] as number)));
    lines.push(
      `${name.padEnd(26)}${cells.join('')}${`${(value / floor).toFixed(2)}x`.padStart(10)}${`${paired.toFixed(2)}x`.padStart(11)}`,
    );
  }
  return { medians, lines };
}

if (!isMainThread) {
  serve(workerData as ServerConfig);
} else if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .then(notificationBench)
    .catch((error: unknown) => {
      process.stderr.write(`bench/runtime: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}

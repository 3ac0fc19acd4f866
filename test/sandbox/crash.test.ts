/**
 * The shipped sandbox (`dist/sandbox/bin.js` of the generated package) killed with SIGKILL in the
 * middle of a burst of changes, duplicates included: after a restart, every change a client was
 * told about is in the data file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, randomInt, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';
import { authorizationHeader, createNonce, requestMessage, signMessage } from '../../templates/runtime/signature.ts';

const BIN = fileURLToPath(new URL('../../generated/dist/sandbox/bin.js', import.meta.url));
const children: ChildProcess[] = [];
const directories: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  mchid: string;
  serial: string;
  privateKey: KeyObject;
}

async function start(dataFile: string, keyDir: string): Promise<Running> {
  const child = spawn(process.execPath, [BIN, '--data', dataFile, '--key-dir', keyDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('In TypeScript:')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${output}`)));
  });
  const config = JSON.parse(await readFile(join(keyDir, 'client.json'), 'utf8')) as { baseURL: string; mchid: string; serial: string; privateKey: string };
  return { child, url: config.baseURL, mchid: config.mchid, serial: config.serial, privateKey: createPrivateKey(await readFile(config.privateKey, 'utf8')) };
}

async function order(target: Running, outTradeNo: string): Promise<number> {
  const uri = '/v3/pay/transactions/native';
  const body = JSON.stringify({
    appid: 'wxd678efh567hg6787',
    mchid: target.mchid,
    description: 'crash test',
    out_trade_no: outTradeNo,
    notify_url: 'http://127.0.0.1:9/notify',
    amount: { total: 1, currency: 'CNY' },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = createNonce();
  const signature = signMessage(requestMessage('POST', uri, timestamp, nonce, body), target.privateKey);
  const response = await fetch(`${target.url}${uri}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorizationHeader({ mchid: target.mchid, serial: target.serial, nonce, timestamp, signature }) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe.runIf(fullRun)('the sandbox killed mid-burst', () => {
  it('keeps every acknowledged change across SIGKILL and restart (3 rounds, duplicates in flight)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-crash-'));
    directories.push(directory);
    const dataFile = join(directory, 'state.json');
    const keyDir = join(directory, 'keys');
    const acknowledged = new Set<string>();

    for (let round = 0; round < 3; round += 1) {
      const running = await start(dataFile, keyDir);
      let stopped = false;
      let sent = 0;
      let acknowledgedThisRound = 0;
      // Eight clients; each change is sent twice at once, as a client retrying a slow answer does.
      const client = async (worker: number): Promise<void> => {
        for (let index = 0; !stopped; index += 1) {
          const outTradeNo = `CR${round}W${worker}N${index}`;
          sent += 1;
          const statuses = await Promise.all([order(running, outTradeNo), order(running, outTradeNo)]).catch((): number[] => []);
          if (statuses.includes(200)) {
            acknowledged.add(outTradeNo);
            acknowledgedThisRound += 1;
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, worker) => client(worker));
      // Kill at a random moment once the burst is under way (a few changes acknowledged).
      const deadline = Date.now() + 30_000;
      while (acknowledgedThisRound < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, randomInt(300)));
      const exited = once(running.child, 'exit');
      running.child.kill('SIGKILL');
      await exited;
      stopped = true;
      await Promise.all(clients);
      expect(sent).toBeGreaterThan(0);

      // The restart reads the file (refusing a torn one) and clears what the kill left half-written.
      const restarted = await start(dataFile, keyDir);
      const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { orders: Record<string, unknown> };
      const missing = [...acknowledged].filter((id) => !Object.hasOwn(saved.orders, id));
      expect(missing).toEqual([]);
      expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      const exitedAgain = once(restarted.child, 'exit');
      restarted.child.kill('SIGKILL');
      await exitedAgain;
    }
    expect(acknowledged.size).toBeGreaterThan(10);
  });
});

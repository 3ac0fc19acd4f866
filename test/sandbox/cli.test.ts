import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationHeader, createNonce, requestMessage, signMessage } from '../../templates/runtime/signature.ts';
import { fullRun } from '../full.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const children: ChildProcess[] = [];
const directories: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** Starts the CLI and resolves with its output once it prints the client options, or rejects when it exits first. */
function runCli(args: string[]): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(tsx, ['sandbox/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('In TypeScript:')) resolve({ child, output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(Object.assign(new Error(output), { exitCode: code })));
  });
}

async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  directories.push(directory);
  return directory;
}

describe.runIf(fullRun)('npm run sandbox', () => {
  it('generates keys and a client configuration that a signed request can use', async () => {
    const keyDir = await temporaryDirectory();
    const { output } = await runCli(['--key-dir', keyDir, '--mchid', '1230000109', '--quiet']);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
    expect(output).toContain(`Keys and client configuration: ${keyDir}`);
    expect(output).not.toMatch(/PRIVATE KEY/);

    const config = JSON.parse(await readFile(join(keyDir, 'client.json'), 'utf8')) as { mchid: string; serial: string; privateKey: string; baseURL: string };
    expect(config.baseURL).toBe(url);
    const privateKey = createPrivateKey(await readFile(config.privateKey, 'utf8'));
    const uri = '/v3/marketing/membercard-open/cards/cli-card/codes/deposit';
    const body = JSON.stringify({ code: ['CLI1'] });
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = createNonce();
    const signature = signMessage(requestMessage('POST', uri, timestamp, nonce, body), privateKey);
    const response = await fetch(`${url}${uri}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorizationHeader({ mchid: config.mchid, serial: config.serial, nonce, timestamp, signature }) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [{ code: 'CLI1', result: 'SUCCESS' }] });
  });

  it('reports a bad option or key file in one line, without a stack trace', async () => {
    const directory = await temporaryDirectory();
    await expect(runCli(['--rate-limit', 'fast'])).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--rate-limit expects a positive integer, got "fast"') });
    const badKey = join(directory, 'key.pem');
    await writeFile(badKey, 'not a key');
    const failure = runCli(['--platform-private-key', badKey]);
    await expect(failure).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`--platform-private-key: ${badKey} is not a PEM private key`) });
    await expect(failure).rejects.toMatchObject({ message: expect.not.stringMatching(/\n\s+at /) });
    await expect(runCli(['--notify-time-scale', '0'])).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--notify-time-scale expects a positive number, got "0"') });
  });

  it('reports an APIv3 key file of the wrong length by its length only, never its contents', async () => {
    const directory = await temporaryDirectory();
    const keyFile = join(directory, 'apiv3.txt');
    const almostAKey = 'Zq7Lm2Xc9Vb4Nn8Kk1Jj6Hh3Gg5Ff0D';
    await writeFile(keyFile, `${almostAKey}xy\n`);
    const failure = await runCli(['--apiv3-key-file', keyFile]).catch((error: Error & { exitCode: number }) => error);
    expect(failure).toMatchObject({ exitCode: 2, message: expect.stringContaining(`--apiv3-key-file: ${keyFile} must hold a 32-byte APIv3 key, it holds 33 bytes`) });
    expect((failure as Error).message).not.toContain(almostAKey);
  });

  it('uses a given APIv3 key and writes it to a key file only, never to the output', async () => {
    const keyDir = await temporaryDirectory();
    const keyFile = join(keyDir, 'given.txt');
    const apiV3Key = 'Zq7Lm2Xc9Vb4Nn8Kk1Jj6Hh3Gg5Ff0Dd';
    await writeFile(keyFile, `${apiV3Key}\n`);
    const { output } = await runCli(['--key-dir', keyDir, '--apiv3-key-file', keyFile, '--quiet']);
    expect(output).not.toContain(apiV3Key);
    const config = JSON.parse(await readFile(join(keyDir, 'client.json'), 'utf8')) as { apiv3KeyFile: string };
    expect(await readFile(config.apiv3KeyFile, 'utf8')).toBe(apiV3Key);
  });

  it('uses the keys an earlier run wrote into --key-dir again, so clients and notify_urls keep trusting it', async () => {
    const keyDir = await temporaryDirectory();
    for (const mode of [[], ['--certificate-mode']]) {
      await rm(keyDir, { recursive: true, force: true });
      const first = await runCli(['--key-dir', keyDir, '--quiet', ...mode]);
      const before = JSON.parse(await readFile(join(keyDir, 'client.json'), 'utf8')) as { serial: string; certs: Record<string, string>; baseURL: string };
      const files = await Promise.all(['apiclient_key.pem', 'platform_private_key.pem', 'platform_certificate.pem', 'apiv3_key.txt'].map((name) => readFile(join(keyDir, name), 'utf8')));
      first.child.kill('SIGTERM');
      const second = await runCli(['--key-dir', keyDir, '--quiet']);
      expect(second.output).toContain('(keys of the earlier run there, used again)');
      const after = JSON.parse(await readFile(join(keyDir, 'client.json'), 'utf8')) as typeof before;
      expect({ ...after, baseURL: '' }).toEqual({ ...before, baseURL: '' });
      expect(await Promise.all(['apiclient_key.pem', 'platform_private_key.pem', 'platform_certificate.pem', 'apiv3_key.txt'].map((name) => readFile(join(keyDir, name), 'utf8')))).toEqual(files);
      expect(second.output).toContain(`Wechatpay-Serial ${Object.keys(before.certs)[0]!})`);
      second.child.kill('SIGTERM');
    }
  });
});

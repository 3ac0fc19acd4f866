/**
 * Starts the sandbox the package ships (its `apiv3-sandbox` bin, as `npx apiv3-sandbox` would) on a
 * free port with a temporary key directory, runs the example app with the client configuration the
 * sandbox writes, and stops the sandbox again, whatever happens.
 * Exit code: the app's, or 3 when the sandbox did not come up, 4 when the app timed out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 30_000;
const APP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
/** The line the sandbox prints once it listens and `client.json` is written. */
const READY_LINE = /^Keys and client configuration: /m;

class SandboxNotReady extends Error {}

/** Resolves when the sandbox reports ready; rejects when it exits or stays silent too long. */
function waitUntilReady(sandbox: ChildProcess, output: { text: string }): Promise<void> {
  return new Promise((resolvePromise, rejectPromise) => {
    const timer = setTimeout(() => finish(new SandboxNotReady(`no ready line within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output.text += chunk.toString('utf8');
      if (READY_LINE.test(output.text)) finish();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => finish(new SandboxNotReady(`exited early (${signal ?? `code ${code}`})`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      sandbox.stdout?.off('data', onData);
      sandbox.off('exit', onExit);
      if (error) rejectPromise(error);
      else resolvePromise();
    }
    sandbox.stdout?.on('data', onData);
    sandbox.once('exit', onExit);
  });
}

/** SIGTERM (the sandbox closes its server and exits), then SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function runApp(clientConfigFile: string, running: Set<ChildProcess>): Promise<number> {
  const app = spawn(process.execPath, ['--import', 'tsx', join('examples', 'src', 'main.ts'), clientConfigFile], { cwd: REPO_ROOT, stdio: 'inherit' });
  running.add(app);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    app.kill('SIGKILL');
  }, APP_TIMEOUT_MS);
  const [code, signal] = (await once(app, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (timedOut) {
    console.error(`example app did not finish within ${APP_TIMEOUT_MS / 1000} s`);
    return 4;
  }
  return code ?? (signal ? 128 : 1);
}

/** The package's `apiv3-sandbox` bin, found by package name as npm finds it. */
async function sandboxBin(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('@wechatpay-sdk/apiv3/package.json');
  const { bin } = JSON.parse(await readFile(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['apiv3-sandbox']!);
}

async function main(): Promise<number> {
  const keyDir = await mkdtemp(join(tmpdir(), 'wechatpay-example-'));
  // Refunds settle after 200 ms instead of a second: the run stays short.
  const sandbox = spawn(process.execPath, [await sandboxBin(), '--port', '0', '--key-dir', keyDir, '--quiet', '--refund-delay', '200'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  sandbox.stderr?.on('data', (chunk: Buffer) => {
    output.text += chunk.toString('utf8');
  });
  const running = new Set<ChildProcess>([sandbox]);
  // An interrupted run still stops its processes and removes the keys.
  const interrupted = (): void => {
    void Promise.all([...running].map(stop))
      .finally(() => rm(keyDir, { recursive: true, force: true }))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await waitUntilReady(sandbox, output);
    const url = /listening on (\S+)/.exec(output.text)?.[1] ?? '?';
    console.log(`sandbox ready at ${url}`);
    return await runApp(join(keyDir, 'client.json'), running);
  } catch (error) {
    if (!(error instanceof SandboxNotReady)) throw error;
    console.error(`sandbox did not start: ${error.message}\n${output.text.trim()}`);
    return 3;
  } finally {
    await stop(sandbox);
    await rm(keyDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();

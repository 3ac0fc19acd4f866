/**
 * `--watch` on the whole public corpus: the time from saving one operation file (its description
 * changed, so the declarations and the page change) to the end of the regeneration it triggers
 * (the run's summary line), next to the watcher's own first, cold run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpus/openapi');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EDITED = 'v3/pay/transactions/jsapi.yaml';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    process.stdout.write(`watch: skipped (${corpus} not found)\n`);
    return;
  }
  const scratchRoot = join(root, 'node_modules/.cache/wechatpay-sdk-generator');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'bench-watch-'));
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  const spec = join(scratch, 'spec');
  cpSync(corpus, spec, { recursive: true });
  const child = spawn(
    process.execPath,
    [join(root, 'build/cli.js'), '--watch', '--keep-going', '--spec', spec, '--out', join(scratch, 'out')],
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let stdout = '';
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (/^Generated .*$/m.test(stdout)) waiting?.();
  });
  const nextRun = (): Promise<string> =>
    new Promise((resolve) => {
      waiting = () => {
        const line = /^Generated .*$/m.exec(stdout)![0];
        stdout = stdout.slice(stdout.indexOf(line) + line.length);
        waiting = undefined;
        resolve(line);
      };
      if (/^Generated .*$/m.test(stdout)) waiting();
    });
  try {
    const first = await nextRun();
    const coldSeconds = Number(/in ([\d.]+) s/.exec(first)?.[1]);
    const file = join(spec, EDITED);
    const original = readFileSync(file, 'utf8');
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      writeFileSync(file, original.replace(/description: [^\n]+/, `description: 改过的说明 ${round}`));
      await nextRun();
      samples.push(performance.now() - start);
    }
    process.stdout.write(
      `watch on the corpus (${ROUNDS} edits of the operation description in ${EDITED}, median, debounce included)\n`,
    );
    process.stdout.write(`  first (cold) run inside the watcher          ${coldSeconds.toFixed(2).padStart(6)} s\n`);
    process.stdout.write(
      `  regeneration after a one-file change         ${(median(samples) / 1000).toFixed(2).padStart(6)} s\n`,
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

/**
 * What selection saves a team on every build: `tsc --noEmit` of the same tiny consumer against the
 * full-corpus package and against the package generated with
 * `--include 'v3/pay/**' --include 'v3/refund/**'`, both generated in this run. The full package
 * is the baseline; each round checks both, interleaved, in fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import rootPackage from '../package.json' with { type: 'json' };

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpus/openapi');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SELECTION = ['--include', 'v3/pay/**', '--include', 'v3/refund/**'];
const tsc = join(root, 'node_modules/typescript/lib/tsc.js');

const CONSUMER = `import { Wechatpay, type ClientOptions, type WeChatPay } from '@wechatpay-sdk/apiv3';

type Order = WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod.JsonDataRequest;
declare const options: ClientOptions;
const wxpay = new Wechatpay(options);
export const order: Order | undefined = undefined;
export const jsapi = wxpay.v3.pay.transactions.jsapi.post;
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    // Off, so the package's declarations are checked: the cost the selection is meant to cut.
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
  },
  files: ['index.ts'],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function run(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stdout}${child.stderr}`);
  return ms;
}

/** Generates a package from the corpus and a consumer beside it that resolves the package by name. */
function consumerOf(scratch: string, name: string, selection: string[]): string {
  const dir = join(scratch, name);
  const packageDir = join(dir, 'package');
  const script = rootPackage.scripts.generate.split(' && ').at(-1)!.split(' ').at(-1)!;
  run([join(root, script), '--spec', corpus, '--keep-going', ...selection, '--out', packageDir]);
  mkdirSync(join(dir, 'node_modules/@wechatpay-sdk'), { recursive: true });
  symlinkSync(packageDir, join(dir, 'node_modules/@wechatpay-sdk/apiv3'), 'dir');
  writeFileSync(join(dir, 'index.ts'), CONSUMER);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  return dir;
}

export function main(): void {
  if (!existsSync(corpus)) {
    process.stdout.write(`type-check of a selection: skipped (${corpus} not found)\n`);
    return;
  }
  // Inside the project, so the packages' own dependencies (axios, @types/node) resolve from its node_modules.
  const scratchRoot = join(root, 'node_modules/.cache/wechatpay-sdk-generator');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'bench-select-'));
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  try {
    const full = consumerOf(scratch, 'full', []);
    const selected = consumerOf(scratch, 'selected', SELECTION);
    const fullMs: number[] = [];
    const selectedMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      fullMs.push(run([tsc, '-p', full]));
      selectedMs.push(run([tsc, '-p', selected]));
    }
    const fullMedian = median(fullMs);
    const selectedMedian = median(selectedMs);
    process.stdout.write(
      `type-check of a consumer (tsc --noEmit, skipLibCheck off, ${ROUNDS} fresh processes each, median)\n`,
    );
    process.stdout.write(
      `  baseline: full corpus package               ${(fullMedian / 1000).toFixed(2).padStart(6)} s\n`,
    );
    process.stdout.write(`  ${SELECTION.join(' ').padEnd(44)} ${(selectedMedian / 1000).toFixed(2).padStart(6)} s\n`);
    process.stdout.write(
      `  ratio full / selected                       ${(fullMedian / selectedMedian).toFixed(2).padStart(6)} x\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

/**
 * What the package costs its users on every build and keystroke: a fresh `tsc --noEmit` (and
 * TypeScript 7's `tsc`, tsgo) of a tiny consumer that uses one operation's request and response
 * types, against packages generated in this run:
 * - the full corpus, next to openapi-typescript's output for the same API (the corpus as one
 *   OpenAPI 3.1 document, written by `--openapi`), used the same way;
 * - 8 synthetic copies of the corpus (bench/generate.ts's syntheticCorpus), next to 1x;
 * - `--include 'v3/pay/**' --include 'v3/refund/**'`, next to the full package.
 * Every consumer has the same tsconfig (skipLibCheck off, so the declarations are checked; no
 * `types`, so nothing but what the consumer imports is loaded). A baseline consumer that imports
 * nothing, checked in the same rounds, is what any project pays for the standard library: the
 * declarations' own cost is a consumer's time net of it. Rounds are interleaved, fresh processes,
 * medians of wall time and of CPU time (user + system of the compiler's processes, as bash's
 * `times` reports them: on a loaded machine far steadier than wall time; tsgo's threads add up).
 * Then one `--extendedDiagnostics` run per compiler of the full package's consumer, openapi-typescript's
 * and the baseline shows where the difference lies: the phases' times and the checker's counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import rootPackage from '../package.json' with { type: 'json' };
import { syntheticCorpus } from './generate.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpus/openapi');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SELECTION = ['--include', 'v3/pay/**', '--include', 'v3/refund/**'];
const COMPILERS = {
  tsc: join(root, 'node_modules/typescript/lib/tsc.js'),
  tsgo: join(root, 'node_modules/typescript-7/bin/tsc'),
};
const OPERATION = 'V3.Pay.Transactions.Jsapi.PostHttpMethod';

/**
 * The same use of one operation's types, through our declarations (the package's `./types` entry)
 * and through openapi-typescript's `paths`; and a client consumer of the package's main entry,
 * which also loads the runtime's declarations, axios's and Node's (the runtime's API takes Buffers
 * and KeyObjects).
 */
const CONSUMERS = {
  ours: `import type { WeChatPay } from '@wechatpay-sdk/apiv3/types';

export const order: WeChatPay.OpenAPI.${OPERATION}.JsonDataRequest | undefined = undefined;
export const reply: WeChatPay.OpenAPI.${OPERATION}.WellformedResponse | undefined = undefined;
`,
  openapiTypescript: `import type { paths } from './types.js';

type Operation = paths['/v3/pay/transactions/jsapi']['post'];
export const order: Operation['requestBody']['content']['application/json'] | undefined = undefined;
export const reply: Operation['responses'][200]['content']['application/json'] | undefined = undefined;
`,
  client: `import { Wechatpay, type ClientOptions, type WeChatPay } from '@wechatpay-sdk/apiv3';

declare const options: ClientOptions;
export const order: WeChatPay.OpenAPI.${OPERATION}.JsonDataRequest | undefined = undefined;
export const jsapi = new Wechatpay(options).v3.pay.transactions.jsapi.post;
`,
  baseline: 'export {};\n',
};

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  files: ['index.ts'],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Sample {
  wall: number;
  cpu: number;
}

/** Runs `node ...args` in a fresh process, under bash for its children's CPU time. */
function run(args: string[]): Sample {
  const start = performance.now();
  const child = spawnSync('bash', ['-c', '"$@" >&2 || exit $?; times', 'bash', process.execPath, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stdout}${child.stderr}`);
  // `times` prints the shell's user and system time, then its children's: `0m1.234s 0m0.056s`.
  const [user = 0, system = 0] = [...(child.stdout.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map(
    ([, minutes, secs]) => (Number(minutes) * 60 + Number(secs)) * 1000,
  );
  return { wall, cpu: user + system };
}

/** A consumer directory; `packageDir`, when given, resolves as `@wechatpay-sdk/apiv3`. */
function consumer(dir: string, source: string, packageDir?: string): string {
  mkdirSync(dir, { recursive: true });
  if (packageDir) {
    mkdirSync(join(dir, 'node_modules/@wechatpay-sdk'), { recursive: true });
    symlinkSync(packageDir, join(dir, 'node_modules/@wechatpay-sdk/apiv3'), 'dir');
  }
  writeFileSync(join(dir, 'index.ts'), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  return dir;
}

export function main(): void {
  if (!existsSync(corpus)) {
    process.stdout.write(`type-check: skipped (${corpus} not found)\n`);
    return;
  }
  // Inside the project, so the packages' own dependencies (axios) resolve from its node_modules.
  const scratchRoot = join(root, 'node_modules/.cache/wechatpay-sdk-generator');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'bench-typecheck-'));
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  const generator = join(root, rootPackage.scripts.generate.split(' && ').at(-1)!.split(' ').at(-1)!);
  const generate = (name: string, spec: string, ...flags: string[]): string => {
    const packageDir = join(scratch, 'packages', name);
    run([generator, '--spec', spec, '--keep-going', ...flags, '--out', packageDir]);
    return packageDir;
  };
  try {
    const document = join(scratch, 'corpus.json');
    const consumers = {
      baseline: consumer(join(scratch, 'baseline'), CONSUMERS.baseline),
      full: consumer(join(scratch, 'full'), CONSUMERS.ours, generate('full', corpus, '--openapi', document)),
      openapiTypescript: consumer(join(scratch, 'openapi-typescript'), CONSUMERS.openapiTypescript),
      eightfold: consumer(
        join(scratch, 'eightfold'),
        CONSUMERS.ours,
        generate('eightfold', syntheticCorpus(corpus, 8, join(scratch, 'spec-8x'))),
      ),
      selected: consumer(join(scratch, 'selected'), CONSUMERS.ours, generate('selected', corpus, ...SELECTION)),
      fullClient: consumer(join(scratch, 'full-client'), CONSUMERS.client, join(scratch, 'packages/full')),
      selectedClient: consumer(join(scratch, 'selected-client'), CONSUMERS.client, join(scratch, 'packages/selected')),
    };
    run([
      join(root, 'node_modules/openapi-typescript/bin/cli.js'),
      document,
      '-o',
      join(consumers.openapiTypescript, 'types.ts'),
    ]);
    type Name = keyof typeof consumers;
    type Compiler = keyof typeof COMPILERS;
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [compiler, bin] of Object.entries(COMPILERS)) {
        for (const [name, dir] of Object.entries(consumers)) {
          const key = `${compiler} ${name}`;
          samples.set(key, [...(samples.get(key) ?? []), run([bin, '-p', dir])]);
        }
      }
    }
    const time = (measure: keyof Sample, compiler: Compiler, name: Name): number =>
      median(samples.get(`${compiler} ${name}`)!.map((sample) => sample[measure]));
    const net = (compiler: Compiler, name: Name): number =>
      time('cpu', compiler, name) - time('cpu', compiler, 'baseline');
    const seconds = (value: number): string => `${(value / 1000).toFixed(2).padStart(6)} s`;
    // A net time at or under the baseline's is within the noise: no ratio can be read from it.
    const ratio = (value: number): string =>
      value > 0 && Number.isFinite(value) ? `${value.toFixed(2).padStart(6)} x` : '   n/a  ';
    const out = (line: string): void => void process.stdout.write(`${line}\n`);

    out(
      `type-check of a consumer of one operation's types (skipLibCheck off, ${ROUNDS} interleaved fresh processes, medians)`,
    );
    out(
      `  net = CPU time - the CPU time of a baseline consumer importing nothing (same tsconfig): the declarations' own cost`,
    );
    for (const compiler of Object.keys(COMPILERS) as Compiler[]) {
      out(`  ${compiler.padEnd(46)}      wall        CPU        net`);
      const rows: [string, Name][] = [
        ['baseline: a consumer importing nothing', 'baseline'],
        ['full corpus package (./types)', 'full'],
        ['openapi-typescript (same API)', 'openapiTypescript'],
        ['8x synthetic corpus package (./types)', 'eightfold'],
        ['v3/pay/** + v3/refund/** selection (./types)', 'selected'],
        ['client of the full package (main entry)', 'fullClient'],
        ['client of the selection (main entry)', 'selectedClient'],
      ];
      for (const [label, name] of rows) {
        const cells = [time('wall', compiler, name), time('cpu', compiler, name), net(compiler, name)];
        out(`    ${label.padEnd(46)} ${cells.map(seconds).join('   ')}`);
      }
      const pair = (label: string, a: Name, b: Name): void => {
        const cells = [
          time('wall', compiler, a) / time('wall', compiler, b),
          time('cpu', compiler, a) / time('cpu', compiler, b),
          net(compiler, a) > 0 ? net(compiler, a) / net(compiler, b) : Number.NaN,
        ];
        out(`    ${label.padEnd(46)} ${cells.map(ratio).join('   ')}`);
      };
      pair('full / openapi-typescript (goal <= 1)', 'full', 'openapiTypescript');
      pair('8x / 1x (goal <= 8)', 'eightfold', 'full');
      pair('full / selected (goal >= 5)', 'full', 'selected');
      pair('full / selected, clients', 'fullClient', 'selectedClient');
    }
    out(
      'where the time goes (one --extendedDiagnostics run each; phase times are wall, so only indicative under load)',
    );
    const FIELDS = ['Parse time', 'Bind time', 'Check time', 'Symbols', 'Types', 'Instantiations', 'Memory used'];
    for (const [compiler, bin] of Object.entries(COMPILERS)) {
      out(`  ${compiler.padEnd(20)} ${FIELDS.map((field) => field.padStart(15)).join('')}`);
      for (const name of ['baseline', 'full', 'openapiTypescript'] as const) {
        const report = spawnSync(process.execPath, [bin, '-p', consumers[name], '--extendedDiagnostics'], {
          encoding: 'utf8',
        }).stdout;
        const cells = FIELDS.map((field) =>
          (report.match(new RegExp(`^${field}:\\s+(\\S+)`, 'm'))?.[1] ?? '?').padStart(15),
        );
        out(`    ${name.padEnd(18)} ${cells.join('')}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

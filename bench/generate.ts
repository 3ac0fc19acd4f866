/**
 * Cold generation of the whole public corpus: every run is a fresh process running exactly the
 * command `npm run generate` runs (no warm JIT, no module cache), timed from the outside. The
 * baseline, measured in the same run, is a fresh process that only parses the same YAML files.
 * The peers, openapi-typescript and @hey-api/openapi-ts (its TypeScript types plugin), generate
 * from the same API: the corpus as one OpenAPI 3.1 document, written once by `--openapi` before
 * the timed rounds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import rootPackage from '../package.json' with { type: 'json' };

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpus/openapi');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** `node [FLAGS] SCRIPT`, the last command of package.json's generate script (after the build it runs first). */
function generateCommand(): { flags: string[]; script: string } {
  const [command, ...words] = rootPackage.scripts.generate.split(' && ').at(-1)!.split(' ');
  const script = words.at(-1);
  if (command !== 'node' || !script) throw new Error(`unexpected generate script: ${rootPackage.scripts.generate}`);
  return { flags: words.slice(0, -1), script: join(root, script) };
}

interface Sample {
  ms: number;
  maxRssKb: number;
}

/** Runs a script in a fresh node process (through peak-rss.mjs) and returns its wall time and peak RSS. */
function timeProcess(nodeFlags: string[], args: string[]): Sample {
  const start = performance.now();
  const child = spawnSync(process.execPath, [...nodeFlags, join(root, 'bench/peak-rss.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`);
  const lastLine = child.stderr.trim().split('\n').at(-1) ?? '';
  const { maxRssKb } = JSON.parse(lastLine) as { maxRssKb: number };
  return { ms, maxRssKb };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function main(): void {
  if (!existsSync(corpus)) {
    process.stdout.write(`generation: skipped (${corpus} not found)\n`);
    return;
  }
  // Inside the project, where `generated/` is written in real use (and not /tmp, which can be
  // another file system or a RAM disk).
  const scratchRoot = join(root, 'node_modules/.cache/wechatpay-sdk-generator');
  mkdirSync(scratchRoot, { recursive: true });
  const out = mkdtempSync(join(scratchRoot, 'bench-'));
  const command = generateCommand();
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  try {
    const document = join(out, 'corpus.json');
    // Every peer's own script runs in the measured process (@hey-api's bin only respawns node on dist/run.mjs).
    const series = {
      generation: [command.flags, command.script, '--spec', corpus, '--out', join(out, 'generated'), '--keep-going'],
      baseline: [[], join(root, 'bench/parse-yaml.mjs'), corpus],
      openapiTypescript: [
        [],
        join(root, 'node_modules/openapi-typescript/bin/cli.js'),
        document,
        '-o',
        join(out, 'openapi-typescript/types.ts'),
      ],
      heyApi: [
        [],
        join(root, 'node_modules/@hey-api/openapi-ts/dist/run.mjs'),
        '-i',
        document,
        '-o',
        join(out, 'hey-api'),
        '-p',
        '@hey-api/typescript',
      ],
    } satisfies Record<string, [string[], ...string[]]>;
    const [flags, ...args] = series.generation;
    timeProcess(flags, [...args, '--openapi', document]);
    const samples = Object.fromEntries(Object.keys(series).map((name) => [name, [] as Sample[]])) as Record<
      keyof typeof series,
      Sample[]
    >;
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved so machine noise hits every series alike.
      for (const [name, [flags, ...args]] of Object.entries(series)) {
        samples[name as keyof typeof series].push(timeProcess(flags, args));
      }
    }
    const ms = (name: keyof typeof series) => median(samples[name].map((sample) => sample.ms));
    const rss = (name: keyof typeof series) => Math.max(...samples[name].map((sample) => sample.maxRssKb));
    const rows = [
      ['cold generation of the corpus', 'generation'],
      ['baseline: parse the same YAML only', 'baseline'],
      ['openapi-typescript (same API)', 'openapiTypescript'],
      ['@hey-api/openapi-ts types (same API)', 'heyApi'],
    ] as const;
    process.stdout.write(`generation (${ROUNDS} fresh processes each, median wall time, peak RSS)\n`);
    process.stdout.write(`  command: node ${[...command.flags, relative(root, command.script)].join(' ')}\n`);
    for (const [label, name] of rows) {
      process.stdout.write(
        `  ${label.padEnd(38)} ${(ms(name) / 1000).toFixed(2).padStart(6)} s   ${(rss(name) / 1024).toFixed(0).padStart(5)} MiB   ${(ms(name) / ms('openapiTypescript')).toFixed(2).padStart(5)} x openapi-typescript\n`,
      );
    }
    process.stdout.write(
      `  ratio generation / baseline            ${(ms('generation') / ms('baseline')).toFixed(2).padStart(6)} x\n`,
    );
    growth(command, ms('generation'), join(out, 'grown'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Corpus multiples the growth benchmark generates. */
const MULTIPLES = [2, 4, 8];

/**
 * A synthetic corpus of `multiple` times the operations, written to `specDir`: copy k renames every
 * entry directly under v3/ with a `-k<k>` suffix, so URL paths stay unique and every relative
 * `$ref` still reaches the shared definitions.
 */
export function syntheticCorpus(corpus: string, multiple: number, specDir: string): string {
  cpSync(join(corpus, 'definitions'), join(specDir, 'definitions'), { recursive: true });
  for (let copy = 1; copy <= multiple; copy++) {
    for (const entry of readdirSync(join(corpus, 'v3'))) {
      const renamed = copy === 1 ? entry : entry.replace(/^([^.]+)/, `$1-k${copy}`);
      cpSync(join(corpus, 'v3', entry), join(specDir, 'v3', renamed), { recursive: true });
    }
  }
  return specDir;
}

/** Cold generation of synthetic corpora of 2x, 4x and 8x the operations (see syntheticCorpus). */
function growth(command: { flags: string[]; script: string }, oneTimeMs: number, scratch: string): void {
  const rounds = Math.max(1, Math.floor(ROUNDS / 2));
  process.stdout.write(`growth (${rounds} fresh process(es) per size, median wall time, peak RSS)\n`);
  process.stdout.write(`  ${'1x'.padStart(3)}  ${(oneTimeMs / 1000).toFixed(2).padStart(6)} s   1.00 x the 1x time\n`);
  for (const multiple of MULTIPLES) {
    const specDir = syntheticCorpus(corpus, multiple, join(scratch, `spec-${multiple}x`));
    const samples: Sample[] = [];
    for (let round = 0; round < rounds; round++) {
      samples.push(
        timeProcess(command.flags, [command.script, '--spec', specDir, '--out', join(scratch, 'out'), '--keep-going']),
      );
    }
    const ms = median(samples.map((sample) => sample.ms));
    const rss = Math.max(...samples.map((sample) => sample.maxRssKb));
    process.stdout.write(
      `  ${`${multiple}x`.padStart(3)}  ${(ms / 1000).toFixed(2).padStart(6)} s   ${(ms / oneTimeMs).toFixed(2).padStart(5)} x the 1x time   ${(rss / 1024).toFixed(0).padStart(5)} MiB\n`,
    );
    rmSync(specDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

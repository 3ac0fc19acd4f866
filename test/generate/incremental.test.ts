import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/model/types.ts';
import { generate } from '../../generator/pipeline.ts';
import { WatchSession } from '../../generator/watch.ts';
import { fullRun } from '../full.ts';
import { runGenerator } from './run-generator.ts';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'generate-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir`, path -> contents. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [relative(dir, path), readFileSync(path, 'utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Folders left empty (a cold run never writes one). */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(entry.parentPath, entry.name)).length === 0)
    .map((entry) => join(entry.parentPath, entry.name));
}

type Edit = [what: string, apply: (spec: string) => void | Promise<void>];

function edit(file: string, from: string | RegExp, to: string): (spec: string) => void {
  return (spec) => {
    const path = join(spec, file);
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${file}: ${from} not found`);
    writeFileSync(path, edited);
  };
}

/**
 * Runs one watch session over a copy of `source` through `edits`, and after each edit compares
 * the session's output and diagnostics with a cold run of the generator (a fresh process) on the
 * edited tree: byte-identical files, no other files, the same diagnostics. Each edit must change
 * the output, or it would test nothing.
 */
async function expectIncrementalEqualsCold(source: string, edits: Edit[], args: string[] = []): Promise<void> {
  const run = mkdtempSync(join(scratch, 'run-'));
  const spec = join(run, 'spec');
  const out = join(run, 'out');
  cpSync(source, spec, { recursive: true });
  const session = new WatchSession();
  const keepGoing = args.includes('--keep-going');
  await generate({ specDir: spec, outDir: out, keepGoing, session });
  for (const [what, apply] of edits) {
    const before = tree(out);
    await apply(spec);
    const incremental = await generate({ specDir: spec, outDir: out, keepGoing, session });
    const cold = await runGenerator('--spec', spec, '--out', join(run, 'cold'), ...args);
    expect(cold.code, `${what}: ${cold.stderr}`).toBe(0);
    expect(tree(out), what).toEqual(tree(join(run, 'cold')));
    expect(emptyFolders(out), what).toEqual([]);
    expect(tree(out), `${what} changes the output`).not.toEqual(before);
    const printed = incremental.diagnostics.map(formatDiagnostic).join('\n');
    expect(printed, what).toBe(cold.stderr.trimEnd());
  }
}

describe('a watch session', () => {
  it('writes after each change exactly what a cold run writes: operation, definition, added and deleted files', async () => {
    await expectIncrementalEqualsCold(join(root, 'spec'), [
      ['an operation edited', edit('v3/pay/transactions/jsapi.yaml', 'summary: JSAPI/小程序下单', 'summary: 改过的下单')],
      ['a definition edited', edit('definitions/Transaction.yaml', '发起下单的直连商户号', '改过的商户号')],
      [
        'an operation file added',
        (spec) =>
          cpSync(join(spec, 'v3/pay/transactions/h5.yaml'), join(spec, 'v3/pay/transactions/h5-copy.yaml')),
      ],
      ['an operation file deleted', (spec) => unlinkSync(join(spec, 'v3/marketing/busifavor/coupons/{card_id}/send.yaml'))],
      ['the added file deleted again', (spec) => unlinkSync(join(spec, 'v3/pay/transactions/h5-copy.yaml'))],
    ]);
  });

  it('sees an edit that keeps the size of a file it last read unchanged for longer than timestamps are trusted', async () => {
    await expectIncrementalEqualsCold(join(root, 'spec'), [
      [
        'h5.yaml edited after a pause: jsapi.yaml, unchanged for longer than timestamps are trusted, is known by its stat',
        async (spec) => {
          await new Promise((resolve) => setTimeout(resolve, 2100));
          edit('v3/pay/transactions/h5.yaml', /summary: [^\n]+/, 'summary: 改过的 H5 下单')(spec);
        },
      ],
      [
        'jsapi.yaml edited, keeping its size, and left alone for as long',
        async (spec) => {
          edit('v3/pay/transactions/jsapi.yaml', '小程序下单', '小程序改单')(spec);
          await new Promise((resolve) => setTimeout(resolve, 2100));
        },
      ],
    ]);
  });

  it('reprints the problems of a shared definition while any operation, rebuilt or reused, reaches it', async () => {
    const refund = 'v3/refund/domestic/refunds.yaml';
    await expectIncrementalEqualsCold(
      join(root, 'spec'),
      [
        [
          'a shared definition gains a misplaced property',
          edit('definitions/Refund.yaml', '如申请退款与查询退款所返回\n', '如申请退款与查询退款所返回\n  refund_note:\n    type: string\n'),
        ],
        ['an operation elsewhere edited', edit('v3/pay/transactions/jsapi.yaml', 'summary: JSAPI/小程序下单', 'summary: 改过的下单')],
        [
          'the first operation reaching it no longer does',
          edit(refund, "schema:\n        $ref: '../../../definitions/Refund.yaml#Refund'", 'schema:\n        type: object'),
        ],
        ['the problem fixed', edit('definitions/Refund.yaml', '  refund_note:\n    type: string\n', '')],
      ],
      ['--keep-going'],
    );
  });

  it('replays the diagnostics of unchanged files and keeps the last good output on spec errors', async () => {
    const spec = join(scratch, 'errors-spec');
    const out = join(scratch, 'errors-out');
    cpSync(join(root, 'spec'), spec, { recursive: true });
    const session = new WatchSession();
    const run = async () =>
      (await generate({ specDir: spec, outDir: out, session })).diagnostics.map(formatDiagnostic).join('\n');
    expect(await run()).toBe('');
    const good = tree(out);

    edit('v3/pay/transactions/jsapi.yaml', 'summary: JSAPI/小程序下单', 'summary: [unclosed')(spec);
    const broken = await run();
    expect(broken).toMatch(/^v3\/pay\/transactions\/jsapi\.yaml:\d+:\d+: error YAML_SYNTAX/);
    expect(tree(out)).toEqual(good);

    // The broken file is unchanged (its parse is reused): its diagnostic is printed again.
    edit('v3/pay/transactions/h5.yaml', /summary: [^\n]+/, 'summary: 改过的 H5 下单')(spec);
    expect(await run()).toBe(broken);
    expect(tree(out)).toEqual(good);

    edit('v3/pay/transactions/jsapi.yaml', 'summary: [unclosed', 'summary: JSAPI/小程序下单')(spec);
    expect(await run()).toBe('');
    const fixed = tree(out);
    expect([...fixed.keys()]).toEqual([...good.keys()]);
    expect([...fixed].filter(([path, contents]) => good.get(path) !== contents).map(([path]) => path)).toContain(
      'docs/v3/pay/transactions/h5.md',
    );
  });
});

const corpus = resolve(root, '../shared/corpus/openapi');

describe.runIf(fullRun && existsSync(corpus))('a watch session on the corpus', () => {
  it('equals a cold run after random one-file edits and a shared definition edit', async () => {
    const operations = readdirSync(join(corpus, 'v3'), { recursive: true })
      .map((path) => `v3/${String(path)}`)
      .filter((path) => path.endsWith('.yaml') && /description: [^\n]+/.test(readFileSync(join(corpus, path), 'utf8')))
      .sort();
    // A fixed-seed pick, so a failure reproduces.
    let seed = 12;
    const pick = (): string => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return operations[seed % operations.length]!;
    };
    const edits: Edit[] = [0, 1, 2].map((round) => {
      const file = pick();
      return [`${file} edited`, edit(file, /description: [^\n]+/, `description: 改过的说明 ${round}`)];
    });
    edits.push(['a definition edited', edit('definitions/FavorCouponStock.yaml', /description: [^\n]+/, 'description: 改过的说明')]);
    await expectIncrementalEqualsCold(corpus, edits, ['--keep-going']);
  }, 600_000);
});

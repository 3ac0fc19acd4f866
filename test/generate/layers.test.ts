import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';
import { lines } from '../load/helpers.ts';
import { runGenerator as generate } from './run-generator.ts';

const root = resolve(import.meta.dirname, '../..');
const spec = join(root, 'spec');
const corpus = resolve(root, '../shared/corpus/openapi');
const scratch = mkdtempSync(join(tmpdir(), 'generate-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


function writeTree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The URL paths of the runtime operation table. */
function runtimePaths(out: string): string[] {
  const table = readFileSync(join(out, 'dist/operations.js'), 'utf8');
  return [...table.matchAll(/^ {2}'(v3\/[^']*)': \{$/gm)].map((match) => match[1]!);
}

const ADDED_OPERATION = lines(
  'get:',
  '  summary: 补丁层新增的接口',
  '  parameters:',
  '    - name: bill_type',
  '      in: query',
  "      $ref: '../../definitions/Enumerations.yaml#BillType'",
  '  responses:',
  '    204:',
  '      description: 无内容',
);

describe.runIf(fullRun)('--spec A --spec B: a patch layer', () => {
  const jsapi = readFileSync(join(spec, 'v3/pay/transactions/jsapi.yaml'), 'utf8');
  const layer = writeTree(join(scratch, 'layer'), {
    // One definition of the file overridden; the file's other definitions still come from spec/.
    'definitions/Enumerations.yaml': lines('BillType:', '  type: string', '  enum: [ALL, PATCHED_BILL_TYPE]'),
    'v3/pay/transactions/jsapi.yaml': jsapi.replace('summary: JSAPI/小程序下单', 'summary: 补丁层的JSAPI下单'),
    'v3/patch/ping.yaml': ADDED_OPERATION,
  });

  it('overrides per URL path file and per definition name, and adds operations', async () => {
    const out = join(scratch, 'out');
    const run = await generate('--spec', spec, '--spec', layer, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(runtimePaths(out)).toContain('v3/patch/ping');
    expect(runtimePaths(out)).toContain('v3/refund/domestic/refunds');
    const declarations = readFileSync(join(out, 'dist/openapi.d.ts'), 'utf8');
    expect(declarations).toContain('PATCHED_BILL_TYPE');
    expect(declarations).not.toContain('SUC_SPECIAL');
    // TradeState is defined only in spec/'s Enumerations.yaml, beside the overridden BillType.
    expect(declarations).toContain('NOTPAY');
    expect(readFileSync(join(out, 'docs/v3/pay/transactions/jsapi.md'), 'utf8')).toContain('补丁层的JSAPI下单');
  });

  it('--check works with several roots', async () => {
    const out = join(scratch, 'checked');
    expect((await generate('--spec', spec, '--spec', layer, '--out', out)).code).toBe(0);
    const fresh = await generate('--check', '--spec', spec, '--spec', layer, '--out', out);
    expect(fresh.stderr).toBe('');
    expect(fresh.code).toBe(0);
    const withoutLayer = await generate('--check', '--spec', spec, '--out', out);
    expect(withoutLayer.code).toBe(1);
    expect(withoutLayer.stderr).toMatch(/^changed {2}.*dist\/operations\.js$/m);
  });

  it('a diagnostic names the root that supplied the bad part', async () => {
    const bad = writeTree(join(scratch, 'bad'), {
      'definitions/Enumerations.yaml': lines('BillType:', '  type: strin'),
      'v3/patch/broken.yaml': 'get:\n  summary: [unclosed\n',
    });
    const run = await generate('--spec', spec, '--spec', layer, '--spec', bad, '--out', join(scratch, 'never'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}/v3/patch/broken.yaml:`);
    expect(run.stderr).toMatch(new RegExp(`^${bad}/definitions/Enumerations\\.yaml:2:\\d+: error UNKNOWN_TYPE`, 'm'));
  });
});

/**
 * Moves the keys a MISPLACED_PROPERTIES warning names (written beside `type: object`, at `line`:`col`)
 * under that map's `properties`, as a team's patch would.
 */
function fixMisplaced(text: string, line: number, col: number, keys: string[]): string {
  const rows = text.split('\n');
  const indent = col - 1;
  const indentOf = (row: string): number => (row.trim() === '' ? Number.POSITIVE_INFINITY : row.length - row.trimStart().length);
  let start = line - 1;
  while (start > 0 && indentOf(rows[start - 1]!) >= indent) start--;
  let end = line - 1;
  while (end + 1 < rows.length && indentOf(rows[end + 1]!) >= indent) end++;
  const moved: string[] = [];
  const kept: string[] = [];
  for (let index = start; index <= end; ) {
    const row = rows[index]!;
    let next = index + 1;
    while (next <= end && indentOf(rows[next]!) > indent) next++;
    const block = rows.slice(index, next);
    const key = row.trim().split(':')[0]!;
    if (indentOf(row) === indent && keys.includes(key)) moved.push(...block);
    else kept.push(...block);
    index = next;
  }
  const propertiesAt = kept.findIndex((row) => indentOf(row) === indent && row.trim() === 'properties:');
  expect(propertiesAt).toBeGreaterThanOrEqual(0);
  // `properties:` may be written empty, its members all misplaced beside it.
  const firstMember = kept[propertiesAt + 1];
  const childIndent = firstMember !== undefined && indentOf(firstMember) > indent && firstMember.trim() !== '' ? indentOf(firstMember) : indent + 2;
  const shifted = moved.map((row) => (row.trim() === '' ? row : ' '.repeat(childIndent - indent) + row));
  kept.splice(propertiesAt + 1, 0, ...shifted);
  return [...rows.slice(0, start), ...kept, ...rows.slice(end + 1)].join('\n');
}

describe.runIf(fullRun)('a patch layer over the public corpus', () => {
  it('fixes every MISPLACED_PROPERTIES warning and adds an operation', async () => {
    // Only the patched and added operations are emitted: loading (where the warnings arise) covers the whole corpus.
    const before = await generate('--spec', corpus, '--keep-going', '--include', 'v3/patch/**', '--out', join(scratch, 'corpus-before'));
    const warnings = [...before.stderr.matchAll(/^(v3\/\S+\.yaml):(\d+):(\d+): warning MISPLACED_PROPERTIES (.*) are written beside/gm)];
    expect(warnings.length).toBeGreaterThan(0);
    const fixes = new Map<string, { line: number; col: number; keys: string[] }[]>();
    for (const [, file, line, col, names] of warnings) {
      const keys = [...names!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      fixes.set(file!, [...(fixes.get(file!) ?? []), { line: Number(line), col: Number(col), keys }]);
    }
    const patched: Record<string, string> = { 'v3/patch/ping.yaml': ADDED_OPERATION };
    for (const [file, found] of fixes) {
      // Bottom-up, so the line numbers of the fixes still to make stay right.
      patched[file] = found
        .sort((a, b) => b.line - a.line)
        .reduce((text, fix) => fixMisplaced(text, fix.line, fix.col, fix.keys), readFileSync(join(corpus, file), 'utf8'));
    }
    const layer = writeTree(join(scratch, 'corpus-layer'), patched);
    const include = ['v3/patch/**', ...fixes.keys()].flatMap((file) => ['--include', file.replace(/\.yaml$/, '')]);
    const out = join(scratch, 'corpus-after');
    const after = await generate('--spec', corpus, '--spec', layer, '--keep-going', ...include, '--out', out);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('MISPLACED_PROPERTIES');
    // The corrected files keep the corpus's other warnings (not this layer's business) and gain none.
    const othersOf = (stderr: string, prefix: string): string[] =>
      stderr
        .split('\n')
        .filter((row) => [...fixes.keys(), 'v3/patch/'].some((file) => row.startsWith(`${prefix}${file}`)))
        .map((row) => row.slice(prefix.length).replace(/:\d+:\d+:/, ':'))
        .filter((row) => !row.includes('MISPLACED_PROPERTIES'))
        .sort();
    expect(othersOf(after.stderr, `${layer}/`)).toEqual(othersOf(before.stderr, ''));
    expect(after.stderr).not.toContain('UNMATCHED_INCLUDE');
    expect(runtimePaths(out)).toEqual(expect.arrayContaining(['v3/patch/ping', ...[...fixes.keys()].map((file) => file.replace(/\.yaml$/, ''))]));
  }, 180_000);
});

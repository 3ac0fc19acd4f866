import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, specTree } from '../load/helpers.ts';
import { runGenerator as generate } from './run-generator.ts';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'generate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


/** Every file under `dir`, relative path -> contents. */
function snapshotOf(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .map((file) => [relative(dir, file).split(sep).join('/'), readFileSync(file, 'utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const GOOD_OPERATION = lines(
  'post:',
  '  summary: 示例',
  '  parameters:',
  '    - name: id',
  '      in: path',
  '      type: string',
  '      required: true',
  '  responses:',
  '    204:',
  '      description: 无内容',
);

/** One spec tree per kind of bad input, and the diagnostic it must produce. */
const BAD_INPUTS: { kind: string; files: Record<string, string>; diagnostic: RegExp }[] = [
  { kind: 'YAML syntax', files: { 'v3/a/{id}.yaml': 'post:\n  summary: [unclosed\n' }, diagnostic: /^v3\/a\/\{id\}\.yaml:\d+:\d+: error YAML_SYNTAX /m },
  { kind: 'unknown key', files: { 'v3/a/{id}.yaml': GOOD_OPERATION.replace('  summary:', '  summry:') }, diagnostic: /^v3\/a\/\{id\}\.yaml:2:3: error UNKNOWN_KEY .*`summary`/m },
  {
    kind: 'unknown type',
    files: { 'v3/a/{id}.yaml': GOOD_OPERATION.replace('      type: string', '      type: strin') },
    diagnostic: /^v3\/a\/\{id\}\.yaml:6:13: error UNKNOWN_TYPE /m,
  },
  {
    kind: 'unresolvable $ref',
    files: { 'v3/a/{id}.yaml': GOOD_OPERATION.replace('      type: string\n', "      $ref: '../../definitions/Missing.yaml#Name'\n") },
    diagnostic: /^v3\/a\/\{id\}\.yaml:6:\d+: error UNRESOLVED_REF /m,
  },
  {
    kind: '$ref cycle',
    files: {
      'definitions/Loop.yaml': lines('A:', "  $ref: '#B'", 'B:', "  $ref: '#A'"),
      'v3/a/{id}.yaml': GOOD_OPERATION.replace('      type: string\n', "      $ref: '../../definitions/Loop.yaml#A'\n"),
    },
    diagnostic: /: error REF_CYCLE /m,
  },
  {
    kind: 'path parameter missing from the URL',
    files: { 'v3/a/b.yaml': GOOD_OPERATION },
    diagnostic: /^v3\/a\/b\.yaml:\d+:\d+: error PATH_PARAM_UNUSED /m,
  },
  {
    kind: 'duplicate operation',
    files: { 'v3/a/{id}.yaml': `${GOOD_OPERATION}\n${GOOD_OPERATION}` },
    diagnostic: /^v3\/a\/\{id\}\.yaml:\d+:\d+: error DUPLICATE_OPERATION /m,
  },
  {
    kind: 'URL segment the declarations cannot name',
    files: { 'v3/bill/date/{id}.yaml': GOOD_OPERATION },
    diagnostic: /^v3\/bill\/date\/\{id\}\.yaml:1:1: error UNREPRESENTABLE_SEGMENT URL segment 'date' would shadow the type Date$/m,
  },
  {
    kind: 'notification event without a resource',
    files: { 'v3/a/{id}.yaml': GOOD_OPERATION, 'notifications.yaml': lines('events:', '  TRANSACTION.SUCCESS:', '    summary: 支付成功通知') },
    diagnostic: /^notifications\.yaml:2:3: error INVALID_VALUE TRANSACTION\.SUCCESS needs `resource`; event skipped$/m,
  },
  {
    kind: 'URL path that would share the notifications namespace',
    files: {
      'v3/notifications/{id}.yaml': GOOD_OPERATION,
      'notifications.yaml': lines('events:', '  TRANSACTION.SUCCESS:', '    summary: 支付成功通知', '    resource:', '      type: object'),
    },
    diagnostic: /^notifications\.yaml:1:1: error UNREPRESENTABLE_SEGMENT the URL path v3\/notifications\/\{id\} and the notifications both declare /m,
  },
  {
    // Nine levels of nine aliases: a billion nodes if expanded.
    kind: 'billion laughs',
    files: {
      'v3/a/{id}.yaml': lines(
        "x-lol: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']",
        ...'bcdefghi'.split('').map((name, index) => `x-lol${index}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
        GOOD_OPERATION,
      ),
    },
    diagnostic: /^v3\/a\/\{id\}\.yaml:5:13: error YAML_ALIAS aliases expand to more than 10000 nodes/m,
  },
  {
    kind: 'self-referencing alias',
    files: { 'v3/a/{id}.yaml': GOOD_OPERATION.replace('  summary: 示例', '  summary: 示例\n  x-self: &self\n    again: *self') },
    diagnostic: /^v3\/a\/\{id\}\.yaml:4:12: error YAML_ALIAS alias `\*self` refers to a node that contains it$/m,
  },
];

describe('npm run generate', () => {
  let first: string;

  beforeAll(async () => {
    first = join(scratch, 'first');
    const run = await generate('--out', first);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('writes the package and ends with a one-line summary', async () => {
    const out = join(scratch, 'summary');
    const run = await generate('--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^Generated 17 operations \(17 endpoints\): \d+ files written to .* in \d+\.\d\d s\n$/);
  });

  it('writes byte-identical files on every run', async () => {
    const second = join(scratch, 'second');
    await generate('--out', second);
    expect(snapshotOf(second)).toEqual(snapshotOf(first));
  });

  // generated/ is committed, so it is the file snapshot of every emitted file: a change to the
  // output shows up here (and in review as a diff of generated/) until it is regenerated.
  it('matches the committed generated/, file by file', () => {
    expect(snapshotOf(first)).toEqual(snapshotOf(join(root, 'generated')));
  });

  it('--check lists changed, missing and extra files and exits 1; passes on fresh output', async () => {
    const out = join(scratch, 'check');
    cpSync(first, out, { recursive: true });
    expect((await generate('--out', out, '--check')).code).toBe(0);
    writeFileSync(join(out, 'dist/openapi.d.ts'), '// edited by hand\n');
    rmSync(join(out, 'dist/operations.js'));
    writeFileSync(join(out, 'stray.txt'), 'left over\n');
    const run = await generate('--out', out, '--check');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`changed  ${out}/dist/openapi.d.ts`);
    expect(run.stderr).toContain(`missing  ${out}/dist/operations.js`);
    expect(run.stderr).toContain(`extra    ${out}/stray.txt`);
    expect(readFileSync(join(out, 'dist/openapi.d.ts'), 'utf8')).toBe('// edited by hand\n');
  });

  it.each(BAD_INPUTS)('bad input ($kind): a file:line:col diagnostic, exit 1, no stack trace, previous output untouched', async ({ files, diagnostic }) => {
    const out = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
    cpSync(first, out, { recursive: true });
    const before = snapshotOf(out);
    const run = await generate('--spec', specTree(files), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(diagnostic);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/left untouched\n$/);
    expect(snapshotOf(out)).toEqual(before);
  });

  it('--keep-going turns per-operation errors into warnings and generates the rest', async () => {
    const spec = specTree({
      'v3/a/{id}.yaml': GOOD_OPERATION.replace('      type: string', '      type: strin'),
      'v3/b/{id}.yaml': GOOD_OPERATION,
    });
    const out = join(scratch, 'keep-going');
    const run = await generate('--spec', spec, '--out', out, '--keep-going');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^v3\/a\/\{id\}\.yaml:6:13: warning UNKNOWN_TYPE /m);
    expect(run.stdout).toMatch(/^Generated 2 operations \(2 endpoints\).*1 warning\(s\)\n$/);
  });

  it('--help exits 0; an unknown option exits 2 with the usage', async () => {
    const help = await generate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--keep-going');
    const wrong = await generate('--frobnicate');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage: npm run generate');
  });
});

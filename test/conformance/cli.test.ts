import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = resolve(REPO_ROOT, 'test/conformance/cli.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function conformance(...args: string[]): Promise<Run> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
      resolveRun({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A documented page as the corpus writes them: the fixture is the `virtual.ts` part of a twoslash fence. */
function page(virtualPart: string): string {
  return [
    '# Title',
    '',
    '```js twoslash',
    virtualPart.trimEnd(),
    '// @filename: business.js',
    "import { wxpay } from './virtual'",
    '```',
    '',
  ].join('\n');
}

let docs: string;
/** 1-based page line and column of the altered member in the differing page. */
let altered: { line: number; col: number };

beforeAll(async () => {
  docs = await mkdtemp(join(tmpdir(), 'conformance-docs-'));
  const fixture = (name: string): Promise<string> =>
    readFile(resolve(REPO_ROOT, `test/fixtures/seeds/${name}.documented.ts`), 'utf8');
  const couponcodes = page(await fixture('couponcodes')).replace(
    'coupon_code_list: string[]',
    'coupon_code_list: number[]',
  );
  const lines = couponcodes.split('\n');
  const index = lines.findIndex((line) => line.includes('coupon_code_list: number[]'));
  altered = { line: index + 1, col: (lines[index] ?? '').indexOf('coupon_code_list') + 1 };
  await mkdir(join(docs, 'busifavor'), { recursive: true });
  await writeFile(join(docs, 'busifavor/couponcodes.md'), couponcodes);
  await writeFile(join(docs, 'deposit.md'), page(await fixture('deposit')));
  await writeFile(join(docs, 'send.md'), page(await fixture('send')));
  // Line 6 of the page lacks a closing bracket.
  await writeFile(
    join(docs, 'broken.md'),
    page('// @filename: virtual.ts\nnamespace A.GetHttpMethod {\n  export interface RequestConfig { a: string[ }\n}'),
  );
});

afterAll(async () => {
  await rm(docs, { recursive: true, force: true });
});

describe.runIf(fullRun)('npm run conformance', () => {
  it('prints each differing block with page:line:col differences (syntax errors too) and a closing count', async () => {
    const run = await conformance('--spec', 'spec', '--docs', docs);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'broken.md block 1: 1 difference(s)',
      `  ${join(docs, 'broken.md')}:6:47: syntax error: ']' expected.`,
      'busifavor/couponcodes.md block 1: 1 difference(s)',
      `  ${join(docs, 'busifavor/couponcodes.md')}:${altered.line}:${altered.col}: WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod.JsonDataRequest: member coupon_code_list: documented number[], emitted string[]`,
      "? marks: 0 disagree with the spec's required lists",
      '2/4 blocks match',
    ]);
  });

  it('exits 1 when fewer blocks match than --min asks', async () => {
    expect((await conformance('--spec', 'spec', '--docs', docs, '--min', '2')).code).toBe(0);
    const run = await conformance('--spec', 'spec', '--docs', docs, '--min', '3');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2/4 blocks match');
  });

  it('shows the usage with --help', async () => {
    const run = await conformance('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run conformance -- [--spec DIR] [--docs DIR] [--min N]');
  });

  it.each([
    [['--unknown'], "Unknown option '--unknown'"],
    [['--min', 'many'], "--min takes a whole number, got 'many'"],
    [['--spec', 'spec', '--docs', 'no/such/folder'], '--docs: no such directory: no/such/folder'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const run = await conformance(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage:');
    expect(run.stdout).toBe('');
  });
});

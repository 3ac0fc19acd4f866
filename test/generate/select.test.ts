import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpus/openapi');
const execFileAsync = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'generate-select-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let outputs = 0;

/** Runs the built generator into a fresh directory; resolves to that directory and stderr. */
async function generate(...args: string[]): Promise<{ out: string; stderr: string }> {
  const out = join(scratch, `out-${++outputs}`);
  const { stderr } = await execFileAsync(process.execPath, [join(root, 'build/cli.js'), ...args, '--out', out], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out, stderr };
}

/** The URL paths of the runtime operation table, as the package exports it. */
function runtimePaths(out: string): string[] {
  const table = readFileSync(join(out, 'dist/operations.js'), 'utf8');
  return [...table.matchAll(/^ {2}'(v3\/[^']*)': \{$/gm)].map((match) => match[1]!).sort();
}

/** The URL paths every other emitted part names: validators, sandbox data, docs pages. */
function pathsNamedElsewhere(out: string): Set<string> {
  const named = new Set<string>();
  for (const file of ['dist/validators.js', 'dist/sandbox-data.js', 'docs/sidebar.json']) {
    for (const match of readFileSync(join(out, file), 'utf8').matchAll(/v3\/[\w{}/.-]+/g)) named.add(match[0]);
  }
  for (const entry of readdirSync(join(out, 'docs/v3'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) named.add(relative(join(out, 'docs'), join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return named;
}

/** The URL paths the spec files under `specDir/v3/<folder>` stand for. */
function specPaths(specDir: string, ...folders: string[]): string[] {
  return folders
    .flatMap((folder) =>
      readdirSync(join(specDir, 'v3', folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
        .map((entry) => relative(specDir, join(entry.parentPath, entry.name)).split(sep).join('/')),
    )
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();
}

describe.runIf(fullRun)('--include / --exclude', () => {
  const specDir = join(root, 'spec');

  it('--include v3/pay/** keeps only the pay operations in the table, declarations, validators, sandbox data and docs', async () => {
    const { out, stderr } = await generate('--include', 'v3/pay/**');
    expect(stderr).toBe('');
    const pay = specPaths(specDir, 'pay');
    expect(runtimePaths(out)).toEqual(pay);
    for (const path of pathsNamedElsewhere(out)) expect(path).toMatch(/^v3\/pay\//);
    const declarations = readFileSync(join(out, 'dist/openapi.d.ts'), 'utf8');
    expect(declarations).toContain('WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi');
    expect(declarations).not.toMatch(/V3\.(Refund|Bill|Marketing)\b/);
  });

  it('an exclude wins over an include', async () => {
    const { out } = await generate('--include', 'v3/pay/**', '--exclude', 'v3/pay/transactions/out-trade-no/**');
    const expected = specPaths(specDir, 'pay').filter((path) => !path.startsWith('v3/pay/transactions/out-trade-no/'));
    expect(expected.length).toBeGreaterThan(0);
    expect(runtimePaths(out)).toEqual(expected);
  });

  it('tag: patterns select by tag; several includes add up', async () => {
    const { out } = await generate('--include', 'tag:*退款', '--include', 'v3/bill/*');
    expect(runtimePaths(out)).toEqual([...specPaths(specDir, 'bill'), ...specPaths(specDir, 'refund')].sort());
  });

  it('an include that selects nothing is a warning naming the pattern', async () => {
    const { out, stderr } = await generate('--include', 'v3/pay/**', '--include', 'pay/**');
    expect(stderr).toMatch(/^\(command line\):1:1: warning UNMATCHED_INCLUDE --include 'pay\/\*\*' selects no operation/m);
    expect(runtimePaths(out)).toEqual(specPaths(specDir, 'pay'));
  });

  describe.runIf(fullRun)('on the public corpus', () => {
    it("--include 'v3/pay/**' --include 'v3/refund/**' keeps exactly those operations", async () => {
      const { out } = await generate(
        '--spec',
        corpus,
        '--keep-going',
        '--include',
        'v3/pay/**',
        '--include',
        'v3/refund/**',
      );
      const expected = specPaths(corpus, 'pay', 'refund');
      expect(runtimePaths(out)).toEqual(expected);
      for (const path of pathsNamedElsewhere(out)) expect(path).toMatch(/^v3\/(pay|refund)\//);
    }, 120_000);
  });
});

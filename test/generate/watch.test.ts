import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'generate-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Resolves once `check` holds, polling; rejects with `what` after `ms`. */
async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('--watch regenerates on a change, prints the diagnostics of each run and keeps the last good output', async () => {
  const spec = join(scratch, 'spec');
  const out = join(scratch, 'out');
  cpSync(join(root, 'spec'), spec, { recursive: true });
  const child = spawn(process.execPath, [join(root, 'build/cli.js'), '--watch', '--spec', spec, '--out', out], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await until('the first run', () => stdout.includes('watching'));
    const page = join(out, 'docs/v3/pay/transactions/jsapi.md');
    const specFile = join(spec, 'v3/pay/transactions/jsapi.yaml');
    const original = readFileSync(specFile, 'utf8');
    const firstPage = readFileSync(page, 'utf8');

    writeFileSync(specFile, original.replace('  summary: JSAPI/小程序下单', '  summary: [unclosed'));
    await until('the diagnostic of the broken file', () => /jsapi\.yaml:\d+:\d+: error YAML_SYNTAX/.test(stderr));
    expect(readFileSync(page, 'utf8')).toBe(firstPage);

    writeFileSync(specFile, original.replace('summary: JSAPI/小程序下单', 'summary: 监视中改过的下单'));
    await until('the regenerated page', () => readFileSync(page, 'utf8').includes('监视中改过的下单'));
    // The summary is printed after the atomic write that the page check saw.
    await until('the summary of the second good run', () => (stdout.match(/^Generated 17 operations/gm)?.length ?? 0) >= 2);

    // Editors that save by renaming a new file over the old one: every such save is seen, not only the first.
    for (const summary of ['原子保存一', '原子保存二']) {
      writeFileSync(`${specFile}.tmp`, original.replace('summary: JSAPI/小程序下单', `summary: ${summary}`));
      renameSync(`${specFile}.tmp`, specFile);
      await until(`the page after the save ${summary}`, () => readFileSync(page, 'utf8').includes(summary));
    }

    // A folder added while watching: its file, and a later edit of it, are seen.
    const added = join(spec, 'v3/pay/added');
    const h5 = readFileSync(join(spec, 'v3/pay/transactions/h5.yaml'), 'utf8');
    mkdirSync(added);
    writeFileSync(join(added, 'h5.yaml'), h5);
    const addedPage = join(out, 'docs/v3/pay/added/h5.md');
    await until('the page of the file in the added folder', () => existsSync(addedPage));
    writeFileSync(join(added, 'h5.yaml'), h5.replace(/summary: [^\n]+/, 'summary: 新文件夹中改过'));
    await until('the page after the edit in the added folder', () => readFileSync(addedPage, 'utf8').includes('新文件夹中改过'));
    rmSync(added, { recursive: true });
    await until('the page of the removed folder gone', () => !existsSync(addedPage));
    writeFileSync(specFile, original.replace('summary: JSAPI/小程序下单', 'summary: 删除之后改过'));
    await until('the page after an edit once the folder is gone', () => readFileSync(page, 'utf8').includes('删除之后改过'));
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 120_000);

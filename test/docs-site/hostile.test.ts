/** The VitePress site built once from pages of hostile spec text (hardening item 14). */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';
import { HOSTILE, hostileSpecs } from '../generate/hostile-specs.ts';
import { specTree } from '../load/helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
// Inside the repository, so that the pages resolve vue from its node_modules.
const generated = join(root, '.tmp', `hostile-site-${process.pid}`);

describe.runIf(fullRun)('the docs site built from hostile text', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'wechatpay-hostile-site-'));
    await run(process.execPath, [join(root, 'build/cli.js'), '--spec', specTree(hostileSpecs()), '--out', generated, '--keep-going'], { cwd: root });
    await run(process.execPath, [join(root, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs-site', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, DOCS_SRC_DIR: join(generated, 'docs') },
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 180_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await rm(generated, { recursive: true, force: true });
  });

  it('builds, and no page gains a tag or a script from the text', async () => {
    const pages = (await readdir(join(outDir, 'v3', 'hostile'))).filter((name) => name.endsWith('.html'));
    expect(pages).toHaveLength(HOSTILE.length);
    for (const page of pages) {
      const html = await readFile(join(outDir, 'v3', 'hostile', page), 'utf8');
      // Every <script> the site writes is closed by its own </script>: text never closes one early.
      expect(html.match(/<\/script>/g)?.length, page).toBe(html.match(/<script[\s>]/g)?.length);
      expect(html, page).not.toMatch(/<img src=x/);
      expect(html, page).not.toMatch(/<!-- comment -->/);
    }
  });
});

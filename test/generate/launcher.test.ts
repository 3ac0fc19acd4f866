import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/**
 * A copy of the project's generator, with its own node_modules (links to the real packages), so
 * that its bundle cache and its sources can be changed without touching the project's.
 */
const project = mkdtempSync(join(tmpdir(), 'generate-launcher-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
cpSync(join(root, 'generator'), join(project, 'generator'), { recursive: true });
cpSync(join(root, 'package.json'), join(project, 'package.json'));
symlinkSync(join(root, 'templates'), join(project, 'templates'), 'dir');
symlinkSync(join(root, 'spec'), join(project, 'spec'), 'dir');
mkdirSync(join(project, 'node_modules'));
for (const entry of readdirSync(join(root, 'node_modules'))) {
  if (entry !== '.cache') symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
}
const cache = join(project, 'node_modules/.cache/wechatpay-sdk-generator');

async function launch(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [join(project, 'generator/bin.mjs'), ...args], { cwd: project });
  return stdout;
}

const bundles = (): string[] => readdirSync(cache).filter((entry) => entry.startsWith('bundle-')).sort();

describe('generator/bin.mjs', () => {
  it('bundles the generator once and reuses the bundle while the sources are unchanged', async () => {
    expect(await launch('--out', join(project, 'generated'))).toMatch(/^Generated 17 operations/);
    const [first, ...others] = bundles();
    expect(others).toEqual([]);
    const built = readFileSync(join(cache, first!, 'cli.js'), 'utf8');
    await launch('--out', join(project, 'generated'));
    expect(bundles()).toEqual([first]);
    expect(readFileSync(join(cache, first!, 'cli.js'), 'utf8')).toBe(built);
  });

  it('rebuilds after a source changes, and runs the changed code', async () => {
    const cli = join(project, 'generator/cli.ts');
    writeFileSync(cli, readFileSync(cli, 'utf8').replace('Generates the typed WeChat Pay APIv3 package', 'Generates (edited) the typed package'));
    expect(await launch('--help')).toContain('Generates (edited) the typed package');
    expect(bundles()).toHaveLength(2);
  });

  it('resolves the templates and the runtime sources from the sources, not from the bundle', async () => {
    const out = join(project, 'out');
    await launch('--out', out);
    expect(readFileSync(join(out, 'dist/runtime/client.js'), 'utf8')).toBe(readFileSync(join(root, 'generated/dist/runtime/client.js'), 'utf8'));
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(readFileSync(join(root, 'generated/README.md'), 'utf8'));
  });
});

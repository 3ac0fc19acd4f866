import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { format } from 'oxfmt';
import { FORMAT_OPTIONS } from '../../../generator/emit/format.ts';
import { transpileRuntime } from '../../../generator/emit/runtime/index.ts';

const scratch = await mkdtemp(join(tmpdir(), 'runtime-transpile-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function sourceDir(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

const files = await transpileRuntime();

describe('the runtime as the package ships it', () => {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));

  it('has a script and a declaration file for every runtime source', () => {
    const scripts = files.filter((file) => file.path.endsWith('.js')).map((file) => file.path.slice(0, -3));
    const declarations = files.filter((file) => file.path.endsWith('.d.ts')).map((file) => file.path.slice(0, -5));
    expect(scripts).toContain('dist/runtime/client');
    expect(declarations).toEqual(scripts);
    // Type-only imports would make Node fetch modules that ship no values.
    for (const file of files.filter((file) => file.path.endsWith('.js'))) expect(file.contents).not.toMatch(/^\s*import\s+type\b/m);
  });

  it('keeps the JSDoc, laid out by the formatter with continuation lines aligned as ` *`', async () => {
    const client = byPath.get('dist/runtime/client.d.ts')!;
    expect(client).toMatch(/^\/\*\*\n \* The client: options/);
    expect(client).toContain('  /**\n   * RSA-OAEP (SHA-1) encryption');
    for (const file of files) {
      expect(file.contents).not.toMatch(/\n *\*(?!\/)[^ \n]/);
      expect((await format(file.path, file.contents, FORMAT_OPTIONS)).code).toBe(file.contents);
    }
  });

  it('names the package and version in version.js, whatever the source says', () => {
    expect(byPath.get('dist/runtime/version.js')).toMatch(/export const PACKAGE_NAME = '@wechatpay-sdk\/apiv3';/);
  });

  it('emits scripts Node runs as they are', async () => {
    const dir = join(scratch, 'package');
    for (const file of files) {
      await mkdir(join(dir, file.path, '..'), { recursive: true });
      await writeFile(join(dir, file.path), file.contents);
    }
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    await symlink(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const runtime = (await import(pathToFileURL(join(dir, 'dist/runtime/index.js')).href)) as Record<string, unknown>;
    expect(typeof runtime.createClientClass).toBe('function');
    const aead = (await import(pathToFileURL(join(dir, 'dist/runtime/aead.js')).href)) as typeof import('../../../templates/runtime/aead.ts');
    const secret = 'a'.repeat(32);
    const sealed = aead.aesGcmEncrypt({ plaintext: 'hello', associatedData: 'x' }, secret);
    expect(aead.aesGcmDecrypt(sealed, secret)).toBe('hello');
  });

  it('rejects a source whose declarations need type inference, naming the file', async () => {
    const dir = await sourceDir('inferred', { 'ok.ts': 'export const a: number = 1;\n', 'bad.ts': 'export function twice(x: number) {\n  return x * 2;\n}\n' });
    await expect(transpileRuntime(dir)).rejects.toThrow(/bad\.ts does not transpile in isolation:[\s\S]*explicit return type[\s\S]*bad\.ts:1:17/);
  });

  it('rejects a syntax error, naming the file', async () => {
    const dir = await sourceDir('syntax', { 'broken.ts': 'export const = 1;\n' });
    await expect(transpileRuntime(dir)).rejects.toThrow(/broken\.ts does not transpile in isolation/);
  });
});

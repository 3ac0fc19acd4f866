import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFile } from '../../generator/emit/docs/index.ts';
import { loadSpecs } from '../../generator/load/index.ts';
import type { ApiModel, Schema } from '../../generator/model/types.ts';
import { fullRun } from '../full.ts';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Dotted names of a schema's members as the docs tables spell them (`fail_codes[].code`). */
function memberPaths(schema: Schema | undefined, prefix = ''): string[] {
  if (schema?.kind === 'object') {
    return (schema.properties ?? []).flatMap((property) => [
      `${prefix}${property.name}`,
      ...memberPaths(property.schema, `${prefix}${property.name}.`),
    ]);
  }
  if (schema?.kind === 'array') return memberPaths(schema.items, `${prefix.slice(0, -1)}[].`);
  return [];
}

/** The text of every table in a built page, tags stripped and entities decoded. */
function tableTexts(html: string): string[] {
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((match) =>
    match[0]
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' '),
  );
}

describe.runIf(fullRun)('the VitePress site built from generated/docs', () => {
  let outDir: string;
  let model: ApiModel;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'wechatpay-site-'));
    model = (await loadSpecs(join(root, 'spec'))).model;
    await run(process.execPath, [join(root, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs-site', '--outDir', outDir], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 180_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('renders one HTML page per endpoint whose tables hold every parameter, field and error code', async () => {
    expect(model.endpoints.length).toBeGreaterThan(0);
    for (const endpoint of model.endpoints) {
      const htmlFile = join(outDir, pageFile(endpoint).slice('docs/'.length).replace(/\.md$/, '.html'));
      const tables = tableTexts(await readFile(htmlFile, 'utf8')).join('\n');
      for (const operation of endpoint.operations) {
        const expected = [
          ...[...operation.pathParams, ...operation.queryParams, ...operation.headerParams].map((parameter) => parameter.name),
          ...(operation.body?.kind === 'json' ? memberPaths(operation.body.schema) : []),
          ...(operation.response.kind === 'json' ? memberPaths(operation.response.schema) : []),
          ...operation.errorCodes.flatMap((row) => [row.code, row.description]),
        ];
        expect(expected.length).toBeGreaterThan(0);
        for (const text of expected) expect(tables, `${endpoint.path} ${operation.method}: ${text}`).toContain(text);
      }
    }
  });

  it('ships the local search index and a sidebar entry for every endpoint page', async () => {
    const index = await readFile(join(outDir, 'index.html'), 'utf8');
    for (const endpoint of model.endpoints) {
      expect(index).toContain(pageFile(endpoint).slice('docs'.length).replace(/\.md$/, ''));
    }
    const chunks = await readdir(join(outDir, 'assets', 'chunks'));
    expect(chunks.some((name) => name.startsWith('@localSearchIndex'))).toBe(true);
  });
});

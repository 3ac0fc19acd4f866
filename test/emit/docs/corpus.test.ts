import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_NAME, emitDocs, pageFile } from '../../../generator/emit/docs/index.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { generate } from '../../../generator/pipeline.ts';
import { corpusOpenapiRoot, hasCorpus, repoRoot, typescriptBlocks } from './support.ts';
import { typeCheckSnippets } from './typecheck.ts';
import { fullRun } from '../../full.ts';

describe.runIf(fullRun && hasCorpus)('docs pages of the whole corpus', () => {
  let model: ApiModel;
  let files: EmittedFile[];

  beforeAll(async () => {
    ({ model } = await loadSpecs(corpusOpenapiRoot, { keepGoing: true }));
    const start = performance.now();
    files = await emitDocs(model);
    const elapsed = performance.now() - start;
    const operations = model.endpoints.reduce((sum, endpoint) => sum + endpoint.operations.length, 0);
    // A measurement for the generation budget, printed rather than asserted.
    console.info(`docs: ${files.length} files for ${model.endpoints.length} endpoints (${operations} operations) in ${elapsed.toFixed(0)} ms`);
  });

  it('writes one page per endpoint, every operation with its anchor and three examples', () => {
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
    for (const endpoint of model.endpoints) {
      const page = files.find((file) => file.path === pageFile(endpoint));
      expect(page, endpoint.path).toBeDefined();
      for (const operation of endpoint.operations) expect(page?.contents, endpoint.path).toContain(` {#${operation.method}}\n`);
      expect(typescriptBlocks(page?.contents ?? '')).toHaveLength(endpoint.operations.length * 3);
    }
  });

  it('keeps every table row to its columns, whatever the descriptions hold', () => {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.md'))) {
      let columns = 0;
      for (const line of file.contents.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.slice(1, -1).split(/(?<!\\)\|/).length;
        if (columns === 0) columns = cells;
        expect(cells, `${file.path}: ${line}`).toBe(columns);
      }
    }
  });

  it(
    'every example compiles against the package generated from the corpus',
    { timeout: 600_000 },
    async () => {
      const packageRoot = path.join(repoRoot, '.tmp/docs-corpus-package');
      await generate({ specDir: corpusOpenapiRoot, keepGoing: true, outDir: packageRoot });
      const snippets = files.flatMap((file) =>
        typescriptBlocks(file.contents).map((code, index) => ({ origin: `${file.path}#${index + 1}`, code })),
      );
      expect(typeCheckSnippets(packageRoot, DEFAULT_PACKAGE_NAME, snippets)).toEqual([]);
    },
  );
});

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runConformance } from './run.ts';
import { fullRun } from '../full.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');

describe.runIf(fullRun && existsSync(CORPUS))('conformance against the public corpus', () => {
  it('matches at least 75 of the 98 documented marketing blocks', async () => {
    const report = await runConformance({ specDir: resolve(CORPUS, 'openapi'), docsDir: resolve(CORPUS, 'pages') });
    expect(report.blocks).toHaveLength(98);
    const differing = report.blocks
      .filter((result) => result.differences.length + result.syntaxErrors.length > 0)
      .map((result) => `${result.page} block ${result.block.index}`);
    // The message names the differing blocks, so a failure says where to look.
    expect(report.matched, `differing blocks:\n${differing.join('\n')}`).toBeGreaterThanOrEqual(75);
  });
});

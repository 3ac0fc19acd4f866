import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_NAME, emitPackageFiles } from '../../../generator/emit/docs/index.ts';
import { projectPages, repoRoot, typescriptBlocks } from './support.ts';
import { typeCheckSnippets, type Snippet } from './typecheck.ts';
import { fullRun } from '../../full.ts';

const packageRoot = path.join(repoRoot, 'generated');
const hasPackage = existsSync(path.join(packageRoot, 'dist/index.d.ts'));

describe.runIf(fullRun && hasPackage)(
  `examples of the project's pages compile against the generated package${hasPackage ? '' : ' (skipped: generated/dist/index.d.ts is absent, run npm run generate)'}`,
  () => {
    it('type-checks every ```ts block, strict', async () => {
      const { files } = await projectPages();
      const snippets: Snippet[] = files.flatMap((file) =>
        typescriptBlocks(file.contents).map((code, index) => ({ origin: `${file.path}#${index + 1}`, code })),
      );
      // Three access styles per operation of the three seed endpoints.
      expect(snippets.length).toBeGreaterThanOrEqual(9);
      expect(typeCheckSnippets(packageRoot, DEFAULT_PACKAGE_NAME, snippets)).toEqual([]);
    });

    it("type-checks the package README's ```ts blocks", async () => {
      const { model } = await projectPages();
      const readme = emitPackageFiles(model, { name: DEFAULT_PACKAGE_NAME, version: '0.0.0' }).find((file) => file.path === 'README.md');
      const snippets = typescriptBlocks(readme?.contents ?? '').map((code, index) => ({ origin: `README.md#${index + 1}`, code }));
      // Constructing a client, one example, the three access styles.
      expect(snippets).toHaveLength(3);
      expect(typeCheckSnippets(packageRoot, DEFAULT_PACKAGE_NAME, snippets)).toEqual([]);
    });
  },
);

describe('a wrong example is caught', () => {
  it.skipIf(!hasPackage)('reports a misspelt endpoint and a wrong argument type with their positions', () => {
    const header = `import { Wechatpay } from '${DEFAULT_PACKAGE_NAME}';\n\ndeclare const wxpay: Wechatpay;\n`;
    const messages = typeCheckSnippets(packageRoot, DEFAULT_PACKAGE_NAME, [
      { origin: 'misspelt', code: `${header}wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcode.post({ upload_request_no: 'x' }, { stock_id: '1' });\n` },
      { origin: 'wrong-type', code: `${header}wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes.post({ upload_request_no: 1 }, { stock_id: '1' });\n` },
    ]);
    expect(messages.some((message) => message.startsWith('misspelt:4:'))).toBe(true);
    expect(messages.some((message) => message.startsWith('wrong-type:4:'))).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { emitPackageFiles, pageFile } from '../../../generator/emit/docs/index.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { projectPages, SPEC_PATHS } from './support.ts';

/** The event types of `spec/notifications.yaml`, one page each. */
const NOTIFICATION_PAGES = ['REFUND.ABNORMAL', 'REFUND.CLOSED', 'REFUND.SUCCESS', 'TRANSACTION.SUCCESS'].map((event) => `docs/notifications/${event}.md`);

let model: ApiModel;
let files: EmittedFile[];

beforeAll(async () => {
  ({ model, files } = await projectPages());
});

function fileAt(path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not emitted; emitted: ${files.map((candidate) => candidate.path).join(', ')}`);
  return file.contents;
}

describe('docs pages of the spec endpoints', () => {
  it('lays pages out by URL path, one per endpoint, plus the index and the sidebar', () => {
    expect(files.map((file) => file.path).sort()).toEqual(
      [...SPEC_PATHS.map((path) => `docs/${path}.md`), ...NOTIFICATION_PAGES, 'docs/index.md', 'docs/sidebar.json'].sort(),
    );
    for (const endpoint of model.endpoints) expect(pageFile(endpoint)).toBe(`docs/${endpoint.path}.md`);
  });

  it.each(SPEC_PATHS)('renders %s', async (path) => {
    await expect(fileAt(`docs/${path}.md`)).toMatchFileSnapshot(`./__snapshots__/${path}.md`);
  });

  it.each(NOTIFICATION_PAGES)('renders %s', async (page) => {
    await expect(fileAt(page)).toMatchFileSnapshot(`./__snapshots__/${page.slice('docs/'.length)}`);
  });

  it('renders the index grouped by tag and the sidebar', async () => {
    await expect(fileAt('docs/index.md')).toMatchFileSnapshot('./__snapshots__/index.md');
    await expect(fileAt('docs/sidebar.json')).toMatchFileSnapshot('./__snapshots__/sidebar.json');
  });

  it('renders the same bytes twice', async () => {
    const again = await projectPages();
    expect(again.files).toEqual(files);
  });
});

describe('package files', () => {
  it('renders package.json and README.md', async () => {
    const [packageJson, readme] = emitPackageFiles(model, { name: '@wechatpay-sdk/apiv3', version: '0.1.0' });
    expect(packageJson?.path).toBe('package.json');
    expect(readme?.path).toBe('README.md');
    await expect(packageJson?.contents).toMatchFileSnapshot('./__snapshots__/package.json');
    await expect(readme?.contents).toMatchFileSnapshot('./__snapshots__/README.md');
  });

  it('declares an ESM package whose only entry has types first', () => {
    const [packageJson] = emitPackageFiles(model, { name: '@acme/pay', version: '2.3.4' });
    const manifest: unknown = JSON.parse(packageJson?.contents ?? '');
    expect(manifest).toMatchObject({
      name: '@acme/pay',
      version: '2.3.4',
      type: 'module',
      sideEffects: false,
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      files: ['dist'],
      engines: { node: '>=20' },
      dependencies: { axios: expect.any(String) },
    });
    const entry = (manifest as { exports: Record<string, Record<string, string>> }).exports['.'];
    expect(Object.keys(entry ?? {})).toEqual(['types', 'default']);
  });
});

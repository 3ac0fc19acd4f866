import { beforeAll, describe, expect, it } from 'vitest';
import { emitPackageFiles, pageFile, showcaseOperation } from '../../../generator/emit/docs/index.ts';
import { constraintNotes } from '../../../generator/emit/docs/view-model.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import type { ApiModel, Constraints, Schema } from '../../../generator/model/types.ts';
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
      files: ['dist', 'docs', '!docs/sidebar.json'],
      engines: { node: '>=20' },
      dependencies: { axios: expect.any(String) },
    });
    const entry = (manifest as { exports: Record<string, Record<string, string>> }).exports['.'];
    expect(Object.keys(entry ?? {})).toEqual(['types', 'default']);
  });
});

describe('the README example', () => {
  /** The model without any `x-showcase` mark, the seed endpoints optionally left out. */
  function unmarked(dropPaths: readonly string[] = []): ApiModel {
    return {
      ...model,
      endpoints: model.endpoints
        .filter((endpoint) => !dropPaths.includes(endpoint.path))
        .map((endpoint) => ({ ...endpoint, operations: endpoint.operations.map(({ showcase: _, ...operation }) => operation) })),
    };
  }
  const exampleCall = (readme: string): string | undefined => /^(wxpay\.\S+?)\(/m.exec(readme.split('## Example')[1] ?? '')?.[1];

  it('is the operation the specs mark with x-showcase, linked to its page in the package', () => {
    const marked = model.endpoints.flatMap((endpoint) => endpoint.operations.filter((operation) => operation.showcase).map((operation) => `${operation.method} ${endpoint.path}`));
    expect(marked).toEqual(['post v3/pay/transactions/jsapi']);
    const readme = showcaseReadme(model);
    expect(exampleCall(readme)).toBe('wxpay.v3.pay.transactions.jsapi.post');
    expect(readme).toContain('[docs/v3/pay/transactions/jsapi.md](./docs/v3/pay/transactions/jsapi.md#post)');
  });

  it('is the first seed document’s operation when none is marked, else the first JSON POST', () => {
    expect(exampleCall(showcaseReadme(unmarked()))).toBe('wxpay.v3.marketing.membercardOpen.cards._card_id_.codes.deposit.post');
    const withoutSeed = unmarked(['v3/marketing/membercard-open/cards/{card_id}/codes/deposit']);
    const firstJsonPost = showcaseOperation(withoutSeed);
    expect(firstJsonPost?.operation.body?.kind).toBe('json');
    expect(exampleCall(showcaseReadme(withoutSeed))).toBe('wxpay.v3.marketing.busifavor.coupons._card_id_.send.post');
  });
});

function showcaseReadme(apiModel: ApiModel): string {
  return emitPackageFiles(apiModel, { name: '@wechatpay-sdk/apiv3', version: '0.1.0' })[1]?.contents ?? '';
}

describe('the constraints column', () => {
  const notes = (constraints: Constraints, extra: Partial<Schema> = {}): string[] => constraintNotes({ kind: 'string', constraints, ...extra } as Schema);

  it('writes ranges short: characters, items and values', () => {
    expect(notes({ maxLength: 32 })).toEqual(['≤ 32 字符']);
    expect(notes({ minLength: 6, maxLength: 32 })).toEqual(['6–32 字符']);
    expect(notes({ minLength: 8, maxLength: 8 })).toEqual(['= 8 字符']);
    expect(notes({ minItems: 1 })).toEqual(['≥ 1 项']);
    expect(notes({ minimum: 1, maximum: 100 })).toEqual(['取值 1–100']);
    expect(notes({ pattern: '^[0-9]+$' })).toEqual(['格式 `^[0-9]+$`']);
    expect(notes({}, { enum: ['A', 'B'] } as Partial<Schema>)).toEqual(['可选值 `A` `B`']);
  });
});

import rootPackage from '../../../package.json' with { type: 'json' };
import { compareText, operationsOf, type ApiModel, type Endpoint, type Operation } from '../../model/types.ts';
import type { EmittedFile } from '../files.ts';
import { operationExampleParts } from './examples.ts';
import { htmlText, inlineText, tableCell, tableCode } from './markdown.ts';
import { memo } from '../memo.ts';
import { packageFile, render } from '../render.ts';
import { notificationPageFile, notificationPageView } from './notifications.ts';
import { endpointPageView, endpointTitle } from './view-model.ts';

export const DEFAULT_PACKAGE_NAME = '@wechatpay-sdk/apiv3';
/** The generated package: its name, and the generator's version. */
export const DEFAULT_PACKAGE = { name: DEFAULT_PACKAGE_NAME, version: rootPackage.version };

/** Operations without tags are listed under this heading. */
const UNTAGGED = '未分类';
/** The index section and sidebar group of the notification pages. */
const NOTIFICATIONS_HEADING = '回调通知';

/** `docs/v3/marketing/busifavor/stocks/{stock_id}/couponcodes.md`; a trailing slash gives `.../{empty}.md`. */
export function pageFile(endpoint: Endpoint): string {
  return `docs/${endpoint.segments.map((segment) => (segment.kind === 'empty' ? '{empty}' : segment.raw)).join('/')}.md`;
}

/** A page's link on the site (`/v3/pay/transactions/jsapi`) and from `docs/index.md` (`./v3/pay/transactions/jsapi.md`). */
function pageLinks(file: string): { site: string; relative: string } {
  const path = file.slice('docs/'.length);
  return { site: `/${path.slice(0, -'.md'.length)}`, relative: `./${path}` };
}

export interface SidebarGroup {
  text: string;
  items: Array<{ text: string; link: string }>;
}

/** Operations grouped by tag: tags in code-unit order, entries in model (path, method) order. */
function groupByTag(model: ApiModel): Map<string, Array<{ endpoint: Endpoint; method: string; title: string }>> {
  const groups = new Map<string, Array<{ endpoint: Endpoint; method: string; title: string }>>();
  for (const endpoint of model.endpoints) {
    for (const operation of endpoint.operations) {
      const title = (operation.summary ?? endpointTitle(endpoint)).trim();
      for (const tag of operation.tags.length > 0 ? operation.tags : [UNTAGGED]) {
        const entries = groups.get(tag) ?? [];
        entries.push({ endpoint, method: operation.method, title });
        groups.set(tag, entries);
      }
    }
  }
  return new Map([...groups].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The documentation pages: one per URL path, `docs/index.md` grouped by tag, and
 * `docs/sidebar.json` (the same grouping, read by the site config).
 */
export async function emitDocs(model: ApiModel): Promise<EmittedFile[]> {
  const files: EmittedFile[] = model.endpoints.map((endpoint) => ({
    path: pageFile(endpoint),
    contents: memo(`docs ${endpoint.path}`, endpoint, () =>
      render('docs/endpoint.md', endpointPageView(endpoint, DEFAULT_PACKAGE_NAME)),
    ),
  }));

  const events = model.notifications?.events ?? [];
  for (const event of events) {
    files.push({
      path: notificationPageFile(event),
      contents: render('docs/notification.md', notificationPageView(event, model.notifications!)),
    });
  }

  const groups = [...groupByTag(model)];
  files.push({
    path: 'docs/index.md',
    contents: render('docs/index.md', {
      counts: `${model.endpoints.length} 个接口路径，${operationsOf(model).length} 个操作`,
      groups: groups.map(([tag, entries]) => ({
        tag: inlineText(tag),
        entries: entries.map(({ endpoint, method, title }) => ({
          title: tableCell(title),
          link: `${pageLinks(pageFile(endpoint)).relative}#${method}`,
          method: method.toUpperCase(),
          path: tableCode(endpoint.path),
        })),
      })),
      notifications: events.map((event) => ({
        title: tableCell(event.summary),
        link: pageLinks(notificationPageFile(event)).relative,
        eventType: tableCode(event.eventType),
      })),
      notificationsHeading: NOTIFICATIONS_HEADING,
    }),
  });
  // VitePress renders sidebar (and pager) texts as HTML and inlines them in a <script>: they go as HTML text.
  const sidebar: SidebarGroup[] = groups.map(([tag, entries]) => ({
    text: htmlText(tag),
    items: entries.map(({ endpoint, method, title }) => ({
      text: htmlText(`${method.toUpperCase()} ${title}`),
      link: `${pageLinks(pageFile(endpoint)).site}#${method}`,
    })),
  }));
  if (events.length > 0) {
    sidebar.push({
      text: NOTIFICATIONS_HEADING,
      items: events.map((event) => ({
        text: `${event.eventType} ${event.summary}`,
        link: pageLinks(notificationPageFile(event)).site,
      })),
    });
  }
  files.push({ path: 'docs/sidebar.json', contents: `${JSON.stringify(sidebar, null, 2)}\n` });
  return files;
}

/** The generated package's `package.json` and `README.md`. */
export function emitPackageFiles(model: ApiModel, info = DEFAULT_PACKAGE): EmittedFile[] {
  const description =
    'Typed WeChat Pay APIv3 client: signed requests, verified responses, one typed method per endpoint.';
  return [
    packageFile('package.json', {
      name: info.name,
      version: info.version,
      description,
      ajvRange: rootPackage.devDependencies.ajv,
      axiosRange: rootPackage.dependencies.axios,
      forgeRange: rootPackage.devDependencies['node-forge'],
      re2jsRange: rootPackage.devDependencies.re2js,
    }),
    packageFile('README.md', readmeView(model, info.name, description)),
  ];
}

/** The first seed document's operation: the README's example when no spec marks one with `x-showcase`. */
const SEED_SHOWCASE = { method: 'post', path: 'v3/marketing/membercard-open/cards/{card_id}/codes/deposit' } as const;

/** The README's example: the operation marked `x-showcase`, else the seed's, else the first POST with a JSON body. */
export function showcaseOperation(model: ApiModel): { endpoint: Endpoint; operation: Operation } | undefined {
  const candidates = model.endpoints.flatMap((endpoint) =>
    endpoint.operations.map((operation) => ({ endpoint, operation })),
  );
  return (
    candidates.find(({ operation }) => operation.showcase) ??
    candidates.find(
      ({ operation }) => operation.method === SEED_SHOWCASE.method && operation.path === SEED_SHOWCASE.path,
    ) ??
    candidates.find(({ operation }) => operation.body?.kind === 'json') ??
    candidates[0]
  );
}

function readmeView(model: ApiModel, packageName: string, description: string): object {
  const featured = showcaseOperation(model);
  const parts = featured ? operationExampleParts(featured.endpoint, featured.operation, packageName) : undefined;
  return {
    name: packageName,
    description,
    endpointCount: model.endpoints.length,
    operationCount: operationsOf(model).length,
    example: parts ? `${parts.header}\n${parts.calls.chained}\n  .then(${parts.handler});` : '',
    // Relative to the package root: it works in the published tarball and on a code host.
    examplePage: featured
      ? { file: pageFile(featured.endpoint), link: `./${pageFile(featured.endpoint)}#${featured.operation.method}` }
      : null,
    stylesHeader: parts?.header ?? '',
    styles: parts?.calls ?? { chained: '', declarative: '', attribute: '' },
  };
}

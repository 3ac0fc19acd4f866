import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
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
      .replace(/<wbr>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' '),
  );
}

let outDir: string;

beforeAll(async () => {
  // The site build is slow: it belongs to the full run.
  if (!fullRun) return;
  outDir = await mkdtemp(join(tmpdir(), 'wechatpay-site-'));
  await run(process.execPath, [join(root, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs-site', '--outDir', outDir], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.runIf(fullRun)('the VitePress site built from generated/docs', () => {
  let model: ApiModel;

  beforeAll(async () => {
    model = (await loadSpecs(join(root, 'spec'))).model;
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

/**
 * A Chromium for the layout checks: `CHROMIUM` (set by CI, which installs Debian's chromium, so a
 * missing browser fails there), else the system one; without either the checks are skipped.
 */
const browserPath = process.env.CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
/** Screenshots land here for a person to look at; the assertions below are what the test checks. */
const screenshotDir = join(root, '.tmp/docs-layout');
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built site on 127.0.0.1 as a static host would (`/a/b` is `a/b.html`). */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
    if (path.endsWith('/')) path += 'index.html';
    if (!extname(path)) path += '.html';
    readFile(join(dir, path)).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface CellBox {
  column: number;
  text: string;
  width: number;
  /** How far the cell's content reaches past its right edge, in CSS px (0 when it fits). */
  overflow: number;
  /** Lines the text takes. */
  lines: number;
}

interface TableLayout {
  kind: string;
  /** The visible width of the table's scroll box and the width of its content. */
  clientWidth: number;
  scrollWidth: number;
  left: number;
  right: number;
  headers: CellBox[];
  cells: CellBox[];
}

/** Geometry of every request/response and error-code table on the page, measured in the browser. */
function measureTables(page: Page): Promise<TableLayout[]> {
  return page.evaluate(() => {
    const box = (cell: HTMLTableCellElement): CellBox => {
      const rect = cell.getBoundingClientRect();
      let reach = rect.right;
      for (const element of cell.querySelectorAll('*')) reach = Math.max(reach, element.getBoundingClientRect().right);
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set([...range.getClientRects()].filter((line) => line.width > 0).map((line) => Math.round(line.top)));
      return {
        column: cell.cellIndex + 1,
        text: (cell.textContent ?? '').trim(),
        width: rect.width,
        overflow: Math.max(0, reach - rect.right, cell.scrollWidth - cell.clientWidth),
        lines: tops.size,
      };
    };
    return [...document.querySelectorAll<HTMLTableElement>('.vp-doc .field-table table, .vp-doc .error-table table')].map((table) => {
      const rect = table.getBoundingClientRect();
      return {
        kind: table.parentElement?.className ?? '',
        clientWidth: table.clientWidth,
        scrollWidth: table.scrollWidth,
        left: rect.left,
        right: rect.right,
        headers: [...table.querySelectorAll('th')].map(box),
        cells: [...table.querySelectorAll('td')].map(box),
      };
    });
  });
}

describe.skipIf(!fullRun || !browserPath)('the built jsapi page in Chromium at 1440 and 390 CSS px', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const layouts = new Map<number, TableLayout[]>();
  const labels = new Map<number, string>();

  beforeAll(async () => {
    ({ server, origin } = await serve(outDir));
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    await mkdir(screenshotDir, { recursive: true });
    for (const width of [1440, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${origin}/v3/pay/transactions/jsapi.html`, { waitUntil: 'networkidle' });
      await page.locator('h3', { hasText: '请求参数' }).evaluate((heading) => window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 80));
      await page.screenshot({ path: join(screenshotDir, `jsapi-${width}.png`) });
      layouts.set(width, await measureTables(page));
      if (width < 1440) {
        await page.locator('.field-table table').first().evaluate((table) => table.scrollTo({ left: table.scrollWidth }));
        await page.screenshot({ path: join(screenshotDir, `jsapi-${width}-scrolled.png`) });
      }
      labels.set(width, await page.locator('.VPNav, .VPLocalNav, .VPDocAside').allInnerTexts().then((texts) => texts.join('\n')));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `the page itself does not scroll sideways at ${width} px`).toBeLessThanOrEqual(width);
      await page.close();
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each([1440, 390])('at %i px no cell text overflows its cell, and short columns stay on one line', (width) => {
    const tables = layouts.get(width) ?? [];
    expect(tables.map((table) => table.kind)).toEqual(['field-table', 'field-table', 'error-table']);
    for (const table of tables) {
      for (const cell of [...table.headers, ...table.cells]) {
        expect(cell.overflow, `${table.kind} column ${cell.column} "${cell.text}"`).toBeLessThanOrEqual(0.5);
      }
      for (const header of table.headers) expect(header.lines, `header "${header.text}"`).toBe(1);
      // Type and required (field tables), status and code (error codes) never wrap.
      const oneLine = table.kind === 'field-table' ? [2, 3] : [1, 2];
      for (const cell of table.cells.filter((candidate) => oneLine.includes(candidate.column))) {
        expect(cell.lines, `${table.kind} column ${cell.column} "${cell.text}"`).toBeLessThanOrEqual(1);
      }
    }
  });

  it.each([1440, 390])('at %i px the description and constraints columns keep a readable width', (width) => {
    const fieldTables = (layouts.get(width) ?? []).filter((table) => table.kind === 'field-table');
    const column = (index: number): CellBox[] => fieldTables.flatMap((table) => table.cells.filter((cell) => cell.column === index));
    const constraints = column(5);
    expect(constraints.some((cell) => cell.text.includes('字符'))).toBe(true);
    // Ten 14 px characters: `6–32 字符` or `≤ 127 字符` on one line (it was one or two characters wide).
    for (const cell of constraints) expect(cell.width, `constraints "${cell.text}"`).toBeGreaterThanOrEqual(140);
    for (const cell of constraints.filter((candidate) => /^[≤≥=]? ?[\d–]+ 字符$/.test(candidate.text))) expect(cell.lines, cell.text).toBe(1);
    for (const cell of column(4)) expect(cell.width, `description "${cell.text}"`).toBeGreaterThanOrEqual(190);
  });

  it('at 1440 px the tables fit the content column without scrolling', () => {
    for (const table of layouts.get(1440) ?? []) {
      expect(table.scrollWidth, table.kind).toBeLessThanOrEqual(table.clientWidth + 1);
      expect(table.right).toBeLessThanOrEqual(1440);
    }
  });

  it('at 390 px the field tables scroll sideways inside the page instead of squeezing', () => {
    const fieldTables = (layouts.get(390) ?? []).filter((table) => table.kind === 'field-table');
    expect(fieldTables.length).toBeGreaterThan(0);
    for (const table of fieldTables) {
      expect(table.left).toBeGreaterThanOrEqual(0);
      expect(table.right).toBeLessThanOrEqual(390);
      expect(table.scrollWidth).toBeGreaterThan(table.clientWidth);
    }
  });

  it('labels the interface in Chinese, like the pages', () => {
    expect(labels.get(1440)).toContain('本页目录');
    expect(labels.get(1440)).toContain('搜索接口');
    expect(labels.get(390)).toContain('菜单');
    expect(labels.get(390)).not.toMatch(/On this page|Menu|Search/);
    expect(labels.get(1440)).not.toMatch(/On this page|Menu|Search/);
  });

  it('links an SVG favicon that the site serves', async () => {
    const html = await readFile(join(outDir, 'v3/pay/transactions/jsapi.html'), 'utf8');
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const response = await fetch(new URL(href ?? '', origin));
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

/**
 * The pages are the generated package's `docs/`; this folder holds only the site configuration.
 * `DOCS_SRC_DIR` points the site at another generated output (e.g. pages of the whole corpus).
 */
const srcDir = process.env.DOCS_SRC_DIR
  ? resolve(process.env.DOCS_SRC_DIR)
  : fileURLToPath(new URL('../../generated/docs/', import.meta.url));
const sidebarFile = resolve(srcDir, 'sidebar.json');

// The docs emitter writes the tag grouping beside the pages.
const sidebar: DefaultTheme.SidebarItem[] = existsSync(sidebarFile)
  ? (JSON.parse(readFileSync(sidebarFile, 'utf8')) as DefaultTheme.SidebarItem[]).map((group) => ({ ...group, collapsed: true }))
  : [];

export default defineConfig({
  title: '微信支付 APIv3',
  description: 'WeChat Pay APIv3 TypeScript SDK',
  lang: 'zh-CN',
  srcDir,
  // The site is built offline: no external fonts, analytics or remote assets.
  head: [],
  lastUpdated: false,
  themeConfig: {
    nav: [{ text: '接口列表', link: '/' }],
    sidebar,
    outline: [2, 3],
    search: { provider: 'local' },
  },
});

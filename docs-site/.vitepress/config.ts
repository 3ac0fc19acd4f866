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

/** The default theme's interface strings, in the pages' language. */
const chineseLabels: DefaultTheme.Config = {
  outline: { level: [2, 3], label: '本页目录' },
  docFooter: { prev: '上一页', next: '下一页' },
  lastUpdated: { text: '最后更新于' },
  darkModeSwitchLabel: '外观',
  lightModeSwitchTitle: '切换到浅色模式',
  darkModeSwitchTitle: '切换到深色模式',
  sidebarMenuLabel: '菜单',
  returnToTopLabel: '回到顶部',
  langMenuLabel: '切换语言',
  skipToContentLabel: '跳到正文',
  notFound: {
    title: '页面未找到',
    quote: '这个地址没有对应的接口页面，可以从接口列表重新查找。',
    linkLabel: '返回接口列表',
    linkText: '返回接口列表',
  },
};

const searchTranslations = {
  button: { buttonText: '搜索接口', buttonAriaLabel: '搜索接口' },
  modal: {
    displayDetails: '显示详细列表',
    resetButtonTitle: '清除查询条件',
    backButtonTitle: '关闭搜索',
    noResultsText: '没有找到相关结果',
    footer: {
      selectText: '选择',
      selectKeyAriaLabel: '回车键',
      navigateText: '切换',
      navigateUpKeyAriaLabel: '上方向键',
      navigateDownKeyAriaLabel: '下方向键',
      closeText: '关闭',
      closeKeyAriaLabel: 'Esc 键',
    },
  },
};

export default defineConfig({
  title: '微信支付 APIv3',
  description: 'WeChat Pay APIv3 TypeScript SDK',
  lang: 'zh-CN',
  srcDir,
  // The favicon lives beside the configuration, not in the generated pages.
  vite: { publicDir: fileURLToPath(new URL('../public/', import.meta.url)) },
  // The site is built offline: no external fonts, analytics or remote assets.
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  lastUpdated: false,
  markdown: { codeCopyButtonTitle: '复制代码' },
  themeConfig: {
    ...chineseLabels,
    logo: '/favicon.svg',
    nav: [{ text: '接口列表', link: '/' }],
    sidebar,
    search: { provider: 'local', options: { translations: searchTranslations } },
  },
});

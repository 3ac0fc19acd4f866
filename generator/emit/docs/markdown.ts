/**
 * Escaping for text from the spec that lands in VitePress markdown. VitePress compiles every
 * page as a Vue template, so besides markdown's own syntax, `{{`, `<` and `{...}` attribute
 * blocks (markdown-it-attrs) in descriptions would change or break the page.
 */

/** Text inside a table cell: one line, no column breaks, no HTML, no Vue interpolation. */
export function tableCell(text: string): string {
  return inlineText(text).replace(/\|/g, '\\|');
}

const INLINE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
  '\r\n': '<br/>',
  '\n': '<br/>',
};

/** Text in a paragraph or heading (one pass: pages of the whole corpus hold ~100k cells). */
export function inlineText(text: string): string {
  return text.trim().replace(/[&<>{}]|\r?\n/g, (match) => INLINE_ESCAPES[match] ?? match);
}

/**
 * A front matter value: a double-quoted YAML scalar on one line. VitePress copies front matter into
 * the page's `<script setup>` as JSON without escaping it, where `</script>` would end the block:
 * `<` is written as the full-width `＜`, which reads the same.
 */
export function yamlString(text: string): string {
  return JSON.stringify(
    text
      .replace(/\s*\r?\n\s*/g, ' ')
      .trim()
      .replace(/</g, '\uff1c'),
  );
}

/** Inline code that survives any backticks inside. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Inline code inside a table cell: only the column separator needs escaping there. */
export function tableCode(text: string): string {
  return inlineCode(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text that VitePress puts into the page as HTML (sidebar entries): markup characters as entities. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (match) => HTML_ESCAPES[match] ?? match);
}

/**
 * A link destination from the spec: http(s) only (a `javascript:` link would run in the docs site),
 * percent-encoded so that no character can leave the link. `undefined` when it cannot be a link.
 */
export function linkDestination(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return encodeURI(url).replace(/[()<>{}'"]/g, (match) => `%${match.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    // A lone surrogate has no percent-encoding.
    return undefined;
  }
}

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

/** A front matter value: a double-quoted YAML scalar on one line. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/\s*\r?\n\s*/g, ' ').trim());
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

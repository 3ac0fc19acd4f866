/**
 * Generator fuzz test (hardening items 13 and 14): hostile text in every field text reaches. The run
 * must either stop with diagnostics (exit 1, no stack trace) or write declarations that type-check
 * and docs pages in which no text escapes its markdown/HTML context.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeCheck } from '../emit/types/compile.ts';
import { specTree } from '../load/helpers.ts';
import { HOSTILE, hostileSpecs } from './hostile-specs.ts';
import { runGenerator as generate } from './run-generator.ts';

const scratch = mkdtempSync(join(tmpdir(), 'generate-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


/** Markdown outside fenced blocks and code spans: where raw HTML or Vue syntax would take effect. */
function proseOf(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^```[\s\S]*?^```$/gm, '')
    .replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
}

describe('hostile text in every field', () => {
  const spec = specTree(hostileSpecs());
  const out = join(scratch, 'out');
  let strict: Awaited<ReturnType<typeof generate>>;
  let lenient: Awaited<ReturnType<typeof generate>>;

  beforeAll(async () => {
    strict = await generate('--spec', spec, '--out', join(scratch, 'strict'));
    lenient = await generate('--spec', spec, '--out', out, '--keep-going');
  }, 60_000);

  it('without --keep-going: diagnostics (file:line:col) and exit 1, or output; never an internal error', () => {
    expect([0, 1]).toContain(strict.code);
    if (strict.code === 1) expect(strict.stderr).toMatch(/^v3\/hostile\/op\d+\.yaml:\d+:\d+: error /m);
    expect(strict.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('with --keep-going: writes declarations that type-check', () => {
    expect(lenient.code).toBe(0);
    const declarations = readFileSync(join(out, 'dist/openapi.d.ts'), 'utf8');
    expect(declarations).toContain("'v3/hostile/op0'");
    expect(typeCheck({ 'openapi.d.ts': declarations })).toEqual([]);
  });

  it('with --keep-going: docs pages hold the text only escaped', () => {
    const pages = readdirSync(join(out, 'docs'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(HOSTILE.length);
    for (const page of pages) {
      const markdown = readFileSync(join(page.parentPath, page.name), 'utf8');
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
      // Front matter reaches a <script setup> block as JSON.
      expect(frontMatter, page.name).not.toMatch(/<\/?script/i);
      const prose = proseOf(markdown);
      // The only raw tags are the templates' own: line breaks, table wrappers, member names; no Vue interpolation outside code.
      const templateTags = /<br\/>|<div class="(?:field|error)-table">|<\/div>|<\/?code>|<wbr>/g;
      expect(prose.replace(templateTags, ''), page.name).not.toMatch(/<[A-Za-z/!]/);
      expect(prose, page.name).not.toContain('{{');
    }
    const sidebar = readFileSync(join(out, 'docs/sidebar.json'), 'utf8');
    expect(sidebar).not.toMatch(/<[A-Za-z/!]/);
  });
});

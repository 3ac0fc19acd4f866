import { describe, expect, it } from 'vitest';
import { parseBlockYaml } from '../../generator/load/fast-yaml.ts';
import { parseYaml } from '../../generator/load/source.ts';
import { parseWithLibrary, toPlain, type YNode } from '../../generator/load/yaml-tree.ts';

/** Snippets in the subset the fast parser handles; each must read exactly as `yaml` reads it. */
const SUBSET: Record<string, string> = {
  'nested maps and sequences': 'get:\n  tags:\n    - a\n    - b\n  parameters:\n    - name: x\n      in: path\n',
  'sequence at its key\'s indentation': 'required:\n- a\n- b\nnext: 1\n',
  'core scalars, timestamps stay text': 'a: 2025.07.25\nb: 200\nc: 1.5\nd: true\ne: ~\nf: null\ng: -3\nh: 0x1f\ni: 1e3\nj: .inf\nk: abc\nl:\n',
  'quoted scalars and keys': `'200':\n  a: 'it''s'\n  b: "tab\\t \\"q\\" \\u4e2d"\n  c: '#not a comment'\n`,
  'comments everywhere': '# head\na: 1 # trailing\n  # indented comment\nb:\n  # before\n  - x # item\n',
  'flow sequences and empty maps': 'a: [one, "two", \'three\', 4]\nb: []\nc: {}\n',
  'literal block scalars': 'a: |\n  line 1\n\n  line 2\nb: |-\n  kept\n    indented\nc: 1\n',
  'plain text with colons and hashes': 'url: https://pay.weixin.qq.com/doc#x\nlink: \'[官方文档](https://x.y/z)\'\n',
  'duplicate keys are kept in order': 'get: 1\nget: 2\n',
  'CRLF line ends': 'a:\r\n  b: 1\r\n',
};

/** Outside the subset: the fast parser declines and `yaml` reads it. */
const OUTSIDE: Record<string, string> = {
  'multi-line plain scalar': 'a: one\n  two\n',
  'folded block scalar': 'a: >\n  one\n  two\n',
  anchors: 'a: &x 1\nb: *x\n',
  'flow mapping': 'a: { b: 1 }\n',
  'document marker': '---\na: 1\n',
};

function comparable(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value === null ? null : [node.value, node.offset];
  if (node.kind === 'seq') return [node.offset, node.items.map(comparable)];
  return [node.offset, node.pairs.map((pair) => [pair.key, pair.keyOffset, comparable(pair.value)])];
}

describe('spec YAML parsing', () => {
  it.each(Object.entries(SUBSET))('fast path reads %s like yaml (values and offsets)', (_name, text) => {
    const fast = parseBlockYaml(text);
    const library = parseWithLibrary(text);
    expect(fast).toBeDefined();
    expect(library.ok).toBe(true);
    if (fast && library.ok) expect(comparable(fast)).toEqual(comparable(library.root));
  });

  it.each(Object.entries(OUTSIDE))('falls back to yaml for %s', (_name, text) => {
    expect(parseBlockYaml(text)).toBeUndefined();
    const parsed = parseYaml(text);
    expect(parsed.ok).toBe(true);
    expect(parsed).toEqual(parseWithLibrary(text));
  });

  it('keeps a date-like x-last-updated-at as text', () => {
    const parsed = parseYaml('get:\n  x-last-updated-at: 2025.07.25\n');
    expect(parsed.ok && toPlain(parsed.root)).toEqual({ get: { 'x-last-updated-at': '2025.07.25' } });
  });
});

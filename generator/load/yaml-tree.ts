import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { parseBlockYaml } from './fast-yaml.ts';

/**
 * The loader's own YAML tree: plain data plus the source offset of every node, so diagnostics can
 * point at the exact node while line:col is only computed when a diagnostic is emitted.
 * Duplicate keys are kept (in order) so the loader can report them itself.
 */
export type YNode = YScalar | YMap | YSeq;

export interface YScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  offset: number;
}

export interface YPair {
  key: string;
  keyOffset: number;
  value: YNode;
}

export interface YMap {
  kind: 'map';
  pairs: YPair[];
  offset: number;
}

export interface YSeq {
  kind: 'seq';
  items: YNode[];
  offset: number;
}

export interface YamlSyntaxError {
  offset: number;
  message: string;
}

export type ParsedYaml = { ok: true; root: YNode } | { ok: false; errors: YamlSyntaxError[] };

/**
 * Parses one spec file. The common block-style subset goes through a fast dedicated parser
 * (the `yaml` library alone costs about 1 s on the corpus); anything outside that subset, and
 * every syntax error, is handled by `yaml` itself with the core schema (no timestamps).
 */
export function parseYaml(text: string): ParsedYaml {
  const fast = parseBlockYaml(text);
  if (fast) return { ok: true, root: fast };
  return parseWithLibrary(text);
}

/**
 * `yaml`, loaded on first use: the specs seldom need it (no file of the public corpus does), and
 * loading it costs ~65 ms before the first file could be read.
 */
let library: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  library ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return library;
}

/** The reference parse, also used by tests to check the fast path against it. */
export function parseWithLibrary(text: string): ParsedYaml {
  const doc = yaml().parseDocument(text, { schema: 'core', uniqueKeys: false });
  if (doc.errors.length > 0) {
    // `yaml` appends its own "at line L, column C:" and a source excerpt; the diagnostic has both already.
    const message = (text: string): string => (text.split('\n')[0] ?? text).replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, errors: doc.errors.map((error) => ({ offset: error.pos[0], message: message(error.message) })) };
  }
  return { ok: true, root: convert(doc, doc.contents, 0) };
}

function convert(doc: Document, node: unknown, fallbackOffset: number): YNode {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  if (isAlias(node)) return convert(doc, node.resolve(doc), node.range?.[0] ?? fallbackOffset);
  const offset = (node as Node | null)?.range?.[0] ?? fallbackOffset;
  if (isMap(node)) {
    const pairs: YPair[] = node.items.map((pair) => {
      const keyNode = pair.key as Node | null;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      return { key, keyOffset, value: convert(doc, pair.value, keyOffset) };
    });
    return { kind: 'map', pairs, offset };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => convert(doc, item, offset)), offset };
  if (isScalar(node)) {
    const value = node.value;
    const plain = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return { kind: 'scalar', value: plain ? value : String(value), offset };
  }
  return { kind: 'scalar', value: null, offset };
}

/** Plain JavaScript value of a node (for `example`, `default`), like `yaml`'s `toJS()`. */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const result: Record<string, unknown> = {};
      // defineProperty: a `__proto__` key is data, not the object's prototype.
      for (const pair of node.pairs) Object.defineProperty(result, pair.key, { value: toPlain(pair.value), enumerable: true, writable: true, configurable: true });
      return result;
    }
  }
}

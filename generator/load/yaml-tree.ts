import { createRequire } from 'node:module';
import type { Alias, Document, Node } from 'yaml';

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

interface YamlSyntaxError {
  offset: number;
  message: string;
  /** The diagnostic code, `YAML_SYNTAX` unless given. */
  code?: string;
}

export type ParsedYaml = { ok: true; root: YNode } | { ok: false; errors: YamlSyntaxError[] };

/**
 * `yaml`, loaded on first use: the specs seldom need it (no file of the public corpus does), and
 * loading it would delay the first file on every run.
 */
let library: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  library ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return library;
}

/**
 * Nodes that aliases may add to one file's tree in all: a spec reuses a node a few times at most,
 * while a billion-laughs file would expand to billions.
 */
const MAX_ALIAS_NODES = 10_000;

/** An alias the loader refuses to expand. */
class AliasError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The reference parse (the `yaml` library, core schema, no timestamps), also used by tests to check the fast path. */
export function parseWithLibrary(text: string): ParsedYaml {
  const doc = yaml().parseDocument(text, { schema: 'core', uniqueKeys: false });
  if (doc.errors.length > 0) {
    // `yaml` appends its own "at line L, column C:" and a source excerpt; the diagnostic has both already.
    const message = (text: string): string => (text.split('\n')[0] ?? text).replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      errors: doc.errors.map((error) => ({ offset: error.pos[0], message: message(error.message) })),
    };
  }
  try {
    return { ok: true, root: new TreeBuilder(doc).convert(doc.contents, 0) };
  } catch (error) {
    if (!(error instanceof AliasError)) throw error;
    return { ok: false, errors: [{ offset: error.offset, message: error.message, code: 'YAML_ALIAS' }] };
  }
}

/** The loader's tree of a `yaml` document, aliases expanded within MAX_ALIAS_NODES and never into themselves. */
class TreeBuilder {
  /** The aliases being expanded, innermost last, with their targets. */
  private readonly expanding: { alias: Alias; target: unknown }[] = [];
  private aliasNodes = 0;

  constructor(private readonly doc: Document) {}

  convert(node: unknown, fallbackOffset: number): YNode {
    const { isAlias, isMap, isScalar, isSeq } = yaml();
    if (isAlias(node)) return this.expand(node, fallbackOffset);
    if (this.expanding.length > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      const outermost = this.expanding[0]!.alias;
      throw new AliasError(
        outermost.range?.[0] ?? fallbackOffset,
        `aliases expand to more than ${MAX_ALIAS_NODES} nodes; write the repeated node out or use a \`$ref\``,
      );
    }
    const offset = (node as Node | null)?.range?.[0] ?? fallbackOffset;
    if (isMap(node)) {
      const pairs: YPair[] = node.items.map((pair) => {
        const keyNode = pair.key as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? offset;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        return { key, keyOffset, value: this.convert(pair.value, keyOffset) };
      });
      return { kind: 'map', pairs, offset };
    }
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => this.convert(item, offset)), offset };
    if (isScalar(node)) {
      const value = node.value;
      const plain =
        value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      return { kind: 'scalar', value: plain ? value : String(value), offset };
    }
    return { kind: 'scalar', value: null, offset };
  }

  private expand(alias: Alias, fallbackOffset: number): YNode {
    const offset = alias.range?.[0] ?? fallbackOffset;
    const target = alias.resolve(this.doc);
    if (target === undefined) throw new AliasError(offset, `alias \`*${alias.source}\` names no anchor before it`);
    if (this.expanding.some((outer) => outer.target === target)) {
      throw new AliasError(offset, `alias \`*${alias.source}\` refers to a node that contains it`);
    }
    this.expanding.push({ alias, target });
    try {
      return this.convert(target, offset);
    } finally {
      this.expanding.pop();
    }
  }
}

/** Plain JavaScript value of a node (for `example`, `default`), like `yaml`'s `toJS()`. */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      // fromEntries defines data properties: a `__proto__` key is data, not the object's prototype.
      return Object.fromEntries(node.pairs.map((pair) => [pair.key, toPlain(pair.value)]));
  }
}

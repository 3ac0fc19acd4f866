import type { SourceLocation } from '../model/types.ts';
import { parseBlockYaml } from './fast-yaml.ts';
import { parseWithLibrary, type ParsedYaml, type YScalar } from './yaml-tree.ts';

/** One parsed spec file. Line starts are computed only when a diagnostic needs a line:col. */
export class SpecFile {
  readonly parsed: ParsedYaml;
  private lineStarts: number[] | undefined;

  constructor(
    /** Relative to the spec root, `/`-separated. */
    readonly path: string,
    readonly text: string,
    /** What diagnostics call the file: its path, prefixed with its root when there are several roots. */
    readonly shownAs: string = path,
  ) {
    this.parsed = parseYaml(text);
  }

  location(offset: number): SourceLocation {
    // Most operations start the file: no need to index its lines for them.
    if (offset === 0) return { file: this.shownAs, line: 1, col: 1 };
    this.lineStarts ??= computeLineStarts(this.text);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.shownAs, line: low + 1, col: offset - (starts[low] ?? 0) + 1 };
  }

  /** The scalar as written (so `2020.10` is not read back as the number 2020.1). */
  rawScalar(node: YScalar): string {
    if (typeof node.value === 'string') return node.value;
    const lineEnd = this.text.indexOf('\n', node.offset);
    const rest = this.text.slice(node.offset, lineEnd === -1 ? undefined : lineEnd);
    return (
      rest
        .replace(/\s+#.*$/, '')
        .replace(/[\s,\]]*$/, '')
        .trim() || String(node.value)
    );
  }
}

/**
 * Parses one spec file. The block-style subset the specs are written in goes through a fast
 * dedicated parser (the `yaml` library alone costs seconds on the corpus); anything outside that
 * subset, and every syntax error, is handled by `yaml` itself.
 */
export function parseYaml(text: string): ParsedYaml {
  const fast = parseBlockYaml(text);
  return fast ? { ok: true, root: fast } : parseWithLibrary(text);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

import type { Reporter } from './report.ts';
import type { SpecFile } from './source.ts';
import { didYouMean } from './suggest.ts';
import type { YMap, YNode, YPair } from './yaml-tree.ts';

/** Reads the values of known keys: a wrong value is reported where it is written and read as absent. */
export class ValueReader {
  constructor(private readonly reporter: Reporter) {}

  /** A scalar as written (`2020.10` stays text); `undefined` when absent or empty. */
  text(file: SpecFile, pair: YPair | undefined): string | undefined {
    if (!pair) return undefined;
    const node = pair.value;
    if (node.kind === 'scalar') return node.value === null ? undefined : file.rawScalar(node);
    const got = node.kind === 'seq' ? 'a list' : 'a mapping';
    this.reporter.invalidValue(file, node.offset, `\`${pair.key}\` must be text, got ${got}`);
    return undefined;
  }

  flag(file: SpecFile, pair: YPair | undefined): boolean | undefined {
    if (!pair) return undefined;
    if (pair.value.kind === 'scalar' && typeof pair.value.value === 'boolean') return pair.value.value;
    this.reporter.invalidValue(file, pair.value.offset, `\`${pair.key}\` must be true or false`);
    return undefined;
  }

  /** The items of a list; an empty value is an empty list. */
  list(file: SpecFile, node: YNode, message: string): YNode[] {
    if (node.kind === 'seq') return node.items;
    if (node.kind === 'scalar' && node.value === null) return [];
    this.reporter.invalidValue(file, node.offset, message);
    return [];
  }

  /** The node if it is a mapping; anything else is reported with `message` and read as absent. */
  map(file: SpecFile, node: YNode, message: string): YMap | undefined {
    if (node.kind === 'map') return node;
    this.reporter.invalidValue(file, node.offset, message);
    return undefined;
  }

  /**
   * A key the construct does not know (`what`: `operation key`, `event key`), with the known key it
   * likely misspells; `listKnown` names every known key.
   */
  unknownKey(file: SpecFile, pair: YPair, what: string, known: ReadonlySet<string>, listKnown = false): void {
    const list = listKnown ? ` (${[...known].join(', ')})` : '';
    const message = `unknown ${what} \`${pair.key}\`${list}${didYouMean(pair.key, known)}`;
    this.reporter.invalid(file, pair.keyOffset, 'UNKNOWN_KEY', message);
  }

  /** The pairs of a mapping by key, a repeated key's last; the keys the construct does not know are reported. */
  knownKeys(
    file: SpecFile,
    map: YMap,
    what: string,
    known: ReadonlySet<string>,
    listKnown = false,
  ): Map<string, YPair> {
    const keys = new Map<string, YPair>();
    for (const pair of map.pairs) {
      if (known.has(pair.key)) keys.set(pair.key, pair);
      else this.unknownKey(file, pair, what, known, listKnown);
    }
    return keys;
  }
}

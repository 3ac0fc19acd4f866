import type { Reporter } from './report.ts';
import type { SpecFile } from './source.ts';
import { didYouMean } from './suggest.ts';
import type { YNode, YPair } from './yaml-tree.ts';

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
  list(file: SpecFile, node: YNode, what: string): YNode[] {
    if (node.kind === 'seq') return node.items;
    if (node.kind === 'scalar' && node.value === null) return [];
    this.reporter.invalidValue(file, node.offset, `${what} must be a list`);
    return [];
  }

  /** A key the construct (`operation`, `response`, ...) does not know, with the known key it likely misspells. */
  unknownKey(file: SpecFile, pair: YPair, construct: string, known: Iterable<string>): void {
    const message = `unknown ${construct} key \`${pair.key}\`${didYouMean(pair.key, known)}`;
    this.reporter.invalid(file, pair.keyOffset, 'UNKNOWN_KEY', message);
  }
}

import { compareText, type Diagnostic } from '../model/types.ts';
import type { SpecFile } from './source.ts';

/** A diagnostic at a raw offset, converted to line:col at the end. */
type Pending = Omit<Diagnostic, 'location'> & { file: SpecFile; offset: number };

/** What loading one part reported (its shared definitions' problems too) and the `$ref` files it read. */
export interface Trace {
  diagnostics: Pending[];
  files: Map<string, SpecFile[]>;
}

/**
 * Collects diagnostics with raw offsets and converts them to line:col at the end. A shared
 * definition reached from many operations reports each problem once (same file, offset, code).
 */
export class Reporter {
  private readonly pending: Pending[] = [];
  private readonly seen = new Set<string>();
  private readonly traces: Trace[] = [];

  constructor(private readonly keepGoing: boolean) {}

  /** Invalid input: an `error`, or a `warning` when the caller asked to keep going past broken nodes. */
  invalid(file: SpecFile, offset: number, code: string, message: string): void {
    this.add({ severity: this.keepGoing ? 'warning' : 'error', code, message, file, offset });
  }

  /** The most common invalid input: a value of the wrong shape, read as absent, degraded or skipped. */
  invalidValue(file: SpecFile, offset: number, message: string): void {
    this.invalid(file, offset, 'INVALID_VALUE', message);
  }

  /** A key written twice in one mapping (`what`: `key`, `property`). */
  duplicate(file: SpecFile, offset: number, what: string, name: string): void {
    this.invalid(file, offset, 'DUPLICATE_KEY', `duplicate ${what} \`${name}\`; the last one wins`);
  }

  /** Survivable oddities that never fail a build. */
  warning(file: SpecFile, offset: number, code: string, message: string): void {
    this.add({ severity: 'warning', code, message, file, offset });
  }

  /** `load()`, and what it reported and read, deduplicated diagnostics included, to replay when its result is reused. */
  trace<T>(load: () => T): [T, Trace] {
    const trace: Trace = { diagnostics: [], files: new Map() };
    this.traces.push(trace);
    try {
      return [load(), trace];
    } finally {
      this.traces.pop();
    }
  }

  replay(trace: Trace): void {
    for (const entry of trace.diagnostics) this.add(entry);
    for (const [path, layers] of trace.files) this.read(path, layers);
  }

  /** A `$ref` file, as the layers that supplied it: a reused result holds only while they are the same. */
  read(path: string, layers: SpecFile[]): void {
    for (const trace of this.traces) trace.files.set(path, layers);
  }

  private add(entry: Pending): void {
    for (const trace of this.traces) trace.diagnostics.push(entry);
    const key = `${entry.file.shownAs}\0${entry.offset}\0${entry.code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push(entry);
  }

  /** Sorted by file (code-unit order), line, column. */
  diagnostics(): Diagnostic[] {
    return this.pending
      .map(({ file, offset, ...diagnostic }) => ({ ...diagnostic, location: file.location(offset) }))
      .sort(
        (a, b) =>
          compareText(a.location.file, b.location.file) ||
          a.location.line - b.location.line ||
          a.location.col - b.location.col ||
          compareText(a.code, b.code),
      );
  }
}

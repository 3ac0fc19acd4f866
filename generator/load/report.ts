import { compareText, type Diagnostic, type Severity } from '../model/types.ts';
import type { SpecFile } from './source.ts';

interface Pending {
  severity: Severity;
  code: string;
  message: string;
  file: SpecFile;
  offset: number;
}

/**
 * Collects diagnostics with raw offsets and converts them to line:col at the end. A shared
 * definition reached from many operations reports each problem once (same file, offset, code).
 */
export class Reporter {
  private readonly pending: Pending[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly keepGoing: boolean) {}

  /** Invalid input: an `error`, or a `warning` when the caller asked to keep going past broken nodes. */
  invalid(file: SpecFile, offset: number, code: string, message: string): void {
    this.add(this.keepGoing ? 'warning' : 'error', file, offset, code, message);
  }

  /** The most common invalid input: a value of the wrong shape, read as absent, degraded or skipped. */
  invalidValue(file: SpecFile, offset: number, message: string): void {
    this.invalid(file, offset, 'INVALID_VALUE', message);
  }

  /** Survivable oddities that never fail a build. */
  warning(file: SpecFile, offset: number, code: string, message: string): void {
    this.add('warning', file, offset, code, message);
  }

  private add(severity: Severity, file: SpecFile, offset: number, code: string, message: string): void {
    const key = `${file.shownAs}\0${offset}\0${code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ severity, code, message, file, offset });
  }

  /** Sorted by file (code-unit order), line, column. */
  diagnostics(): Diagnostic[] {
    return this.pending
      .map((entry) => ({
        severity: entry.severity,
        code: entry.code,
        message: entry.message,
        location: entry.file.location(entry.offset),
      }))
      .sort(
        (a, b) =>
          compareText(a.location.file, b.location.file) ||
          a.location.line - b.location.line ||
          a.location.col - b.location.col ||
          compareText(a.code, b.code),
      );
  }
}

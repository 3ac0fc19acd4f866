import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter } from './report.ts';
import { SpecFile } from './source.ts';

/** Reads and parses each spec file once, whether it holds operations or is a `$ref` target. */
export class FileStore {
  private readonly files = new Map<string, SpecFile | undefined>();

  constructor(
    private readonly root: string,
    private readonly reporter: Reporter,
  ) {}

  /** `undefined` when the file cannot be read; a file with YAML errors is reported once and returned. */
  get(path: string): SpecFile | undefined {
    if (this.files.has(path)) return this.files.get(path);
    let text: string | undefined;
    try {
      text = readFileSync(join(this.root, path), 'utf8');
    } catch {
      text = undefined;
    }
    return this.add(path, text);
  }

  /** Parses a file whose text was read ahead (`undefined`: it could not be read). */
  add(path: string, text: string | undefined): SpecFile | undefined {
    // A `$ref` may have reached this file before its turn came.
    if (this.files.has(path)) return this.files.get(path);
    const file = text === undefined ? undefined : new SpecFile(path, text);
    // Later YAML errors are mostly consequences of the first one: report that one only.
    const firstError = file && !file.parsed.ok ? file.parsed.errors[0] : undefined;
    if (file && firstError) this.reporter.error(file, firstError.offset, 'YAML_SYNTAX', firstError.message);
    this.files.set(path, file);
    return file;
  }
}

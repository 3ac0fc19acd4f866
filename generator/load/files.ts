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
    let file: SpecFile | undefined;
    try {
      file = new SpecFile(path, readFileSync(join(this.root, path), 'utf8'));
    } catch {
      file = undefined;
    }
    // Later YAML errors are mostly consequences of the first one: report that one only.
    const firstError = file && !file.parsed.ok ? file.parsed.errors[0] : undefined;
    if (file && firstError) this.reporter.error(file, firstError.offset, 'YAML_SYNTAX', firstError.message);
    this.files.set(path, file);
    return file;
  }
}

import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Reporter } from './report.ts';
import { SpecFile } from './source.ts';

/** Reads and parses spec files; each `$ref` target is parsed once and kept. */
export class FileStore {
  private readonly targets = new Map<string, SpecFile | undefined>();
  /** Paths whose real location (symlinks resolved) lies outside the spec root: never read. */
  private readonly escaping = new Set<string>();
  private realRoot: string | undefined;

  constructor(
    private readonly root: string,
    private readonly reporter: Reporter,
  ) {}

  /** A `$ref` target, cached. `undefined` when the file cannot be read; YAML errors are reported once. */
  get(path: string): SpecFile | undefined {
    if (this.targets.has(path)) return this.targets.get(path);
    const file = this.parse(path);
    this.targets.set(path, file);
    return file;
  }

  /**
   * An operation file. It is not kept, so its tree can be collected once its operations are
   * built (which keeps garbage collection cheap), unless a `$ref` has already cached it.
   */
  open(path: string): SpecFile | undefined {
    return this.targets.has(path) ? this.targets.get(path) : this.parse(path);
  }

  /** Whether `path` was refused because a symlink leads it out of the spec root. */
  escapes(path: string): boolean {
    return this.escaping.has(path);
  }

  private parse(path: string): SpecFile | undefined {
    let text: string;
    try {
      // A symlink under the root must not let a `$ref` read a file elsewhere on the machine.
      this.realRoot ??= realpathSync(this.root);
      const real = realpathSync(join(this.root, path));
      const inside = relative(this.realRoot, real);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`)) {
        this.escaping.add(path);
        return undefined;
      }
      text = readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
    const file = new SpecFile(path, text);
    // Later YAML errors are mostly consequences of the first one: report that one only.
    const firstError = file.parsed.ok ? undefined : file.parsed.errors[0];
    if (firstError)
      this.reporter.invalid(file, firstError.offset, firstError.code ?? 'YAML_SYNTAX', firstError.message);
    return file;
  }
}

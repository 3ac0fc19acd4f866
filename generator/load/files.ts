import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Reporter } from './report.ts';
import { SpecFile } from './source.ts';

/** A file parsed by an earlier load, and its identity, size and times on disk when it was read (if not recent). */
export interface ParsedFile {
  file: SpecFile;
  stamp: string | undefined;
}

const RECENT_MS = 2000;

/**
 * The folders (`folder` first) and files under `root/folder`, as paths relative to `root` joined by
 * `/`; `undefined` when `folder` cannot be read. The loader lists spec files and the watcher the
 * folders to watch with this one walk: a symlink is neither a file nor a folder here, so none is
 * followed, and an unreadable subfolder is skipped.
 */
export function listTree(root: string, folder: string): { folders: string[]; files: string[] } | undefined {
  const tree = { folders: [] as string[], files: [] as string[] };
  const walk = (relative: string): boolean => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return false;
    }
    tree.folders.push(relative);
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) tree.files.push(child);
    }
    return true;
  };
  return walk(folder) ? tree : undefined;
}

/**
 * Reads and parses spec files from one or more spec roots; a later root overrides an earlier one
 * file by file. Each `$ref` target is parsed once and kept.
 */
export class FileStore {
  private readonly targets = new Map<string, SpecFile[]>();
  /** Paths whose real location (symlinks resolved) lies outside their spec root: never read. */
  private readonly escaping = new Set<string>();
  private readonly realRoots = new Map<string, string>();
  /** Per root, the files found by walking its folders, which follows no symlink: they lie inside it without realpath. */
  readonly listed = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly roots: readonly string[],
    private readonly reporter: Reporter,
    /** Files parsed by earlier loads, by path on disk: reused while their text is unchanged. */
    private readonly parsed?: Map<string, ParsedFile>,
  ) {}

  /** Whether there are several roots to pick from. */
  get layered(): boolean {
    return this.roots.length > 1;
  }

  /** A `$ref` target from the last root that has it, cached. `undefined` when no root has a readable file. */
  get(path: string): SpecFile | undefined {
    return this.layers(path).at(-1);
  }

  /** The file at `path` in every root that has it, earliest root first, cached: per-definition overrides pick among them. */
  layers(path: string): SpecFile[] {
    const layers = this.targets.get(path) ?? this.roots.flatMap((root) => this.parse(root, path) ?? []);
    this.targets.set(path, layers);
    this.reporter.read(path, layers);
    return layers;
  }

  /**
   * An operation file, from the last root that has it; reported when none can be read. It is not
   * kept, so its tree can be collected once its operations are built (which keeps garbage
   * collection cheap), unless a `$ref` has already cached it.
   */
  open(path: string): SpecFile | undefined {
    const cached = this.targets.get(path);
    if (cached) return cached.at(-1);
    for (const root of this.roots.toReversed()) {
      const file = this.parse(root, path);
      if (file) return file;
    }
    this.reporter.invalid(new SpecFile(path, ''), 0, 'READ_ERROR', 'cannot read the file');
    return undefined;
  }

  /** Whether `path` was refused because a symlink leads it out of its spec root. */
  escapes(path: string): boolean {
    return this.escaping.has(path);
  }

  private parse(root: string, path: string): SpecFile | undefined {
    let text: string;
    let real: string;
    let kept: ParsedFile | undefined;
    let stamp: string | undefined;
    try {
      // A symlink under the root must not let a `$ref` read a file elsewhere on the machine.
      const realRoot = this.realRoots.get(root) ?? realpathSync.native(root);
      this.realRoots.set(root, realRoot);
      real = this.listed.get(root)?.has(path) ? join(realRoot, path) : realpathSync.native(join(root, path));
      const inside = relative(realRoot, real);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`)) {
        this.escaping.add(path);
        return undefined;
      }
      kept = this.parsed?.get(real);
      if (kept) {
        const stats = statSync(real);
        // A file changed within the file system's timestamp granularity may change again unseen: it is read every time.
        if (Date.now() - stats.ctimeMs > RECENT_MS)
          stamp = `${stats.ino} ${stats.size} ${stats.mtimeMs} ${stats.ctimeMs}`;
      }
      text = stamp !== undefined && kept?.stamp === stamp ? kept.file.text : readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
    // With several roots, a diagnostic must say which root supplied the file.
    const shownAs = this.roots.length > 1 ? `${root}/${path}` : path;
    const file =
      kept?.file.text === text && kept.file.path === path && kept.file.shownAs === shownAs
        ? kept.file
        : new SpecFile(path, text, shownAs);
    this.parsed?.set(real, { file, stamp });
    // Later YAML errors are mostly consequences of the first one: report that one only.
    const firstError = file.parsed.ok ? undefined : file.parsed.errors[0];
    if (firstError)
      this.reporter.invalid(file, firstError.offset, firstError.code ?? 'YAML_SYNTAX', firstError.message);
    return file;
  }
}

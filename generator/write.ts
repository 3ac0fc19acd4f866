import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { EmittedFile } from './emit/files.ts';
import { filesUnder } from './paths.ts';

/**
 * Replaces `outDir` with `files`: they are written to a staging sibling that then replaces it with
 * renames, so a failure half-way leaves the previous output untouched and readers never see a mix
 * of old and new files.
 */
export async function writeAtomically(outDir: string, files: readonly EmittedFile[]): Promise<void> {
  const target = resolve(outDir);
  const staging = `${target}.staging-${process.pid}`;
  const retired = `${target}.retired-${process.pid}`;
  removeAbandoned(target);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    writeFiles(staging, files);
    const hadPrevious = existsSync(target);
    if (hadPrevious) await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious) await rename(retired, target);
      throw error;
    }
    // Asynchronous: the thread pool removes the old files faster than one thread.
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Staging and retired directories of runs that were killed (their process is gone) are removed. */
function removeAbandoned(target: string): void {
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of siblings) {
    const [, base, pid] = /^(.*)\.(?:staging|retired)-(\d+)$/.exec(name) ?? [];
    if (base === basename(target) && Number(pid) !== process.pid && !isAlive(Number(pid)))
      rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `files` under `root`. Synchronous calls: for ~1000 small files they beat a thread-pool round trip per file. */
function writeFiles(root: string, files: readonly EmittedFile[]): void {
  for (const directory of new Set(files.map((file) => dirname(join(root, file.path)))))
    mkdirSync(directory, { recursive: true });
  // Scripts (the package's bins) are executable, as npm would make them on install.
  for (const file of files)
    writeFileSync(join(root, file.path), file.contents, { mode: file.contents.startsWith('#!') ? 0o755 : 0o644 });
}

/**
 * Brings `outDir` from `previous` (the files a run wrote there) to `files`: each new or changed file
 * is written beside its target and renamed over it, each dropped file is deleted with the folders it
 * leaves empty. Each file is replaced atomically, the tree as a whole once this returns.
 */
export function writeChanges(
  outDir: string,
  files: readonly EmittedFile[],
  previous: ReadonlyMap<string, string>,
): void {
  const changed = files.filter((file) => previous.get(file.path) !== file.contents);
  const temporary = `.${process.pid}.tmp`;
  writeFiles(
    outDir,
    changed.map((file) => ({ ...file, path: file.path + temporary })),
  );
  for (const file of changed) renameSync(join(outDir, file.path + temporary), join(outDir, file.path));
  const kept = new Set(files.map((file) => file.path));
  for (const path of previous.keys()) {
    if (kept.has(path)) continue;
    rmSync(join(outDir, path), { force: true });
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
      if (readdirSync(join(outDir, folder)).length > 0) break;
      rmdirSync(join(outDir, folder));
    }
  }
}

export interface StaleReport {
  /** Files whose contents on disk differ from what the specs produce. */
  changed: string[];
  /** Files the specs produce that are not on disk. */
  missing: string[];
  /** Files on disk the specs no longer produce. */
  extra: string[];
}

/** Compares `outDir` with `files` without writing anything (`--check`). */
export function findStaleFiles(outDir: string, files: readonly EmittedFile[]): StaleReport {
  const onDisk = new Set(existsSync(outDir) ? filesUnder(outDir) : []);
  const report: StaleReport = { changed: [], missing: [], extra: [] };
  for (const file of files) {
    if (!onDisk.delete(file.path)) report.missing.push(file.path);
    else if (readFileSync(join(outDir, file.path), 'utf8') !== file.contents) report.changed.push(file.path);
  }
  report.extra.push(...onDisk);
  for (const list of Object.values(report)) list.sort();
  return report;
}

import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { EmittedFile } from './emit/files.ts';
import { listTree } from './load/files.ts';
import type { LoadCache } from './load/index.ts';
import { writeAtomically, writeChanges } from './write.ts';

/** Editors write a file in several steps (truncate, write, rename): one run per burst of events. */
const DEBOUNCE_MS = 50;

/**
 * What the runs of one watch session share, so that a run after a one-file change does work in
 * proportion to it: folders are listed again only after an entry was added, removed or renamed,
 * spec files read only when their stat changed and parsed only when their text did, operations
 * rebuilt only when a file they read changed (their diagnostics replayed otherwise), units
 * re-emitted only when their model changed (emit/memo.ts), and only changed files written.
 *
 * The first run swaps the whole output in atomically; later runs replace each changed file
 * atomically and delete dropped ones, so a reader during a run may see files of two runs side by
 * side (swapping in a copy of the whole tree would cost more than the rest of the run). The session
 * trusts that nothing else edits the output between runs. A run with errors writes nothing.
 */
export class WatchSession {
  readonly cache: LoadCache = { parsed: new Map(), operations: new WeakMap(), endpoints: new Map() };
  /** What the last run wrote (path -> contents), unless a write failed midway. */
  private written: Map<string, string> | undefined;

  async write(outDir: string, files: readonly EmittedFile[]): Promise<void> {
    const previous = this.written;
    this.written = undefined;
    if (previous) writeChanges(outDir, files, previous);
    else await writeAtomically(outDir, files);
    this.written = new Map(files.map((file) => [file.path, file.contents]));
  }
}

/**
 * Runs `regenerate` now and again after every burst of changes under the spec roots, one run at
 * a time (a change during a run queues one more), until SIGINT or SIGTERM.
 */
export async function watchSpecs(
  roots: readonly string[],
  regenerate: (session: WatchSession) => Promise<number>,
): Promise<number> {
  const session = new WatchSession();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let queued = false;
  // Only an entry added, removed or renamed (a `rename` event) changes which files and folders there are.
  let renamed = true;
  const rerun = async (): Promise<void> => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    do {
      queued = false;
      // Before the run lists the files, so that a file written into a new folder meanwhile is seen.
      if (renamed) watchFolders();
      session.cache.listingHolds = !renamed;
      renamed = false;
      await regenerate(session);
    } while (queued);
    running = false;
  };
  // One watcher per folder, not Node 20's recursive watch on Linux, which stops reporting a file
  // once an editor saves it by renaming a new file over it.
  const watchers = new Map<string, FSWatcher>();
  const watchFolders = (): void => {
    // Every folder under each root, as the loader walks them (a missing root is reported by the run).
    const folders = new Set(
      roots.flatMap((root) => (listTree(root, '.')?.folders ?? []).map((folder) => join(root, folder))),
    );
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        watchers.set(
          folder,
          watch(folder, changed).on('error', () => changed('rename')),
        );
      } catch {
        // Removed since it was listed: the event of its removal has started a run.
      }
    }
  };
  const changed = (event: string): void => {
    renamed ||= event === 'rename';
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), DEBOUNCE_MS);
  };
  // Watching starts before the first run, so an edit made during it is not missed.
  await rerun();
  process.stdout.write(`watching ${roots.join(', ')} for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  return 0;
}

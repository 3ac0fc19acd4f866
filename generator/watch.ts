import { watch } from 'node:fs';

/** Editors write a file in several steps (truncate, write, rename): one run per burst of events. */
const DEBOUNCE_MS = 100;

/**
 * Runs `regenerate` now and again after every burst of changes under the spec roots, one run at
 * a time (a change during a run queues one more), until SIGINT or SIGTERM. Each run writes its
 * output atomically, so what is on disk is always one complete run's output.
 */
export async function watchSpecs(roots: readonly string[], regenerate: () => Promise<number>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let queued = false;
  const rerun = async (): Promise<void> => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    do {
      queued = false;
      await regenerate();
    } while (queued);
    running = false;
  };
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), DEBOUNCE_MS);
  };
  // Watching starts before the first run, so an edit made during it is not missed.
  const watchers = roots.map((root) => watch(root, { recursive: true }, changed));
  await rerun();
  process.stdout.write(`watching ${roots.join(', ')} for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  return 0;
}

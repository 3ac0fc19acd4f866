import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { EmitterResult } from './emit/companions.ts';
import { emitTypes } from './emit/types/index.ts';
import type { EmittedFile } from './emit/files.ts';
import { loadSpecs } from './load/index.ts';
import type { ApiModel, Diagnostic } from './model/types.ts';

export interface GenerateOptions {
  specDir: string;
  /** Per-operation errors become warnings; what is broken is degraded or skipped. */
  keepGoing?: boolean;
}

export interface GenerateResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
  /** Empty when any diagnostic is an error: nothing may be written then. */
  files: EmittedFile[];
  /** Milliseconds per stage, in pipeline order. */
  timings: Record<string, number>;
}

/** load specs -> intermediate model -> emitters; writing is the caller's last step. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };

  // Started first so that its start-up and imports overlap with loading.
  const companions = new CompanionEmitters();
  try {
    const { model, diagnostics } = await timed('load', () => loadSpecs(options.specDir, { keepGoing: options.keepGoing }));
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { model, diagnostics, files: [], timings };

    const [types, others] = await Promise.all([timed('types', () => emitTypes(model)), companions.emit(model)]);
    Object.assign(timings, others.timings);
    const files = [...types, ...others.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { model, diagnostics, files, timings };
  } finally {
    await companions.close();
  }
}

/** The emitters other than the types, on a worker thread: the machine has two cores and the types take one. */
class CompanionEmitters {
  readonly #worker = new Worker(new URL('./emit/worker-entry.mjs', import.meta.url));

  emit(model: ApiModel): Promise<EmitterResult> {
    return new Promise((resolve, reject) => {
      this.#worker.once('error', reject);
      this.#worker.once('message', (reply: { ok: true; result: EmitterResult } | { ok: false; message: string }) => {
        if (reply.ok) resolve(reply.result);
        else reject(new Error(reply.message));
      });
      this.#worker.postMessage(model);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

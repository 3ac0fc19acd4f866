import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './emit/worker.ts';
import type { EmittedFile } from './emit/files.ts';
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

/**
 * load specs -> intermediate model -> emitters; writing is the caller's last step.
 * The machine has two cores: a worker thread loads the specs and then runs the emitters that
 * need no compiler (request schemas, docs, package files), while this thread imports ts-morph
 * (the costliest import) and, once the model arrives, emits the types and the runtime.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const input: WorkerInput = { specDir: options.specDir, keepGoing: options.keepGoing ?? false };
  const worker = new Worker(new URL('./emit/worker-entry.mjs', import.meta.url), { workerData: input });
  const messages = workerMessages(worker);
  try {
    const typeEmitter = import('./emit/types/index.ts');
    const runtimeEmitter = import('./emit/runtime/index.ts');
    const loaded = await messages.next('model');
    const { model, diagnostics } = loaded;
    const timings: Record<string, number> = { load: loaded.loadMs };
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { model, diagnostics, files: [], timings };

    const typesStart = performance.now();
    const types = await (await typeEmitter).emitTypes(model);
    timings.types = performance.now() - typesStart;
    const runtimeStart = performance.now();
    const runtime = await (await runtimeEmitter).emitRuntime(model);
    timings.runtime = performance.now() - runtimeStart;
    const others = await messages.next('emitted');
    Object.assign(timings, others.result.timings);
    const files = [...types, ...runtime, ...others.result.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { model, diagnostics, files, timings };
  } finally {
    await worker.terminate();
  }
}

/** The worker's messages in order; a failure or a crash of the worker rejects the wait. */
function workerMessages(worker: Worker) {
  const queue: WorkerMessage[] = [];
  let waiting: { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure = error;
    waiting?.reject(error);
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'failed') return fail(new Error(message.message));
    if (waiting) waiting.resolve(message);
    else queue.push(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the emitter worker exited early (code ${code})`)));
  return {
    async next<K extends 'model' | 'emitted'>(kind: K): Promise<Extract<WorkerMessage, { kind: K }>> {
      const message =
        queue.shift() ??
        (await new Promise<WorkerMessage>((resolve, reject) => {
          if (failure) return reject(failure);
          waiting = { resolve, reject };
        }));
      waiting = undefined;
      if (message.kind !== kind) throw new Error(`expected the worker's ${kind} message, got ${message.kind}`);
      return message as Extract<WorkerMessage, { kind: K }>;
    },
  };
}

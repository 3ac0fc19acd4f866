import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './emit/worker.ts';
import type { EmittedFile } from './emit/files.ts';
import type { ApiModel, Diagnostic } from './model/types.ts';
import { writeFiles } from './write.ts';

export interface GenerateOptions {
  specDir: string;
  /** Per-operation errors become warnings; what is broken is degraded or skipped. */
  keepGoing?: boolean;
  /** The worker's script; by default the source's, which registers the TypeScript loader first. */
  workerEntry?: URL;
  /**
   * A (staging) directory that each thread writes its files into as soon as it has them, which
   * overlaps the writing with the other thread's work and spares handing contents between threads.
   * Nothing is written when any diagnostic is an error.
   */
  writeInto?: string;
}

export interface GenerateResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
  /** The emitted files; empty when any diagnostic is an error, or when they went to `writeInto`. */
  files: EmittedFile[];
  /** The path of every emitted file, sorted. */
  paths: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/**
 * load specs -> intermediate model -> emitters -> (optionally) the files written.
 * The machine has two cores: a worker thread loads the specs and then runs the emitters that
 * need no compiler (runtime, request schemas, docs, package files), while this thread imports
 * ts-morph (the costliest import) and, once the model arrives, emits the types.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const input: WorkerInput = { specDir: options.specDir, keepGoing: options.keepGoing ?? false, writeInto: options.writeInto };
  const workerEntry = options.workerEntry ?? new URL('./emit/worker-entry.mjs', import.meta.url);
  const worker = new Worker(workerEntry, { workerData: input });
  const messages = workerMessages(worker);
  try {
    const typeEmitter = import('./emit/types/index.ts');
    // Awaited below; this keeps a return on spec errors from leaving its failure unobserved.
    typeEmitter.catch(() => undefined);
    const loaded = await messages.next('model');
    const { model, diagnostics } = loaded;
    const timings: Record<string, number> = { load: loaded.loadMs };
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { model, diagnostics, files: [], paths: [], timings };

    const typesStart = performance.now();
    const ownFiles = await (await typeEmitter).emitTypes(model);
    timings.types = performance.now() - typesStart;
    if (options.writeInto) {
      const writeStart = performance.now();
      writeFiles(options.writeInto, ownFiles);
      timings.write = performance.now() - writeStart;
    }
    const others = await messages.next('emitted');
    Object.assign(timings, others.timings);
    const files = options.writeInto ? [] : [...ownFiles, ...others.files].sort(byPath);
    const paths = [...ownFiles.map((file) => file.path), ...others.paths].sort(compare);
    return { model, diagnostics, files, paths, timings };
  } finally {
    await worker.terminate();
  }
}

function byPath(a: EmittedFile, b: EmittedFile): number {
  return compare(a.path, b.path);
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The worker's messages in order; a failure or a crash of the worker rejects the wait. */
function workerMessages(worker: Worker) {
  const queue: WorkerMessage[] = [];
  let waiting: { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    // The first failure is the cause: a worker that reported its error exits afterwards.
    failure ??= error;
    waiting?.reject(failure);
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

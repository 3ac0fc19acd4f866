import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './emit/worker.ts';
import type { EmittedFile } from './emit/files.ts';
import { compareText, DiagnosticError, type ApiModel, type Diagnostic, type Endpoint } from './model/types.ts';
import type { TypeEmitter } from './emit/types/index.ts';
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
 * ts-morph (the costliest import), prepares the types of each endpoint as it arrives and, once
 * the whole model is there, prints them.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const input: WorkerInput = { specDir: options.specDir, keepGoing: options.keepGoing ?? false, writeInto: options.writeInto };
  const workerEntry = options.workerEntry ?? new URL('./emit/worker-entry.mjs', import.meta.url);
  // A small young generation keeps the loader's short-lived garbage in cache: the corpus loaded in
  // ~0.6 s with 4-8 MB against ~0.7 s with V8's default.
  const worker = new Worker(workerEntry, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const messages = workerMessages(worker);
  try {
    // Endpoints arrive while ts-morph is still loading; each is prepared for the types once the
    // emitter is there, so that little is left to do when the last one arrives.
    const received = new Map<string, Endpoint>();
    let typeEmitter: TypeEmitter | undefined;
    const typeEmitterReady = import('./emit/types/index.ts').then((module) => {
      typeEmitter = new module.TypeEmitter();
      for (const endpoint of received.values()) typeEmitter.prepare(endpoint);
      return typeEmitter;
    });
    // Awaited below; this keeps a return on spec errors from leaving its failure unobserved.
    typeEmitterReady.catch(() => undefined);

    let message = await messages.next();
    for (; message.kind === 'endpoints'; message = await messages.next()) {
      for (const endpoint of message.endpoints) {
        received.set(endpoint.path, endpoint);
        typeEmitter?.prepare(endpoint);
      }
    }
    const loaded = expectKind(message, 'loaded');
    const model: ApiModel = { endpoints: loaded.paths.map((path) => received.get(path) ?? missing(path)) };
    if (loaded.notifications) model.notifications = loaded.notifications;
    const { diagnostics } = loaded;
    const timings: Record<string, number> = { load: loaded.loadMs };
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { model, diagnostics, files: [], paths: [], timings };

    const typesStart = performance.now();
    let ownFiles: EmittedFile[];
    try {
      ownFiles = await (await typeEmitterReady).emit(model);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      // The specs hold something the declarations cannot represent: a spec error like any other.
      return { model, diagnostics: [...diagnostics, error.diagnostic], files: [], paths: [], timings };
    }
    timings.types = performance.now() - typesStart;
    if (options.writeInto) {
      const writeStart = performance.now();
      writeFiles(options.writeInto, ownFiles);
      timings.write = performance.now() - writeStart;
    }
    const others = expectKind(await messages.next(), 'emitted');
    Object.assign(timings, others.timings);
    const files = options.writeInto ? [] : [...ownFiles, ...others.files].sort(byPath);
    const paths = [...ownFiles.map((file) => file.path), ...others.paths].sort(compareText);
    return { model, diagnostics, files, paths, timings };
  } finally {
    await worker.terminate();
  }
}

function byPath(a: EmittedFile, b: EmittedFile): number {
  return compareText(a.path, b.path);
}

/** The worker's messages in order; a failure or a crash of the worker rejects the wait. */
function workerMessages(worker: Worker) {
  const queue: WorkerMessage[] = [];
  let waiting: { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    // The first failure is the cause: a worker that reported its error exits afterwards.
    failure ??= error;
    const waiter = waiting;
    waiting = undefined;
    waiter?.reject(failure);
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'failed') return fail(new Error(message.message));
    const waiter = waiting;
    waiting = undefined;
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the emitter worker exited early (code ${code})`)));
  return {
    async next(): Promise<WorkerMessage> {
      const message =
        queue.shift() ??
        (await new Promise<WorkerMessage>((resolve, reject) => {
          if (failure) return reject(failure);
          waiting = { resolve, reject };
        }));
      return message;
    },
  };
}

function expectKind<K extends WorkerMessage['kind']>(message: WorkerMessage, kind: K): Extract<WorkerMessage, { kind: K }> {
  if (message.kind !== kind) throw new Error(`expected the worker's ${kind} message, got ${message.kind}`);
  return message as Extract<WorkerMessage, { kind: K }>;
}

function missing(path: string): never {
  throw new Error(`the worker listed ${path} without sending it`);
}

import { parentPort, workerData } from 'node:worker_threads';
import { loadSpecs } from '../load/index.ts';
import type { Diagnostic, Endpoint, Notifications } from '../model/types.ts';
import { writeFiles } from '../write.ts';
import type { EmittedFile } from './files.ts';

export interface WorkerInput {
  specDir: string;
  keepGoing: boolean;
  /** Where to write the emitted files; when unset, their contents are posted back. */
  writeInto: string | undefined;
}

export type WorkerMessage =
  /** Endpoints as they are loaded; a path sent again replaces what was sent before. */
  | { kind: 'endpoints'; endpoints: Endpoint[] }
  /** The load is done: the model is the endpoints sent, in this path order. */
  | { kind: 'loaded'; paths: string[]; notifications: Notifications | undefined; diagnostics: Diagnostic[]; loadMs: number }
  | { kind: 'emitted'; files: EmittedFile[]; paths: string[]; timings: Record<string, number> }
  | { kind: 'failed'; message: string };

/** Endpoints per message: small enough to keep the main thread busy early, large enough to cost few messages. */
const BATCH_SIZE = 32;

/**
 * The second core's share of a run: load the specs and hand the endpoints over as they are
 * loaded (the main thread imports the type emitter meanwhile, then prepares their declarations),
 * then run the emitters other than the types.
 */
async function run({ specDir, keepGoing, writeInto }: WorkerInput): Promise<void> {
  const start = performance.now();
  let batch: Endpoint[] = [];
  const flush = (): void => {
    if (batch.length > 0) post({ kind: 'endpoints', endpoints: batch });
    batch = [];
  };
  const onEndpoint = (endpoint: Endpoint): void => {
    if (batch.push(endpoint) >= BATCH_SIZE) flush();
  };
  const { model, diagnostics } = await loadSpecs(specDir, { keepGoing, onEndpoint });
  flush();
  const paths = model.endpoints.map((endpoint) => endpoint.path);
  post({ kind: 'loaded', paths, notifications: model.notifications, diagnostics, loadMs: performance.now() - start });
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return;
  // Imported only now so that loading starts without waiting for the emitters' dependencies.
  const { emitCompanions } = await import('./companions.ts');
  const { files, timings } = await emitCompanions(model);
  const filePaths = files.map((file) => file.path);
  if (!writeInto) return post({ kind: 'emitted', files, paths: filePaths, timings });
  const writeStart = performance.now();
  writeFiles(writeInto, files);
  post({ kind: 'emitted', files: [], paths: filePaths, timings: { ...timings, 'worker write': performance.now() - writeStart } });
}

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

run(workerData as WorkerInput).catch((error: unknown) => {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});

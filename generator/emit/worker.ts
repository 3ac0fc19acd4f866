import { parentPort } from 'node:worker_threads';
import type { ApiModel } from '../model/types.ts';
import { emitCompanions } from './companions.ts';

/** Runs the companion emitters on the second core while the main thread emits the types. */
parentPort?.once('message', (model: ApiModel) => {
  emitCompanions(model).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

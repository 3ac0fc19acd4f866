import rootPackage from '../../package.json' with { type: 'json' };
import type { ApiModel } from '../model/types.ts';
import { DEFAULT_PACKAGE_NAME, emitDocs, emitPackageFiles } from './docs/index.ts';
import type { EmittedFile } from './files.ts';
import { emitRuntime } from './runtime/index.ts';
import { emitSandbox } from './sandbox/index.ts';
import { emitValidators } from './validators/index.ts';

export interface EmitterResult {
  files: EmittedFile[];
  /** Milliseconds per emitter. */
  timings: Record<string, number>;
}

/**
 * The emitters that need no TypeScript compiler: the runtime, request schemas, the sandbox, docs
 * pages and package files. (The types need ts-morph, which loads the compiler: they have a thread of their own.)
 */
export async function emitCompanions(model: ApiModel): Promise<EmitterResult> {
  const timings: Record<string, number> = {};
  const files: EmittedFile[] = [];
  const stages: [string, () => Promise<EmittedFile[]> | EmittedFile[]][] = [
    ['runtime', () => emitRuntime(model)],
    ['validators', () => emitValidators(model)],
    ['sandbox', () => emitSandbox(model)],
    ['docs', () => emitDocs(model, { packageName: DEFAULT_PACKAGE_NAME })],
    ['package', () => emitPackageFiles(model, { name: DEFAULT_PACKAGE_NAME, version: rootPackage.version })],
  ];
  for (const [stage, emit] of stages) {
    const start = performance.now();
    files.push(...(await emit()));
    timings[stage] = performance.now() - start;
  }
  return { files, timings };
}

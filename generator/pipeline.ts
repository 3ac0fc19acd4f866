import { performance } from 'node:perf_hooks';
import rootPackage from '../package.json' with { type: 'json' };
import { DEFAULT_PACKAGE_NAME, emitDocs, emitPackageFiles } from './emit/docs/index.ts';
import { emitRuntime } from './emit/runtime/index.ts';
import { emitTypes } from './emit/types/index.ts';
import { emitValidators } from './emit/validators/index.ts';
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

  const { model, diagnostics } = await timed('load', () => loadSpecs(options.specDir, { keepGoing: options.keepGoing }));
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { model, diagnostics, files: [], timings };

  const emitted = await Promise.all([
    timed('types', () => emitTypes(model)),
    timed('runtime', () => emitRuntime(model)),
    timed('validators', () => emitValidators(model)),
    timed('docs', () => emitDocs(model, { packageName: DEFAULT_PACKAGE_NAME })),
    timed('package', async () => emitPackageFiles(model, { name: DEFAULT_PACKAGE_NAME, version: rootPackage.version })),
  ]);
  const files = emitted.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, diagnostics, files, timings };
}

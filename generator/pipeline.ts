import { performance } from 'node:perf_hooks';
import type { EmittedFile } from './emit/files.ts';
import { loadSpecs } from './load/index.ts';
import { selectOperations, type Selection } from './model/select.ts';
import { compareText, DiagnosticError, type ApiModel, type Diagnostic } from './model/types.ts';
import type { WatchSession } from './watch.ts';
import { writeAtomically } from './write.ts';

export interface GenerateOptions {
  /** Spec roots, earliest first; a later root overrides an earlier one per file and per definition name. */
  specDir: string | readonly string[];
  /** Per-operation errors become warnings; what is broken is degraded or skipped. */
  keepGoing?: boolean;
  /** The package root to replace with the emitted files; nothing is written when unset or when any diagnostic is an error. */
  outDir?: string;
  /** The operations to keep; everything when unset. */
  selection?: Selection;
  /** What earlier runs of a watch session parsed and wrote: this run re-parses and rewrites only what changed. */
  session?: WatchSession;
}

export interface GenerateResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
  /** The emitted files, sorted by path; empty when any diagnostic is an error. */
  files: EmittedFile[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

type Emitter = (model: ApiModel) => Promise<EmittedFile[]> | EmittedFile[];

/**
 * The emitters, each reading only the model, in the order they run. Each is loaded when its turn
 * comes: a run that stops at spec errors (or `--help`) never loads the TypeScript compiler.
 */
const EMITTERS: readonly [string, () => Promise<Emitter>][] = [
  ['types', async () => (await import('./emit/types/index.ts')).emitTypes],
  ['runtime', async () => (await import('./emit/runtime/index.ts')).emitRuntime],
  ['validators', async () => (await import('./emit/validators/index.ts')).emitValidators],
  ['sandbox', async () => (await import('./emit/sandbox/index.ts')).emitSandbox],
  ['docs', async () => (await import('./emit/docs/index.ts')).emitDocs],
  ['package', async () => (await import('./emit/docs/index.ts')).emitPackageFiles],
];

/** load specs -> intermediate model -> selection -> emitters -> the files written atomically. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings[stage] = performance.now() - start;
    return result;
  };

  const loaded = await timed('load', () =>
    loadSpecs(options.specDir, { keepGoing: options.keepGoing ?? false, cache: options.session?.cache }),
  );
  if (loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
    return { ...loaded, files: [], timings };
  const selected = await timed('select', () => selectOperations(loaded.model, options.selection));
  const model = selected.model;
  const diagnostics = [...loaded.diagnostics, ...selected.diagnostics];

  const files: EmittedFile[] = [];
  try {
    for (const [stage, load] of EMITTERS) files.push(...(await timed(stage, async () => (await load())(model))));
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    // The specs hold something the declarations cannot represent: a spec error like any other.
    return { model, diagnostics: [...diagnostics, error.diagnostic], files: [], timings };
  }
  files.sort((a, b) => compareText(a.path, b.path));

  const { outDir } = options;
  if (outDir)
    await timed('write', () =>
      options.session ? options.session.write(outDir, files) : writeAtomically(outDir, files),
    );
  return { model, diagnostics, files, timings };
}

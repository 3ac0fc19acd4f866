/**
 * The sandbox run from the repository: the specs are loaded with the generator's loader and turned
 * into the same tables the generated package ships, then served by `templates/sandbox/`.
 */
import { fileURLToPath } from 'node:url';
import { operationTable } from '../generator/emit/runtime/index.ts';
import { endpointData } from '../generator/emit/sandbox/index.ts';
import { requestSchemas } from '../generator/emit/validators/index.ts';
import { loadSpecs } from '../generator/load/index.ts';
import { formatDiagnostic, type ApiModel } from '../generator/model/types.ts';
import { startSandbox as startTables, type Sandbox, type SandboxOptions as TableOptions } from '../templates/sandbox/server.ts';
import type { SandboxTables } from '../templates/sandbox/tables.ts';

export { checkAuthorization, DEFAULT_MCHID, type Sandbox, type SandboxClientOptions } from '../templates/sandbox/server.ts';

export const DEFAULT_SPEC_DIR: string = fileURLToPath(new URL('../spec/', import.meta.url));

export interface SandboxOptions extends Omit<TableOptions, 'tables'> {
  /** Spec root to load (default: the project's `spec/`). Ignored when `model` is given. */
  specDir?: string;
  /** An already loaded model, instead of `specDir`. */
  model?: ApiModel;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { specDir, model, ...rest } = options;
  const loaded = model ?? (await loadModel(specDir ?? DEFAULT_SPEC_DIR));
  return startTables({ ...rest, tables: sandboxTables(loaded) });
}

/** The tables the sandbox serves, built in memory from the model: what the package's `dist/*.js` tables hold. */
export function sandboxTables(model: ApiModel): SandboxTables {
  return {
    operations: operationTable(model),
    schemas: Object.freeze(Object.fromEntries(requestSchemas(model))),
    data: Object.fromEntries(model.endpoints.flatMap(endpointData)),
  };
}

/** Loads the specs; any error diagnostic stops the sandbox with every `file:line:col` listed. */
export async function loadModel(specDir: string): Promise<ApiModel> {
  const { model, diagnostics } = await loadSpecs(specDir);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map(formatDiagnostic).join('\n'));
  return model;
}

/** The specs do not load; the message lists the diagnostics. */
export class SpecError extends Error {
  override name = 'SpecError';
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadSpecs, type LoadOptions, type LoadResult } from '../../generator/load/index.ts';
import { formatDiagnostic, type Operation } from '../../generator/model/types.ts';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Writes a spec tree (relative path -> YAML text) into a fresh temporary folder. */
export function specTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'spec-load-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export async function load(files: Record<string, string>, options?: LoadOptions): Promise<LoadResult> {
  return loadSpecs(specTree(files), options);
}

/** Diagnostics in the printed `file:line:col: severity CODE message` form. */
export function printed(result: LoadResult): string[] {
  return result.diagnostics.map(formatDiagnostic);
}

export function operation(result: LoadResult, path: string, method: Operation['method']): Operation {
  const found = result.model.endpoints.find((endpoint) => endpoint.path === path)?.operations.find((candidate) => candidate.method === method);
  if (!found) throw new Error(`no ${method} ${path} in the model`);
  return found;
}

/** `lines(...)` joins lines with `\n` so fixtures can be written one YAML line per string. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

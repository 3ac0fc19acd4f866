import { emitTypes } from '../../../generator/emit/types/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';

/** The emitted `dist/openapi.d.ts` of a model. */
export async function emitted(model: ApiModel): Promise<string> {
  const files = await emitTypes(model);
  const file = files.find((candidate) => candidate.path === 'dist/openapi.d.ts');
  if (!file) throw new Error('dist/openapi.d.ts was not emitted');
  return file.contents;
}

/**
 * The top-level declaration that opens with `header` (e.g. `export declare namespace A.B {`),
 * through its closing brace at column 0.
 */
export function block(text: string, header: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no line '${header}' in:\n${text}`);
  const end = lines.indexOf('}', start);
  return lines.slice(start, end + 1).join('\n');
}

/** The dotted namespace declaration in `namespace` that declares the interface `name`. */
export function interfaceIn(text: string, namespace: string, name: string): string {
  const header = `export declare namespace ${namespace} {`;
  const lines = text.split('\n');
  for (let start = lines.indexOf(header); start >= 0; start = lines.indexOf(header, start + 1)) {
    if (lines[start + 1]?.startsWith(`  export interface ${name} `)) {
      return lines.slice(start, lines.indexOf('}', start) + 1).join('\n');
    }
  }
  throw new Error(`no interface ${name} in namespace ${namespace} in:\n${text}`);
}

/** Every top-level declaration that opens with `header`. */
export function countHeaders(text: string, header: string): number {
  return text.split('\n').filter((line) => line === header).length;
}

/** Joins expected lines, so inline expectations read like the output. */
export function lines(...expected: string[]): string {
  return expected.join('\n');
}

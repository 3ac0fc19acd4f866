import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isolatedDeclarationSync, transformSync } from 'oxc-transform';
import type { ApiModel, Operation } from '../../model/types.ts';
import { filesUnder, PROJECT_ROOT } from '../../paths.ts';
import { DEFAULT_PACKAGE } from '../docs/index.ts';
import type { EmittedFile } from '../files.ts';
import { describeErrors, formatCode } from '../format.ts';
import { memo } from '../memo.ts';
import { packageFile } from '../render.ts';

/** The runtime is real TypeScript, type-checked and tested in place; the package ships it transpiled. */
const RUNTIME_SOURCE_DIR: string = join(PROJECT_ROOT, 'templates/runtime');

/**
 * `dist/runtime/**` (see transpileRuntime), the operation table that drives download exemption
 * and uploads, and the package entry.
 */
export async function emitRuntime(model: ApiModel): Promise<EmittedFile[]> {
  const table = operationTable(model);
  // A watch run lays out again only what changed: the table rarely does, the fixed files never.
  return [
    ...(await transpileRuntime()),
    await memo('runtime operations', table, () =>
      formatCode(packageFile('dist/operations.js', { table: JSON.stringify(table, null, 2) })),
    ),
    ...(await memo('runtime entry', {}, () => Promise.all(FIXED_FILES.map((path) => formatCode(packageFile(path)))))),
  ];
}

/** The sandbox ships beside the runtime and imports it as `../runtime/*.js`. */
export const SANDBOX_SOURCE_DIR: string = join(PROJECT_ROOT, 'templates/sandbox');

const VERSION_MODULE = 'dist/runtime/version.js';

/**
 * The runtime sources as the package ships them, file by file, in the generated code's one style:
 * JavaScript with the comments kept, and declarations (the sources are written for
 * isolatedDeclarations, so each file's declarations derive from that file alone). oxc does both
 * natively, without loading the TypeScript compiler.
 */
export async function transpileRuntime(
  sourceDir: string = RUNTIME_SOURCE_DIR,
  outDir = 'dist/runtime',
): Promise<EmittedFile[]> {
  const sources = filesUnder(sourceDir)
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts'))
    .sort();
  // A watch run transpiles again only a source that changed.
  const files = sources.map((source) => {
    const text = readFileSync(join(sourceDir, source), 'utf8');
    return memo(`runtime ${outDir}/${source}`, { text }, () =>
      Promise.all(transpile(sourceDir, source, text, outDir).map(formatCode)),
    );
  });
  return (await Promise.all(files)).flat();
}

function transpile(sourceDir: string, source: string, text: string, outDir: string): EmittedFile[] {
  // As the message names it; oxc reads only the extension.
  const fileName = relative(process.cwd(), join(sourceDir, source)).split(sep).join('/');
  const script = transformSync(fileName, text, { target: 'es2022', sourcemap: false });
  const declarations = isolatedDeclarationSync(fileName, text, { sourcemap: false });
  const problems = [...script.errors, ...declarations.errors];
  if (problems.length > 0) throw new Error(`${fileName} does not transpile in isolation:\n${describeErrors(problems)}`);
  const base = `${outDir}/${source.slice(0, -'.ts'.length)}`;
  // The shipped `version.js` names the generated package (the name and version its package.json gets).
  const js: EmittedFile =
    `${base}.js` === VERSION_MODULE
      ? packageFile(VERSION_MODULE, DEFAULT_PACKAGE)
      : { path: `${base}.js`, contents: script.code };
  return [js, { path: `${base}.d.ts`, contents: declarations.code }];
}

/** What the runtime must know of each operation, by path template and method. */
export function operationTable(model: ApiModel): Record<string, Record<string, Record<string, unknown>>> {
  const info = (operation: Operation): Record<string, unknown> => ({
    ...(operation.response.kind === 'download' && { download: true }),
    ...(operation.body?.kind === 'multipart' && { multipart: true }),
    ...(operation.baseURL && { baseURL: operation.baseURL }),
  });
  return Object.fromEntries(
    model.endpoints.map((endpoint) => [
      endpoint.path,
      Object.fromEntries(endpoint.operations.map((operation) => [operation.method, info(operation)])),
    ]),
  );
}

/** The operation table's declarations, the package entry (the client class wired to the operation table and validators) and the `apiv3` bin. */
const FIXED_FILES = ['dist/operations.d.ts', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js'];

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isolatedDeclarationSync, transformSync, type OxcError } from 'oxc-transform';
import rootPackage from '../../../package.json' with { type: 'json' };
import type { ApiModel } from '../../model/types.ts';
import { PROJECT_ROOT } from '../../paths.ts';
import { DEFAULT_PACKAGE_NAME } from '../docs/index.ts';
import type { EmittedFile } from '../files.ts';
import { formatCode } from '../format.ts';
import { packageFile, render } from '../render.ts';

/** The runtime is real TypeScript, type-checked and tested in place; the package ships it transpiled. */
export const RUNTIME_SOURCE_DIR: string = join(PROJECT_ROOT, 'templates/runtime');

/**
 * `dist/runtime/**` (see transpileRuntime), the operation table that drives download exemption
 * and uploads, and the package entry.
 */
export async function emitRuntime(model: ApiModel): Promise<EmittedFile[]> {
  return [
    ...(await transpileRuntime()),
    ...(await Promise.all([...emitOperationTable(model), ...emitEntry()].map(formatCode))),
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
  const sources = readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => relative(sourceDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const files = sources.flatMap((source): EmittedFile[] => {
    const text = readFileSync(join(sourceDir, source), 'utf8');
    // As the message names it; oxc reads only the extension.
    const fileName = relative(process.cwd(), join(sourceDir, source)).split(sep).join('/');
    const script = transformSync(fileName, text, { target: 'es2022', sourcemap: false });
    const declarations = isolatedDeclarationSync(fileName, text, { sourcemap: false });
    const problems = [...script.errors, ...declarations.errors];
    if (problems.length > 0)
      throw new Error(`${fileName} does not transpile in isolation:\n${problems.map(describe).join('\n')}`);
    const base = `${outDir}/${source.slice(0, -'.ts'.length)}`;
    // The shipped `version.js` names the generated package (the name and version its package.json gets).
    const version = { name: DEFAULT_PACKAGE_NAME, version: rootPackage.version };
    const js: EmittedFile =
      `${base}.js` === VERSION_MODULE
        ? { path: VERSION_MODULE, contents: render(`package/${VERSION_MODULE}`, version) }
        : { path: `${base}.js`, contents: script.code };
    return [js, { path: `${base}.d.ts`, contents: declarations.code }];
  });
  return Promise.all(files.map(formatCode));
}

function describe(problem: OxcError): string {
  return problem.codeframe ?? problem.message;
}

/** What the runtime must know of each operation, by path template and method. */
export function operationTable(model: ApiModel): Record<string, Record<string, Record<string, unknown>>> {
  const table: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const endpoint of model.endpoints) {
    const methods: Record<string, Record<string, unknown>> = {};
    for (const operation of endpoint.operations) {
      const info: Record<string, unknown> = {};
      if (operation.response.kind === 'download') info.download = true;
      if (operation.body?.kind === 'multipart') info.multipart = true;
      if (operation.baseURL) info.baseURL = operation.baseURL;
      methods[operation.method] = info;
    }
    table[endpoint.path] = methods;
  }
  return table;
}

function emitOperationTable(model: ApiModel): EmittedFile[] {
  const table = operationTable(model);
  return [
    {
      path: 'dist/operations.js',
      contents: `/** Generated from the specs: what the runtime must know of each operation. */\nexport const operations = ${JSON.stringify(table, null, 2)};\n`,
    },
    packageFile('dist/operations.d.ts'),
  ];
}

/** The package entry (the client class wired to the operation table and validators) and the `apiv3` bin. */
function emitEntry(): EmittedFile[] {
  return ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js'].map(packageFile);
}

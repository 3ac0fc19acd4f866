import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import rootPackage from '../../../package.json' with { type: 'json' };
import type { ApiModel } from '../../model/types.ts';
import { DEFAULT_PACKAGE_NAME } from '../docs/index.ts';
import type { EmittedFile } from '../files.ts';

/** The runtime is real TypeScript, type-checked and tested in place; the package ships it transpiled. */
export const RUNTIME_SOURCE_DIR: string = fileURLToPath(new URL('../../../templates/runtime/', import.meta.url));

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  strict: true,
  newLine: ts.NewLineKind.LineFeed,
};
/** transpileDeclaration needs code whose declarations are derivable file by file. */
const declarationOptions: ts.CompilerOptions = { ...compilerOptions, declaration: true, isolatedDeclarations: true };

/** `dist/runtime/**`, the operation table that drives download exemption and uploads, and the package entry. */
export async function emitRuntime(model: ApiModel): Promise<EmittedFile[]> {
  const runtime = (await transpileRuntime()).map((file) => (file.path === VERSION_MODULE ? versionModule() : file));
  return [...runtime, ...emitOperationTable(model), ...emitEntry()];
}

const VERSION_MODULE = 'dist/runtime/version.js';

/** The shipped `version.js` names the generated package (the same name and version its package.json gets). */
function versionModule(): EmittedFile {
  return {
    path: VERSION_MODULE,
    contents: [
      '/** The package this runtime ships in, for the User-Agent header. */',
      `export const PACKAGE_NAME = ${JSON.stringify(DEFAULT_PACKAGE_NAME)};`,
      `export const PACKAGE_VERSION = ${JSON.stringify(rootPackage.version)};`,
      '',
    ].join('\n'),
  };
}

async function transpileRuntime(): Promise<EmittedFile[]> {
  const entries = await readdir(RUNTIME_SOURCE_DIR, { recursive: true, withFileTypes: true });
  const sources = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(RUNTIME_SOURCE_DIR, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const files = await Promise.all(
    sources.map(async (source): Promise<EmittedFile[]> => {
      const text = await readFile(join(RUNTIME_SOURCE_DIR, source), 'utf8');
      const fileName = `templates/runtime/${source}`;
      const js = ts.transpileModule(text, { compilerOptions, fileName, reportDiagnostics: true });
      const dts = ts.transpileDeclaration(text, { compilerOptions: declarationOptions, fileName, reportDiagnostics: true });
      const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
      if (problems.length > 0) {
        const message = ts.formatDiagnostics(problems, {
          getCanonicalFileName: (name) => name,
          getCurrentDirectory: () => '',
          getNewLine: () => '\n',
        });
        throw new Error(`The runtime sources do not transpile in isolation:\n${message}`);
      }
      const base = `dist/runtime/${source.slice(0, -'.ts'.length)}`;
      return [
        { path: `${base}.js`, contents: js.outputText },
        { path: `${base}.d.ts`, contents: dts.outputText },
      ];
    }),
  );
  return files.flat();
}

function emitOperationTable(model: ApiModel): EmittedFile[] {
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
  return [
    {
      path: 'dist/operations.js',
      contents: `/** Generated from the specs: what the runtime must know of each operation. */\nexport const operations = ${JSON.stringify(table, null, 2)};\n`,
    },
    {
      path: 'dist/operations.d.ts',
      contents: `import type { OperationTable } from './runtime/operations.js';\nexport declare const operations: OperationTable;\n`,
    },
  ];
}

function emitEntry(): EmittedFile[] {
  return [
    {
      path: 'dist/index.js',
      contents: [
        `import { createClientClass } from './runtime/index.js';`,
        `import { operations } from './operations.js';`,
        `import { validators } from './validators.js';`,
        `export * from './runtime/index.js';`,
        `export const Wechatpay = createClientClass(operations, validators);`,
        ``,
      ].join('\n'),
    },
    {
      path: 'dist/index.d.ts',
      contents: [
        // The declarations use Buffer, KeyObject and ReadStream; TypeScript 6+ no longer loads @types/node unasked.
        `/// <reference types="node" />`,
        `import type { ClientConstructor } from './runtime/index.js';`,
        `import type { Wechatpay as Endpoints, Paths } from './openapi.js';`,
        `export * from './runtime/index.js';`,
        `export type { WeChatPay, Paths } from './openapi.js';`,
        `export declare const Wechatpay: ClientConstructor<Endpoints, Paths>;`,
        `export type Wechatpay = InstanceType<typeof Wechatpay>;`,
        ``,
      ].join('\n'),
    },
  ];
}

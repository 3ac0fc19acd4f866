import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { STANDALONE_FILES } from '../../../generator/emit/types/index.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** In-memory files live under the repo so `axios` and `@types/node` resolve from its node_modules. */
const VIRTUAL_DIR = join(REPO_ROOT, 'test/emit/types/.virtual');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  // Checked are only the virtual files; library files are the real, published ones.
  skipLibCheck: false,
};

/** The files `openapi.d.ts` ships beside (`read-stream.d.ts`), by name. */
const COMPANIONS = Object.fromEntries(
  STANDALONE_FILES.filter((file) => file.path.endsWith('.d.ts')).map((file) => [file.path.replace('dist/', ''), file.contents]),
);

/**
 * Type-checks in-memory files (name -> text) with the TypeScript compiler, strict, against the
 * real axios and (unless `types` leaves them out) Node typings, and returns the diagnostics of
 * those files, formatted.
 */
export function typeCheck(files: Record<string, string>, types: string[] = ['node']): string[] {
  const options = { ...OPTIONS, types };
  const virtual = new Map(Object.entries({ ...COMPANIONS, ...files }).map(([name, text]) => [join(VIRTUAL_DIR, name), text]));
  const host = ts.createCompilerHost(options, true);
  const { directoryExists, fileExists, readFile, getSourceFile } = host;
  host.directoryExists = (name) => name === VIRTUAL_DIR || (directoryExists?.call(host, name) ?? true);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    return text === undefined
      ? getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...virtual.keys()].flatMap((fileName) => {
      const sourceFile = program.getSourceFile(fileName);
      if (!sourceFile) throw new Error(`${fileName} was not part of the program`);
      return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    }),
  ];
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName.slice(VIRTUAL_DIR.length + 1)}:${line + 1}:${character + 1}: ${message}`;
  });
}

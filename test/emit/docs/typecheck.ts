import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './support.ts';

export interface Snippet {
  /** Where the snippet comes from, for messages: `docs/v3/.../couponcodes.md#2`. */
  origin: string;
  code: string;
}

/**
 * Type-checks snippets with the compiler API, strict, as modules that import `packageName`
 * from the package at `packageRoot` (its `dist/index.d.ts`). Returns one `origin:line:col message`
 * per error; the snippets live only in memory.
 */
export function typeCheckSnippets(packageRoot: string, packageName: string, snippets: readonly Snippet[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    // The package's own declarations are checked where they are emitted; here only the snippets are.
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules/@types')],
    paths: { [packageName]: [path.join(packageRoot, 'dist/index.d.ts')] },
  };
  // Inside the package root, so the package's own imports (axios) resolve as they would for a user.
  const virtualDir = path.join(packageRoot, '__examples__');
  const sources = new Map(snippets.map((snippet, index) => [path.join(virtualDir, `example-${index}.ts`), snippet]));

  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (fileName) => sources.has(path.resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => sources.get(path.resolve(fileName))?.code ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const snippet = sources.get(path.resolve(fileName));
    if (snippet) return ts.createSourceFile(fileName, snippet.code, languageVersion, true);
    return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };

  const program = ts.createProgram([...sources.keys()], options, host);
  const messages: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file;
    const snippet = file ? sources.get(path.resolve(file.fileName)) : undefined;
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!file || !snippet) {
      messages.push(`${file?.fileName ?? '(program)'}: ${text}`);
      continue;
    }
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    messages.push(`${snippet.origin}:${line + 1}:${character + 1} ${text}`);
  }
  return messages;
}

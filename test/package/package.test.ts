/**
 * Package quality of `generated/`: publint finds nothing to fix, and a strict consumer compiles
 * against the published declarations with TypeScript's compiler API, where each `@ts-expect-error`
 * line in the consumer fails for the reason its comment names. (attw and the TypeScript 6 / 7 compiles
 * run in `.ci/checks/package.sh`.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { execFile } from 'node:child_process';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullRun } from '../full.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = join(repoRoot, 'generated');
const consumerDir = join(repoRoot, 'test/package/consumer');
const consumerFile = join(consumerDir, 'index.ts');
/** The consumer's files, as its tsconfig lists them. */
const consumerFiles: string[] = (JSON.parse(readFileSync(join(consumerDir, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { files: string[] }).files;
const packageBuilt = existsSync(join(packageDir, 'package.json')) && existsSync(join(packageDir, 'dist/index.d.ts'));

describe.runIf(fullRun && packageBuilt)('the generated package', () => {
  it('passes publint with no errors or warnings', async () => {
    const { messages, pkg } = await publint({ pkgDir: packageDir, level: 'warning', pack: 'npm' });
    const problems = messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`);
    expect(problems).toEqual([]);
  });

  it('declares every package its files import (hoisting in this repository would hide a missing one)', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const undeclared: string[] = [];
    const files = readdirSync(join(packageDir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|d\.ts)$/.test(file));
    expect(files).toContain('index.js');
    for (const file of files) {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(packageDir, 'dist', file), 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
        // `@scope/name/sub` and `name/sub` belong to `@scope/name` and `name`.
        const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
        if (!declared.has(name)) undeclared.push(`dist/${file}: ${specifier}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

/** Relative markdown links of a page (`[text](./docs/x.md#post)`), external ones left out. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((\.{1,2}\/[^)\s]+)\)/g)].map((match) => match[1]!);
}

describe.skipIf(!packageBuilt)('the packed tarball (npm pack --dry-run)', () => {
  let packed: Set<string>;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, maxBuffer: 16 * 1024 * 1024 });
    const [report] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    packed = new Set(report?.files.map((file) => file.path));
  }, 60_000);

  it('holds the docs pages but not the site configuration', () => {
    expect(packed).toContain('README.md');
    expect(packed).toContain('docs/index.md');
    expect(packed).toContain('docs/v3/pay/transactions/jsapi.md');
    expect(packed).not.toContain('docs/sidebar.json');
  });

  it('resolves every relative link of the README and the docs pages to a packed file and its anchor', () => {
    const pages = [...packed].filter((file) => file.endsWith('.md'));
    const linked = new Set<string>();
    for (const page of pages) {
      for (const link of relativeLinks(readFileSync(join(packageDir, page), 'utf8'))) {
        const [target = '', anchor] = link.split('#');
        const file = posix.normalize(posix.join(posix.dirname(page), decodeURI(target)));
        expect(packed, `${page} links ${link}`).toContain(file);
        if (anchor) expect(readFileSync(join(packageDir, file), 'utf8'), `${page} links ${link}`).toContain(`{#${anchor}}`);
        linked.add(file);
      }
    }
    // The README links the index, which links every page: none is unreachable from the README.
    expect(pages.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });
});

/** `// @ts-expect-error` lines of the consumer: the 0-based line they guard and the names the error must mention. */
interface ExpectedError {
  line: number;
  names: string[];
  comment: string;
}

function expectedErrors(text: string): ExpectedError[] {
  const expected: ExpectedError[] = [];
  text.split('\n').forEach((line, index) => {
    const directive = /\/\/ @ts-expect-error (.*)$/.exec(line);
    if (!directive) return;
    const comment = directive[1]!;
    expected.push({ line: index + 1, names: [...comment.matchAll(/`([^`]+)`/g)].map((match) => match[1]!), comment });
  });
  return expected;
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: TS${diagnostic.code}: ${message}`;
}

describe.runIf(fullRun && packageBuilt)('a strict consumer compiled with TypeScript 5.9', () => {
  let options: ts.CompilerOptions;
  let program: ts.Program;

  beforeAll(() => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(consumerDir, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(describeDiagnostic(diagnostic));
      },
    });
    if (!parsed) throw new Error('test/package/consumer/tsconfig.json did not parse');
    expect(parsed.errors.map(describeDiagnostic)).toEqual([]);
    options = parsed.options;
    program = ts.createProgram({ rootNames: parsed.fileNames, options });
  });

  it('resolves the package by name through its exports to the emitted declarations', () => {
    const resolved = ts.resolveModuleName('@wechatpay-sdk/apiv3', consumerFile, options, ts.sys).resolvedModule;
    expect(resolved?.resolvedFileName).toBe(join(packageDir, 'dist/index.d.ts'));
    expect(resolved?.isExternalLibraryImport).toBe(true);
  });

  it('compiles without a diagnostic, the package declarations included (skipLibCheck off)', () => {
    expect(options.skipLibCheck).toBe(false);
    expect(ts.getPreEmitDiagnostics(program).map(describeDiagnostic)).toEqual([]);
  });

  it.each(consumerFiles)('%s fails on each @ts-expect-error line, for the named reason, once the directives are removed', (name) => {
    const file = join(consumerDir, name);
    const text = readFileSync(file, 'utf8');
    const expected = expectedErrors(text);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    // Same line count: the directive becomes a plain comment.
    const withoutDirectives = text.replaceAll('// @ts-expect-error ', '// expected error: ');
    const host = ts.createCompilerHost(options);
    const readSource = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
      resolve(fileName) === file
        ? ts.createSourceFile(fileName, withoutDirectives, languageVersion, true)
        : readSource(fileName, languageVersion, onError, shouldCreate);
    // The old program lends its parsed lib and package files; only the consumer is checked anew.
    const stripped = ts.createProgram({ rootNames: program.getRootFileNames(), options, host, oldProgram: program });
    // The declarations were checked above; only the consumer's own diagnostics are of interest here.
    const source = stripped.getSourceFile(file)!;
    const diagnostics = [...stripped.getSyntacticDiagnostics(source), ...stripped.getSemanticDiagnostics(source)];

    const byLine = new Map<number, string[]>();
    for (const diagnostic of diagnostics) {
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start!);
      const span = source.text.slice(diagnostic.start!, diagnostic.start! + (diagnostic.length ?? 0));
      byLine.set(line, [...(byLine.get(line) ?? []), `${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')} [at ${span}]`]);
    }
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(expected.map((error) => error.line));
    for (const error of expected) {
      const reported = byLine.get(error.line)!.join(' | ');
      expect(
        error.names.some((name) => reported.includes(`'${name}'`) || reported.includes(`[at ${name}]`)),
        `line ${error.line + 1} (${error.comment}) reported: ${reported}`,
      ).toBe(true);
    }
  });
});

describe.runIf(fullRun && packageBuilt)('a consumer of the ./types entry alone', () => {
  it('compiles without Node types, loading neither the Node declarations nor the runtime ones', () => {
    const file = join(consumerDir, 'types-only.ts');
    const text = [
      "import type { Paths, WeChatPay } from '@wechatpay-sdk/apiv3/types';",
      'type Order = WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi.PostHttpMethod.JsonDataRequest;',
      "export const amount: Order['amount']['total'] = 1;",
      "export type Jsapi = Paths['v3/pay/transactions/jsapi'];",
      '',
    ].join('\n');
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const readSource = host.getSourceFile.bind(host);
    host.fileExists = ((exists) => (name: string) => resolve(name) === file || exists(name))(host.fileExists.bind(host));
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
      resolve(fileName) === file ? ts.createSourceFile(fileName, text, languageVersion, true) : readSource(fileName, languageVersion, onError, shouldCreate);
    const program = ts.createProgram({ rootNames: [file], options, host });
    expect(ts.getPreEmitDiagnostics(program).map(describeDiagnostic)).toEqual([]);
    const loaded = program.getSourceFiles().map((source) => source.fileName).filter((name) => !name.includes('/typescript/lib/'));
    expect(loaded.filter((name) => name.includes('@types/node') || name.includes('/dist/runtime/'))).toEqual([]);
    expect(loaded.some((name) => name.endsWith('dist/openapi.d.ts'))).toBe(true);
  });
});

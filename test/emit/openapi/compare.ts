import openapiTS, { astToString } from 'openapi-typescript';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, type Export, type OperationObject } from './support.ts';

/**
 * What both sides must agree on, compared structurally: objects by their key sets, each key's
 * optionality and its value's shape; arrays by their items; scalars and literal unions as they are.
 * Two things are normalised away: the declarations' `string | Date` for RFC 3339 members (a Date
 * is accepted and serialised; the wire type is the string), and how an object without declared
 * members is spelt (`{}` here, `Record<string, never>` in openapi-typescript).
 */
const SHAPE = `
type Shape<T> = T extends Date
  ? never
  : T extends readonly (infer E)[]
    ? { '#items': Shape<E> }
    : T extends object
      ? [keyof T] extends [never]
        ? '#open'
        : string extends keyof T
          ? '#open'
          : { '#keys': keyof T } & { [K in keyof T]-?: [{} extends Pick<T, K> ? 'optional' : 'required', Shape<Exclude<T[K], undefined>>] }
      : T;
type Agree<A, B> = [Shape<A>] extends [Shape<B>] ? ([Shape<B>] extends [Shape<A>] ? true : false) : false;
`;

export interface Check {
  /** `<operationId> <part>`. */
  name: string;
  ours: string;
  theirs: string;
}

/** The parts of one operation both type sets describe: JSON request body, JSON response, path, query and header parameters. */
function checksOf(operation: OperationObject, method: string): Check[] {
  const id = operation.operationId;
  const ours = `WeChatPay.OpenAPI.${id}`;
  const theirs = `operations[${JSON.stringify(id)}]`;
  const checks: Check[] = [];
  if (operation.requestBody?.content['application/json']) {
    checks.push({
      name: `${id} request body`,
      ours: method === 'delete' ? `${ours}.RequestConfig['data']` : `${ours}.JsonDataRequest`,
      theirs: `NonNullable<${theirs}['requestBody']>['content']['application/json']`,
    });
  }
  const [status, response] = Object.entries(operation.responses)[0] ?? [];
  if (response?.content?.['application/json']) {
    checks.push({ name: `${id} response`, ours: `${ours}.WellformedResponse`, theirs: `${theirs}['responses'][${status}]['content']['application/json']` });
  }
  const parameters = operation.parameters ?? [];
  const pathNames = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => JSON.stringify(parameter.name));
  if (pathNames.length > 0) {
    checks.push({ name: `${id} path parameters`, ours: `Pick<${ours}.RequestConfig, ${pathNames.join(' | ')}>`, theirs: `${theirs}['parameters']['path']` });
  }
  for (const [location, member] of [['query', 'params'], ['header', 'headers']] as const) {
    if (parameters.some((parameter) => parameter.in === location)) {
      checks.push({ name: `${id} ${location} parameters`, ours: `NonNullable<${ours}.RequestConfig['${member}']>`, theirs: `NonNullable<${theirs}['parameters']['${location}']>` });
    }
  }
  return checks;
}

export interface Comparison {
  checks: Check[];
  /** The checks the compiler refused, with its message. */
  disagreements: Map<string, string>;
  /** Diagnostics outside the checks (either type file failing to compile): must be none. */
  otherErrors: string[];
}

/**
 * Feeds the export to openapi-typescript and type-checks, with the TypeScript compiler, one
 * mutual-assignability assertion per check between its types and the package's declarations.
 */
export async function compare(exported: Export, operations: [string, OperationObject][]): Promise<Comparison> {
  const theirs = astToString(await openapiTS(exported.document as never, { silent: true }));
  const checks = operations.flatMap(([method, operation]) => checksOf(operation, method));
  const header = [`import type { WeChatPay } from './openapi.js';`, `import type { operations } from './openapi-typescript.js';`, SHAPE];
  const lines = checks.map((check, index) => `export const check${index}: Agree<${check.ours}, ${check.theirs}> = true;`);
  const diagnostics = typeCheck({ 'openapi.d.ts': exported.declarations, 'openapi-typescript.d.ts': theirs, 'agree.ts': [...header, ...lines].join('\n') }, 'agree.ts');
  const firstCheckLine = header.join('\n').split('\n').length + 1;
  const disagreements = new Map<string, string>();
  const otherErrors: string[] = [];
  for (const diagnostic of diagnostics) {
    const match = /^agree\.ts:(\d+):\d+: (.*)/s.exec(diagnostic);
    const check = match ? checks[Number(match[1]) - firstCheckLine] : undefined;
    if (check && match) disagreements.set(check.name, match[2] ?? '');
    else otherErrors.push(diagnostic);
  }
  return { checks, disagreements, otherErrors };
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  types: ['node'],
  // The assertions are what is checked; the two declaration files are only read for them (both
  // compile on their own: the corpus declarations are checked by test/emit/types/).
  skipLibCheck: true,
};

/**
 * Type-checks `root` among `files` (name -> text), written into a folder under the repository so
 * that `axios` and `@types/node` resolve; diagnostics as `file:line:col: message`.
 */
function typeCheck(files: Record<string, string>, root: string): string[] {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/openapi-agree-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const program = ts.createProgram([join(dir, root)], OPTIONS);
    const rootFile = program.getSourceFile(join(dir, root));
    if (!rootFile) throw new Error(`${root} was not part of the program`);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSourceFiles().filter((file) => file.fileName.startsWith(dir)).flatMap((file) => program.getSyntacticDiagnostics(file)),
      ...program.getSemanticDiagnostics(rootFile),
    ];
    return diagnostics.map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.slice(dir.length + 1)}:${line + 1}:${character + 1}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function allOperations(exported: Export): [string, OperationObject][] {
  return Object.values(exported.document.paths).flatMap((item) => Object.entries(item));
}

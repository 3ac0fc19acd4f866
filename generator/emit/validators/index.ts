import AjvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { ApiModel, Operation } from '../../model/types.ts';
import type { EmittedFile } from '../files.ts';
import { CHECKED_FORMATS, operationKey, requestSchema } from './schema.ts';

// ajv is CommonJS; under NodeNext its default export arrives as the module namespace.
const Ajv = AjvModule.default;
const standaloneCode = standaloneModule.default;

/** Options shared by the generated module and by the sandbox's in-process validators, so both reject the same requests. */
export function createAjv(options: { standalone: boolean }): InstanceType<typeof Ajv> {
  const ajv = new Ajv({
    allErrors: true, // report every problem in one UsageError, not the first
    messages: false, // issues are worded by the runtime from keyword + params
    strict: true,
    strictTypes: true,
    ...(options.standalone ? { code: { source: true, esm: true } } : {}),
  });
  for (const [name, pattern] of Object.entries(CHECKED_FORMATS)) ajv.addFormat(name, pattern);
  return ajv;
}

/** Every operation of the model, in model order (endpoints sorted by path, methods in HTTP_METHODS order). */
export function operationsOf(model: ApiModel): Operation[] {
  return model.endpoints.flatMap((endpoint) => endpoint.operations);
}

// ajv's standalone code pulls a helper from ajv at run time for `minLength`/`maxLength` (code points, not
// UTF-16 units). The generated package must not depend on ajv, so the helper is inlined.
const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const UCS2LENGTH_INLINE = '((text) => { let count = 0; for (const _ of text) count++; return count; })';

/**
 * `dist/validators.js` (+ `.d.ts`): per operation, a function checking a request against the spec
 * (`{ data, params, headers, pathParams }` -> issues). Compiled ahead of time with ajv standalone code,
 * so the package validates without ajv and without compiling schemas at run time.
 */
export async function emitValidators(model: ApiModel): Promise<EmittedFile[]> {
  const ajv = createAjv({ standalone: true });
  const exportsByKey = new Map<string, string>();
  operationsOf(model).forEach((operation, index) => {
    const id = `request${index}`;
    ajv.addSchema(requestSchema(operation), id);
    exportsByKey.set(operationKey(operation), id);
  });
  const ajvExports = Object.fromEntries([...exportsByKey.values()].map((id) => [id, id]));
  let code = exportsByKey.size > 0 ? standaloneCode(ajv, ajvExports) : '';
  code = code.replace(/^"use strict";/, '').replaceAll(UCS2LENGTH_REQUIRE, UCS2LENGTH_INLINE);
  // The per-schema exports become module-private: the table below is the module's one export.
  code = code.replace(/export const (request\d+) = /g, 'const $1 = ');
  // ajv repeats the same error-collecting statement at every check; one helper keeps the corpus-sized module small.
  // `schemaPath` is dropped: issues are worded from the instance path alone.
  code = code
    .replace(/schemaPath:"(?:[^"\\]|\\.)*",/g, '')
    .replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, 'vErrors = collect(vErrors, $1);');
  if (/\brequire\(/.test(code)) throw new Error('ajv standalone code needs a runtime helper the generated package does not ship');

  const table = [...exportsByKey]
    .map(([key, id]) => `  ${JSON.stringify(key)}: (request) => collectIssues(${id}, request),`)
    .join('\n');
  const js = [
    '// Generated from the specs: request validators, compiled with ajv standalone code.',
    "import { collectIssues } from './runtime/validation.js';",
    'const collect = (errors, error) => (errors === null ? [error] : (errors.push(error), errors));',
    code,
    `export const validators = Object.freeze({\n${table}\n});`,
    '',
  ].join('\n');
  const dts = [
    "import type { ValidatorTable } from './runtime/validation.js';",
    "/** Keyed `'<method> <path template>'`, e.g. `'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes'`. */",
    'export declare const validators: ValidatorTable;',
    '',
  ].join('\n');
  return [
    { path: 'dist/validators.js', contents: js },
    { path: 'dist/validators.d.ts', contents: dts },
  ];
}

import { operationsOf, type ApiModel } from '../../model/types.ts';
import type { EmittedFile } from '../files.ts';
import { formatCode } from '../format.ts';
import { packageFile } from '../render.ts';
import { operationKey, requestSchema, type JsonSchema } from './schema.ts';

/**
 * The request schema of every operation that has something to check, keyed `'<method> <path template>'`
 * in model order. A request without body or parameters always matches, so its schema is left out.
 */
export function requestSchemas(model: ApiModel): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const operation of operationsOf(model)) {
    const schema = requestSchema(operation);
    if (Object.keys(schema.properties ?? {}).length > 0) schemas.set(operationKey(operation), schema);
  }
  return schemas;
}

/**
 * `dist/validators.js` (+ `.d.ts`): the request JSON Schema of each operation, as a frozen table of data.
 * The runtime compiles an operation's schema with ajv on its first request, so generation compiles nothing
 * and the package pays only for the operations it calls.
 */
export async function emitValidators(model: ApiModel): Promise<EmittedFile[]> {
  const entries = [...requestSchemas(model)].map(([key, schema]) => `${JSON.stringify(key)}:${jsLiteral(schema)}`);
  const js = [
    '// Generated from the specs: request JSON Schemas, compiled by the runtime on first use.',
    `export const validators = Object.freeze({${entries.length === 0 ? '' : `\n${entries.join(',\n')}\n`}});`,
    '',
  ].join('\n');
  return Promise.all(
    [{ path: 'dist/validators.js', contents: js }, packageFile('dist/validators.d.ts')].map(formatCode),
  );
}

/**
 * JSON as a JavaScript object literal. In a literal, `"__proto__": x` sets the prototype rather than
 * defining a member; the computed key `["__proto__"]: x` defines it. (A `"__proto__":` inside a JSON
 * string has its quotes escaped, so only keys match.)
 */
function jsLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
}

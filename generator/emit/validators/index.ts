import type { ApiModel, Endpoint } from '../../model/types.ts';
import type { EmittedFile } from '../files.ts';
import { formatCode, formatTable } from '../format.ts';
import { packageFile } from '../render.ts';
import type { JsonSchema } from '../../../templates/runtime/request-schema.ts';
import { operationKey, requestSchema } from './schema.ts';

/**
 * The request schema of every operation that has something to check, keyed `'<method> <path template>'`
 * in model order. A request without body or parameters always matches, so its schema is left out.
 */
export function requestSchemas(model: ApiModel): Map<string, JsonSchema> {
  return new Map(model.endpoints.flatMap(endpointSchemas));
}

function endpointSchemas(endpoint: Endpoint): [string, JsonSchema][] {
  return endpoint.operations.flatMap((operation): [string, JsonSchema][] => {
    const schema = requestSchema(operation);
    return Object.keys(schema.properties ?? {}).length > 0 ? [[operationKey(operation), schema]] : [];
  });
}

/**
 * `dist/validators.js` (+ `.d.ts`): the request JSON Schema of each operation, as a frozen table of data.
 * The runtime compiles an operation's schema with ajv on its first request, so generation compiles nothing
 * and the package pays only for the operations it calls.
 */
export async function emitValidators(model: ApiModel): Promise<EmittedFile[]> {
  const js = formatTable(
    'dist/validators.js',
    '// Generated from the specs: request JSON Schemas, compiled by the runtime on first use.',
    'validators',
    model.endpoints.map((endpoint) => [
      `validators ${endpoint.path}`,
      endpoint,
      () => endpointSchemas(endpoint).map(([key, schema]) => `${JSON.stringify(key)}:${jsLiteral(schema)}`),
    ]),
  );
  return Promise.all([js, formatCode(packageFile('dist/validators.d.ts'))]);
}

/**
 * JSON as a JavaScript object literal. In a literal, `"__proto__": x` sets the prototype rather than
 * defining a member; the computed key `["__proto__"]: x` defines it. (A `"__proto__":` inside a JSON
 * string has its quotes escaped, so only keys match.)
 */
function jsLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
}

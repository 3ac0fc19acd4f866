import type { ApiModel, Endpoint, Operation } from '../../model/types.ts';
import type { SandboxOperation } from '../../../templates/sandbox/tables.ts';
import type { EmittedFile } from '../files.ts';
import { formatCode, formatTable } from '../format.ts';
import { packageFile } from '../render.ts';
import { SANDBOX_SOURCE_DIR, transpileRuntime } from '../runtime/index.ts';
import { operationKey } from '../validators/schema.ts';
import { exampleOf } from './examples.ts';

/** What the sandbox needs of one operation beyond routing and request schemas. */
function sandboxOperation(operation: Operation): SandboxOperation {
  const { response } = operation;
  return {
    response:
      response.kind === 'json'
        ? { kind: 'json', status: response.status, example: exampleOf(response.schema) }
        : { kind: response.kind, status: response.status },
    errors: operation.errorCodes.map(({ status, code, description }) => ({ status, code, description })),
    body: operation.body?.kind,
  };
}

/** An endpoint's entries of the sandbox data table, keyed like the validators. */
export function endpointData(endpoint: Endpoint): [string, SandboxOperation][] {
  return endpoint.operations.map((operation) => [operationKey(operation), sandboxOperation(operation)]);
}

/**
 * The sandbox as the package ships it: `dist/sandbox/**` transpiled from `templates/sandbox/`,
 * `dist/sandbox-data.js` (documented statuses, example answers and error codes by operation), and the
 * `apiv3-sandbox` bin, which serves the operations the package was generated from.
 */
export async function emitSandbox(model: ApiModel): Promise<EmittedFile[]> {
  const data = formatTable(
    'dist/sandbox-data.js',
    '// Generated from the specs: what the sandbox answers when no script plays an operation, and its error codes.',
    'sandboxData',
    model.endpoints.map((endpoint) => [
      `sandbox ${endpoint.path}`,
      endpoint,
      () => endpointData(endpoint).map(([key, entry]) => `${JSON.stringify(key)}:${JSON.stringify(entry)}`),
    ]),
  );
  return [
    ...(await transpileRuntime(SANDBOX_SOURCE_DIR, 'dist/sandbox')),
    ...(await Promise.all([
      data,
      ...['dist/sandbox-data.d.ts', 'dist/sandbox/bin.js'].map((path) => formatCode(packageFile(path))),
    ])),
  ];
}

/**
 * What the sandbox knows of the specs: the tables the generator emits into the package
 * (`dist/operations.js`, `dist/validators.js`, `dist/sandbox-data.js`), so that the sandbox runs
 * from the package alone.
 */
import type { OperationTable } from '../runtime/operations.js';
import type { RequestSchemaTable } from '../runtime/request-schema.js';
/** A row of an operation's documented error-code table. */
export interface DocumentedError {
  status: number;
  code: string;
  description: string;
}
/** What an operation answers when no script plays it: the documented status and an example body. */
export type ExampleResponse =
  | {
      kind: 'json';
      status: number;
      example: unknown;
    }
  | {
      kind: 'empty';
      status: number;
    }
  | {
      kind: 'download';
      status: number;
    };
export interface SandboxOperation {
  /** The media type the request body must have; absent when the operation takes no body. */
  body?: 'json' | 'multipart';
  response: ExampleResponse;
  errors: DocumentedError[];
}
/** By operation key: `'post v3/pay/transactions/jsapi'`. */
export type SandboxDataTable = Readonly<Record<string, SandboxOperation>>;
/** Everything the sandbox serves, generated from one set of specs. */
export interface SandboxTables {
  operations: OperationTable;
  schemas: RequestSchemaTable;
  data: SandboxDataTable;
}
/** `'post v3/pay/transactions/jsapi'`: how operations are keyed in every table. */
export declare function operationKey(method: string, path: string): string;
/** The operation's own documented error matching `pattern` (code or description), else `fallback`. */
export declare function documentedError(
  operation: SandboxOperation | undefined,
  pattern: RegExp,
  fallback: {
    status: number;
    code: string;
  },
): {
  status: number;
  code: string;
};

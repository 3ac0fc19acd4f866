import { pathSegments } from '../../../generator/model/naming.ts';
import type { ApiModel, Endpoint, HttpMethod, Operation, Property, Schema } from '../../../generator/model/types.ts';

/** Small builders for hand-written models: every field the emitter reads, with neutral defaults. */

const source = { file: 'spec/test.yaml', line: 1, col: 1 };

export function operation(method: HttpMethod, path: string, overrides: Partial<Operation> = {}): Operation {
  return {
    method,
    path,
    docLinks: [],
    tags: [],
    deprecated: false,
    pathParams: [],
    queryParams: [],
    headerParams: [],
    response: { kind: 'json', status: 200, schema: object({}) },
    errorCodes: [],
    source,
    ...overrides,
  };
}

export function endpoint(path: string, ...operations: Operation[]): Endpoint {
  return { path, segments: pathSegments(path), operations, source };
}

export function model(...endpoints: Endpoint[]): ApiModel {
  return { endpoints };
}

export function string(extra: Partial<Extract<Schema, { kind: 'string' }>> = {}): Schema {
  return { kind: 'string', constraints: {}, ...extra };
}

export function integer(extra: Partial<Extract<Schema, { kind: 'number' }>> = {}): Schema {
  return { kind: 'number', integer: true, constraints: {}, ...extra };
}

/** An object schema; a name ending in `?` marks a member not listed in `required`. */
export function object(
  members: Record<string, Schema>,
  extra: Partial<Extract<Schema, { kind: 'object' }>> = {},
): Schema {
  const properties: Property[] = Object.entries(members).map(([key, schema]) => ({
    name: key.endsWith('?') ? key.slice(0, -1) : key,
    required: !key.endsWith('?'),
    schema,
  }));
  return { kind: 'object', constraints: {}, properties, ...extra };
}

export function array(items?: Schema): Schema {
  return items ? { kind: 'array', constraints: {}, items } : { kind: 'array', constraints: {} };
}

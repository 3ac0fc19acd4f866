import type { ApiModel, Constraints, Operation, Property, Schema } from '../../../generator/model/types.ts';
import { pathSegments } from '../../../generator/model/naming.ts';

const at = { file: 'fixture.yaml', line: 1, col: 1 };

export function str(constraints: Constraints = {}, extra: Partial<Extract<Schema, { kind: 'string' }>> = {}): Schema {
  return { kind: 'string', constraints, ...extra };
}

export function int(constraints: Constraints = {}, extra: Partial<Extract<Schema, { kind: 'number' }>> = {}): Schema {
  return { kind: 'number', integer: true, constraints, ...extra };
}

export function arr(items: Schema | undefined, constraints: Constraints = {}): Schema {
  return { kind: 'array', items, constraints };
}

export function obj(properties: Record<string, [required: boolean, schema: Schema]>): Schema {
  const list: Property[] = Object.entries(properties).map(([name, [required, schema]]) => ({ name, required, schema }));
  return { kind: 'object', properties: list, constraints: {} };
}

/** An operation with every optional part empty; `overrides` fills in what a test needs. */
export function operation(method: Operation['method'], path: string, overrides: Partial<Operation> = {}): Operation {
  return {
    method,
    path,
    docLinks: [],
    tags: [],
    deprecated: false,
    pathParams: [],
    queryParams: [],
    headerParams: [],
    response: { kind: 'empty', status: 204 },
    errorCodes: [],
    source: at,
    ...overrides,
  };
}

export function modelOf(...operations: Operation[]): ApiModel {
  const byPath = new Map<string, Operation[]>();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const endpoints = [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, ops]) => ({ path, segments: pathSegments(path), operations: ops, source: at }));
  return { endpoints };
}

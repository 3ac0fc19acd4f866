import type { Operation, Parameter, Schema } from '../../model/types.ts';

/** The subset of JSON Schema the request validators use. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | null)[];
  nullable?: boolean;
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * Formats the validators check, as regular expressions (ajv inlines RegExp formats into standalone code,
 * so the generated module needs no format library). Every other spec format (`base64`, `MediaId`, ...)
 * is documentation only and is not emitted.
 */
export const CHECKED_FORMATS: Readonly<Record<string, RegExp>> = {
  rfc3339: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
  // Parameters travel as text; these say what text a numeric or boolean parameter may be.
  'wire-integer': /^-?\d+$/,
  'wire-number': /^-?\d+(?:\.\d+)?$/,
  'wire-boolean': /^(?:true|false)$/,
};

/** `post v3/marketing/busifavor/stocks/{stock_id}/couponcodes`: how validators are keyed. */
export function operationKey(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}

/**
 * The JSON Schema of one request as it goes on the wire: `{ data, params, headers, pathParams }`,
 * where `data` is the JSON body after serialisation and every parameter is text. Header names are
 * lower-cased because HTTP header names are case-insensitive.
 */
export function requestSchema(operation: Operation): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const body = operation.body;
  if (body?.kind === 'json') {
    properties.data = bodySchema(body.schema);
    if (body.required) required.push('data');
  }
  const groups: [string, Parameter[], (name: string) => string][] = [
    ['pathParams', operation.pathParams, (name) => name],
    ['params', operation.queryParams, (name) => name],
    ['headers', operation.headerParams, (name) => name.toLowerCase()],
  ];
  for (const [container, parameters, keyOf] of groups) {
    if (parameters.length === 0) continue;
    const group: JsonSchema = { type: 'object', properties: {} };
    const groupRequired: string[] = [];
    for (const parameter of parameters) {
      group.properties![keyOf(parameter.name)] = parameterSchema(parameter.schema);
      if (parameter.required) groupRequired.push(keyOf(parameter.name));
    }
    // The wire form always carries the three containers, so a missing parameter is reported by its own name.
    if (groupRequired.length > 0) group.required = groupRequired;
    properties[container] = group;
  }
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** A body node: JSON types, with the spec's constraints. */
export function bodySchema(schema: Schema): JsonSchema {
  const out: JsonSchema = {};
  switch (schema.kind) {
    case 'string':
      out.type = 'string';
      if (schema.enum) out.enum = [...schema.enum];
      if (schema.format && CHECKED_FORMATS[schema.format] && !schema.sensitive) out.format = schema.format;
      break;
    case 'number':
      out.type = schema.integer ? 'integer' : 'number';
      if (schema.enum) out.enum = [...schema.enum];
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
    case 'object':
      out.type = 'object';
      if (schema.properties) {
        out.properties = {};
        const required = schema.properties.filter((property) => property.required).map((property) => property.name);
        for (const property of schema.properties) out.properties[property.name] = bodySchema(property.schema);
        if (required.length > 0) out.required = required;
      }
      break;
    case 'array':
      out.type = 'array';
      if (schema.items) out.items = bodySchema(schema.items);
      break;
    case 'file':
    case 'unknown':
      // Nothing the wire form can be checked against.
      return out;
  }
  // A sensitive value is RSA-OAEP ciphertext on the wire: its documented length and pattern describe the plaintext.
  if (!schema.sensitive) Object.assign(out, constraintsOf(schema));
  if (schema.nullable) {
    out.nullable = true;
    if (out.enum) out.enum.push(null);
  }
  return out;
}

/** A path, query or header parameter: always text on the wire, so numbers and booleans are checked as text. */
function parameterSchema(schema: Schema): JsonSchema {
  switch (schema.kind) {
    case 'number':
      if (schema.enum) return { type: 'string', enum: schema.enum.map(String) };
      return { type: 'string', format: schema.integer ? 'wire-integer' : 'wire-number' };
    case 'boolean':
      return { type: 'string', format: 'wire-boolean' };
    case 'string': {
      const out: JsonSchema = { type: 'string' };
      if (schema.enum) out.enum = [...schema.enum];
      if (schema.format && CHECKED_FORMATS[schema.format]) out.format = schema.format;
      const { minLength, maxLength, pattern } = constraintsOf(schema);
      return { ...out, ...definedOnly({ minLength, maxLength, pattern }) };
    }
    default:
      // Arrays and objects in a query string have no single wire spelling; the server decides.
      return {};
  }
}

function constraintsOf(schema: Schema): Partial<JsonSchema> {
  const { minLength, maxLength, pattern, minItems, maxItems, minimum, maximum } = schema.constraints;
  const applies = {
    string: { minLength, maxLength, pattern: pattern !== undefined && isUsablePattern(pattern) ? pattern : undefined },
    number: { minimum, maximum },
    array: { minItems, maxItems },
  } as const;
  const kind = schema.kind;
  if (kind === 'string' || kind === 'number' || kind === 'array') return definedOnly(applies[kind]);
  return {};
}

/** Patterns are JavaScript `u`-mode regular expressions in the generated code; one that is not cannot be checked. */
function isUsablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

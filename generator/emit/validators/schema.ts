import type { Constraints, Operation, Property, Schema } from '../../model/types.ts';
// The runtime compiles these schemas, so it owns their type and the formats they may name.
import { CHECKED_FORMATS, type JsonSchema } from '../../../templates/runtime/request-schema.ts';

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
  const schema: JsonSchema = { type: 'object', properties };
  const body = operation.body;
  if (body?.kind === 'json') {
    properties.data = bodySchema(body.schema);
    if (body.required) schema.required = ['data'];
  }
  const groups = [
    ['pathParams', operation.pathParams],
    ['params', operation.queryParams],
    ['headers', operation.headerParams.map((parameter) => ({ ...parameter, name: parameter.name.toLowerCase() }))],
  ] as const;
  for (const [container, parameters] of groups) {
    // The wire form always carries the three containers, so a missing parameter is reported by its own name.
    if (parameters.length > 0) properties[container] = objectSchema(parameters, parameterSchema);
  }
  return schema;
}

/** An object node whose members are converted by `convert`. */
function objectSchema(members: readonly Property[], convert: (schema: Schema) => JsonSchema): JsonSchema {
  // fromEntries defines own properties: an assignment to a member named `__proto__` would set the prototype instead.
  const out: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(members.map((member) => [member.name, convert(member.schema)])),
  };
  const required = members.filter((member) => member.required).map((member) => member.name);
  if (required.length > 0) out.required = required;
  return out;
}

/** A body node: JSON types, with the spec's constraints. */
function bodySchema(schema: Schema): JsonSchema {
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
      Object.assign(out, schema.properties ? objectSchema(schema.properties, bodySchema) : { type: 'object' });
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
  if (!schema.sensitive) addConstraints(out, schema);
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
    case 'string':
      // A body string's checks without its exceptions: a parameter's text is checked as sent, and a
      // nullable parameter is one that may be left out.
      return bodySchema({ ...schema, nullable: false, sensitive: false });
    default:
      // Arrays and objects in a query string have no single wire spelling; the server decides.
      return {};
  }
}

/**
 * The constraints that apply to each kind of node (a spec may put `maxLength` on a number). The
 * loader lets through only patterns both JavaScript and RE2 compile.
 */
const KIND_CONSTRAINTS: Partial<Record<Schema['kind'], readonly (keyof Constraints)[]>> = {
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum'],
  array: ['minItems', 'maxItems'],
};

function addConstraints(out: JsonSchema, schema: Schema): void {
  for (const key of KIND_CONSTRAINTS[schema.kind] ?? []) {
    const value = schema.constraints[key];
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
}

import type { Schema } from '../../model/types.ts';

/** The time an example shows where the spec gives none: fixed, so generation stays deterministic. */
const EXAMPLE_TIME = '2015-05-20T13:29:35.120+08:00';

/**
 * A value that satisfies `schema`, preferring the spec's own `example`s: what the sandbox answers for an
 * operation without scripted behaviour. Every documented property is filled in, so clients see the full shape.
 */
export function exampleOf(schema: Schema): unknown {
  switch (schema.kind) {
    case 'string':
      return exampleString(schema);
    case 'number': {
      if (typeof schema.example === 'number' && fitsNumber(schema.example, schema)) return schema.example;
      if (schema.enum?.[0] !== undefined) return schema.enum[0];
      const { minimum, maximum } = schema.constraints;
      const value = minimum ?? (maximum !== undefined && maximum < 0 ? maximum : 0);
      return schema.integer ? Math.ceil(value) : value;
    }
    case 'boolean':
      return typeof schema.example === 'boolean' ? schema.example : true;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of schema.properties ?? []) out[property.name] = exampleOf(property.schema);
      return out;
    }
    case 'array': {
      if (!schema.items) return [];
      const item = exampleOf(schema.items);
      return Array.from({ length: Math.max(1, schema.constraints.minItems ?? 1) }, () => item);
    }
    case 'file':
    case 'unknown':
      return schema.example ?? null;
  }
}

function exampleString(schema: Extract<Schema, { kind: 'string' }>): string {
  if (schema.enum?.[0] !== undefined) {
    return typeof schema.example === 'string' && schema.enum.includes(schema.example) ? schema.example : schema.enum[0];
  }
  if (schema.format === 'rfc3339') return typeof schema.example === 'string' ? schema.example : EXAMPLE_TIME;
  // An array example on a string node (a list written where one item is meant) gives its first item.
  const example = Array.isArray(schema.example) ? schema.example[0] : schema.example;
  const { minLength = 0, maxLength } = schema.constraints;
  let text = typeof example === 'string' || typeof example === 'number' ? String(example) : 'string';
  if (maxLength !== undefined && [...text].length > maxLength) text = [...text].slice(0, maxLength).join('');
  while ([...text].length < minLength) text += 'x';
  return text;
}

function fitsNumber(value: number, schema: Extract<Schema, { kind: 'number' }>): boolean {
  const { minimum, maximum } = schema.constraints;
  return (
    (!schema.integer || Number.isInteger(value)) &&
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum)
  );
}

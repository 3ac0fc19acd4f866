import type { Constraints, Property, Schema } from '../../model/types.ts';
import type { DeferredTexts } from './format.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A member name as written in a declaration: identifiers bare, anything else quoted. */
export function memberName(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * A TypeScript string literal, quoted as prettier quotes it with `singleQuote`: single quotes
 * unless the text holds more of them than double quotes.
 */
export function quote(text: string): string {
  const quoteChar = count(text, "'") > count(text, '"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replaceAll(quoteChar, `\\${quoteChar}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    // Other control characters are escaped too: the printer's type tokens are made of them.
    .replace(/[\u0000-\u001f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${quoteChar}${escaped}${quoteChar}`;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The TypeScript type of a schema, as the documented shapes spell it (plus literal unions for enums). */
export function typeText(schema: Schema, deferred: DeferredTexts): string {
  switch (schema.kind) {
    case 'string':
      if (schema.enum && schema.enum.length > 0) return unique(schema.enum).map(quote).join(' | ');
      return schema.format === 'rfc3339' ? 'string | Date' : 'string';
    case 'number':
      if (schema.enum && schema.enum.length > 0) {
        const literals = unique(schema.enum);
        // YAML can spell `.inf`/`.nan`, which have no literal type.
        return literals.every(Number.isFinite) ? literals.map(String).join(' | ') : 'number';
      }
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return schema.properties && schema.properties.length > 0 ? objectLiteral(schema.properties, deferred) : '{}';
    case 'array': {
      if (!schema.items) return '[]';
      const item = typeText(schema.items, deferred);
      return isUnion(schema.items) ? `(${item})[]` : `${item}[]`;
    }
    case 'file':
      return 'ReadStream';
    case 'unknown':
      return 'unknown';
  }
}

export interface MemberSpec {
  name: string;
  optional: boolean;
  type: string;
  doc?: string;
}

/**
 * An inline object type, one member per line so the formatter keeps it expanded
 * the way the documented shapes show nested objects.
 */
export function objectLiteralOf(members: readonly MemberSpec[], deferred: DeferredTexts): string {
  if (members.length === 0) return '{}';
  const lines = members.map((member) => {
    const doc = member.doc ? `/** ${deferred.placeholder(member.doc)} */\n` : '';
    return `${doc}${memberName(member.name)}${member.optional ? '?' : ''}: ${member.type};`;
  });
  return `{\n${lines.join('\n')}\n}`;
}

function objectLiteral(properties: readonly Property[], deferred: DeferredTexts): string {
  return objectLiteralOf(
    properties.map((property) => ({
      name: property.name,
      optional: !property.required,
      type: typeText(property.schema, deferred),
      doc: memberDoc(property.schema),
    })),
    deferred,
  );
}

function isUnion(schema: Schema): boolean {
  if (schema.kind === 'string') return schema.enum ? unique(schema.enum).length > 1 : schema.format === 'rfc3339';
  if (schema.kind === 'number') return schema.enum ? unique(schema.enum).length > 1 : false;
  return false;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * One-line JSDoc text for a data member: description, constraints in parentheses, `@example`.
 * `description` overrides the schema's own (parameters carry theirs beside the schema).
 */
export function memberDoc(schema: Schema, description: string | undefined = schema.description): string | undefined {
  // A list of scalars is documented by its items: `券code (1..32 chars) @example ABC9588200` on `string[]`.
  const items = schema.kind === 'array' && schema.items && isScalar(schema.items) ? schema.items : undefined;
  const parts: string[] = [];
  const text = oneLine(description ?? items?.description ?? '');
  if (text) parts.push(text);
  const constraints = constraintsText({ ...items?.constraints, ...schema.constraints });
  if (constraints) parts.push(`(${constraints})`);
  const example = exampleText(schema.example ?? items?.example);
  if (example) parts.push(`@example ${example}`);
  return parts.length > 0 ? escapeComment(parts.join(' ')) : undefined;
}

function isScalar(schema: Schema): boolean {
  return schema.kind === 'string' || schema.kind === 'number' || schema.kind === 'boolean';
}

function constraintsText(constraints: Constraints): string {
  const parts = [
    rangeText(constraints.minLength, constraints.maxLength, ' chars'),
    rangeText(constraints.minItems, constraints.maxItems, ' items'),
    rangeText(constraints.minimum, constraints.maximum, ''),
    constraints.pattern === undefined ? '' : `pattern \`${oneLine(constraints.pattern)}\``,
  ];
  return parts.filter(Boolean).join(', ');
}

function rangeText(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `${min}..${max}${unit}`;
  if (max !== undefined) return `max ${max}${unit}`;
  if (min !== undefined) return `min ${min}${unit}`;
  return '';
}

function exampleText(example: unknown): string {
  if (example === undefined || example === null) return '';
  if (typeof example === 'string') return oneLine(example);
  return oneLine(JSON.stringify(example) ?? '');
}

/** Collapses whitespace so a description fits a one-line comment. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Keeps text from closing the comment it is written into, and from opening one: the JSDoc printer
 * treats a `/*` in a tag's text as a comment start and closes it early, so the `.d.ts` would not parse.
 */
export function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*');
}

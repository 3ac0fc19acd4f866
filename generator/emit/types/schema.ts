import type { OptionalKind, PropertySignatureStructure, WriterFunction } from 'ts-morph';
import type { Constraints, ObjectSchema, Schema } from '../../model/types.ts';
import { propertyKey, stringLiteral } from '../literal.ts';
import { Writers } from './ts-morph.ts';

/** A type as a ts-morph structure takes it: a keyword or name, or a writer for a composite type. */
type TypeNode = string | WriterFunction;

/** The TypeScript type of a schema, as the documented shapes spell it (plus literal unions for enums). */
export function typeOf(schema: Schema): TypeNode {
  switch (schema.kind) {
    case 'string':
      if (schema.enum && schema.enum.length > 0) return union([...new Set(schema.enum)].map(stringLiteral));
      return schema.format === 'rfc3339' ? union(['string', 'Date']) : 'string';
    case 'number': {
      const literals = [...new Set(schema.enum)];
      // YAML can spell `.inf`/`.nan`, which have no literal type.
      return literals.length > 0 && literals.every(Number.isFinite) ? union(literals.map(String)) : 'number';
    }
    case 'boolean':
      return 'boolean';
    case 'object':
      return objectType(propertyMembers(schema));
    case 'array':
      return schema.items ? arrayOf(schema.items) : '[]';
    case 'file':
      return 'ReadStream';
    case 'unknown':
      return 'unknown';
  }
}

/** The writers of union types, which an array type must parenthesize. */
const unions = new WeakSet<WriterFunction>();

function union(members: readonly string[]): TypeNode {
  const [first, second, ...rest] = members;
  if (first === undefined) return 'never';
  if (second === undefined) return first;
  const writer = Writers.unionType(first, second, ...rest);
  unions.add(writer);
  return writer;
}

function arrayOf(items: Schema): WriterFunction {
  const item = typeOf(items);
  return (writer) => {
    const parenthesized = typeof item !== 'string' && unions.has(item);
    writer.conditionalWrite(parenthesized, '(');
    if (typeof item === 'string') writer.write(item);
    else item(writer);
    writer.write(parenthesized ? ')[]' : '[]');
  };
}

export interface MemberSpec {
  name: string;
  optional: boolean;
  type: TypeNode;
  doc?: string;
}

/** A property signature with its one-line JSDoc. */
export function propertyOf(member: MemberSpec): OptionalKind<PropertySignatureStructure> {
  return {
    name: propertyKey(member.name),
    hasQuestionToken: member.optional,
    type: member.type,
    docs: member.doc ? [member.doc] : [],
  };
}

/** The members of an object schema (none for `undefined`), in the spec's order. */
export function propertyMembers(schema: ObjectSchema | undefined): MemberSpec[] {
  return (schema?.properties ?? []).map((property) => ({
    name: property.name,
    optional: !property.required,
    type: typeOf(property.schema),
    doc: memberDoc(property.schema),
  }));
}

/** An inline object type, one member per line, as the documented shapes show nested objects. */
export function objectType(members: readonly MemberSpec[]): TypeNode {
  return members.length === 0 ? '{}' : Writers.objectType({ properties: members.map(propertyOf) });
}

/**
 * One-line JSDoc text for a data member: description, constraints in parentheses, `@example`.
 * `description` overrides the schema's own (parameters carry theirs beside the schema).
 */
export function memberDoc(schema: Schema, description: string | undefined = schema.description): string | undefined {
  // A list of scalars is documented by its items: `券code (1..32 chars) @example ABC9588200` on `string[]`.
  const items = schema.kind === 'array' && SCALAR_KINDS.has(schema.items?.kind) ? schema.items : undefined;
  const constraints = constraintsText({ ...items?.constraints, ...schema.constraints });
  const example = exampleText(schema.example ?? items?.example);
  const parts = [
    oneLine(description ?? items?.description ?? ''),
    constraints && `(${constraints})`,
    example && `@example ${example}`,
  ].filter(Boolean);
  return parts.length > 0 ? escapeComment(parts.join(' ')) : undefined;
}

const SCALAR_KINDS: ReadonlySet<Schema['kind'] | undefined> = new Set(['string', 'number', 'boolean']);

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
  return oneLine(typeof example === 'string' ? example : (JSON.stringify(example) ?? ''));
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

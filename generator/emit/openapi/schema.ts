import { compareText, type Schema } from '../../model/types.ts';

/** A JSON value of the exported document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const COMPONENT_NAME = /[^A-Za-z0-9._-]/g;

/**
 * Turns model schemas into OpenAPI 3.1 (JSON Schema 2020-12) schemas and gathers the shared ones
 * as `components/schemas`.
 *
 * The loader resolves every `$ref`, keeping the definition's name on the node. A use may override
 * the definition's keys, so one name can stand for several shapes: the shape used most often
 * becomes the component, a use differing from it only in its description or example is a `$ref`
 * with those beside it, and any other use stays inline.
 */
export class SchemaConverter {
  /** Definition name -> shape key -> its first use and how many uses it has, in the order first used. */
  private readonly uses = new Map<string, Map<string, { schema: Schema; count: number }>>();
  private readonly shapeKeys = new WeakMap<Schema, string>();
  /** Key text -> a short id: a parent's key holds its children's ids, not their text. */
  private readonly interned = new Map<string, string>();
  private chosen: Map<string, { key: string; schema: Schema }> | undefined;

  /** First pass: every schema the document will hold, so that the components can be chosen. */
  collect(schema: Schema): void {
    const name = componentName(schema);
    if (name !== undefined) {
      const key = this.shapeKey(schema);
      const shapes = this.uses.get(name) ?? new Map<string, { schema: Schema; count: number }>();
      const use = shapes.get(key) ?? { schema, count: 0 };
      use.count++;
      shapes.set(key, use);
      this.uses.set(name, shapes);
    }
    for (const child of children(schema)) this.collect(child);
  }

  /** Second pass: a schema as the document writes it (a `$ref` where a component fits). */
  convert(schema: Schema): JsonObject {
    const name = componentName(schema);
    const component = name === undefined ? undefined : this.components().get(name);
    if (name === undefined || component === undefined || component.key !== this.shapeKey(schema))
      return this.inline(schema);
    const reference: JsonObject = { $ref: `#/components/schemas/${name}` };
    // JSON Schema 2020-12 lets a `$ref` carry annotations; a use's own wording is kept that way.
    if (schema.description !== undefined && schema.description !== component.schema.description)
      reference.description = schema.description;
    if (schema.example !== undefined && !sameJson(schema.example, component.schema.example))
      reference.examples = [toJson(schema.example)];
    return reference;
  }

  /** `components/schemas`, sorted by name. */
  schemas(): JsonObject {
    const entries = [...this.components()].sort(([a], [b]) => compareText(a, b));
    return Object.fromEntries(entries.map(([name, { schema }]) => [name, this.inline(schema)]));
  }

  private components(): Map<string, { key: string; schema: Schema }> {
    if (this.chosen) return this.chosen;
    this.chosen = new Map();
    for (const [name, shapes] of this.uses) {
      // The most used shape; a tie goes to the first used, in path order (the sort is stable).
      const [key, { schema }] = [...shapes].sort(([, x], [, y]) => y.count - x.count)[0]!;
      this.chosen.set(name, { key, schema });
    }
    return this.chosen;
  }

  /** The node itself, its children converted (and so possibly references). */
  private inline(schema: Schema): JsonObject {
    const out: JsonObject = {};
    const type = (name: string): void => {
      out.type = schema.nullable ? [name, 'null'] : name;
    };
    switch (schema.kind) {
      case 'string':
        type('string');
        // RFC 3339 date-times are what JSON Schema calls `date-time`.
        if (schema.format !== undefined) out.format = schema.format === 'rfc3339' ? 'date-time' : schema.format;
        if (schema.enum && schema.enum.length > 0) out.enum = unique(schema.enum);
        break;
      case 'number':
        type(schema.integer ? 'integer' : 'number');
        if (schema.format !== undefined) out.format = schema.format;
        if (schema.enum && schema.enum.length > 0) out.enum = unique(schema.enum.filter(Number.isFinite));
        break;
      case 'boolean':
        type('boolean');
        break;
      case 'object':
        type('object');
        if (schema.properties && schema.properties.length > 0) {
          out.properties = Object.fromEntries(
            schema.properties.map((property) => [property.name, this.convert(property.schema)]),
          );
          const required = schema.properties.filter((property) => property.required).map((property) => property.name);
          if (required.length > 0) out.required = unique(required);
        }
        break;
      case 'array':
        type('array');
        if (schema.items) out.items = this.convert(schema.items);
        break;
      case 'file':
        type('string');
        out.format = 'binary';
        break;
      case 'unknown':
        break;
    }
    const { constraints } = schema;
    for (const key of ['minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'minimum', 'maximum'] as const) {
      const value = constraints[key];
      if (value !== undefined) out[key] = value;
    }
    if (schema.description !== undefined) out.description = schema.description;
    if (schema.example !== undefined) out.examples = [toJson(schema.example)];
    if (schema.sensitive) out['x-is-sensitive'] = true;
    return out;
  }

  /** What makes two uses of a definition the same component: all but their own wording. */
  private shapeKey(schema: Schema): string {
    const cached = this.shapeKeys.get(schema);
    if (cached !== undefined) return cached;
    const { description: _description, example: _example, definition: _definition, ...shape } = schema;
    // The children by their keys.
    if (schema.kind === 'object' && schema.properties) {
      const properties = schema.properties.map((property) => ({ ...property, schema: this.fullKey(property.schema) }));
      Object.assign(shape, { properties });
    }
    if (schema.kind === 'array' && schema.items) Object.assign(shape, { items: this.fullKey(schema.items) });
    const key = this.intern(stableJson(shape));
    this.shapeKeys.set(schema, key);
    return key;
  }

  private intern(text: string): string {
    if (!this.interned.has(text)) this.interned.set(text, `#${this.interned.size}`);
    return this.interned.get(text)!;
  }

  /** A child's whole node, wording included, with its own children by key. */
  private fullKey(schema: Schema): string {
    return this.intern(
      stableJson({
        shape: this.shapeKey(schema),
        description: schema.description,
        example: toJson(schema.example),
        definition: schema.definition,
      }),
    );
  }
}

function componentName(schema: Schema): string | undefined {
  return schema.definition === undefined || schema.definition === ''
    ? undefined
    : schema.definition.replace(COMPONENT_NAME, '_');
}

function children(schema: Schema): Schema[] {
  if (schema.kind === 'object') return (schema.properties ?? []).map((property) => property.schema);
  if (schema.kind === 'array' && schema.items) return [schema.items];
  return [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Plain data of the model (text, number, boolean, null, list, mapping: what the loader reads from
 * YAML) as JSON: YAML's `.inf` and `.nan` become text.
 */
export function toJson(value: unknown): Json {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  return (value ?? null) as Json;
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(toJson(a)) === stableJson(toJson(b));
}

/** JSON with object keys sorted: equal values give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => compareText(a, b)))
      : item,
  );
}

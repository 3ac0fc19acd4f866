import { posix } from 'node:path';
import { RE2JS } from 're2js';
import type { ArraySchema, NumberSchema, ObjectSchema, Property, Schema, StringSchema } from '../model/types.ts';
import type { FileStore } from './files.ts';
import type { Reporter, Trace } from './report.ts';
import type { SpecFile } from './source.ts';
import { closest, didYouMean } from './suggest.ts';
import { ValueReader } from './values.ts';
import { toPlain, type YMap, type YNode, type YPair, type YScalar } from './yaml-tree.ts';

const CONSTRAINT_KEYS = ['minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'minimum', 'maximum'] as const;

/** Keys a schema may carry. `default`, `x-json`, `xml` and `title` are accepted and not modelled. */
export const SCHEMA_KEYS: ReadonlySet<string> = new Set([
  'type',
  'format',
  'description',
  'example',
  'enum',
  'nullable',
  'x-is-sensitive',
  'x-json',
  'default',
  'xml',
  'title',
  'properties',
  'required',
  'items',
  'allOf',
  '$ref',
  ...CONSTRAINT_KEYS,
]);

const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'file'] as const;
/** `$ref` siblings that leave the shape alone, so the node still is the named definition. */
const DOCUMENTATION_KEYS: ReadonlySet<string> = new Set(['description', 'example']);

interface Entry {
  file: SpecFile;
  pair: YPair;
}

/** A schema node with `$ref` and `allOf` merged away, still pointing at the YAML it came from. */
interface View {
  file: SpecFile;
  offset: number;
  /** Every key except `$ref`, `allOf`, `properties`, `required`; a later writer wins. */
  keys: Map<string, Entry>;
  /** In spec order; every `allOf` part that defines a name contributes an entry, merged when built. */
  properties?: Map<string, Entry[]>;
  /** The `required` names, with where each is written, to report one naming no property. */
  required: Map<string, { file: SpecFile; offset: number }>;
  definition?: string;
  /** An unresolved or cyclic `$ref`: built as `unknown`. */
  broken: boolean;
}

interface RefTarget {
  file: SpecFile;
  node: YNode;
  /** `definitions/Enumerations.yaml#Name`: one identity for both `#Name` and `#/Name`. */
  key: string;
  name: string;
}

/** Resolves schema nodes into the model, memoising every `$ref` target. */
export class SchemaResolver {
  /** Each target as built, with what building it reported and read: replayed for every later use. */
  private readonly targetSchemas = new Map<string, [Schema, Trace]>();
  private readonly targetViews = new Map<string, [View, Trace]>();
  private readonly inProgress = new Set<string>();
  private readonly read: ValueReader;

  constructor(
    private readonly files: FileStore,
    private readonly reporter: Reporter,
  ) {
    this.read = new ValueReader(reporter);
  }

  /** `ignoredKeys`: keys of the enclosing construct (a parameter's `name`, `in`, ...). */
  schema(file: SpecFile, node: YNode, ignoredKeys?: ReadonlySet<string>): Schema {
    const map = this.read.map(file, node, 'a schema must be a mapping');
    if (!map) return unknownSchema();
    const only = map.pairs.length === 1 ? map.pairs[0] : undefined;
    if (only && only.key === '$ref') return this.refSchema(file, only.value);
    return this.build(this.view(file, map, ignoredKeys));
  }

  /** A `$ref` without siblings: its target is built once and shared by every use. */
  private refSchema(file: SpecFile, refNode: YNode): Schema {
    const schema = this.viaRef(file, refNode, this.targetSchemas, (target) => ({
      ...this.schema(target.file, target.node),
      definition: target.name,
    }));
    return schema ?? unknownSchema();
  }

  private targetView(file: SpecFile, refNode: YNode): View | undefined {
    return this.viaRef(file, refNode, this.targetViews, (target) => {
      if (target.node.kind === 'map') return { ...this.view(target.file, target.node), definition: target.name };
      this.reporter.invalidValue(file, refNode.offset, `\`$ref\` ${target.key} is not a mapping`);
      return undefined;
    });
  }

  /** Builds a `$ref` target once per cache, reporting a target that is reached again while being built. */
  private viaRef<T>(
    file: SpecFile,
    refNode: YNode,
    cache: Map<string, [T, Trace]>,
    build: (target: RefTarget) => T | undefined,
  ): T | undefined {
    const target = this.resolveRef(file, refNode);
    if (!target) return undefined;
    const cached = cache.get(target.key);
    if (cached) {
      this.reporter.replay(cached[1]);
      return cached[0];
    }
    if (this.inProgress.has(target.key)) {
      this.reporter.invalid(file, refNode.offset, 'REF_CYCLE', `\`$ref\` ${target.key} refers back to itself`);
      return undefined;
    }
    this.inProgress.add(target.key);
    const [built, trace] = this.reporter.trace(() => build(target));
    this.inProgress.delete(target.key);
    if (built) cache.set(target.key, [built, trace]);
    return built;
  }

  /** `Enumerations.yaml#Name`, `Enumerations.yaml#/Name`, `#Name` (same file), relative to `file`. */
  resolveRef(file: SpecFile, refNode: YNode): RefTarget | undefined {
    if (refNode.kind !== 'scalar' || typeof refNode.value !== 'string') {
      this.reporter.invalidValue(file, refNode.offset, '`$ref` must be a string');
      return undefined;
    }
    const ref = refNode.value;
    const unresolved = (why: string): undefined => {
      this.reporter.invalid(file, refNode.offset, 'UNRESOLVED_REF', `\`$ref\` ${ref}${why}`);
      return undefined;
    };
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1).replace(/^\//, '');
    const targetPath = filePart === '' ? file.path : posix.normalize(posix.join(posix.dirname(file.path), filePart));
    const targetFile = filePart === '' ? file : targetPath.startsWith('../') ? undefined : this.files.get(targetPath);
    if (!targetFile) {
      const why = this.files.escapes(targetPath) ? 'leads outside the spec root (through a symlink)' : 'not found';
      return unresolved(`: file ${targetPath} ${why}`);
    }
    // A file with YAML errors has been reported already.
    if (!targetFile.parsed.ok) return undefined;
    if (pointer === '') return unresolved(' names no definition (expected `file.yaml#Name`)');
    const names = pointer.split('/');
    const definitionFile = this.layerDefining(targetPath, names[0] ?? '') ?? targetFile;
    if (!definitionFile.parsed.ok) return undefined;
    let node: YNode = definitionFile.parsed.root;
    for (const name of names) {
      const pair = node.kind === 'map' ? node.pairs.findLast((candidate) => candidate.key === name) : undefined;
      if (!pair) {
        const candidates = node.kind === 'map' ? node.pairs.map((candidate) => candidate.key) : [];
        return unresolved(`: no \`${name}\` in ${targetPath}${didYouMean(name, candidates)}`);
      }
      node = pair.value;
    }
    return { file: definitionFile, node, key: `${targetPath}#${pointer}`, name: names.at(-1) ?? pointer };
  }

  /** With several spec roots, a definitions file is overridden per top-level name: the last root defining `name` wins. */
  private layerDefining(path: string, name: string): SpecFile | undefined {
    if (!this.files.layered) return undefined;
    const defining = ({ parsed }: SpecFile): boolean =>
      parsed.ok && parsed.root.kind === 'map' && parsed.root.pairs.some((pair) => pair.key === name);
    return this.files.layers(path).findLast(defining);
  }

  private view(file: SpecFile, map: YMap, ignoredKeys?: ReadonlySet<string>): View {
    const own = emptyView(file, map.offset);
    const seen = new Set<string>();
    const unknown: YPair[] = [];
    let base: View | undefined;
    let refPair: YPair | undefined;
    let propertiesPair: YPair | undefined;
    const members: View[] = [];
    for (const pair of map.pairs) {
      if (seen.has(pair.key)) this.reporter.duplicate(file, pair.keyOffset, 'key', pair.key);
      seen.add(pair.key);
      if (ignoredKeys?.has(pair.key)) continue;
      switch (pair.key) {
        case '$ref':
          refPair = pair;
          base = this.targetView(file, pair.value);
          if (!base) own.broken = true;
          break;
        case 'allOf':
          if (pair.value.kind !== 'seq') {
            this.reporter.invalidValue(file, pair.value.offset, '`allOf` must be a list of schemas');
            break;
          }
          for (const item of pair.value.items) {
            if (item.kind === 'map') members.push(this.view(file, item));
            else this.reporter.invalidValue(file, item.offset, 'an `allOf` member must be a schema mapping');
          }
          break;
        case 'properties':
          propertiesPair = pair;
          own.properties = this.properties(file, pair);
          break;
        case 'required':
          this.requiredNames(file, pair.value, own);
          break;
        default:
          if (SCHEMA_KEYS.has(pair.key)) own.keys.set(pair.key, { file, pair });
          else unknown.push(pair);
      }
    }
    this.reportUnknownKeys(file, own, unknown, propertiesPair !== undefined);
    if (!base && members.length === 0) return own;
    const merged = emptyView(file, map.offset);
    for (const part of [base, ...members, own]) if (part) mergeInto(merged, part);
    const documentsOnly = map.pairs.every(
      (pair) => pair === refPair || ignoredKeys?.has(pair.key) || DOCUMENTATION_KEYS.has(pair.key),
    );
    if (documentsOnly && base?.definition) merged.definition = base.definition;
    return merged;
  }

  private properties(file: SpecFile, pair: YPair): Map<string, Entry[]> | undefined {
    if (pair.value.kind === 'scalar' && pair.value.value === null) return undefined;
    const value = this.read.map(file, pair.value, '`properties` must be a mapping of property names to schemas');
    if (!value) return undefined;
    const result = new Map<string, Entry[]>();
    for (const property of value.pairs) {
      if (/\s/.test(property.key)) {
        this.reporter.invalid(
          file,
          property.keyOffset,
          'INVALID_PROPERTY_NAME',
          `property name \`${property.key}\` contains a space; the property is left out`,
        );
        continue;
      }
      if (result.has(property.key)) this.reporter.duplicate(file, property.keyOffset, 'property', property.key);
      result.set(property.key, [{ file, pair: property }]);
    }
    return result;
  }

  private requiredNames(file: SpecFile, node: YNode, into: View): void {
    for (const item of this.read.list(file, node, "a schema's `required` must be a list of property names")) {
      if (item.kind === 'scalar' && typeof item.value === 'string') {
        into.required.set(item.value, { file, offset: item.offset });
      } else this.reporter.invalidValue(file, item.offset, '`required` entries must be property names');
    }
  }

  /**
   * Property names written beside `type: object` instead of under `properties` are one mistake,
   * reported once and read as the properties they were meant to be; other unknown keys are dropped.
   */
  private reportUnknownKeys(file: SpecFile, own: View, unknown: YPair[], hasPropertiesKey: boolean): void {
    const type = own.keys.get('type')?.pair.value;
    const isObject = hasPropertiesKey || (type?.kind === 'scalar' && type.value === 'object');
    const misplaced = isObject ? unknown.filter((pair) => pair.value.kind === 'map') : [];
    const first = misplaced[0];
    if (first) {
      const names = misplaced.map((pair) => `\`${pair.key}\``).join(', ');
      this.reporter.invalid(
        file,
        first.keyOffset,
        'MISPLACED_PROPERTIES',
        `${names} ${misplaced.length === 1 ? 'is' : 'are'} written beside \`type: object\`; indent ${misplaced.length === 1 ? 'it' : 'them'} under \`properties\` (read as properties)`,
      );
      own.properties ??= new Map();
      for (const pair of misplaced) own.properties.set(pair.key, [{ file, pair }]);
    }
    for (const pair of unknown)
      if (!misplaced.includes(pair)) this.read.unknownKey(file, pair, 'schema key', SCHEMA_KEYS);
  }

  private build(view: View): Schema {
    const typeEntry = view.keys.get('type');
    const type = view.broken ? undefined : typeEntry ? this.typeName(typeEntry) : inferType(view);
    const schema = this.shape(view, type);
    this.addBaseFields(view, schema);
    return schema;
  }

  private shape(view: View, type: string | undefined): Schema {
    switch (type) {
      case 'string': {
        const schema: StringSchema = { kind: 'string', constraints: {} };
        setIfDefined(schema, 'format', this.text(view, 'format'));
        setIfDefined(schema, 'enum', this.enumValues(view, 'string'));
        return schema;
      }
      case 'integer':
      case 'number': {
        const schema: NumberSchema = { kind: 'number', constraints: {}, integer: type === 'integer' };
        setIfDefined(schema, 'format', this.text(view, 'format'));
        setIfDefined(schema, 'enum', this.enumValues(view, 'number'));
        return schema;
      }
      case 'boolean':
        return { kind: 'boolean', constraints: {} };
      case 'object': {
        const schema: ObjectSchema = { kind: 'object', constraints: {} };
        if (view.properties) schema.properties = this.propertyList(view);
        this.checkRequired(view);
        return schema;
      }
      case 'array': {
        const schema: ArraySchema = { kind: 'array', constraints: {} };
        const items = view.keys.get('items');
        if (items) schema.items = this.schema(items.file, items.pair.value);
        else
          this.reporter.warning(
            view.file,
            view.offset,
            'ARRAY_WITHOUT_ITEMS',
            'array without `items`; documented as `[]`',
          );
        return schema;
      }
      case 'file':
        return { kind: 'file', constraints: {} };
      default:
        return unknownSchema();
    }
  }

  private typeName(entry: Entry): string | undefined {
    const node = entry.pair.value;
    if (node.kind !== 'scalar' || typeof node.value !== 'string') {
      this.reporter.invalidValue(entry.file, node.offset, '`type` must be a type name');
      return undefined;
    }
    if ((TYPES as readonly string[]).includes(node.value)) return node.value;
    // A near miss (`int`, `stringde`) is read as the type it was meant to be, so one typo costs one diagnostic, not a member.
    const meant = closest(node.value, TYPES);
    const reading = meant === undefined ? '' : `; read as \`${meant}\``;
    this.reporter.invalid(
      entry.file,
      node.offset,
      'UNKNOWN_TYPE',
      `unknown type ${JSON.stringify(node.value)}${reading}`,
    );
    return meant;
  }

  private propertyList(view: View): Property[] {
    const sensitive = this.sensitiveNames(view);
    return [...(view.properties ?? [])].map(([name, entries]) => {
      const schema = entries.map(({ file, pair }) => this.schema(file, pair.value)).reduce(mergeSchemas);
      return {
        name,
        required: view.required.has(name),
        schema: sensitive?.includes(name) ? { ...schema, sensitive: true } : schema,
      };
    });
  }

  /** A `required` entry naming no property would leave the member meant optional. */
  private checkRequired(view: View): void {
    if (view.broken) return;
    for (const [name, at] of view.required) {
      if (view.properties?.has(name)) continue;
      // A warning: the public corpus has a hundred such entries, each a member the documents left out.
      this.reporter.warning(
        at.file,
        at.offset,
        'REQUIRED_NOT_A_PROPERTY',
        `\`required\` names \`${name}\`, which is not a property${didYouMean(name, view.properties?.keys() ?? [])}`,
      );
    }
  }

  /** An object's `x-is-sensitive: [name, ...]` (or `: name`) marks those properties rather than the object. */
  private sensitiveNames(view: View): string[] | undefined {
    const node = view.keys.get('x-is-sensitive')?.pair.value;
    if (node?.kind === 'scalar' && typeof node.value === 'string') return [node.value];
    if (node?.kind !== 'seq') return undefined;
    return node.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
  }

  private addBaseFields(view: View, schema: Schema): void {
    for (const key of CONSTRAINT_KEYS) {
      const entry = view.keys.get(key);
      if (!entry) continue;
      if (key === 'pattern') {
        const pattern = this.text(view, key);
        const problem = pattern === undefined ? undefined : patternProblem(pattern);
        if (problem !== undefined)
          this.reporter.invalid(
            entry.file,
            entry.pair.value.offset,
            'INVALID_PATTERN',
            `\`pattern\` ${problem}; pattern ignored`,
          );
        else setIfDefined(schema.constraints, 'pattern', pattern);
        continue;
      }
      const value = scalar(entry.pair.value);
      if (typeof value === 'number') schema.constraints[key] = value;
      else this.reporter.invalidValue(entry.file, entry.pair.value.offset, `\`${key}\` must be a number`);
    }
    setIfDefined(schema, 'description', this.text(view, 'description'));
    const example = view.keys.get('example');
    if (example) setIfDefined(schema, 'example', toPlain(example.pair.value));
    setIfDefined(schema, 'nullable', this.flag(view, 'nullable'));
    if (!this.sensitiveNames(view)) setIfDefined(schema, 'sensitive', this.flag(view, 'x-is-sensitive'));
    setIfDefined(schema, 'definition', view.definition);
  }

  private text(view: View, key: string): string | undefined {
    const entry = view.keys.get(key);
    return entry && this.read.text(entry.file, entry.pair);
  }

  private flag(view: View, key: string): boolean | undefined {
    const entry = view.keys.get(key);
    return entry && this.read.flag(entry.file, entry.pair);
  }

  private enumValues(view: View, kind: 'string'): string[] | undefined;
  private enumValues(view: View, kind: 'number'): number[] | undefined;
  private enumValues(view: View, kind: 'string' | 'number'): Array<string | number> | undefined {
    const entry = view.keys.get('enum');
    if (!entry) return undefined;
    const node = entry.pair.value;
    if (node.kind !== 'seq') {
      this.reporter.invalidValue(entry.file, node.offset, '`enum` must be a list of values');
      return undefined;
    }
    const values: Array<string | number> = [];
    for (const item of node.items) {
      const value = scalar(item);
      if (kind === 'number' && typeof value === 'number') values.push(value);
      // A string enum written `- true` still means the text; an unquoted number is a mistake the model would hide.
      else if (kind === 'string' && item.kind === 'scalar' && value !== null) {
        if (typeof value === 'number') {
          // A warning: the public corpus writes code tables this way (`- 2401`), meaning the text.
          this.reporter.warning(
            entry.file,
            item.offset,
            'ENUM_NUMBER_AS_TEXT',
            `\`enum\` of a string schema holds the number ${String(value)}; read as text (quote it)`,
          );
        }
        values.push(entry.file.rawScalar(item));
      } else {
        // One mistake (usually the wrong `type`), one diagnostic: the whole enum is dropped.
        this.reporter.invalidValue(
          entry.file,
          item.offset,
          `\`enum\` of a ${kind} schema holds ${JSON.stringify(toPlain(item))}; enum ignored`,
        );
        return undefined;
      }
    }
    return values;
  }
}

/**
 * Why a `pattern` cannot be checked, if it cannot: validators compile it as a JavaScript `u`-mode
 * regular expression and run it on RE2 (linear time), which has no lookaround or backreferences.
 */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
  try {
    RE2JS.compile(pattern);
  } catch (error) {
    return `uses a feature the linear-time regular expression engine lacks (lookaround, backreference): ${(error as Error).message}`;
  }
  return undefined;
}

function emptyView(file: SpecFile, offset: number): View {
  return {
    file,
    offset,
    keys: new Map(),
    required: new Map(),
    broken: false,
  };
}

/** `allOf` and `$ref` merging: properties merged in order, `required` unioned, other keys overridden. */
function mergeInto(target: View, source: View): void {
  for (const [key, entry] of source.keys) target.keys.set(key, entry);
  if (source.properties) {
    target.properties ??= new Map();
    for (const [name, entries] of source.properties)
      target.properties.set(name, [...(target.properties.get(name) ?? []), ...entries]);
  }
  for (const [name, at] of source.required) target.required.set(name, at);
  target.broken ||= source.broken;
}

/**
 * Two `allOf` parts that both define a property both apply: object members merge recursively
 * (earlier order first, a later part's keys winning); any other pair keeps the later schema.
 */
function mergeSchemas(earlier: Schema, later: Schema): Schema {
  if (earlier.kind !== 'object' || later.kind !== 'object') return later;
  const members = new Map((earlier.properties ?? []).map((property) => [property.name, property]));
  for (const property of later.properties ?? []) {
    const prior = members.get(property.name);
    members.set(
      property.name,
      prior
        ? {
            name: property.name,
            required: prior.required || property.required,
            schema: mergeSchemas(prior.schema, property.schema),
          }
        : property,
    );
  }
  const merged: Schema = { ...earlier, ...later, constraints: { ...earlier.constraints, ...later.constraints } };
  if (earlier.properties || later.properties) merged.properties = [...members.values()];
  return merged;
}

function inferType(view: View): string | undefined {
  if (view.properties) return 'object';
  if (view.keys.has('items')) return 'array';
  const values = view.keys.get('enum')?.pair.value;
  const first = values?.kind === 'seq' ? scalar(values.items[0]) : undefined;
  return typeof first === 'number' || typeof first === 'string' ? typeof first : undefined;
}

function scalar(node: YNode | undefined): YScalar['value'] | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

function unknownSchema(): Schema {
  return { kind: 'unknown', constraints: {} };
}

/** Assigns only present values, so absent fields stay absent rather than `undefined`. */
function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** `{ [key]: value }` when the value is present, so absent fields stay absent rather than `undefined`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

import { HTTP_METHOD_TABLE, type Endpoint, type Operation, type Schema } from '../../model/types.ts';
import { isIdentifier, propertyKey, stringLiteral } from '../literal.ts';
import { render } from '../render.ts';
import { exampleJson, isScalar } from './json-examples.ts';

/**
 * TypeScript usage examples for one operation, written as complete snippets that compile on
 * their own against the generated package: each declares its client and its inputs (with the
 * spec's example values), calls the operation in one access style and destructures the response.
 */

export type AccessStyle = 'chained' | 'declarative' | 'attribute';

export const ACCESS_STYLES: readonly AccessStyle[] = ['chained', 'declarative', 'attribute'];

const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined'
  ).split(' '),
);

/** Names the snippet itself uses; inputs and response fields must not shadow them. */
const SNIPPET_NAMES: readonly string[] = [
  'wxpay',
  'Wechatpay',
  'console',
  'JSON',
  'createReadStream',
  'createWriteStream',
];

/** Allocates unique, valid binding names in one scope. */
class Scope {
  private readonly taken = new Set<string>(SNIPPET_NAMES);

  bind(wanted: string): string {
    let base = wanted.replace(/[^\w$]/g, '_');
    if (!isIdentifier(base)) base = `_${base}`;
    if (RESERVED_WORDS.has(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** `key: binding`, shortened to `key` when both are the same identifier. */
function entry(key: string, binding: string): string {
  return key === binding ? key : `${propertyKey(key)}: ${binding}`;
}

const MAX_INLINE = 72;

/** An object or array literal on one line when short (`{ a, b }`, `[a, b]`), else one item per line. */
function literal(brackets: '{}' | '[]', items: readonly string[], indent: string): string {
  const [open, close] = brackets;
  const pad = brackets === '{}' && items.length > 0 ? ' ' : '';
  const inline = `${open}${pad}${items.join(', ')}${pad}${close}`;
  if (inline.length <= MAX_INLINE && !inline.includes('\n')) return inline;
  return `${open}\n${items.map((item) => `${indent}  ${item},`).join('\n')}\n${indent}${close}`;
}

/**
 * A TypeScript expression for a value of `schema`, from the spec's example where it fits the type.
 * `indent` is that of the line the expression starts on: '' for the value of a declaration.
 */
function exampleValue(schema: Schema, example: unknown, indent: string, imports: Set<string>): string {
  const given = example ?? schema.example;
  // A member or an item: one level deeper.
  const inner = (member: Schema, memberExample: unknown): string =>
    exampleValue(member, memberExample, `${indent}  `, imports);
  switch (schema.kind) {
    case 'string':
    case 'number':
    case 'boolean': {
      const value = exampleJson(schema, given, 'string');
      const text = typeof value === 'string' ? stringLiteral(value) : String(value);
      const isEnum = 'enum' in schema && schema.enum && schema.enum.length > 0;
      // Literal types widen inside object and array literals bound to a `const`; enums need `as const` there.
      return isEnum && indent !== '' ? `${text} as const` : text;
    }
    case 'object': {
      if (!schema.properties) return '{}';
      const givenObject = given !== null && typeof given === 'object' && !Array.isArray(given) ? given : undefined;
      const entries = schema.properties.map((property) => {
        const member = (givenObject as { [name: string]: unknown } | undefined)?.[property.name];
        return `${propertyKey(property.name)}: ${inner(property.schema, member)}`;
      });
      return literal('{}', entries, indent);
    }
    case 'array': {
      // An array without `items` is typed as the empty tuple `[]`.
      if (!schema.items) return '[] as []';
      const items = schema.items;
      // Scalar items take the spec's list of examples, any other item the example of its own schema.
      const scalars = isScalarSchema(items) && Array.isArray(given) && given.length > 0 && given.every(isScalar);
      const values = (scalars ? given : [undefined]).map((item) => inner(items, item));
      return literal('[]', values, indent);
    }
    case 'file':
      imports.add('createReadStream');
      return `createReadStream('./file.jpg')`;
    case 'unknown':
      return 'null';
  }
}

function stringSchemaOf(schema: Schema): Schema {
  if (schema.kind === 'string') return schema;
  return { kind: 'string', constraints: {}, example: isScalar(schema.example) ? String(schema.example) : undefined };
}

function isScalarSchema(schema: Schema): boolean {
  return schema.kind === 'string' || schema.kind === 'number' || schema.kind === 'boolean';
}

interface Declaration {
  binding: string;
  value: string;
}

/** Builds the arguments of one call, declaring each input as a `const`. */
function callArguments(operation: Operation, declarations: Declaration[], imports: Set<string>): string[] {
  const scope = new Scope();
  const bind = (name: string, value: string): string => {
    const binding = scope.bind(name);
    declarations.push({ binding, value });
    return binding;
  };
  const declare = (name: string, schema: Schema): string => bind(name, exampleValue(schema, undefined, '', imports));
  // A parameter or a body member: `key: binding`.
  const member = ({ name, schema }: { name: string; schema: Schema }): string => entry(name, declare(name, schema));
  const bodyEntries = (schema: Schema): string[] =>
    schema.kind === 'object' && schema.properties ? schema.properties.map(member) : [];

  let data: string | undefined;
  // Declared in the order a reader meets them: path, body, query, headers.
  const configEntries: string[] = operation.pathParams.map(member);
  const body = operation.body;
  if (body?.kind === 'json') {
    const value =
      body.schema.kind === 'object' ? literal('{}', bodyEntries(body.schema), '') : declare('data', body.schema);
    if (operation.method === 'delete') configEntries.push(`data: ${value}`);
    else data = value;
  } else if (body?.kind === 'multipart') {
    const meta = bind(body.metaField, `JSON.stringify(${literal('{}', bodyEntries(body.meta), '')})`);
    const file = declare(body.fileField, { kind: 'file', constraints: {} });
    data = literal('{}', [entry(body.metaField, meta), entry(body.fileField, file)], '');
  } else if (HTTP_METHOD_TABLE[operation.method].takesData) {
    data = '{}';
  }

  if (operation.queryParams.length > 0) {
    configEntries.push(`params: ${literal('{}', operation.queryParams.map(member), '')}`);
  }
  if (operation.headerParams.length > 0) {
    // Header values travel as strings whatever type the spec gives them.
    const headers = operation.headerParams.map(({ name, schema }) => member({ name, schema: stringSchemaOf(schema) }));
    configEntries.push(`headers: ${literal('{}', headers, '')}`);
  }
  if (operation.response.kind === 'download') {
    configEntries.push(`responseType: 'stream'`, 'transformResponse: []');
  }

  const args = data === undefined ? [] : [data];
  if (configEntries.length > 0) args.push(literal('{}', configEntries, ''));
  return args;
}

/** The `.then(...)` handler: destructures the response the way the seeds show it. */
function responseHandler(operation: Operation, imports: Set<string>): string {
  const response = operation.response;
  if (response.kind === 'download') {
    imports.add('createWriteStream');
    return `({ data }) => {\n    data.pipe(createWriteStream('./download.bin'));\n  }`;
  }
  if (response.kind === 'empty') return `({ status }) => {\n    console.log(status);\n  }`;
  const schema = response.schema;
  if (schema.kind !== 'object' || !schema.properties || schema.properties.length === 0) {
    return `({ data }) => {\n    console.log(data);\n  }`;
  }
  const scope = new Scope();
  const names = schema.properties.map((property) => ({ key: property.name, binding: scope.bind(property.name) }));
  const fields = names.map(({ key, binding }) => entry(key, binding));
  const inlinePattern = `({ data: { ${fields.join(', ')} } })`;
  const pattern =
    inlinePattern.length <= MAX_INLINE
      ? inlinePattern
      : `({\n    data: {\n${fields.map((field) => `      ${field},`).join('\n')}\n    },\n  })`;
  const bindings = names.map(({ binding }) => binding);
  return `${pattern} => {\n    console.log(${literal('{}', bindings, '    ')});\n  }`;
}

/** The pieces of an operation's examples: the shared header (imports, client, inputs), the call per style, the response handler. */
export interface ExampleParts {
  header: string;
  calls: Record<AccessStyle, string>;
  handler: string;
}

export function operationExampleParts(endpoint: Endpoint, operation: Operation, packageName: string): ExampleParts {
  const imports = new Set<string>();
  const declarations: Declaration[] = [];
  const args = callArguments(operation, declarations, imports).join(', ');
  const handler = responseHandler(operation, imports);

  const header = render('docs/example.ts', {
    nodeImports: [...imports].sort().join(', '),
    packageName: stringLiteral(packageName),
    declarations,
  });
  const call = (access: string): string => `${access}.${operation.method}(${args})`;
  return {
    header,
    calls: {
      // `wxpay.v3.marketing.busifavor...couponcodes`
      chained: call(['wxpay', ...endpoint.segments.map((segment) => segment.propName)].join('.')),
      declarative: call(`wxpay.chain(${stringLiteral(endpoint.path)})`),
      attribute: call(`wxpay[${stringLiteral(endpoint.path)}]`),
    },
    handler,
  };
}

/** One complete snippet per access style. */
export function operationExamples(
  endpoint: Endpoint,
  operation: Operation,
  packageName: string,
): Record<AccessStyle, string> {
  const { header, calls, handler } = operationExampleParts(endpoint, operation, packageName);
  const snippet = (style: AccessStyle): string => `${header}\n${calls[style]}\n  .then(${handler});\n`;
  return { chained: snippet('chained'), declarative: snippet('declarative'), attribute: snippet('attribute') };
}

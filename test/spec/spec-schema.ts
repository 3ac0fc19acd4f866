import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const specRoot: string = path.join(repoRoot, 'spec');
export const schemaPath: string = path.join(specRoot, 'spec.schema.json');
export const corpusOpenapiRoot: string = path.resolve(repoRoot, '../shared/corpus/openapi');

export interface SpecValidators {
  /** One whole spec file. */
  file: ValidateFunction;
  /** One schema node (a definitions entry, a property). */
  schemaNode: ValidateFunction;
}

/**
 * Compiles `spec/spec.schema.json` in ajv's strict mode, so a schema typo fails loudly.
 * `strictRequired` stays off: `if: { required: [$ref] }` is how a `$ref`-only parameter is told apart.
 */
export function compileSpecSchema(): SpecValidators {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const schema: unknown = JSON.parse(readFileSync(schemaPath, 'utf8'));
  ajv.addSchema(schema as object, 'spec.schema.json');
  const file = ajv.getSchema('spec.schema.json');
  const schemaNode = ajv.getSchema('spec.schema.json#/definitions/schema');
  if (!file || !schemaNode) throw new Error('spec.schema.json did not compile');
  return { file, schemaNode };
}

/** `.yaml` files under `dir`, as `/`-separated paths relative to `base`, sorted. */
export function yamlFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.yaml')) found.push(path.relative(base, full).split(path.sep).join('/'));
    }
  };
  visit(dir);
  return found.sort();
}

/** YAML 1.2 core schema, as the loader reads specs: `2020.07.15` stays a string. */
export function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

/** `instancePath message` lines; the combinator wrappers (`if`, `anyOf`, `oneOf`) repeat their branches' errors. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((error) => !['if', 'anyOf', 'oneOf'].includes(error.keyword))
    .map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
}

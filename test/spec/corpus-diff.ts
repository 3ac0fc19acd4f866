import type { ApiModel, Operation, Parameter, Schema } from '../../generator/model/types.ts';

/**
 * The differences between an operation of `spec/` and the same operation of the corpus, as lines
 * `POST v3/pay/transactions/jsapi body.payer.identity: only in the corpus`: member names, types,
 * enums and required lists, recursively through the body, the parameters and the response.
 * Descriptions, examples, formats and constraints are not compared.
 */
export function operationDifferences(spec: Operation, corpus: Operation): string[] {
  const differences: string[] = [];
  const report = (at: string, what: string): void => {
    differences.push(`${spec.method.toUpperCase()} ${spec.path} ${at}: ${what}`);
  };
  compareParameters('path', spec.pathParams, corpus.pathParams, report);
  compareParameters('query', spec.queryParams, corpus.queryParams, report);
  compareParameters('header', spec.headerParams, corpus.headerParams, report);

  const specBody = spec.body;
  const corpusBody = corpus.body;
  if (specBody?.kind !== corpusBody?.kind) {
    report('body', `${specBody?.kind ?? 'none'} in the spec, ${corpusBody?.kind ?? 'none'} in the corpus`);
  } else if (specBody?.kind === 'json' && corpusBody?.kind === 'json') {
    compareSchemas('body', specBody.schema, corpusBody.schema, report);
  } else if (specBody?.kind === 'multipart' && corpusBody?.kind === 'multipart') {
    compareSchemas(`body.${specBody.metaField}`, specBody.meta, corpusBody.meta, report);
  }

  const specResponse = spec.response;
  const corpusResponse = corpus.response;
  if (specResponse.kind !== corpusResponse.kind || specResponse.status !== corpusResponse.status) {
    report('response', `${specResponse.kind} ${specResponse.status} in the spec, ${corpusResponse.kind} ${corpusResponse.status} in the corpus`);
  } else if (specResponse.kind === 'json' && corpusResponse.kind === 'json') {
    compareSchemas('response', specResponse.schema, corpusResponse.schema, report);
  }
  return differences;
}

type Report = (at: string, what: string) => void;

function compareParameters(group: string, spec: readonly Parameter[], corpus: readonly Parameter[], report: Report): void {
  const corpusByName = new Map(corpus.map((parameter) => [parameter.name, parameter]));
  for (const parameter of spec) {
    const at = `${group}.${parameter.name}`;
    const other = corpusByName.get(parameter.name);
    if (!other) {
      report(at, 'only in the spec');
      continue;
    }
    if (parameter.required !== other.required) report(at, `required in the ${parameter.required ? 'spec' : 'corpus'} only`);
    compareSchemas(at, parameter.schema, other.schema, report);
  }
  const specNames = new Set(spec.map((parameter) => parameter.name));
  for (const parameter of corpus) if (!specNames.has(parameter.name)) report(`${group}.${parameter.name}`, 'only in the corpus');
}

function typeName(schema: Schema): string {
  if (schema.kind === 'number') return schema.integer ? 'integer' : 'number';
  return schema.kind;
}

function enumText(schema: Schema): string {
  const values = schema.kind === 'string' || schema.kind === 'number' ? schema.enum : undefined;
  return values && values.length > 0 ? `[${[...new Set(values.map(String))].sort().join(', ')}]` : 'none';
}

function compareSchemas(at: string, spec: Schema, corpus: Schema, report: Report): void {
  if (typeName(spec) !== typeName(corpus)) {
    report(at, `type ${typeName(spec)} in the spec, ${typeName(corpus)} in the corpus`);
    return;
  }
  const specEnum = enumText(spec);
  const corpusEnum = enumText(corpus);
  if (specEnum !== corpusEnum) report(at, `enum ${specEnum} in the spec, ${corpusEnum} in the corpus`);
  if (spec.kind === 'array' && corpus.kind === 'array') {
    if (spec.items && corpus.items) compareSchemas(`${at}[]`, spec.items, corpus.items, report);
    else if (spec.items !== corpus.items) report(`${at}[]`, `items ${spec.items ? 'only in the spec' : 'only in the corpus'}`);
    return;
  }
  if (spec.kind !== 'object' || corpus.kind !== 'object') return;
  const corpusMembers = new Map((corpus.properties ?? []).map((property) => [property.name, property]));
  for (const property of spec.properties ?? []) {
    const member = `${at}.${property.name}`;
    const other = corpusMembers.get(property.name);
    if (!other) {
      report(member, 'only in the spec');
      continue;
    }
    if (property.required !== other.required) report(member, `required in the ${property.required ? 'spec' : 'corpus'} only`);
    compareSchemas(member, property.schema, other.schema, report);
  }
  const specMembers = new Set((spec.properties ?? []).map((property) => property.name));
  for (const property of corpus.properties ?? []) if (!specMembers.has(property.name)) report(`${at}.${property.name}`, 'only in the corpus');
}

/** Every difference of every operation of `spec` that `corpus` also has, and the operations compared. */
export function modelDifferences(spec: ApiModel, corpus: ApiModel): { compared: string[]; differences: string[] } {
  const corpusOperations = new Map(
    corpus.endpoints.flatMap((endpoint) => endpoint.operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const)),
  );
  const compared: string[] = [];
  const differences: string[] = [];
  for (const endpoint of spec.endpoints) {
    for (const operation of endpoint.operations) {
      const other = corpusOperations.get(`${operation.method} ${operation.path}`);
      if (!other) continue;
      compared.push(`${operation.method.toUpperCase()} ${operation.path}`);
      differences.push(...operationDifferences(operation, other));
    }
  }
  return { compared, differences };
}

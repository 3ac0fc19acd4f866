import { beforeAll, describe, expect, it } from 'vitest';
import { pageFile } from '../../../generator/emit/docs/index.ts';
import { tableCell } from '../../../generator/emit/docs/markdown.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import type { ApiModel, Operation, Schema } from '../../../generator/model/types.ts';
import { projectPages } from './support.ts';

/** One table row of a page section: the cells after the name, keyed by the bare dotted name. */
type Rows = Map<string, string[]>;

interface Section {
  rows: Rows;
  errorRows: string[][];
  text: string;
}

/** Splits a page into its per-method sections (`## ... {#post}`) and reads their tables. */
function sections(markdown: string): Map<string, Section> {
  const result = new Map<string, Section>();
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const method = /\{#(\w+)\}$/m.exec(part.split('\n')[0] ?? '')?.[1];
    if (!method) continue;
    const rows: Rows = new Map();
    const errorRows: string[][] = [];
    const [beforeErrors = '', errors = ''] = part.split('### 错误码');
    // Request rows are keyed `request:`, response rows `response:`, so equal rows cannot mix.
    let scope = 'request:';
    for (const line of beforeErrors.split('\n')) {
      if (line.startsWith('### 返回字典')) scope = 'response:';
      const cells = tableCells(line);
      const name = /^<code>([^<]*(?:<wbr>[^<]*)*)<\/code>/.exec(cells[0] ?? '')?.[1]?.replaceAll('<wbr>', '');
      if (name) rows.set(`${scope}${name}`, cells.slice(1));
    }
    for (const line of errors.split('\n')) {
      const cells = tableCells(line);
      if (cells.length === 4 && /^\d+$/.test(cells[0] ?? '')) errorRows.push(cells);
    }
    result.set(method, { rows, errorRows, text: part });
  }
  return result;
}

function tableCells(line: string): string[] {
  if (!line.startsWith('| ') || line.startsWith('| ---')) return [];
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

interface ExpectedField {
  name: string;
  schema: Schema;
  required: boolean;
  description: string | undefined;
}

/** Every field the model gives an operation, named as the dotted path of the request config / response data. */
function expectedFields(operation: Operation): { request: ExpectedField[]; response: ExpectedField[] } {
  const request: ExpectedField[] = [];
  const response: ExpectedField[] = [];
  const walk = (schema: Schema, prefix: string, into: ExpectedField[]): void => {
    if (schema.kind === 'array' && schema.items) return walk(schema.items, `${prefix}[]`, into);
    if (schema.kind !== 'object') return;
    for (const property of schema.properties ?? []) {
      const name = prefix ? `${prefix}.${property.name}` : property.name;
      into.push({ name, schema: property.schema, required: property.required, description: property.schema.description });
      walk(property.schema, name, into);
    }
  };
  for (const [group, parameters] of [
    ['', operation.pathParams],
    ['params.', operation.queryParams],
    ['headers.', operation.headerParams],
  ] as const) {
    for (const parameter of parameters) {
      const name = `${group}${parameter.name}`;
      request.push({ name, schema: parameter.schema, required: parameter.required, description: parameter.description });
      walk(parameter.schema, name, request);
    }
  }
  if (operation.body?.kind === 'json') {
    request.push({ name: 'data', schema: operation.body.schema, required: operation.body.required, description: undefined });
    walk(operation.body.schema, 'data', request);
  } else if (operation.body?.kind === 'multipart') {
    const meta = `data.${operation.body.metaField}`;
    request.push({ name: meta, schema: operation.body.meta, required: true, description: undefined });
    walk(operation.body.meta, meta, request);
  }
  if (operation.response.kind === 'json') walk(operation.response.schema, '', response);
  return { request, response };
}

/** The type word a reader must see for a schema kind. */
function typeWord(schema: Schema): string {
  switch (schema.kind) {
    case 'number':
      return schema.integer ? 'integer' : 'number';
    case 'array':
      return schema.items ? `${typeWord(schema.items)}[]` : '[]';
    case 'string':
      return schema.format ? `string(${schema.format})` : 'string';
    default:
      return schema.kind;
  }
}

/** Every constraint value and enum member of a schema (and of a scalar array's items), as text. */
function constraintTexts(schema: Schema): string[] {
  const texts = Object.values(schema.constraints).map((value) => String(value).replace(/\|/g, '\\|'));
  if ((schema.kind === 'string' || schema.kind === 'number') && schema.enum) texts.push(...schema.enum.map((value) => `\`${value}\``));
  if (schema.kind === 'array' && schema.items && schema.items.kind !== 'object') texts.push(...constraintTexts(schema.items));
  return texts;
}

let model: ApiModel;
let files: EmittedFile[];

beforeAll(async () => {
  ({ model, files } = await projectPages());
});

describe('the seed pages carry the whole model', () => {
  it('every field with its type, requirement, description, constraints and enum values', () => {
    let checked = 0;
    for (const endpoint of model.endpoints) {
      const page = files.find((file) => file.path === pageFile(endpoint))?.contents ?? '';
      const bySection = sections(page);
      for (const operation of endpoint.operations) {
        const section = bySection.get(operation.method);
        expect(section, `${endpoint.path} has a section {#${operation.method}}`).toBeDefined();
        const { request, response } = expectedFields(operation);
        for (const [scope, fields] of [
          ['request:', request],
          ['response:', response],
        ] as const) {
          for (const field of fields) {
            const where = `${operation.method.toUpperCase()} ${endpoint.path} ${scope}${field.name}`;
            const cells = section?.rows.get(`${scope}${field.name}`);
            expect(cells, where).toBeDefined();
            const [type = '', required = '', description = '', constraints = ''] = cells ?? [];
            expect(type, where).toBe(typeWord(field.schema));
            expect(required, where).toBe(field.required ? '是' : '否');
            if (field.description) expect(description, where).toContain(tableCell(field.description));
            for (const text of constraintTexts(field.schema)) expect(constraints, where).toContain(text);
            if (field.schema.nullable) expect(constraints, where).toContain('null');
            if (field.schema.sensitive) expect(constraints, where).toContain('加密');
            checked += 1;
          }
        }
      }
    }
    // The three seed endpoints hold dozens of fields; a parse that found none would pass vacuously.
    expect(checked).toBeGreaterThan(20);
  });

  it('every error code, the method anchors, doc links and deprecation notices', () => {
    let errorCodes = 0;
    for (const endpoint of model.endpoints) {
      const page = files.find((file) => file.path === pageFile(endpoint))?.contents ?? '';
      const bySection = sections(page);
      for (const operation of endpoint.operations) {
        const section = bySection.get(operation.method);
        expect(section?.errorRows).toEqual(
          operation.errorCodes.map((error) => [
            String(error.status),
            tableCell(error.code),
            tableCell(error.description),
            tableCell(error.solution ?? ''),
          ]),
        );
        errorCodes += operation.errorCodes.length;
        for (const link of operation.docLinks) expect(section?.text).toContain(`(${link})`);
        expect(section?.text.includes('::: danger'), `${endpoint.path} ${operation.method} deprecation`).toBe(operation.deprecated);
      }
    }
    // Seed 004 documents the error codes of the couponcodes upload.
    expect(errorCodes).toBeGreaterThan(0);
  });
});

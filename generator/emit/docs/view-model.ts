import type { Endpoint, Operation, Parameter, Schema } from '../../model/types.ts';
import { ACCESS_STYLES, operationExamples, type AccessStyle } from './examples.ts';
import { requestExample, responseExample } from './json-examples.ts';
import { inlineCode, inlineText, linkDestination, tableCell, tableCode, yamlString } from './markdown.ts';

/**
 * The view-model of the docs templates: every string is final markdown, so the templates only
 * lay rows and sections out.
 */

export interface TableRow {
  /** Dotted path into the request config or response data (`data.fail_codes[].code`), with the nesting depth for the theme (`{data-indent=N}`). */
  name: string;
  type: string;
  required: string;
  description: string;
  constraints: string;
}

const STYLE_LABELS: Readonly<Record<AccessStyle, string>> = {
  chained: '纯链式',
  declarative: '声明式',
  attribute: '属性式',
};

/** The title of an endpoint's page: the summary of its first operation, else its path. */
export function endpointTitle(endpoint: Endpoint): string {
  const summary = endpoint.operations.find((operation) => operation.summary)?.summary;
  return (summary ?? endpoint.path).trim();
}

export function endpointPageView(endpoint: Endpoint, packageName: string) {
  const first = endpoint.operations[0];
  const description = first?.description?.trim() || first?.summary?.trim() || endpoint.path;
  return {
    title: yamlString(endpointTitle(endpoint)),
    description: yamlString(description),
    heading: inlineText(endpointTitle(endpoint)),
    path: inlineCode(endpoint.path),
    operations: endpoint.operations.map((operation) => operationView(endpoint, operation, packageName)),
  };
}

function operationView(endpoint: Endpoint, operation: Operation, packageName: string) {
  const examples = operationExamples(endpoint, operation, packageName);
  const { response } = operation;
  return {
    method: operation.method.toUpperCase(),
    heading: inlineText(operation.summary ?? `${operation.method.toUpperCase()} ${endpoint.path}`),
    anchor: `{#${operation.method}}`,
    docLinks: operation.docLinks.flatMap((link) => linkDestination(link) ?? []),
    examples: ACCESS_STYLES.map((style) => ({ label: STYLE_LABELS[style], code: examples[style] })),
    requestExample: requestExample(operation),
    responseExample: responseExample(operation),
    requestRows: requestRows(operation),
    responseRows: responseRows(operation),
    // `null` and `''` for what is absent: the templates run in strict mode, so every key is present.
    deprecated: operation.deprecated
      ? { since: operation.lastUpdatedAt ? inlineText(operation.lastUpdatedAt) : '' }
      : null,
    description: operation.description?.trim() ? inlineText(operation.description) : '',
    download: response.kind === 'download' ? { types: response.contentTypes.map(inlineCode).join('、') } : null,
    emptyStatus: response.kind === 'empty' ? response.status : null,
    errorCodes: operation.errorCodes.map((error) => ({
      status: error.status,
      code: tableCell(error.code),
      description: tableCell(error.description),
      solution: tableCell(error.solution ?? ''),
    })),
  };
}

function requestRows(operation: Operation): TableRow[] {
  const parameterRows = (parameter: Parameter, name: string, indent: number): TableRow[] =>
    fieldRows(name, indent, parameter.schema, parameter.required, parameter.description);
  const rows = operation.pathParams.flatMap((parameter) => parameterRows(parameter, parameter.name, 0));
  const groups = [
    ['params', operation.queryParams, '查询参数'],
    ['headers', operation.headerParams, '请求头'],
  ] as const;
  for (const [group, parameters, description] of groups) {
    if (parameters.length === 0) continue;
    const anyRequired = parameters.some((parameter) => parameter.required);
    rows.push(
      groupRow(group, anyRequired, description),
      ...parameters.flatMap((parameter) => parameterRows(parameter, `${group}.${parameter.name}`, 1)),
    );
  }
  const body = operation.body;
  if (body?.kind === 'json') {
    rows.push(...fieldRows('data', 0, body.schema, body.required, body.schema.description ?? '请求的 `JSON` 数据'));
  } else if (body?.kind === 'multipart') {
    const meta = `data.${body.metaField}`;
    rows.push(
      groupRow('data', true, '`multipart/form-data` 数据'),
      ...fieldRows(meta, 1, body.meta, true, body.meta.description ?? '文件元信息，`JSON` 字符串（签名覆盖此部分）'),
      {
        ...row(`data.${body.fileField}`, 1, { kind: 'file', constraints: {} }, true, '文件内容'),
        type: tableCode('ReadStream'),
      },
    );
  }
  return rows;
}

function responseRows(operation: Operation): TableRow[] {
  const response = operation.response;
  if (response.kind !== 'json') return [];
  if (response.schema.kind === 'object' && response.schema.properties) return schemaRows(response.schema);
  return fieldRows('data', 0, response.schema, true, response.schema.description);
}

/** Rows for the members of an object (or of an array's object items), depth-first in spec order. */
export function schemaRows(schema: Schema, prefix = '', indent = 0): TableRow[] {
  if (schema.kind === 'array' && schema.items) return schemaRows(schema.items, `${prefix}[]`, indent);
  if (schema.kind !== 'object' || !schema.properties) return [];
  return schema.properties.flatMap((property) => {
    const name = prefix ? `${prefix}.${property.name}` : property.name;
    return fieldRows(name, indent, property.schema, property.required, property.schema.description);
  });
}

function groupRow(name: string, required: boolean, description: string): TableRow {
  return { name: fieldName(name), type: 'object', required: required ? '是' : '否', description, constraints: '' };
}

/** A field's row, then the rows of its members one level deeper. */
function fieldRows(name: string, indent: number, schema: Schema, required: boolean, description?: string): TableRow[] {
  return [row(name, indent, schema, required, description), ...schemaRows(schema, name, indent + 1)];
}

function row(name: string, indent: number, schema: Schema, required: boolean, description?: string): TableRow {
  return {
    name: indent > 0 ? `${fieldName(name)} {data-indent=${indent}}` : fieldName(name),
    type: typeLabel(schema),
    required: required ? '是' : '否',
    description: tableCell(description ?? ''),
    constraints: [...constraintNotes(schema), ...itemConstraintNotes(schema)].join('<br/>'),
  };
}

/**
 * A member path as inline code that may wrap after each `.`: nested paths
 * (`data.detail.goods_detail[].merchant_goods_id`) would otherwise take a third of the table's width.
 */
function fieldName(name: string): string {
  return `<code>${name.split('.').map(tableCell).join('.<wbr>')}</code>`;
}

/** A scalar array has no rows for its items, so their rules are noted on the array's row. */
function itemConstraintNotes(schema: Schema): string[] {
  if (schema.kind !== 'array' || !schema.items || schema.items.kind === 'object' || schema.items.kind === 'array')
    return [];
  return constraintNotes(schema.items).map((note) => `元素 ${note}`);
}

/** The type as the tables show it: `string`, `integer`, `object[]`, `string(rfc3339)`. */
export function typeLabel(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return schema.format ? `string(${tableCell(schema.format)})` : 'string';
    case 'number':
      return schema.integer ? 'integer' : 'number';
    case 'array':
      return schema.items ? `${typeLabel(schema.items)}[]` : '[]';
    default:
      return schema.kind;
  }
}

/** `6–32 字符`, `≤ 32 字符`, `≥ 1`: the short forms keep the constraints column narrow. */
function rangeNote(min: number | undefined, max: number | undefined, suffix = ''): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `= ${min}${suffix}` : `${min}–${max}${suffix}`;
  if (max !== undefined) return `≤ ${max}${suffix}`;
  if (min !== undefined) return `≥ ${min}${suffix}`;
  return undefined;
}

/** Constraints, enum values and flags of a schema, one note each. */
export function constraintNotes(schema: Schema): string[] {
  const values: ReadonlyArray<string | number> =
    (schema.kind === 'string' || schema.kind === 'number') && schema.enum ? schema.enum : [];
  const { minLength, maxLength, minItems, maxItems, minimum, maximum, pattern } = schema.constraints;
  const range = rangeNote(minimum, maximum);
  const notes = [
    values.length > 0 && `可选值 ${values.map((value) => tableCode(String(value))).join(' ')}`,
    rangeNote(minLength, maxLength, ' 字符'),
    rangeNote(minItems, maxItems, ' 项'),
    range && `取值 ${range}`,
    pattern !== undefined && `格式 ${tableCode(pattern)}`,
    schema.nullable && '可为 `null`',
    schema.sensitive && '敏感信息，需以平台公钥加密',
  ];
  return notes.filter((note) => typeof note === 'string');
}

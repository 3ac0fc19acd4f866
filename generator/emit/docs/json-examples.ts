import { STATUS_CODES } from 'node:http';
import type { Operation, Parameter, Schema } from '../../model/types.ts';

/**
 * The request and response examples of the docs pages, as HTTP messages whose JSON is built
 * from the spec's `example`s (a member without one gets a value of its type).
 */

/** What an example shows for a string of a known format when the spec gives no example. */
const PLACEHOLDER_BY_FORMAT: Readonly<Record<string, string>> = {
  rfc3339: '2025-01-01T00:00:00+08:00',
  date: '2025-01-01',
  url: 'https://example.com/',
  uri: 'https://example.com/',
};

export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A JSON value of `schema`: the spec's example where it fits the type, else a value of the type
 * (`text` for a string of no known format).
 */
export function exampleJson(schema: Schema, given: unknown = schema.example, text = ''): unknown {
  switch (schema.kind) {
    case 'string':
      if (schema.enum && schema.enum.length > 0)
        return typeof given === 'string' && schema.enum.includes(given) ? given : schema.enum[0];
      if (isScalar(given)) return String(given);
      return (schema.format && PLACEHOLDER_BY_FORMAT[schema.format]) ?? text;
    case 'number': {
      if (schema.enum && schema.enum.length > 0)
        return typeof given === 'number' && schema.enum.includes(given) ? given : schema.enum[0];
      const parsed = typeof given === 'number' ? given : typeof given === 'string' ? Number(given) : Number.NaN;
      const value = Number.isFinite(parsed) ? parsed : (schema.constraints.minimum ?? 0);
      return schema.integer ? Math.trunc(value) : value;
    }
    case 'boolean':
      return typeof given === 'boolean' ? given : true;
    case 'object': {
      const givenObject =
        given !== null && typeof given === 'object' && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
      const value: Record<string, unknown> = {};
      for (const property of schema.properties ?? [])
        value[property.name] = exampleJson(property.schema, givenObject[property.name] ?? property.schema.example);
      return value;
    }
    case 'array': {
      if (!schema.items) return [];
      const items = schema.items;
      if (Array.isArray(given) && given.length > 0 && given.every(isScalar))
        return given.map((item) => exampleJson(items, item));
      return [exampleJson(items)];
    }
    case 'file':
    case 'unknown':
      return null;
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function parameterText(parameter: Parameter): string {
  const value = exampleJson(parameter.schema);
  return isScalar(value) ? String(value) : '';
}

/** The request line (path parameters and query filled in from the examples), headers and body; the template lays the message out. */
export function requestExample(operation: Operation) {
  let url = `/${operation.path}`;
  for (const parameter of operation.pathParams)
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameterText(parameter)));
  const query = new URLSearchParams(
    operation.queryParams.map((parameter) => [parameter.name, parameterText(parameter)]),
  );
  const body = operation.body;
  return {
    line: `${operation.method.toUpperCase()} ${url}${query.size > 0 ? `?${query}` : ''}`,
    headers: operation.headerParams.map((parameter) => `${parameter.name}: ${parameterText(parameter)}`),
    json: body?.kind === 'json' ? json(exampleJson(body.schema)) : '',
    multipart:
      body?.kind === 'multipart'
        ? { metaField: body.metaField, fileField: body.fileField, meta: JSON.stringify(exampleJson(body.meta)) }
        : null,
  };
}

/** The status line, and the JSON body or what a download streams (no content type: an empty body). */
export function responseExample(operation: Operation) {
  const response = operation.response;
  const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
  if (response.kind === 'json')
    return { statusLine, contentType: 'application/json', body: json(exampleJson(response.schema)) };
  if (response.kind === 'empty') return { statusLine, contentType: '', body: '' };
  const contentType = response.contentTypes[0] ?? 'application/octet-stream';
  return { statusLine, contentType, body: '<文件流, 不带签名>' };
}

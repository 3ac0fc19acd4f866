import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { methodNamespace, pathSegments } from '../../model/naming.ts';
import {
  compareText,
  operationsOf,
  type ApiModel,
  type ErrorCode,
  type Operation,
  type Parameter,
  type Schema,
} from '../../model/types.ts';
import { render } from '../render.ts';
import { SchemaConverter, toJson, type JsonObject } from './schema.ts';

/**
 * The model as one OpenAPI 3.1 document. Reads only the model; equal models give equal documents.
 * The template holds the document's fixed parts (servers, security, the error schema, the notification
 * headers and answers); this module converts the operations and schemas that fill it.
 */
export function openApiDocument(model: ApiModel): JsonObject {
  const operations = operationsOf(model);
  const events = model.notifications?.events ?? [];
  const envelope = model.notifications?.envelope;
  // A resource is a component under the name the declarations give it.
  const resources = events.map((event) => ({
    ...event.resource,
    definition: event.resource.definition ?? event.resourceName,
  }));
  const schemas = new SchemaConverter();
  for (const schema of [...operations.flatMap(operationSchemas), ...(envelope ? [envelope] : []), ...resources])
    schemas.collect(schema);

  const paths: JsonObject = {};
  for (const endpoint of model.endpoints) {
    const item: JsonObject = {};
    for (const operation of endpoint.operations) item[operation.method] = operationObject(operation, schemas);
    paths[`/${endpoint.path}`] = item;
  }
  const text = render('openapi/document.json', {
    tags: [...new Set(operations.flatMap((operation) => operation.tags))].sort(compareText).map((name) => ({ name })),
    paths,
    webhooks: events.map((event, index) => ({
      ...event,
      hasDescription: event.description !== undefined,
      envelope: envelope ? schemas.convert(envelope) : { type: 'object' },
      resource: schemas.convert(resources[index]!),
    })),
    schemas: schemas.schemas(),
    securityScheme: render('openapi/security-scheme.md').trimEnd(),
  });
  return JSON.parse(text) as JsonObject;
}

/** `operationId`: the namespace the declarations give the operation (`V3.Pay.Transactions.Jsapi.PostHttpMethod`). */
export function operationId(operation: Operation): string {
  const namespaces = pathSegments(operation.path).map((segment) => segment.typeName);
  return [...namespaces, methodNamespace(operation.method)].join('.');
}

function operationSchemas(operation: Operation): Schema[] {
  const schemas = [...operation.pathParams, ...operation.queryParams, ...operation.headerParams].map(parameterSchema);
  if (operation.body?.kind === 'json') schemas.push(operation.body.schema);
  if (operation.body?.kind === 'multipart') schemas.push(operation.body.meta);
  if (operation.response.kind === 'json') schemas.push(operation.response.schema);
  return schemas;
}

function operationObject(operation: Operation, schemas: SchemaConverter): JsonObject {
  const out: JsonObject = { operationId: operationId(operation) };
  if (operation.summary !== undefined) out.summary = operation.summary;
  if (operation.description !== undefined) out.description = operation.description;
  const [docLink, ...moreLinks] = operation.docLinks;
  if (docLink !== undefined) out.externalDocs = { url: docLink };
  if (moreLinks.length > 0) out['x-doc-links'] = moreLinks;
  if (operation.tags.length > 0) out.tags = operation.tags;
  if (operation.deprecated) out.deprecated = true;
  if (operation.baseURL !== undefined) {
    out.servers = [{ url: operation.baseURL.replace(/\/+$/, '') }];
    out['x-baseuri'] = operation.baseURL;
  }
  const parameters = [...operation.pathParams, ...operation.queryParams, ...operation.headerParams].map((parameter) =>
    parameterObject(parameter, schemas),
  );
  if (parameters.length > 0) out.parameters = parameters;
  const body = operation.body;
  if (body?.kind === 'json') {
    out.requestBody = {
      required: body.required,
      content: { 'application/json': { schema: schemas.convert(body.schema) } },
    };
  } else if (body?.kind === 'multipart') {
    out.requestBody = {
      required: true,
      description: `The signature covers the \`${body.metaField}\` JSON.`,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [body.metaField, body.fileField],
            properties: {
              [body.metaField]: schemas.convert(body.meta),
              [body.fileField]: { type: 'string', format: 'binary' },
            },
          },
          encoding: { [body.metaField]: { contentType: 'application/json' } },
        },
      },
    };
  }
  out.responses = responses(operation, schemas);
  if (operation.lastUpdatedAt !== undefined) out['x-last-updated-at'] = operation.lastUpdatedAt;
  if (operation.versions) out['x-version'] = operation.versions;
  if (operation.roles) out['x-role'] = operation.roles;
  if (operation.errorCodes.length > 0) out['x-error-codes'] = operation.errorCodes.map(toJson);
  return out;
}

function parameterObject(parameter: Parameter, schemas: SchemaConverter): JsonObject {
  const out: JsonObject = {
    name: parameter.name,
    in: parameter.in,
    required: parameter.in === 'path' || parameter.required,
  };
  const description = parameter.description ?? parameter.schema.description;
  if (description !== undefined) out.description = description;
  out.schema = schemas.convert(parameterSchema(parameter));
  if (parameter.schema.example !== undefined) out.example = toJson(parameter.schema.example);
  return out;
}

/**
 * A parameter's schema without `nullable`: a path, query or header value cannot be null, and the
 * specs that mark a query parameter nullable mean that it may be left out.
 */
function parameterSchema(parameter: Parameter): Schema {
  const { nullable: _nullable, ...schema } = parameter.schema;
  return schema;
}

function responses(operation: Operation, schemas: SchemaConverter): JsonObject {
  const response = operation.response;
  const status = String(response.status);
  const description = STATUS_CODES[response.status] ?? 'Success';
  const out: JsonObject = {};
  if (response.kind === 'json') {
    out[status] = { description, content: { 'application/json': { schema: schemas.convert(response.schema) } } };
  } else if (response.kind === 'empty') {
    out[status] = { description };
  } else {
    const types = response.contentTypes.length > 0 ? response.contentTypes : ['application/octet-stream'];
    out[status] = {
      description: 'The file, as a stream; downloads are not signed.',
      content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      'x-download': true,
    };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const row of operation.errorCodes) byStatus.set(row.status, [...(byStatus.get(row.status) ?? []), row]);
  for (const [code, rows] of [...byStatus].sort(([a], [b]) => a - b)) {
    if (String(code) === status) continue;
    out[String(code)] = {
      description: rows.map((row) => `\`${row.code}\`: ${row.description}`).join('\n\n'),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/WechatpayError' } } },
    };
  }
  return out;
}

/**
 * Writes the document atomically, as YAML to a `.yaml`/`.yml` file and as JSON to any other: a
 * temporary file beside `file`, renamed over it. Returns why it could not be written, if it could not.
 */
export function writeOpenApi(model: ApiModel, file: string): string | undefined {
  const document = openApiDocument(model);
  const text = /\.ya?ml$/i.test(file)
    ? stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 })
    : `${JSON.stringify(document, null, 2)}\n`;
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

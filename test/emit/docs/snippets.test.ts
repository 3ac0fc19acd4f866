import { describe, expect, it } from 'vitest';
import { operationExamples } from '../../../generator/emit/docs/examples.ts';
import { pathSegments } from '../../../generator/model/naming.ts';
import type { Endpoint, Operation, Parameter, Schema } from '../../../generator/model/types.ts';

const source = { file: 'v3/shop/{id}/items.yaml', line: 1, col: 1 };
const path = 'v3/shop/{id}/items';
const packageName = '@acme/pay';

const text = (example?: string, extra: Partial<Extract<Schema, { kind: 'string' }>> = {}): Schema => ({
  kind: 'string',
  constraints: {},
  ...(example === undefined ? {} : { example }),
  ...extra,
});
const parameter = (name: string, where: Parameter['in'], schema: Schema): Parameter => ({ name, in: where, required: true, schema });

function operation(fields: Partial<Operation> & Pick<Operation, 'method'>): Operation {
  return {
    path,
    docLinks: [],
    tags: [],
    deprecated: false,
    pathParams: [parameter('id', 'path', text('42'))],
    queryParams: [],
    headerParams: [],
    response: { kind: 'empty', status: 204 },
    errorCodes: [],
    source,
    ...fields,
  };
}

const endpoint = (op: Operation): Endpoint => ({ path, segments: pathSegments(path), operations: [op], source });

describe('usage examples', () => {
  it('declares inputs with spec examples, avoids clashes and reserved words, keeps nested enum literals', () => {
    const post = operation({
      method: 'post',
      body: {
        kind: 'json',
        required: true,
        schema: {
          kind: 'object',
          constraints: {},
          properties: [
            { name: 'id', required: true, schema: text('body-id') },
            { name: 'class', required: true, schema: text(undefined, { enum: ['A', 'B'] }) },
            {
              name: 'amount',
              required: true,
              schema: {
                kind: 'object',
                constraints: {},
                properties: [
                  { name: 'total', required: true, schema: { kind: 'number', integer: true, constraints: {}, example: '100' } },
                  { name: 'currency', required: true, schema: text('CNY', { enum: ['CNY'] }) },
                ],
              },
            },
          ],
        },
      },
      response: {
        kind: 'json',
        status: 200,
        schema: { kind: 'object', constraints: {}, properties: [{ name: 'package', required: true, schema: text() }] },
      },
    });
    expect(operationExamples(endpoint(post), post, packageName).chained).toBe(
      [
        `import { Wechatpay } from '@acme/pay';`,
        '',
        'declare const wxpay: Wechatpay;',
        '',
        `const id = '42';`,
        `const id2 = 'body-id';`,
        `const class_ = 'A';`,
        `const amount = { total: 100, currency: 'CNY' as const };`,
        '',
        'wxpay.v3.shop._id_.items.post({ id: id2, class: class_, amount }, { id })',
        '  .then(({ data: { package: package_ } }) => {',
        '    console.log({ package_ });',
        '  });',
        '',
      ].join('\n'),
    );
  });

  it('shows downloads as streams, with query and header parameters (headers as strings)', () => {
    const get = operation({
      method: 'get',
      queryParams: [parameter('bill_date', 'query', text('2025-01-01'))],
      headerParams: [parameter('Wechatpay-Serial', 'header', { kind: 'number', integer: true, constraints: {}, example: 7 })],
      response: { kind: 'download', status: 200, contentTypes: ['text/csv'] },
    });
    const examples = operationExamples(endpoint(get), get, packageName);
    expect(examples.declarative).toContain(`import { createWriteStream } from 'node:fs';`);
    expect(examples.declarative).toContain(`const Wechatpay_Serial = '7';`);
    expect(examples.declarative).toContain(
      [
        "wxpay.chain('v3/shop/{id}/items').get({",
        '  id,',
        '  params: { bill_date },',
        "  headers: { 'Wechatpay-Serial': Wechatpay_Serial },",
        "  responseType: 'stream',",
        '  transformResponse: [],',
        '})',
      ].join('\n'),
    );
    expect(examples.declarative).toContain(`data.pipe(createWriteStream('./download.bin'));`);
  });

  it('puts a DELETE body in the config and a multipart upload in data', () => {
    const remove = operation({
      method: 'delete',
      body: { kind: 'json', required: true, schema: { kind: 'object', constraints: {}, properties: [{ name: 'reason', required: true, schema: text('x') }] } },
    });
    expect(operationExamples(endpoint(remove), remove, packageName).attribute).toContain(
      "wxpay['v3/shop/{id}/items'].delete({ id, data: { reason } })\n  .then(({ status }) => {",
    );
    const upload = operation({
      method: 'post',
      body: {
        kind: 'multipart',
        metaField: 'meta',
        fileField: 'file',
        meta: { kind: 'object', constraints: {}, properties: [{ name: 'filename', required: true, schema: text('a.jpg') }] },
      },
    });
    const snippet = operationExamples(endpoint(upload), upload, packageName).chained;
    expect(snippet).toContain(`const filename = 'a.jpg';\nconst meta = JSON.stringify({ filename });\nconst file = createReadStream('./file.jpg');`);
    expect(snippet).toContain('wxpay.v3.shop._id_.items.post({ meta, file }, { id })');
  });
});

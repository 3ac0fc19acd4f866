import { describe, expect, it } from 'vitest';
import type { ObjectSchema, Schema } from '../../generator/model/types.ts';
import { lines, load, operation, printed } from './helpers.ts';

const ENUMERATIONS = lines(
  'CodeMode:',
  '  type: string',
  '  description: code mode',
  '  enum: [WECHATPAY_MODE, MERCHANT_API]',
  'Weekday:',
  '  type: integer',
  '  enum: [0, 1, 2]',
  'Alias:',
  '  $ref: "#/CodeMode"',
);

const SHAPES = lines(
  'Base:',
  '  type: object',
  '  required: [id]',
  '  properties:',
  '    id:',
  '      type: string',
  '    note:',
  '      type: string',
  '      description: from base',
  'Amount:',
  '  allOf:',
  '    - $ref: "#Base"',
  '    - type: object',
  '      required: [total]',
  '      properties:',
  '        total:',
  '          type: integer',
  '        note:',
  '          type: string',
  '          description: overridden',
);

function props(schema: Schema | undefined): ObjectSchema['properties'] {
  if (schema?.kind !== 'object') throw new Error(`expected an object schema, got ${schema?.kind}`);
  return schema.properties;
}

describe('loadSpecs model', () => {
  it('resolves every $ref form: file#Name, file#/Name, same-file #Name, chains, and sibling overrides', async () => {
    const result = await load({
      'definitions/Enumerations.yaml': ENUMERATIONS,
      'v3/things.yaml': lines(
        'post:',
        '  parameters:',
        '    - name: _',
        '      in: body',
        '      required: true',
        '      schema:',
        '        type: object',
        '        properties:',
        '          plain:',
        "            $ref: '../definitions/Enumerations.yaml#CodeMode'",
        '          slashed:',
        "            $ref: '../definitions/Enumerations.yaml#/Weekday'",
        '          chained:',
        "            $ref: '../definitions/Enumerations.yaml#Alias'",
        '          described:',
        "            $ref: '../definitions/Enumerations.yaml#CodeMode'",
        '            description: local words',
        '          narrowed:',
        "            $ref: '../definitions/Enumerations.yaml#CodeMode'",
        '            enum: [MERCHANT_API]',
        '          local:',
        "            $ref: '#Local'",
        '  responses:',
        '    204: {}',
        'Local:',
        '  type: boolean',
      ),
    });
    const body = operation(result, 'v3/things', 'post').body;
    expect(body?.kind).toBe('json');
    const [plain, slashed, chained, described, narrowed, local] = props(body?.kind === 'json' ? body.schema : undefined) ?? [];
    expect(plain?.schema).toMatchObject({ kind: 'string', enum: ['WECHATPAY_MODE', 'MERCHANT_API'], definition: 'CodeMode', description: 'code mode' });
    expect(slashed?.schema).toMatchObject({ kind: 'number', integer: true, enum: [0, 1, 2], definition: 'Weekday' });
    expect(chained?.schema).toMatchObject({ kind: 'string', enum: ['WECHATPAY_MODE', 'MERCHANT_API'], definition: 'Alias' });
    // A documentation-only sibling keeps the named definition; a shape change does not.
    expect(described?.schema).toMatchObject({ kind: 'string', description: 'local words', definition: 'CodeMode' });
    expect(narrowed?.schema).toMatchObject({ kind: 'string', enum: ['MERCHANT_API'], description: 'code mode' });
    expect(narrowed?.schema.definition).toBeUndefined();
    expect(local?.schema).toMatchObject({ kind: 'boolean', definition: 'Local' });
    // `Local` is a ref target inside the operation file, not an operation.
    expect(printed(result)).toEqual(['v3/things.yaml:25:1: warning NOT_AN_OPERATION `Local` is not an HTTP method (get, post, put, patch, delete); skipped']);
  });

  it('shares one resolved schema between uses of the same definition', async () => {
    const use = (name: string) => [`          ${name}:`, "            $ref: '../definitions/Enumerations.yaml#CodeMode'"];
    const result = await load({
      'definitions/Enumerations.yaml': ENUMERATIONS,
      'v3/twice.yaml': lines('post:', '  parameters:', '    - name: _', '      in: body', '      schema:', '        type: object', '        properties:', ...use('a'), ...use('b'), '  responses:', '    204: {}'),
    });
    const body = operation(result, 'v3/twice', 'post').body;
    const [a, b] = props(body?.kind === 'json' ? body.schema : undefined) ?? [];
    expect(a?.schema).toBe(b?.schema);
    expect(body).toMatchObject({ required: false });
  });

  it('flattens allOf: properties merged in order, later members override, required unioned', async () => {
    const result = await load({
      'definitions/Shapes.yaml': SHAPES,
      'v3/amount.yaml': lines('get:', '  parameters: []', '  responses:', '    200:', '      schema:', "        $ref: '../definitions/Shapes.yaml#Amount'"),
    });
    const response = operation(result, 'v3/amount', 'get').response;
    expect(response.kind).toBe('json');
    const properties = props(response.kind === 'json' ? response.schema : undefined);
    expect(properties?.map((property) => [property.name, property.required, property.schema.kind, property.schema.description])).toEqual([
      ['id', true, 'string', undefined],
      ['note', false, 'string', 'overridden'],
      ['total', true, 'number', undefined],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('flattens allOf deeply: an object property defined by two parts keeps the members of both', async () => {
    const result = await load({
      'definitions/Stock.yaml': lines(
        'StockBase:',
        '  type: object',
        '  properties:',
        '    rule:',
        '      type: object',
        '      required: [max_coupons]',
        '      properties:',
        '        max_coupons:',
        '          type: integer',
        '        note:',
        '          type: string',
        'Stock:',
        '  allOf:',
        '    - $ref: "#StockBase"',
        '    - type: object',
        '      properties:',
        '        rule:',
        '          type: object',
        '          properties:',
        '            combine_use:',
        '              type: boolean',
        '            note:',
        '              type: string',
        '              description: later part',
      ),
      'v3/stock.yaml': lines('get:', '  parameters: []', '  responses:', '    200:', '      schema:', "        $ref: '../definitions/Stock.yaml#Stock'"),
    });
    expect(result.diagnostics).toEqual([]);
    const response = operation(result, 'v3/stock', 'get').response;
    const [rule] = props(response.kind === 'json' ? response.schema : undefined) ?? [];
    expect(rule?.name).toBe('rule');
    expect(props(rule?.schema)?.map((property) => [property.name, property.required, property.schema.kind, property.schema.description])).toEqual([
      ['max_coupons', true, 'number', undefined],
      ['note', false, 'string', 'later part'],
      ['combine_use', false, 'boolean', undefined],
    ]);
  });

  it('reads operation fields: summary, doc links, tags, deprecation date as text, baseURL, showcase, error codes', async () => {
    const result = await load({
      'v3/bill/tradebill.yaml': lines(
        'get:',
        '  x-last-updated-at: 2025.07.25',
        '  x-role: [直连商户]',
        '  x-version: 1',
        '  tags: [账单]',
        '  deprecated: true',
        '  summary: 申请交易账单',
        '  description: 说明文字 [官方文档](https://pay.weixin.qq.com/doc/1) [官方文档](https://pay.weixin.qq.com/doc/2)',
        '  x-baseuri: https://apihk.mch.weixin.qq.com/',
        '  x-showcase: true',
        '  x-error-codes:',
        '    - status: 400',
        '      code: PARAM_ERROR',
        '      description: 参数错误',
        '      solution: 检查参数',
        '    - { status: 500, code: SYSTEM_ERROR, description: 系统错误 }',
        '  parameters:',
        '    - name: bill_date',
        '      in: query',
        '      required: true',
        '      type: string',
        '      format: date',
        '      description: 账单日期',
        '      maxLength: 10',
        '  responses:',
        '    200:',
        '      schema:',
        '        type: object',
        '        properties:',
        '          download_url: { type: string }',
      ),
    });
    const op = operation(result, 'v3/bill/tradebill', 'get');
    expect(op).toMatchObject({
      summary: '申请交易账单',
      description: '说明文字',
      docLinks: ['https://pay.weixin.qq.com/doc/1', 'https://pay.weixin.qq.com/doc/2'],
      tags: ['账单'],
      deprecated: true,
      lastUpdatedAt: '2025.07.25',
      baseURL: 'https://apihk.mch.weixin.qq.com/',
      showcase: true,
      errorCodes: [
        { status: 400, code: 'PARAM_ERROR', description: '参数错误', solution: '检查参数' },
        { status: 500, code: 'SYSTEM_ERROR', description: '系统错误' },
      ],
      queryParams: [{ name: 'bill_date', in: 'query', required: true, description: '账单日期', schema: { kind: 'string', format: 'date', constraints: { maxLength: 10 } } }],
      source: { file: 'v3/bill/tradebill.yaml', line: 1, col: 1 },
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('tells downloads, multipart uploads, empty responses and body-less POSTs apart', async () => {
    const result = await load({
      'v3/billdownload/file.yaml': lines('get:', '  parameters: []', '  responses:', '    200: {}'),
      'v3/statements.yaml': lines('get:', '  produces: [application/pdf]', '  responses:', "    '200':", '      schema:', '        type: object'),
      'v3/merchant/media/upload.yaml': lines(
        'post:',
        '  consumes: [multipart/form-data]',
        '  parameters:',
        '    - { name: file, in: formData, type: file, required: true }',
        '    - name: meta',
        '      in: formData',
        '      type: string',
        '      schema:',
        '        type: object',
        '        properties:',
        '          filename: { type: string }',
        '          sha256: { type: string }',
        '  responses:',
        '    200:',
        '      schema: { type: object }',
      ),
      'v3/close.yaml': lines('post:', '  parameters: []', '  responses:', '    403: {}', '    204: {}', 'delete:', '  responses:', "    '202':", '      schema: {}'),
    });
    expect(operation(result, 'v3/billdownload/file', 'get').response).toEqual({ kind: 'download', status: 200, contentTypes: [] });
    expect(operation(result, 'v3/statements', 'get').response).toEqual({ kind: 'download', status: 200, contentTypes: ['application/pdf'] });
    const upload = operation(result, 'v3/merchant/media/upload', 'post');
    expect(upload.body).toMatchObject({ kind: 'multipart', fileField: 'file', metaField: 'meta', meta: { kind: 'object' } });
    expect(props(upload.body?.kind === 'multipart' ? upload.body.meta : undefined)?.map((property) => property.name)).toEqual(['filename', 'sha256']);
    const close = operation(result, 'v3/close', 'post');
    expect(close.body).toBeUndefined();
    expect(close.response).toEqual({ kind: 'empty', status: 204 });
    expect(operation(result, 'v3/close', 'delete').response).toEqual({ kind: 'empty', status: 202 });
    expect(result.diagnostics).toEqual([]);
  });

  it('names `{empty}` and verb segments, keeps path params in spec order, sorts by code unit and method order', async () => {
    const op = (method: string, ...params: string[]) => [`${method}:`, '  parameters:', ...params.map((name) => `    - { name: ${name}, in: path, type: string, required: true }`), '  responses:', '    204: {}'];
    const result = await load({
      'v3/applyment4sub/applyment/{empty}.yaml': lines(...op('post')),
      'v3/a/{y}/b/{x}/delete.yaml': lines(...op('post', 'x', 'y'), ...op('get', 'y', 'x')),
      'v3/Zed.yaml': lines(...op('get')),
    });
    expect(result.model.endpoints.map((endpoint) => endpoint.path)).toEqual(['v3/Zed', 'v3/a/{y}/b/{x}/delete', 'v3/applyment4sub/applyment/']);
    const [, verb, empty] = result.model.endpoints;
    expect(empty?.segments.at(-1)).toEqual({ raw: '', kind: 'empty', typeName: '_empty_', propName: '_empty_' });
    expect(verb?.segments.at(-1)).toEqual({ raw: 'delete', kind: 'literal', typeName: 'Delete', propName: 'Delete' });
    expect(verb?.operations.map((candidate) => [candidate.method, candidate.pathParams.map((param) => param.name)])).toEqual([
      ['get', ['y', 'x']],
      ['post', ['x', 'y']],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('resolves parameter $refs into definitions/Parameters.yaml', async () => {
    const result = await load({
      'definitions/Parameters.yaml': lines('HTTP_WECHATPAY_SERIAL:', '  in: header', '  required: true', '  name: Wechatpay-Serial', '  description: 平台证书序列号'),
      'v3/marketing/partnerships/build.yaml': lines('post:', '  parameters:', "    - $ref: '../../../definitions/Parameters.yaml#/HTTP_WECHATPAY_SERIAL'", '  responses:', '    204: {}'),
    });
    expect(operation(result, 'v3/marketing/partnerships/build', 'post').headerParams).toEqual([
      { name: 'Wechatpay-Serial', in: 'header', required: true, description: '平台证书序列号', schema: { kind: 'string', constraints: {} } },
    ]);
    expect(result.diagnostics).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../generator/emit/openapi/index.ts';
import { load, lines } from '../../load/helpers.ts';

/** The export of a small spec tree, straight from the emitter. */
async function documentOf(files: Record<string, string>): Promise<Record<string, any>> {
  const { model, diagnostics } = await load(files);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return openApiDocument(model) as Record<string, any>;
}

const DEFINITIONS = lines(
  'Amount:',
  '  type: object',
  '  description: 金额',
  '  required: [total]',
  '  properties:',
  '    total:',
  '      type: integer',
  '      minimum: 1',
  'State:',
  '  type: string',
  '  enum: [OPEN, CLOSED]',
);

const OPERATION = lines(
  'post:',
  '  summary: 示例',
  '  parameters:',
  '    - name: state',
  '      in: query',
  '      nullable: true',
  '      type: string',
  '    - name: _',
  '      in: body',
  '      schema:',
  '        type: object',
  '        properties:',
  '          amount:',
  "            $ref: '../definitions/Things.yaml#Amount'",
  '          refund_amount:',
  "            $ref: '../definitions/Things.yaml#Amount'",
  '            description: 退款金额',
  '          fee:',
  '            allOf:',
  "              - $ref: '../definitions/Things.yaml#Amount'",
  '              - properties:',
  '                  currency:',
  '                    type: string',
  '          state:',
  "            $ref: '../definitions/Things.yaml#State'",
  '          remark:',
  '            type: string',
  '            nullable: true',
  '  responses:',
  '    200:',
  '      schema:',
  '        type: object',
  '        properties:',
  '          amount:',
  "            $ref: '../definitions/Things.yaml#Amount'",
);

describe('the OpenAPI document', () => {
  it('makes a definition a component, referenced by the uses of its shape, with their own wording beside the reference', async () => {
    const document = await documentOf({ 'definitions/Things.yaml': DEFINITIONS, 'v3/things.yaml': OPERATION });
    expect(document['components'].schemas['Amount']).toEqual({
      type: 'object',
      properties: { total: { type: 'integer', minimum: 1 } },
      required: ['total'],
      description: '金额',
    });
    expect(document['components'].schemas['State']).toEqual({ type: 'string', enum: ['OPEN', 'CLOSED'] });
    const body = document['paths']['/v3/things'].post.requestBody.content['application/json'].schema;
    expect(body.properties.amount).toEqual({ $ref: '#/components/schemas/Amount' });
    expect(body.properties.refund_amount).toEqual({ $ref: '#/components/schemas/Amount', description: '退款金额' });
    // A use that adds a member is another shape: it stays inline.
    expect(body.properties.fee).toMatchObject({ type: 'object', properties: { total: { type: 'integer' }, currency: { type: 'string' } } });
    expect(body.properties.state).toEqual({ $ref: '#/components/schemas/State' });
    const response = document['paths']['/v3/things'].post.responses['200'].content['application/json'].schema;
    expect(response.properties.amount).toEqual({ $ref: '#/components/schemas/Amount' });
  });

  it('types a nullable member with null, and a nullable query parameter without', async () => {
    const document = await documentOf({ 'definitions/Things.yaml': DEFINITIONS, 'v3/things.yaml': OPERATION });
    const post = document['paths']['/v3/things'].post;
    expect(post.parameters).toEqual([{ name: 'state', in: 'query', required: false, schema: { type: 'string' } }]);
    expect(post.requestBody.content['application/json'].schema.properties.remark).toEqual({ type: ['string', 'null'] });
  });

  it('keeps x-role, x-version, x-baseuri, deprecation and the documentation links', async () => {
    const operation = lines(
      'get:',
      '  summary: 查询',
      '  description: 说明 [官方文档](https://example.com/a) [官方文档](https://example.com/b)',
      '  deprecated: true',
      '  x-last-updated-at: 2024.01.02',
      '  x-role: [直连商户, 服务商]',
      '  x-version: [2023.12.05]',
      '  x-baseuri: https://apihk.mch.weixin.qq.com/',
      '  parameters: []',
      '  responses:',
      '    200:',
      '      schema:',
      '        type: object',
      '        properties:',
      '          created:',
      '            type: string',
      '            format: rfc3339',
    );
    const document = await documentOf({ 'v3/things.yaml': operation });
    expect(document['paths']['/v3/things'].get).toMatchObject({
      description: '说明',
      externalDocs: { url: 'https://example.com/a' },
      'x-doc-links': ['https://example.com/b'],
      deprecated: true,
      'x-last-updated-at': '2024.01.02',
      'x-role': ['直连商户', '服务商'],
      'x-version': ['2023.12.05'],
      servers: [{ url: 'https://apihk.mch.weixin.qq.com' }],
      'x-baseuri': 'https://apihk.mch.weixin.qq.com/',
      responses: { '200': { content: { 'application/json': { schema: { properties: { created: { type: 'string', format: 'date-time' } } } } } } },
    });
  });

  it('reads a lone x-version or x-role as a list of one, without a diagnostic', async () => {
    const operation = lines('get:', '  summary: 查询', '  x-version: 2023.12.05', '  x-role: 服务商', '  parameters: []', '  responses:', '    204: {}');
    const { model, diagnostics } = await load({ 'v3/things.yaml': operation });
    expect(diagnostics).toEqual([]);
    expect((openApiDocument(model) as Record<string, any>)['paths']['/v3/things'].get).toMatchObject({ 'x-version': ['2023.12.05'], 'x-role': ['服务商'] });
  });
});

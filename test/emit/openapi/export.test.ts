import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { specTree } from '../../load/helpers.ts';
import { exportOf, generate, problems, scratchDir, type Export, type OperationObject } from './support.ts';

function operation(exported: Export, path: string, method: string): OperationObject {
  const found = exported.document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path} in the export`);
  return found;
}

describe('the OpenAPI export of spec/', () => {
  let exported: Export;
  beforeAll(async () => {
    exported = await exportOf('spec');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(exported.document.openapi).toBe('3.1.0');
    expect(await problems(exported.document)).toEqual([]);
  });

  it('is refused by the validator once broken, so its verdict means something', async () => {
    const swagger2Parameter = structuredClone(exported.document);
    const query = swagger2Parameter.paths['/v3/pay/transactions/out-trade-no/{out_trade_no}']?.['get'];
    if (query?.parameters?.[1]) query.parameters[1].in = 'body';
    expect(await problems(swagger2Parameter)).not.toEqual([]);

    const sameId = structuredClone(exported.document);
    const [first, second] = ['/v3/pay/transactions/jsapi', '/v3/pay/transactions/app'].map((path) => sameId.paths[path]?.['post']);
    if (first && second) second.operationId = first.operationId;
    expect(await problems(sameId)).not.toEqual([]);
  });

  it('holds every operation of the spec tree under its URL path with a leading slash', () => {
    const files = readdirSync('spec/v3', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
    const paths = files.map((file) => `/v3/${file.replace(/\.yaml$/, '').split('\\').join('/')}`).sort();
    expect(Object.keys(exported.document.paths).sort()).toEqual(paths);
    const ids = Object.values(exported.document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids).toContain('V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes parameters, JSON bodies, constraints, enums, examples and the x- extensions', () => {
    const query = operation(exported, '/v3/pay/transactions/out-trade-no/{out_trade_no}', 'get');
    expect(query.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ['out_trade_no', 'path', true],
      ['mchid', 'query', true],
    ]);
    const tradebill = operation(exported, '/v3/bill/tradebill', 'get');
    const billDate = tradebill.parameters?.find((parameter) => parameter.name === 'bill_date');
    expect(billDate?.schema).toMatchObject({ type: 'string', maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
    expect(tradebill.parameters?.find((parameter) => parameter.name === 'tar_type')?.schema).toMatchObject({ enum: ['GZIP'] });
    expect(tradebill['x-role']).toEqual(['直连商户']);
    expect(tradebill['x-last-updated-at']).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(tradebill['externalDocs']).toEqual({ url: expect.stringMatching(/^https:\/\/pay\.weixin\.qq\.com\//) });

    const jsapi = operation(exported, '/v3/pay/transactions/jsapi', 'post');
    expect(jsapi.requestBody?.required).toBe(true);
    const body = jsapi.requestBody?.content['application/json']?.schema as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(body.required).toEqual(expect.arrayContaining(['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount', 'payer']));
    expect(body.properties['appid']).toMatchObject({ type: 'string', examples: [expect.any(String)] });
    expect(jsapi.tags).toEqual(['基础支付∙JSAPI支付']);
  });

  it('documents the error codes as x-error-codes and as error responses with the error body', () => {
    const jsapi = operation(exported, '/v3/pay/transactions/jsapi', 'post');
    const rows = jsapi['x-error-codes'] as { status: number; code: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ status: 400, code: 'PARAM_ERROR' }));
    for (const status of new Set(rows.map((row) => String(row.status)))) {
      const response = jsapi.responses[status];
      expect(response?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/WechatpayError' });
      for (const row of rows.filter((entry) => String(entry.status) === status)) expect(response?.description).toContain(row.code);
    }
    expect(exported.document.components.schemas['WechatpayError']).toMatchObject({ required: ['code', 'message'], properties: { detail: { type: 'object' } } });
  });

  it('describes the multipart upload, the download, and the empty response', () => {
    const upload = operation(exported, '/v3/merchant/media/upload', 'post');
    const multipart = upload.requestBody?.content['multipart/form-data'];
    expect(multipart?.encoding).toEqual({ meta: { contentType: 'application/json' } });
    expect(multipart?.schema).toMatchObject({ required: ['meta', 'file'], properties: { file: { type: 'string', format: 'binary' }, meta: { required: ['filename', 'sha256'] } } });

    const download = operation(exported, '/v3/billdownload/file', 'get');
    expect(download.responses['200']).toMatchObject({
      'x-download': true,
      content: { 'text/plain': { schema: { type: 'string', format: 'binary' } }, 'application/x-gzip': { schema: { type: 'string', format: 'binary' } } },
    });

    const close = operation(exported, '/v3/pay/transactions/out-trade-no/{out_trade_no}/close', 'post');
    expect(close.responses['204']).toEqual({ description: 'No Content' });
  });

  it('shares the definitions as components, referenced where the uses agree', () => {
    const schemas = exported.document.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Transaction', 'TradeState', 'NotificationEnvelope', 'RefundNotification']));
    const byId = operation(exported, '/v3/pay/transactions/id/{transaction_id}', 'get');
    expect(byId.responses['200']?.content?.['application/json']?.schema).toMatchObject({ $ref: '#/components/schemas/Transaction' });
    // Every reference points at a component that exists.
    const references = [...exported.text.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const name of references) expect(schemas).toHaveProperty([name]);
  });

  it('describes the signing scheme as the security scheme of every operation', () => {
    expect(exported.document['security']).toEqual([{ 'WECHATPAY2-SHA256-RSA2048': [] }]);
    const scheme = exported.document.components.securitySchemes['WECHATPAY2-SHA256-RSA2048'];
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(scheme?.['description']).toContain('<METHOD>\\n<URI>\\n<TIMESTAMP>\\n<NONCE>\\n<BODY>\\n');
    expect(exported.document['servers']).toEqual([{ url: 'https://api.mch.weixin.qq.com' }]);
  });

  it('has one webhook per notification event, with the envelope and the decrypted resource', () => {
    const notifications = parse(readFileSync('spec/notifications.yaml', 'utf8')) as { events: Record<string, unknown> };
    const webhooks = exported.document.webhooks ?? {};
    expect(Object.keys(webhooks).sort()).toEqual(Object.keys(notifications.events).sort());
    const paid = webhooks['TRANSACTION.SUCCESS']?.post;
    expect(paid?.['x-decrypted-resource']).toEqual({ $ref: '#/components/schemas/Transaction' });
    expect(paid?.requestBody?.content['application/json']?.schema).toEqual({
      allOf: [{ $ref: '#/components/schemas/NotificationEnvelope' }, { type: 'object', properties: { event_type: { const: 'TRANSACTION.SUCCESS' } } }],
    });
    expect(paid?.parameters?.map((parameter) => parameter.name)).toContain('Wechatpay-Signature');
  });

  it('is the same bytes on every run, and the same document as YAML', async () => {
    const again = await exportOf('spec');
    expect(again.text).toBe(exported.text);
    const dir = scratchDir();
    const run = await generate('--out', join(dir, 'package'), '--openapi', join(dir, 'openapi.yaml'));
    expect(run.code).toBe(0);
    const yamlText = readFileSync(join(dir, 'openapi.yaml'), 'utf8');
    expect(yamlText).not.toMatch(/^\s*[&*]\w/m);
    expect(parse(yamlText)).toEqual(exported.document);
  });
});

describe('the --openapi flag', () => {
  it('writes the file only when generation succeeds, and leaves a previous one untouched', async () => {
    const dir = scratchDir();
    const file = join(dir, 'openapi.json');
    const bad = specTree({ 'v3/a/{id}.yaml': 'post:\n  summary: [unclosed\n' });
    const failed = await generate('--spec', bad, '--out', join(dir, 'package'), '--openapi', file);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/YAML_SYNTAX/);
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, 'previous');
    expect((await generate('--spec', bad, '--out', join(dir, 'package'), '--openapi', file)).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with a message, not a stack trace, when the file cannot be written', async () => {
    const dir = scratchDir();
    const run = await generate('--out', join(dir, 'package'), '--openapi', join(dir, 'missing-dir/openapi.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cannot write .*openapi\.json: ENOENT$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

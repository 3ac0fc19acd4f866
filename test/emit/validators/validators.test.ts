import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from 'oxfmt';
import { FORMAT_OPTIONS } from '../../../generator/emit/format.ts';
import { emitValidators } from '../../../generator/emit/validators/index.ts';
import type { RequestSchemaTable } from '../../../templates/runtime/request-schema.ts';
import type { RequestValidator, ValidationIssue } from '../../../templates/runtime/validation.ts';
import { requestValidator, validateRequest } from '../../../templates/runtime/validation.ts';
import { UsageError } from '../../../templates/runtime/errors.ts';
import { arr, int, modelOf, obj, operation, str } from './fixture.ts';

const UPLOAD = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
const DEPOSIT = 'v3/marketing/membercard-open/cards/{card_id}/codes/deposit';

const model = modelOf(
  operation('get', UPLOAD, {
    pathParams: [{ name: 'stock_id', in: 'path', required: true, schema: str({ maxLength: 20 }) }],
    queryParams: [
      { name: 'limit', in: 'query', required: true, schema: int({ minimum: 1, maximum: 50 }) },
      { name: 'status', in: 'query', required: false, schema: str({}, { enum: ['SENDED', 'USED'] }) },
    ],
    headerParams: [{ name: 'Wechatpay-Serial', in: 'header', required: true, schema: str() }],
  }),
  operation('post', UPLOAD, {
    pathParams: [{ name: 'stock_id', in: 'path', required: true, schema: str() }],
    body: {
      kind: 'json',
      required: true,
      schema: obj({
        coupon_code_list: [false, arr(str({ minLength: 1, maxLength: 32, pattern: '^[0-9a-zA-Z]+$' }), { minItems: 1, maxItems: 200 })],
        upload_request_no: [true, str({ maxLength: 128 })],
        count: [false, int({ minimum: 1, maximum: 10 })],
        send_time: [false, str({}, { format: 'rfc3339' })],
        result: [false, str({}, { enum: ['SUCCESS', 'DUPLICATE', 'FAIL'] })],
        remark: [false, str({ maxLength: 4 }, { nullable: true })],
        name: [false, str({ maxLength: 4 }, { sensitive: true })],
      }),
    },
  }),
  operation('post', DEPOSIT, { body: { kind: 'json', required: true, schema: obj({ code: [true, arr(str())] }) } }),
  // Nothing to check: no schema is emitted for it.
  operation('get', 'v3/certificates'),
);

let outDir: string;
let validators: RequestSchemaTable;
let emittedSource: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'validators-'));
  for (const file of await emitValidators(model)) {
    await mkdir(dirname(join(outDir, file.path)), { recursive: true });
    await writeFile(join(outDir, file.path), file.contents);
  }
  emittedSource = await readFile(join(outDir, 'dist/validators.js'), 'utf8');
  // The emitted module is plain data: it imports nothing, so it loads on its own.
  ({ validators } = (await import(pathToFileURL(join(outDir, 'dist/validators.js')).href)) as { validators: RequestSchemaTable });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function validatorOf(method: string, path: string): RequestValidator {
  const validator = requestValidator(validators, method, path);
  if (validator === undefined) throw new Error(`no schema for ${method} ${path}`);
  return validator;
}

function upload(data: unknown): ValidationIssue[] {
  return validatorOf('post', UPLOAD)({ data, pathParams: { stock_id: '98065001' } });
}

const lines = (issues: ValidationIssue[]): string[] => issues.map((issue) => `${issue.path}: ${issue.message}`);

describe('emitted request schemas, compiled by the runtime', () => {
  it('key one frozen schema per operation with something to check, by method and path template', () => {
    expect(Object.keys(validators)).toEqual([`get ${UPLOAD}`, `post ${UPLOAD}`, `post ${DEPOSIT}`]);
    expect(Object.isFrozen(validators)).toBe(true);
    expect(requestValidator(validators, 'get', 'v3/certificates')).toBeUndefined();
    expect(requestValidator(validators, 'get', 'toString')).toBeUndefined();
  });

  it('compile each schema once, on first use', () => {
    expect(requestValidator(validators, 'POST', `/${DEPOSIT}`)).toBe(requestValidator(validators, 'post', DEPOSIT));
  });

  it('accept a request that follows the spec', () => {
    expect(upload({ coupon_code_list: ['ABC9588200', 'ABC9588201'], upload_request_no: '1000023' })).toEqual([]);
  });

  it('name the field path and the rule for length, items, pattern and required', () => {
    const codes = ['A', 'B', 'C', 'x'.repeat(33), 'bad code!'];
    expect(lines(upload({ coupon_code_list: codes }))).toEqual([
      'upload_request_no: required',
      'coupon_code_list[3]: longer than 32 characters',
      'coupon_code_list[4]: does not match /^[0-9a-zA-Z]+$/',
    ]);
    expect(lines(upload({ coupon_code_list: [], upload_request_no: '1' }))).toEqual(['coupon_code_list: fewer than 1 items']);
    expect(lines(upload({ coupon_code_list: Array(201).fill('A'), upload_request_no: '1' }))).toEqual([
      'coupon_code_list: more than 200 items',
    ]);
    expect(lines(upload({ coupon_code_list: [''], upload_request_no: '1' }))).toContain('coupon_code_list[0]: shorter than 1 characters');
  });

  it('count characters as code points, not UTF-16 units', () => {
    expect(upload({ upload_request_no: '1', remark: '😀😀😀😀' })).toEqual([]);
    expect(lines(upload({ upload_request_no: '1', remark: '😀😀😀😀😀' }))).toEqual(['remark: longer than 4 characters']);
  });

  it('check enums, numeric bounds, types and nullability', () => {
    expect(lines(upload({ upload_request_no: '1', result: 'MAYBE' }))).toEqual(['result: must be one of SUCCESS, DUPLICATE, FAIL']);
    expect(lines(upload({ upload_request_no: '1', count: 0 }))).toEqual(['count: less than 1']);
    expect(lines(upload({ upload_request_no: '1', count: 11 }))).toEqual(['count: greater than 10']);
    expect(lines(upload({ upload_request_no: '1', count: 1.5 }))).toEqual(['count: must be an integer']);
    expect(lines(upload({ upload_request_no: 7 }))).toEqual(['upload_request_no: must be a string']);
    expect(upload({ upload_request_no: '1', remark: null })).toEqual([]);
    expect(lines(upload('not json'))).toEqual(['data: must be an object']);
    expect(lines(validatorOf('post', UPLOAD)({ pathParams: { stock_id: '1' } }))).toEqual(['data: required']);
  });

  it('check RFC 3339 times on the wire form, so a Date passes', () => {
    expect(upload({ upload_request_no: '1', send_time: new Date(0) })).toEqual([]);
    expect(upload({ upload_request_no: '1', send_time: '2015-05-20T13:29:35.120+08:00' })).toEqual([]);
    expect(lines(upload({ upload_request_no: '1', send_time: '2015-05-20 13:29:35' }))).toEqual([
      'send_time: must be an RFC 3339 date-time (2015-05-20T13:29:35+08:00)',
    ]);
  });

  it('check a body already serialised to a string or Buffer', () => {
    expect(upload(JSON.stringify({ upload_request_no: '1' }))).toEqual([]);
    expect(lines(upload(Buffer.from(JSON.stringify({ upload_request_no: 1 }))))).toEqual(['upload_request_no: must be a string']);
  });

  it('leave length and pattern of sensitive (encrypted) fields unchecked', () => {
    expect(upload({ upload_request_no: '1', name: 'a much longer RSA-OAEP ciphertext' })).toEqual([]);
  });

  it('check path, query and header parameters as text, header names case-insensitively', () => {
    const list = validatorOf('get', UPLOAD);
    const ok = { pathParams: { stock_id: '98065001' }, params: { limit: 10 }, headers: { 'wechatpay-serial': 'PUB_KEY_ID_1' } };
    expect(list(ok)).toEqual([]);
    expect(list({ ...ok, headers: { 'WECHATPAY-SERIAL': 'x' } })).toEqual([]);
    expect(lines(list({ pathParams: { stock_id: 'x'.repeat(21) }, params: { limit: 'ten', status: 'LOST' } }))).toEqual([
      'stock_id: longer than 20 characters',
      'params.limit: must be an integer',
      'params.status: must be one of SENDED, USED',
      'headers.wechatpay-serial: required',
    ]);
    expect(lines(list({ headers: ok.headers }))).toEqual(['stock_id: required', 'params.limit: required']);
  });

  it('emit a deterministic data module in the generated code style, typed by the runtime', async () => {
    expect(emittedSource).not.toMatch(/\bimport\b|\brequire\(/);
    expect(Object.keys(validators)).toHaveLength(3);
    expect(validators[`post ${DEPOSIT}`]).toEqual({
      type: 'object',
      properties: { data: { type: 'object', properties: { code: { type: 'array', items: { type: 'string' } } }, required: ['code'] } },
      required: ['data'],
    });
    expect((await format('validators.js', emittedSource, FORMAT_OPTIONS)).code).toBe(emittedSource);
    const again = await emitValidators(model);
    expect(again.find((file) => file.path === 'dist/validators.js')!.contents).toBe(emittedSource);
    expect(again.find((file) => file.path === 'dist/validators.d.ts')!.contents).toContain(
      "import type { RequestSchemaTable } from './runtime/request-schema.js';\n",
    );
  });

  it('emit a module for a model without operations', async () => {
    const [js] = await emitValidators({ endpoints: [] });
    expect(js!.contents).toContain('export const validators = Object.freeze({});');
  });
});

describe('validateRequest', () => {
  it('throws one UsageError listing every problem, and passes valid or unknown operations', () => {
    const call = () =>
      validateRequest(validators, 'POST', `/${UPLOAD}`, { data: { coupon_code_list: ['x'.repeat(33)] }, pathParams: { stock_id: '1' } });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      `Invalid request for POST /${UPLOAD}:\n  - upload_request_no: required\n  - coupon_code_list[0]: longer than 32 characters`,
    );
    expect(() => validateRequest(validators, 'post', DEPOSIT, { data: { code: ['A'] } })).not.toThrow();
    expect(() => validateRequest(validators, 'delete', 'v3/unknown', {})).not.toThrow();
  });
});

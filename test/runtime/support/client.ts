import type { Readable } from 'node:stream';
import { createClientClass, type ClientOptions, type UntypedEndpoint } from '../../../templates/runtime/index.ts';
import type { OperationTable } from '../../../templates/runtime/operations.ts';
import type { RequestSchemaTable } from '../../../templates/runtime/request-schema.ts';
import type { Notifications, Paths, Wechatpay as Endpoints } from '../fixtures/openapi.d.ts';
import type { TestKeys } from './server.ts';

/** The operations of the declarations fixture plus a few the runtime tests call untyped. */
export const testOperations: OperationTable = {
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes': { post: {} },
  'v3/pay/transactions/id/{transaction_id}': { get: {} },
  'v3/billdownload/file': { get: { download: true } },
  'v3/merchant-service/images/{media_id}': { get: { download: true } },
  'v3/merchant/media/upload': { post: { multipart: true } },
  'v3/things/{id}': { get: {}, post: {}, put: {}, patch: {}, delete: {} },
};

export const Wechatpay = createClientClass<Endpoints, Paths, Notifications>(testOperations);

/** A property chain the fixture does not declare: every segment, every verb, untyped. */
export type LooseChain = UntypedEndpoint & { [segment: string]: LooseChain };

export function loose(client: object): LooseChain {
  return client as LooseChain;
}

export function clientOptions(keys: TestKeys, baseURL: string, overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    mchid: keys.mchid,
    serial: keys.merchantSerial,
    privateKey: keys.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    certs: {
      [keys.certificateSerial]: keys.certificate.publicKey.export({ type: 'spki', format: 'pem' }),
      [keys.publicKeyId]: keys.publicKey.publicKey,
    },
    baseURL,
    ...overrides,
  };
}

export async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Request schemas for some of `testOperations`, as the generator emits them. */
export const testSchemas: RequestSchemaTable = Object.freeze({
  'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          coupon_code_list: { type: 'array', items: { type: 'string', maxLength: 32 }, maxItems: 200 },
          upload_request_no: { type: 'string', maxLength: 128 },
          result: { type: 'string', enum: ['SUCCESS', 'DUPLICATE', 'FAIL'] },
        },
        required: ['upload_request_no'],
      },
      pathParams: { type: 'object', properties: { stock_id: { type: 'string', maxLength: 20 } }, required: ['stock_id'] },
    },
    required: ['data'],
  },
  'get v3/things/{id}': {
    type: 'object',
    properties: {
      pathParams: { type: 'object', properties: { id: { type: 'string', pattern: '^T\\d+$' } }, required: ['id'] },
      params: { type: 'object', properties: { limit: { type: 'string', format: 'wire-integer' } }, required: ['limit'] },
    },
  },
  'post v3/things/{id}': {
    type: 'object',
    properties: {
      data: { type: 'object', properties: { name: { type: 'string' } } },
      headers: { type: 'object', properties: { 'wechatpay-serial': { type: 'string' } }, required: ['wechatpay-serial'] },
    },
  },
});

export const ValidatedWechatpay = createClientClass<Endpoints, Paths>(testOperations, testSchemas);

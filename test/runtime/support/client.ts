import type { Readable } from 'node:stream';
import { createClientClass, type ClientOptions, type UntypedEndpoint } from '../../../templates/runtime/index.ts';
import type { OperationTable } from '../../../templates/runtime/operations.ts';
import type { Paths, Wechatpay as Endpoints } from '../fixtures/openapi.d.ts';
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

export const Wechatpay = createClientClass<Endpoints, Paths>(testOperations);

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

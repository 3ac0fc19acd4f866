import type { ApiModel, Parameter } from '../../../generator/model/types.ts';
import { array, endpoint, integer, model, object, operation, string } from './model.ts';

const pathParam = (name: string): Parameter => ({ name, in: 'path', required: true, schema: string() });

/** One endpoint per shape the emitter knows, under shared parents. */
export function sampleModel(): ApiModel {
  const couponcodes = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
  const stocks = 'v3/marketing/busifavor/stocks';
  const upload = 'v3/merchant/media/upload';
  const download = 'v3/billdownload/file';
  const partnership = 'v3/marketing/partnerships/{brand_id}';
  const applyment = 'v3/applyment4sub/applyment/';
  const remove = 'v3/marketing/delete';
  return model(
    endpoint(
      couponcodes,
      operation('post', couponcodes, {
        summary: '上传预存code API',
        docLinks: ['https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml'],
        pathParams: [pathParam('stock_id')],
        body: {
          kind: 'json',
          required: true,
          schema: object({
            coupon_code_list: array(string({ constraints: { minLength: 1, maxLength: 32 }, example: 'ABC9588200' })),
            upload_request_no: string(),
          }),
        },
        response: {
          kind: 'json',
          status: 200,
          schema: object({
            stock_id: string(),
            'success_time?': string({ format: 'rfc3339' }),
            'fail_codes?': array(
              object({ coupon_code: string(), code: string({ enum: ['LENGTH_LIMIT', 'DUPLICATE'] }) }),
            ),
          }),
        },
      }),
    ),
    endpoint(
      stocks,
      operation('get', stocks, {
        deprecated: true,
        lastUpdatedAt: '2025.07.25',
        queryParams: [
          { name: 'limit', in: 'query', required: false, schema: integer({ enum: [10, 20] }) },
          { name: 'creator-mchid', in: 'query', required: false, schema: string() },
        ],
        response: { kind: 'json', status: 200, schema: object({ data: array(object({})), extra: array() }) },
      }),
      operation('post', stocks, {
        headerParams: [{ name: 'Wechatpay-Serial', in: 'header', required: true, schema: string() }],
        body: { kind: 'json', required: true, schema: object({ 'name?': string({ sensitive: true }) }) },
      }),
    ),
    endpoint(
      upload,
      operation('post', upload, {
        body: {
          kind: 'multipart',
          meta: object({ filename: string(), sha256: string() }),
          fileField: 'file',
          metaField: 'meta',
        },
        response: { kind: 'json', status: 200, schema: object({ media_id: string() }) },
      }),
    ),
    endpoint(
      download,
      operation('get', download, {
        queryParams: [{ name: 'token', in: 'query', required: true, schema: string() }],
        response: { kind: 'download', status: 200, contentTypes: ['application/octet-stream'] },
      }),
    ),
    endpoint(
      partnership,
      operation('delete', partnership, {
        pathParams: [pathParam('brand_id')],
        body: { kind: 'json', required: true, schema: object({ partner_type: string() }) },
        response: { kind: 'empty', status: 204 },
      }),
      operation('patch', partnership, {
        pathParams: [pathParam('brand_id')],
        body: { kind: 'json', required: true, schema: object({ state: string({ enum: ['ON', 'OFF'] }) }) },
        response: { kind: 'json', status: 200, schema: array(string()) },
      }),
      operation('put', partnership, {
        pathParams: [pathParam('brand_id')],
        body: { kind: 'json', required: false, schema: object({ matrix: array(array(integer())) }) },
        response: { kind: 'json', status: 200, schema: { kind: 'unknown', constraints: {} } },
      }),
    ),
    endpoint(applyment, operation('get', applyment)),
    endpoint(remove, operation('post', remove, { response: { kind: 'empty', status: 204 } })),
  );
}

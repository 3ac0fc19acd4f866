import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../generator/model/types.ts';
import { block, emitted, interfaceIn, lines } from './output.ts';
import { endpoint, integer, model, object, operation, string } from './model.ts';

const pathParam = (name: string): Parameter => ({ name, in: 'path', required: true, schema: string() });

describe('interfaces and signatures per method', () => {
  it('gives POST the documented interfaces, a shortland and post(data, config) with JSDoc', async () => {
    const path = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            summary: '上传预存code API',
            docLinks: ['https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml'],
            pathParams: [pathParam('stock_id')],
            body: { kind: 'json', required: true, schema: object({ upload_request_no: string() }) },
            response: { kind: 'json', status: 200, schema: object({ stock_id: string(), total_count: integer() }) },
          }),
        ),
      ),
    );
    expect(
      block(
        text,
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod {',
      ),
    ).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod {',
        '  export interface JsonDataRequest {',
        '    upload_request_no: string;',
        '  }',
        '',
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    data?: JsonDataRequest;',
        '    stock_id: string;',
        '  }',
        '',
        '  export interface WellformedResponse {',
        '    stock_id: string;',
        '    total_count: number;',
        '  }',
        '}',
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_', 'Couponcodes')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_ {',
        '  export interface Couponcodes {',
        '    /**',
        '     * shortland',
        '     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml',
        '     */',
        '    (',
        '      data: Couponcodes.PostHttpMethod.JsonDataRequest,',
        '      config: Couponcodes.PostHttpMethod.RequestConfig,',
        '    ): AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>;',
        '    /**',
        '     * 上传预存code API',
        '     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml',
        '     */',
        '    post(',
        '      data: Couponcodes.PostHttpMethod.JsonDataRequest,',
        '      config: Couponcodes.PostHttpMethod.RequestConfig,',
        '    ): AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>;',
        '  }',
        '}',
      ),
    );
  });

  it('makes config optional exactly when RequestConfig has no required member (GET, DELETE)', async () => {
    const text = await emitted(
      model(
        endpoint('v3/bill/list', operation('get', 'v3/bill/list'), operation('delete', 'v3/bill/list')),
        endpoint(
          'v3/bill/{id}',
          operation('get', 'v3/bill/{id}', { pathParams: [pathParam('id')] }),
          operation('delete', 'v3/bill/{id}', { pathParams: [pathParam('id')] }),
        ),
      ),
    );
    const optional = interfaceIn(text, 'WeChatPay.OpenAPI.V3.Bill', 'List');
    expect(optional).toContain(
      '    get(config?: List.GetHttpMethod.RequestConfig): AxiosPromise<List.GetHttpMethod.WellformedResponse>;',
    );
    expect(optional).toContain(
      '    delete(config?: List.DeleteHttpMethod.RequestConfig): AxiosPromise<List.DeleteHttpMethod.WellformedResponse>;',
    );
    const required = interfaceIn(text, 'WeChatPay.OpenAPI.V3.Bill', '_id_');
    expect(required).toContain(
      '    get(config: _id_.GetHttpMethod.RequestConfig): AxiosPromise<_id_.GetHttpMethod.WellformedResponse>;',
    );
    expect(required).toContain(
      '    delete(config: _id_.DeleteHttpMethod.RequestConfig): AxiosPromise<_id_.DeleteHttpMethod.WellformedResponse>;',
    );
    // GET and DELETE have no request data interface.
    expect(block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Bill.List.GetHttpMethod {')).not.toContain(
      'DataRequest',
    );
  });

  it('types query parameters as params, optional per required, with their JSDoc', async () => {
    const path = 'v3/bill/tradebill';
    const queryParams: Parameter[] = [
      {
        name: 'bill_date',
        in: 'query',
        required: true,
        description: '账单日期',
        schema: string({ example: '2019-06-11' }),
      },
      { name: 'tar_type', in: 'query', required: false, schema: string({ enum: ['GZIP'] }) },
      { name: 'limit', in: 'query', required: false, schema: integer({ constraints: { minimum: 1, maximum: 100 } }) },
    ];
    const text = await emitted(model(endpoint(path, operation('get', path, { queryParams }))));
    expect(block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Bill.Tradebill.GetHttpMethod {')).toContain(
      lines(
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    params: {',
        '      /** 账单日期 @example 2019-06-11 */',
        '      bill_date: string;',
        "      tar_type?: 'GZIP';",
        '      /** (1..100) */',
        '      limit?: number;',
        '    };',
        '  }',
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Bill', 'Tradebill')).toContain('get(config: Tradebill');

    const optionalOnly = await emitted(
      model(endpoint(path, operation('get', path, { queryParams: queryParams.slice(1) }))),
    );
    expect(optionalOnly).toContain('    params?: {\n');
    expect(interfaceIn(optionalOnly, 'WeChatPay.OpenAPI.V3.Bill', 'Tradebill')).toContain('get(config?: Tradebill');
  });

  it('types header parameters as headers with single-quoted names', async () => {
    const path = 'v3/smartguide/guides';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            headerParams: [{ name: 'Wechatpay-Serial', in: 'header', required: true, schema: string() }],
            body: { kind: 'json', required: true, schema: object({ name: string({ sensitive: true }) }) },
          }),
        ),
      ),
    );
    expect(block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Smartguide.Guides.PostHttpMethod {')).toContain(
      lines(
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    data?: JsonDataRequest;',
        '    headers: {',
        "      'Wechatpay-Serial': string;",
        '    };',
        '  }',
      ),
    );
  });

  it('orders path parameters, DELETE body, params and headers as documented, the body inline and required', async () => {
    const path = 'v3/marketing/partnerships/{brand_id}/{partner_id}';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('delete', path, {
            pathParams: [pathParam('brand_id'), { ...pathParam('partner_id'), schema: integer() }],
            queryParams: [{ name: 'reason', in: 'query', required: false, schema: string() }],
            headerParams: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: string() }],
            body: { kind: 'json', required: true, schema: object({ partner_type: string(), 'note?': string() }) },
            response: { kind: 'empty', status: 204 },
          }),
        ),
      ),
    );
    expect(
      block(
        text,
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Partnerships._brand_id_._partner_id_.DeleteHttpMethod {',
      ),
    ).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Partnerships._brand_id_._partner_id_.DeleteHttpMethod {',
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    brand_id: string;',
        '    partner_id: number;',
        '    data: {',
        '      partner_type: string;',
        '      note?: string;',
        '    };',
        '    params?: {',
        '      reason?: string;',
        '    };',
        '    headers?: {',
        "      'Idempotency-Key'?: string;",
        '    };',
        '  }',
        '',
        '  export interface WellformedResponse {}',
        '}',
      ),
    );
  });

  it('gives PUT and PATCH data and config but no shortland', async () => {
    const path = 'v3/merchant-service/complaints/{complaint_id}';
    const body = { kind: 'json' as const, required: true, schema: object({ state: string() }) };
    const pathParams = [pathParam('complaint_id')];
    const text = await emitted(
      model(
        endpoint(path, operation('put', path, { body, pathParams }), operation('patch', path, { body, pathParams })),
      ),
    );
    const endpointInterface = interfaceIn(text, 'WeChatPay.OpenAPI.V3.MerchantService.Complaints', '_complaint_id_');
    expect(endpointInterface).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.MerchantService.Complaints {',
        '  export interface _complaint_id_ {',
        '    put(',
        '      data: _complaint_id_.PutHttpMethod.JsonDataRequest,',
        '      config: _complaint_id_.PutHttpMethod.RequestConfig,',
        '    ): AxiosPromise<_complaint_id_.PutHttpMethod.WellformedResponse>;',
        '    patch(',
        '      data: _complaint_id_.PatchHttpMethod.JsonDataRequest,',
        '      config: _complaint_id_.PatchHttpMethod.RequestConfig,',
        '    ): AxiosPromise<_complaint_id_.PatchHttpMethod.WellformedResponse>;',
        '  }',
        '}',
      ),
    );
    expect(
      block(text, 'export declare namespace WeChatPay.OpenAPI.V3.MerchantService.Complaints._complaint_id_.PatchHttpMethod {'),
    ).toContain('export declare namespace WeChatPay.OpenAPI.V3.MerchantService.Complaints._complaint_id_.PatchHttpMethod {\n  export interface JsonDataRequest {\n    state: string;');
  });

  it('types an upload as BinaryDataRequest, meta first, with data and config optional', async () => {
    const path = 'v3/merchant/media/upload';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            body: {
              kind: 'multipart',
              meta: object({ filename: string(), sha256: string() }, { description: '媒体文件元信息' }),
              fileField: 'file',
              metaField: 'meta',
            },
            response: { kind: 'json', status: 200, schema: object({ media_id: string() }) },
          }),
        ),
      ),
    );
    expect(
      block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Merchant.Media.Upload.PostHttpMethod {'),
    ).toContain(
      lines(
        '  export interface BinaryDataRequest {',
        '    /** 媒体文件元信息 */',
        '    meta: string;',
        '    file: ReadStream;',
        '  }',
        '',
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    data?: BinaryDataRequest;',
        '  }',
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Merchant.Media', 'Upload')).toContain(
      lines(
        '    (',
        '      data?: Upload.PostHttpMethod.BinaryDataRequest,',
        '      config?: Upload.PostHttpMethod.RequestConfig,',
        '    ): AxiosPromise<Upload.PostHttpMethod.WellformedResponse>;',
      ),
    );
  });

  it('keeps data required on an upload whose config is required, so the signature stays valid', async () => {
    const path = 'v3/marketing/{stock_id}/upload';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            pathParams: [pathParam('stock_id')],
            body: { kind: 'multipart', meta: object({}), fileField: 'file', metaField: 'meta' },
          }),
        ),
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Marketing._stock_id_', 'Upload')).toContain(
      '      data: Upload.PostHttpMethod.BinaryDataRequest,\n      config: Upload.PostHttpMethod.RequestConfig,',
    );
  });

  it('types a download as a ReadStream with a stream response type', async () => {
    const path = 'v3/billdownload/file';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('get', path, {
            queryParams: [{ name: 'token', in: 'query', required: true, schema: string() }],
            response: { kind: 'download', status: 200, contentTypes: ['application/octet-stream'] },
          }),
        ),
      ),
    );
    expect(block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Billdownload.File.GetHttpMethod {')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Billdownload.File.GetHttpMethod {',
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    params: {',
        '      token: string;',
        '    };',
        "    responseType: 'stream';",
        '    transformResponse: [];',
        '  }',
        '',
        '  export interface WellformedResponse extends ReadStream {}',
        '}',
      ),
    );
  });

  it('gives an empty response and a POST without body empty interfaces', async () => {
    const path = 'v3/payscore/serviceorder/{out_order_no}/complete';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            pathParams: [pathParam('out_order_no')],
            response: { kind: 'empty', status: 204 },
          }),
        ),
      ),
    );
    expect(
      block(
        text,
        'export declare namespace WeChatPay.OpenAPI.V3.Payscore.Serviceorder._out_order_no_.Complete.PostHttpMethod {',
      ),
    ).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Payscore.Serviceorder._out_order_no_.Complete.PostHttpMethod {',
        '  export interface JsonDataRequest {}',
        '',
        '  export interface RequestConfig extends AxiosRequestConfig {',
        '    data?: JsonDataRequest;',
        '    out_order_no: string;',
        '  }',
        '',
        '  export interface WellformedResponse {}',
        '}',
      ),
    );
  });

  it('tags deprecated operations with their last update and lists every documentation link', async () => {
    const path = 'v3/marketing/favor/users/{openid}/coupons';
    const text = await emitted(
      model(
        endpoint(
          path,
          operation('post', path, {
            summary: '发放代金券批次API',
            deprecated: true,
            lastUpdatedAt: '2025.07.25',
            docLinks: [
              'https://pay.weixin.qq.com/doc/v3/merchant/4012538797',
              'https://pay.weixin.qq.com/doc/v3/partner/4012539199',
            ],
          }),
        ),
      ),
    );
    const tags = [
      '     * @deprecated - since 2025.07.25',
      '     * @link https://pay.weixin.qq.com/doc/v3/merchant/4012538797',
      '     * @link https://pay.weixin.qq.com/doc/v3/partner/4012539199',
      '     */',
    ];
    const endpointInterface = interfaceIn(text, 'WeChatPay.OpenAPI.V3.Marketing.Favor.Users._openid_', 'Coupons');
    expect(endpointInterface).toContain(lines('    /**', '     * shortland', ...tags, '    ('));
    expect(endpointInterface).toContain(lines('    /**', '     * 发放代金券批次API', ...tags, '    post('));
  });
});

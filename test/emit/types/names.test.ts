import { describe, expect, it } from 'vitest';
import { block, countNamespaces, emitted, interfaceIn, lines } from './output.ts';
import { endpoint, model, operation } from './model.ts';

const get = (path: string) => endpoint(path, operation('get', path));

describe('namespace and member names', () => {
  it('names the trailing-slash segment _empty_', async () => {
    const text = await emitted(model(get('v3/applyment4sub/applyment/')));
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Applyment4sub.Applyment', '_empty_')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Applyment4sub.Applyment {',
        '  export interface _empty_ {',
        '    get(config?: _empty_.GetHttpMethod.RequestConfig): AxiosPromise<_empty_.GetHttpMethod.WellformedResponse>;',
        '  }',
        '}',
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Applyment4sub', 'Applyment')).toContain(
      '  export interface Applyment {\n    _empty_: Applyment._empty_;\n  }',
    );
    expect(text).toContain("  'v3/applyment4sub/applyment/': WeChatPay.OpenAPI.V3.Applyment4sub.Applyment._empty_;");
  });

  it('capitalises a segment spelled like an HTTP verb on the chain too', async () => {
    const text = await emitted(model(endpoint('v3/merchant/delete', operation('post', 'v3/merchant/delete'))));
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3', 'Merchant')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3 {',
        '  export interface Merchant {',
        '    Delete: Merchant.Delete;',
        '  }',
        '}',
      ),
    );
    expect(block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Merchant.Delete.PostHttpMethod {')).toContain('JsonDataRequest');
  });

  it('keeps underscores and digits, camel-cases kebab segments and names placeholders _x_', async () => {
    const text = await emitted(
      model(
        get('v3/apply4sub/sub_merchants/{sub_mchid}/settlement'),
        get('v3/merchant-service/complaints-v2'),
        get('v3/pay/transactions/h5'),
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Apply4sub', 'Sub_merchants')).toContain(
      '  export interface Sub_merchants {\n    _sub_mchid_: Sub_merchants._sub_mchid_;\n  }',
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Apply4sub.Sub_merchants._sub_mchid_', 'Settlement')).toContain(
      '  export interface Settlement {',
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3', 'MerchantService')).toContain(
      '  export interface MerchantService {\n    complaintsV2: MerchantService.ComplaintsV2;\n  }',
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Pay', 'Transactions')).toContain(
      '  export interface Transactions {\n    h5: Transactions.H5;\n  }',
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI', 'V3')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI {',
        '  export interface V3 {',
        '    apply4sub: V3.Apply4sub;',
        '    merchantService: V3.MerchantService;',
        '    pay: V3.Pay;',
        '  }',
        '}',
      ),
    );
  });

  it('declares each level once with all its children, merged across endpoints', async () => {
    const paths = [
      'v3/marketing/busifavor/stocks',
      'v3/marketing/busifavor/stocks/{stock_id}',
      'v3/marketing/busifavor/coupons/{coupon_code}/deactivate',
      'v3/marketing/favor/stocks',
    ];
    // Input order must not matter.
    const text = await emitted(model(...[...paths].reverse().map(get)));
    for (const level of ['WeChatPay.OpenAPI', 'WeChatPay.OpenAPI.V3', 'WeChatPay.OpenAPI.V3.Marketing']) {
      expect(countNamespaces(text, level)).toBe(1);
    }
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3.Marketing.Busifavor', 'Stocks')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor {',
        '  export interface Stocks {',
        '    _stock_id_: Stocks._stock_id_;',
        '    get(config?: Stocks.GetHttpMethod.RequestConfig): AxiosPromise<Stocks.GetHttpMethod.WellformedResponse>;',
        '  }',
        '}',
      ),
    );
    expect(interfaceIn(text, 'WeChatPay.OpenAPI.V3', 'Marketing')).toBe(
      lines(
        'export declare namespace WeChatPay.OpenAPI.V3 {',
        '  export interface Marketing {',
        '    busifavor: Marketing.Busifavor;',
        '    favor: Marketing.Favor;',
        '  }',
        '}',
      ),
    );
    expect(text.match(/export interface Marketing \{/g)).toHaveLength(1);
    expect(text.match(/export interface Busifavor \{/g)).toHaveLength(1);
    expect(text.match(/export interface Stocks \{/g)).toHaveLength(2);
  });

  it('ends with Wechatpay and one Paths entry per URL path, in path order', async () => {
    const text = await emitted(model(get('v3/pay/transactions/h5'), get('v3/bill/tradebill')));
    expect(
      text.endsWith(
        lines(
          'export interface Wechatpay {',
          '  /** APIv3 endpoint */',
          '  v3: WeChatPay.OpenAPI.V3;',
          '}',
          '',
          'export interface Paths {',
          "  'v3/bill/tradebill': WeChatPay.OpenAPI.V3.Bill.Tradebill;",
          "  'v3/pay/transactions/h5': WeChatPay.OpenAPI.V3.Pay.Transactions.H5;",
          '}',
          '',
        ),
      ),
    ).toBe(true);
    expect(
      text.startsWith(
        lines(
          '/// <reference path="./read-stream.d.ts" />',
          "import type { AxiosRequestConfig, AxiosPromise } from 'axios';",
          "import type { ReadStream } from 'fs';",
          '',
        ),
      ),
    ).toBe(true);
  });

  it('reports a segment that would shadow a type the declarations use', async () => {
    await expect(emitted(model(get('v3/bill/date/summary')))).rejects.toThrow(
      "spec/test.yaml:1:1: error UNREPRESENTABLE_SEGMENT URL segment 'date' would shadow the type Date",
    );
  });

  it('declares segments named like probed members with a capital, and `__proto__` as itself (hardening item 6)', async () => {
    const text = await emitted(model(get('v3/a/then'), get('v3/a/constructor'), get('v3/a/__proto__'), get('v3/a/name')));
    for (const member of ['Then: A.Then;', 'Constructor: A.Constructor;', 'Name: A.Name;', '__proto__: A.__proto__;']) {
      expect(text).toContain(member);
    }
  });

  it.each(['toString', 'hasOwnProperty', 'ABC', '__x__'])('reports a segment %s the client would send differently', async (raw) => {
    await expect(emitted(model(get(`v3/a/${raw}`)))).rejects.toThrow(/UNREPRESENTABLE_SEGMENT URL segment '.*' gives the chain property/);
  });

  it('reports two segments that give one name at the spec file', async () => {
    await expect(emitted(model(get('v3/a/sub-merchants'), get('v3/a/subMerchants')))).rejects.toThrow(
      "spec/test.yaml:1:1: error UNREPRESENTABLE_SEGMENT URL segments 'sub-merchants' and 'subMerchants' give the same name SubMerchants",
    );
  });
});

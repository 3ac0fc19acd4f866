import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../templates/runtime/errors.ts';
import { appInvocation, jsapiInvocation } from '../../../templates/runtime/invocation.ts';
import { Wechatpay, clientOptions } from '../support/client.ts';
import { generateTestKeys } from '../support/server.ts';

const keys = generateTestKeys();
const wxpay = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:1'));
const order = { appid: 'wxd678efh567hg6787', prepay_id: 'wx201410272009395522657a690389285100' };

function verifies(lines: string[], signature: string): boolean {
  return verify('sha256', Buffer.from(lines.map((line) => `${line}\n`).join('')), keys.merchant.publicKey, Buffer.from(signature, 'base64'));
}

describe('invocation parameters', () => {
  it('JSAPI / mini-program: exactly the fields wx.requestPayment takes, paySign over the four values', () => {
    const before = Math.floor(Date.now() / 1000);
    const params = wxpay.jsapiInvocation(order);
    expect(Object.keys(params).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(params).toMatchObject({ appId: order.appid, package: `prepay_id=${order.prepay_id}`, signType: 'RSA' });
    for (const value of Object.values(params)) expect(typeof value).toBe('string');
    expect(Number(params.timeStamp)).toBeGreaterThanOrEqual(before);
    expect(params.timeStamp).toMatch(/^\d+$/);
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(verifies([params.appId, params.timeStamp, params.nonceStr, params.package], params.paySign)).toBe(true);
    // Any other value fails the check WeChat makes.
    expect(verifies([params.appId, params.timeStamp, params.nonceStr, `prepay_id=other`], params.paySign)).toBe(false);
  });

  it('APP: the fields of the APP SDK, sign over appid, timestamp, noncestr, prepayid', () => {
    const params = wxpay.appInvocation(order, { timestamp: 1414561699, nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS' });
    expect(params).toEqual({
      appid: order.appid,
      partnerid: keys.mchid,
      prepayid: order.prepay_id,
      package: 'Sign=WXPay',
      noncestr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      timestamp: '1414561699',
      sign: params.sign,
    });
    expect(verifies([order.appid, '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', order.prepay_id], params.sign)).toBe(true);
    expect(verifies([order.appid, '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', `prepay_id=${order.prepay_id}`], params.sign)).toBe(false);
  });

  it('the standalone functions sign with the key given; fresh nonces each call', () => {
    const a = jsapiInvocation(order, keys.merchant.privateKey);
    const b = jsapiInvocation(order, keys.merchant.privateKey);
    expect(a.nonceStr).not.toBe(b.nonceStr);
    expect(verifies([a.appId, a.timeStamp, a.nonceStr, a.package], a.paySign)).toBe(true);
    expect(appInvocation(order, '1900000001', keys.merchant.privateKey).partnerid).toBe('1900000001');
  });

  it('refuses a missing or multi-line prepay_id or appid before signing', () => {
    expect(() => wxpay.jsapiInvocation({ appid: order.appid, prepay_id: '' })).toThrow(UsageError);
    expect(() => wxpay.jsapiInvocation({ appid: order.appid } as never)).toThrow(/prepay_id/);
    expect(() => wxpay.appInvocation({ appid: 'wx\nx', prepay_id: 'p' })).toThrow(/appid/);
  });
});

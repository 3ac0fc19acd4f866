/**
 * Invocation parameters: what the merchant's page, mini-program or app hands to WeChat to start
 * paying a `prepay_id`, signed with the merchant API private key (SHA256withRSA over the values,
 * each followed by `\n`).
 */
import type { KeyObject } from 'node:crypto';
/** For `wx.requestPayment` (mini-program) and `WeixinJSBridge` `getBrandWCPayRequest` (JSAPI), field for field. */
export interface JsapiInvocation {
  appId: string;
  /** Unix seconds, as a string. */
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=<prepay_id>`. */
  package: `prepay_id=${string}`;
  signType: 'RSA';
  paySign: string;
}
/** For the APP SDK's `PayReq` (`appId`, `partnerId`, ... in its own casing), field for field. */
export interface AppInvocation {
  appid: string;
  /** The merchant id (`mchid`). */
  partnerid: string;
  prepayid: string;
  package: 'Sign=WXPay';
  noncestr: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  sign: string;
}
export interface InvocationRequest {
  /** The AppID the order was placed with (`appid` of the ordering request). */
  appid: string;
  /** From the JSAPI / mini-program / APP ordering response. */
  prepay_id: string;
}
/** Fixed inputs, for tests and reproducible examples; normally both are fresh. */
export interface InvocationOverrides {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Default 32 crypto-random characters. */
  nonce?: string;
}
/** Parameters for `wx.requestPayment` / JSAPI, signed over appId, timeStamp, nonceStr and package. */
export declare function jsapiInvocation(
  request: InvocationRequest,
  privateKey: KeyObject,
  overrides?: InvocationOverrides,
): JsapiInvocation;
/** Parameters for the APP SDK, signed over appid, timestamp, noncestr and prepayid. */
export declare function appInvocation(
  request: InvocationRequest,
  mchid: string,
  privateKey: KeyObject,
  overrides?: InvocationOverrides,
): AppInvocation;

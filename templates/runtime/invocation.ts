/**
 * Invocation parameters: what the merchant's page, mini-program or app hands to WeChat to start
 * paying a `prepay_id`, signed with the merchant API private key (SHA256withRSA over the values,
 * each followed by `\n`).
 */
import type { KeyObject } from 'node:crypto';
import { UsageError } from './errors.js';
import { createNonce, signMessage } from './signature.js';

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

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '' || /[\r\n]/.test(value)) {
    throw new UsageError(`${name} is required: a non-empty single-line string`);
  }
  return value;
}

function fresh(overrides: InvocationOverrides | undefined): { timestamp: string; nonce: string } {
  const timestamp = overrides?.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new UsageError('timestamp must be Unix seconds');
  return { timestamp: String(timestamp), nonce: requireText(overrides?.nonce ?? createNonce(), 'nonce') };
}

function signLines(lines: string[], privateKey: KeyObject): string {
  return signMessage(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), privateKey);
}

/** Parameters for `wx.requestPayment` / JSAPI, signed over appId, timeStamp, nonceStr and package. */
export function jsapiInvocation(request: InvocationRequest, privateKey: KeyObject, overrides?: InvocationOverrides): JsapiInvocation {
  const appId = requireText(request?.appid, 'appid');
  const packageValue = `prepay_id=${requireText(request.prepay_id, 'prepay_id')}` as const;
  const { timestamp, nonce } = fresh(overrides);
  const paySign = signLines([appId, timestamp, nonce, packageValue], privateKey);
  return { appId, timeStamp: timestamp, nonceStr: nonce, package: packageValue, signType: 'RSA', paySign };
}

/** Parameters for the APP SDK, signed over appid, timestamp, noncestr and prepayid. */
export function appInvocation(
  request: InvocationRequest,
  mchid: string,
  privateKey: KeyObject,
  overrides?: InvocationOverrides,
): AppInvocation {
  const appid = requireText(request?.appid, 'appid');
  const prepayid = requireText(request.prepay_id, 'prepay_id');
  const { timestamp, nonce } = fresh(overrides);
  const sign = signLines([appid, timestamp, nonce, prepayid], privateKey);
  return { appid, partnerid: requireText(mchid, 'mchid'), prepayid, package: 'Sign=WXPay', noncestr: nonce, timestamp, sign };
}

import { UsageError } from './errors.js';
import { createNonce, signMessage } from './signature.js';
function requireText(value, name) {
  if (typeof value !== 'string' || value === '' || /[\r\n]/.test(value)) {
    throw new UsageError(`${name} is required: a non-empty single-line string`);
  }
  return value;
}
function fresh(overrides) {
  const timestamp = overrides?.timestamp ?? Math.floor(Date.now() / 1e3);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new UsageError('timestamp must be Unix seconds');
  return {
    timestamp: String(timestamp),
    nonce: requireText(overrides?.nonce ?? createNonce(), 'nonce'),
  };
}
function signLines(lines, privateKey) {
  return signMessage(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), privateKey);
}
/** Parameters for `wx.requestPayment` / JSAPI, signed over appId, timeStamp, nonceStr and package. */
export function jsapiInvocation(request, privateKey, overrides) {
  const appId = requireText(request?.appid, 'appid');
  const packageValue = `prepay_id=${requireText(request.prepay_id, 'prepay_id')}`;
  const { timestamp, nonce } = fresh(overrides);
  const paySign = signLines([appId, timestamp, nonce, packageValue], privateKey);
  return {
    appId,
    timeStamp: timestamp,
    nonceStr: nonce,
    package: packageValue,
    signType: 'RSA',
    paySign,
  };
}
/** Parameters for the APP SDK, signed over appid, timestamp, noncestr and prepayid. */
export function appInvocation(request, mchid, privateKey, overrides) {
  const appid = requireText(request?.appid, 'appid');
  const prepayid = requireText(request.prepay_id, 'prepay_id');
  const { timestamp, nonce } = fresh(overrides);
  const sign = signLines([appid, timestamp, nonce, prepayid], privateKey);
  return {
    appid,
    partnerid: requireText(mchid, 'mchid'),
    prepayid,
    package: 'Sign=WXPay',
    noncestr: nonce,
    timestamp,
    sign,
  };
}

/**
 * The payment lifecycle as WeChat Pay plays it for a direct merchant: ordering (JSAPI, APP, H5,
 * Native), payment (the control endpoint or `--auto-pay-after`), expiry per `time_expire`, query,
 * close, refund, and the notifications each step sends.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { fail } from './script.js';
import { entry } from './state.js';
import { documentedError } from './tables.js';
/** An order not paid within this time after ordering is closed when it gives no `time_expire`. */
const DEFAULT_EXPIRY_MS = 2 * 36e5;
export const PAY_SCRIPTS = {
  'post v3/pay/transactions/jsapi': { handle: (context) => placeOrder(context, 'JSAPI') },
  'post v3/pay/transactions/app': { handle: (context) => placeOrder(context, 'APP') },
  'post v3/pay/transactions/h5': { handle: (context) => placeOrder(context, 'MWEB') },
  'post v3/pay/transactions/native': { handle: (context) => placeOrder(context, 'NATIVE') },
  'get v3/pay/transactions/id/{transaction_id}': { handle: queryByTransactionId },
  'get v3/pay/transactions/out-trade-no/{out_trade_no}': { handle: queryByOutTradeNo },
  'post v3/pay/transactions/out-trade-no/{out_trade_no}/close': { handle: closeOrder },
  'post v3/refund/domestic/refunds': { handle: createRefund },
  'get v3/refund/domestic/refunds/{out_refund_no}': { handle: queryRefund },
};
const TRADE_STATE_TEXT = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '未支付',
  CLOSED: '已关闭',
};
/** The order's state at `now`: an unpaid order past its expiry is CLOSED without anyone closing it. */
export function tradeState(order, now) {
  if (order.paid_at !== undefined) return order.refunded > 0 ? 'REFUND' : 'SUCCESS';
  if (order.closed_at !== undefined || now >= order.expires_at) return 'CLOSED';
  return 'NOTPAY';
}
/** `2018-06-08T10:34:56+08:00`: how WeChat Pay writes the times of payments and refunds. */
export function beijingTime(ms) {
  return `${new Date(ms + 8 * 36e5).toISOString().slice(0, 19)}+08:00`;
}
/** The transaction as the query operations answer it and the payment notification carries it. */
export function transactionView(order, now) {
  const state = tradeState(order, now);
  const paid = order.paid_at !== undefined;
  const view = {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.out_trade_no,
    ...(paid ? { transaction_id: order.transaction_id } : {}),
    trade_type: order.trade_type,
    trade_state: state,
    trade_state_desc: TRADE_STATE_TEXT[state],
    ...(paid
      ? {
          bank_type: 'OTHERS',
          success_time: beijingTime(order.paid_at),
        }
      : {}),
    ...(order.attach === undefined ? {} : { attach: order.attach }),
    ...(order.openid === undefined ? {} : { payer: { openid: order.openid } }),
    amount: paid
      ? {
          total: order.total,
          payer_total: order.total,
          currency: order.currency,
          payer_currency: order.currency,
        }
      : {
          total: order.total,
          currency: order.currency,
        },
  };
  return view;
}
export function refundStatus(refund) {
  return refund.success_at === undefined ? 'PROCESSING' : 'SUCCESS';
}
/** The refund as the refund operations answer it. */
export function refundView(refund) {
  return {
    refund_id: refund.refund_id,
    out_refund_no: refund.out_refund_no,
    transaction_id: refund.transaction_id,
    out_trade_no: refund.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.success_at === undefined ? {} : { success_time: beijingTime(refund.success_at) }),
    create_time: beijingTime(refund.created_at),
    status: refundStatus(refund),
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.refund,
      from: [],
      payer_total: refund.total,
      payer_refund: refund.refund,
      settlement_refund: refund.refund,
      settlement_total: refund.total,
      discount_refund: 0,
      currency: refund.currency,
    },
    promotion_detail: [],
  };
}
/** `undefined` when notifications may go to `url` (http(s) on a loopback host), else why not. */
export function notifyUrlProblem(url, field) {
  if (typeof url !== 'string') return `${field} must be a string`;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `${field} is not an absolute URL: ${JSON.stringify(url)}`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `${field} must be an http(s) URL, got ${parsed.protocol}`;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!loopback) {
    return `${field} must point to a loopback host in the sandbox (127.0.0.1, ::1 or localhost), got ${JSON.stringify(parsed.hostname)}: the sandbox never sends notifications off this machine`;
  }
  return undefined;
}
function digits(count) {
  let out = '';
  while (out.length < count) out += String(randomInt(1e9)).padStart(9, '0');
  return out.slice(0, count);
}
function compactBeijing(ms) {
  return new Date(ms + 8 * 36e5).toISOString().replace(/\D/g, '').slice(0, 14);
}
/** Same members, same values, in any order: the comparison of a repeated request. */
function canonical(value) {
  return JSON.stringify(value, (_key, item) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
function record(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function checkMchid(mchid, env) {
  if (mchid === env.mchid) return undefined;
  return fail(
    400,
    'PARAM_ERROR',
    `mchid ${JSON.stringify(mchid)} is not the merchant that signed the request (${env.mchid})`,
  );
}
function orderClosed(context, order) {
  const error = documentedError(context.operation, /^ORDER_?CLOSED$/, {
    status: 400,
    code: 'ORDER_CLOSED',
  });
  return fail(error.status, error.code, `order ${order.out_trade_no} is closed`);
}
function orderPaid(context, order) {
  const error = documentedError(context.operation, /^ORDER_?PAID$|已支付/, {
    status: 400,
    code: 'ORDERPAID',
  });
  return fail(error.status, error.code, `order ${order.out_trade_no} is paid`);
}
function orderMissing(context, what) {
  const error = documentedError(context.operation, /^ORDER_?NOT_?EXISTS?$/, {
    status: 404,
    code: 'ORDER_NOT_EXIST',
  });
  return fail(error.status, error.code, `${what} does not exist`);
}
function placeOrder(context, tradeType) {
  const { body, state, now, env } = context;
  const wrongMerchant = checkMchid(body.mchid, env);
  if (wrongMerchant) return wrongMerchant;
  const urlProblem = notifyUrlProblem(body.notify_url, 'notify_url');
  if (urlProblem) return fail(400, 'PARAM_ERROR', urlProblem);
  const outTradeNo = String(body.out_trade_no);
  const amount = record(body.amount);
  const total = amount.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 1)
    return fail(400, 'PARAM_ERROR', 'amount.total must be a positive integer (fen)');
  const request = canonical({
    ...body,
    trade_type: tradeType,
  });
  const existing = entry(state.orders, outTradeNo);
  if (existing) {
    const current = tradeState(existing, now);
    if (current === 'SUCCESS' || current === 'REFUND') return orderPaid(context, existing);
    if (current === 'CLOSED') return orderClosed(context, existing);
    // The same order placed again (a retry after a lost answer) gets the same prepay answer.
    if (existing.request === request)
      return {
        status: 200,
        body: existing.answer,
        mutated: false,
      };
    const error = documentedError(context.operation, /不同的参数|^OUT_TRADE_NO_USED$/, {
      status: 403,
      code: 'OUT_TRADE_NO_USED',
    });
    return fail(error.status, error.code, `out_trade_no ${outTradeNo} was already used for another order`);
  }
  let expiresAt = now + DEFAULT_EXPIRY_MS;
  if (body.time_expire !== undefined) {
    expiresAt = Date.parse(String(body.time_expire));
    if (Number.isNaN(expiresAt)) return fail(400, 'PARAM_ERROR', 'time_expire is not an RFC 3339 time');
    if (expiresAt <= now)
      return fail(400, 'PARAM_ERROR', `time_expire ${String(body.time_expire)} is not in the future`);
  }
  const prepayId = `wx${compactBeijing(now)}${randomBytes(10).toString('hex')}`;
  const answer =
    tradeType === 'NATIVE'
      ? { code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(5).toString('base64url')}` }
      : tradeType === 'MWEB'
        ? { h5_url: `https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=${prepayId}&package=${digits(10)}` }
        : { prepay_id: prepayId };
  const payer = record(body.payer);
  const order = {
    out_trade_no: outTradeNo,
    transaction_id: `4200${compactBeijing(now).slice(0, 8)}${digits(16)}`,
    mchid: env.mchid,
    appid: String(body.appid),
    trade_type: tradeType,
    description: String(body.description ?? ''),
    notify_url: String(body.notify_url),
    total,
    currency: typeof amount.currency === 'string' ? amount.currency : 'CNY',
    created_at: now,
    expires_at: expiresAt,
    refunded: 0,
    request,
    answer,
  };
  if (typeof body.attach === 'string') order.attach = body.attach;
  if (typeof payer.openid === 'string') order.openid = payer.openid;
  const wakeups = [];
  if (env.autoPayAfterMs !== undefined) {
    order.auto_pay_at = now + env.autoPayAfterMs;
    wakeups.push({
      kind: 'auto-pay',
      out_trade_no: outTradeNo,
      at: order.auto_pay_at,
    });
  }
  state.orders[outTradeNo] = order;
  return {
    status: 200,
    body: answer,
    mutated: true,
    wakeups,
  };
}
function findByTransactionId(state, transactionId) {
  for (const order of Object.values(state.orders))
    if (order.transaction_id === transactionId && order.paid_at !== undefined) return order;
  return undefined;
}
function queryByTransactionId(context) {
  const { pathParams, query, state, now, env } = context;
  const wrongMerchant = checkMchid(query.mchid, env);
  if (wrongMerchant) return wrongMerchant;
  const id = pathParams.transaction_id;
  // Only a paid order has a transaction id the merchant can know.
  const order = findByTransactionId(state, id);
  if (!order) return orderMissing(context, `transaction ${id}`);
  return {
    status: 200,
    body: transactionView(order, now),
    mutated: false,
  };
}
function queryByOutTradeNo(context) {
  const { pathParams, query, state, now, env } = context;
  const wrongMerchant = checkMchid(query.mchid, env);
  if (wrongMerchant) return wrongMerchant;
  const order = entry(state.orders, pathParams.out_trade_no);
  if (!order) return orderMissing(context, `order ${pathParams.out_trade_no}`);
  return {
    status: 200,
    body: transactionView(order, now),
    mutated: false,
  };
}
function closeOrder(context) {
  const { pathParams, body, state, now, env } = context;
  const wrongMerchant = checkMchid(body.mchid, env);
  if (wrongMerchant) return wrongMerchant;
  const order = entry(state.orders, pathParams.out_trade_no);
  if (!order) return orderMissing(context, `order ${pathParams.out_trade_no}`);
  const current = tradeState(order, now);
  if (current === 'SUCCESS' || current === 'REFUND') return orderPaid(context, order);
  // Closing a closed order again changes nothing and succeeds, as on the real service.
  if (current === 'CLOSED')
    return {
      status: 204,
      body: undefined,
      mutated: false,
    };
  order.closed_at = now;
  delete order.auto_pay_at;
  return {
    status: 204,
    body: undefined,
    mutated: true,
  };
}
/** Marks an order paid and queues its TRANSACTION.SUCCESS notification. */
export function payOrder(state, outTradeNo, now, openid) {
  const order = entry(state.orders, outTradeNo);
  if (!order) return fail(404, 'ORDER_NOT_EXIST', `order ${outTradeNo} does not exist`);
  const current = tradeState(order, now);
  if (current !== 'NOTPAY')
    return fail(
      400,
      current === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDERPAID',
      `order ${outTradeNo} is ${current}, not NOTPAY`,
    );
  order.paid_at = now;
  delete order.auto_pay_at;
  order.openid ??= openid ?? `o${randomBytes(14).toString('base64url')}`;
  const delivery = queueDelivery(
    state,
    now,
    order.notify_url,
    'TRANSACTION.SUCCESS',
    '支付成功',
    'transaction',
    transactionView(order, now),
  );
  return {
    status: 200,
    body: transactionView(order, now),
    mutated: true,
    wakeups: [
      {
        kind: 'deliver',
        id: delivery.id,
        at: now,
      },
    ],
  };
}
function queueDelivery(state, now, url, eventType, summary, originalType, resource) {
  const delivery = {
    id: randomUUID(),
    url,
    event_type: eventType,
    summary,
    original_type: originalType,
    resource,
    created_at: now,
    attempts: 0,
    next_at: now,
  };
  state.deliveries[delivery.id] = delivery;
  return delivery;
}
function createRefund(context) {
  const { body, state, now, env } = context;
  const outRefundNo = String(body.out_refund_no);
  const amount = record(body.amount);
  const byTransaction = typeof body.transaction_id === 'string';
  const order = byTransaction
    ? findByTransactionId(state, String(body.transaction_id))
    : entry(state.orders, String(body.out_trade_no));
  const missing = documentedError(context.operation, /^RESOURCE_NOT_EXISTS$/, {
    status: 404,
    code: 'RESOURCE_NOT_EXISTS',
  });
  if (body.transaction_id === undefined && body.out_trade_no === undefined)
    return fail(400, 'PARAM_ERROR', 'transaction_id or out_trade_no is required');
  if (!order)
    return fail(
      missing.status,
      missing.code,
      `order ${String(body.transaction_id ?? body.out_trade_no)} does not exist`,
    );
  if (body.notify_url !== undefined) {
    const urlProblem = notifyUrlProblem(body.notify_url, 'notify_url');
    if (urlProblem) return fail(400, 'PARAM_ERROR', urlProblem);
  }
  const request = canonical(body);
  const invalid = (message) => {
    const error = documentedError(context.operation, /^INVALID_REQUEST$/, {
      status: 400,
      code: 'INVALID_REQUEST',
    });
    return fail(error.status, error.code, message);
  };
  const existing = entry(state.refunds, outRefundNo);
  if (existing) {
    // One refund per out_refund_no: the same request again is answered with that refund.
    if (existing.request === request)
      return {
        status: 200,
        body: refundView(existing),
        mutated: false,
      };
    return invalid(`out_refund_no ${outRefundNo} was already used with other parameters`);
  }
  if (order.paid_at === undefined)
    return invalid(`order ${order.out_trade_no} is ${tradeState(order, now)}: only a paid order can be refunded`);
  const refund = amount.refund;
  const total = amount.total;
  if (typeof refund !== 'number' || !Number.isInteger(refund) || refund < 1)
    return fail(400, 'PARAM_ERROR', 'amount.refund must be a positive integer (fen)');
  if (total !== order.total) return invalid(`amount.total ${String(total)} is not the order's total ${order.total}`);
  const currency = typeof amount.currency === 'string' ? amount.currency : 'CNY';
  if (currency !== order.currency)
    return fail(400, 'PARAM_ERROR', `amount.currency ${currency} is not the order's currency ${order.currency}`);
  const refundable = order.total - order.refunded;
  if (refund > refundable) {
    const error = documentedError(context.operation, /可退|超过|exceed/i, {
      status: 400,
      code: 'INVALID_REQUEST',
    });
    return fail(
      error.status,
      error.code,
      `amount.refund ${refund} exceeds what order ${order.out_trade_no} has left to refund (${refundable} of ${order.total} fen)`,
    );
  }
  const created = {
    out_refund_no: outRefundNo,
    refund_id: `50${digits(30)}`,
    out_trade_no: order.out_trade_no,
    transaction_id: order.transaction_id,
    refund,
    total: order.total,
    currency,
    created_at: now,
    succeeds_at: now + env.refundDelayMs,
    request,
  };
  if (typeof body.reason === 'string') created.reason = body.reason;
  if (typeof body.notify_url === 'string') created.notify_url = body.notify_url;
  order.refunded += refund;
  state.refunds[outRefundNo] = created;
  return {
    status: 200,
    body: refundView(created),
    mutated: true,
    wakeups: [
      {
        kind: 'refund-success',
        out_refund_no: outRefundNo,
        at: created.succeeds_at,
      },
    ],
  };
}
function queryRefund(context) {
  const refund = entry(context.state.refunds, context.pathParams.out_refund_no);
  if (!refund) {
    const error = documentedError(context.operation, /^RESOURCE_NOT_EXISTS$/, {
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
    });
    return fail(error.status, error.code, `refund ${context.pathParams.out_refund_no} does not exist`);
  }
  return {
    status: 200,
    body: refundView(refund),
    mutated: false,
  };
}
/** Moves a refund to SUCCESS and queues its REFUND.SUCCESS notification when it names a notify_url. */
export function completeRefund(state, outRefundNo, now) {
  const refund = entry(state.refunds, outRefundNo);
  if (!refund || refund.success_at !== undefined)
    return {
      status: 200,
      body: undefined,
      mutated: false,
    };
  refund.success_at = now;
  const wakeups = [];
  if (refund.notify_url !== undefined) {
    const order = entry(state.orders, refund.out_trade_no);
    const resource = {
      mchid: order?.mchid ?? '',
      out_trade_no: refund.out_trade_no,
      transaction_id: refund.transaction_id,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_status: 'SUCCESS',
      success_time: beijingTime(now),
      user_received_account: '支付用户零钱',
      amount: {
        total: refund.total,
        refund: refund.refund,
        payer_total: refund.total,
        payer_refund: refund.refund,
      },
    };
    const delivery = queueDelivery(state, now, refund.notify_url, 'REFUND.SUCCESS', '退款成功', 'refund', resource);
    wakeups.push({
      kind: 'deliver',
      id: delivery.id,
      at: now,
    });
  }
  return {
    status: 200,
    body: refundView(refund),
    mutated: true,
    wakeups,
  };
}

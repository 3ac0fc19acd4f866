/**
 * Daily bills built from the sandbox's own orders and refunds, in the public CSV layout: a header
 * line, one line per record with every value prefixed by a backtick, then a summary header and line.
 * The bill operations answer a `download_url` on the sandbox and the SHA1 of the uncompressed file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Download, fail } from './script.js';
import { documentedError } from './tables.js';
export const BILL_SCRIPTS = {
  'get v3/bill/tradebill': { handle: tradeBill },
  'get v3/bill/fundflowbill': { handle: fundFlowBill },
  'get v3/billdownload/file': { handle: downloadBill },
};
const FEE_RATE = 0.006;
/** `2018-06-08 10:34:56` in Beijing time, as bills write times. */
function billTime(ms) {
  return new Date(ms + 8 * 36e5).toISOString().slice(0, 19).replace('T', ' ');
}
function billDate(ms) {
  return billTime(ms).slice(0, 10);
}
function yuan(fen) {
  return (fen / 100).toFixed(2);
}
function fee(fen) {
  return ((fen * FEE_RATE) / 100).toFixed(5);
}
function line(values) {
  return values.map((value) => `\`${value}`).join(',');
}
const TRADE_HEAD_START = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
];
const REFUND_COLUMNS = ['微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型', '退款状态'];
const TRADE_HEAD_END = ['商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注'];
const TRADE_SUMMARY_HEAD = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
];
/** The trade bill of one Beijing day: payments made that day and refunds that succeeded that day. */
export function tradeBillCsv(orders, refunds, mchid, date, type) {
  const byOrder = new Map(orders.map((order) => [order.out_trade_no, order]));
  const paid =
    type === 'REFUND' ? [] : orders.filter((order) => order.paid_at !== undefined && billDate(order.paid_at) === date);
  const refunded =
    type === 'SUCCESS'
      ? []
      : refunds.filter((refund) => refund.success_at !== undefined && billDate(refund.success_at) === date);
  if (paid.length === 0 && refunded.length === 0) return undefined;
  const withRefunds = type !== 'SUCCESS';
  const head = [
    ...TRADE_HEAD_START,
    ...(type === 'REFUND' ? ['退款申请时间', '退款成功时间'] : []),
    ...(withRefunds ? REFUND_COLUMNS : []),
    ...TRADE_HEAD_END,
  ];
  const rows = [];
  let settled = 0;
  let refundedTotal = 0;
  let fees = 0;
  let ordered = 0;
  for (const order of paid) {
    const start = [
      billTime(order.paid_at),
      order.appid,
      mchid,
      '0',
      '',
      order.transaction_id,
      order.out_trade_no,
      order.openid ?? '',
      order.trade_type,
      'SUCCESS',
      'OTHERS',
      order.currency,
      yuan(order.total),
      '0.00',
    ];
    const refundPart = withRefunds ? ['0', '0', '0.00', '0.00', '', ''] : [];
    rows.push({
      at: order.paid_at,
      values: [
        ...start,
        ...refundPart,
        order.description,
        order.attach ?? '',
        fee(order.total),
        '0.60%',
        yuan(order.total),
        '0.00',
        '',
      ],
    });
    settled += order.total;
    ordered += order.total;
    fees += order.total * FEE_RATE;
  }
  for (const refund of refunded) {
    const order = byOrder.get(refund.out_trade_no);
    const start = [
      billTime(refund.success_at),
      order?.appid ?? '',
      mchid,
      '0',
      '',
      refund.transaction_id,
      refund.out_trade_no,
      order?.openid ?? '',
      order?.trade_type ?? '',
      'REFUND',
      'OTHERS',
      refund.currency,
      '0.00',
      '0.00',
    ];
    const times = type === 'REFUND' ? [billTime(refund.created_at), billTime(refund.success_at)] : [];
    const refundPart = [refund.refund_id, refund.out_refund_no, yuan(refund.refund), '0.00', 'ORIGINAL', 'SUCCESS'];
    rows.push({
      at: refund.success_at,
      values: [
        ...start,
        ...times,
        ...refundPart,
        order?.description ?? '',
        order?.attach ?? '',
        `-${fee(refund.refund)}`,
        '0.60%',
        '0.00',
        yuan(refund.refund),
        '',
      ],
    });
    refundedTotal += refund.refund;
    fees -= refund.refund * FEE_RATE;
  }
  rows.sort((a, b) => a.at - b.at);
  const summary = [
    String(rows.length),
    yuan(settled),
    yuan(refundedTotal),
    '0.00',
    (fees / 100).toFixed(5),
    yuan(ordered),
    yuan(refundedTotal),
  ];
  return [head.join(','), ...rows.map((row) => line(row.values)), TRADE_SUMMARY_HEAD.join(','), line(summary), ''].join(
    '\r\n',
  );
}
const FUND_HEAD = [
  '记账时间',
  '微信支付业务单号',
  '资金流水单号',
  '业务名称',
  '业务类型',
  '收支类型',
  '收支金额（元）',
  '账户结余（元）',
  '资金变更提交申请人',
  '备注',
  '业务凭证号',
];
const FUND_SUMMARY_HEAD = ['资金流水总笔数', '收入笔数', '收入金额', '支出笔数', '支出金额'];
/** The fund-flow bill of the basic account for one Beijing day: payments in, refunds out. */
export function fundFlowBillCsv(orders, refunds, date) {
  const moves = [];
  for (const order of orders) {
    if (order.paid_at !== undefined)
      moves.push({
        at: order.paid_at,
        id: order.transaction_id,
        voucher: order.out_trade_no,
        income: true,
        fen: order.total,
        name: '交易',
      });
  }
  for (const refund of refunds) {
    if (refund.success_at !== undefined)
      moves.push({
        at: refund.success_at,
        id: refund.refund_id,
        voucher: refund.out_refund_no,
        income: false,
        fen: refund.refund,
        name: '退款',
      });
  }
  moves.sort((a, b) => a.at - b.at);
  // The balance runs over every movement so far; the bill shows the day's lines.
  let balance = 0;
  const rows = [];
  let incomeCount = 0;
  let income = 0;
  let expenseCount = 0;
  let expense = 0;
  for (const move of moves) {
    balance += move.income ? move.fen : -move.fen;
    if (billDate(move.at) !== date) continue;
    rows.push(
      line([
        billTime(move.at),
        move.id,
        `${move.id}${move.income ? 'I' : 'O'}`,
        move.name,
        move.name,
        move.income ? '收入' : '支出',
        yuan(move.fen),
        yuan(balance),
        'system',
        '',
        move.voucher,
      ]),
    );
    if (move.income) {
      incomeCount += 1;
      income += move.fen;
    } else {
      expenseCount += 1;
      expense += move.fen;
    }
  }
  if (rows.length === 0) return undefined;
  const summary = [String(rows.length), String(incomeCount), yuan(income), String(expenseCount), yuan(expense)];
  return [FUND_HEAD.join(','), ...rows, FUND_SUMMARY_HEAD.join(','), line(summary), ''].join('\r\n');
}
function checkDate(date) {
  if (date === undefined || !/^\d{4}-\d\d-\d\d$/.test(date) || Number.isNaN(Date.parse(date)))
    return 'bill_date must be a date as YYYY-MM-DD';
  return undefined;
}
function publish(context, csv, gzip) {
  if (csv === undefined) {
    const error = documentedError(context.operation, /^NO_STATEMENT_EXIST$/, {
      status: 400,
      code: 'NO_STATEMENT_EXIST',
    });
    return fail(
      error.status,
      error.code,
      `no bill for ${context.query.bill_date}: nothing was paid or refunded that day (Beijing time)`,
    );
  }
  const bytes = Buffer.from(csv, 'utf8');
  const token = randomBytes(24).toString('base64url');
  context.env.bills.put(token, gzip ? gzipSync(bytes) : bytes);
  return {
    status: 200,
    // The hash is of the bill itself; a GZIP download is checked after decompression.
    body: {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bytes).digest('hex'),
      download_url: `${context.env.baseURL}/v3/billdownload/file?token=${token}${gzip ? '&tartype=gzip' : ''}`,
    },
    mutated: false,
  };
}
function tradeBill(context) {
  const { query, state, env } = context;
  const problem = checkDate(query.bill_date);
  if (problem) return fail(400, 'PARAM_ERROR', problem);
  const type = query.bill_type ?? 'ALL';
  if (!['ALL', 'SUCCESS', 'REFUND'].includes(type))
    return fail(400, 'PARAM_ERROR', 'bill_type must be ALL, SUCCESS or REFUND');
  const csv = tradeBillCsv(Object.values(state.orders), Object.values(state.refunds), env.mchid, query.bill_date, type);
  return publish(context, csv, query.tar_type === 'GZIP');
}
function fundFlowBill(context) {
  const { query, state } = context;
  const problem = checkDate(query.bill_date);
  if (problem) return fail(400, 'PARAM_ERROR', problem);
  const account = query.account_type ?? 'BASIC';
  // Payments and refunds move the basic account only; the others have no movements in the sandbox.
  const csv =
    account === 'BASIC'
      ? fundFlowBillCsv(Object.values(state.orders), Object.values(state.refunds), query.bill_date)
      : undefined;
  return publish(context, csv, query.tar_type === 'GZIP');
}
function downloadBill(context) {
  const token = context.query.token;
  const bytes = token === undefined ? undefined : context.env.bills.get(token);
  if (bytes === undefined)
    return fail(400, 'PARAM_ERROR', 'token is unknown or expired: request the bill again for a new download_url');
  return {
    status: 200,
    body: new Download(bytes),
    mutated: false,
  };
}

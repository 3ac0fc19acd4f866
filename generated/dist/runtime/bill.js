/**
 * Bills: the file behind a `download_url` checked against the `hash_value` the bill request
 * returned (SHA1 over the bill text, decompressed when it was requested as GZIP) while it streams,
 * and the trade and fund-flow bill formats parsed into typed rows.
 *
 * The format: comma-separated, a header row of Chinese column names, detail rows whose every value
 * starts with a backtick, then a summary header row and one summary row (backticks again). Columns
 * are matched by name, not position: their order is not fixed. Amounts stay strings (yuan with two
 * decimals) so that no float rounding touches them.
 */
import { createHash } from 'node:crypto';
import { Transform, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UsageError, VerificationError } from './errors.js';
/** The file's bytes (text, decompressed) as they stream; the stream fails with `VerificationError` (`hash-mismatch`) at its end when the hash differs. */
export function checkBillStream(source, bill, options = {}) {
  const expected = requireBill(bill, options);
  const hash = createHash('sha1');
  const checker = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      if (actual !== expected) {
        done(
          new VerificationError(
            'hash-mismatch',
            `Bill file SHA1 ${actual} does not match hash_value ${expected}`,
            Buffer.alloc(0),
            undefined,
          ),
        );
      } else done();
    },
  });
  // pipeline destroys every stream with the first error, so whoever reads the checker sees it.
  if (options.tar_type === 'GZIP') pipeline(source, createGunzip(), checker, ignore);
  else pipeline(source, checker, ignore);
  return checker;
}
function ignore() {}
/** Validates the arguments of a bill download; returns the expected lower-case hex digest. */
export function requireBill(bill, options = {}) {
  if (typeof bill !== 'object' || bill === null || typeof bill.download_url !== 'string' || bill.download_url === '') {
    throw new UsageError('downloadBill needs the bill response: { download_url, hash_type, hash_value }');
  }
  if (bill.hash_type !== 'SHA1') throw new UsageError(`hash_type ${JSON.stringify(bill.hash_type)} is not SHA1`);
  if (typeof bill.hash_value !== 'string' || !/^[0-9a-fA-F]{40}$/.test(bill.hash_value)) {
    throw new UsageError('hash_value must be the 40 hex digits of a SHA1 digest');
  }
  if (options.tar_type !== undefined && options.tar_type !== 'GZIP') {
    throw new UsageError(`tar_type ${JSON.stringify(options.tar_type)} is not GZIP`);
  }
  return bill.hash_value.toLowerCase();
}
const TRADE_ROW = {
  names: {
    交易时间: 'trade_time',
    公众账号ID: 'appid',
    商户号: 'mchid',
    特约商户号: 'sub_mchid',
    子商户号: 'sub_mchid',
    设备号: 'device_info',
    微信订单号: 'transaction_id',
    商户订单号: 'out_trade_no',
    用户标识: 'openid',
    交易类型: 'trade_type',
    交易状态: 'trade_state',
    付款银行: 'bank_type',
    货币种类: 'currency',
    应结订单金额: 'settlement_total_fee',
    代金券金额: 'coupon_fee',
    微信退款单号: 'refund_id',
    商户退款单号: 'out_refund_no',
    退款金额: 'refund_fee',
    充值券退款金额: 'coupon_refund_fee',
    退款类型: 'refund_type',
    退款状态: 'refund_status',
    商品名称: 'body',
    商户数据包: 'attach',
    手续费: 'service_fee',
    费率: 'rate',
    订单金额: 'total_fee',
    申请退款金额: 'apply_refund_fee',
    费率备注: 'rate_remark',
  },
  required: ['trade_time', 'appid', 'mchid', 'transaction_id', 'out_trade_no', 'trade_type', 'trade_state'],
};
const TRADE_SUMMARY = {
  names: {
    总交易单数: 'total_count',
    应结订单总金额: 'settlement_total_fee',
    退款总金额: 'refund_fee',
    充值券退款总金额: 'coupon_refund_fee',
    手续费总金额: 'service_fee',
    订单总金额: 'total_fee',
    申请退款总金额: 'apply_refund_fee',
  },
  required: ['total_count'],
};
const FUND_FLOW_ROW = {
  names: {
    记账时间: 'accounting_time',
    微信支付业务单号: 'business_order_no',
    资金流水单号: 'flow_id',
    业务名称: 'business_name',
    业务类型: 'business_type',
    收支类型: 'income_type',
    '收支金额(元)': 'amount',
    '账户结余(元)': 'balance',
    资金变更提交申请人: 'applicant',
    备注: 'remark',
    业务凭证号: 'voucher_no',
  },
  required: [
    'accounting_time',
    'business_order_no',
    'flow_id',
    'business_name',
    'business_type',
    'income_type',
    'amount',
    'balance',
  ],
};
const FUND_FLOW_SUMMARY = {
  names: {
    资金流水总笔数: 'total_count',
    收入笔数: 'income_count',
    收入金额: 'income_amount',
    支出笔数: 'expense_count',
    支出金额: 'expense_amount',
  },
  required: ['total_count'],
};
/** Parses a trade bill (`GET /v3/bill/tradebill`'s file). Throws `UsageError` for text that is not one. */
export function parseTradeBill(source) {
  return parseBill(source, 'trade bill', TRADE_ROW, TRADE_SUMMARY);
}
/** Parses a fund-flow bill (`GET /v3/bill/fundflowbill`'s file). Throws `UsageError` for text that is not one. */
export function parseFundFlowBill(source) {
  return parseBill(source, 'fund-flow bill', FUND_FLOW_ROW, FUND_FLOW_SUMMARY);
}
/** Rows and summary are built column by column; `requireColumns` made sure the required members are there. */
async function parseBill(source, kind, rowColumns, summaryColumns) {
  let header;
  let summaryHeader;
  let summary;
  const rows = [];
  let lineNumber = 0;
  for await (const line of lines(source)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const where = `${kind} line ${lineNumber}`;
    if (header === undefined) {
      header = headerNames(line);
      requireColumns(header, rowColumns, kind, 'detail header');
    } else if (summaryHeader === undefined && line.startsWith('`')) {
      rows.push(record(header, values(line), rowColumns, where));
    } else if (summaryHeader === undefined) {
      summaryHeader = headerNames(line);
      requireColumns(summaryHeader, summaryColumns, kind, 'summary header');
    } else if (summary === undefined && line.startsWith('`')) {
      summary = record(summaryHeader, values(line), summaryColumns, where);
    } else {
      throw new UsageError(`${where}: unexpected content after the summary`);
    }
  }
  if (header === undefined) throw new UsageError(`The ${kind} is empty`);
  return {
    rows,
    summary,
  };
}
function headerNames(line) {
  return line.split(',').map((name) => name.trim().replace(/（/g, '(').replace(/）/g, ')'));
}
function requireColumns(header, columns, kind, part) {
  const present = new Set(header.map((name) => columns.names[name]));
  const missing = columns.required.filter((field) => !present.has(field));
  if (missing.length > 0) throw new UsageError(`Not a ${kind}: the ${part} lacks ${missing.join(', ')}`);
}
// Every value starts with a backtick, so ",`" separates values even when one contains a comma.
function values(line) {
  return line.slice(1).split(',`');
}
function record(header, cells, columns, where) {
  if (cells.length !== header.length)
    throw new UsageError(`${where}: ${cells.length} values for ${header.length} columns`);
  const result = { extra: {} };
  header.forEach((name, index) => {
    const field = columns.names[name];
    const value = cells[index];
    if (field === undefined) result.extra[name] = value;
    else result[field] = value;
  });
  return result;
}
async function* lines(source) {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const text = stripBom(typeof source === 'string' ? source : source.toString('utf8'));
    for (const line of text.split('\n')) yield line.replace(/\r$/, '');
    return;
  }
  if (typeof source[Symbol.asyncIterator] !== 'function') {
    throw new UsageError('A bill must be given as text, a Buffer or a stream');
  }
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let first = true;
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && pending !== '') {
      pending = stripBom(pending);
      first = false;
    }
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield pending.replace(/\r$/, '');
}
function stripBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}

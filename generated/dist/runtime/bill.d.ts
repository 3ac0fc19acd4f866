import { Readable } from 'node:stream';
/** The members of a `GET /v3/bill/tradebill` or `/v3/bill/fundflowbill` response this needs. */
export interface BillFile {
  download_url: string;
  hash_type: 'SHA1';
  hash_value: string;
}
export interface BillDownloadOptions {
  /** As passed to the bill request: `GZIP` when the file was requested compressed. */
  tar_type?: 'GZIP';
}
/** The file's bytes (text, decompressed) as they stream; the stream fails with `VerificationError` (`hash-mismatch`) at its end when the hash differs. */
export declare function checkBillStream(source: Readable, bill: BillFile, options?: BillDownloadOptions): Readable;
/** Validates the arguments of a bill download; returns the expected lower-case hex digest. */
export declare function requireBill(bill: BillFile, options?: BillDownloadOptions): string;
/** One payment or refund of a trade bill (`ALL`, `SUCCESS` or `REFUND`); columns the bill type lacks are absent. */
export interface TradeBillRow {
  trade_time: string;
  appid: string;
  mchid: string;
  sub_mchid?: string;
  device_info?: string;
  transaction_id: string;
  out_trade_no: string;
  openid?: string;
  trade_type: string;
  trade_state: string;
  bank_type?: string;
  currency?: string;
  settlement_total_fee?: string;
  coupon_fee?: string;
  refund_id?: string;
  out_refund_no?: string;
  refund_fee?: string;
  coupon_refund_fee?: string;
  refund_type?: string;
  refund_status?: string;
  body?: string;
  attach?: string;
  service_fee?: string;
  rate?: string;
  total_fee?: string;
  apply_refund_fee?: string;
  rate_remark?: string;
  /** Columns this version does not know, by their header name. */
  extra: Record<string, string>;
}
export interface TradeBillSummary {
  total_count: string;
  settlement_total_fee?: string;
  refund_fee?: string;
  coupon_refund_fee?: string;
  service_fee?: string;
  total_fee?: string;
  apply_refund_fee?: string;
  extra: Record<string, string>;
}
export interface FundFlowBillRow {
  accounting_time: string;
  business_order_no: string;
  flow_id: string;
  business_name: string;
  business_type: string;
  /** `收入` (income) or `支出` (expense). */
  income_type: string;
  amount: string;
  balance: string;
  applicant?: string;
  remark?: string;
  voucher_no?: string;
  extra: Record<string, string>;
}
export interface FundFlowBillSummary {
  total_count: string;
  income_count?: string;
  income_amount?: string;
  expense_count?: string;
  expense_amount?: string;
  extra: Record<string, string>;
}
export interface Bill<Row, Summary> {
  rows: Row[];
  /** `undefined` when the file ends without its summary section. */
  summary: Summary | undefined;
}
export type TradeBill = Bill<TradeBillRow, TradeBillSummary>;
export type FundFlowBill = Bill<FundFlowBillRow, FundFlowBillSummary>;
/** What the parsers read: the whole text, or a stream of it (such as `downloadBill`'s). */
export type BillSource = string | Buffer | Readable | AsyncIterable<string | Buffer>;
/** Parses a trade bill (`GET /v3/bill/tradebill`'s file). Throws `UsageError` for text that is not one. */
export declare function parseTradeBill(source: BillSource): Promise<TradeBill>;
/** Parses a fund-flow bill (`GET /v3/bill/fundflowbill`'s file). Throws `UsageError` for text that is not one. */
export declare function parseFundFlowBill(source: BillSource): Promise<FundFlowBill>;

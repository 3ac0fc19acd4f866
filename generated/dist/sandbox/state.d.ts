/** A dictionary without a prototype: `key in dict` and `dict[key]` see own entries only. */
export type Dict<T> = Record<string, T>;
export declare function dict<T>(): Dict<T>;
/** The entry of `key` when it is an own entry. */
export declare function entry<T>(collection: Dict<T>, key: string): T | undefined;
/** A consume card's handed-out code, remembered so a repeated `out_request_no` gets the same answer. */
export interface SendRecord {
  card_code: string;
  appid: string;
  openid: string;
}
/** Codes held for one member card or one coupon stock, and what was handed out of them. */
export interface CodePool {
  /** Codes still available, in the order they were deposited. The card's stock is their number. */
  available: string[];
  /** Codes sent to users; they count as deposited for duplicate detection. */
  handedOut: string[];
  /** By `out_request_no`. */
  sends: Dict<SendRecord>;
}
export interface CouponUploadResponse {
  stock_id: string;
  total_count: number;
  success_count: number;
  success_codes: string[];
  success_time: string;
  fail_count: number;
  fail_codes: {
    coupon_code: string;
    code: string;
    message: string;
  }[];
  exist_codes: string[];
  duplicate_codes: string[];
}
export interface CouponStock extends CodePool {
  /** By `upload_request_no`: the codes sent and the answer given, for idempotent replays. */
  uploads: Dict<{
    codes: string[];
    response: CouponUploadResponse;
  }>;
}
export type TradeType = 'JSAPI' | 'APP' | 'MWEB' | 'NATIVE';
/** An order placed through one of the ordering operations. Times are milliseconds since the epoch. */
export interface Order {
  out_trade_no: string;
  transaction_id: string;
  mchid: string;
  appid: string;
  trade_type: TradeType;
  description: string;
  attach?: string;
  notify_url: string;
  total: number;
  currency: string;
  /** The payer's openid: given at ordering (JSAPI) or when paid. */
  openid?: string;
  created_at: number;
  /** After this the unpaid order is CLOSED. */
  expires_at: number;
  /** When the automatic payment of `--auto-pay-after` is due. */
  auto_pay_at?: number;
  paid_at?: number;
  closed_at?: number;
  /** Sum of the order's refunds, in fen. */
  refunded: number;
  /** The ordering request body, canonical: the same request again gets the same answer. */
  request: string;
  /** The ordering answer: `{ prepay_id }`, `{ code_url }` or `{ h5_url }`. */
  answer: Record<string, string>;
}
export interface Refund {
  out_refund_no: string;
  refund_id: string;
  out_trade_no: string;
  transaction_id: string;
  reason?: string;
  notify_url?: string;
  refund: number;
  total: number;
  currency: string;
  created_at: number;
  /** When the refund moves from PROCESSING to SUCCESS. */
  succeeds_at: number;
  success_at?: number;
  request: string;
}
/** A notification to deliver (or delivered) to a merchant's notify_url. */
export interface Delivery {
  id: string;
  url: string;
  event_type: string;
  summary: string;
  original_type: string;
  /** The plaintext resource, encrypted afresh on every attempt. */
  resource: Record<string, unknown>;
  created_at: number;
  /** Attempts made so far. */
  attempts: number;
  next_at: number;
  delivered_at?: number;
  /** Set when the retry schedule is exhausted. */
  abandoned_at?: number;
  /** The last failure, for the log: `HTTP 500` or `ECONNREFUSED`. */
  last_error?: string;
}
export interface SandboxState {
  version: 2;
  memberCards: Dict<CodePool>;
  couponStocks: Dict<CouponStock>;
  /** By out_trade_no. */
  orders: Dict<Order>;
  /** By out_refund_no. */
  refunds: Dict<Refund>;
  /** By notification id. */
  deliveries: Dict<Delivery>;
}
export declare function emptyState(): SandboxState;
export declare function emptyPool(): CodePool;
/** The data file is not sandbox state; the message names the file and the first wrong member. */
export declare class DataFileError extends Error {
  override name: string;
}
/** A save did not reach the disk; the change it carried was undone. */
export declare class SaveError extends Error {
  override name: string;
}
/**
 * Keeps the state in memory and, with a data file, on disk. Work on the state runs one piece at a
 * time (`run`): a piece that changes the state holds the turn until the change is on disk, so whoever
 * comes next (a duplicate of the same request included) sees only durable state, and a failed save
 * puts the last durable state back before anyone else looks.
 */
export declare class StateStore {
  private current;
  private durableText;
  private readonly file;
  private turn;
  private constructor();
  get state(): SandboxState;
  /**
   * Reads `file` when it exists (a missing file starts empty) and removes temporary files a killed
   * sandbox left beside it. A file that is not sandbox state is refused with `DataFileError`.
   */
  static open(file: string | undefined): Promise<StateStore>;
  /**
   * Runs `work` on its own turn. When it reports a change, the state is saved before the turn ends;
   * when the save fails, the state goes back to what is on disk and `SaveError` is thrown.
   */
  run<T>(
    work: (state: SandboxState) => {
      mutated: boolean;
      value: T;
    },
  ): Promise<T>;
  /** Waits for every turn started so far. */
  flush(): Promise<void>;
  private save;
  private restore;
}

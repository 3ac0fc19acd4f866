/**
 * The sandbox's state and its store. Every record collection is a null-prototype dictionary, so ids
 * named like `Object.prototype` members (`constructor`, `__proto__`, `toString`) are ordinary keys.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A dictionary without a prototype: `key in dict` and `dict[key]` see own entries only. */
export type Dict<T> = Record<string, T>;

export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** The entry of `key` when it is an own entry. */
export function entry<T>(collection: Dict<T>, key: string): T | undefined {
  return Object.hasOwn(collection, key) ? collection[key] : undefined;
}

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
  fail_codes: { coupon_code: string; code: string; message: string }[];
  exist_codes: string[];
  duplicate_codes: string[];
}

export interface CouponStock extends CodePool {
  /** By `upload_request_no`: the codes sent and the answer given, for idempotent replays. */
  uploads: Dict<{ codes: string[]; response: CouponUploadResponse }>;
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

export function emptyState(): SandboxState {
  return { version: 2, memberCards: dict(), couponStocks: dict(), orders: dict(), refunds: dict(), deliveries: dict() };
}

export function emptyPool(): CodePool {
  return { available: [], handedOut: [], sends: dict() };
}

/** The data file is not sandbox state; the message names the file and the first wrong member. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** A save did not reach the disk; the change it carried was undone. */
export class SaveError extends Error {
  override name = 'SaveError';
}

/**
 * Keeps the state in memory and, with a data file, on disk. Work on the state runs one piece at a
 * time (`run`): a piece that changes the state holds the turn until the change is on disk, so whoever
 * comes next (a duplicate of the same request included) sees only durable state, and a failed save
 * puts the last durable state back before anyone else looks.
 */
export class StateStore {
  private current: SandboxState;
  private durableText: string;
  private readonly file: string | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(state: SandboxState, text: string, file: string | undefined) {
    this.current = state;
    this.durableText = text;
    this.file = file;
  }

  get state(): SandboxState {
    return this.current;
  }

  /**
   * Reads `file` when it exists (a missing file starts empty) and removes temporary files a killed
   * sandbox left beside it. A file that is not sandbox state is refused with `DataFileError`.
   */
  static async open(file: string | undefined): Promise<StateStore> {
    if (file === undefined) return new StateStore(emptyState(), '', undefined);
    await removeStaleTemporaries(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new StateStore(emptyState(), serialise(emptyState()), file);
      throw error;
    }
    return new StateStore(parseState(text, file), text, file);
  }

  /**
   * Runs `work` on its own turn. When it reports a change, the state is saved before the turn ends;
   * when the save fails, the state goes back to what is on disk and `SaveError` is thrown.
   */
  run<T>(work: (state: SandboxState) => { mutated: boolean; value: T }): Promise<T> {
    const result = this.turn.then(async () => {
      let outcome: { mutated: boolean; value: T };
      try {
        outcome = work(this.current);
      } catch (error) {
        // A handler that failed half-way must not leave half a change behind.
        this.restore();
        throw error;
      }
      if (outcome.mutated) await this.save();
      return outcome.value;
    });
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Waits for every turn started so far. */
  flush(): Promise<void> {
    return this.turn.then(() => undefined);
  }

  private async save(): Promise<void> {
    // Without a data file, memory is all there is: nothing to write.
    if (this.file === undefined) return;
    const text = serialise(this.current);
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, this.file);
      this.durableText = text;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.restore();
      throw new SaveError(`cannot save ${this.file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }

  private restore(): void {
    // Without a data file there is nothing durable to go back to; a failed handler changed nothing it reported.
    if (this.file === undefined) return;
    this.current = parseState(this.durableText, this.file);
  }
}

function serialise(state: SandboxState): string {
  return `${JSON.stringify(state)}\n`;
}

/** `state.json.<pid>.<random>.tmp` files: written by a save that was cut short. */
async function removeStaleTemporaries(file: string): Promise<void> {
  const directory = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((name) => name.startsWith(prefix) && /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)).map((name) => rm(join(directory, name), { force: true })),
  );
}

// --- reading a data file: every member is checked before the sandbox trusts it ---

type Check = (value: unknown, where: string) => void;

class Shape {
  constructor(private readonly file: string) {}

  fail(where: string, expected: string): never {
    throw new DataFileError(`${this.file}: not a sandbox data file (${where} must be ${expected})`);
  }

  string: Check = (value, where) => {
    if (typeof value !== 'string') this.fail(where, 'a string');
  };

  number: Check = (value, where) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(where, 'a number');
  };

  optional(check: Check): Check {
    return (value, where) => {
      if (value !== undefined) check(value, where);
    };
  }

  strings: Check = (value, where) => {
    if (!Array.isArray(value)) this.fail(where, 'an array of strings');
    value.forEach((item, index) => this.string(item, `${where}[${index}]`));
  };

  record(members: Readonly<Record<string, Check>>): Check {
    return (value, where) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(where, 'an object');
      for (const [name, check] of Object.entries(members)) check((value as Record<string, unknown>)[name], `${where}.${name}`);
    };
  }

  /** An object used as a dictionary; copied into a null-prototype one. */
  dictionary(check: Check): (value: unknown, where: string) => Dict<unknown> {
    return (value, where) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(where, 'an object');
      const out = dict<unknown>();
      for (const [key, item] of Object.entries(value)) {
        check(item, `${where}[${JSON.stringify(key)}]`);
        out[key] = item;
      }
      return out;
    };
  }
}

function parseState(text: string, file: string): SandboxState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${file}: not a sandbox data file (${(error as Error).message})`);
  }
  const shape = new Shape(file);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) shape.fail('the file', 'a JSON object');
  const raw = parsed as Record<string, unknown>;
  if (raw.version !== 1 && raw.version !== 2) shape.fail('version', '1 or 2');

  const sends = shape.dictionary(shape.record({ card_code: shape.string, appid: shape.string, openid: shape.string }));
  const pool = (value: unknown, where: string): CodePool => {
    shape.record({ available: shape.strings, handedOut: shape.strings })(value, where);
    const record = value as CodePool;
    return { ...record, available: record.available, handedOut: record.handedOut, sends: sends(record.sends, `${where}.sends`) as Dict<SendRecord> };
  };
  const uploads = shape.dictionary(shape.record({ codes: shape.strings, response: shape.record({ stock_id: shape.string, success_codes: shape.strings }) }));
  const order = shape.record({
    out_trade_no: shape.string,
    transaction_id: shape.string,
    mchid: shape.string,
    appid: shape.string,
    trade_type: shape.string,
    description: shape.string,
    notify_url: shape.string,
    total: shape.number,
    currency: shape.string,
    openid: shape.optional(shape.string),
    created_at: shape.number,
    expires_at: shape.number,
    auto_pay_at: shape.optional(shape.number),
    paid_at: shape.optional(shape.number),
    closed_at: shape.optional(shape.number),
    refunded: shape.number,
    request: shape.string,
    answer: shape.record({}),
  });
  const refund = shape.record({
    out_refund_no: shape.string,
    refund_id: shape.string,
    out_trade_no: shape.string,
    transaction_id: shape.string,
    refund: shape.number,
    total: shape.number,
    currency: shape.string,
    created_at: shape.number,
    succeeds_at: shape.number,
    success_at: shape.optional(shape.number),
    request: shape.string,
  });
  const delivery = shape.record({
    id: shape.string,
    url: shape.string,
    event_type: shape.string,
    summary: shape.string,
    original_type: shape.string,
    resource: shape.record({}),
    created_at: shape.number,
    attempts: shape.number,
    next_at: shape.number,
    delivered_at: shape.optional(shape.number),
    abandoned_at: shape.optional(shape.number),
  });

  const memberCards = dict<CodePool>();
  for (const [id, value] of Object.entries(shape.dictionary(() => undefined)(raw.memberCards, 'memberCards'))) {
    memberCards[id] = pool(value, `memberCards[${JSON.stringify(id)}]`);
  }
  const couponStocks = dict<CouponStock>();
  for (const [id, value] of Object.entries(shape.dictionary(() => undefined)(raw.couponStocks, 'couponStocks'))) {
    const where = `couponStocks[${JSON.stringify(id)}]`;
    couponStocks[id] = { ...pool(value, where), uploads: uploads((value as CouponStock).uploads, `${where}.uploads`) as CouponStock['uploads'] };
  }
  // Version 1 files predate payments: they start with none.
  const optionalDictionary = (check: Check, value: unknown, where: string): Dict<unknown> =>
    raw.version === 1 && value === undefined ? dict() : shape.dictionary(check)(value, where);
  return {
    version: 2,
    memberCards,
    couponStocks,
    orders: optionalDictionary(order, raw.orders, 'orders') as Dict<Order>,
    refunds: optionalDictionary(refund, raw.refunds, 'refunds') as Dict<Refund>,
    deliveries: optionalDictionary(delivery, raw.deliveries, 'deliveries') as Dict<Delivery>,
  };
}

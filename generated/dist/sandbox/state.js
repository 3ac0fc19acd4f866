/**
 * The sandbox's state and its store. Every record collection is a null-prototype dictionary, so ids
 * named like `Object.prototype` members (`constructor`, `__proto__`, `toString`) are ordinary keys.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
export function dict() {
  return Object.create(null);
}
/** The entry of `key` when it is an own entry. */
export function entry(collection, key) {
  return Object.hasOwn(collection, key) ? collection[key] : undefined;
}
export function emptyState() {
  return {
    version: 2,
    memberCards: dict(),
    couponStocks: dict(),
    orders: dict(),
    refunds: dict(),
    deliveries: dict(),
  };
}
export function emptyPool() {
  return {
    available: [],
    handedOut: [],
    sends: dict(),
  };
}
/** The data file is not sandbox state; the message names the file and the first wrong member. */
export class DataFileError extends Error {
  name = 'DataFileError';
}
/** A save did not reach the disk; the change it carried was undone. */
export class SaveError extends Error {
  name = 'SaveError';
}
/**
 * Keeps the state in memory and, with a data file, on disk. Work on the state runs one piece at a
 * time (`run`): a piece that changes the state holds the turn until the change is on disk, so whoever
 * comes next (a duplicate of the same request included) sees only durable state, and a failed save
 * puts the last durable state back before anyone else looks.
 */
export class StateStore {
  current;
  durableText;
  file;
  turn = Promise.resolve();
  constructor(state, text, file) {
    this.current = state;
    this.durableText = text;
    this.file = file;
  }
  get state() {
    return this.current;
  }
  /**
   * Reads `file` when it exists (a missing file starts empty) and removes temporary files a killed
   * sandbox left beside it. A file that is not sandbox state is refused with `DataFileError`.
   */
  static async open(file) {
    if (file === undefined) return new StateStore(emptyState(), '', undefined);
    await removeStaleTemporaries(file);
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error.code === 'ENOENT') return new StateStore(emptyState(), serialise(emptyState()), file);
      throw error;
    }
    return new StateStore(parseState(text, file), text, file);
  }
  /**
   * Runs `work` on its own turn. When it reports a change, the state is saved before the turn ends;
   * when the save fails, the state goes back to what is on disk and `SaveError` is thrown.
   */
  run(work) {
    const result = this.turn.then(async () => {
      let outcome;
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
  flush() {
    return this.turn.then(() => undefined);
  }
  async save() {
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
      throw new SaveError(`cannot save ${this.file}: ${error.code ?? 'error'}`);
    }
  }
  restore() {
    // Without a data file there is nothing durable to go back to; a failed handler changed nothing it reported.
    if (this.file === undefined) return;
    this.current = parseState(this.durableText, this.file);
  }
}
function serialise(state) {
  return `${JSON.stringify(state)}\n`;
}
/** `state.json.<pid>.<random>.tmp` files: written by a save that was cut short. */
async function removeStaleTemporaries(file) {
  const directory = dirname(file);
  const prefix = `${basename(file)}.`;
  let names;
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name))
      .map((name) => rm(join(directory, name), { force: true })),
  );
}
class Shape {
  file;
  constructor(file) {
    this.file = file;
  }
  fail(where, expected) {
    throw new DataFileError(`${this.file}: not a sandbox data file (${where} must be ${expected})`);
  }
  string = (value, where) => {
    if (typeof value !== 'string') this.fail(where, 'a string');
  };
  number = (value, where) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(where, 'a number');
  };
  optional(check) {
    return (value, where) => {
      if (value !== undefined) check(value, where);
    };
  }
  strings = (value, where) => {
    if (!Array.isArray(value)) this.fail(where, 'an array of strings');
    value.forEach((item, index) => this.string(item, `${where}[${index}]`));
  };
  record(members) {
    return (value, where) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(where, 'an object');
      for (const [name, check] of Object.entries(members)) check(value[name], `${where}.${name}`);
    };
  }
  /** An object used as a dictionary; copied into a null-prototype one. */
  dictionary(check) {
    return (value, where) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(where, 'an object');
      const out = dict();
      for (const [key, item] of Object.entries(value)) {
        check(item, `${where}[${JSON.stringify(key)}]`);
        out[key] = item;
      }
      return out;
    };
  }
}
function parseState(text, file) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${file}: not a sandbox data file (${error.message})`);
  }
  const shape = new Shape(file);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) shape.fail('the file', 'a JSON object');
  const raw = parsed;
  if (raw.version !== 1 && raw.version !== 2) shape.fail('version', '1 or 2');
  const sends = shape.dictionary(
    shape.record({
      card_code: shape.string,
      appid: shape.string,
      openid: shape.string,
    }),
  );
  const pool = (value, where) => {
    shape.record({
      available: shape.strings,
      handedOut: shape.strings,
    })(value, where);
    const record = value;
    return {
      ...record,
      available: record.available,
      handedOut: record.handedOut,
      sends: sends(record.sends, `${where}.sends`),
    };
  };
  const uploads = shape.dictionary(
    shape.record({
      codes: shape.strings,
      response: shape.record({
        stock_id: shape.string,
        success_codes: shape.strings,
      }),
    }),
  );
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
  const memberCards = dict();
  for (const [id, value] of Object.entries(shape.dictionary(() => undefined)(raw.memberCards, 'memberCards'))) {
    memberCards[id] = pool(value, `memberCards[${JSON.stringify(id)}]`);
  }
  const couponStocks = dict();
  for (const [id, value] of Object.entries(shape.dictionary(() => undefined)(raw.couponStocks, 'couponStocks'))) {
    const where = `couponStocks[${JSON.stringify(id)}]`;
    couponStocks[id] = {
      ...pool(value, where),
      uploads: uploads(value.uploads, `${where}.uploads`),
    };
  }
  // Version 1 files predate payments: they start with none.
  const optionalDictionary = (check, value, where) =>
    raw.version === 1 && value === undefined ? dict() : shape.dictionary(check)(value, where);
  return {
    version: 2,
    memberCards,
    couponStocks,
    orders: optionalDictionary(order, raw.orders, 'orders'),
    refunds: optionalDictionary(refund, raw.refunds, 'refunds'),
    deliveries: optionalDictionary(delivery, raw.deliveries, 'deliveries'),
  };
}

import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

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
  sends: Record<string, SendRecord>;
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
  uploads: Record<string, { codes: string[]; response: CouponUploadResponse }>;
}

export interface SandboxState {
  version: 1;
  memberCards: Record<string, CodePool>;
  couponStocks: Record<string, CouponStock>;
}

export function emptyState(): SandboxState {
  return { version: 1, memberCards: {}, couponStocks: {} };
}

export function emptyPool(): CodePool {
  return { available: [], handedOut: [], sends: {} };
}

/**
 * Keeps the state in memory and, with a data file, on disk. Saves are serialised and each writes the
 * whole current state to a temporary file renamed over the data file, so a crash never leaves a torn
 * file and a later save never overwrites a newer one.
 */
export class StateStore {
  readonly state: SandboxState;
  private readonly file: string | undefined;
  private pending: Promise<void> = Promise.resolve();

  private constructor(state: SandboxState, file: string | undefined) {
    this.state = state;
    this.file = file;
  }

  /** Reads `file` when it exists; a missing file starts empty. */
  static async open(file: string | undefined): Promise<StateStore> {
    if (file === undefined) return new StateStore(emptyState(), undefined);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new StateStore(emptyState(), file);
      throw error;
    }
    return new StateStore(parseState(text, file), file);
  }

  /** Resolves once the state as it is now is on disk. */
  save(): Promise<void> {
    const file = this.file;
    if (file === undefined) return Promise.resolve();
    const write = async (): Promise<void> => {
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(this.state, null, 2)}\n`);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    };
    // A failed save must not block later ones; its own caller sees the failure.
    const saved = this.pending.then(write, write);
    this.pending = saved.catch(() => undefined);
    return saved;
  }

  /** Waits for every save started so far. */
  flush(): Promise<void> {
    return this.pending;
  }
}

function parseState(text: string, file: string): SandboxState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not a sandbox data file (${(error as Error).message})`);
  }
  const candidate = parsed as Partial<SandboxState> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.version !== 1 ||
    typeof candidate.memberCards !== 'object' ||
    typeof candidate.couponStocks !== 'object'
  ) {
    throw new Error(`${file}: not a sandbox data file (expected { "version": 1, "memberCards": {}, "couponStocks": {} })`);
  }
  return candidate as SandboxState;
}

import type { SandboxKeys } from './keys.js';
import type { Wakeup } from './script.js';
import { type Delivery, type SandboxState, type StateStore } from './state.js';
/** WeChat Pay's waits before each retry of a notification that was not acknowledged, in milliseconds. */
export declare const RETRY_SCHEDULE_MS: readonly number[];
export interface SchedulerOptions {
  store: StateStore;
  keys: SandboxKeys;
  now: () => number;
  /** Multiplies the retry waits: 0.001 turns 15 s into 15 ms. */
  timeScale: number;
  log?: (line: string) => void;
}
/** The notification body as POSTed: the resource encrypted with the APIv3 key under its original type as AAD. */
export declare function notificationBody(delivery: Delivery, apiV3Key: string): string;
export declare class Scheduler {
  private readonly options;
  private readonly timers;
  private readonly running;
  private closed;
  constructor(options: SchedulerOptions);
  /** Everything the state still owes: unpaid auto-pay orders, PROCESSING refunds, undelivered notifications. */
  resume(state: SandboxState): void;
  wake(wakeup: Wakeup): void;
  /** Stops waking and waits for the work under way. */
  close(): Promise<void>;
  private track;
  private change;
  private perform;
  private deliver;
  /** One delivery attempt: `undefined` when the merchant acknowledged it (2xx), else what went wrong. */
  private post;
}

import { type Script } from './script.js';
import type { Order, Refund } from './state.js';
export declare const BILL_SCRIPTS: Readonly<Record<string, Script>>;
type BillType = 'ALL' | 'SUCCESS' | 'REFUND';
/** The trade bill of one Beijing day: payments made that day and refunds that succeeded that day. */
export declare function tradeBillCsv(
  orders: readonly Order[],
  refunds: readonly Refund[],
  mchid: string,
  date: string,
  type: BillType,
): string | undefined;
/** The fund-flow bill of the basic account for one Beijing day: payments in, refunds out. */
export declare function fundFlowBillCsv(
  orders: readonly Order[],
  refunds: readonly Refund[],
  date: string,
): string | undefined;
export {};

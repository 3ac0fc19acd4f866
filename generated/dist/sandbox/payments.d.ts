import { type Script, type ScriptResult } from './script.js';
import { type Order, type Refund, type SandboxState } from './state.js';
export declare const PAY_SCRIPTS: Readonly<Record<string, Script>>;
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED';
/** The order's state at `now`: an unpaid order past its expiry is CLOSED without anyone closing it. */
export declare function tradeState(order: Order, now: number): TradeState;
/** `2018-06-08T10:34:56+08:00`: how WeChat Pay writes the times of payments and refunds. */
export declare function beijingTime(ms: number): string;
/** The transaction as the query operations answer it and the payment notification carries it. */
export declare function transactionView(order: Order, now: number): Record<string, unknown>;
export declare function refundStatus(refund: Refund): 'SUCCESS' | 'PROCESSING';
/** The refund as the refund operations answer it. */
export declare function refundView(refund: Refund): Record<string, unknown>;
/** `undefined` when notifications may go to `url` (http(s) on a loopback host), else why not. */
export declare function notifyUrlProblem(url: unknown, field: string): string | undefined;
/** Marks an order paid and queues its TRANSACTION.SUCCESS notification. */
export declare function payOrder(state: SandboxState, outTradeNo: string, now: number, openid?: string): ScriptResult;
/** Moves a refund to SUCCESS and queues its REFUND.SUCCESS notification when it names a notify_url. */
export declare function completeRefund(state: SandboxState, outRefundNo: string, now: number): ScriptResult;

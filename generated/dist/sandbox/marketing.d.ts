import { type Script } from './script.js';
export declare const MEMBER_CARD_DEPOSIT = 'post v3/marketing/membercard-open/cards/{card_id}/codes/deposit';
export declare const COUPON_CODE_UPLOAD = 'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
export declare const CONSUME_CARD_SEND = 'post v3/marketing/busifavor/coupons/{card_id}/send';
/** The seed endpoints' behaviour, by operation key. */
export declare const MARKETING_SCRIPTS: Readonly<Record<string, Script>>;

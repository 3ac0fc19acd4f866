import type { RequestSchemaTable } from './runtime/request-schema.js';
/** Keyed `'<method> <path template>'`, e.g. `'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes'`. */
export declare const validators: RequestSchemaTable;

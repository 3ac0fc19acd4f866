import type { OperationTable } from './runtime/operations.js';
export declare const operations: OperationTable;

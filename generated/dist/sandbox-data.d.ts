import type { SandboxDataTable } from './sandbox/tables.js';
export declare const sandboxData: SandboxDataTable;

import { type Writable } from 'node:stream';
import type { ClientMethods, ClientOptions } from './client.js';
/** The client class the package exports. */
export type CliClient = new (options: ClientOptions) => ClientMethods<object>;
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
}
/** Runs one command; resolves to the exit code (0 ok, 1 failed, 2 bad arguments). */
export declare function runCli(argv: string[], Client: CliClient, io?: Partial<CliIO>): Promise<number>;

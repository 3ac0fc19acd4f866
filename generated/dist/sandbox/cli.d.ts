import type { SandboxTables } from './tables.js';
/** A failure the user can fix: printed as its message alone, exit `exitCode`. */
export declare class CliError extends Error {
  readonly exitCode: number;
  override name: string;
  constructor(message: string, exitCode?: number);
}
export interface CliSetup {
  /** How the command is invoked, for the usage text: `npx apiv3-sandbox`. */
  program: string;
  /** The tables to serve; `specDir` is the `--spec` option where `acceptsSpec` is true. */
  tables: (specDir: string | undefined) => Promise<SandboxTables>;
  acceptsSpec: boolean;
}
/** Parses `argv`, starts the sandbox and prints where it listens; resolves once it is up. */
export declare function runSandboxCli(setup: CliSetup, argv: readonly string[]): Promise<void>;
/** Runs the command as a process: expected failures print one line, never a stack trace or key material. */
export declare function main(setup: CliSetup, argv?: readonly string[]): void;

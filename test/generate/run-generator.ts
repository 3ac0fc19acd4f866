import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

export interface GeneratorRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The generate command as users run it: a fresh process of the built generator, its exit code and both streams. */
export async function runGenerator(...args: string[]): Promise<GeneratorRun> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(root, 'build/cli.js'), ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as GeneratorRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

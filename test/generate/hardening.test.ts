/** The command's handling of its output location (hardening item 19). */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerator as generate } from './run-generator.ts';

const scratch = mkdtempSync(join(tmpdir(), 'generate-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid as number;
}

describe('--out', () => {
  it('naming an existing regular file is refused and the file is left as it was', async () => {
    const file = join(scratch, 'notes.txt');
    writeFileSync(file, 'keep me\n');
    const run = await generate('--out', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .*notes\.txt is a file, not a directory/);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(existsSync(`${file}.staging-${process.pid}`)).toBe(false);
  });

  it('removes staging and retired directories left by killed runs, and only those', async () => {
    const out = join(scratch, 'pkg');
    const dead = await deadPid();
    const stale = [`${out}.staging-${dead}`, `${out}.retired-${dead}`];
    const live = `${out}.staging-${process.pid}`;
    for (const dir of [...stale, live]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'left-over.txt'), 'x');
    }
    const run = await generate('--out', out);
    expect(run.code).toBe(0);
    for (const dir of stale) expect(existsSync(dir)).toBe(false);
    // A directory of a process that is still running belongs to that run.
    expect(existsSync(join(live, 'left-over.txt'))).toBe(true);
    expect(existsSync(join(out, 'package.json'))).toBe(true);
  });
});

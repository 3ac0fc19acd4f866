/**
 * `npm run bench`: every benchmark is a standalone script run in its own process, one after the
 * other, so none warms up or loads the machine for another. Each prints medians next to the
 * baseline it measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const benchmarks = [
  'bench/generate.ts',
  'bench/typecheck.ts',
  'bench/watch.ts',
  'bench/runtime.ts',
  'bench/sandbox.ts',
];
const only = process.argv.slice(2);

let failed = false;
for (const script of benchmarks) {
  if (only.length > 0 && !only.some((name) => script.includes(name))) continue;
  if (!existsSync(resolve(root, script))) continue;
  process.stdout.write(`\n== ${script}\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, script)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (child.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;

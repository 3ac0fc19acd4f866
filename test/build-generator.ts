import { execFileSync } from 'node:child_process';

/** Tests that run the `npm run generate` command run the generator's build, made once per test run. */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}

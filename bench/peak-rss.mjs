/**
 * Runs the script given as the first argument in this process and reports the process's peak RSS
 * on stderr at exit. Plain JavaScript, so that no loader runs inside the measured process.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...rest] = process.argv.slice(2);
if (!script) throw new Error('usage: peak-rss.mjs SCRIPT [ARGS...]');
process.argv = [process.argv[0], script, ...rest];
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
await import(pathToFileURL(resolve(script)).href);

/**
 * The `npm run generate` command. The generator is TypeScript; run through a loader (tsx), every
 * module load is a round trip to the loader's thread and every CommonJS file is lexed again,
 * TypeScript's own 9 MB among them. So esbuild bundles the generator into plain ESM (~60 ms) and
 * Node runs the bundle: the same code, without the loader.
 *
 * package.json runs this with `--no-opt --single-threaded-gc`: a run is short and cold, and on two
 * cores TurboFan's and the garbage collector's helper threads take CPU from the generator's two
 * threads for less than they give back (corpus generation measured ~0.3 s faster with both off).
 * V8 accepts neither flag once running, hence the command line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const generatorDir = fileURLToPath(new URL('.', import.meta.url));
// Under node_modules, so that the bundle resolves its dependencies as the sources do.
const bundleRoot = join(generatorDir, '../node_modules/.cache/wechatpay-sdk-generator');

/**
 * Each bundled module keeps the `import.meta.url` of its source file, so that the paths it
 * resolves relative to itself (templates, the runtime sources) are those it has under tsx or vitest.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      // On the first line, so that line numbers in stack traces stay those of the source.
      contents: `const __sourceUrl = ${JSON.stringify(pathToFileURL(path).href)};${readFileSync(path, 'utf8')}`,
      loader: 'ts',
    }));
  },
};

mkdirSync(bundleRoot, { recursive: true });
const outdir = mkdtempSync(join(bundleRoot, 'run-'));
try {
  await build({
    entryPoints: { cli: join(generatorDir, 'cli.ts'), worker: join(generatorDir, 'emit/worker.ts') },
    outdir,
    bundle: true,
    // Keeps the emitters' dynamic imports lazy: the worker starts loading before ts-morph is read.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.url': '__sourceUrl' },
    plugins: [keepSourceUrls],
    logLevel: 'error',
  });
  const { runCli } = await import(pathToFileURL(join(outdir, 'cli.js')).href);
  process.exitCode = await runCli(process.argv.slice(2), { workerEntry: pathToFileURL(join(outdir, 'worker.js')) });
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

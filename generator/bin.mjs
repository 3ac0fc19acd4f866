/**
 * The `npm run generate` command. The generator is TypeScript; run through a loader (tsx), every
 * module load is a round trip to the loader's thread and every CommonJS file is lexed again,
 * TypeScript's own 9 MB among them. So esbuild bundles the generator into plain ESM and Node runs
 * the bundle: the same code, without the loader. The bundle is kept by the content of its inputs,
 * so a run after any edit rebuilds it (~0.1 s) and other runs only hash the sources (~5 ms).
 *
 * package.json runs this with `--no-opt --single-threaded-gc --max-semi-space-size=2`: a run is
 * short and cold, and on two cores TurboFan's and the garbage collector's helper threads take CPU
 * from the generator's two threads for less than they give back (corpus generation measured
 * ~0.3 s faster with both off); a small young generation keeps short-lived garbage in cache and
 * spares page faults (~0.1 s faster; 32 MB was ~0.3 s slower). V8 takes these flags only at
 * start-up, hence the command line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const generatorDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(generatorDir, '..');
// Under node_modules, so that the bundle resolves its dependencies as the sources do.
const cacheRoot = join(projectRoot, 'node_modules/.cache/wechatpay-sdk-generator');
/** The inputs of the last bundle built, relative to the project root. */
const manifestFile = join(cacheRoot, 'inputs.json');

/**
 * Hash of everything a bundle depends on: this launcher, esbuild's version, the project's place
 * (the bundle holds the sources' absolute URLs) and every input file.
 */
function bundleKey(inputs, esbuildVersion) {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(`\0${esbuildVersion}\0${projectRoot}`);
  for (const input of [...inputs].sort()) hash.update(`\0${input}\0`).update(readFileSync(join(projectRoot, input)));
  return hash.digest('hex').slice(0, 16);
}

/** The directory of a bundle still up to date with its inputs, if there is one. */
function cachedBundle() {
  try {
    const { inputs, esbuildVersion } = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const dir = join(cacheRoot, `bundle-${bundleKey(inputs, esbuildVersion)}`);
    return existsSync(join(dir, 'cli.js')) ? dir : undefined;
  } catch {
    return undefined; // no manifest yet, or an input is gone: build afresh
  }
}

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

async function buildBundle() {
  const { build, version } = await import('esbuild');
  const staging = join(cacheRoot, `bundle-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: { cli: join(generatorDir, 'cli.ts'), worker: join(generatorDir, 'emit/worker.ts') },
    outdir: staging,
    absWorkingDir: projectRoot,
    bundle: true,
    // Keeps the emitters' dynamic imports lazy: the worker starts loading before ts-morph is read.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.url': '__sourceUrl' },
    plugins: [keepSourceUrls],
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(metafile.inputs).map((input) => relative(projectRoot, resolve(projectRoot, input)));
  const dir = join(cacheRoot, `bundle-${bundleKey(inputs, version)}`);
  try {
    renameSync(staging, dir);
  } catch {
    // A concurrent run put the same bundle in place first.
    rmSync(staging, { recursive: true, force: true });
  }
  // Written whole, then renamed: a concurrent run reads the old manifest or the new one.
  writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify({ inputs, esbuildVersion: version }));
  renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  // Old bundles go once no run can still be loading chunks from them.
  const stale = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, entry);
    if (entry.startsWith('bundle-') && path !== dir && statSync(path).mtimeMs < stale) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

mkdirSync(cacheRoot, { recursive: true });
const bundle = cachedBundle() ?? (await buildBundle());
const { runCli } = await import(pathToFileURL(join(bundle, 'cli.js')).href);
process.exitCode = await runCli(process.argv.slice(2), { workerEntry: pathToFileURL(join(bundle, 'worker.js')) });

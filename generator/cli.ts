import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatDiagnostic, operationsOf, type Diagnostic } from './model/types.ts';
import { generate } from './pipeline.ts';
import { watchSpecs, type WatchSession } from './watch.ts';
import { findStaleFiles } from './write.ts';

const USAGE = `Usage: npm run generate -- [--spec DIR]... [--out DIR] [--include GLOB]... [--exclude GLOB]...
                              [--check] [--keep-going] [--timings] [--watch] [--openapi FILE]

Generates the typed WeChat Pay APIv3 package from YAML specs.

  --spec DIR     spec root (one YAML file per URL path under v3/), default: spec; repeatable: a later
                 root overrides an earlier one per URL path file and per definition name
  --out DIR      package root to write, default: generated
  --include GLOB keep only the operations whose URL path (v3/pay/**) or, with tag:, tag (tag:基础支付*)
                 matches; repeatable
  --exclude GLOB drop the operations matched the same way, even when included; repeatable
  --check        write nothing; exit 1 and list the stale files when the output differs
  --keep-going   turn per-operation errors into warnings and generate the rest
  --timings      print the milliseconds each stage took
  --watch        generate, then again on every change under the spec roots, until Ctrl-C
  --openapi FILE also write the specs as one OpenAPI 3.1 document (YAML for .yaml/.yml, else JSON)
  -h, --help     show this help

Exit codes: 0 success, 1 spec errors or stale output (--check), 2 usage error.`;

/** Runs the command and resolves to its exit code. */
async function runCli(argv: string[], session?: WatchSession): Promise<number> {
  try {
    return await run(argv, session);
  } catch (error) {
    // Bad input never lands here (it is a diagnostic); this is a defect of the generator itself.
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}

async function run(argv: string[], session?: WatchSession): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string', multiple: true, default: ['spec'] },
        out: { type: 'string', default: 'generated' },
        include: { type: 'string', multiple: true, default: [] },
        exclude: { type: 'string', multiple: true, default: [] },
        check: { type: 'boolean', default: false },
        'keep-going': { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
        openapi: { type: 'string' },
        watch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.watch) {
    // Each run is the command as if typed without --watch.
    const once = argv.filter((arg) => arg !== '--watch');
    return watchSpecs(args.spec, (session) => runCli(once, session));
  }

  // The output is swapped in as a directory: a file at that path would be replaced, that is deleted.
  if (!args.check && isExistingNonDirectory(args.out)) {
    process.stderr.write(`--out ${args.out} is a file, not a directory: nothing written\n`);
    return 2;
  }
  const start = performance.now();
  const result = await generate({
    specDir: args.spec,
    keepGoing: args['keep-going'],
    outDir: args.check ? undefined : args.out,
    selection: { include: args.include, exclude: args.exclude },
    session,
  });
  if (!reportDiagnostics(result.diagnostics, args.out)) return 1;
  if (args.timings) printTimings(result.timings);
  if (args.check) {
    // `changed  `, `missing  `, `extra    ` before each path.
    const lines = Object.entries(findStaleFiles(args.out, result.files)).flatMap(([kind, paths]: [string, string[]]) =>
      paths.map((path) => `${kind.padEnd(8)} ${args.out}/${path}`),
    );
    if (lines.length > 0) {
      process.stderr.write(`${lines.join('\n')}\n${lines.length} stale file(s): run npm run generate\n`);
      return 1;
    }
    process.stdout.write(
      `${args.out}/ is up to date (${operationsOf(result.model).length} operations, ${result.files.length} files)\n`,
    );
    return 0;
  }
  const openApiFailure =
    args.openapi === undefined
      ? undefined
      : (await import('./emit/openapi/index.ts')).writeOpenApi(result.model, args.openapi);
  if (openApiFailure !== undefined) {
    process.stderr.write(`${openApiFailure}\n`);
    return 1;
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(2);
  const warnings = result.diagnostics.length;
  const warned = warnings > 0 ? `, ${warnings} warning(s)` : '';
  process.stdout.write(
    `Generated ${operationsOf(result.model).length} operations (${result.model.endpoints.length} endpoints): ${result.files.length} files written to ${args.out}/ in ${seconds} s${warned}\n`,
  );
  return 0;
}

function isExistingNonDirectory(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function printTimings(timings: Record<string, number>): void {
  const rows = Object.entries(timings).map(([stage, ms]) => `  ${stage.padEnd(14)} ${ms.toFixed(0).padStart(6)} ms`);
  process.stderr.write(`stage timings:\n${rows.join('\n')}\n`);
}

/** Prints the diagnostics; false when any is an error (the output is then left untouched). */
function reportDiagnostics(diagnostics: readonly Diagnostic[], out: string): boolean {
  if (diagnostics.length > 0) process.stderr.write(`${diagnostics.map(formatDiagnostic).join('\n')}\n`);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors === 0) return true;
  process.stderr.write(`${errors} error(s), ${diagnostics.length - errors} warning(s): ${out}/ left untouched\n`);
  return false;
}

process.exitCode = await runCli(process.argv.slice(2));

import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TYPES_FILE } from '../../generator/emit/types/index.ts';
import { formatDifference } from './compare.ts';
import { runConformance, type BlockResult } from './run.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');

const USAGE = `Usage: npm run conformance -- [--spec DIR] [--docs DIR] [--min N]

Emits the declarations for the specs in --spec and compares every documented twoslash block
(\`// @filename: virtual.ts\`) of the pages in --docs with them, structurally, with the two
improvements (optional members, literal unions) normalised away, and holds the emitted \`?\` marks
to the spec's \`required\` lists. Prints each differing block with its differences, the \`?\` marks
that disagree, then \`N/M blocks match\`.

  --spec DIR   spec root, default: ../shared/corpus/openapi (beside the repository)
  --docs DIR   documented pages, default: ../shared/corpus/pages
  --min N      exit 1 when fewer than N blocks match
  -h, --help   show this help

Exit codes: 0 the report ran (and --min was met), 1 fewer than --min blocks match or the\nspecs could not be read, 2 usage error.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string', default: join(CORPUS, 'openapi') },
        docs: { type: 'string', default: join(CORPUS, 'pages') },
        min: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const minimum = args.min === undefined ? undefined : Number(args.min);
  if (minimum !== undefined && !(Number.isInteger(minimum) && minimum >= 0)) {
    return usageError(`--min takes a whole number, got '${args.min}'`);
  }
  for (const [option, directory] of [
    ['--spec', args.spec],
    ['--docs', args.docs],
  ] as const) {
    if (!(await isDirectory(directory))) return usageError(`${option}: no such directory: ${directory}`);
  }

  const report = await runConformance({ specDir: args.spec, docsDir: args.docs });
  const lines = report.blocks.flatMap((result) => describe(result, args.docs));
  const errors = report.loadDiagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (report.loadDiagnostics.length > 0) {
    process.stderr.write(
      `specs loaded with ${errors} error(s) and ${report.loadDiagnostics.length - errors} warning(s) (npm run generate -- --spec ${args.spec} --keep-going lists them)\n`,
    );
  }
  lines.push(
    ...report.optionality.map(
      (difference) => `${TYPES_FILE}:${difference.line}:${difference.col}: ${formatDifference(difference)}`,
    ),
    `? marks: ${report.optionality.length} disagree with the spec's required lists`,
    `${report.matched}/${report.blocks.length} blocks match`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return minimum !== undefined && report.matched < minimum ? 1 : 0;
}

/** A differing block: a heading naming page and block, then one `page:line:col: ...` line per finding. */
function describe(result: BlockResult, docsDir: string): string[] {
  const findings = [
    ...result.syntaxErrors.map((error) => ({ ...error, text: `syntax error: ${error.message}` })),
    ...result.differences.map((difference) => ({ ...difference, text: formatDifference(difference) })),
  ];
  if (findings.length === 0) return [];
  const page = join(docsDir, result.page);
  return [
    `${result.page} block ${result.block.index}: ${findings.length} difference(s)`,
    ...findings.map((finding) => `  ${page}:${finding.line}:${finding.col}: ${finding.text}`),
  ];
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Spec problems arrive as diagnostics; anything thrown is a failure to run, reported without a stack.
  process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

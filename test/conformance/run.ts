import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { loadSpecs } from '../../generator/load/index.ts';
import { emitTypes, TYPES_FILE } from '../../generator/emit/types/index.ts';
import { compareText, type ApiModel, type Diagnostic } from '../../generator/model/types.ts';
import {
  compareDeclarations,
  DOCUMENTED_STYLE,
  findSyntaxErrors,
  parseDeclarations,
  type DeclarationIndex,
  type Difference,
  type SyntaxError as DeclarationSyntaxError,
} from './compare.ts';
import { checkOptionality } from './optionality.ts';
import { extractDocumentedBlocks, type DocumentedBlock } from './pages.ts';

export interface BlockResult {
  /** Page path relative to the docs root, `/` separators. */
  page: string;
  block: DocumentedBlock;
  /** Positions are page lines (the block's offset applied). */
  syntaxErrors: DeclarationSyntaxError[];
  /** Positions are page lines (the block's offset applied). */
  differences: Difference[];
}

export interface ConformanceReport {
  blocks: BlockResult[];
  matched: number;
  /**
   * `?` marks of the emitted declarations that disagree with the spec's `required` lists: the block
   * comparison normalises them away, this holds them to the model instead. Positions are in `dist/openapi.d.ts`.
   */
  optionality: Difference[];
  /** What the loader reported while reading the specs (kept going past per-operation errors). */
  loadDiagnostics: Diagnostic[];
}

export interface ConformanceOptions {
  specDir: string;
  docsDir: string;
}

/** Loads and emits the specs, then holds every documented block of `docsDir` to the emitted declarations. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const { model, diagnostics } = await loadSpecs(options.specDir, { keepGoing: true });
  const emitted = parseDeclarations(await emittedDeclarationText(model));
  const blocks: BlockResult[] = [];
  for (const page of await listPages(options.docsDir)) {
    const markdown = await readFile(join(options.docsDir, page), 'utf8');
    for (const block of extractDocumentedBlocks(markdown)) {
      blocks.push({ page, block, ...compareBlock(block, emitted) });
    }
  }
  const matched = blocks.filter((result) => result.syntaxErrors.length + result.differences.length === 0).length;
  return { blocks, matched, optionality: checkOptionality(model, emitted), loadDiagnostics: diagnostics };
}

/** The text of `dist/openapi.d.ts` as the type emitter produces it for `model`. */
export async function emittedDeclarationText(model: ApiModel): Promise<string> {
  const files = await emitTypes(model);
  const declarations = files.find((file) => file.path === TYPES_FILE);
  if (!declarations) throw new Error(`the type emitter produced no ${TYPES_FILE}`);
  return declarations.contents;
}

/** One block against the emitted index, both improvements normalised away; positions come back as page lines. */
function compareBlock(
  block: DocumentedBlock,
  emitted: DeclarationIndex,
): Pick<BlockResult, 'syntaxErrors' | 'differences'> {
  const toPage = <T extends { line: number }>(item: T): T => ({ ...item, line: item.line + block.line - 1 });
  const syntaxErrors = findSyntaxErrors(block.text).map(toPage);
  if (syntaxErrors.length > 0) return { syntaxErrors, differences: [] };
  const differences = compareDeclarations(parseDeclarations(block.text), emitted, DOCUMENTED_STYLE).map(toPage);
  return { syntaxErrors, differences };
}

/** Markdown files under `docsDir`, relative, sorted by code unit so reports never depend on listing order. */
async function listPages(docsDir: string): Promise<string[]> {
  const entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(docsDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(compareText);
}

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitDocs } from '../../../generator/emit/docs/index.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';

export const repoRoot: string = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const corpusOpenapiRoot: string = path.resolve(repoRoot, '../shared/corpus/openapi');
export const hasCorpus: boolean = existsSync(corpusOpenapiRoot);

/** The three endpoints of the seed documents, written by hand in `spec/`. */
export const SEED_PATHS: readonly string[] = [
  'v3/marketing/busifavor/coupons/{card_id}/send',
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes',
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit',
];

/** The URL path of every file under `spec/v3`, sorted: one docs page each. */
export const SPEC_PATHS: readonly string[] = readdirSync(path.join(repoRoot, 'spec/v3'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
  .map((entry) => path.relative(path.join(repoRoot, 'spec'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/').replace(/\.yaml$/, ''))
  .sort();

export async function loadProjectSpecs(): Promise<ApiModel> {
  const { model, diagnostics } = await loadSpecs(path.join(repoRoot, 'spec'));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`spec/ does not load: ${errors.map((error) => error.message).join('; ')}`);
  return model;
}

export async function projectPages(): Promise<{ model: ApiModel; files: EmittedFile[] }> {
  const model = await loadProjectSpecs();
  return { model, files: await emitDocs(model) };
}

/** The ```ts blocks of a markdown page, in order. */
export function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts(?: \[[^\]\n]*\])?\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

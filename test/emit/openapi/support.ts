import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll } from 'vitest';
import { runGenerator as generate, type GeneratorRun } from '../../generate/run-generator.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/openapi');
export const hasCorpus = existsSync(CORPUS);

const scratch = mkdtempSync(join(tmpdir(), 'openapi-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

export type Run = GeneratorRun;
export { generate };

export interface Export {
  /** The package's declarations. */
  declarations: string;
  /** The export's text. */
  text: string;
  document: OpenApi;
}

/** A loose view of the exported document, enough for the tests to walk it. */
export interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  webhooks?: Record<string, { post: OperationObject & { 'x-decrypted-resource': unknown } }>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, string>> };
  [key: string]: unknown;
}

export interface OperationObject {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown>; encoding?: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
  [key: string]: unknown;
}

/** Generates a package and its OpenAPI export from a spec root into a fresh folder. */
export async function exportOf(specDir: string, ...extra: string[]): Promise<Export> {
  const dir = join(scratch, `run-${runs++}`);
  const file = join(dir, 'openapi.json');
  const run = await generate('--spec', specDir, '--out', join(dir, 'package'), '--openapi', file, ...extra);
  if (run.code !== 0) throw new Error(`generate failed (${run.code}):\n${run.stderr}`);
  const text = readFileSync(file, 'utf8');
  return { declarations: readFileSync(join(dir, 'package/dist/openapi.d.ts'), 'utf8'), text, document: JSON.parse(text) as OpenApi };
}

export function scratchDir(): string {
  return mkdtempSync(join(scratch, 'case-'));
}

/** The independent validator: the OpenAPI 3.1 schema plus its semantic rules (unique operationIds, path parameters, ...). */
export async function problems(document: unknown): Promise<string[]> {
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  return result.valid ? [] : result.errors.map((error) => error.message);
}

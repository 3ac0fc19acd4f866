/**
 * Baseline for the generation benchmark: a fresh process that only reads and parses the same
 * YAML files the generator loads. Plain JavaScript, run without a loader, as the generator is.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const specDir = process.argv[2];
if (!specDir) throw new Error('usage: parse-yaml.mjs SPEC_DIR');
// Exactly what the generator reads: the operations under v3/ and the shared definitions.
const folders = ['v3', 'definitions'].map((folder) => join(specDir, folder));
const entries = (
  await Promise.all(folders.map((folder) => readdir(folder, { recursive: true, withFileTypes: true })))
).flat();
const files = entries
  .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
  .map((entry) => join(entry.parentPath, entry.name));
const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
let documents = 0;
for (const text of texts) documents += parseDocument(text, { schema: 'core' }).contents ? 1 : 0;
process.stdout.write(`${JSON.stringify({ files: files.length, documents })}\n`);

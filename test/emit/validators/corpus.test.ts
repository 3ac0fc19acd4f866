import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitValidators, operationsOf } from '../../../generator/emit/validators/index.ts';
import { operationKey } from '../../../generator/emit/validators/schema.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import type { ValidationIssue } from '../../../templates/runtime/validation.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus/openapi');

describe.skipIf(!existsSync(corpus))('validators for the public corpus', () => {
  it('compile for every operation into a module that checks requests without throwing', async () => {
    const { model } = await loadSpecs(corpus, { keepGoing: true });
    const operations = operationsOf(model);
    expect(operations.length).toBeGreaterThan(900);

    const outDir = await mkdtemp(join(tmpdir(), 'validators-corpus-'));
    try {
      const runtime = await Promise.all(
        ['validation', 'errors'].map(async (name) => {
          const source = await readFile(join(repoRoot, `templates/runtime/${name}.ts`), 'utf8');
          const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
          return { path: `dist/runtime/${name}.js`, contents: js.outputText };
        }),
      );
      for (const file of [...runtime, ...(await emitValidators(model))]) {
        await mkdir(dirname(join(outDir, file.path)), { recursive: true });
        await writeFile(join(outDir, file.path), file.contents);
      }
      // Plain Node imports the corpus-sized module in a fraction of the time the test runner's transform takes.
      const probe = `import { validators } from ${JSON.stringify(pathToFileURL(join(outDir, 'dist/validators.js')).href)};
        const issues = Object.fromEntries(Object.entries(validators).map(([key, validate]) => [key, validate({})]));
        process.stdout.write(JSON.stringify(issues));`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(child.stderr).toBe('');
      const issuesByKey = JSON.parse(child.stdout) as Record<string, ValidationIssue[]>;
      expect(Object.keys(issuesByKey)).toEqual(operations.map(operationKey));
      for (const operation of operations) {
        const issues = issuesByKey[operationKey(operation)]!;
        const bodyRequired = operation.body?.kind === 'json' && operation.body.required;
        expect(issues.some((issue) => issue.path === 'data' && issue.message === 'required')).toBe(bodyRequired);
        for (const parameter of operation.pathParams.filter((candidate) => candidate.required)) {
          expect(issues).toContainEqual({ path: parameter.name, message: 'required' });
        }
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

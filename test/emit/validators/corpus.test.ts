import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitValidators, requestSchemas } from '../../../generator/emit/validators/index.ts';
import { operationKey } from '../../../generator/emit/validators/schema.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import { operationsOf } from '../../../generator/model/types.ts';
import type { RequestSchemaTable } from '../../../templates/runtime/request-schema.ts';
import { requestValidator } from '../../../templates/runtime/validation.ts';
import { fullRun } from '../../full.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus/openapi');

describe.runIf(fullRun && existsSync(corpus))('request schemas for the public corpus', () => {
  it('emit as data for every operation with something to check, and each compiles and checks a request', async () => {
    const { model } = await loadSpecs(corpus, { keepGoing: true });
    const operations = operationsOf(model);
    expect(operations.length).toBeGreaterThan(900);

    const start = performance.now();
    const [js] = await emitValidators(model);
    console.log(`request schemas: ${operations.length} operations, ${js!.contents.length} bytes in ${(performance.now() - start).toFixed(0)} ms`);

    const outDir = await mkdtemp(join(tmpdir(), 'validators-corpus-'));
    try {
      await writeFile(join(outDir, 'validators.js'), js!.contents);
      const { validators } = (await import(pathToFileURL(join(outDir, 'validators.js')).href)) as { validators: RequestSchemaTable };
      expect(Object.keys(validators)).toEqual([...requestSchemas(model).keys()]);

      let checked = 0;
      for (const operation of operations) {
        const validator = requestValidator(validators, operation.method, operation.path);
        const bodyRequired = operation.body?.kind === 'json' && operation.body.required;
        const requiredPathParams = operation.pathParams.filter((candidate) => candidate.required);
        if (validator === undefined) {
          // Only an operation without body and parameters goes unchecked.
          expect(operation.body?.kind === 'json' || operation.pathParams.length + operation.queryParams.length + operation.headerParams.length > 0, operationKey(operation)).toBe(false);
          continue;
        }
        // Compiling runs ajv in strict mode: an emitted schema ajv would not accept fails here.
        const issues = validator({});
        expect(issues.some((issue) => issue.path === 'data' && issue.message === 'required')).toBe(bodyRequired);
        for (const parameter of requiredPathParams) expect(issues).toContainEqual({ path: parameter.name, message: 'required' });
        checked += 1;
      }
      expect(checked).toBeGreaterThan(900);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

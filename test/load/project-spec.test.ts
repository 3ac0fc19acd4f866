import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import { formatDiagnostic } from '../../generator/model/types.ts';

const SPEC = resolve(import.meta.dirname, '../../spec');

describe.skipIf(!existsSync(resolve(SPEC, 'v3')))('the project spec', () => {
  it('loads without a single diagnostic, error codes included', async () => {
    const result = await loadSpecs(SPEC);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const operations = result.model.endpoints.flatMap((endpoint) => endpoint.operations);
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.some((operation) => operation.errorCodes.length > 0)).toBe(true);
  });
});

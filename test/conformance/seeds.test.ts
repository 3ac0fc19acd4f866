import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import {
  compareDeclarations,
  DOCUMENTED_STYLE,
  formatDifference,
  parseDeclarations,
  type DeclarationIndex,
} from './compare.ts';
import { checkOptionality } from './optionality.ts';
import { emittedDeclarationText } from './run.ts';
import type { ApiModel, Schema } from '../../generator/model/types.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The three seed endpoints, each with the documented block transcribed from its seed document. */
const SEEDS = [
  { fixture: 'deposit', path: 'v3/marketing/membercard-open/cards/{card_id}/codes/deposit' },
  { fixture: 'couponcodes', path: 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes' },
  { fixture: 'send', path: 'v3/marketing/busifavor/coupons/{card_id}/send' },
] as const;

let model: ApiModel;
let emitted: DeclarationIndex;

beforeAll(async () => {
  const loaded = await loadSpecs(resolve(REPO_ROOT, 'spec'));
  expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  model = loaded.model;
  emitted = parseDeclarations(await emittedDeclarationText(model));
});

describe('the seed endpoints emitted from spec/', () => {
  it.each(SEEDS)('$fixture equals its documented shape, literal unions and ? marks normalised', async ({ fixture }) => {
    const documented = await readFile(resolve(REPO_ROOT, `test/fixtures/seeds/${fixture}.documented.ts`), 'utf8');
    const index = parseDeclarations(documented);
    // The fixture really declares the endpoint (so zero differences means something).
    expect(index.declarations.size).toBeGreaterThanOrEqual(10);
    expect(compareDeclarations(index, emitted, DOCUMENTED_STYLE).map(formatDifference)).toEqual([]);
  });

  it('marks exactly the members the specs do not require as optional', () => {
    const seeds = seedModel();
    expect(seeds.endpoints.map((endpoint) => endpoint.path)).toEqual([...SEEDS.map((seed) => seed.path)].sort());
    expect(checkOptionality(seeds, emitted).map(formatDifference)).toEqual([]);
  });

  it('would notice a ? mark that disagrees with a required list', () => {
    // Flip one property of the couponcodes request in a copy of the model: the emitted mark now disagrees.
    const flipped = structuredClone(seedModel());
    const operation = flipped.endpoints.find((endpoint) => endpoint.path.endsWith('/couponcodes'))?.operations[0];
    const body = operation?.body?.kind === 'json' ? operation.body.schema : undefined;
    const property = objectProperties(body)?.find((candidate) => candidate.name === 'coupon_code_list');
    expect(property).toBeDefined();
    if (!property) return;
    property.required = !property.required;
    const expectedMark = property.required ? 'optional' : 'required';
    expect(checkOptionality(flipped, emitted).map(formatDifference)).toEqual([
      `WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod.JsonDataRequest: member coupon_code_list: spec ${
        property.required ? 'requires it' : 'does not require it'
      }, emitted ${expectedMark}`,
    ]);
  });
});

function seedModel(): ApiModel {
  const paths = new Set<string>(SEEDS.map((seed) => seed.path));
  return { endpoints: model.endpoints.filter((endpoint) => paths.has(endpoint.path)) };
}

function objectProperties(schema: Schema | undefined): Extract<Schema, { kind: 'object' }>['properties'] {
  return schema?.kind === 'object' ? schema.properties : undefined;
}

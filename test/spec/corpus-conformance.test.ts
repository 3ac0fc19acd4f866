import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import type { Operation } from '../../generator/model/types.ts';
import { modelDifferences, operationDifferences } from './corpus-diff.ts';
import { corpusOpenapiRoot, specRoot } from './spec-schema.ts';

interface ListedGroup {
  reason: string;
  differences: string[];
}

const listed = parse(readFileSync(path.join(import.meta.dirname, 'corpus-differences.yaml'), 'utf8')) as ListedGroup[];

describe.skipIf(!existsSync(corpusOpenapiRoot))('spec/ against the corpus, for the operations both have', () => {
  it('differs only where corpus-differences.yaml says so, each difference with its reason', async () => {
    const spec = await loadSpecs(specRoot);
    expect(spec.diagnostics).toEqual([]);
    const corpus = await loadSpecs(corpusOpenapiRoot, { keepGoing: true });
    const { compared, differences } = modelDifferences(spec.model, corpus.model);

    // Every operation of the payment flow exists in the corpus and is held to it.
    expect(compared).toEqual(
      expect.arrayContaining([
        'POST v3/pay/transactions/jsapi',
        'POST v3/pay/transactions/app',
        'POST v3/pay/transactions/h5',
        'POST v3/pay/transactions/native',
        'GET v3/pay/transactions/id/{transaction_id}',
        'GET v3/pay/transactions/out-trade-no/{out_trade_no}',
        'POST v3/pay/transactions/out-trade-no/{out_trade_no}/close',
        'POST v3/refund/domestic/refunds',
        'GET v3/refund/domestic/refunds/{out_refund_no}',
        'GET v3/bill/tradebill',
        'GET v3/bill/fundflowbill',
        'GET v3/billdownload/file',
        'GET v3/certificates',
        'POST v3/merchant/media/upload',
      ]),
    );
    const specOperations = spec.model.endpoints.reduce((sum, endpoint) => sum + endpoint.operations.length, 0);
    expect(compared).toHaveLength(specOperations);

    for (const group of listed) expect(group.reason.trim().length, group.differences[0]).toBeGreaterThan(20);
    const allowed = listed.flatMap((group) => group.differences);
    expect(new Set(allowed).size, 'a difference is listed twice').toBe(allowed.length);
    expect({ unlisted: differences.filter((line) => !allowed.includes(line)), stale: allowed.filter((line) => !differences.includes(line)) }).toEqual({
      unlisted: [],
      stale: [],
    });
  });
});

describe('the comparison', () => {
  const base: Operation = {
    method: 'post',
    path: 'v3/x',
    docLinks: [],
    tags: [],
    deprecated: false,
    pathParams: [],
    queryParams: [{ name: 'mchid', in: 'query', required: true, schema: { kind: 'string', constraints: {} } }],
    headerParams: [],
    body: {
      kind: 'json',
      required: true,
      schema: {
        kind: 'object',
        constraints: {},
        properties: [
          { name: 'state', required: true, schema: { kind: 'string', enum: ['A', 'B'], constraints: {} } },
          { name: 'list', required: false, schema: { kind: 'array', constraints: {}, items: { kind: 'number', integer: true, constraints: {} } } },
        ],
      },
    },
    response: { kind: 'empty', status: 204 },
    errorCodes: [],
    source: { file: 'x.yaml', line: 1, col: 1 },
  };

  it('finds nothing between an operation and itself, whatever the descriptions and constraints', () => {
    const described = structuredClone(base);
    if (described.body?.kind === 'json') Object.assign(described.body.schema, { description: '说明', constraints: { maxLength: 3 } });
    expect(operationDifferences(base, described)).toEqual([]);
  });

  it('names each difference of members, types, enums, required lists and parameters by its path', () => {
    const other = structuredClone(base);
    other.queryParams = [{ name: 'sub_mchid', in: 'query', required: false, schema: { kind: 'string', constraints: {} } }];
    if (other.body?.kind === 'json' && other.body.schema.kind === 'object') {
      other.body.schema.properties = [
        { name: 'state', required: false, schema: { kind: 'string', enum: ['A'], constraints: {} } },
        { name: 'list', required: false, schema: { kind: 'array', constraints: {}, items: { kind: 'number', integer: false, constraints: {} } } },
        { name: 'extra', required: false, schema: { kind: 'boolean', constraints: {} } },
      ];
    }
    other.response = { kind: 'json', status: 200, schema: { kind: 'object', constraints: {} } };
    expect(operationDifferences(base, other)).toEqual([
      'POST v3/x query.mchid: only in the spec',
      'POST v3/x query.sub_mchid: only in the corpus',
      'POST v3/x body.state: required in the spec only',
      'POST v3/x body.state: enum [A, B] in the spec, [A] in the corpus',
      'POST v3/x body.list[]: type integer in the spec, number in the corpus',
      'POST v3/x body.extra: only in the corpus',
      'POST v3/x response: empty 204 in the spec, json 200 in the corpus',
    ]);
  });
});

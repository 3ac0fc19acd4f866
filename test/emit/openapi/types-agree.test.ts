import { beforeAll, describe, expect, it } from 'vitest';
import { allOperations, compare } from './compare.ts';
import { exportOf, type Export } from './support.ts';

describe("openapi-typescript's types of the export of spec/ agree with the package's declarations", () => {
  let exported: Export;
  beforeAll(async () => {
    exported = await exportOf('spec');
  });

  it('for every operation', async () => {
    const operations = allOperations(exported);
    const { checks, disagreements, otherErrors } = await compare(exported, operations);
    expect(otherErrors).toEqual([]);
    expect(operations.length).toBe(17);
    // Every operation contributes at least one comparable part (downloads their query, uploads their response).
    expect(new Set(checks.map((check) => check.name.split(' ')[0])).size).toBe(17);
    expect(Object.fromEntries(disagreements)).toEqual({});
  });

  it('and the comparison fails when they disagree, so its verdict means something', async () => {
    const document = structuredClone(exported.document);
    const jsapi = document.paths['/v3/pay/transactions/jsapi']?.['post'];
    const body = jsapi?.requestBody?.content['application/json']?.schema as { required: string[] };
    body.required = body.required.filter((name) => name !== 'payer');
    const response = jsapi?.responses['200']?.content?.['application/json']?.schema as { properties: Record<string, unknown> };
    response.properties['extra'] = { type: 'string' };
    const refund = document.paths['/v3/refund/domestic/refunds/{out_refund_no}']?.['get']?.parameters?.[0];
    if (refund) refund.schema = { type: 'integer' };
    const { disagreements, otherErrors } = await compare({ ...exported, document }, allOperations(exported));
    expect(otherErrors).toEqual([]);
    expect([...disagreements.keys()].sort()).toEqual([
      'V3.Pay.Transactions.Jsapi.PostHttpMethod request body',
      'V3.Pay.Transactions.Jsapi.PostHttpMethod response',
      'V3.Refund.Domestic.Refunds._out_refund_no_.GetHttpMethod path parameters',
    ]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { fullRun } from '../../full.ts';
import { allOperations, compare } from './compare.ts';
import { CORPUS, exportOf, hasCorpus, problems, type Export } from './support.ts';

/** Where openapi-typescript and the declarations differ over the whole corpus, and why. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  // An array without `items` (a data warning of the corpus): the declarations print the documented `[]`, the export leaves the items open (`unknown[]`).
  'V3.Global.Merchant.H5.Permission.Applications._applyment_id_.PatchHttpMethod response': 'array without items',
  'V3.Marketing.MembercardActivity.Activities._activity_id_.GetHttpMethod response': 'array without items',
  'V3.Marketing.WeeklyDiscount.Activities.GetHttpMethod response': 'array without items',
  'V3.Marketing.WeeklyDiscount.Activities._activity_id_.GetHttpMethod response': 'array without items',
  'V3.MerchantService.Complaints._transaction_id_.NegotiationHistorys.GetHttpMethod response': 'array without items',
  // `nullable: true` on a member: the declarations ignore it, the export allows null.
  'V3.Global.Merchants.PostHttpMethod request body': 'nullable member',
  // Path parameters and headers are declared `string` whatever their enum; the export keeps the enum.
  'V3.Merchant.Fund.Balance._account_type_.GetHttpMethod path parameters': 'enum path parameter',
  'V3.Merchant.Fund.Dayendbalance._account_type_.GetHttpMethod path parameters': 'enum path parameter',
  'V3.Merchant.Fund.Withdraw.BillType._bill_type_.GetHttpMethod path parameters': 'enum path parameter',
  'V3.Webhooks.PostHttpMethod header parameters': 'enum header',
};

describe.runIf(hasCorpus && fullRun)('the OpenAPI export of the public corpus', () => {
  let exported: Export;
  beforeAll(async () => {
    exported = await exportOf(CORPUS, '--keep-going');
  });

  it('is a valid OpenAPI 3.1 document with every operation', async () => {
    expect(allOperations(exported).length).toBeGreaterThan(900);
    expect(Object.keys(exported.document.components.schemas).length).toBeGreaterThan(20);
    expect(await problems(exported.document)).toEqual([]);
  });

  it("gives openapi-typescript types that agree with the package's declarations for a sample of 30 operations", async () => {
    const operations = allOperations(exported).sort(([, a], [, b]) => (a.operationId < b.operationId ? -1 : 1));
    // Every n-th operation in operationId order: spread over the products, the same on every run.
    const step = Math.floor(operations.length / 30);
    const sample = operations.filter((_, index) => index % step === 0).slice(0, 30);
    const { checks, disagreements, otherErrors } = await compare(exported, sample);
    expect(otherErrors).toEqual([]);
    expect(checks.length).toBeGreaterThan(30);
    expect(Object.fromEntries(disagreements)).toEqual({});
  });
});

// Every operation of the corpus: about two minutes, so only on request (OPENAPI_CORPUS_ALL=1).
describe.runIf(hasCorpus && process.env['OPENAPI_CORPUS_ALL'] === '1')('the whole corpus export against the declarations', () => {
  it('differs only where the declarations deliberately or knowingly differ', async () => {
    const exported = await exportOf(CORPUS, '--keep-going');
    const { checks, disagreements, otherErrors } = await compare(exported, allOperations(exported));
    expect(otherErrors).toEqual([]);
    expect(checks.length).toBeGreaterThan(2000);
    expect([...disagreements.keys()].sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
  }, 600_000);
});

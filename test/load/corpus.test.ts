import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseBlockYaml } from '../../generator/load/fast-yaml.ts';
import { loadSpecs } from '../../generator/load/index.ts';
import { parseWithLibrary, type YNode } from '../../generator/load/yaml-tree.ts';
import { fullRun } from '../full.ts';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/openapi');
const present = existsSync(CORPUS);

/** Files whose operations write `tag:` for `tags:` (each at 5:3). */
const TAG_MISSPELLED = [
    'bank-transfer-recharges/apply.yaml',
    'bank-transfer-recharges/out-recharge-no/{out_recharge_no}.yaml',
    'insurance-compensation-contracts.yaml',
    'insurance-compensation-contracts/sub-mchid/{sub_mchid}/check-opened.yaml',
    'mch-transfer/compensate-bills.yaml',
    'mch-transfer/compensate-bills/bill-id/{bill_id}.yaml',
    'mch-transfer/compensate-bills/out-bill-no/{out_bill_no}.yaml',
    'mch-transfer/compensate-bills/out-bill-no/{out_bill_no}/cancel.yaml',
    'mch-transfer/compensate-bills/pre-transfer.yaml',
    'mch-transfer/deposit-after-sales-compensation-bills.yaml',
    'mch-transfer/deposit-after-sales-compensation-bills/bill-id/{bill_id}.yaml',
    'mch-transfer/deposit-after-sales-compensation-bills/out-bill-no/{out_bill_no}.yaml',
    'mch-transfer/deposit-insurance-premiums-compensation-bills.yaml',
    'mch-transfer/deposit-insurance-premiums-compensation-bills/{out_bill_no}.yaml',
    'mch-transfer/deposit-shipping-cost-compensation-bills.yaml',
    'mch-transfer/deposit-shipping-cost-compensation-bills/out-bill-no/{out_bill_no}.yaml',
    'mch-transfer/insurance-claim-bills.yaml',
    'mch-transfer/insurance-claim-bills/bill-id/{bill_id}.yaml',
    'mch-transfer/insurance-claim-bills/out-bill-no/{out_bill_no}.yaml',
    'mch-transfer/insurance-claim-bills/out-bill-no/{out_bill_no}/cancel.yaml',
    'mch-transfer/insurance-claim-bills/pre-transfer.yaml',
    'mch-transfer/sub-mch-compensation-bills.yaml',
    'mch-transfer/sub-mch-compensation-bills/{out_bill_no}.yaml',
    'mch-transfer/transfer-bills.yaml',
    'mch-transfer/transfer-bills/bill-id/{bill_id}.yaml',
    'mch-transfer/transfer-bills/out-bill-no/{out_bill_no}.yaml',
    'recharge-employees.yaml',
    'recharge-employees/sub-mchid/{sub_mchid}.yaml',
    'recharge-employees/sub-mchid/{sub_mchid}/sp-openid/{sp_openid}/delete.yaml',
    'recharges/apply.yaml',
    'recharges/out-recharge-no/{out_recharge_no}.yaml',
    'recharges/out-recharge-no/{out_recharge_no}/close.yaml',
].map((file) => `v3/platsolution/ecommerce/${file}:5:3 UNKNOWN_KEY`);

/**
 * Warnings the corpus gives by the hundred (a `required` entry naming a member the document left out,
 * code tables written as numbers in a string enum): counted by code rather than listed.
 */
const DOCUMENT_GAPS: ReadonlySet<string> = new Set(['ENUM_NUMBER_AS_TEXT', 'REQUIRED_NOT_A_PROPERTY']);

/** Every known data bug of the corpus, one diagnostic each. */
const DATA_BUGS = [
    'v3/bank-transfer/batches/out-batch-no/{out_batch_no}.yaml:10:7 PATH_PARAM_MISSING',
    'v3/brand/partner/card-member/cards.yaml:427:13 MISPLACED_PROPERTIES',
    'v3/brand/partner/card-member/cards.yaml:707:19 MISPLACED_PROPERTIES',
    'v3/discount-card/cards/{out_card_code}.yaml:40:19 UNKNOWN_TYPE',
    // `[a-zA-Z0-9\|-_\*]`: the range from `|` down to `_` is out of order.
    'v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete.yaml:30:22 INVALID_PATTERN',
    'v3/ecommerce/account/apply-cancel-withdraw/applyment-id/{applyment_id}.yaml:69:19 UNKNOWN_TYPE',
    'v3/ecommerce/account/apply-cancel-withdraw/out-request-no/{out_request_no}.yaml:69:19 UNKNOWN_TYPE',
    'v3/global/merchant/h5/permission/applications/{applyment_id}.yaml:200:13 ARRAY_WITHOUT_ITEMS',
    'v3/global/merchants/{sub_mchid}.yaml:219:1 PATH_PARAM_MISSING',
    'v3/global/micropay/transactions/pay.yaml:297:15 INVALID_PROPERTY_NAME',
    'v3/global/papay/transactions/out-trade-no/{out_trade_no}.yaml:17:7 PATH_PARAM_MISSING',
    'v3/gov/subsidy/zhejiang/authcode/try.yaml:79:17 INVALID_VALUE',
    'v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}.yaml:81:13 MISPLACED_PROPERTIES',
    'v3/marketing/membercard-activity/activities.yaml:433:25 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities.yaml:441:21 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities.yaml:715:31 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities.yaml:723:27 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities/{activity_id}.yaml:167:17 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities/{activity_id}.yaml:208:25 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/membercard-activity/activities/{activity_id}.yaml:216:21 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/shopping-receipt/shoppingreceipts.yaml:110:23 UNKNOWN_TYPE',
    'v3/marketing/weekly-discount/activities.yaml:88:19 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/weekly-discount/activities.yaml:104:19 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/weekly-discount/activities/{activity_id}.yaml:48:13 ARRAY_WITHOUT_ITEMS',
    'v3/marketing/weekly-discount/activities/{activity_id}.yaml:64:13 ARRAY_WITHOUT_ITEMS',
    'v3/merchant-service/complaints/{transaction_id}/negotiation-historys.yaml:65:19 ARRAY_WITHOUT_ITEMS',
    'v3/merchant/fund/withdraw/bill-type/{bill_type}.yaml:12:7 PATH_PARAM_MISSING',
    'v3/offlinefacemch/organizations/{organization_id}/users/user-id/{user_id}/terminate-contract.yaml:15:7 PATH_PARAM_MISSING',
    'v3/payscore/users/{openid}/permissions/{service_id}/terminate.yaml:9:7 PATH_PARAM_MISSING',
    'v3/payscore/users/{openid}/permissions/{service_id}/terminate.yaml:14:7 PATH_PARAM_MISSING',
    'v3/qrcode/transactions.yaml:225:13 MISPLACED_PROPERTIES',
    'v3/qrcode/transactions/out-trade-no/{out_trade_no}.yaml:132:13 MISPLACED_PROPERTIES',
    'v3/webhooks.yaml:184:1 NOT_AN_OPERATION',
    'v3/webhooks.yaml:201:1 NOT_AN_OPERATION',
    'v3/webhooks.yaml:238:1 NOT_AN_OPERATION',
];

describe.runIf(fullRun && present)('the public corpus', () => {
  it('loads all 993 operations under keepGoing with exactly one diagnostic per known data bug', async () => {
    const result = await loadSpecs(CORPUS, { keepGoing: true });
    const operations = result.model.endpoints.reduce((count, endpoint) => count + endpoint.operations.length, 0);
    expect(result.model.endpoints).toHaveLength(914);
    expect(operations).toBe(993);
    const found = result.diagnostics.filter((d) => !DOCUMENT_GAPS.has(d.code)).map((d) => `${d.location.file}:${d.location.line}:${d.location.col} ${d.code}`);
    expect(found.sort()).toEqual([...DATA_BUGS, ...TAG_MISSPELLED].sort());
    for (const code of DOCUMENT_GAPS) expect(result.diagnostics.some((d) => d.code === code), code).toBe(true);
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === 'warning')).toBe(true);
  });

  it('reports the same bugs as errors without keepGoing, except the always-survivable ones', async () => {
    const result = await loadSpecs(CORPUS);
    const warnings = new Set(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code));
    expect([...warnings].sort()).toEqual(['ARRAY_WITHOUT_ITEMS', ...DOCUMENT_GAPS, 'NOT_AN_OPERATION', 'UNKNOWN_KEY'].sort());
    expect(result.diagnostics.filter((d) => !DOCUMENT_GAPS.has(d.code))).toHaveLength(DATA_BUGS.length + TAG_MISSPELLED.length);
  });

  it('parses every v3 and definitions file with the fast parser exactly as the yaml library does (values and offsets)', () => {
    // The files the loader reads: operations and `$ref` targets.
    const files = ['v3', 'definitions'].flatMap((folder) =>
      readdirSync(join(CORPUS, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
    const mismatched = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const fast = parseBlockYaml(text);
      const library = parseWithLibrary(text);
      return !fast || !library.ok || !isDeepStrictEqual(comparable(fast), comparable(library.root));
    });
    expect(files.length).toBe(914 + 58);
    expect(mismatched).toEqual([]);
  });
});

/** Values with offsets; a null's offset is where the parser chose to put an absent value, so it is left out. */
function comparable(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value === null ? null : [node.value, node.offset];
  if (node.kind === 'seq') return [node.offset, node.items.map(comparable)];
  return [node.offset, node.pairs.map((pair) => [pair.key, pair.keyOffset, comparable(pair.value)])];
}

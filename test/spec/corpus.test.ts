import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileSpecSchema, corpusOpenapiRoot, readYaml, yamlFiles } from './spec-schema.ts';
import { fullRun } from '../full.ts';

/** The data bugs the corpus README lists, as the schema reports them. */
type DataBug =
  | 'tag misspelled for tags'
  | 'type typo'
  | 'array without items'
  | 'property name with a space'
  | 'property names mis-indented beside type';

/** Every corpus v3 file the schema rejects, and why: the corpus README's known data bugs, file by file. */
const KNOWN_DATA_BUGS: Record<string, DataBug[]> = {
  'v3/brand/partner/card-member/cards.yaml': ['property names mis-indented beside type'],
  'v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}.yaml': ['property names mis-indented beside type'],
  'v3/qrcode/transactions.yaml': ['property names mis-indented beside type'],
  'v3/qrcode/transactions/out-trade-no/{out_trade_no}.yaml': ['property names mis-indented beside type'],
  // `type: 'string '`
  'v3/discount-card/cards/{out_card_code}.yaml': ['type typo'],
  // `type: stringde`
  'v3/ecommerce/account/apply-cancel-withdraw/applyment-id/{applyment_id}.yaml': ['type typo'],
  'v3/ecommerce/account/apply-cancel-withdraw/out-request-no/{out_request_no}.yaml': ['type typo'],
  // `type: int`
  'v3/marketing/shopping-receipt/shoppingreceipts.yaml': ['type typo'],
  'v3/global/merchant/h5/permission/applications/{applyment_id}.yaml': ['array without items'],
  'v3/marketing/membercard-activity/activities.yaml': ['array without items'],
  'v3/marketing/membercard-activity/activities/{activity_id}.yaml': ['array without items'],
  'v3/marketing/weekly-discount/activities.yaml': ['array without items'],
  'v3/marketing/weekly-discount/activities/{activity_id}.yaml': ['array without items'],
  'v3/merchant-service/complaints/{transaction_id}/negotiation-historys.yaml': ['array without items'],
  // `payer _currency`
  'v3/global/micropay/transactions/pay.yaml': ['property name with a space'],
  'v3/platsolution/ecommerce/bank-transfer-recharges/apply.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/bank-transfer-recharges/out-recharge-no/{out_recharge_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/insurance-compensation-contracts.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/insurance-compensation-contracts/sub-mchid/{sub_mchid}/check-opened.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/compensate-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/compensate-bills/bill-id/{bill_id}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/compensate-bills/out-bill-no/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/compensate-bills/out-bill-no/{out_bill_no}/cancel.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/compensate-bills/pre-transfer.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-after-sales-compensation-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-after-sales-compensation-bills/bill-id/{bill_id}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-after-sales-compensation-bills/out-bill-no/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-insurance-premiums-compensation-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-insurance-premiums-compensation-bills/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-shipping-cost-compensation-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/deposit-shipping-cost-compensation-bills/out-bill-no/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/insurance-claim-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/insurance-claim-bills/bill-id/{bill_id}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/insurance-claim-bills/out-bill-no/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/insurance-claim-bills/out-bill-no/{out_bill_no}/cancel.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/insurance-claim-bills/pre-transfer.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/sub-mch-compensation-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/sub-mch-compensation-bills/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/transfer-bills.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/transfer-bills/bill-id/{bill_id}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharge-employees.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharge-employees/sub-mchid/{sub_mchid}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharge-employees/sub-mchid/{sub_mchid}/sp-openid/{sp_openid}/delete.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharges/apply.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharges/out-recharge-no/{out_recharge_no}.yaml': ['tag misspelled for tags'],
  'v3/platsolution/ecommerce/recharges/out-recharge-no/{out_recharge_no}/close.yaml': ['tag misspelled for tags'],
};

const OPERATION_PATH = /^\/(?:get|post|put|patch|delete)$/;

/** Names the data bug behind one ajv error; anything else is reported verbatim so a new failure reads clearly. */
function classify(error: ErrorObject): DataBug | string {
  const { keyword, instancePath, params } = error;
  if (keyword === 'additionalProperties' && OPERATION_PATH.test(instancePath) && params.additionalProperty === 'tag') {
    return 'tag misspelled for tags';
  }
  if (keyword === 'enum' && instancePath.endsWith('/type')) return 'type typo';
  if (keyword === 'required' && params.missingProperty === 'items') return 'array without items';
  if (keyword === 'propertyNames' || error.propertyName !== undefined) return 'property name with a space';
  if (keyword === 'additionalProperties' && /\/(?:schema|properties|items)(?:\/|$)/.test(instancePath)) {
    return 'property names mis-indented beside type';
  }
  return `unexpected: ${instancePath} ${error.message ?? keyword} ${JSON.stringify(params)}`;
}

const corpusPresent = existsSync(corpusOpenapiRoot);

describe.runIf(fullRun && corpusPresent)('corpus v3 files against spec.schema.json', () => {
  it('rejects exactly the files with known data bugs, for exactly those bugs', () => {
    const files = yamlFiles(path.join(corpusOpenapiRoot, 'v3'), corpusOpenapiRoot);
    // The corpus README counts 914 v3 files; a partial copy would make this test meaningless.
    expect(files).toHaveLength(914);

    const { file: validate } = compileSpecSchema();
    const rejected: Record<string, string[]> = {};
    for (const file of files) {
      if (validate(readYaml(path.join(corpusOpenapiRoot, file)))) continue;
      const reasons = (validate.errors ?? [])
        .filter((error) => !['if', 'anyOf', 'oneOf'].includes(error.keyword))
        .map(classify);
      rejected[file] = [...new Set(reasons)].sort();
    }
    expect(rejected).toEqual(KNOWN_DATA_BUGS);
  });
});

/**
 * A merchant's code workflow: stock a member card with codes, upload codes to a consume-card stock,
 * hand one out, and deal with the outcomes a real integration meets (duplicates, codes the service
 * already holds, requests rejected before sending, and service errors).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { ApiError, UsageError, type WeChatPay, type Wechatpay } from '@wechatpay-sdk/apiv3';
import { sameList, type Report } from './report.js';

type DepositResult = NonNullable<WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_.Codes.Deposit.PostHttpMethod.WellformedResponse['data']>;

/** Identifiers unique to one run, so the scenario can run again against a sandbox that keeps its state. */
interface RunIds {
  memberCardId: string;
  stockId: string;
  unknownCardId: string;
  /** A code of `n` made unique to the run: `EX1A2B3C4D-n`. */
  code(n: string): string;
}

function newRunIds(): RunIds {
  const run = randomBytes(4).toString('hex').toUpperCase();
  return {
    memberCardId: `pbLatjvEx${run}`,
    // Stock ids are numeric and at most 20 characters.
    stockId: `98${String(randomInt(1e9)).padStart(9, '0')}`,
    unknownCardId: `pbLatjvMissing${run}`,
    code: (n) => `EX${run}-${n}`,
  };
}

/** Counts a deposit's results by kind; DUPLICATE codes were held already and need no action. */
function summariseDeposit(report: Report, results: DepositResult): Map<string, string | undefined> {
  const byCode = new Map(results.map((item) => [item.code ?? '', item.result]));
  const count = (kind: string): number => results.filter((item) => item.result === kind).length;
  report.note(`deposited ${results.length} codes: ${count('SUCCESS')} SUCCESS, ${count('DUPLICATE')} DUPLICATE (already held, skipped), ${count('FAIL')} FAIL`);
  return byCode;
}

export async function runScenario(wxpay: Wechatpay, report: Report): Promise<void> {
  const ids = newRunIds();
  const [memberA, memberB, memberC] = [ids.code('M1'), ids.code('M2'), ids.code('M3')];
  const [couponA, couponB, couponC, couponD, couponE] = ['C1', 'C2', 'C3', 'C4', 'C5'].map(ids.code) as [string, string, string, string, string];

  report.step(`Deposit member-card codes into ${ids.memberCardId}`);
  // Chained style: one property per URL segment, `{card_id}` is `_card_id_`.
  const deposit = wxpay.v3.marketing.membercardOpen.cards._card_id_.codes.deposit;
  const first = await deposit.post({ code: [memberA, memberB, memberA] }, { card_id: ids.memberCardId });
  const firstResults = first.data.data ?? [];
  summariseDeposit(report, firstResults);
  report.expect(
    sameList(firstResults.map((item) => item.result), ['SUCCESS', 'SUCCESS', 'DUPLICATE']),
    'a code repeated within one request is DUPLICATE the second time',
    firstResults,
  );

  const second = await deposit.post({ code: [memberB, memberC] }, { card_id: ids.memberCardId });
  const secondResults = summariseDeposit(report, second.data.data ?? []);
  report.expect(secondResults.get(memberB) === 'DUPLICATE', `${memberB}, deposited before, is DUPLICATE`, secondResults.get(memberB));
  report.expect(secondResults.get(memberC) === 'SUCCESS', `${memberC} is new: SUCCESS`, secondResults.get(memberC));

  report.step(`Upload coupon codes to stock ${ids.stockId}`);
  // Declarative style: the URL path template itself, checked against the known paths.
  const upload = wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcodes');
  const uploaded = await upload.post(
    { coupon_code_list: [couponA, couponB, couponC, couponB], upload_request_no: `UP${ids.stockId}A` },
    { stock_id: ids.stockId },
  );
  report.note(`uploaded: ${uploaded.data.success_count} of ${uploaded.data.total_count} distinct codes, duplicates in the request: ${JSON.stringify(uploaded.data.duplicate_codes ?? [])}`);
  report.expect(sameList(uploaded.data.success_codes, [couponA, couponB, couponC]), 'the three distinct codes are uploaded', uploaded.data.success_codes);
  report.expect(sameList(uploaded.data.duplicate_codes, [couponB]), 'the code listed twice is reported in duplicate_codes', uploaded.data.duplicate_codes);
  report.expect(uploaded.data.total_count === 3, 'total_count counts distinct codes', uploaded.data.total_count);

  const reupload = await upload.post({ coupon_code_list: [couponC, couponD], upload_request_no: `UP${ids.stockId}B` }, { stock_id: ids.stockId });
  report.note(`re-upload: new ${JSON.stringify(reupload.data.success_codes ?? [])}, already held ${JSON.stringify(reupload.data.exist_codes ?? [])}`);
  report.expect(sameList(reupload.data.exist_codes, [couponC]), 'a code uploaded before comes back in exist_codes', reupload.data.exist_codes);
  report.expect(sameList(reupload.data.success_codes, [couponD]), 'only the new code is added', reupload.data.success_codes);

  report.step(`Send a consume card from ${ids.stockId}`);
  const send = wxpay.v3.marketing.busifavor.coupons._card_id_.send;
  const sendRequest = { appid: 'wx233544546545989', openid: 'oVmHxjpNb5r4CpdgRzzA6V5nIuBg', out_request_no: `SEND${ids.stockId}`, send_time: new Date() };
  const sent = await send.post(sendRequest, { card_id: ids.stockId });
  report.note(`handed out ${sent.data.card_code}`);
  report.expect([couponA, couponB, couponC, couponD].includes(sent.data.card_code), 'the card code is one of the uploaded codes', sent.data.card_code);
  // A retry after a lost answer reuses out_request_no and must not hand out a second code.
  const retried = await send.post(sendRequest, { card_id: ids.stockId });
  report.expect(retried.data.card_code === sent.data.card_code, 'retrying with the same out_request_no returns the same code', retried.data.card_code);

  report.step('A code longer than 32 characters is refused before sending');
  const tooLong = `${ids.code('X')}${'0'.repeat(33)}`.slice(0, 33);
  const rejectedRequestNo = `UP${ids.stockId}C`;
  try {
    await upload.post({ coupon_code_list: [couponE, tooLong], upload_request_no: rejectedRequestNo }, { stock_id: ids.stockId });
    report.expect(false, 'the upload is rejected with a UsageError', 'the request was sent and succeeded');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    for (const line of error.message.split('\n')) report.note(`| ${line}`);
    report.expect(error.message.includes('coupon_code_list[1]'), 'the UsageError names the offending field, coupon_code_list[1]', error.message);
  }
  // Had the rejected request reached the service, its upload_request_no would now be taken by other codes.
  const afterRejection = await upload.post({ coupon_code_list: [couponE], upload_request_no: rejectedRequestNo }, { stock_id: ids.stockId });
  report.expect(sameList(afterRejection.data.success_codes, [couponE]), 'its upload_request_no is still unused: nothing was sent', afterRejection.data);

  report.step(`Send from a card that does not exist (${ids.unknownCardId})`);
  try {
    await send.post({ ...sendRequest, out_request_no: `SEND${ids.stockId}X` }, { card_id: ids.unknownCardId });
    report.expect(false, 'the service answers with an error', 'it answered 2xx');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    report.note(`ApiError ${error.status} ${error.code}: ${error.message} (Request-ID ${error.requestId})`);
    report.expect(error.status === 404 && error.code === 'RESOURCE_NOT_EXISTS', 'ApiError 404 RESOURCE_NOT_EXISTS', { status: error.status, code: error.code });
  }
}

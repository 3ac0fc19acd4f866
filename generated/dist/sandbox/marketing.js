/** The seed endpoints' behaviour: member-card code deposit, coupon-code upload, consume-card send. */
import { randomInt } from 'node:crypto';
import { fail, rfc3339Beijing } from './script.js';
import { dict, emptyPool, entry } from './state.js';
export const MEMBER_CARD_DEPOSIT = 'post v3/marketing/membercard-open/cards/{card_id}/codes/deposit';
export const COUPON_CODE_UPLOAD = 'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
export const CONSUME_CARD_SEND = 'post v3/marketing/busifavor/coupons/{card_id}/send';
/** The seed endpoints' behaviour, by operation key. */
export const MARKETING_SCRIPTS = {
  [MEMBER_CARD_DEPOSIT]: { handle: depositMemberCardCodes },
  [COUPON_CODE_UPLOAD]: {
    perItemIssues: /^coupon_code_list\[\d+\]$/,
    handle: uploadCouponCodes,
  },
  [CONSUME_CARD_SEND]: { handle: sendConsumeCard },
};
/** The code rules of the seed documents: 1 to 32 of `0-9 a-z A-Z`, space, `-`, `_`, `\`, `/`, `=`, `|`. */
const CODE_MAX_LENGTH = 32;
const CODE_CHARACTERS = /^[0-9A-Za-z _\\/=|-]*$/;
function codeFailure(code) {
  const length = [...code].length;
  if (length > CODE_MAX_LENGTH)
    return {
      code: 'LENGTH_LIMIT',
      message: `长度超过最大值${CODE_MAX_LENGTH}位`,
    };
  if (length === 0)
    return {
      code: 'LENGTH_LIMIT',
      message: '长度低于最小值1位',
    };
  if (!CODE_CHARACTERS.test(code))
    return {
      code: 'CHARACTER_LIMIT',
      message: '只允许包含0-9、a-z、A-Z、空格、-、_、\\、/、=、|',
    };
  return undefined;
}
// Every code a pool ever held, kept beside the state (not persisted) so duplicate checks stay O(1) as pools grow.
const knownByPool = new WeakMap();
function knownCodes(pool) {
  let known = knownByPool.get(pool);
  if (!known) {
    known = new Set([...pool.available, ...pool.handedOut]);
    knownByPool.set(pool, known);
  }
  return known;
}
/** Each code: SUCCESS (now held), DUPLICATE (held before, or earlier in this request) or FAIL (breaks the code rules). */
function depositMemberCardCodes({ pathParams, body, state }) {
  const cardId = pathParams.card_id;
  const codes = Array.isArray(body.code) ? body.code : [];
  const pool = entry(state.memberCards, cardId) ?? (state.memberCards[cardId] = emptyPool());
  const known = knownCodes(pool);
  const data = codes.map((code) => {
    if (codeFailure(code))
      return {
        code,
        result: 'FAIL',
      };
    if (known.has(code))
      return {
        code,
        result: 'DUPLICATE',
      };
    known.add(code);
    pool.available.push(code);
    return {
      code,
      result: 'SUCCESS',
    };
  });
  return {
    status: 200,
    body: { data },
    mutated: true,
  };
}
function uploadCouponCodes({ pathParams, body, state, now, itemIssues }) {
  const stockId = pathParams.stock_id;
  const requestNo = String(body.upload_request_no);
  const list = Array.isArray(body.coupon_code_list) ? body.coupon_code_list : [];
  const notText = list.findIndex((code) => typeof code !== 'string');
  if (notText >= 0) return fail(400, 'PARAM_ERROR', `coupon_code_list[${notText}]: must be a string`);
  const codes = list;
  const stock =
    entry(state.couponStocks, stockId) ??
    (state.couponStocks[stockId] = {
      ...emptyPool(),
      uploads: dict(),
    });
  const previous = entry(stock.uploads, requestNo);
  if (previous) {
    if (sameList(previous.codes, codes))
      return {
        status: 200,
        body: previous.response,
        mutated: false,
      };
    return fail(400, 'RESOURCE_ALREADY_EXISTS', `upload_request_no ${requestNo} was already used with other codes`);
  }
  // Items the request check flagged fail one by one, as the real service reports them.
  const flagged = new Map(itemIssues.map((issue) => [Number(/\[(\d+)\]$/.exec(issue.path)?.[1]), issue.message]));
  const held = knownCodes(stock);
  const seen = new Set();
  const duplicates = new Set();
  const response = {
    stock_id: stockId,
    total_count: 0,
    success_count: 0,
    success_codes: [],
    success_time: rfc3339Beijing(now),
    fail_count: 0,
    fail_codes: [],
    exist_codes: [],
    duplicate_codes: [],
  };
  codes.forEach((code, index) => {
    if (seen.has(code)) {
      duplicates.add(code);
      return;
    }
    seen.add(code);
    const flaggedRule = flagged.get(index);
    const failure =
      codeFailure(code) ??
      (flaggedRule === undefined
        ? undefined
        : {
            code: 'PARAM_ERROR',
            message: flaggedRule,
          });
    if (failure)
      response.fail_codes.push({
        coupon_code: code,
        ...failure,
      });
    else if (held.has(code)) response.exist_codes.push(code);
    else {
      response.success_codes.push(code);
      stock.available.push(code);
      held.add(code);
    }
  });
  response.duplicate_codes = [...duplicates];
  response.total_count = seen.size;
  response.success_count = response.success_codes.length;
  response.fail_count = response.fail_codes.length;
  stock.uploads[requestNo] = {
    codes: [...codes],
    response,
  };
  return {
    status: 200,
    body: response,
    mutated: true,
  };
}
/** Hands out a random held code, never the same twice; a repeated `out_request_no` replays its answer. */
function sendConsumeCard({ operation, pathParams, body, state }) {
  const cardId = pathParams.card_id;
  const pool = entry(state.memberCards, cardId) ?? entry(state.couponStocks, cardId);
  if (!pool) return fail(404, 'RESOURCE_NOT_EXISTS', `card ${cardId} does not exist`);
  const requestNo = String(body.out_request_no);
  const appid = String(body.appid);
  const openid = String(body.openid);
  const previous = entry(pool.sends, requestNo);
  if (previous) {
    if (previous.appid === appid && previous.openid === openid)
      return {
        status: 200,
        body: { card_code: previous.card_code },
        mutated: false,
      };
    return fail(400, 'RESOURCE_ALREADY_EXISTS', `out_request_no ${requestNo} was already used for another user`);
  }
  if (pool.available.length === 0) {
    const documented = noCodesLeft(operation?.errors ?? []);
    return fail(documented.status, documented.code, `card ${cardId} has no codes left to hand out`);
  }
  const index = randomInt(pool.available.length);
  const [cardCode] = pool.available.splice(index, 1);
  pool.handedOut.push(cardCode);
  pool.sends[requestNo] = {
    card_code: cardCode,
    appid,
    openid,
  };
  return {
    status: 200,
    body: { card_code: cardCode },
    mutated: true,
  };
}
/** The spec's own error for an exhausted card when it documents one; the seed family's INVALID_REQUEST otherwise. */
function noCodesLeft(errorCodes) {
  const documented = errorCodes.find((error) =>
    /库存|不足|已发完|已领完|NOT_ENOUGH|SOLD_OUT/i.test(`${error.code} ${error.description}`),
  );
  return (
    documented ?? {
      status: 400,
      code: 'INVALID_REQUEST',
    }
  );
}
function sameList(a, b) {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// Generated from the specs: request JSON Schemas, compiled by the runtime on first use.
export const validators = Object.freeze({
  'post v3/marketing/busifavor/coupons/{card_id}/send': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          appid: { type: 'string' },
          openid: { type: 'string' },
          out_request_no: { type: 'string' },
          send_time: { type: 'string', format: 'rfc3339' },
        },
        required: ['appid', 'openid', 'out_request_no', 'send_time'],
      },
      pathParams: { type: 'object', properties: { card_id: { type: 'string' } }, required: ['card_id'] },
    },
    required: ['data'],
  },
  'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          coupon_code_list: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z _\\\\/=|-]+$' },
            minItems: 1,
            maxItems: 200,
          },
          upload_request_no: { type: 'string', maxLength: 128 },
        },
        required: ['upload_request_no'],
      },
      pathParams: {
        type: 'object',
        properties: { stock_id: { type: 'string', maxLength: 20 } },
        required: ['stock_id'],
      },
    },
    required: ['data'],
  },
  'post v3/marketing/membercard-open/cards/{card_id}/codes/deposit': {
    type: 'object',
    properties: {
      data: { type: 'object', properties: { code: { type: 'array', items: { type: 'string' } } } },
      pathParams: { type: 'object', properties: { card_id: { type: 'string' } }, required: ['card_id'] },
    },
    required: ['data'],
  },
});

/** Generated from the specs: what the runtime must know of each operation. */
export const operations = {
  'v3/bill/fundflowbill': {
    get: {},
  },
  'v3/bill/tradebill': {
    get: {},
  },
  'v3/billdownload/file': {
    get: {
      download: true,
    },
  },
  'v3/certificates': {
    get: {},
  },
  'v3/marketing/busifavor/coupons/{card_id}/send': {
    post: {},
  },
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes': {
    post: {},
  },
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit': {
    post: {},
  },
  'v3/merchant/media/upload': {
    post: {
      multipart: true,
    },
  },
  'v3/pay/transactions/app': {
    post: {},
  },
  'v3/pay/transactions/h5': {
    post: {},
  },
  'v3/pay/transactions/id/{transaction_id}': {
    get: {},
  },
  'v3/pay/transactions/jsapi': {
    post: {},
  },
  'v3/pay/transactions/native': {
    post: {},
  },
  'v3/pay/transactions/out-trade-no/{out_trade_no}': {
    get: {},
  },
  'v3/pay/transactions/out-trade-no/{out_trade_no}/close': {
    post: {},
  },
  'v3/refund/domestic/refunds': {
    post: {},
  },
  'v3/refund/domestic/refunds/{out_refund_no}': {
    get: {},
  },
};

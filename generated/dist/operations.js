/** Generated from the specs: what the runtime must know of each operation. */
export const operations = {
  'v3/marketing/busifavor/coupons/{card_id}/send': {
    post: {},
  },
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes': {
    post: {},
  },
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit': {
    post: {},
  },
};

// Generated from the specs: request JSON Schemas, compiled by the runtime on first use.
export const validators = Object.freeze({
  'get v3/bill/fundflowbill': {
    type: 'object',
    properties: {
      params: {
        type: 'object',
        properties: {
          bill_date: { type: 'string', maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
          account_type: { type: 'string', enum: ['BASIC', 'OPERATION', 'FEES'] },
          tar_type: { type: 'string', enum: ['GZIP'] },
        },
        required: ['bill_date'],
      },
    },
  },
  'get v3/bill/tradebill': {
    type: 'object',
    properties: {
      params: {
        type: 'object',
        properties: {
          bill_date: { type: 'string', maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
          bill_type: {
            type: 'string',
            enum: ['ALL', 'SUCCESS', 'REFUND', 'RECHARGE_REFUND', 'ALL_SPECIAL', 'SUC_SPECIAL', 'REF_SPECIAL'],
          },
          tar_type: { type: 'string', enum: ['GZIP'] },
        },
        required: ['bill_date'],
      },
    },
  },
  'get v3/billdownload/file': {
    type: 'object',
    properties: {
      params: {
        type: 'object',
        properties: { token: { type: 'string' }, tartype: { type: 'string' } },
        required: ['token'],
      },
    },
  },
  'get v3/certificates': {
    type: 'object',
    properties: {
      params: { type: 'object', properties: { algorithm_type: { type: 'string', enum: ['RSA', 'SM2', 'ALL'] } } },
    },
  },
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
  'post v3/pay/transactions/app': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          appid: { type: 'string', maxLength: 32 },
          mchid: { type: 'string', maxLength: 32 },
          description: { type: 'string', maxLength: 127 },
          out_trade_no: { type: 'string', minLength: 6, maxLength: 32, pattern: '^[0-9A-Za-z_|*-]+$' },
          time_expire: { type: 'string', format: 'rfc3339', maxLength: 64 },
          attach: { type: 'string', maxLength: 128 },
          notify_url: { type: 'string', maxLength: 256 },
          goods_tag: { type: 'string', maxLength: 32 },
          support_fapiao: { type: 'boolean' },
          amount: {
            type: 'object',
            properties: { total: { type: 'integer' }, currency: { type: 'string', maxLength: 16 } },
            required: ['total'],
          },
          detail: {
            type: 'object',
            properties: {
              cost_price: { type: 'integer' },
              invoice_id: { type: 'string', maxLength: 32 },
              goods_detail: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    merchant_goods_id: { type: 'string', maxLength: 32 },
                    wechatpay_goods_id: { type: 'string', maxLength: 32 },
                    goods_name: { type: 'string', maxLength: 256 },
                    quantity: { type: 'integer' },
                    unit_price: { type: 'integer' },
                  },
                  required: ['merchant_goods_id', 'quantity', 'unit_price'],
                },
                minItems: 1,
                maxItems: 6000,
              },
            },
          },
          scene_info: {
            type: 'object',
            properties: {
              payer_client_ip: { type: 'string', maxLength: 45 },
              device_id: { type: 'string', maxLength: 32 },
              store_info: {
                type: 'object',
                properties: {
                  id: { type: 'string', maxLength: 32 },
                  name: { type: 'string', maxLength: 256 },
                  area_code: { type: 'string', maxLength: 32 },
                  address: { type: 'string', maxLength: 512 },
                },
                required: ['id'],
              },
            },
            required: ['payer_client_ip'],
          },
          settle_info: { type: 'object', properties: { profit_sharing: { type: 'boolean' } } },
        },
        required: ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount'],
      },
    },
    required: ['data'],
  },
  'post v3/pay/transactions/h5': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          appid: { type: 'string', maxLength: 32 },
          mchid: { type: 'string', maxLength: 32 },
          description: { type: 'string', maxLength: 127 },
          out_trade_no: { type: 'string', minLength: 6, maxLength: 32, pattern: '^[0-9A-Za-z_|*-]+$' },
          time_expire: { type: 'string', format: 'rfc3339', maxLength: 64 },
          attach: { type: 'string', maxLength: 128 },
          notify_url: { type: 'string', maxLength: 256 },
          goods_tag: { type: 'string', maxLength: 32 },
          support_fapiao: { type: 'boolean' },
          amount: {
            type: 'object',
            properties: { total: { type: 'integer' }, currency: { type: 'string', maxLength: 16 } },
            required: ['total'],
          },
          detail: {
            type: 'object',
            properties: {
              cost_price: { type: 'integer' },
              invoice_id: { type: 'string', maxLength: 32 },
              goods_detail: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    merchant_goods_id: { type: 'string', maxLength: 32 },
                    wechatpay_goods_id: { type: 'string', maxLength: 32 },
                    goods_name: { type: 'string', maxLength: 256 },
                    quantity: { type: 'integer' },
                    unit_price: { type: 'integer' },
                  },
                  required: ['merchant_goods_id', 'quantity', 'unit_price'],
                },
                minItems: 1,
                maxItems: 6000,
              },
            },
          },
          scene_info: {
            type: 'object',
            properties: {
              payer_client_ip: { type: 'string', maxLength: 45 },
              device_id: { type: 'string', maxLength: 32 },
              store_info: {
                type: 'object',
                properties: {
                  id: { type: 'string', maxLength: 32 },
                  name: { type: 'string', maxLength: 256 },
                  area_code: { type: 'string', maxLength: 32 },
                  address: { type: 'string', maxLength: 512 },
                },
                required: ['id'],
              },
              h5_info: {
                type: 'object',
                properties: {
                  type: { type: 'string', maxLength: 32 },
                  app_name: { type: 'string', maxLength: 64 },
                  app_url: { type: 'string', maxLength: 128 },
                  bundle_id: { type: 'string', maxLength: 128 },
                  package_name: { type: 'string', maxLength: 128 },
                },
                required: ['type'],
              },
            },
            required: ['payer_client_ip', 'h5_info'],
          },
          settle_info: { type: 'object', properties: { profit_sharing: { type: 'boolean' } } },
        },
        required: ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount', 'scene_info'],
      },
    },
    required: ['data'],
  },
  'get v3/pay/transactions/id/{transaction_id}': {
    type: 'object',
    properties: {
      pathParams: {
        type: 'object',
        properties: { transaction_id: { type: 'string', maxLength: 32 } },
        required: ['transaction_id'],
      },
      params: { type: 'object', properties: { mchid: { type: 'string', maxLength: 32 } }, required: ['mchid'] },
    },
  },
  'post v3/pay/transactions/jsapi': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          appid: { type: 'string', maxLength: 32 },
          mchid: { type: 'string', maxLength: 32 },
          description: { type: 'string', maxLength: 127 },
          out_trade_no: { type: 'string', minLength: 6, maxLength: 32, pattern: '^[0-9A-Za-z_|*-]+$' },
          time_expire: { type: 'string', format: 'rfc3339', maxLength: 64 },
          attach: { type: 'string', maxLength: 128 },
          notify_url: { type: 'string', maxLength: 256 },
          goods_tag: { type: 'string', maxLength: 32 },
          support_fapiao: { type: 'boolean' },
          amount: {
            type: 'object',
            properties: { total: { type: 'integer' }, currency: { type: 'string', maxLength: 16 } },
            required: ['total'],
          },
          detail: {
            type: 'object',
            properties: {
              cost_price: { type: 'integer' },
              invoice_id: { type: 'string', maxLength: 32 },
              goods_detail: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    merchant_goods_id: { type: 'string', maxLength: 32 },
                    wechatpay_goods_id: { type: 'string', maxLength: 32 },
                    goods_name: { type: 'string', maxLength: 256 },
                    quantity: { type: 'integer' },
                    unit_price: { type: 'integer' },
                  },
                  required: ['merchant_goods_id', 'quantity', 'unit_price'],
                },
                minItems: 1,
                maxItems: 6000,
              },
            },
          },
          scene_info: {
            type: 'object',
            properties: {
              payer_client_ip: { type: 'string', maxLength: 45 },
              device_id: { type: 'string', maxLength: 32 },
              store_info: {
                type: 'object',
                properties: {
                  id: { type: 'string', maxLength: 32 },
                  name: { type: 'string', maxLength: 256 },
                  area_code: { type: 'string', maxLength: 32 },
                  address: { type: 'string', maxLength: 512 },
                },
                required: ['id'],
              },
            },
            required: ['payer_client_ip'],
          },
          settle_info: { type: 'object', properties: { profit_sharing: { type: 'boolean' } } },
          payer: { type: 'object', properties: { openid: { type: 'string', maxLength: 128 } }, required: ['openid'] },
        },
        required: ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount', 'payer'],
      },
    },
    required: ['data'],
  },
  'post v3/pay/transactions/native': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          appid: { type: 'string', maxLength: 32 },
          mchid: { type: 'string', maxLength: 32 },
          description: { type: 'string', maxLength: 127 },
          out_trade_no: { type: 'string', minLength: 6, maxLength: 32, pattern: '^[0-9A-Za-z_|*-]+$' },
          time_expire: { type: 'string', format: 'rfc3339', maxLength: 64 },
          attach: { type: 'string', maxLength: 128 },
          notify_url: { type: 'string', maxLength: 256 },
          goods_tag: { type: 'string', maxLength: 32 },
          support_fapiao: { type: 'boolean' },
          amount: {
            type: 'object',
            properties: { total: { type: 'integer' }, currency: { type: 'string', maxLength: 16 } },
            required: ['total'],
          },
          detail: {
            type: 'object',
            properties: {
              cost_price: { type: 'integer' },
              invoice_id: { type: 'string', maxLength: 32 },
              goods_detail: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    merchant_goods_id: { type: 'string', maxLength: 32 },
                    wechatpay_goods_id: { type: 'string', maxLength: 32 },
                    goods_name: { type: 'string', maxLength: 256 },
                    quantity: { type: 'integer' },
                    unit_price: { type: 'integer' },
                  },
                  required: ['merchant_goods_id', 'quantity', 'unit_price'],
                },
                minItems: 1,
                maxItems: 6000,
              },
            },
          },
          scene_info: {
            type: 'object',
            properties: {
              payer_client_ip: { type: 'string', maxLength: 45 },
              device_id: { type: 'string', maxLength: 32 },
              store_info: {
                type: 'object',
                properties: {
                  id: { type: 'string', maxLength: 32 },
                  name: { type: 'string', maxLength: 256 },
                  area_code: { type: 'string', maxLength: 32 },
                  address: { type: 'string', maxLength: 512 },
                },
                required: ['id'],
              },
            },
            required: ['payer_client_ip'],
          },
          settle_info: { type: 'object', properties: { profit_sharing: { type: 'boolean' } } },
        },
        required: ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount'],
      },
    },
    required: ['data'],
  },
  'get v3/pay/transactions/out-trade-no/{out_trade_no}': {
    type: 'object',
    properties: {
      pathParams: {
        type: 'object',
        properties: { out_trade_no: { type: 'string', maxLength: 32 } },
        required: ['out_trade_no'],
      },
      params: { type: 'object', properties: { mchid: { type: 'string', maxLength: 32 } }, required: ['mchid'] },
    },
  },
  'post v3/pay/transactions/out-trade-no/{out_trade_no}/close': {
    type: 'object',
    properties: {
      data: { type: 'object', properties: { mchid: { type: 'string', maxLength: 32 } }, required: ['mchid'] },
      pathParams: {
        type: 'object',
        properties: { out_trade_no: { type: 'string', maxLength: 32 } },
        required: ['out_trade_no'],
      },
    },
    required: ['data'],
  },
  'post v3/refund/domestic/refunds': {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          transaction_id: { type: 'string', maxLength: 32 },
          out_trade_no: { type: 'string', maxLength: 32 },
          out_refund_no: { type: 'string', maxLength: 64, pattern: '^[0-9A-Za-z_|*@-]+$' },
          reason: { type: 'string', maxLength: 80 },
          notify_url: { type: 'string', maxLength: 256 },
          funds_account: { type: 'string', enum: ['AVAILABLE'], maxLength: 32 },
          amount: {
            type: 'object',
            properties: {
              refund: { type: 'integer' },
              from: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    account: { type: 'string', enum: ['AVAILABLE', 'UNAVAILABLE'] },
                    amount: { type: 'integer' },
                  },
                  required: ['account', 'amount'],
                },
              },
              total: { type: 'integer' },
              currency: { type: 'string', maxLength: 16 },
            },
            required: ['refund', 'total', 'currency'],
          },
          goods_detail: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                merchant_goods_id: { type: 'string', maxLength: 32 },
                wechatpay_goods_id: { type: 'string', maxLength: 32 },
                goods_name: { type: 'string', maxLength: 256 },
                unit_price: { type: 'integer' },
                refund_amount: { type: 'integer' },
                refund_quantity: { type: 'integer' },
              },
              required: ['merchant_goods_id', 'unit_price', 'refund_amount', 'refund_quantity'],
            },
            minItems: 1,
          },
        },
        required: ['out_refund_no', 'amount'],
      },
    },
    required: ['data'],
  },
  'get v3/refund/domestic/refunds/{out_refund_no}': {
    type: 'object',
    properties: {
      pathParams: {
        type: 'object',
        properties: { out_refund_no: { type: 'string', maxLength: 64 } },
        required: ['out_refund_no'],
      },
    },
  },
});

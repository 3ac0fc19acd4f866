import type { AxiosRequestConfig, AxiosPromise } from 'axios';
import type { ReadStream } from 'node:fs';

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons._card_id_.Send.PostHttpMethod {
  export interface JsonDataRequest {
    appid: string;
    openid: string;
    out_request_no: string;
    send_time: string | Date;
  }

  export interface RequestConfig extends AxiosRequestConfig {
    data?: JsonDataRequest;
    card_id: string;
  }

  export interface WellformedResponse {
    card_code: string;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons._card_id_ {
  export interface Send {
    /**
     * shortland
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/wxpay/marketing/coupons/chapter3_1.shtml
     */
    (
      data: Send.PostHttpMethod.JsonDataRequest,
      config: Send.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Send.PostHttpMethod.WellformedResponse>;
    /**
     * 发放消费卡API
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/wxpay/marketing/coupons/chapter3_1.shtml
     */
    post(
      data: Send.PostHttpMethod.JsonDataRequest,
      config: Send.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Send.PostHttpMethod.WellformedResponse>;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons {
  export interface _card_id_ {
    send: _card_id_.Send;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor {
  export interface Coupons {
    _card_id_: Coupons._card_id_;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod {
  export interface JsonDataRequest {
    /** 券code列表。商户上传的券 code 列表, code 允许包含的字符有 0-9、a-z、A-Z、空格(仅含空格, 不含制表符、换行符、换页符等）、-、_、\、/、=、|。特殊规则: 单个券 code 长度为【1, 32】, 条目个数限制为【1, 200】。 (1..32 chars, 1..200 items, pattern `^[0-9A-Za-z _\\/=|-]+$`) @example ["ABC9588200","ABC9588201"] */
    coupon_code_list?: string[];
    /** 请求业务单据号。商户上传 code 的凭据号, 商户侧需保持唯一性。 (max 128 chars) @example 100002322019090134234sfdf */
    upload_request_no: string;
  }

  export interface RequestConfig extends AxiosRequestConfig {
    data?: JsonDataRequest;
    /** 批次号。商户券批次号 (max 20 chars) @example 98065001 */
    stock_id: string;
  }

  export interface WellformedResponse {
    /** 批次号。商户券批次号。 (max 20 chars) @example 98065001 */
    stock_id: string;
    /** 去重后上传code总数。本次上传操作, 去重后实际上传的 code 数目。 @example 500 */
    total_count: number;
    /** 上传成功code个数。本次上传操作上传成功个数。 @example 20 */
    success_count: number;
    /** 上传成功的code列表。本次新增上传成功的 code 信息。特殊规则: 单个券 code 长度为【1, 32】, 条目个数限制为【1, 200】。 (1..32 chars, 1..200 items) @example ["MMAA12345"] */
    success_codes?: string[];
    /** 上传成功时间。上传操作完成时间, 遵循 rfc3339 标准格式, 格式为 YYYY-MM-DDTHH:mm:ss:sss+TIMEZONE, YYYY-MM-DD 表示年月日, T 出现在字符串中, 表示 time 元素的开头, HH:mm:ss:sss 表示时分秒毫秒, TIMEZONE 表示时区(+08:00 表示东八区时间, 领先 UTC 8 小时, 即北京时间）。例如: 2015-05-20T13:29:35.120+08:00 表示, 北京时间 2015 年 5 月 20 日 13 点 29 分 35 秒。 (max 32 chars) @example 2015-05-20T13:29:35.120+08:00 */
    success_time: string;
    /** 上传失败code个数。本次上传操作上传失败的 code 数。 @example 10 */
    fail_count?: number;
    /** 上传失败的code及原因。本次导入失败的 code 信息, 请参照错误信息, 修改后重试。 */
    fail_codes?: {
      /** @example ABCD23456 */
      coupon_code?: string;
      /** @example LENGTH_LIMIT */
      code?: string;
      /** @example 长度超过最大值 32 位 */
      message?: string;
    }[];
    /** 已存在的code列表。历史已存在的 code 列表, 本次不会重复导入。特殊规则: 单个券 code 长度为【1, 32】, 条目个数限制为【1, 200】。 (1..32 chars, 1..200 items) @example ["ABCD2345"] */
    exist_codes?: string[];
    /** 本次请求中重复的code列表。本次重复导入的 code 会被自动过滤, 仅保留一个做导入, 如满足要求则成功；如不满足要求, 则失败；请参照报错提示修改重试。特殊规则: 单个券 code 长度为【1, 32】, 条目个数限制为【1, 200】。 (1..32 chars, 1..200 items) @example ["AACC2345"] */
    duplicate_codes?: string[];
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_ {
  export interface Couponcodes {
    /**
     * shortland
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml
     */
    (
      data: Couponcodes.PostHttpMethod.JsonDataRequest,
      config: Couponcodes.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>;
    /**
     * 上传预存code API
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_2_6.shtml
     */
    post(
      data: Couponcodes.PostHttpMethod.JsonDataRequest,
      config: Couponcodes.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks {
  export interface _stock_id_ {
    couponcodes: _stock_id_.Couponcodes;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor {
  export interface Stocks {
    _stock_id_: Stocks._stock_id_;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing {
  export interface Busifavor {
    coupons: Busifavor.Coupons;
    stocks: Busifavor.Stocks;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_.Codes.Deposit.PostHttpMethod {
  export interface JsonDataRequest {
    /** 会员卡code */
    code?: string[];
  }

  export interface RequestConfig extends AxiosRequestConfig {
    data?: JsonDataRequest;
    /** 会员卡id @example pbLatjvWOibDc5-TBnbUk1pD12o0 */
    card_id: string;
  }

  export interface WellformedResponse {
    /** 导入结果 */
    data?: {
      /** 会员卡code */
      code?: string;
      /** 导入结果 */
      result?: 'SUCCESS' | 'DUPLICATE' | 'FAIL';
    }[];
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_.Codes {
  export interface Deposit {
    /**
     * shortland
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/wxpay/marketing/membercard_open/chapter3_7.shtml
     * @link https://pay.weixin.qq.com/doc/v3/merchant/4012545728
     * @link https://pay.weixin.qq.com/doc/v3/partner/4012709031
     */
    (
      data: Deposit.PostHttpMethod.JsonDataRequest,
      config: Deposit.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Deposit.PostHttpMethod.WellformedResponse>;
    /**
     * 导入会员Code API
     * @link https://pay.weixin.qq.com/wiki/doc/apiv3/wxpay/marketing/membercard_open/chapter3_7.shtml
     * @link https://pay.weixin.qq.com/doc/v3/merchant/4012545728
     * @link https://pay.weixin.qq.com/doc/v3/partner/4012709031
     */
    post(
      data: Deposit.PostHttpMethod.JsonDataRequest,
      config: Deposit.PostHttpMethod.RequestConfig,
    ): AxiosPromise<Deposit.PostHttpMethod.WellformedResponse>;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_ {
  export interface Codes {
    deposit: Codes.Deposit;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards {
  export interface _card_id_ {
    codes: _card_id_.Codes;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing.MembercardOpen {
  export interface Cards {
    _card_id_: Cards._card_id_;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Marketing {
  export interface MembercardOpen {
    cards: MembercardOpen.Cards;
  }
}

export declare namespace WeChatPay.OpenAPI.V3 {
  export interface Marketing {
    busifavor: Marketing.Busifavor;
    membercardOpen: Marketing.MembercardOpen;
  }
}

export declare namespace WeChatPay.OpenAPI {
  export interface V3 {
    marketing: V3.Marketing;
  }
}

export interface Wechatpay {
  /** APIv3 endpoint */
  v3: WeChatPay.OpenAPI.V3;
}

export interface Paths {
  'v3/marketing/busifavor/coupons/{card_id}/send': WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons._card_id_.Send;
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes': WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes;
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit': WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_.Codes.Deposit;
}

/// <reference path="./read-stream.d.ts" />
import type { AxiosRequestConfig, AxiosPromise } from 'axios';
import type { ReadStream } from 'fs';

export declare namespace WeChatPay.OpenAPI {
  export namespace V3 {
    export namespace Bill {
      export namespace Fundflowbill {
        export namespace GetHttpMethod {
          export interface RequestConfig extends AxiosRequestConfig {
            params: {
              /** 账单日期, 格式 yyyy-MM-DD, 仅支持三个月内的日期 (max 10 chars, pattern `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`) @example 2019-06-11 */
              bill_date: string;
              /** 资金账单对应的资金账户, 不传时为 BASIC @example BASIC */
              account_type?: 'BASIC' | 'OPERATION' | 'FEES';
              /** 账单文件的压缩方式; 不传时返回未压缩的文件 @example GZIP */
              tar_type?: 'GZIP';
            };
          }

          export interface WellformedResponse {
            /** 账单文件摘要使用的算法 @example SHA1 */
            hash_type: 'SHA1';
            /** 原始账单文件 (GZIP 时为解压后的内容) 的摘要, 下载后据此校验完整性 (max 1024 chars) @example 79bb0f45fc4c42234a918000b2668d689e2bde04 */
            hash_value: string;
            /** 账单文件的下载地址, 五分钟内有效; 下载请求同样需要签名 (max 2048 chars) @example https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO */
            download_url: string;
          }
        }
      }

      export interface Fundflowbill {
        /**
         * 申请资金账单
         * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_7.shtml
         */
        get(
          config: Fundflowbill.GetHttpMethod.RequestConfig,
        ): AxiosPromise<Fundflowbill.GetHttpMethod.WellformedResponse>;
      }

      export namespace Tradebill {
        export namespace GetHttpMethod {
          export interface RequestConfig extends AxiosRequestConfig {
            params: {
              /** 账单日期, 格式 yyyy-MM-DD, 仅支持三个月内的日期 (max 10 chars, pattern `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`) @example 2019-06-11 */
              bill_date: string;
              /** 交易账单包含的订单范围, 不传时为 ALL @example ALL */
              bill_type?:
                | 'ALL'
                | 'SUCCESS'
                | 'REFUND'
                | 'RECHARGE_REFUND'
                | 'ALL_SPECIAL'
                | 'SUC_SPECIAL'
                | 'REF_SPECIAL';
              /** 账单文件的压缩方式; 不传时返回未压缩的文件 @example GZIP */
              tar_type?: 'GZIP';
            };
          }

          export interface WellformedResponse {
            /** 账单文件摘要使用的算法 @example SHA1 */
            hash_type: 'SHA1';
            /** 原始账单文件 (GZIP 时为解压后的内容) 的摘要, 下载后据此校验完整性 (max 1024 chars) @example 79bb0f45fc4c42234a918000b2668d689e2bde04 */
            hash_value: string;
            /** 账单文件的下载地址, 五分钟内有效; 下载请求同样需要签名 (max 2048 chars) @example https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO */
            download_url: string;
          }
        }
      }

      export interface Tradebill {
        /**
         * 申请交易账单
         * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_6.shtml
         */
        get(config: Tradebill.GetHttpMethod.RequestConfig): AxiosPromise<Tradebill.GetHttpMethod.WellformedResponse>;
      }
    }

    export interface Bill {
      fundflowbill: Bill.Fundflowbill;
      tradebill: Bill.Tradebill;
    }

    export namespace Billdownload {
      export namespace File {
        export namespace GetHttpMethod {
          export interface RequestConfig extends AxiosRequestConfig {
            params: {
              /** 申请账单时在 download_url 中返回的下载凭证 @example 6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO */
              token: string;
              /** 压缩方式, 申请账单时指定了 GZIP 的 download_url 中带有此参数 @example gzip */
              tartype?: string;
            };
            responseType: 'stream';
            transformResponse: [];
          }

          export interface WellformedResponse extends ReadStream {}
        }
      }

      export interface File {
        /**
         * 下载账单
         * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_8.shtml
         */
        get(config: File.GetHttpMethod.RequestConfig): AxiosPromise<File.GetHttpMethod.WellformedResponse>;
      }
    }

    export interface Billdownload {
      file: Billdownload.File;
    }

    export namespace Certificates {
      export namespace GetHttpMethod {
        export interface RequestConfig extends AxiosRequestConfig {
          params?: {
            /** 证书的算法, 不传时只返回 RSA 证书 @example RSA */
            algorithm_type?: 'RSA' | 'SM2' | 'ALL';
          };
        }

        export interface WellformedResponse {
          /** 可用的平台证书 */
          data: {
            /** 平台证书序列号, 即应答头 Wechatpay-Serial 的取值 (max 64 chars) @example 5157F09EFDC096DE15EBE81A47057A7232F1B8E1 */
            serial_no: string;
            /** 证书开始生效的时间 (max 32 chars) @example 2018-06-08T10:34:56+08:00 */
            effective_time: string | Date;
            /** 证书过期的时间 (max 32 chars) @example 2018-12-08T10:34:56+08:00 */
            expire_time: string | Date;
            /** 加密的 PEM 格式证书 */
            encrypt_certificate: {
              /** 加密算法 (max 32 chars) @example AEAD_AES_256_GCM */
              algorithm: 'AEAD_AES_256_GCM';
              /** 加密使用的随机串 (max 16 chars) @example 61f9c719728a */
              nonce: string;
              /** 加密的附加数据 (max 16 chars) @example certificate */
              associated_data: string;
              /** Base64 编码的密文, 末尾 16 字节为认证标签 @example sRvt... */
              ciphertext: string;
            };
          }[];
        }
      }
    }

    export interface Certificates {
      /**
       * 下载平台证书
       * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/wechatpay5_1.shtml
       */
      get(
        config?: Certificates.GetHttpMethod.RequestConfig,
      ): AxiosPromise<Certificates.GetHttpMethod.WellformedResponse>;
    }

    export namespace Marketing {
      export namespace Busifavor {
        export namespace Coupons {
          export namespace _card_id_ {
            export namespace Send {
              export namespace PostHttpMethod {
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
            }

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

          export interface _card_id_ {
            send: _card_id_.Send;
          }
        }

        export interface Coupons {
          _card_id_: Coupons._card_id_;
        }

        export namespace Stocks {
          export namespace _stock_id_ {
            export namespace Couponcodes {
              export namespace PostHttpMethod {
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
            }

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

          export interface _stock_id_ {
            couponcodes: _stock_id_.Couponcodes;
          }
        }

        export interface Stocks {
          _stock_id_: Stocks._stock_id_;
        }
      }

      export interface Busifavor {
        coupons: Busifavor.Coupons;
        stocks: Busifavor.Stocks;
      }

      export namespace MembercardOpen {
        export namespace Cards {
          export namespace _card_id_ {
            export namespace Codes {
              export namespace Deposit {
                export namespace PostHttpMethod {
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
              }

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

            export interface Codes {
              deposit: Codes.Deposit;
            }
          }

          export interface _card_id_ {
            codes: _card_id_.Codes;
          }
        }

        export interface Cards {
          _card_id_: Cards._card_id_;
        }
      }

      export interface MembercardOpen {
        cards: MembercardOpen.Cards;
      }
    }

    export interface Marketing {
      busifavor: Marketing.Busifavor;
      membercardOpen: Marketing.MembercardOpen;
    }

    export namespace Merchant {
      export namespace Media {
        export namespace Upload {
          export namespace PostHttpMethod {
            export interface BinaryDataRequest {
              meta: string;
              file: ReadStream;
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: BinaryDataRequest;
            }

            export interface WellformedResponse {
              /** 图片的媒体文件标识, 在其他接口中引用 (max 512 chars) @example 6uqyGjGrCf2GtyXP8bxrbuH9-aAoTjH-rKeSl3Lf4_So6kdkQu4w8BYVP3bzLtvR38lxt4PjtCDXsQpzqge_hQEovHzOhsLleGFQVRF-U_0 */
              media_id: string;
            }
          }
        }

        export interface Upload {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter2_1_1.shtml
           */
          (
            data?: Upload.PostHttpMethod.BinaryDataRequest,
            config?: Upload.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Upload.PostHttpMethod.WellformedResponse>;
          /**
           * 图片上传
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter2_1_1.shtml
           */
          post(
            data?: Upload.PostHttpMethod.BinaryDataRequest,
            config?: Upload.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Upload.PostHttpMethod.WellformedResponse>;
        }
      }

      export interface Media {
        upload: Media.Upload;
      }
    }

    export interface Merchant {
      media: Merchant.Media;
    }

    export namespace Pay {
      export namespace Transactions {
        export namespace App {
          export namespace PostHttpMethod {
            export interface JsonDataRequest {
              /** 与直连商户号绑定的 AppID (公众号、小程序、移动应用或网站应用) (max 32 chars) @example wxd678efh567hg6787 */
              appid: string;
              /** 发起下单的直连商户号 (max 32 chars) @example 1230000109 */
              mchid: string;
              /** 商品描述, 展示在用户的支付凭证上 (max 127 chars) @example Image形象店-深圳腾大-QQ公仔 */
              description: string;
              /** 商户系统内的订单号, 同一商户号下唯一; 仅限数字、大小写字母与 _-|* (6..32 chars, pattern `^[0-9A-Za-z_|*-]+$`) @example 1217752501201407033233368018 */
              out_trade_no: string;
              /** 订单的支付截止时间, 到期未支付的订单不能再支付 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
              time_expire?: string | Date;
              /** 商户自定义数据, 在查询结果和支付通知中原样返回 (max 128 chars) @example 自定义数据 */
              attach?: string;
              /** 接收支付结果通知的 https 地址, 不能带查询参数 (max 256 chars) @example https://www.weixin.qq.com/wxpay/pay.php */
              notify_url: string;
              /** 代金券或立减优惠功能使用的订单优惠标记 (max 32 chars) @example WXG */
              goods_tag?: string;
              /** 是否在支付成功消息和支付详情页展示电子发票入口 @example false */
              support_fapiao?: boolean;
              /** 订单金额 */
              amount: {
                /** 订单总金额, 单位为分 @example 100 */
                total: number;
                /** 币种, 境内商户仅支持 CNY (max 16 chars) @example CNY */
                currency?: string;
              };
              /** 单品优惠所需的商品信息 */
              detail?: {
                /** 订单原价, 单位为分; 与实付金额不一致的订单不能享受优惠 @example 608800 */
                cost_price?: number;
                /** 商家小票号 (max 32 chars) @example 微信123 */
                invoice_id?: string;
                /** 订单内的商品 (1..6000 items) */
                goods_detail?: {
                  /** 商户系统内的商品编码 (max 32 chars) @example ABC */
                  merchant_goods_id: string;
                  /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                  wechatpay_goods_id?: string;
                  /** 商品的实际名称 (max 256 chars) @example iPhoneX 256G */
                  goods_name?: string;
                  /** 购买数量 @example 1 */
                  quantity: number;
                  /** 商品单价, 单位为分 @example 828800 */
                  unit_price: number;
                }[];
              };
              /** 支付场景 */
              scene_info?: {
                /** 用户终端的 IPv4 或 IPv6 地址 (max 45 chars) @example 14.23.150.211 */
                payer_client_ip: string;
                /** 商户端设备号, 如门店收银设备编号 (max 32 chars) @example 013467007045764 */
                device_id?: string;
                /** 商户门店 */
                store_info?: {
                  /** 商户侧门店编号 (max 32 chars) @example 0001 */
                  id: string;
                  /** 门店名称 (max 256 chars) @example 腾讯大厦分店 */
                  name?: string;
                  /** 门店所在地区的行政区划码 (max 32 chars) @example 440305 */
                  area_code?: string;
                  /** 门店的详细地址 (max 512 chars) @example 广东省深圳市南山区科技中一道10000号 */
                  address?: string;
                };
              };
              /** 结算方式 */
              settle_info?: {
                /** 订单资金是否需要分账后再结算 @example false */
                profit_sharing?: boolean;
              };
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: JsonDataRequest;
            }

            export interface WellformedResponse {
              /** 预支付交易会话标识, 用于调起支付, 两小时内有效 (max 64 chars) @example wx201410272009395522657a690389285100 */
              prepay_id: string;
            }
          }
        }

        export interface App {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_2_1.shtml
           */
          (
            data: App.PostHttpMethod.JsonDataRequest,
            config?: App.PostHttpMethod.RequestConfig,
          ): AxiosPromise<App.PostHttpMethod.WellformedResponse>;
          /**
           * APP下单
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_2_1.shtml
           */
          post(
            data: App.PostHttpMethod.JsonDataRequest,
            config?: App.PostHttpMethod.RequestConfig,
          ): AxiosPromise<App.PostHttpMethod.WellformedResponse>;
        }

        export namespace H5 {
          export namespace PostHttpMethod {
            export interface JsonDataRequest {
              /** 与直连商户号绑定的 AppID (公众号、小程序、移动应用或网站应用) (max 32 chars) @example wxd678efh567hg6787 */
              appid: string;
              /** 发起下单的直连商户号 (max 32 chars) @example 1230000109 */
              mchid: string;
              /** 商品描述, 展示在用户的支付凭证上 (max 127 chars) @example Image形象店-深圳腾大-QQ公仔 */
              description: string;
              /** 商户系统内的订单号, 同一商户号下唯一; 仅限数字、大小写字母与 _-|* (6..32 chars, pattern `^[0-9A-Za-z_|*-]+$`) @example 1217752501201407033233368018 */
              out_trade_no: string;
              /** 订单的支付截止时间, 到期未支付的订单不能再支付 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
              time_expire?: string | Date;
              /** 商户自定义数据, 在查询结果和支付通知中原样返回 (max 128 chars) @example 自定义数据 */
              attach?: string;
              /** 接收支付结果通知的 https 地址, 不能带查询参数 (max 256 chars) @example https://www.weixin.qq.com/wxpay/pay.php */
              notify_url: string;
              /** 代金券或立减优惠功能使用的订单优惠标记 (max 32 chars) @example WXG */
              goods_tag?: string;
              /** 是否在支付成功消息和支付详情页展示电子发票入口 @example false */
              support_fapiao?: boolean;
              /** 订单金额 */
              amount: {
                /** 订单总金额, 单位为分 @example 100 */
                total: number;
                /** 币种, 境内商户仅支持 CNY (max 16 chars) @example CNY */
                currency?: string;
              };
              /** 单品优惠所需的商品信息 */
              detail?: {
                /** 订单原价, 单位为分; 与实付金额不一致的订单不能享受优惠 @example 608800 */
                cost_price?: number;
                /** 商家小票号 (max 32 chars) @example 微信123 */
                invoice_id?: string;
                /** 订单内的商品 (1..6000 items) */
                goods_detail?: {
                  /** 商户系统内的商品编码 (max 32 chars) @example ABC */
                  merchant_goods_id: string;
                  /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                  wechatpay_goods_id?: string;
                  /** 商品的实际名称 (max 256 chars) @example iPhoneX 256G */
                  goods_name?: string;
                  /** 购买数量 @example 1 */
                  quantity: number;
                  /** 商品单价, 单位为分 @example 828800 */
                  unit_price: number;
                }[];
              };
              /** H5 支付场景 */
              scene_info: {
                /** 用户终端的 IPv4 或 IPv6 地址 (max 45 chars) @example 14.23.150.211 */
                payer_client_ip: string;
                /** 商户端设备号, 如门店收银设备编号 (max 32 chars) @example 013467007045764 */
                device_id?: string;
                /** 商户门店 */
                store_info?: {
                  /** 商户侧门店编号 (max 32 chars) @example 0001 */
                  id: string;
                  /** 门店名称 (max 256 chars) @example 腾讯大厦分店 */
                  name?: string;
                  /** 门店所在地区的行政区划码 (max 32 chars) @example 440305 */
                  area_code?: string;
                  /** 门店的详细地址 (max 512 chars) @example 广东省深圳市南山区科技中一道10000号 */
                  address?: string;
                };
                /** 发起支付的 H5 页面所在环境 */
                h5_info: {
                  /** 场景类型, 如 iOS、Android、Wap (max 32 chars) @example iOS */
                  type: string;
                  /** 应用名称 (max 64 chars) @example 王者荣耀 */
                  app_name?: string;
                  /** 网站地址 (max 128 chars) @example https://pay.qq.com */
                  app_url?: string;
                  /** iOS 应用的 Bundle ID (max 128 chars) @example com.tencent.wzryiOS */
                  bundle_id?: string;
                  /** Android 应用的包名 (max 128 chars) @example com.tencent.tmgp.sgame */
                  package_name?: string;
                };
              };
              /** 结算方式 */
              settle_info?: {
                /** 订单资金是否需要分账后再结算 @example false */
                profit_sharing?: boolean;
              };
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: JsonDataRequest;
            }

            export interface WellformedResponse {
              /** 拉起微信支付收银台的中间页地址, 五分钟内有效 (max 512 chars) @example https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2016121516420242444321ca0631331346&package=1405458241 */
              h5_url: string;
            }
          }
        }

        export interface H5 {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_3_1.shtml
           */
          (
            data: H5.PostHttpMethod.JsonDataRequest,
            config?: H5.PostHttpMethod.RequestConfig,
          ): AxiosPromise<H5.PostHttpMethod.WellformedResponse>;
          /**
           * H5下单
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_3_1.shtml
           */
          post(
            data: H5.PostHttpMethod.JsonDataRequest,
            config?: H5.PostHttpMethod.RequestConfig,
          ): AxiosPromise<H5.PostHttpMethod.WellformedResponse>;
        }

        export namespace Id {
          export namespace _transaction_id_ {
            export namespace GetHttpMethod {
              export interface RequestConfig extends AxiosRequestConfig {
                /** 微信支付订单号 (max 32 chars) @example 1217752501201407033233368018 */
                transaction_id: string;
                params: {
                  /** 下单的直连商户号 (max 32 chars) @example 1230000109 */
                  mchid: string;
                };
              }

              export interface WellformedResponse {
                /** 下单时使用的 AppID (max 32 chars) @example wxd678efh567hg6787 */
                appid: string;
                /** 直连商户号 (max 32 chars) @example 1230000109 */
                mchid: string;
                /** 商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
                out_trade_no: string;
                /** 微信支付系统生成的订单号 (max 32 chars) @example 1217752501201407033233368018 */
                transaction_id?: string;
                /** 下单时使用的支付方式 @example JSAPI */
                trade_type?: 'JSAPI' | 'NATIVE' | 'APP' | 'MICROPAY' | 'MWEB' | 'FACEPAY';
                /** 订单当前所处的状态 @example SUCCESS */
                trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
                /** 对交易状态的说明 (max 256 chars) @example 支付成功 */
                trade_state_desc: string;
                /** 付款银行类型, 以银行编码表示 (零钱为 OTHERS) (max 32 chars) @example CMC */
                bank_type?: string;
                /** 下单时提交的商户数据, 原样返回 (max 128 chars) @example 自定义数据 */
                attach?: string;
                /** 支付完成的时间 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
                success_time?: string | Date;
                /** 付款用户 */
                payer?: {
                  /** 用户在下单 appid 下的唯一标识 (max 128 chars) @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
                  openid: string;
                };
                /** 订单金额与用户实付金额 */
                amount?: {
                  /** 订单总金额, 单位为分 @example 100 */
                  total: number;
                  /** 用户实际支付的金额, 单位为分; 支付成功后才有 @example 90 */
                  payer_total?: number;
                  /** 订单币种 (max 16 chars) @example CNY */
                  currency?: string;
                  /** 用户支付的币种 (max 16 chars) @example CNY */
                  payer_currency?: string;
                };
                /** 支付场景 */
                scene_info?: {
                  /** 下单时提交的商户端设备号 (max 32 chars) @example 013467007045764 */
                  device_id?: string;
                };
                /** 订单享受的优惠 */
                promotion_detail?: {
                  /** 券或立减优惠的 ID (max 32 chars) @example 109519 */
                  coupon_id: string;
                  /** 优惠名称 (max 64 chars) @example 单品惠-6 */
                  name?: string;
                  /** 优惠的适用范围, GLOBAL 为全场, SINGLE 为单品 @example GLOBAL */
                  scope?: 'GLOBAL' | 'SINGLE';
                  /** 优惠的资金类型, CASH 为充值型, NOCASH 为免充值型 @example CASH */
                  type?: 'CASH' | 'NOCASH';
                  /** 优惠金额, 单位为分 @example 10 */
                  amount: number;
                  /** 优惠活动的批次 ID (max 32 chars) @example 931386 */
                  stock_id?: string;
                  /** 微信出资的部分, 单位为分 @example 0 */
                  wechatpay_contribute?: number;
                  /** 商户出资的部分, 单位为分 @example 10 */
                  merchant_contribute?: number;
                  /** 其他出资方出资的部分, 单位为分 @example 0 */
                  other_contribute?: number;
                  /** 优惠币种 (max 16 chars) @example CNY */
                  currency?: string;
                  /** 享受了单品优惠的商品 */
                  goods_detail?: {
                    /** 商品编码 (max 32 chars) @example M1006 */
                    goods_id: string;
                    /** 购买数量 @example 1 */
                    quantity: number;
                    /** 商品单价, 单位为分 @example 100 */
                    unit_price: number;
                    /** 该商品分摊到的优惠金额, 单位为分 @example 10 */
                    discount_amount: number;
                    /** 商品备注 (max 128 chars) @example 商品备注信息 */
                    goods_remark?: string;
                  }[];
                }[];
              }
            }
          }

          export interface _transaction_id_ {
            /**
             * 微信支付订单号查询订单
             * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_2.shtml
             */
            get(
              config: _transaction_id_.GetHttpMethod.RequestConfig,
            ): AxiosPromise<_transaction_id_.GetHttpMethod.WellformedResponse>;
          }
        }

        export interface Id {
          _transaction_id_: Id._transaction_id_;
        }

        export namespace Jsapi {
          export namespace PostHttpMethod {
            export interface JsonDataRequest {
              /** 与直连商户号绑定的 AppID (公众号、小程序、移动应用或网站应用) (max 32 chars) @example wxd678efh567hg6787 */
              appid: string;
              /** 发起下单的直连商户号 (max 32 chars) @example 1230000109 */
              mchid: string;
              /** 商品描述, 展示在用户的支付凭证上 (max 127 chars) @example Image形象店-深圳腾大-QQ公仔 */
              description: string;
              /** 商户系统内的订单号, 同一商户号下唯一; 仅限数字、大小写字母与 _-|* (6..32 chars, pattern `^[0-9A-Za-z_|*-]+$`) @example 1217752501201407033233368018 */
              out_trade_no: string;
              /** 订单的支付截止时间, 到期未支付的订单不能再支付 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
              time_expire?: string | Date;
              /** 商户自定义数据, 在查询结果和支付通知中原样返回 (max 128 chars) @example 自定义数据 */
              attach?: string;
              /** 接收支付结果通知的 https 地址, 不能带查询参数 (max 256 chars) @example https://www.weixin.qq.com/wxpay/pay.php */
              notify_url: string;
              /** 代金券或立减优惠功能使用的订单优惠标记 (max 32 chars) @example WXG */
              goods_tag?: string;
              /** 是否在支付成功消息和支付详情页展示电子发票入口 @example false */
              support_fapiao?: boolean;
              /** 订单金额 */
              amount: {
                /** 订单总金额, 单位为分 @example 100 */
                total: number;
                /** 币种, 境内商户仅支持 CNY (max 16 chars) @example CNY */
                currency?: string;
              };
              /** 单品优惠所需的商品信息 */
              detail?: {
                /** 订单原价, 单位为分; 与实付金额不一致的订单不能享受优惠 @example 608800 */
                cost_price?: number;
                /** 商家小票号 (max 32 chars) @example 微信123 */
                invoice_id?: string;
                /** 订单内的商品 (1..6000 items) */
                goods_detail?: {
                  /** 商户系统内的商品编码 (max 32 chars) @example ABC */
                  merchant_goods_id: string;
                  /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                  wechatpay_goods_id?: string;
                  /** 商品的实际名称 (max 256 chars) @example iPhoneX 256G */
                  goods_name?: string;
                  /** 购买数量 @example 1 */
                  quantity: number;
                  /** 商品单价, 单位为分 @example 828800 */
                  unit_price: number;
                }[];
              };
              /** 支付场景 */
              scene_info?: {
                /** 用户终端的 IPv4 或 IPv6 地址 (max 45 chars) @example 14.23.150.211 */
                payer_client_ip: string;
                /** 商户端设备号, 如门店收银设备编号 (max 32 chars) @example 013467007045764 */
                device_id?: string;
                /** 商户门店 */
                store_info?: {
                  /** 商户侧门店编号 (max 32 chars) @example 0001 */
                  id: string;
                  /** 门店名称 (max 256 chars) @example 腾讯大厦分店 */
                  name?: string;
                  /** 门店所在地区的行政区划码 (max 32 chars) @example 440305 */
                  area_code?: string;
                  /** 门店的详细地址 (max 512 chars) @example 广东省深圳市南山区科技中一道10000号 */
                  address?: string;
                };
              };
              /** 结算方式 */
              settle_info?: {
                /** 订单资金是否需要分账后再结算 @example false */
                profit_sharing?: boolean;
              };
              /** 付款用户 */
              payer: {
                /** 用户在下单 appid 下的唯一标识 (max 128 chars) @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
                openid: string;
              };
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: JsonDataRequest;
            }

            export interface WellformedResponse {
              /** 预支付交易会话标识, 用于调起支付, 两小时内有效 (max 64 chars) @example wx201410272009395522657a690389285100 */
              prepay_id: string;
            }
          }
        }

        export interface Jsapi {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_1.shtml
           */
          (
            data: Jsapi.PostHttpMethod.JsonDataRequest,
            config?: Jsapi.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Jsapi.PostHttpMethod.WellformedResponse>;
          /**
           * JSAPI/小程序下单
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_1.shtml
           */
          post(
            data: Jsapi.PostHttpMethod.JsonDataRequest,
            config?: Jsapi.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Jsapi.PostHttpMethod.WellformedResponse>;
        }

        export namespace Native {
          export namespace PostHttpMethod {
            export interface JsonDataRequest {
              /** 与直连商户号绑定的 AppID (公众号、小程序、移动应用或网站应用) (max 32 chars) @example wxd678efh567hg6787 */
              appid: string;
              /** 发起下单的直连商户号 (max 32 chars) @example 1230000109 */
              mchid: string;
              /** 商品描述, 展示在用户的支付凭证上 (max 127 chars) @example Image形象店-深圳腾大-QQ公仔 */
              description: string;
              /** 商户系统内的订单号, 同一商户号下唯一; 仅限数字、大小写字母与 _-|* (6..32 chars, pattern `^[0-9A-Za-z_|*-]+$`) @example 1217752501201407033233368018 */
              out_trade_no: string;
              /** 订单的支付截止时间, 到期未支付的订单不能再支付 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
              time_expire?: string | Date;
              /** 商户自定义数据, 在查询结果和支付通知中原样返回 (max 128 chars) @example 自定义数据 */
              attach?: string;
              /** 接收支付结果通知的 https 地址, 不能带查询参数 (max 256 chars) @example https://www.weixin.qq.com/wxpay/pay.php */
              notify_url: string;
              /** 代金券或立减优惠功能使用的订单优惠标记 (max 32 chars) @example WXG */
              goods_tag?: string;
              /** 是否在支付成功消息和支付详情页展示电子发票入口 @example false */
              support_fapiao?: boolean;
              /** 订单金额 */
              amount: {
                /** 订单总金额, 单位为分 @example 100 */
                total: number;
                /** 币种, 境内商户仅支持 CNY (max 16 chars) @example CNY */
                currency?: string;
              };
              /** 单品优惠所需的商品信息 */
              detail?: {
                /** 订单原价, 单位为分; 与实付金额不一致的订单不能享受优惠 @example 608800 */
                cost_price?: number;
                /** 商家小票号 (max 32 chars) @example 微信123 */
                invoice_id?: string;
                /** 订单内的商品 (1..6000 items) */
                goods_detail?: {
                  /** 商户系统内的商品编码 (max 32 chars) @example ABC */
                  merchant_goods_id: string;
                  /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                  wechatpay_goods_id?: string;
                  /** 商品的实际名称 (max 256 chars) @example iPhoneX 256G */
                  goods_name?: string;
                  /** 购买数量 @example 1 */
                  quantity: number;
                  /** 商品单价, 单位为分 @example 828800 */
                  unit_price: number;
                }[];
              };
              /** 支付场景 */
              scene_info?: {
                /** 用户终端的 IPv4 或 IPv6 地址 (max 45 chars) @example 14.23.150.211 */
                payer_client_ip: string;
                /** 商户端设备号, 如门店收银设备编号 (max 32 chars) @example 013467007045764 */
                device_id?: string;
                /** 商户门店 */
                store_info?: {
                  /** 商户侧门店编号 (max 32 chars) @example 0001 */
                  id: string;
                  /** 门店名称 (max 256 chars) @example 腾讯大厦分店 */
                  name?: string;
                  /** 门店所在地区的行政区划码 (max 32 chars) @example 440305 */
                  area_code?: string;
                  /** 门店的详细地址 (max 512 chars) @example 广东省深圳市南山区科技中一道10000号 */
                  address?: string;
                };
              };
              /** 结算方式 */
              settle_info?: {
                /** 订单资金是否需要分账后再结算 @example false */
                profit_sharing?: boolean;
              };
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: JsonDataRequest;
            }

            export interface WellformedResponse {
              /** 供生成支付二维码的链接, 两小时内有效 (max 64 chars) @example weixin://wxpay/bizpayurl/up?pr=NwY5Mz9&groupid=00 */
              code_url: string;
            }
          }
        }

        export interface Native {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_4_1.shtml
           */
          (
            data: Native.PostHttpMethod.JsonDataRequest,
            config?: Native.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Native.PostHttpMethod.WellformedResponse>;
          /**
           * Native下单
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_4_1.shtml
           */
          post(
            data: Native.PostHttpMethod.JsonDataRequest,
            config?: Native.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Native.PostHttpMethod.WellformedResponse>;
        }

        export namespace OutTradeNo {
          export namespace _out_trade_no_ {
            export namespace GetHttpMethod {
              export interface RequestConfig extends AxiosRequestConfig {
                /** 商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
                out_trade_no: string;
                params: {
                  /** 下单的直连商户号 (max 32 chars) @example 1230000109 */
                  mchid: string;
                };
              }

              export interface WellformedResponse {
                /** 下单时使用的 AppID (max 32 chars) @example wxd678efh567hg6787 */
                appid: string;
                /** 直连商户号 (max 32 chars) @example 1230000109 */
                mchid: string;
                /** 商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
                out_trade_no: string;
                /** 微信支付系统生成的订单号 (max 32 chars) @example 1217752501201407033233368018 */
                transaction_id?: string;
                /** 下单时使用的支付方式 @example JSAPI */
                trade_type?: 'JSAPI' | 'NATIVE' | 'APP' | 'MICROPAY' | 'MWEB' | 'FACEPAY';
                /** 订单当前所处的状态 @example SUCCESS */
                trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
                /** 对交易状态的说明 (max 256 chars) @example 支付成功 */
                trade_state_desc: string;
                /** 付款银行类型, 以银行编码表示 (零钱为 OTHERS) (max 32 chars) @example CMC */
                bank_type?: string;
                /** 下单时提交的商户数据, 原样返回 (max 128 chars) @example 自定义数据 */
                attach?: string;
                /** 支付完成的时间 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
                success_time?: string | Date;
                /** 付款用户 */
                payer?: {
                  /** 用户在下单 appid 下的唯一标识 (max 128 chars) @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
                  openid: string;
                };
                /** 订单金额与用户实付金额 */
                amount?: {
                  /** 订单总金额, 单位为分 @example 100 */
                  total: number;
                  /** 用户实际支付的金额, 单位为分; 支付成功后才有 @example 90 */
                  payer_total?: number;
                  /** 订单币种 (max 16 chars) @example CNY */
                  currency?: string;
                  /** 用户支付的币种 (max 16 chars) @example CNY */
                  payer_currency?: string;
                };
                /** 支付场景 */
                scene_info?: {
                  /** 下单时提交的商户端设备号 (max 32 chars) @example 013467007045764 */
                  device_id?: string;
                };
                /** 订单享受的优惠 */
                promotion_detail?: {
                  /** 券或立减优惠的 ID (max 32 chars) @example 109519 */
                  coupon_id: string;
                  /** 优惠名称 (max 64 chars) @example 单品惠-6 */
                  name?: string;
                  /** 优惠的适用范围, GLOBAL 为全场, SINGLE 为单品 @example GLOBAL */
                  scope?: 'GLOBAL' | 'SINGLE';
                  /** 优惠的资金类型, CASH 为充值型, NOCASH 为免充值型 @example CASH */
                  type?: 'CASH' | 'NOCASH';
                  /** 优惠金额, 单位为分 @example 10 */
                  amount: number;
                  /** 优惠活动的批次 ID (max 32 chars) @example 931386 */
                  stock_id?: string;
                  /** 微信出资的部分, 单位为分 @example 0 */
                  wechatpay_contribute?: number;
                  /** 商户出资的部分, 单位为分 @example 10 */
                  merchant_contribute?: number;
                  /** 其他出资方出资的部分, 单位为分 @example 0 */
                  other_contribute?: number;
                  /** 优惠币种 (max 16 chars) @example CNY */
                  currency?: string;
                  /** 享受了单品优惠的商品 */
                  goods_detail?: {
                    /** 商品编码 (max 32 chars) @example M1006 */
                    goods_id: string;
                    /** 购买数量 @example 1 */
                    quantity: number;
                    /** 商品单价, 单位为分 @example 100 */
                    unit_price: number;
                    /** 该商品分摊到的优惠金额, 单位为分 @example 10 */
                    discount_amount: number;
                    /** 商品备注 (max 128 chars) @example 商品备注信息 */
                    goods_remark?: string;
                  }[];
                }[];
              }
            }

            export namespace Close {
              export namespace PostHttpMethod {
                export interface JsonDataRequest {
                  /** 下单的直连商户号 (max 32 chars) @example 1230000109 */
                  mchid: string;
                }

                export interface RequestConfig extends AxiosRequestConfig {
                  data?: JsonDataRequest;
                  /** 要关闭的订单的商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
                  out_trade_no: string;
                }

                export interface WellformedResponse {}
              }
            }

            export interface Close {
              /**
               * shortland
               * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_3.shtml
               */
              (
                data: Close.PostHttpMethod.JsonDataRequest,
                config: Close.PostHttpMethod.RequestConfig,
              ): AxiosPromise<Close.PostHttpMethod.WellformedResponse>;
              /**
               * 关闭订单
               * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_3.shtml
               */
              post(
                data: Close.PostHttpMethod.JsonDataRequest,
                config: Close.PostHttpMethod.RequestConfig,
              ): AxiosPromise<Close.PostHttpMethod.WellformedResponse>;
            }
          }

          export interface _out_trade_no_ {
            close: _out_trade_no_.Close;
            /**
             * 商户订单号查询订单
             * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_2.shtml
             */
            get(
              config: _out_trade_no_.GetHttpMethod.RequestConfig,
            ): AxiosPromise<_out_trade_no_.GetHttpMethod.WellformedResponse>;
          }
        }

        export interface OutTradeNo {
          _out_trade_no_: OutTradeNo._out_trade_no_;
        }
      }

      export interface Transactions {
        app: Transactions.App;
        h5: Transactions.H5;
        id: Transactions.Id;
        jsapi: Transactions.Jsapi;
        native: Transactions.Native;
        outTradeNo: Transactions.OutTradeNo;
      }
    }

    export interface Pay {
      transactions: Pay.Transactions;
    }

    export namespace Refund {
      export namespace Domestic {
        export namespace Refunds {
          export namespace PostHttpMethod {
            export interface JsonDataRequest {
              /** 原订单的微信支付订单号; 与 out_trade_no 二选一, 都传时以本字段为准 (max 32 chars) @example 1217752501201407033233368018 */
              transaction_id?: string;
              /** 原订单的商户订单号; 与 transaction_id 二选一 (max 32 chars) @example 1217752501201407033233368018 */
              out_trade_no?: string;
              /** 商户系统内的退款单号, 同一商户号下唯一; 仅限数字、大小写字母与 _-|*@ (max 64 chars, pattern `^[0-9A-Za-z_|*@-]+$`) @example 1217752501201407033233368018 */
              out_refund_no: string;
              /** 退款原因, 会展示在用户收到的退款消息中 (max 80 chars) @example 商品已售完 */
              reason?: string;
              /** 接收退款结果通知的 https 地址; 不传时不发送退款通知 (max 256 chars) @example https://weixin.qq.com */
              notify_url?: string;
              /** 退款资金来源; 传 AVAILABLE 时从可用余额退款, 不传时按商户的默认方式 (max 32 chars) @example AVAILABLE */
              funds_account?: 'AVAILABLE';
              /** 退款金额 */
              amount: {
                /** 本次退款的金额, 单位为分, 不能超过原订单金额 @example 888 */
                refund: number;
                /** 指定各出资账户的出资金额, 总和须等于退款金额 */
                from?: {
                  /** 指定出资的账户类型 @example AVAILABLE */
                  account: 'AVAILABLE' | 'UNAVAILABLE';
                  /** 该账户出资的金额, 单位为分 @example 444 */
                  amount: number;
                }[];
                /** 原订单金额, 单位为分 @example 888 */
                total: number;
                /** 退款币种, 境内商户仅支持 CNY (max 16 chars) @example CNY */
                currency: string;
              };
              /** 指定退款的商品, 单品优惠的订单按商品退款时传 (min 1 items) */
              goods_detail?: {
                /** 下单时提交的商户侧商品编码 (max 32 chars) @example 1217752501201407033233368018 */
                merchant_goods_id: string;
                /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                wechatpay_goods_id?: string;
                /** 商品名称 (max 256 chars) @example iPhone6s 16G */
                goods_name?: string;
                /** 商品单价, 单位为分 @example 528800 */
                unit_price: number;
                /** 该商品退款的金额, 单位为分 @example 528800 */
                refund_amount: number;
                /** 退货数量 @example 1 */
                refund_quantity: number;
              }[];
            }

            export interface RequestConfig extends AxiosRequestConfig {
              data?: JsonDataRequest;
            }

            export interface WellformedResponse {
              /** 微信支付系统生成的退款单号 (max 32 chars) @example 50000000382019052709732678859 */
              refund_id: string;
              /** 商户系统内的退款单号 (max 64 chars) @example 1217752501201407033233368018 */
              out_refund_no: string;
              /** 原订单的微信支付订单号 (max 32 chars) @example 1217752501201407033233368018 */
              transaction_id: string;
              /** 原订单的商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
              out_trade_no: string;
              /** 退款资金退回的渠道 @example ORIGINAL */
              channel: 'ORIGINAL' | 'BALANCE' | 'OTHER_BALANCE' | 'OTHER_BANKCARD';
              /** 退款入账的用户账户, 如 "招商银行信用卡0403" 或 "支付用户零钱" (max 64 chars) @example 招商银行信用卡0403 */
              user_received_account: string;
              /** 退款到账的时间, 退款成功后才有 (max 64 chars) @example 2020-12-01T16:18:12+08:00 */
              success_time?: string | Date;
              /** 退款受理的时间 (max 64 chars) @example 2020-12-01T16:18:12+08:00 */
              create_time: string | Date;
              /** 退款单当前所处的状态 @example SUCCESS */
              status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
              /** 退款资金出自的商户资金账户 @example AVAILABLE */
              funds_account?: 'UNSETTLED' | 'AVAILABLE' | 'UNAVAILABLE' | 'OPERATION' | 'BASIC' | 'ECNY_BASIC';
              /** 退款金额的构成 */
              amount: {
                /** 原订单金额, 单位为分 @example 100 */
                total: number;
                /** 退款金额, 单位为分 @example 100 */
                refund: number;
                /** 各出资账户的出资金额 */
                from?: {
                  /** 指定出资的账户类型 @example AVAILABLE */
                  account: 'AVAILABLE' | 'UNAVAILABLE';
                  /** 该账户出资的金额, 单位为分 @example 444 */
                  amount: number;
                }[];
                /** 用户实际支付的金额, 单位为分 @example 90 */
                payer_total: number;
                /** 退回用户的金额, 单位为分 @example 90 */
                payer_refund: number;
                /** 扣除非充值型代金券后的退款金额, 单位为分 @example 100 */
                settlement_refund: number;
                /** 扣除非充值型代金券后的订单金额, 单位为分 @example 100 */
                settlement_total: number;
                /** 随退款退回的优惠金额, 单位为分 @example 10 */
                discount_refund: number;
                /** 退款币种 (max 16 chars) @example CNY */
                currency: string;
                /** 退还的手续费, 单位为分 @example 1 */
                refund_fee?: number;
              };
              /** 随退款退回的优惠 */
              promotion_detail?: {
                /** 券或立减优惠的 ID (max 32 chars) @example 109519 */
                promotion_id: string;
                /** 优惠的适用范围, GLOBAL 为全场, SINGLE 为单品 @example GLOBAL */
                scope: 'GLOBAL' | 'SINGLE';
                /** 被退回的优惠的类型, COUPON 为充值型代金券, DISCOUNT 为免充值型优惠券 @example DISCOUNT */
                type: 'COUPON' | 'DISCOUNT';
                /** 优惠的总金额, 单位为分 @example 5 */
                amount: number;
                /** 本次退回的优惠金额, 单位为分 @example 5 */
                refund_amount: number;
                /** 优惠涉及的退款商品 */
                goods_detail?: {
                  /** 下单时提交的商户侧商品编码 (max 32 chars) @example 1217752501201407033233368018 */
                  merchant_goods_id: string;
                  /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                  wechatpay_goods_id?: string;
                  /** 商品名称 (max 256 chars) @example iPhone6s 16G */
                  goods_name?: string;
                  /** 商品单价, 单位为分 @example 528800 */
                  unit_price: number;
                  /** 该商品退款的金额, 单位为分 @example 528800 */
                  refund_amount: number;
                  /** 退货数量 @example 1 */
                  refund_quantity: number;
                }[];
              }[];
            }
          }

          export namespace _out_refund_no_ {
            export namespace GetHttpMethod {
              export interface RequestConfig extends AxiosRequestConfig {
                /** 商户退款单号 (max 64 chars) @example 1217752501201407033233368018 */
                out_refund_no: string;
              }

              export interface WellformedResponse {
                /** 微信支付系统生成的退款单号 (max 32 chars) @example 50000000382019052709732678859 */
                refund_id: string;
                /** 商户系统内的退款单号 (max 64 chars) @example 1217752501201407033233368018 */
                out_refund_no: string;
                /** 原订单的微信支付订单号 (max 32 chars) @example 1217752501201407033233368018 */
                transaction_id: string;
                /** 原订单的商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
                out_trade_no: string;
                /** 退款资金退回的渠道 @example ORIGINAL */
                channel: 'ORIGINAL' | 'BALANCE' | 'OTHER_BALANCE' | 'OTHER_BANKCARD';
                /** 退款入账的用户账户, 如 "招商银行信用卡0403" 或 "支付用户零钱" (max 64 chars) @example 招商银行信用卡0403 */
                user_received_account: string;
                /** 退款到账的时间, 退款成功后才有 (max 64 chars) @example 2020-12-01T16:18:12+08:00 */
                success_time?: string | Date;
                /** 退款受理的时间 (max 64 chars) @example 2020-12-01T16:18:12+08:00 */
                create_time: string | Date;
                /** 退款单当前所处的状态 @example SUCCESS */
                status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
                /** 退款资金出自的商户资金账户 @example AVAILABLE */
                funds_account?: 'UNSETTLED' | 'AVAILABLE' | 'UNAVAILABLE' | 'OPERATION' | 'BASIC' | 'ECNY_BASIC';
                /** 退款金额的构成 */
                amount: {
                  /** 原订单金额, 单位为分 @example 100 */
                  total: number;
                  /** 退款金额, 单位为分 @example 100 */
                  refund: number;
                  /** 各出资账户的出资金额 */
                  from?: {
                    /** 指定出资的账户类型 @example AVAILABLE */
                    account: 'AVAILABLE' | 'UNAVAILABLE';
                    /** 该账户出资的金额, 单位为分 @example 444 */
                    amount: number;
                  }[];
                  /** 用户实际支付的金额, 单位为分 @example 90 */
                  payer_total: number;
                  /** 退回用户的金额, 单位为分 @example 90 */
                  payer_refund: number;
                  /** 扣除非充值型代金券后的退款金额, 单位为分 @example 100 */
                  settlement_refund: number;
                  /** 扣除非充值型代金券后的订单金额, 单位为分 @example 100 */
                  settlement_total: number;
                  /** 随退款退回的优惠金额, 单位为分 @example 10 */
                  discount_refund: number;
                  /** 退款币种 (max 16 chars) @example CNY */
                  currency: string;
                  /** 退还的手续费, 单位为分 @example 1 */
                  refund_fee?: number;
                };
                /** 随退款退回的优惠 */
                promotion_detail?: {
                  /** 券或立减优惠的 ID (max 32 chars) @example 109519 */
                  promotion_id: string;
                  /** 优惠的适用范围, GLOBAL 为全场, SINGLE 为单品 @example GLOBAL */
                  scope: 'GLOBAL' | 'SINGLE';
                  /** 被退回的优惠的类型, COUPON 为充值型代金券, DISCOUNT 为免充值型优惠券 @example DISCOUNT */
                  type: 'COUPON' | 'DISCOUNT';
                  /** 优惠的总金额, 单位为分 @example 5 */
                  amount: number;
                  /** 本次退回的优惠金额, 单位为分 @example 5 */
                  refund_amount: number;
                  /** 优惠涉及的退款商品 */
                  goods_detail?: {
                    /** 下单时提交的商户侧商品编码 (max 32 chars) @example 1217752501201407033233368018 */
                    merchant_goods_id: string;
                    /** 在微信支付登记的商品编码 (max 32 chars) @example 1001 */
                    wechatpay_goods_id?: string;
                    /** 商品名称 (max 256 chars) @example iPhone6s 16G */
                    goods_name?: string;
                    /** 商品单价, 单位为分 @example 528800 */
                    unit_price: number;
                    /** 该商品退款的金额, 单位为分 @example 528800 */
                    refund_amount: number;
                    /** 退货数量 @example 1 */
                    refund_quantity: number;
                  }[];
                }[];
              }
            }
          }

          export interface _out_refund_no_ {
            /**
             * 查询单笔退款
             * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_10.shtml
             */
            get(
              config: _out_refund_no_.GetHttpMethod.RequestConfig,
            ): AxiosPromise<_out_refund_no_.GetHttpMethod.WellformedResponse>;
          }
        }

        export interface Refunds {
          /**
           * shortland
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_9.shtml
           */
          (
            data: Refunds.PostHttpMethod.JsonDataRequest,
            config?: Refunds.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Refunds.PostHttpMethod.WellformedResponse>;
          _out_refund_no_: Refunds._out_refund_no_;
          /**
           * 申请退款
           * @link https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_1_9.shtml
           */
          post(
            data: Refunds.PostHttpMethod.JsonDataRequest,
            config?: Refunds.PostHttpMethod.RequestConfig,
          ): AxiosPromise<Refunds.PostHttpMethod.WellformedResponse>;
        }
      }

      export interface Domestic {
        refunds: Domestic.Refunds;
      }
    }

    export interface Refund {
      domestic: Refund.Domestic;
    }
  }

  export interface V3 {
    bill: V3.Bill;
    billdownload: V3.Billdownload;
    certificates: V3.Certificates;
    marketing: V3.Marketing;
    merchant: V3.Merchant;
    pay: V3.Pay;
    refund: V3.Refund;
  }
}

export declare namespace WeChatPay.OpenAPI.V3.Notifications {
  export interface Envelope {
    /** 通知的唯一 ID (max 36 chars) @example EV-2018022511223320873 */
    id: string;
    /** 通知创建的时间 (max 32 chars) @example 2015-05-20T13:29:35+08:00 */
    create_time: string | Date;
    /** 通知的类型, 如 TRANSACTION.SUCCESS、REFUND.SUCCESS (max 32 chars) @example TRANSACTION.SUCCESS */
    event_type: string;
    /** resource 的数据类型, 加密数据为 encrypt-resource (max 32 chars) @example encrypt-resource */
    resource_type: string;
    /** 以 APIv3 密钥经 AEAD_AES_256_GCM 加密的通知数据 */
    resource: {
      /** 加密算法 (max 32 chars) @example AEAD_AES_256_GCM */
      algorithm: 'AEAD_AES_256_GCM';
      /** Base64 编码的密文, 末尾 16 字节为认证标签 (max 1048576 chars) @example fdasfjihihihlkja484w... */
      ciphertext: string;
      /** 附加数据, 可能为空 (max 16 chars) @example transaction */
      associated_data?: string;
      /** 加密前的对象类型, 如 transaction、refund (max 16 chars) @example transaction */
      original_type: string;
      /** 加密使用的随机串 (max 16 chars) @example fdasflkja484w */
      nonce: string;
    };
    /** 微信支付对通知内容的简短说明 (max 64 chars) @example 支付成功 */
    summary: string;
  }

  export interface RefundNotification {
    /** 直连商户号 (max 32 chars) @example 1900000100 */
    mchid: string;
    /** 原订单的商户订单号 (max 32 chars) @example 20150806125346 */
    out_trade_no: string;
    /** 原订单的微信支付订单号 (max 32 chars) @example 1217752501201407033233368018 */
    transaction_id: string;
    /** 商户退款单号 (max 64 chars) @example 1217752501201407033233368018 */
    out_refund_no: string;
    /** 微信支付退款单号 (max 32 chars) @example 50000000382019052709732678859 */
    refund_id: string;
    /** 通知送达时退款单的最终状态 @example SUCCESS */
    refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
    /** 退款到账的时间, 退款成功时才有 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
    success_time?: string | Date;
    /** 退款入账的用户账户 (max 64 chars) @example 招商银行信用卡0403 */
    user_received_account: string;
    /** 退款金额 */
    amount: {
      /** 原订单金额, 单位为分 @example 999 */
      total: number;
      /** 退款金额, 单位为分 @example 999 */
      refund: number;
      /** 用户实际支付的金额, 单位为分 @example 999 */
      payer_total: number;
      /** 退回用户的金额, 单位为分 @example 999 */
      payer_refund: number;
    };
  }

  export interface Transaction {
    /** 下单时使用的 AppID (max 32 chars) @example wxd678efh567hg6787 */
    appid: string;
    /** 直连商户号 (max 32 chars) @example 1230000109 */
    mchid: string;
    /** 商户订单号 (max 32 chars) @example 1217752501201407033233368018 */
    out_trade_no: string;
    /** 微信支付系统生成的订单号 (max 32 chars) @example 1217752501201407033233368018 */
    transaction_id?: string;
    /** 下单时使用的支付方式 @example JSAPI */
    trade_type?: 'JSAPI' | 'NATIVE' | 'APP' | 'MICROPAY' | 'MWEB' | 'FACEPAY';
    /** 订单当前所处的状态 @example SUCCESS */
    trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
    /** 对交易状态的说明 (max 256 chars) @example 支付成功 */
    trade_state_desc: string;
    /** 付款银行类型, 以银行编码表示 (零钱为 OTHERS) (max 32 chars) @example CMC */
    bank_type?: string;
    /** 下单时提交的商户数据, 原样返回 (max 128 chars) @example 自定义数据 */
    attach?: string;
    /** 支付完成的时间 (max 64 chars) @example 2018-06-08T10:34:56+08:00 */
    success_time?: string | Date;
    /** 付款用户 */
    payer?: {
      /** 用户在下单 appid 下的唯一标识 (max 128 chars) @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
      openid: string;
    };
    /** 订单金额与用户实付金额 */
    amount?: {
      /** 订单总金额, 单位为分 @example 100 */
      total: number;
      /** 用户实际支付的金额, 单位为分; 支付成功后才有 @example 90 */
      payer_total?: number;
      /** 订单币种 (max 16 chars) @example CNY */
      currency?: string;
      /** 用户支付的币种 (max 16 chars) @example CNY */
      payer_currency?: string;
    };
    /** 支付场景 */
    scene_info?: {
      /** 下单时提交的商户端设备号 (max 32 chars) @example 013467007045764 */
      device_id?: string;
    };
    /** 订单享受的优惠 */
    promotion_detail?: {
      /** 券或立减优惠的 ID (max 32 chars) @example 109519 */
      coupon_id: string;
      /** 优惠名称 (max 64 chars) @example 单品惠-6 */
      name?: string;
      /** 优惠的适用范围, GLOBAL 为全场, SINGLE 为单品 @example GLOBAL */
      scope?: 'GLOBAL' | 'SINGLE';
      /** 优惠的资金类型, CASH 为充值型, NOCASH 为免充值型 @example CASH */
      type?: 'CASH' | 'NOCASH';
      /** 优惠金额, 单位为分 @example 10 */
      amount: number;
      /** 优惠活动的批次 ID (max 32 chars) @example 931386 */
      stock_id?: string;
      /** 微信出资的部分, 单位为分 @example 0 */
      wechatpay_contribute?: number;
      /** 商户出资的部分, 单位为分 @example 10 */
      merchant_contribute?: number;
      /** 其他出资方出资的部分, 单位为分 @example 0 */
      other_contribute?: number;
      /** 优惠币种 (max 16 chars) @example CNY */
      currency?: string;
      /** 享受了单品优惠的商品 */
      goods_detail?: {
        /** 商品编码 (max 32 chars) @example M1006 */
        goods_id: string;
        /** 购买数量 @example 1 */
        quantity: number;
        /** 商品单价, 单位为分 @example 100 */
        unit_price: number;
        /** 该商品分摊到的优惠金额, 单位为分 @example 10 */
        discount_amount: number;
        /** 商品备注 (max 128 chars) @example 商品备注信息 */
        goods_remark?: string;
      }[];
    }[];
  }
}

/** `event_type` of each notification -> its `resource`, decrypted */
export interface Notifications {
  /** 退款异常通知 */
  'REFUND.ABNORMAL': WeChatPay.OpenAPI.V3.Notifications.RefundNotification;
  /** 退款关闭通知 */
  'REFUND.CLOSED': WeChatPay.OpenAPI.V3.Notifications.RefundNotification;
  /** 退款成功通知 */
  'REFUND.SUCCESS': WeChatPay.OpenAPI.V3.Notifications.RefundNotification;
  /** 支付成功通知 */
  'TRANSACTION.SUCCESS': WeChatPay.OpenAPI.V3.Notifications.Transaction;
}

export interface Wechatpay {
  /** APIv3 endpoint */
  v3: WeChatPay.OpenAPI.V3;
}

export interface Paths {
  'v3/bill/fundflowbill': WeChatPay.OpenAPI.V3.Bill.Fundflowbill;
  'v3/bill/tradebill': WeChatPay.OpenAPI.V3.Bill.Tradebill;
  'v3/billdownload/file': WeChatPay.OpenAPI.V3.Billdownload.File;
  'v3/certificates': WeChatPay.OpenAPI.V3.Certificates;
  'v3/marketing/busifavor/coupons/{card_id}/send': WeChatPay.OpenAPI.V3.Marketing.Busifavor.Coupons._card_id_.Send;
  'v3/marketing/busifavor/stocks/{stock_id}/couponcodes': WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes;
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit': WeChatPay.OpenAPI.V3.Marketing.MembercardOpen.Cards._card_id_.Codes.Deposit;
  'v3/merchant/media/upload': WeChatPay.OpenAPI.V3.Merchant.Media.Upload;
  'v3/pay/transactions/app': WeChatPay.OpenAPI.V3.Pay.Transactions.App;
  'v3/pay/transactions/h5': WeChatPay.OpenAPI.V3.Pay.Transactions.H5;
  'v3/pay/transactions/id/{transaction_id}': WeChatPay.OpenAPI.V3.Pay.Transactions.Id._transaction_id_;
  'v3/pay/transactions/jsapi': WeChatPay.OpenAPI.V3.Pay.Transactions.Jsapi;
  'v3/pay/transactions/native': WeChatPay.OpenAPI.V3.Pay.Transactions.Native;
  'v3/pay/transactions/out-trade-no/{out_trade_no}': WeChatPay.OpenAPI.V3.Pay.Transactions.OutTradeNo._out_trade_no_;
  'v3/pay/transactions/out-trade-no/{out_trade_no}/close': WeChatPay.OpenAPI.V3.Pay.Transactions.OutTradeNo._out_trade_no_.Close;
  'v3/refund/domestic/refunds': WeChatPay.OpenAPI.V3.Refund.Domestic.Refunds;
  'v3/refund/domestic/refunds/{out_refund_no}': WeChatPay.OpenAPI.V3.Refund.Domestic.Refunds._out_refund_no_;
}

/** The package this runtime ships in, for the User-Agent header. */
export const PACKAGE_NAME = '@wechatpay-sdk/apiv3';
export const PACKAGE_VERSION = '0.1.0';

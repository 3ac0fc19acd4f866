/// <reference types="node" />
import type { ClientConstructor } from './runtime/index.js';
import type { Wechatpay as Endpoints, Paths } from './openapi.js';
export * from './runtime/index.js';
export type { WeChatPay, Paths } from './openapi.js';
export declare const Wechatpay: ClientConstructor<Endpoints, Paths>;
export type Wechatpay = InstanceType<typeof Wechatpay>;

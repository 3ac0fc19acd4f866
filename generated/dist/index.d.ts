/// <reference types="node" />
import type { ClientConstructor } from './runtime/index.js';
import type { Wechatpay as Endpoints, Notifications, Paths } from './openapi.js';
export * from './runtime/index.js';
export type { WeChatPay, Notifications, Paths } from './openapi.js';
export declare const Wechatpay: ClientConstructor<Endpoints, Paths, Notifications>;
export type Wechatpay = InstanceType<typeof Wechatpay>;

import { createClientClass } from './runtime/index.js';
import { operations } from './operations.js';
import { validators } from './validators.js';
export * from './runtime/index.js';
export const Wechatpay = createClientClass(operations, validators);

/**
 * What the sandbox does by itself, later: automatic payments, refunds reaching SUCCESS, and
 * notification deliveries with WeChat Pay's retry schedule. Every step is a change to the durable
 * state, so a restarted sandbox picks up where it stopped.
 */
import { AEAD_AES_256_GCM, aesGcmEncrypt } from '../runtime/aead.js';
import { createNonce, responseMessage, signMessage } from '../runtime/signature.js';
import { beijingTime, completeRefund, payOrder, tradeState } from './payments.js';
import { entry } from './state.js';
/** WeChat Pay's waits before each retry of a notification that was not acknowledged, in milliseconds. */
export const RETRY_SCHEDULE_MS = [
  15e3, 15e3, 3e4, 18e4, 6e5, 12e5, 18e5, 18e5, 18e5, 36e5, 108e5, 108e5, 108e5, 216e5, 216e5,
];
/** How long WeChat Pay waits for the merchant's answer to a notification. */
const DELIVERY_TIMEOUT_MS = 5e3;
/** The notification body as POSTed: the resource encrypted with the APIv3 key under its original type as AAD. */
export function notificationBody(delivery, apiV3Key) {
  const sealed = aesGcmEncrypt(
    {
      plaintext: JSON.stringify(delivery.resource),
      associatedData: delivery.original_type,
    },
    apiV3Key,
  );
  return JSON.stringify({
    id: delivery.id,
    create_time: beijingTime(delivery.created_at),
    resource_type: 'encrypt-resource',
    event_type: delivery.event_type,
    summary: delivery.summary,
    resource: {
      original_type: delivery.original_type,
      algorithm: AEAD_AES_256_GCM,
      ciphertext: sealed.ciphertext,
      associated_data: sealed.associatedData,
      nonce: sealed.nonce,
    },
  });
}
export class Scheduler {
  options;
  timers = new Set();
  running = new Set();
  closed = false;
  constructor(options) {
    this.options = options;
  }
  /** Everything the state still owes: unpaid auto-pay orders, PROCESSING refunds, undelivered notifications. */
  resume(state) {
    const now = this.options.now();
    for (const order of Object.values(state.orders)) {
      if (order.auto_pay_at !== undefined && tradeState(order, now) === 'NOTPAY')
        this.wake({
          kind: 'auto-pay',
          out_trade_no: order.out_trade_no,
          at: order.auto_pay_at,
        });
    }
    for (const refund of Object.values(state.refunds)) {
      if (refund.success_at === undefined)
        this.wake({
          kind: 'refund-success',
          out_refund_no: refund.out_refund_no,
          at: refund.succeeds_at,
        });
    }
    for (const delivery of Object.values(state.deliveries)) {
      if (delivery.delivered_at === undefined && delivery.abandoned_at === undefined)
        this.wake({
          kind: 'deliver',
          id: delivery.id,
          at: delivery.next_at,
        });
    }
  }
  wake(wakeup) {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.track(
          this.perform(wakeup).catch((error) => {
            // The change was not saved (and so not made): try again after the first retry step.
            this.wake({
              ...wakeup,
              at: this.options.now() + RETRY_SCHEDULE_MS[0] * this.options.timeScale,
            });
            throw error;
          }),
        );
      },
      Math.max(0, wakeup.at - this.options.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }
  /** Stops waking and waits for the work under way. */
  async close() {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
  track(work) {
    const tracked = work
      .catch((error) => this.options.log?.(`sandbox: background work failed: ${error.message}`))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
  async change(work) {
    const result = await this.options.store.run((state) => {
      const outcome = work(state, this.options.now());
      return {
        mutated: outcome.mutated,
        value: outcome,
      };
    });
    for (const next of result.wakeups ?? []) this.wake(next);
  }
  async perform(wakeup) {
    if (this.closed) return;
    switch (wakeup.kind) {
      case 'auto-pay':
        return this.change((state, now) => {
          const order = entry(state.orders, wakeup.out_trade_no);
          // Closed, expired or paid meanwhile: nothing to do.
          if (!order || order.auto_pay_at === undefined || tradeState(order, now) !== 'NOTPAY')
            return {
              status: 200,
              body: undefined,
              mutated: false,
            };
          return payOrder(state, wakeup.out_trade_no, now);
        });
      case 'refund-success':
        return this.change((state, now) => completeRefund(state, wakeup.out_refund_no, now));
      case 'deliver':
        return this.deliver(wakeup.id);
    }
  }
  async deliver(id) {
    const delivery = entry(this.options.store.state.deliveries, id);
    if (!delivery || delivery.delivered_at !== undefined || delivery.abandoned_at !== undefined) return;
    const failure = await this.post(delivery);
    const attempt = delivery.attempts + 1;
    this.options.log?.(
      `NOTIFY ${delivery.event_type} ${delivery.url} attempt ${attempt}: ${failure ?? 'acknowledged'}`,
    );
    await this.change((state, now) => {
      const current = entry(state.deliveries, id);
      if (!current)
        return {
          status: 200,
          body: undefined,
          mutated: false,
        };
      current.attempts = attempt;
      if (failure === undefined) {
        current.delivered_at = now;
        delete current.last_error;
        return {
          status: 200,
          body: undefined,
          mutated: true,
        };
      }
      current.last_error = failure;
      const wait = RETRY_SCHEDULE_MS[attempt - 1];
      if (wait === undefined) {
        current.abandoned_at = now;
        return {
          status: 200,
          body: undefined,
          mutated: true,
        };
      }
      current.next_at = now + wait * this.options.timeScale;
      return {
        status: 200,
        body: undefined,
        mutated: true,
        wakeups: [
          {
            kind: 'deliver',
            id,
            at: current.next_at,
          },
        ],
      };
    });
  }
  /** One delivery attempt: `undefined` when the merchant acknowledged it (2xx), else what went wrong. */
  async post(delivery) {
    const { keys, now } = this.options;
    const body = notificationBody(delivery, keys.apiV3Key);
    const timestamp = String(Math.floor(now() / 1e3));
    const nonce = createNonce();
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'wechatpay-apiv3-sandbox',
          'Wechatpay-Timestamp': timestamp,
          'Wechatpay-Nonce': nonce,
          'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, body), keys.platformPrivateKey),
          'Wechatpay-Serial': keys.platformSerial,
        },
        body,
        // A redirect could lead off this machine: it counts as a failure, never followed.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const cause = error.cause;
      return cause?.code ?? cause?.message ?? error.message;
    }
  }
}

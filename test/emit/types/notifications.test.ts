import { describe, expect, it } from 'vitest';
import { DiagnosticError, type ApiModel, type NotificationEvent, type Schema } from '../../../generator/model/types.ts';
import { typeCheck } from './compile.ts';
import { block, emitted, lines } from './output.ts';
import { endpoint, integer, model, object, operation, string } from './model.ts';

const source = { file: 'notifications.yaml', line: 1, col: 1 };

function event(eventType: string, resourceName: string, resource: Schema): NotificationEvent {
  return { eventType, summary: `${eventType} 通知`, resourceName, resource, source };
}

function withNotifications(base: ApiModel): ApiModel {
  const refund = object({ refund_id: string(), refund_status: string({ enum: ['SUCCESS', 'CLOSED', 'ABNORMAL'] }) });
  return {
    ...base,
    notifications: {
      envelope: object({ id: string(), event_type: string(), resource: object({ ciphertext: string() }) }),
      events: [
        event('REFUND.CLOSED', 'RefundNotification', refund),
        event('REFUND.SUCCESS', 'RefundNotification', refund),
        event('TRANSACTION.SUCCESS', 'Transaction', object({ out_trade_no: string(), 'amount?': object({ total: integer() }) })),
      ],
      source,
    },
  };
}

const base = model(endpoint('v3/pay/transactions/jsapi', operation('post', 'v3/pay/transactions/jsapi')));

describe('notification declarations', () => {
  it('declares the envelope and each resource once in WeChatPay.OpenAPI.V3.Notifications, and maps event types to them', async () => {
    const text = await emitted(withNotifications(base));
    expect(block(text, 'export interface Notifications {')).toBe(
      lines(
        'export interface Notifications {',
        '  /** REFUND.CLOSED 通知 */',
        "  'REFUND.CLOSED': WeChatPay.OpenAPI.V3.Notifications.RefundNotification;",
        '  /** REFUND.SUCCESS 通知 */',
        "  'REFUND.SUCCESS': WeChatPay.OpenAPI.V3.Notifications.RefundNotification;",
        '  /** TRANSACTION.SUCCESS 通知 */',
        "  'TRANSACTION.SUCCESS': WeChatPay.OpenAPI.V3.Notifications.Transaction;",
        '}',
      ),
    );
    const namespace = block(text, 'export declare namespace WeChatPay.OpenAPI.V3.Notifications {');
    expect(namespace.match(/^ {2}export interface (\w+)/gm)).toEqual([
      '  export interface Envelope',
      '  export interface RefundNotification',
      '  export interface Transaction',
    ]);
  });

  it('types each event narrowly: the compiler accepts the resource of its event and rejects another', async () => {
    const usage = [
      "import type { Notifications, WeChatPay } from './openapi.js';",
      "declare const paid: Notifications['TRANSACTION.SUCCESS'];",
      "declare const refunded: Notifications['REFUND.SUCCESS'];",
      'const no: string = paid.out_trade_no;',
      'const total: number | undefined = paid.amount?.total;',
      "const status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = refunded.refund_status;",
      'const envelope: WeChatPay.OpenAPI.V3.Notifications.Envelope = { id: "EV-1", event_type: "REFUND.SUCCESS", resource: { ciphertext: "x" } };',
      '// @ts-expect-error a refund resource has no out_trade_no here',
      'refunded.out_trade_no;',
      "// @ts-expect-error 'REFUND.ABNORMAL' is not an event of these specs",
      "type Abnormal = Notifications['REFUND.ABNORMAL'];",
      'void [no, total, status, envelope];',
      'export type { Abnormal };',
    ].join('\n');
    expect(typeCheck({ 'openapi.d.ts': await emitted(withNotifications(base)), 'usage.ts': usage })).toEqual([]);
  });

  it('declares an empty Notifications interface when the specs have none', async () => {
    const text = await emitted(base);
    expect(text).toContain('export interface Notifications {}');
    expect(text).not.toContain('WeChatPay.OpenAPI.V3.Notifications');
  });

  it('reports a v3/notifications URL path, which would share the namespace, as a spec diagnostic', async () => {
    const clash = withNotifications(model(endpoint('v3/notifications/{id}', operation('get', 'v3/notifications/{id}'))));
    await expect(emitted(clash)).rejects.toThrow(DiagnosticError);
    await expect(emitted(clash)).rejects.toThrow(/notifications.yaml:1:1: error UNREPRESENTABLE_SEGMENT the URL path v3\/notifications\/\{id\}/);
  });
});

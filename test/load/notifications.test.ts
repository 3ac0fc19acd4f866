import { describe, expect, it } from 'vitest';
import { lines, load, printed } from './helpers.ts';

const endpoint = lines('get:', '  responses:', '    204: {}');
const definitions = lines(
  'Paid:',
  '  type: object',
  '  required: [out_trade_no]',
  '  properties:',
  '    out_trade_no: { type: string }',
  'Refunded:',
  '  type: object',
  '  properties:',
  '    refund_id: { type: string }',
  'Envelope:',
  '  type: object',
  '  properties:',
  '    id: { type: string }',
);

describe('spec/notifications.yaml', () => {
  it('loads the envelope and each event, sorted by event type, named after its definition', async () => {
    const result = await load({
      'v3/a.yaml': endpoint,
      'definitions/N.yaml': definitions,
      'notifications.yaml': lines(
        'envelope:',
        "  $ref: 'definitions/N.yaml#Envelope'",
        'events:',
        '  TRANSACTION.SUCCESS:',
        '    summary: 支付成功',
        '    description: 付款后发送',
        "    resource: { $ref: 'definitions/N.yaml#Paid' }",
        '  REFUND.SUCCESS:',
        '    summary: 退款成功',
        "    resource: { $ref: 'definitions/N.yaml#Refunded' }",
        '  REFUND.CLOSED:',
        '    summary: 退款关闭',
        "    resource: { $ref: 'definitions/N.yaml#Refunded' }",
        '  PROFITSHARING.FINISH:',
        '    summary: 分账完成',
        '    resource:',
        '      type: object',
        '      properties:',
        '        order_id: { type: string }',
      ),
    });
    expect(printed(result)).toEqual([]);
    const notifications = result.model.notifications;
    expect(notifications?.envelope?.kind).toBe('object');
    expect(notifications?.events.map((event) => [event.eventType, event.resourceName, event.summary])).toEqual([
      ['PROFITSHARING.FINISH', 'ProfitsharingFinish', '分账完成'],
      ['REFUND.CLOSED', 'Refunded', '退款关闭'],
      ['REFUND.SUCCESS', 'Refunded', '退款成功'],
      ['TRANSACTION.SUCCESS', 'Paid', '支付成功'],
    ]);
    const paid = notifications?.events.at(-1);
    expect(paid?.description).toBe('付款后发送');
    expect(paid?.resource.kind === 'object' && paid.resource.properties?.map((property) => [property.name, property.required])).toEqual([['out_trade_no', true]]);
    expect(paid?.source).toEqual({ file: 'notifications.yaml', line: 4, col: 3 });
  });

  it('is optional: a tree without it has no notifications and no diagnostic', async () => {
    const result = await load({ 'v3/a.yaml': endpoint });
    expect(printed(result)).toEqual([]);
    expect(result.model.notifications).toBeUndefined();
  });

  it('reports each defect at its file:line:col and skips the broken event', async () => {
    const result = await load({
      'v3/a.yaml': endpoint,
      'definitions/N.yaml': definitions,
      'definitions/M.yaml': lines('Paid:', '  type: object', '  properties:', '    order_id: { type: string }'),
      'notifications.yaml': lines(
        'evnts: {}',
        'events:',
        '  transaction.success:',
        '    summary: x',
        "    resource: { $ref: 'definitions/N.yaml#Paid' }",
        '  REFUND.SUCCESS:',
        '    summary: x',
        '  REFUND.CLOSED:',
        '    summary: x',
        '    resource: { type: string }',
        '  REFUND.ABNORMAL:',
        '    sumary: x',
        '    summary: x',
        "    resource: { $ref: 'definitions/N.yaml#Missing' }",
        '  TRANSACTION.SUCCESS:',
        '    summary: x',
        "    resource: { $ref: 'definitions/N.yaml#Envelope' }",
        '  PAID.ONE:',
        '    summary: x',
        "    resource: { $ref: 'definitions/N.yaml#Paid' }",
        '  PAID.TWO:',
        '    summary: x',
        '    resource:',
        "      $ref: 'definitions/M.yaml#Paid'",
      ),
    });
    expect(printed(result)).toEqual([
      'notifications.yaml:1:1: error UNKNOWN_KEY unknown key `evnts` (envelope, events); did you mean `events`?',
      'notifications.yaml:3:3: error INVALID_VALUE `transaction.success` is not an event type (dot-separated upper-case words, like TRANSACTION.SUCCESS); event skipped',
      'notifications.yaml:6:3: error INVALID_VALUE REFUND.SUCCESS needs `resource`; event skipped',
      'notifications.yaml:10:15: error INVALID_VALUE `resource` must be an object schema, got string',
      'notifications.yaml:12:5: error UNKNOWN_KEY unknown event key `sumary` (summary, description, resource); did you mean `summary`?',
      'notifications.yaml:14:23: error UNRESOLVED_REF `$ref` definitions/N.yaml#Missing: no `Missing` in definitions/N.yaml',
      'notifications.yaml:15:3: error DUPLICATE_NAME the resource of TRANSACTION.SUCCESS is named Envelope, like the envelope; give it its own definition name',
      'notifications.yaml:21:3: error DUPLICATE_NAME the resource of PAID.TWO is named Paid, like the resource of PAID.ONE; give it its own definition name',
    ]);
    expect(result.model.notifications?.events.map((event) => event.eventType)).toEqual(['PAID.ONE']);
  });
});

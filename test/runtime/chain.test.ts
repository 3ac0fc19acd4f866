import { describe, expect, it } from 'vitest';
import { createEndpoint, propertyToSegment } from '../../templates/runtime/chain.ts';

describe('chain', () => {
  it.each([
    ['v3', 'v3'],
    ['membercardOpen', 'membercard-open'],
    ['complaintsV2', 'complaints-v2'],
    ['apply4sub', 'apply4sub'],
    ['sub_merchants', 'sub_merchants'],
    ['_card_id_', '{card_id}'],
    ['$card_id$', '{card_id}'],
    ['_empty_', ''],
    ['Delete', 'delete'],
    ['apply', 'apply'],
  ])('property %s requests segment %j', (property, segment) => {
    expect(propertyToSegment(property)).toBe(segment);
  });

  it('dispatches verbs and direct calls with the path built so far', async () => {
    const calls: unknown[][] = [];
    const root = createEndpoint('v3', async (...args) => calls.push(args)) as Record<string, Record<string, Record<string, (...args: unknown[]) => unknown>>>;
    const node = root.marketing!.busifavor!;
    await node.get!({ a: 1 });
    await (node as unknown as (...args: unknown[]) => unknown)({ d: 1 }, { c: 1 });
    await root.things!.apply!.put!({ d: 2 });
    expect(calls).toEqual([
      ['get', 'v3/marketing/busifavor', undefined, { a: 1 }],
      ['post', 'v3/marketing/busifavor', { d: 1 }, { c: 1 }],
      ['put', 'v3/things/apply', { d: 2 }, undefined],
    ]);
  });
});

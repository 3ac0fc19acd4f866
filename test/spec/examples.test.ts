import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import type { Schema } from '../../generator/model/types.ts';
import { specRoot } from './spec-schema.ts';

/** Seed endpoints whose documents give no example values; their pages fall back to typed placeholders. */
const WITHOUT_EXAMPLES: ReadonlySet<string> = new Set([
  'v3/marketing/busifavor/coupons/{card_id}/send',
  'v3/marketing/membercard-open/cards/{card_id}/codes/deposit',
]);

/** Scalar members (and scalar lists) of `schema` that carry no `example`, as dotted paths. */
function withoutExample(schema: Schema, at: string): string[] {
  switch (schema.kind) {
    case 'object':
      return (schema.properties ?? []).flatMap((property) => withoutExample(property.schema, `${at}.${property.name}`));
    case 'array':
      if (schema.items?.kind === 'object' || schema.items?.kind === 'array') return withoutExample(schema.items, `${at}[]`);
      return schema.example === undefined && schema.items?.example === undefined ? [at] : [];
    case 'file':
      return [];
    default:
      return schema.example === undefined ? [at] : [];
  }
}

describe('examples in spec/', () => {
  it('every parameter, body, response and notification member has an example, so docs show real values', async () => {
    const { model, diagnostics } = await loadSpecs(specRoot);
    expect(diagnostics).toEqual([]);
    const missing: string[] = [];
    let checked = 0;
    for (const endpoint of model.endpoints) {
      if (WITHOUT_EXAMPLES.has(endpoint.path)) continue;
      for (const operation of endpoint.operations) {
        const id = `${operation.method.toUpperCase()} ${operation.path}`;
        const parts: [string, Schema][] = [
          ...[...operation.pathParams, ...operation.queryParams, ...operation.headerParams].map((parameter): [string, Schema] => [`${parameter.in}.${parameter.name}`, parameter.schema]),
        ];
        if (operation.body?.kind === 'json') parts.push(['body', operation.body.schema]);
        if (operation.body?.kind === 'multipart') parts.push([operation.body.metaField, operation.body.meta]);
        if (operation.response.kind === 'json') parts.push(['response', operation.response.schema]);
        for (const [at, schema] of parts) missing.push(...withoutExample(schema, `${id} ${at}`));
        checked += 1;
      }
    }
    const notifications = model.notifications;
    if (notifications?.envelope) missing.push(...withoutExample(notifications.envelope, 'envelope'));
    for (const event of notifications?.events ?? []) missing.push(...withoutExample(event.resource, event.eventType));
    expect(checked).toBeGreaterThanOrEqual(14);
    expect(missing).toEqual([]);
  });
});

import { splitDocLinks, type NotificationEvent, type Notifications, type Schema } from '../../model/types.ts';
import { exampleJson } from './json-examples.ts';
import { inlineCode, inlineText, linkDestination, yamlString } from './markdown.ts';
import { schemaRows } from './view-model.ts';

/** `docs/notifications/TRANSACTION.SUCCESS.md`. */
export function notificationPageFile(event: NotificationEvent): string {
  return `docs/notifications/${event.eventType}.md`;
}

export function notificationPageView(event: NotificationEvent, notifications: Notifications) {
  const { description: text = '', docLinks } = splitDocLinks(event.description);
  return {
    title: yamlString(event.summary),
    description: yamlString(text || event.summary),
    heading: inlineText(event.summary),
    eventType: inlineCode(event.eventType),
    text: text ? inlineText(text) : '',
    // http(s) only and percent-encoded, as on the endpoint pages.
    docLinks: docLinks.flatMap((link) => linkDestination(link) ?? []),
    resourceName: event.resourceName,
    envelopeExample: notifications.envelope ? envelopeExample(notifications.envelope, event) : '',
    resourceExample: JSON.stringify(resourceExample(event), null, 2),
    envelopeRows: notifications.envelope ? schemaRows(notifications.envelope) : [],
    resourceRows: schemaRows(event.resource),
  };
}

/**
 * The decrypted resource's example, told apart per event: a top-level status enum that holds the
 * event's last word (`REFUND.CLOSED` -> `refund_status: 'CLOSED'`) takes that value.
 */
function resourceExample(event: NotificationEvent): unknown {
  const example = exampleJson(event.resource) as Record<string, unknown>;
  const outcome = event.eventType.split('.').at(-1) ?? '';
  for (const property of event.resource.kind === 'object' ? (event.resource.properties ?? []) : []) {
    if (property.schema.kind === 'string' && property.schema.enum?.includes(outcome)) example[property.name] = outcome;
  }
  return example;
}

/** The body of the POST WeChat Pay sends: the envelope's example with this event's type, summary and resource type. */
function envelopeExample(envelope: Schema, event: NotificationEvent): string {
  const body = exampleJson(envelope) as Record<string, unknown>;
  if ('event_type' in body) body.event_type = event.eventType;
  if ('summary' in body) body.summary = event.summary;
  // The resource's type is the event's first word in lower case: `transaction`, `refund`.
  const originalType = (event.eventType.split('.')[0] ?? '').toLowerCase();
  const resource = body.resource as Record<string, unknown> | undefined;
  if (resource && 'original_type' in resource) resource.original_type = originalType;
  if (resource && 'associated_data' in resource) resource.associated_data = originalType;
  return JSON.stringify(body, null, 2);
}

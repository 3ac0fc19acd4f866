import { compareText, type NotificationEvent, type Notifications, type Schema } from '../model/types.ts';
import type { Reporter } from './report.ts';
import { optional, type SchemaResolver } from './schema.ts';
import type { SpecFile } from './source.ts';
import { ValueReader } from './values.ts';
import type { YPair } from './yaml-tree.ts';

/** Where the notifications live, relative to the spec root. */
export const NOTIFICATIONS_FILE = 'notifications.yaml';

const TOP_KEYS: ReadonlySet<string> = new Set(['envelope', 'events']);
const EVENT_KEYS: ReadonlySet<string> = new Set(['summary', 'description', 'resource']);
/** `TRANSACTION.SUCCESS`, `REFUND.ABNORMAL`: dot-separated upper-case words, as WeChat Pay spells them. */
const EVENT_TYPE = /^[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)+$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9_]*$/;
/** The declarations name the envelope this; no resource may take the name. */
export const ENVELOPE_NAME = 'Envelope';

/**
 * Reads `notifications.yaml`: the envelope schema and, per `event_type`, a summary and the
 * schema of the decrypted resource. Every problem is a diagnostic; a broken event is skipped.
 */
export function loadNotifications(
  file: SpecFile,
  schemas: SchemaResolver,
  reporter: Reporter,
): Notifications | undefined {
  if (!file.parsed.ok) return undefined;
  const read = new ValueReader(reporter);
  const root = read.map(file, file.parsed.root, '`notifications.yaml` must be a mapping with `envelope` and `events`');
  if (!root) return undefined;
  const notifications: Notifications = { events: [], source: file.location(0) };
  const keys = read.knownKeys(file, root, 'key', TOP_KEYS, true);
  const envelopePair = keys.get('envelope');
  if (envelopePair) notifications.envelope = objectSchema(file, envelopePair, schemas, reporter);
  const eventsPair = keys.get('events');
  if (!eventsPair) {
    reporter.invalidValue(file, root.offset, '`events` is required: a mapping of event types to their resources');
    return notifications;
  }
  const events = read.map(file, eventsPair.value, '`events` must map event types (`TRANSACTION.SUCCESS`) to events');
  if (!events) return notifications;
  const names = new Map<string, NotificationEvent>();
  for (const pair of events.pairs) {
    const event = loadEvent(file, pair, schemas, reporter);
    if (!event) continue;
    const taken = names.get(event.resourceName);
    if (event.resourceName === ENVELOPE_NAME || (taken && taken.resource !== event.resource)) {
      const other = taken ? `the resource of ${taken.eventType}` : 'the envelope';
      reporter.invalid(
        file,
        pair.keyOffset,
        'DUPLICATE_NAME',
        `the resource of ${event.eventType} is named ${event.resourceName}, like ${other}; give it its own definition name`,
      );
      continue;
    }
    names.set(event.resourceName, event);
    notifications.events.push(event);
  }
  notifications.events.sort((a, b) => compareText(a.eventType, b.eventType));
  return notifications;
}

function loadEvent(
  file: SpecFile,
  pair: YPair,
  schemas: SchemaResolver,
  reporter: Reporter,
): NotificationEvent | undefined {
  const eventType = pair.key;
  if (!EVENT_TYPE.test(eventType)) {
    reporter.invalidValue(
      file,
      pair.keyOffset,
      `\`${eventType}\` is not an event type (dot-separated upper-case words, like TRANSACTION.SUCCESS); event skipped`,
    );
    return undefined;
  }
  const read = new ValueReader(reporter);
  const node = read.map(
    file,
    pair.value,
    `${eventType} must be a mapping with \`summary\` and \`resource\`; event skipped`,
  );
  if (!node) return undefined;
  const keys = read.knownKeys(file, node, 'event key', EVENT_KEYS, true);
  const summary = read.text(file, keys.get('summary'));
  const description = read.text(file, keys.get('description'));
  const resourcePair = keys.get('resource');
  if (summary === undefined || !resourcePair) {
    const missing = [summary === undefined && '`summary`', !resourcePair && '`resource`'].filter(Boolean).join(' and ');
    reporter.invalidValue(file, pair.keyOffset, `${eventType} needs ${missing}; event skipped`);
    return undefined;
  }
  const resource = objectSchema(file, resourcePair, schemas, reporter);
  if (!resource) return undefined;
  const resourceName = resource.definition ?? pascalCase(eventType);
  if (!TYPE_NAME.test(resourceName)) {
    reporter.invalidValue(
      file,
      resourcePair.value.offset,
      `the resource's definition name \`${resourceName}\` is not a PascalCase type name; event skipped`,
    );
    return undefined;
  }
  return {
    eventType,
    summary,
    ...optional('description', description),
    resourceName,
    resource,
    source: file.location(pair.keyOffset),
  };
}

/** The declarations make an interface of it, so it must be an object. */
function objectSchema(file: SpecFile, pair: YPair, schemas: SchemaResolver, reporter: Reporter): Schema | undefined {
  const schema = schemas.schema(file, pair.value);
  if (schema.kind === 'object') return schema;
  if (schema.kind !== 'unknown')
    reporter.invalidValue(file, pair.value.offset, `\`${pair.key}\` must be an object schema, got ${schema.kind}`);
  return undefined;
}

/** `REFUND.ABNORMAL` -> `RefundAbnormal`: the name of an inline resource. */
function pascalCase(eventType: string): string {
  return eventType
    .split(/[._]/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0)}${word.slice(1).toLowerCase()}`)
    .join('');
}

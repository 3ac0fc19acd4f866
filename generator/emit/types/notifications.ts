import type { StatementStructures } from 'ts-morph';
import { specError, type ApiModel, type Notifications } from '../../model/types.ts';
import { interfaceDeclaration, namespaceDeclaration, schemaStatement } from './operation.ts';
import { stringLiteral } from '../literal.ts';
import { escapeComment, oneLine } from './schema.ts';

/** The namespace of the envelope and of the decrypted resources. */
const NOTIFICATIONS_NAMESPACE = 'WeChatPay.OpenAPI.V3.Notifications';
const ENVELOPE_INTERFACE = 'Envelope';

/**
 * The notification declarations: `WeChatPay.OpenAPI.V3.Notifications` holding `Envelope` and one
 * interface per decrypted resource, and the exported `Notifications` map from each `event_type` to
 * its resource (empty when the specs have no notifications), which the client's handler reads.
 */
export function notificationStatements(model: ApiModel): StatementStructures[] {
  const notifications = model.notifications;
  const events = notifications?.events ?? [];
  const statements: StatementStructures[] = [];
  if (notifications && (notifications.envelope || events.length > 0)) {
    checkNamespaceIsFree(model, notifications);
    // Events sharing a resource declare it once, as the first of them gives it.
    const resources = events.filter(
      (event, index) => events.findIndex((other) => other.resourceName === event.resourceName) === index,
    );
    const declarations = [
      ...(notifications.envelope ? [schemaStatement(ENVELOPE_INTERFACE, notifications.envelope)] : []),
      ...resources.map((event) => schemaStatement(event.resourceName, event.resource)),
    ];
    statements.push({ ...namespaceDeclaration(NOTIFICATIONS_NAMESPACE, declarations), hasDeclareKeyword: true });
  }
  statements.push(
    interfaceDeclaration('Notifications', {
      docs: ['`event_type` of each notification -> its `resource`, decrypted'],
      properties: events.map((event) => ({
        name: stringLiteral(event.eventType),
        type: `${NOTIFICATIONS_NAMESPACE}.${event.resourceName}`,
        docs: [escapeComment(oneLine(event.summary))],
      })),
    }),
  );
  return statements;
}

/** A `v3/notifications` URL path would declare its own `Notifications` members in the same namespace. */
function checkNamespaceIsFree(model: ApiModel, notifications: Notifications): void {
  const clash = model.endpoints.find(
    (endpoint) => endpoint.segments[0]?.raw === 'v3' && endpoint.segments[1]?.typeName === 'Notifications',
  );
  if (!clash) return;
  specError(
    'UNREPRESENTABLE_SEGMENT',
    `the URL path ${clash.path} and the notifications both declare ${NOTIFICATIONS_NAMESPACE}`,
    notifications.source,
  );
}

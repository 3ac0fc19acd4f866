import type { StatementStructures } from 'ts-morph';
import { StructureKind } from 'ts-morph';
import { specError, type ApiModel, type Notifications } from '../../model/types.ts';
import { namespaceDeclaration, schemaStatement } from './operation.ts';
import { stringLiteral } from '../literal.ts';
import { escapeComment, oneLine } from './schema.ts';

/** The namespace of the envelope and of the decrypted resources. */
export const NOTIFICATIONS_NAMESPACE = 'WeChatPay.OpenAPI.V3.Notifications';
const ENVELOPE_INTERFACE = 'Envelope';

/**
 * The notification declarations: `WeChatPay.OpenAPI.V3.Notifications` holding `Envelope` and one
 * interface per decrypted resource, and the exported `Notifications` map from each `event_type` to
 * its resource (empty when the specs have no notifications), which the client's handler reads.
 */
export function notificationStatements(model: ApiModel): StatementStructures[] {
  const notifications = model.notifications;
  const statements: StatementStructures[] = [];
  if (notifications && (notifications.envelope || notifications.events.length > 0)) {
    checkNamespaceIsFree(model, notifications);
    const declarations = [];
    if (notifications.envelope) declarations.push(schemaStatement(ENVELOPE_INTERFACE, notifications.envelope));
    const declared = new Set<string>();
    for (const event of notifications.events) {
      if (declared.has(event.resourceName)) continue;
      declared.add(event.resourceName);
      declarations.push(schemaStatement(event.resourceName, event.resource));
    }
    statements.push({ ...namespaceDeclaration(NOTIFICATIONS_NAMESPACE, declarations), hasDeclareKeyword: true });
  }
  statements.push({
    kind: StructureKind.Interface,
    name: 'Notifications',
    isExported: true,
    docs: ['`event_type` of each notification -> its `resource`, decrypted'],
    properties: (notifications?.events ?? []).map((event) => ({
      name: stringLiteral(event.eventType),
      type: `${NOTIFICATIONS_NAMESPACE}.${event.resourceName}`,
      docs: [escapeComment(oneLine(event.summary))],
    })),
  });
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

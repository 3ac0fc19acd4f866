import { methodNamespace } from '../../generator/model/naming.ts';
import type { ApiModel, Endpoint, Schema } from '../../generator/model/types.ts';
import type { DeclarationIndex, Difference, MemberShape, TypeShape } from './compare.ts';

/**
 * The `required` improvement checked against the model rather than normalised away: every data
 * member the emitter declares for a schema property (request bodies, responses, nested objects and
 * array items, query parameters) carries `?` exactly when the spec does not require it.
 */
export function checkOptionality(model: ApiModel, emitted: DeclarationIndex): Difference[] {
  const differences: Difference[] = [];
  for (const endpoint of model.endpoints) {
    for (const operation of endpoint.operations) {
      const namespace = `${endpointNamespace(endpoint)}.${methodNamespace(operation.method)}`;
      const walker = new OptionalityWalker(emitted, differences);
      if (operation.body?.kind === 'json') walker.declaration(`${namespace}.JsonDataRequest`, operation.body.schema);
      if (operation.response.kind === 'json')
        walker.declaration(`${namespace}.WellformedResponse`, operation.response.schema);
      if (operation.queryParams.length > 0) {
        const config = emitted.declarations.get(`${namespace}.RequestConfig`);
        const params = config?.kind === 'interface' ? findProperty(config.members, 'params') : undefined;
        const type = params && walker.expand(params.type);
        if (config && type?.kind === 'object') {
          for (const parameter of operation.queryParams) {
            const member = findProperty(type.members, parameter.name);
            if (member) walker.check(config.name, `params.${parameter.name}`, parameter.required, member);
          }
        }
      }
    }
  }
  return differences;
}

/** `WeChatPay.OpenAPI.V3.Marketing...`: the namespace an endpoint's method namespaces live in. */
export function endpointNamespace(endpoint: Endpoint): string {
  return ['WeChatPay', 'OpenAPI', ...endpoint.segments.map((segment) => segment.typeName)].join('.');
}

type PropertyMember = Extract<MemberShape, { kind: 'property' }>;

function findProperty(members: MemberShape[], name: string): PropertyMember | undefined {
  return members.find((member): member is PropertyMember => member.kind === 'property' && member.name === name);
}

class OptionalityWalker {
  constructor(
    private readonly emitted: DeclarationIndex,
    private readonly differences: Difference[],
  ) {}

  declaration(name: string, schema: Schema): void {
    const declaration = this.emitted.declarations.get(name);
    if (declaration?.kind === 'interface')
      this.schema(name, '', schema, { kind: 'object', members: declaration.members });
  }

  check(declaration: string, path: string, required: boolean, member: PropertyMember): void {
    if (member.optional !== required) return;
    const message = `member ${path}: spec ${required ? 'requires it' : 'does not require it'}, emitted ${member.optional ? 'optional' : 'required'}`;
    this.differences.push({ declaration, line: member.line, col: member.col, message });
  }

  /** Named definitions are followed so their members are held to the spec too. */
  expand(type: TypeShape): TypeShape {
    if (type.kind !== 'reference') return type;
    const declaration = this.emitted.declarations.get(type.name);
    if (declaration?.kind === 'alias') return this.expand(declaration.type);
    if (declaration?.kind === 'interface') return { kind: 'object', members: declaration.members };
    return type;
  }

  private schema(declaration: string, path: string, schema: Schema, emittedType: TypeShape): void {
    const type = this.expand(emittedType);
    if (schema.kind === 'array' && schema.items && type.kind === 'array') {
      this.schema(declaration, `${path}[]`, schema.items, type.element);
      return;
    }
    if (schema.kind !== 'object' || !schema.properties || type.kind !== 'object') return;
    for (const property of schema.properties) {
      const member = findProperty(type.members, property.name);
      // A member the emitter left out is the structural comparison's finding, not this one's.
      if (!member) continue;
      const memberPath = path ? `${path}.${property.name}` : property.name;
      this.check(declaration, memberPath, property.required, member);
      this.schema(declaration, memberPath, property.schema, member.type);
    }
  }
}

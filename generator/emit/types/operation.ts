import type {
  InterfaceDeclarationStructure,
  JSDocStructure,
  ModuleDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  StatementStructures,
} from 'ts-morph';
import { ModuleDeclarationKind, StructureKind } from './ts-morph.ts';
import { methodNamespace } from '../../model/naming.ts';
import { HTTP_METHOD_TABLE, type Operation, type Parameter, type Schema } from '../../model/types.ts';
import {
  escapeComment,
  memberDoc,
  objectType,
  oneLine,
  propertyMembers,
  propertyOf,
  typeOf,
  type MemberSpec,
} from './schema.ts';

/**
 * What one operation contributes: its `<Verb>HttpMethod` namespace and its members on the endpoint
 * interface. `endpointName` is the endpoint interface's own name, which qualifies its method namespaces.
 */
export function operationDeclarations(operation: Operation, endpointName: string) {
  const namespace = methodNamespace(operation.method);
  const qualify = (name: string): string => `${endpointName}.${namespace}.${name}`;
  const multipart = operation.body?.kind === 'multipart';
  const takesData = HTTP_METHOD_TABLE[operation.method].takesData;
  const dataInterface = !takesData ? undefined : multipart ? 'BinaryDataRequest' : 'JsonDataRequest';
  const config = requestConfigMembers(operation, dataInterface).map(propertyOf);
  const statements = [
    ...(takesData ? [requestDataStatement(operation)] : []),
    interfaceDeclaration('RequestConfig', { extends: ['AxiosRequestConfig'], properties: config }),
    responseStatement(operation),
  ];

  const configOptional = config.every((member) => member.hasQuestionToken === true);
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = [];
  if (dataInterface) {
    // An upload may omit `data` (the meta/file go in config) unless a required config follows it.
    parameters.push({ name: 'data', hasQuestionToken: multipart && configOptional, type: qualify(dataInterface) });
  }
  parameters.push({ name: 'config', hasQuestionToken: configOptional, type: qualify('RequestConfig') });
  const returnType = `AxiosPromise<${qualify('WellformedResponse')}>`;

  const tags = signatureTags(operation);
  const summary = operation.summary === undefined ? '' : escapeComment(oneLine(operation.summary));
  const methodDocs = summary || tags.length > 0 ? [{ description: summary, tags }] : [];
  return {
    namespace: namespaceDeclaration(namespace, statements),
    // The callable chain node always POSTs, so only POST gets the shortland.
    callSignatures:
      operation.method === 'post' ? [{ docs: [{ description: 'shortland', tags }], parameters, returnType }] : [],
    methods: [{ name: operation.method, docs: methodDocs, parameters, returnType }],
  };
}

function signatureTags(operation: Operation): NonNullable<JSDocStructure['tags']> {
  const links = operation.docLinks.map((link) => ({ tagName: 'link', text: escapeComment(link) }));
  if (!operation.deprecated) return links;
  const since = operation.lastUpdatedAt === undefined ? undefined : `- since ${oneLine(operation.lastUpdatedAt)}`;
  return [{ tagName: 'deprecated', text: since && escapeComment(since) }, ...links];
}

function requestDataStatement(operation: Operation): StatementStructures {
  const body = operation.body;
  if (body?.kind === 'multipart') {
    // The documented shape: the signed `meta` JSON first, then the binary `file`.
    return interfaceDeclaration('BinaryDataRequest', {
      properties: [
        propertyOf({ name: body.metaField, optional: false, type: 'string', doc: memberDoc(body.meta) }),
        propertyOf({ name: body.fileField, optional: false, type: 'ReadStream' }),
      ],
    });
  }
  // A POST without a body parameter still gets an empty `JsonDataRequest {}`.
  return schemaStatement('JsonDataRequest', body?.schema);
}

function responseStatement(operation: Operation): StatementStructures {
  const response = operation.response;
  if (response.kind === 'download') return interfaceDeclaration('WellformedResponse', { extends: ['ReadStream'] });
  return schemaStatement('WellformedResponse', response.kind === 'json' ? response.schema : undefined);
}

/** An object schema becomes an interface of its properties; any other schema a type alias. */
export function schemaStatement(name: string, schema: Schema | undefined): StatementStructures {
  if (schema === undefined || schema.kind === 'object') {
    return interfaceDeclaration(name, { properties: propertyMembers(schema).map(propertyOf) });
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, type: typeOf(schema) };
}

/** Members of `RequestConfig extends AxiosRequestConfig`, in the documented order. */
function requestConfigMembers(operation: Operation, dataInterface: string | undefined): MemberSpec[] {
  const members: MemberSpec[] = [];
  if (dataInterface) members.push({ name: 'data', optional: true, type: dataInterface });
  for (const parameter of operation.pathParams) {
    members.push({ ...parameterMember(parameter), optional: false, type: pathParameterType(parameter.schema) });
  }
  if (!dataInterface && operation.body?.kind === 'json') {
    // DELETE with a body: the body is inline and required.
    members.push({ name: 'data', optional: false, type: typeOf(operation.body.schema) });
  }
  if (operation.queryParams.length > 0) members.push(parameterGroup('params', operation.queryParams));
  if (operation.headerParams.length > 0) {
    // Header values travel as strings whatever the spec says.
    members.push(parameterGroup('headers', operation.headerParams, 'string'));
  }
  if (operation.response.kind === 'download') {
    members.push({ name: 'responseType', optional: false, type: "'stream'" });
    members.push({ name: 'transformResponse', optional: false, type: '[]' });
  }
  return members;
}

/** `params` / `headers`: optional as a whole when none of its members is required. */
function parameterGroup(name: string, parameters: readonly Parameter[], type?: string): MemberSpec {
  const members = parameters.map((parameter) => ({
    ...parameterMember(parameter),
    type: type ?? typeOf(parameter.schema),
  }));
  return { name, optional: members.every((member) => member.optional), type: objectType(members) };
}

function parameterMember(parameter: Parameter): Omit<MemberSpec, 'type'> {
  return {
    name: parameter.name,
    optional: !parameter.required,
    doc: memberDoc(parameter.schema, parameter.description ?? parameter.schema.description),
  };
}

function pathParameterType(schema: Schema): string {
  return schema.kind === 'number' ? 'number' : 'string';
}

export function namespaceDeclaration(name: string, statements: StatementStructures[]): ModuleDeclarationStructure {
  return {
    kind: StructureKind.Module,
    name,
    declarationKind: ModuleDeclarationKind.Namespace,
    isExported: true,
    statements,
  };
}

/** An exported interface of `members` (its properties, methods, call signatures, `extends`, docs). */
export function interfaceDeclaration(
  name: string,
  members: Omit<InterfaceDeclarationStructure, 'kind' | 'name'>,
): InterfaceDeclarationStructure {
  return { kind: StructureKind.Interface, name, isExported: true, ...members };
}

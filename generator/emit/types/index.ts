import type {
  InterfaceDeclarationStructure,
  ModuleDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
} from 'ts-morph';
import { ModuleDeclarationKind, printStructure, StructureKind } from 'ts-morph';
import type { EmittedFile } from '../files.ts';
import { compareText, DiagnosticError, type ApiModel, type Endpoint, type PathSegment } from '../../model/types.ts';
import { formatCode } from '../format.ts';
import { notificationStatements } from './notifications.ts';
import { operationDeclarations } from './operation.ts';
import { isIdentifier, propertyKey, stringLiteral } from '../literal.ts';
import { isProbedName, propertyToSegment } from '../../../templates/runtime/chain.ts';

/** Where the declarations go, relative to the package root. */
export const TYPES_FILE = 'dist/openapi.d.ts';

/** The namespace every segment namespace lives in. */
const ROOT_NAMESPACE = 'WeChatPay.OpenAPI';

/**
 * Global and imported names the declarations refer to from inside the namespaces: a segment
 * namespace spelled like one of them would shadow it for everything nested below.
 */
const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set(['AxiosRequestConfig', 'AxiosPromise', 'ReadStream', 'Date']);

/** A level of the URL tree: a namespace, and the interface of the same name in its parent. */
interface TreeNode {
  segment: PathSegment;
  /** Dotted name of this level's namespace: `WeChatPay.OpenAPI.V3.Marketing`. */
  namespace: string;
  /** Keyed by the raw URL segment. */
  children: Map<string, TreeNode>;
  endpoint?: Endpoint;
}

/**
 * Uploads and downloads are `fs`'s ReadStream. This empty interface of an ambient `fs` merges into
 * Node's class when @types/node is loaded and stands in for it when not, so that the declarations
 * alone (the package's `./types` entry, whose module has no code) never load all of Node's types.
 */
export const STANDALONE_FILES: EmittedFile[] = [
  { path: 'dist/read-stream.d.ts', contents: "declare module 'fs' {\n  export interface ReadStream {}\n}\n" },
  { path: 'dist/openapi.js', contents: 'export {};\n' },
];

/** Emits `dist/openapi.d.ts`: the nested namespace declarations, `Wechatpay` and `Paths`. */
export async function emitTypes(model: ApiModel): Promise<EmittedFile[]> {
  const contents = `/// <reference path="./read-stream.d.ts" />\n${printDeclarations(model)}`;
  return [await formatCode({ path: TYPES_FILE, contents }), ...STANDALONE_FILES];
}

/** The unformatted declarations, built as one structure and printed once. */
function printDeclarations(model: ApiModel): string {
  const endpoints = [...model.endpoints].sort((a, b) => compareText(a.path, b.path));
  const { roots, paths } = buildTree(endpoints);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: 'axios',
      namedImports: ['AxiosRequestConfig', 'AxiosPromise'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: 'fs',
      namedImports: ['ReadStream'],
    },
  ];
  statements.push({
    ...namespaceDeclaration(ROOT_NAMESPACE, sortedChildren(roots).flatMap(levelStatements)),
    hasDeclareKeyword: true,
  });
  statements.push(...notificationStatements(model));
  statements.push(
    {
      kind: StructureKind.Interface,
      name: 'Wechatpay',
      isExported: true,
      properties: sortedChildren(roots).map((root) => ({
        name: propertyKey(root.segment.propName),
        type: root.namespace,
        docs: [root.segment.raw === 'v3' ? 'APIv3 endpoint' : `${root.segment.raw} endpoint`],
      })),
    },
    {
      kind: StructureKind.Interface,
      name: 'Paths',
      isExported: true,
      properties: paths,
    },
  );

  const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements };
  // Printed straight from the structure: a source file would also parse everything it prints.
  return printStructure(structure, { indentNumberOfSpaces: 2, newLine: '\n' });
}

/** The URL tree, and each endpoint's `Paths` entry in the endpoints' order. */
function buildTree(endpoints: readonly Endpoint[]): {
  roots: Map<string, TreeNode>;
  paths: OptionalKind<PropertySignatureStructure>[];
} {
  const roots = new Map<string, TreeNode>();
  const paths: OptionalKind<PropertySignatureStructure>[] = [];
  for (const endpoint of endpoints) {
    let level = roots;
    let namespace = ROOT_NAMESPACE;
    let node: TreeNode | undefined;
    for (const segment of endpoint.segments) {
      namespace = `${namespace}.${segment.typeName}`;
      node = level.get(segment.raw);
      if (!node) {
        checkSegment(segment, level, endpoint);
        node = { segment, namespace, children: new Map() };
        level.set(segment.raw, node);
      }
      level = node.children;
    }
    if (node) {
      node.endpoint = endpoint;
      paths.push({ name: stringLiteral(endpoint.path), type: node.namespace });
    }
  }
  return { roots, paths };
}

/** Segment names the declarations cannot represent are a spec error, reported at the spec file. */
function checkSegment(segment: PathSegment, siblings: Map<string, TreeNode>, endpoint: Endpoint): void {
  const fail = (message: string): never => {
    throw new DiagnosticError({
      severity: 'error',
      code: 'UNREPRESENTABLE_SEGMENT',
      message,
      location: endpoint.source,
    });
  };
  if (!isIdentifier(segment.typeName)) fail(`URL segment '${segment.raw}' gives no valid type name`);
  if (RESERVED_TYPE_NAMES.has(segment.typeName)) {
    fail(`URL segment '${segment.raw}' would shadow the type ${segment.typeName}`);
  }
  for (const sibling of siblings.values()) {
    if (sibling.segment.typeName === segment.typeName || sibling.segment.propName === segment.propName) {
      fail(`URL segments '${sibling.segment.raw}' and '${segment.raw}' give the same name ${segment.typeName}`);
    }
  }
  // The client turns a chain property back into a segment: one it would send differently cannot be declared.
  if (isProbedName(segment.propName) || propertyToSegment(segment.propName) !== segment.raw) {
    fail(
      `URL segment '${segment.raw}' gives the chain property ${segment.propName}, which the client would send as '${propertyToSegment(segment.propName)}'`,
    );
  }
}

function sortedChildren(children: Map<string, TreeNode>): TreeNode[] {
  return [...children.values()].sort((a, b) => compareText(a.segment.raw, b.segment.raw));
}

/**
 * A level as its parent namespace holds it: its namespace (its method namespaces, then its
 * children), then its interface. Nested, each namespace is declared once: re-opening a dotted
 * chain per endpoint makes the compiler merge thousands of declarations of every level above.
 */
function levelStatements(node: TreeNode): StatementStructures[] {
  const children = sortedChildren(node.children);
  const name = node.segment.typeName;
  const operations = (node.endpoint?.operations ?? []).map((operation) => operationDeclarations(operation, name));
  const endpointInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    callSignatures: operations.flatMap((operation) => operation.callSignatures),
    methods: operations.flatMap((operation) => operation.methods),
    properties: children.map(
      (child): OptionalKind<PropertySignatureStructure> => ({
        name: propertyKey(child.segment.propName),
        type: `${name}.${child.segment.typeName}`,
      }),
    ),
  };
  const statements = [
    ...operations.map((operation) => namespaceDeclaration(operation.namespace, operation.statements)),
    ...children.flatMap(levelStatements),
  ];
  return [namespaceDeclaration(name, statements), endpointInterface];
}

function namespaceDeclaration(name: string, statements: StatementStructures[]): ModuleDeclarationStructure {
  return {
    kind: StructureKind.Module,
    name,
    declarationKind: ModuleDeclarationKind.Namespace,
    isExported: true,
    statements,
  };
}

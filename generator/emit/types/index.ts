import type { OptionalKind, PropertySignatureStructure, StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph.ts';
import type { EmittedFile } from '../files.ts';
import { compareText, specError, type ApiModel, type Endpoint, type PathSegment } from '../../model/types.ts';
import { formatCode } from '../format.ts';
import { joinParts, memoMany } from '../memo.ts';
import { notificationStatements } from './notifications.ts';
import { interfaceDeclaration, namespaceDeclaration, operationDeclarations } from './operation.ts';
import { isIdentifier, propertyKey, stringLiteral } from '../literal.ts';
import { isProbedName, propertyToSegment } from '../../../templates/runtime/chain.ts';

/** Where the declarations go, relative to the package root. */
export const TYPES_FILE = 'dist/openapi.d.ts';

/** The namespace every segment namespace lives in. */
const ROOT_NAMESPACE = 'WeChatPay.OpenAPI';

/** The types the declarations import, by module. */
const TYPE_IMPORTS = { axios: ['AxiosRequestConfig', 'AxiosPromise'], fs: ['ReadStream'] };

/**
 * Global and imported names the declarations refer to from inside the namespaces: a segment
 * namespace spelled like one of them would shadow it for everything nested below.
 */
const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([...Object.values(TYPE_IMPORTS).flat(), 'Date']);

/** A level of the URL tree: a namespace, and the interface of the same name in its parent. */
interface TreeNode {
  segment: PathSegment;
  /** Dotted name of this level's namespace: `WeChatPay.OpenAPI.V3.Marketing`. */
  namespace: string;
  /** How many namespaces deep its statements sit: 1 for a child of the root namespace. */
  depth: number;
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

/**
 * A unit of the declarations (the file around the URL tree, or one level of it): its statements, at
 * `depth` namespaces deep, depend only on its unit name and input (emit/memo.ts).
 */
type Part = [unit: string, input: object, depth: number, statements: () => StatementStructures[]];

/** Where a level's children go (see childrenSlot), so that a level is printed and formatted without them. */
const CHILDREN_SLOT = /^ *export namespace \$children \{\}\n/m;
/** Starts each part in the text of the parts formatted together. */
const PART_MARK = '// #part';
const PART_START = /^(?=\/\/ #part$)/m;
/** Levels printed and formatted together: a few batches on the corpus, so that printing and formatting overlap. */
const BATCH_SIZE = 200;

/** Emits `dist/openapi.d.ts`: the nested namespace declarations, `Wechatpay` and `Paths`. */
export async function emitTypes(model: ApiModel): Promise<EmittedFile[]> {
  const endpoints = [...model.endpoints].sort((a, b) => compareText(a.path, b.path));
  const roots = buildTree(endpoints);
  const paths = endpoints.map((endpoint) => ({
    name: stringLiteral(endpoint.path),
    type: [ROOT_NAMESPACE, ...endpoint.segments.map((segment) => segment.typeName)].join('.'),
  }));
  const below = (children: Map<string, TreeNode>): TreeNode[] =>
    sortedChildren(children).flatMap((node) => [node, ...below(node.children)]);
  const rootSegments = sortedChildren(roots).map((root) => root.segment);
  const texts = await formatParts([
    [
      'types',
      { notifications: model.notifications, rootSegments, paths },
      0,
      () => fileStatements(model, roots, paths),
    ],
    ...below(roots).map((node): Part => {
      // The unit names the children: the level's interface refers to them.
      const children = sortedChildren(node.children).map(({ segment }) => `${segment.propName}:${segment.typeName}`);
      return [`types ${node.namespace} ${children}`, node.endpoint ?? {}, node.depth, () => levelStatements(node)];
    }),
  ]).then((texts) => texts.values());
  // The texts come in the order of a walk of the tree, the order the file is assembled in.
  const out = ['/// <reference path="./read-stream.d.ts" />\n'];
  const assemble = (children: Map<string, TreeNode>): void => {
    const [head, tail = ''] = texts.next().value!;
    out.push(head!);
    sortedChildren(children).forEach((child, index) => {
      if (index > 0) out.push('\n');
      assemble(child.children);
    });
    out.push(tail);
  };
  assemble(roots);
  return [{ path: TYPES_FILE, contents: joinParts(TYPES_FILE, out) }, ...STANDALONE_FILES];
}

/**
 * Each part's formatted text, split where its children go. The parts not kept (emit/memo.ts) are
 * printed in batches, each part inside `depth` stand-in namespaces so that the formatter lays it out
 * at its own indentation, and split back: a watch run prints and formats only the levels whose
 * input changed. A batch is formatted off the main thread while the next one is built and printed.
 */
async function formatParts(parts: readonly Part[]): Promise<string[][]> {
  return memoMany(parts, async (missing) => {
    const batches = Array.from({ length: Math.ceil(missing.length / BATCH_SIZE) }, (_, index) =>
      missing.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE),
    );
    const formatted = await Promise.all(
      batches.map((batch) => formatCode({ path: TYPES_FILE, contents: printParts(batch) })),
    );
    const laidOut = formatted.flatMap((file) => file.contents.split(PART_START));
    if (laidOut.length !== missing.length) throw new Error(`${TYPES_FILE}: the formatter merged or split parts`);
    return missing.map(([, , depth], index) => {
      // The part's lines, without the mark's line, the blank lines around and the stand-in namespaces' lines.
      const lines = laidOut[index]!.trimEnd().split('\n').slice(1);
      while (lines[0] === '') lines.shift();
      return `${lines.slice(depth, lines.length - depth).join('\n')}\n`.split(CHILDREN_SLOT);
    });
  });
}

/** The parts, each after a mark and inside `depth` stand-in namespaces, built as one structure and printed once. */
function printParts(parts: readonly Part[]): string {
  const statements = parts.flatMap(([, , depth, build]) => {
    let nested = build();
    for (let level = 0; level < depth; level++) nested = [namespaceDeclaration('$part', nested)];
    return [PART_MARK, ...nested];
  });
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, newLine: '\n' });
}

/** What surrounds the URL tree: the imports, the root namespace, the notifications, `Wechatpay` and `Paths`. */
function fileStatements(
  model: ApiModel,
  roots: Map<string, TreeNode>,
  paths: OptionalKind<PropertySignatureStructure>[],
): StatementStructures[] {
  return [
    ...Object.entries(TYPE_IMPORTS).map(
      ([moduleSpecifier, namedImports]): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier,
        namedImports,
      }),
    ),
    { ...namespaceDeclaration(ROOT_NAMESPACE, childrenSlot(roots)), hasDeclareKeyword: true },
    ...notificationStatements(model),
    interfaceDeclaration('Wechatpay', {
      properties: sortedChildren(roots).map((root) => ({
        name: propertyKey(root.segment.propName),
        type: root.namespace,
        docs: [root.segment.raw === 'v3' ? 'APIv3 endpoint' : `${root.segment.raw} endpoint`],
      })),
    }),
    interfaceDeclaration('Paths', { properties: paths }),
  ];
}

function childrenSlot(children: Map<string, TreeNode>): StatementStructures[] {
  return children.size > 0 ? [namespaceDeclaration('$children', [])] : [];
}

function buildTree(endpoints: readonly Endpoint[]): Map<string, TreeNode> {
  const roots = new Map<string, TreeNode>();
  for (const endpoint of endpoints) {
    let level = roots;
    let namespace = ROOT_NAMESPACE;
    let node: TreeNode | undefined;
    for (const [index, segment] of endpoint.segments.entries()) {
      namespace = `${namespace}.${segment.typeName}`;
      node = level.get(segment.raw);
      if (!node) {
        checkSegment(segment, level, endpoint);
        node = { segment, namespace, depth: index + 1, children: new Map() };
        level.set(segment.raw, node);
      }
      level = node.children;
    }
    if (node) node.endpoint = endpoint;
  }
  return roots;
}

/** Segment names the declarations cannot represent are a spec error, reported at the spec file. */
function checkSegment(segment: PathSegment, siblings: Map<string, TreeNode>, endpoint: Endpoint): void {
  const fail = (message: string): never => specError('UNREPRESENTABLE_SEGMENT', message, endpoint.source);
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
 * A level as its parent namespace holds it: its namespace (its method namespaces, then the slot of
 * its children), then its interface. Nested, each namespace is declared once: re-opening a dotted
 * chain per endpoint makes the compiler merge thousands of declarations of every level above.
 */
function levelStatements(node: TreeNode): StatementStructures[] {
  const name = node.segment.typeName;
  const operations = (node.endpoint?.operations ?? []).map((operation) => operationDeclarations(operation, name));
  const statements = [...operations.map((operation) => operation.namespace), ...childrenSlot(node.children)];
  return [
    namespaceDeclaration(name, statements),
    interfaceDeclaration(name, {
      callSignatures: operations.flatMap((operation) => operation.callSignatures),
      methods: operations.flatMap((operation) => operation.methods),
      properties: sortedChildren(node.children).map((child) => ({
        name: propertyKey(child.segment.propName),
        type: `${name}.${child.segment.typeName}`,
      })),
    }),
  ];
}

/**
 * What the runtime must know of each operation, emitted from the specs: downloads are exempt from
 * response verification and streamed, uploads are sent as multipart, some operations live on another host.
 */

export type OperationInfo = { download?: true; multipart?: true; baseURL?: string };

export type HttpVerb = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** URL path template as in the spec (no leading slash, `{x}` placeholders) -> method -> info. */
export type OperationTable = Record<string, Partial<Record<HttpVerb, OperationInfo>>>;

/** Finds the operation of a concrete request path such as `v3/billdownload/file` or `v3/merchant/media/ABC`. */
export type OperationMatcher = (method: HttpVerb, path: string) => OperationInfo | undefined;

/** A concrete request path matched to its operation. */
export interface MatchedOperation {
  info: OperationInfo;
  /** The table's key: `v3/merchant-service/images/{media_id}`. */
  template: string;
  /** The placeholders' values, percent-decoded: `{ media_id: 'ABC/1' }`. */
  pathParams: Record<string, string>;
}

/** As `OperationMatcher`, also giving the template and the path parameters. */
export type OperationResolver = (method: HttpVerb, path: string) => MatchedOperation | undefined;

interface TrieNode {
  literals: Map<string, TrieNode>;
  /** Child for a `{placeholder}` segment: matches any one non-empty segment. */
  placeholder: TrieNode | undefined;
  methods: Partial<Record<HttpVerb, OperationInfo>> | undefined;
  /** The template ending at this node, with its placeholder names by segment index. */
  template: string | undefined;
  placeholders: Map<number, string> | undefined;
}

const PLACEHOLDER = /^\{[^{}/]+\}$/;

function newNode(): TrieNode {
  return { literals: new Map(), placeholder: undefined, methods: undefined, template: undefined, placeholders: undefined };
}

/**
 * Builds a matcher over the table. A template segment `{x}` matches exactly one segment; literal
 * segments win over placeholders (`v3/a/batch` before `v3/a/{id}`). Leading slashes are ignored,
 * a trailing slash is a segment of its own (the `_empty_` endpoints).
 */
export function createOperationMatcher(table: OperationTable): OperationMatcher {
  const resolve = createOperationResolver(table);
  return (method, path) => resolve(method, path)?.info;
}

/** Builds a resolver over the table, matching as `createOperationMatcher` does. */
export function createOperationResolver(table: OperationTable): OperationResolver {
  const root = newNode();
  for (const [template, methods] of Object.entries(table)) {
    let node = root;
    const placeholders = new Map<number, string>();
    for (const [index, segment] of splitPath(template).entries()) {
      if (PLACEHOLDER.test(segment)) {
        placeholders.set(index, segment.slice(1, -1));
        node.placeholder ??= newNode();
        node = node.placeholder;
      } else {
        let next = node.literals.get(segment);
        if (next === undefined) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.methods = methods;
    node.template = template;
    node.placeholders = placeholders;
  }
  return (method, path) => {
    const segments = splitPath(path);
    const node = lookup(root, segments, 0, method);
    const info = node?.methods?.[method];
    if (node === undefined || info === undefined) return undefined;
    const pathParams: Record<string, string> = {};
    for (const [index, name] of node.placeholders ?? []) pathParams[name] = decodeSegment(segments[index] as string);
    return { info, template: node.template as string, pathParams };
  };
}

/** The node holding `method` for the path; literal segments are tried before placeholders. */
function lookup(node: TrieNode, segments: string[], index: number, method: HttpVerb): TrieNode | undefined {
  if (index === segments.length) return node.methods?.[method] === undefined ? undefined : node;
  const segment = segments[index] as string;
  const literal = node.literals.get(segment);
  const viaLiteral = literal === undefined ? undefined : lookup(literal, segments, index + 1, method);
  if (viaLiteral !== undefined) return viaLiteral;
  if (node.placeholder === undefined || segment === '') return undefined;
  return lookup(node.placeholder, segments, index + 1, method);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is the value as written.
    return segment;
  }
}

function splitPath(path: string): string[] {
  return (path.startsWith('/') ? path.replace(/^\/+/, '') : path).split('/');
}

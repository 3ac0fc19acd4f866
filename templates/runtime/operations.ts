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

interface TrieNode {
  literals: Map<string, TrieNode>;
  /** Child for a `{placeholder}` segment: matches any one non-empty segment. */
  placeholder: TrieNode | undefined;
  methods: Partial<Record<HttpVerb, OperationInfo>> | undefined;
}

const PLACEHOLDER = /^\{[^{}/]+\}$/;

function newNode(): TrieNode {
  return { literals: new Map(), placeholder: undefined, methods: undefined };
}

/**
 * Builds a matcher over the table. A template segment `{x}` matches exactly one segment; literal
 * segments win over placeholders (`v3/a/batch` before `v3/a/{id}`). Leading slashes are ignored,
 * a trailing slash is a segment of its own (the `_empty_` endpoints).
 */
export function createOperationMatcher(table: OperationTable): OperationMatcher {
  const root = newNode();
  for (const [template, methods] of Object.entries(table)) {
    let node = root;
    for (const segment of splitPath(template)) {
      if (PLACEHOLDER.test(segment)) {
        node.placeholder ??= newNode();
        node = node.placeholder;
      } else {
        let next = node.literals.get(segment);
        if (next === undefined) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.methods = methods;
  }
  return (method, path) => lookup(root, splitPath(path), 0, method);
}

function lookup(node: TrieNode, segments: string[], index: number, method: HttpVerb): OperationInfo | undefined {
  if (index === segments.length) return node.methods?.[method];
  const segment = segments[index] as string;
  const literal = node.literals.get(segment);
  const viaLiteral = literal === undefined ? undefined : lookup(literal, segments, index + 1, method);
  if (viaLiteral !== undefined) return viaLiteral;
  if (node.placeholder === undefined || segment === '') return undefined;
  return lookup(node.placeholder, segments, index + 1, method);
}

function splitPath(path: string): string[] {
  return path.replace(/^\/+/, '').split('/');
}

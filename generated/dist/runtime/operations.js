const PLACEHOLDER = /^\{[^{}/]+\}$/;
function newNode() {
  return {
    literals: new Map(),
    placeholder: undefined,
    methods: undefined,
    template: undefined,
    placeholders: undefined,
  };
}
/**
 * Builds a matcher over the table. A template segment `{x}` matches exactly one segment; literal
 * segments win over placeholders (`v3/a/batch` before `v3/a/{id}`). Leading slashes are ignored,
 * a trailing slash is a segment of its own (the `_empty_` endpoints).
 */
export function createOperationMatcher(table) {
  const resolve = createOperationResolver(table);
  return (method, path) => resolve(method, path)?.info;
}
/** Builds a resolver over the table, matching as `createOperationMatcher` does. */
export function createOperationResolver(table) {
  const root = newNode();
  for (const [template, methods] of Object.entries(table)) {
    let node = root;
    const placeholders = new Map();
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
    const pathParams = {};
    for (const [index, name] of node.placeholders ?? []) pathParams[name] = decodeSegment(segments[index]);
    return {
      info,
      template: node.template,
      pathParams,
    };
  };
}
/** The node holding `method` for the path; literal segments are tried before placeholders. */
function lookup(node, segments, index, method) {
  if (index === segments.length) return node.methods?.[method] === undefined ? undefined : node;
  const segment = segments[index];
  const literal = node.literals.get(segment);
  const viaLiteral = literal === undefined ? undefined : lookup(literal, segments, index + 1, method);
  if (viaLiteral !== undefined) return viaLiteral;
  if (node.placeholder === undefined || segment === '') return undefined;
  return lookup(node.placeholder, segments, index + 1, method);
}
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is the value as written.
    return segment;
  }
}
function splitPath(path) {
  return (path.startsWith('/') ? path.replace(/^\/+/, '') : path).split('/');
}

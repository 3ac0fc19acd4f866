/**
 * The chain objects behind `wxpay.v3.a.bC._x_.d`, `wxpay.chain('v3/a/b-c/{x}/d')` and
 * `wxpay['v3/a/b-c/{x}/d']`. A node is a Proxy that only ever sends a request when one of its verb
 * methods is called or the node itself is called (POST); probing it (await, logging, JSON, coercion,
 * framework duck-typing) sends nothing.
 */
import { inspect } from 'node:util';
export const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/**
 * Names that promise/JSON/inspection/test-framework machinery probes on any object. They answer as a
 * plain object would, so `await node` resolves to the node, `JSON.stringify(node)` gives its path and
 * so on. (`apply` and `bind` are real URL segments and stay chainable.)
 */
const PROBED_NAMES = new Set([
  'then',
  'catch',
  'finally',
  'constructor',
  'prototype',
  'inspect',
  'toJSON',
  'toString',
  'valueOf',
  'toLocaleString',
  '$$typeof',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'length',
  'name',
  'caller',
  'arguments',
]);
/**
 * Whether a property name is probing machinery rather than a URL segment. A URL segment spelled like
 * one is declared with a leading capital (`Then`, `Constructor`), as verbs are; `__proto__` is a
 * segment (the node's prototype is read through the proxy's own trap, not this property).
 */
export function isProbedName(name) {
  return PROBED_NAMES.has(name) || (name.startsWith('__') && name !== '__proto__') || name.startsWith('@@');
}
/**
 * A chain property to its URL segment: camelCase -> kebab-case (`membercardOpen` -> `membercard-open`),
 * `_x_` and `$x$` -> `{x}`, `_empty_` -> `` (trailing slash), and a leading capital only escapes a
 * verb or probed name (`Delete` -> `delete`, `Then` -> `then`); `__proto__` is itself.
 */
export function propertyToSegment(name) {
  if (name === '_empty_' || name === '__proto__') return name === '_empty_' ? '' : name;
  const placeholder = /^_(.+)_$/.exec(name) ?? /^\$(.+)\$$/.exec(name);
  if (placeholder) return `{${placeholder[1]}}`;
  const unescaped = name.charAt(0).toLowerCase() + name.slice(1);
  return unescaped.replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`);
}
/** Joins a node's path and one more segment, keeping a string path's literal spelling. */
function childPath(path, segment) {
  return path === '' ? segment : `${path}/${segment}`;
}
/** A chain node for `path` (no leading slash; a literal string path is kept as written). */
export function createEndpoint(path, dispatch) {
  const describe = () => `/${path}`;
  const verbs = {
    get: (config) => dispatch('get', path, undefined, config),
    delete: (config) => dispatch('delete', path, undefined, config),
    post: (data, config) => dispatch('post', path, data, config),
    put: (data, config) => dispatch('put', path, data, config),
    patch: (data, config) => dispatch('patch', path, data, config),
  };
  const children = new Map();
  // The target is a function so that the node itself can be called (the documented "shortland" POST).
  const target = function endpoint() {};
  return new Proxy(target, {
    apply: (_target, _thisArg, args) => verbs.post(args[0], args[1]),
    get: (_target, property) => {
      if (typeof property === 'symbol') {
        if (property === Symbol.toPrimitive) return describe;
        if (property === inspect.custom) return () => `[WechatpayEndpoint ${describe()}]`;
        if (property === Symbol.toStringTag) return 'WechatpayEndpoint';
        return undefined;
      }
      if (HTTP_VERBS.has(property)) return verbs[property];
      if (property === 'toString' || property === 'valueOf' || property === 'toJSON') return describe;
      if (isProbedName(property)) return undefined;
      let child = children.get(property);
      if (child === undefined) {
        child = createEndpoint(childPath(path, propertyToSegment(property)), dispatch);
        children.set(property, child);
      }
      return child;
    },
    // Nodes are read-only views of a path.
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

import type { HttpVerb } from './operations.js';
export declare const HTTP_VERBS: ReadonlySet<string>;
/** Sends one request: `path` is the template or literal path the caller built, without a leading slash. */
export type Dispatch = (method: HttpVerb, path: string, data: unknown, config: unknown) => Promise<unknown>;
/**
 * Whether a property name is probing machinery rather than a URL segment. A URL segment spelled like
 * one is declared with a leading capital (`Then`, `Constructor`), as verbs are; `__proto__` is a
 * segment (the node's prototype is read through the proxy's own trap, not this property).
 */
export declare function isProbedName(name: string): boolean;
/**
 * A chain property to its URL segment: camelCase -> kebab-case (`membercardOpen` -> `membercard-open`),
 * `_x_` and `$x$` -> `{x}`, `_empty_` -> `` (trailing slash), and a leading capital only escapes a
 * verb or probed name (`Delete` -> `delete`, `Then` -> `then`); `__proto__` is itself.
 */
export declare function propertyToSegment(name: string): string;
/** A chain node for `path` (no leading slash; a literal string path is kept as written). */
export declare function createEndpoint(path: string, dispatch: Dispatch): unknown;

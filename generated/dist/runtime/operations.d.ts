/**
 * What the runtime must know of each operation, emitted from the specs: downloads are exempt from
 * response verification and streamed, uploads are sent as multipart, some operations live on another host.
 */
export type OperationInfo = {
  download?: true;
  multipart?: true;
  baseURL?: string;
};
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
/**
 * Builds a matcher over the table. A template segment `{x}` matches exactly one segment; literal
 * segments win over placeholders (`v3/a/batch` before `v3/a/{id}`). Leading slashes are ignored,
 * a trailing slash is a segment of its own (the `_empty_` endpoints).
 */
export declare function createOperationMatcher(table: OperationTable): OperationMatcher;
/** Builds a resolver over the table, matching as `createOperationMatcher` does. */
export declare function createOperationResolver(table: OperationTable): OperationResolver;

import { type JsonSchema, type RequestSchemaTable } from './request-schema.js';
/** One problem with a request: `coupon_code_list[3]` + `longer than 32 characters`. */
export interface ValidationIssue {
  /** Body fields and path parameters by name (`coupon_code_list[3]`, `card_id`); query and header parameters as `params.x`, `headers.x`; the whole body as `data`. */
  path: string;
  /** The rule broken: `required`, `longer than 32 characters`, `must be one of SUCCESS, DUPLICATE, FAIL`, ... */
  message: string;
}
/** What a request is checked on: the parts an axios call carries. */
export interface RequestParts {
  /** The JSON body: an object, or a string / Buffer already serialised. */
  data?: unknown;
  params?: Readonly<Record<string, unknown>>;
  headers?: Readonly<Record<string, unknown>>;
  pathParams?: Readonly<Record<string, unknown>>;
}
export type RequestValidator = (request: RequestParts) => ValidationIssue[];
/** The shape of an ajv error object. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Readonly<Record<string, unknown>>;
}
/** An ajv-compiled check: `false` and `errors` set when the data does not match. */
export interface CompiledCheck {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}
/**
 * `^`, then single characters each with at most one quantifier, at most one of them of variable
 * length, then an optional `$`: anchored, with no group, alternation or second variable run to
 * retry, a backtracking engine does at most linear work, and means what RE2 means by it.
 */
export declare function backtrackSafe(pattern: string): boolean;
/** The validator of one schema, compiled on first use and cached. */
export declare function compileRequestValidator(schema: JsonSchema): RequestValidator;
/** The validator of an operation (`undefined` when the table has no schema for it), compiled on first use. */
export declare function requestValidator(
  schemas: RequestSchemaTable,
  method: string,
  pathTemplate: string,
): RequestValidator | undefined;
/** Runs a compiled check on the request as it will go on the wire. */
export declare function collectIssues(check: CompiledCheck, request: RequestParts): ValidationIssue[];
/**
 * The request as the server sees it: the body after JSON serialisation (a `Date` becomes its ISO string),
 * parameters as text, header names lower-cased; the parameter containers are always present.
 */
export declare function toWire(request: RequestParts): Record<string, unknown>;
/** Words ajv's findings: a field path in the request's own terms and the rule broken. */
export declare function issuesFromErrors(errors: readonly SchemaError[]): ValidationIssue[];
/** One line per issue: `coupon_code_list[3]: longer than 32 characters`. */
export declare function formatIssues(issues: readonly ValidationIssue[]): string;
/**
 * Checks a request against its operation's schema; throws `UsageError` listing every problem.
 * An operation without a schema passes unchecked.
 */
export declare function validateRequest(
  schemas: RequestSchemaTable,
  method: string,
  pathTemplate: string,
  request: RequestParts,
): void;
/** Runs an operation's validator; throws `UsageError` listing every problem. */
export declare function checkRequest(
  validator: RequestValidator,
  method: string,
  pathTemplate: string,
  request: RequestParts,
): void;

/**
 * The intermediate model: the only thing emitters (types, runtime wiring, docs) read.
 * The loader builds it from YAML; nothing here knows about YAML, ts-morph or handlebars.
 * `$ref`s are resolved and `allOf` flattened before a node lands here.
 */
import type { JsonSchema } from '../../templates/runtime/request-schema.ts';

/**
 * The HTTP methods an operation may use, in the order the methods of one endpoint are emitted and
 * documented; `takesData`: the method's first argument is the request body (`data`).
 */
export const HTTP_METHOD_TABLE = {
  get: { takesData: false },
  post: { takesData: true },
  put: { takesData: true },
  patch: { takesData: true },
  delete: { takesData: false },
} as const satisfies Record<string, { takesData: boolean }>;

export type HttpMethod = keyof typeof HTTP_METHOD_TABLE;

export const HTTP_METHODS = Object.keys(HTTP_METHOD_TABLE) as readonly HttpMethod[];

export interface SourceLocation {
  /** Path of the spec file, relative to the spec root, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

/**
 * Validation rules carried from the spec, used for JSDoc, docs tables and validators: the keywords
 * of the request schemas the runtime checks, so both name them alike.
 */
export type Constraints = Pick<
  JsonSchema,
  'minLength' | 'maxLength' | 'pattern' | 'minItems' | 'maxItems' | 'minimum' | 'maximum'
>;

interface SchemaBase {
  description?: string;
  /** The spec's `example`, as parsed from YAML. */
  example?: unknown;
  constraints: Constraints;
  nullable?: boolean;
  /** `x-is-sensitive`: the value must be RSA-OAEP encrypted with the platform key. */
  sensitive?: boolean;
  /** Name of the shared definition this node was resolved from (`Enumerations.yaml#Name` gives `Name`). */
  definition?: string;
}

export interface StringSchema extends SchemaBase {
  kind: 'string';
  /** `rfc3339`, `base64`, `MediaId`, `url`, `date`, ... as written in the spec. */
  format?: string;
  enum?: string[];
}

export interface NumberSchema extends SchemaBase {
  kind: 'number';
  /** `type: integer` (as opposed to `number`). */
  integer: boolean;
  format?: string;
  enum?: number[];
}

export interface Property {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface ObjectSchema extends SchemaBase {
  kind: 'object';
  /** `undefined` when the spec gives no `properties` (documented as `{}`). */
  properties?: Property[];
}

export interface ArraySchema extends SchemaBase {
  kind: 'array';
  /** `undefined` when the spec gives no `items` (documented as `[]`). */
  items?: Schema;
}

/** `file`: a binary part of a multipart upload; `unknown`: what the loader degrades a broken node to under `--keep-going`. */
interface OtherSchema extends SchemaBase {
  kind: 'boolean' | 'file' | 'unknown';
}

export type Schema = StringSchema | NumberSchema | ObjectSchema | ArraySchema | OtherSchema;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: Schema;
}

export type RequestBody =
  | { kind: 'json'; required: boolean; schema: Schema }
  /** `consumes: multipart/form-data`: `meta` is the JSON part the signature covers, `file` the binary. */
  | { kind: 'multipart'; meta: Schema; fileField: string; metaField: string };

export type ResponseBody =
  | { kind: 'json'; status: number; schema: Schema }
  /** 204/202 or a 200 without schema on a non-download: `WellformedResponse {}`. */
  | { kind: 'empty'; status: number }
  /** A GET whose 200 has no schema or whose `produces` is not JSON: unsigned stream. */
  | { kind: 'download'; status: number; contentTypes: string[] };

/** A row of the error-code table (`x-error-codes`). */
export interface ErrorCode {
  status: number;
  code: string;
  description: string;
  solution?: string;
}

export interface Operation {
  method: HttpMethod;
  /** The URL path without a leading slash, exactly as requested: `v3/marketing/busifavor/stocks/{stock_id}/couponcodes`. */
  path: string;
  summary?: string;
  /** The description with its `[官方文档](url)` links removed. */
  description?: string;
  /** One per `[官方文档](url)` link in the description, in order. */
  docLinks: string[];
  tags: string[];
  deprecated: boolean;
  /** `x-last-updated-at`, kept as the string written (`2025.07.25`). */
  lastUpdatedAt?: string;
  /** `x-baseuri`: the operation is served from another host. */
  baseURL?: string;
  /** `x-showcase: true`: the package README's example. */
  showcase?: true;
  /** `x-role`: the merchant roles allowed to call it. */
  roles?: string[];
  /** `x-version`: the documented versions (`2023.12.05`). */
  versions?: string[];
  /** In the spec's `parameters` order. */
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** Absent when the operation takes no body (a POST without one still gets `JsonDataRequest {}`). */
  body?: RequestBody;
  response: ResponseBody;
  errorCodes: ErrorCode[];
  source: SourceLocation;
}

export interface PathSegment {
  /** As in the URL: `membercard-open`, `{card_id}`, or `` for a trailing slash. */
  raw: string;
  kind: 'literal' | 'param' | 'empty';
  /** Namespace / interface name: `MembercardOpen`, `_card_id_`, `_empty_`, `Delete`. */
  typeName: string;
  /** Property on the chain: `membercardOpen`, `_card_id_`, `_empty_`, `Delete`. */
  propName: string;
}

/** One URL path (one spec file) with its operations. */
export interface Endpoint {
  path: string;
  segments: PathSegment[];
  /** Sorted by HTTP_METHODS order. */
  operations: Operation[];
  source: SourceLocation;
}

/** One `event_type` of the notifications WeChat Pay POSTs to a merchant's `notify_url`. */
export interface NotificationEvent {
  /** `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, ... */
  eventType: string;
  summary: string;
  description?: string;
  /** What the declarations call the decrypted resource: its definition's name. */
  resourceName: string;
  /** The decrypted `resource` of the envelope. */
  resource: Schema;
  source: SourceLocation;
}

/** `spec/notifications.yaml`: the signed envelope and the decrypted resource of each event type. */
export interface Notifications {
  /** The notification request's JSON body, before decryption. */
  envelope?: Schema;
  /** In code-unit order of `eventType`. */
  events: NotificationEvent[];
  source: SourceLocation;
}

export interface ApiModel {
  /** Sorted by path (code-unit order), so output never depends on directory listing order. */
  endpoints: Endpoint[];
  /** Absent when the spec tree has no `notifications.yaml`. */
  notifications?: Notifications;
}

const DOC_LINK = /\[官方文档\]\(([^)\s]+)\)/g;

/** `[官方文档](url)` links of a description become `docLinks`; the rest, trimmed, stays the description. */
export function splitDocLinks(text = ''): { description?: string; docLinks: string[] } {
  const docLinks = [...text.matchAll(DOC_LINK)].map((match) => match[1] ?? '');
  const description = text.replace(DOC_LINK, '').trim();
  return description === '' ? { docLinks } : { description, docLinks };
}

/** Every operation, in model order (endpoints by path, methods in HTTP_METHODS order). */
export function operationsOf(model: ApiModel): Operation[] {
  return model.endpoints.flatMap((endpoint) => endpoint.operations);
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable upper-snake code, e.g. `YAML_SYNTAX`, `UNKNOWN_KEY`, `UNKNOWN_TYPE`, `UNRESOLVED_REF`, `REF_CYCLE`. */
  code: string;
  message: string;
  location: SourceLocation;
}

/** `path:line:col: error|warning CODE message` — the one format every stage prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, col } = d.location;
  return `${file}:${line}:${col}: ${d.severity} ${d.code} ${d.message}`;
}

/** Code-unit order, independent of locale: the one order of paths, files and codes everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A spec error found past the loader (by an emitter): reported like any diagnostic, not as a crash. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
  }
}

export function specError(code: string, message: string, location: SourceLocation): never {
  throw new DiagnosticError({ severity: 'error', code, message, location });
}

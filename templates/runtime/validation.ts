/**
 * Request validation against the spec, before anything is signed or sent. The generator emits each
 * operation's request JSON Schema as data (`dist/validators.js`); this module compiles an operation's
 * schema with ajv the first time a request for it is checked, caches the compiled check, and turns its
 * findings into readable issues and one `UsageError`.
 */
import AjvModule from 'ajv';
import { RE2JS } from 're2js';
import { UsageError } from './errors.js';
import { CHECKED_FORMATS, type JsonSchema, type RequestSchemaTable } from './request-schema.js';

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

// ajv is CommonJS with `exports.default = Ajv` on the class itself: `.default` is the class whether the
// default import is the namespace (TypeScript's NodeNext view, vitest) or `module.exports` (Node's ESM loader).
const Ajv = AjvModule.default;
type AjvInstance = InstanceType<typeof Ajv>;
let sharedAjv: AjvInstance | undefined;

/** One ajv instance for every table, created on the first compile. */
function ajvInstance(): AjvInstance {
  if (sharedAjv !== undefined) return sharedAjv;
  const ajv = new Ajv({
    allErrors: true, // report every problem in one UsageError, not the first
    messages: false, // issues are worded here from keyword + params
    strict: true,
    strictTypes: true,
    // Members are looked up as own properties: an absent `toString` must not meet the inherited function.
    ownProperties: true,
    // `pattern` runs on RE2 (linear time): a spec pattern such as ^(a+)+$ cannot stall the process on a crafted value.
    code: { regExp: linearRegExp },
  });
  for (const [name, pattern] of Object.entries(CHECKED_FORMATS)) ajv.addFormat(name, pattern);
  sharedAjv = ajv;
  return ajv;
}

/**
 * ajv's RegExp engine interface: `test` is an unanchored search, as `RegExp#test` is, and
 * `toString()` names the pattern (ajv shares compiled patterns by it). A pattern that cannot
 * backtrack more than linearly (see `backtrackSafe`) runs on the native engine, which RE2JS
 * costs several times over; every other one on RE2JS, in linear time.
 */
function linearRegExp(pattern: string): { test(text: string): boolean; toString(): string } {
  if (backtrackSafe(pattern)) {
    try {
      return new RegExp(pattern, 'u');
    } catch {
      // A spelling the native engine refuses: RE2 decides.
    }
  }
  const compiled = RE2JS.compile(pattern);
  return { test: (text) => compiled.test(text), toString: () => `/${pattern}/` };
}
linearRegExp.code = 'linearRegExp';

/** One character: a literal, an escaped syntax character, `\d` / `\w` (ASCII in both engines), or a class of those. */
const SINGLE_CHARACTER = /\\[dwDW\\/.*+?()[\]{}|^$]|\[\^?(?:[^\\\][]|\\[dwDW\\/.*+?()[\]{}|^$-])+\]|[^\\[\](){}|.*+?^$]/y;
const QUANTIFIER = /[*+?]|\{\d+(,\d*)?\}/y;

/**
 * `^`, then single characters each with at most one quantifier, at most one of them of variable
 * length, then an optional `$`: anchored, with no group, alternation or second variable run to
 * retry, a backtracking engine does at most linear work, and means what RE2 means by it.
 */
export function backtrackSafe(pattern: string): boolean {
  if (!pattern.startsWith('^')) return false;
  let at = 1;
  let variable = 0;
  while (at < pattern.length && !(at === pattern.length - 1 && pattern[at] === '$')) {
    SINGLE_CHARACTER.lastIndex = at;
    if (!SINGLE_CHARACTER.test(pattern)) return false;
    QUANTIFIER.lastIndex = SINGLE_CHARACTER.lastIndex;
    const quantifier = QUANTIFIER.exec(pattern);
    at = quantifier === null ? SINGLE_CHARACTER.lastIndex : QUANTIFIER.lastIndex;
    if (quantifier !== null && !/^\{\d+\}$/.test(quantifier[0])) variable += 1;
  }
  return variable <= 1;
}

// Keyed by the schema object: tables are frozen module data, so a schema is compiled once per process.
const compiled = new WeakMap<JsonSchema, RequestValidator>();

/** The validator of one schema, compiled on first use and cached. */
export function compileRequestValidator(schema: JsonSchema): RequestValidator {
  let validator = compiled.get(schema);
  if (validator === undefined) {
    const check = ajvInstance().compile(schema) as CompiledCheck;
    validator = (request) => collectIssues(check, request);
    compiled.set(schema, validator);
  }
  return validator;
}

/** The validator of an operation (`undefined` when the table has no schema for it), compiled on first use. */
export function requestValidator(schemas: RequestSchemaTable, method: string, pathTemplate: string): RequestValidator | undefined {
  const key = `${method.toLowerCase()} ${pathTemplate.replace(/^\/+/, '')}`;
  // Own keys only: an operation named like an Object.prototype member must not find one.
  const schema = Object.hasOwn(schemas, key) ? schemas[key] : undefined;
  return schema === undefined ? undefined : compileRequestValidator(schema);
}

/** Runs a compiled check on the request as it will go on the wire. */
export function collectIssues(check: CompiledCheck, request: RequestParts): ValidationIssue[] {
  return check(toWire(request)) ? [] : issuesFromErrors(check.errors ?? []);
}

/**
 * The request as the server sees it: the body after JSON serialisation (a `Date` becomes its ISO string),
 * parameters as text, header names lower-cased; the parameter containers are always present.
 */
export function toWire(request: RequestParts): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  if (request.data !== undefined) wire.data = wireBody(request.data);
  wire.params = wireText(request.params ?? {}, (name) => name);
  wire.headers = wireText(request.headers ?? {}, (name) => name.toLowerCase());
  wire.pathParams = wireText(request.pathParams ?? {}, (name) => name);
  return wire;
}

function wireBody(data: unknown): unknown {
  const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : JSON.stringify(data);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: left as text, so the body's type check reports it.
    return text;
  }
}

function wireText(values: Readonly<Record<string, unknown>>, keyOf: (name: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    out[keyOf(name)] = value instanceof Date ? value.toISOString() : typeof value === 'object' ? value : String(value);
  }
  return out;
}

/** Words ajv's findings: a field path in the request's own terms and the rule broken. */
export function issuesFromErrors(errors: readonly SchemaError[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    const issue = { path: fieldPath(segments), message: ruleText(error) };
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** `['data', 'coupon_code_list', '3']` -> `coupon_code_list[3]`; `['params', 'limit']` -> `params.limit`. */
function fieldPath(segments: string[]): string {
  const [container = '', ...rest] = segments;
  // Body fields and path parameters are named bare, as the caller writes them in `data` and the config.
  const bare = container === 'data' || container === 'pathParams';
  if (rest.length === 0) return container;
  let path = bare ? '' : container;
  for (const segment of rest) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

const FORMAT_NOUNS: Readonly<Record<string, string>> = {
  rfc3339: 'an RFC 3339 date-time (2015-05-20T13:29:35+08:00)',
  'wire-integer': 'an integer',
  'wire-number': 'a number',
  'wire-boolean': 'true or false',
};

function ruleText(error: SchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return 'required';
    case 'maxLength':
      return `longer than ${String(params.limit)} characters`;
    case 'minLength':
      return `shorter than ${String(params.limit)} characters`;
    case 'maxItems':
      return `more than ${String(params.limit)} items`;
    case 'minItems':
      return `fewer than ${String(params.limit)} items`;
    case 'maximum':
      return `greater than ${String(params.limit)}`;
    case 'minimum':
      return `less than ${String(params.limit)}`;
    case 'pattern':
      return `does not match /${String(params.pattern)}/`;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return `must be one of ${allowed.filter((value) => value !== null).map(String).join(', ')}`;
    }
    case 'type':
      return `must be ${TYPE_NOUNS[String(params.type)] ?? String(params.type)}`;
    case 'format':
      return `must be ${FORMAT_NOUNS[String(params.format)] ?? String(params.format)}`;
    default:
      return `breaks the rule ${error.keyword}`;
  }
}

/** One line per issue: `coupon_code_list[3]: longer than 32 characters`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}

/**
 * Checks a request against its operation's schema; throws `UsageError` listing every problem.
 * An operation without a schema passes unchecked.
 */
export function validateRequest(schemas: RequestSchemaTable, method: string, pathTemplate: string, request: RequestParts): void {
  const validator = requestValidator(schemas, method, pathTemplate);
  if (validator !== undefined) checkRequest(validator, method, pathTemplate, request);
}

/** Runs an operation's validator; throws `UsageError` listing every problem. */
export function checkRequest(validator: RequestValidator, method: string, pathTemplate: string, request: RequestParts): void {
  const issues = validator(request);
  if (issues.length === 0) return;
  const lines = formatIssues(issues).split('\n').map((line) => `  - ${line}`);
  throw new UsageError(`Invalid request for ${method.toUpperCase()} /${pathTemplate.replace(/^\/+/, '')}:\n${lines.join('\n')}`);
}

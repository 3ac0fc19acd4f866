import {
  splitDocLinks,
  type ErrorCode,
  type HttpMethod,
  type Operation,
  type Parameter,
  type RequestBody,
  type ResponseBody,
  type Schema,
} from '../model/types.ts';
import type { Reporter } from './report.ts';
import { optional, SCHEMA_KEYS, type SchemaResolver } from './schema.ts';
import type { SpecFile } from './source.ts';
import { didYouMean } from './suggest.ts';
import { ValueReader } from './values.ts';
import type { YMap, YNode, YPair } from './yaml-tree.ts';

const OPERATION_KEYS: ReadonlySet<string> = new Set([
  'summary',
  'description',
  'deprecated',
  'tags',
  'consumes',
  'produces',
  'parameters',
  'responses',
  'operationId',
  'x-last-updated-at',
  'x-role',
  'x-baseuri',
  'x-version',
  'x-error-codes',
  'x-is-sensitive',
  'x-showcase',
]);
/** Misspellings accepted with a warning, as the key they stand for. */
const OPERATION_KEY_ALIASES: ReadonlyMap<string, string> = new Map([['tag', 'tags']]);
const PARAMETER_KEYS: ReadonlySet<string> = new Set(['name', 'in', 'required', 'description', 'schema']);
/** Non-body parameters carry their schema inline; the schema resolver checks those keys. */
const INLINE_PARAMETER_KEYS: ReadonlySet<string> = new Set([...PARAMETER_KEYS, ...SCHEMA_KEYS]);
const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'body', 'formData'] as const;
const RESPONSE_KEYS: ReadonlySet<string> = new Set(['schema', 'description', 'headers', 'examples']);
const ERROR_CODE_KEYS: ReadonlySet<string> = new Set(['status', 'code', 'description', 'solution']);

type ParameterLocation = (typeof PARAMETER_LOCATIONS)[number];

interface ParameterSource {
  file: SpecFile;
  map: YMap;
  /** Where the parameter is written in the operation (the `$ref` use, not the definition). */
  offset: number;
}

/** An operation's parameters by where they are sent. */
interface Params {
  path: Parameter[];
  query: Parameter[];
  header: Parameter[];
  body?: RequestBody;
}

interface FormPart {
  name: string;
  source: ParameterSource;
  isFile: boolean;
}

/** Builds one operation; `undefined` when it cannot be used at all (already reported). */
export class OperationLoader {
  private readonly read: ValueReader;

  constructor(
    private readonly schemas: SchemaResolver,
    private readonly reporter: Reporter,
  ) {
    this.read = new ValueReader(reporter);
  }

  load(file: SpecFile, path: string, method: HttpMethod, methodPair: YPair): Operation | undefined {
    const node = this.read.map(file, methodPair.value, `\`${method}\` must be an operation mapping; operation skipped`);
    if (!node) return undefined;
    const keys = this.operationKeys(file, node);
    const text = (key: string): string | undefined => this.read.text(file, keys.get(key));
    const { description, docLinks } = splitDocLinks(text('description'));
    const consumes = this.textList(file, keys.get('consumes'));
    const produces = this.textList(file, keys.get('produces'));
    const parameters = this.parameters(file, path, methodPair, keys.get('parameters'), consumes);
    return {
      method,
      path,
      ...optional('summary', text('summary')),
      ...optional('description', description),
      docLinks,
      tags: this.textList(file, keys.get('tags')),
      deprecated: this.read.flag(file, keys.get('deprecated')) ?? false,
      ...optional('lastUpdatedAt', text('x-last-updated-at')),
      ...optional('baseURL', this.baseURL(file, keys.get('x-baseuri'))),
      ...optional('showcase', this.read.flag(file, keys.get('x-showcase')) || undefined),
      ...optional('roles', annotationList(file, keys.get('x-role'))),
      ...optional('versions', annotationList(file, keys.get('x-version'))),
      pathParams: parameters.path,
      queryParams: parameters.query,
      headerParams: parameters.header,
      ...optional('body', parameters.body),
      response: this.response(file, method, methodPair, keys.get('responses'), produces),
      errorCodes: this.errorCodes(file, keys.get('x-error-codes')),
      source: file.location(methodPair.keyOffset),
    };
  }

  private operationKeys(file: SpecFile, node: YMap): Map<string, YPair> {
    const keys = new Map<string, YPair>();
    for (const pair of node.pairs) {
      const key = OPERATION_KEY_ALIASES.get(pair.key) ?? pair.key;
      if (key !== pair.key) {
        this.reporter.warning(
          file,
          pair.keyOffset,
          'UNKNOWN_KEY',
          `unknown operation key \`${pair.key}\`; did you mean \`${key}\`? (read as \`${key}\`)`,
        );
      } else if (!OPERATION_KEYS.has(key)) {
        this.read.unknownKey(file, pair, 'operation key', OPERATION_KEYS);
        continue;
      }
      if (keys.has(key)) this.reporter.duplicate(file, pair.keyOffset, 'key', key);
      keys.set(key, pair);
    }
    return keys;
  }

  private parameters(file: SpecFile, path: string, methodPair: YPair, pair: YPair | undefined, consumes: string[]) {
    const result: Params = { path: [], query: [], header: [] };
    const formData: FormPart[] = [];
    const items = pair ? this.read.list(file, pair.value, '`parameters` must be a list') : [];
    for (const item of items) {
      const source = this.parameterSource(file, item);
      if (!source) continue;
      const fields = this.parameterFields(source);
      if (!fields) continue;
      const { name, location, required } = fields;
      if (location === 'body') {
        const schemaNode = find(source.map, 'schema')?.value;
        if (!schemaNode)
          this.reporter.invalidValue(source.file, source.offset, `body parameter \`${name}\` has no \`schema\``);
        result.body = {
          kind: 'json',
          required,
          schema: schemaNode ? this.schemas.schema(source.file, schemaNode) : { kind: 'unknown', constraints: {} },
        };
      } else if (location === 'formData') {
        const type = find(source.map, 'type')?.value;
        formData.push({ name, source, isFile: type?.kind === 'scalar' && type.value === 'file' });
      } else {
        const description = this.read.text(source.file, find(source.map, 'description'));
        const inline = this.parameterSchema(source);
        // URL and header values are text: an untyped parameter is a string.
        const untyped = inline.kind === 'unknown' && !['schema', 'type', '$ref'].some((key) => find(source.map, key));
        const schema: Schema = untyped ? { ...inline, kind: 'string' } : inline;
        result[location].push({
          name,
          in: location,
          required: location === 'path' || required,
          ...optional('description', description),
          schema,
        });
      }
    }
    if (formData.length > 0) result.body = this.multipart(file, formData, consumes) ?? result.body;
    this.checkPathParams(file, path, methodPair, result, items);
    return result;
  }

  /** A parameter written inline or as a `$ref` into `definitions/Parameters.yaml` (siblings override). */
  private parameterSource(file: SpecFile, node: YNode): ParameterSource | undefined {
    const item = this.read.map(file, node, 'a parameter must be a mapping');
    if (!item) return undefined;
    const ref = find(item, '$ref');
    if (!ref) return { file, map: item, offset: item.offset };
    const target = this.parameterTarget(file, ref);
    if (!target) return undefined;
    const siblings = item.pairs.filter((pair) => pair !== ref);
    const overridden = new Set(siblings.map((pair) => pair.key));
    const map: YMap = {
      kind: 'map',
      offset: target.node.offset,
      pairs: [...target.node.pairs.filter((pair) => !overridden.has(pair.key)), ...siblings],
    };
    // With sibling overrides the merged mapping mixes two files; it is attributed to the using file.
    return siblings.length > 0
      ? { file, map, offset: item.offset }
      : { file: target.file, map, offset: target.node.offset };
  }

  /** Follows a parameter `$ref` (and any `$ref` its target holds, each relative to its own file) to a mapping. */
  private parameterTarget(file: SpecFile, ref: YPair): { file: SpecFile; node: YMap } | undefined {
    const seen = new Set<string>();
    let from = file;
    let refPair = ref;
    for (;;) {
      const target = this.schemas.resolveRef(from, refPair.value);
      if (!target) return undefined;
      if (seen.has(target.key)) {
        this.reporter.invalid(
          file,
          ref.value.offset,
          'REF_CYCLE',
          `\`$ref\` cycle through ${[...seen, target.key].join(' -> ')}`,
        );
        return undefined;
      }
      seen.add(target.key);
      if (target.node.kind !== 'map') {
        this.reporter.invalidValue(file, ref.value.offset, `\`$ref\` ${target.key} is not a parameter mapping`);
        return undefined;
      }
      const next = find(target.node, '$ref');
      if (!next) return { file: target.file, node: target.node };
      from = target.file;
      refPair = next;
    }
  }

  private parameterFields(
    source: ParameterSource,
  ): { name: string; location: ParameterLocation; required: boolean } | undefined {
    const { file, map } = source;
    const nameNode = find(map, 'name')?.value;
    const inNode = find(map, 'in')?.value;
    if (nameNode?.kind !== 'scalar' || typeof nameNode.value !== 'string') {
      this.reporter.invalidValue(
        file,
        nameNode?.offset ?? source.offset,
        'a parameter needs a `name`; parameter skipped',
      );
      return undefined;
    }
    const written = inNode?.kind === 'scalar' ? String(inNode.value) : '';
    const location = PARAMETER_LOCATIONS.find((candidate) => candidate === written);
    if (!location) {
      this.reporter.invalidValue(
        file,
        inNode?.offset ?? source.offset,
        `parameter \`${nameNode.value}\`: \`in\` must be one of ${PARAMETER_LOCATIONS.join(', ')}${didYouMean(written, PARAMETER_LOCATIONS)}; parameter skipped`,
      );
      return undefined;
    }
    for (const pair of map.pairs)
      if (!INLINE_PARAMETER_KEYS.has(pair.key))
        this.read.unknownKey(file, pair, 'parameter key', INLINE_PARAMETER_KEYS);
    return { name: nameNode.value, location, required: this.read.flag(file, find(map, 'required')) ?? false };
  }

  /** `consumes: multipart/form-data` with a `file` part and a JSON `meta` part. */
  private multipart(file: SpecFile, parts: FormPart[], consumes: string[]): RequestBody | undefined {
    const filePart = parts.find((part) => part.isFile);
    const metaPart = parts.find((part) => !part.isFile);
    if (!consumes.includes('multipart/form-data') || !filePart || !metaPart) {
      this.reporter.invalidValue(
        file,
        parts[0]!.source.offset,
        '`formData` parameters need `consumes: multipart/form-data`, one `type: file` part and one meta part',
      );
      return undefined;
    }
    return {
      kind: 'multipart',
      meta: this.parameterSchema(metaPart.source),
      fileField: filePart.name,
      metaField: metaPart.name,
    };
  }

  /** A non-body parameter's `schema`, or the schema keys written on the parameter itself. */
  private parameterSchema({ file, map }: ParameterSource): Schema {
    const schemaNode = find(map, 'schema')?.value;
    return schemaNode ? this.schemas.schema(file, schemaNode) : this.schemas.schema(file, map, PARAMETER_KEYS);
  }

  /** Placeholders and `in: path` parameters must match one to one; mismatches are repaired. */
  private checkPathParams(file: SpecFile, path: string, methodPair: YPair, params: Params, items: YNode[]): void {
    const placeholders = [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? '');
    const offsetOf = (name: string): number => {
      const item = items.find(
        (candidate) =>
          candidate.kind === 'map' &&
          candidate.pairs.some(
            (pair) => pair.key === 'name' && pair.value.kind === 'scalar' && pair.value.value === name,
          ),
      );
      return item?.offset ?? methodPair.keyOffset;
    };
    const declared = (name: string): boolean => params.path.some((param) => param.name === name);
    const missing = (name: string, offset: number, reading: string): void =>
      this.reporter.invalid(file, offset, 'PATH_PARAM_MISSING', `\`{${name}}\` in the URL ${reading}`);
    // An unmatched parameter next to an unmatched placeholder is one misspelling: renamed.
    const unmatched = params.path.filter((param) => !placeholders.includes(param.name));
    const undeclared = placeholders.filter((name) => !declared(name));
    if (unmatched.length === 1 && undeclared.length === 1) {
      const [param, name] = [unmatched[0]!, undeclared[0]!];
      missing(name, offsetOf(param.name), `has no path parameter; \`${param.name}\` is read as \`${name}\``);
      params.path[params.path.indexOf(param)] = { ...param, name };
    }
    params.path = params.path.filter((param) => {
      if (placeholders.includes(param.name)) return true;
      this.reporter.invalid(
        file,
        offsetOf(param.name),
        'PATH_PARAM_UNUSED',
        `path parameter \`${param.name}\` has no \`{${param.name}}\` in ${path}; parameter dropped`,
      );
      return false;
    });
    for (const name of placeholders) {
      if (declared(name)) continue;
      // Often the parameter is there, declared `in: query`: it is moved, keeping its schema.
      const misplaced = [...params.query, ...params.header].find((param) => param.name === name);
      if (misplaced) {
        missing(name, offsetOf(name), `is declared \`in: ${misplaced.in}\`; read as a path parameter`);
        params[misplaced.in] = params[misplaced.in].filter((param) => param !== misplaced);
        params.path.push({ ...misplaced, in: 'path', required: true });
      } else {
        missing(name, methodPair.keyOffset, 'has no `in: path` parameter; read as a required string');
        params.path.push({ name, in: 'path', required: true, schema: { kind: 'string', constraints: {} } });
      }
    }
  }

  private response(
    file: SpecFile,
    method: HttpMethod,
    methodPair: YPair,
    pair: YPair | undefined,
    produces: string[],
  ): ResponseBody {
    const responses = pair?.value;
    const success = responses?.kind === 'map' ? responses.pairs.find((entry) => /^2\d\d$/.test(entry.key)) : undefined;
    if (!success) {
      const problem = responses?.kind === 'map' ? 'no 2xx response' : '`responses` must map status codes to responses';
      this.reporter.invalidValue(file, responses?.offset ?? methodPair.keyOffset, `${problem}; read as an empty 200`);
      return { kind: 'empty', status: 200 };
    }
    const status = Number(success.key);
    const entries =
      success.value.kind === 'map'
        ? this.read.knownKeys(file, success.value, 'response key', RESPONSE_KEYS)
        : undefined;
    if (!entries && !(success.value.kind === 'scalar' && success.value.value === null))
      this.reporter.invalidValue(file, success.value.offset, 'a response must be a mapping');
    const written = entries?.get('schema')?.value;
    // `schema: {}` says as little as no schema at all.
    const schemaNode = written?.kind === 'map' && written.pairs.length === 0 ? undefined : written;
    const producesJson = produces.length === 0 || produces.some((type) => /[/+]json\b/.test(type));
    if (method === 'get' && status === 200 && (!schemaNode || !producesJson))
      return { kind: 'download', status, contentTypes: produces };
    if (!schemaNode) return { kind: 'empty', status };
    return { kind: 'json', status, schema: this.schemas.schema(file, schemaNode) };
  }

  private errorCodes(file: SpecFile, pair: YPair | undefined): ErrorCode[] {
    if (!pair) return [];
    return this.read.list(file, pair.value, '`x-error-codes` must be a list').flatMap((item): ErrorCode[] => {
      const map = this.read.map(
        file,
        item,
        'an `x-error-codes` entry must be a mapping of status, code, description, solution',
      );
      if (!map) return [];
      const fields = this.read.knownKeys(file, map, 'error-code key', ERROR_CODE_KEYS);
      const statusNode = fields.get('status')?.value;
      const status =
        statusNode?.kind === 'scalar' && typeof statusNode.value === 'number' && Number.isInteger(statusNode.value)
          ? statusNode.value
          : undefined;
      const code = this.read.text(file, fields.get('code'));
      const description = this.read.text(file, fields.get('description'));
      if (status === undefined || code === undefined || description === undefined) {
        this.reporter.invalidValue(
          file,
          statusNode?.offset ?? item.offset,
          'an `x-error-codes` entry needs an integer `status`, a `code` and a `description`; entry skipped',
        );
        return [];
      }
      return [{ status, code, description, ...optional('solution', this.read.text(file, fields.get('solution'))) }];
    });
  }

  /** The generated client sends signed requests there: only an absolute https origin (and path) will do. */
  private baseURL(file: SpecFile, pair: YPair | undefined): string | undefined {
    const text = this.read.text(file, pair);
    if (text === undefined || pair === undefined) return undefined;
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (
      url?.protocol !== 'https:' ||
      url.hostname === '' ||
      url.search + url.hash + url.username + url.password !== ''
    ) {
      this.reporter.invalidValue(
        file,
        pair.value.offset,
        `\`x-baseuri\` must be an absolute https URL without credentials, query or fragment, got ${JSON.stringify(text)}; ignored`,
      );
      return undefined;
    }
    return text;
  }

  private textList(file: SpecFile, pair: YPair | undefined): string[] {
    if (!pair) return [];
    return this.read.list(file, pair.value, `\`${pair.key}\` must be a list`).flatMap((item) => {
      if (item.kind === 'scalar' && item.value !== null) return [file.rawScalar(item)];
      this.reporter.invalidValue(file, item.offset, `\`${pair.key}\` entries must be text`);
      return [];
    });
  }
}

/**
 * `x-role` / `x-version`: documentation that no emitter but the OpenAPI export reads, so a value
 * of another form than the documented list of text (a lone `x-version: 1`) is kept as far as it
 * is text and never an error. `undefined` when nothing is left.
 */
function annotationList(file: SpecFile, pair: YPair | undefined): string[] | undefined {
  const node = pair?.value;
  const items = node === undefined ? [] : node.kind === 'seq' ? node.items : [node];
  const texts = items.flatMap((item) => (item.kind === 'scalar' && item.value !== null ? [file.rawScalar(item)] : []));
  return texts.length > 0 ? texts : undefined;
}

function find(map: YMap, key: string): YPair | undefined {
  return map.pairs.find((pair) => pair.key === key);
}

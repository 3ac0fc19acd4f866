/**
 * A local stand-in for the WeChat Pay APIv3 host, built from the specs: it checks request signatures
 * like the real service, checks requests against the spec, plays the seed endpoints' documented
 * behaviour with state, answers other operations from the spec's examples, and signs every response.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { requestSchemas } from '../generator/emit/validators/index.ts';
import { operationKey } from '../generator/emit/validators/schema.ts';
import { loadSpecs } from '../generator/load/index.ts';
import { formatDiagnostic, type ApiModel, type Operation } from '../generator/model/types.ts';
import {
  CLOCK_WINDOW_SECONDS,
  createNonce,
  requestMessage,
  responseMessage,
  signMessage,
  verifyMessage,
} from '../templates/runtime/signature.ts';
import { formatIssues, requestValidator, type RequestParts, type ValidationIssue } from '../templates/runtime/validation.ts';
import { exampleOf } from './examples.ts';
import { resolveKeys, type KeyInputs, type SandboxKeys } from './keys.ts';
import { SCRIPTS, errorBody, type ScriptResult } from './scripts.ts';
import { StateStore, type SandboxState } from './state.ts';

export const DEFAULT_SPEC_DIR: string = fileURLToPath(new URL('../spec/', import.meta.url));
export const DEFAULT_MCHID = '1900000001';
/** Request bodies above this are refused before parsing. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface SandboxOptions extends KeyInputs {
  /** Spec root to load (default: the project's `spec/`). Ignored when `model` is given. */
  specDir?: string;
  /** An already loaded model, instead of `specDir`. */
  model?: ApiModel;
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  /** The merchant id requests must be signed for. */
  mchid?: string;
  /** State file: read at start, rewritten atomically after every accepted change. */
  dataFile?: string;
  /** Requests per second allowed per operation; more are answered 429 FREQUENCY_LIMITED. */
  rateLimit?: number;
  /** Clock in milliseconds since the epoch (signature window, rate limit, times in answers). */
  now?: () => number;
  /** Called with one line per request: `POST /v3/... 200 SUCCESS`. */
  log?: (line: string) => void;
}

/** What a client needs to talk to the sandbox: `new Wechatpay(sandbox.clientOptions)`. */
export interface SandboxClientOptions {
  baseURL: string;
  mchid: string;
  serial: string;
  /** The merchant private key, when the sandbox generated the merchant key pair. */
  privateKey?: KeyObject;
  certs: Record<string, KeyObject>;
}

export interface Sandbox {
  url: string;
  port: number;
  mchid: string;
  keys: SandboxKeys;
  clientOptions: SandboxClientOptions;
  /** The live state (member cards, coupon stocks), for inspection. */
  state: SandboxState;
  /** Stops listening and waits for pending saves; calling it again returns the same promise. */
  close(): Promise<void>;
}

interface Route {
  segments: string[];
  operations: Map<string, Operation>;
}

interface Reply {
  status: number;
  body: unknown;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const model = options.model ?? (await loadModel(options.specDir ?? DEFAULT_SPEC_DIR));
  const keys = resolveKeys(options);
  const mchid = options.mchid ?? DEFAULT_MCHID;
  const now = options.now ?? Date.now;
  const store = await StateStore.open(options.dataFile);
  const routes = buildRoutes(model);
  // The schemas the generated `dist/validators.js` holds; each is compiled on its first request, as the client does.
  const schemas = Object.freeze(Object.fromEntries(requestSchemas(model)));
  const limiter = options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit, now);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomBytes(16).toString('hex');
    let reply: Reply;
    let raw: Buffer = Buffer.alloc(0);
    try {
      raw = await readBody(request);
      reply = await answer(request, raw);
    } catch (error) {
      reply = error instanceof TooLarge
        ? { status: 413, body: errorBody('PARAM_ERROR', `request body larger than ${MAX_BODY_BYTES} bytes`) }
        : { status: 500, body: errorBody('SYSTEM_ERROR', 'sandbox failure, retry with the same parameters') };
    }
    const code = reply.body !== null && typeof reply.body === 'object' && 'code' in reply.body ? String(reply.body.code) : 'OK';
    options.log?.(`${request.method} ${request.url} ${reply.status} ${code}`);
    if (reply.body instanceof Download) {
      // Downloads are not signed, as on the real service.
      response.writeHead(reply.status, { 'Content-Type': 'application/octet-stream', 'Request-ID': requestId });
      response.end(reply.body.bytes);
      return;
    }
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = createNonce();
    response.writeHead(reply.status, {
      ...(text === '' ? {} : { 'Content-Type': 'application/json' }),
      'Request-ID': requestId,
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, text), keys.platformPrivateKey),
      'Wechatpay-Serial': keys.platformSerial,
    });
    response.end(text);
  };

  const answer = async (request: IncomingMessage, raw: Buffer): Promise<Reply> => {
    const method = (request.method ?? 'GET').toLowerCase();
    const uri = request.url ?? '/';
    const url = new URL(uri, 'http://sandbox');
    const signedBody = isMultipart(request) ? multipartMeta(request, raw) ?? '' : raw;
    const authFailure = checkAuthorization(request.headers.authorization, method, uri, signedBody, mchid, keys, now());
    if (authFailure) return { status: 401, body: errorBody('SIGN_ERROR', authFailure) };

    const found = route(routes, url.pathname);
    if (!found) return { status: 404, body: errorBody('RESOURCE_NOT_EXISTS', `no operation at ${url.pathname}`) };
    const operation = found.route.operations.get(method);
    if (!operation) return { status: 405, body: errorBody('METHOD_NOT_ALLOWED', `${method.toUpperCase()} is not an operation of ${url.pathname}`) };
    const key = operationKey(operation);
    if (limiter && !limiter.take(key)) return { status: 429, body: errorBody('FREQUENCY_LIMITED', 'too many requests, slow down') };

    if (operation.response.kind === 'download') return { status: 200, body: new Download(Buffer.from(`sandbox download of ${url.pathname}\n`)) };

    let data: unknown;
    if (operation.body?.kind === 'json' && raw.length > 0) {
      try {
        data = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        return { status: 400, body: errorBody('PARAM_ERROR', 'request body is not JSON', { location: 'body' }) };
      }
    }
    const parts: RequestParts = {
      data,
      params: Object.fromEntries(url.searchParams),
      headers: request.headers,
      pathParams: found.pathParams,
    };
    const script = SCRIPTS[key];
    const issues = requestValidator(schemas, operation.method, operation.path)?.(parts) ?? [];
    const itemIssues = script?.perItemIssues ? issues.filter((issue) => script.perItemIssues!.test(issue.path)) : [];
    const requestIssues = issues.filter((issue) => !itemIssues.includes(issue));
    if (requestIssues.length > 0) return { status: 400, body: paramError(requestIssues) };

    if (script) {
      const body = (data ?? {}) as Record<string, unknown>;
      const result: ScriptResult = script.handle({ operation, pathParams: found.pathParams, body, state: store.state, now: now(), itemIssues });
      // A change is acknowledged only once it is on disk, so a restart never forgets what a client was told.
      if (result.mutated) await store.save();
      return { status: result.status, body: result.body };
    }
    const documented = operation.response;
    if (documented.kind === 'json') return { status: documented.status, body: exampleOf(documented.schema, now()) };
    return { status: documented.status, body: undefined };
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const clientOptions: SandboxClientOptions = {
    baseURL: url,
    mchid,
    serial: keys.merchantSerial,
    certs: { [keys.platformSerial]: keys.platformPublicKey },
  };
  if (keys.merchantPrivateKey) clientOptions.privateKey = keys.merchantPrivateKey;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }).then(() => store.flush()));

  return { url, port, mchid, keys, clientOptions, state: store.state, close };
}

/** Loads the specs; any error diagnostic stops the sandbox with every `file:line:col` listed. */
export async function loadModel(specDir: string): Promise<ApiModel> {
  const { model, diagnostics } = await loadSpecs(specDir);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map(formatDiagnostic).join('\n'));
  return model;
}

/** The specs do not load; the message lists the diagnostics. */
export class SpecError extends Error {
  override name = 'SpecError';
}

class TooLarge extends Error {}

/** A download body: raw bytes, sent without a signature. */
class Download {
  constructor(readonly bytes: Buffer) {}
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** `undefined` when the request is signed for this merchant within the clock window, else why not. */
export function checkAuthorization(
  header: string | undefined,
  method: string,
  uri: string,
  body: string | Buffer,
  mchid: string,
  keys: Pick<SandboxKeys, 'merchantPublicKey'>,
  nowMs: number,
): string | undefined {
  const match = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(header ?? '');
  if (!match) return 'Authorization header missing or not WECHATPAY2-SHA256-RSA2048';
  const fields = new Map([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1]!, pair[2]!]));
  const [signedMchid, nonce, signature, timestamp, serial] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((name) => fields.get(name));
  if (!signedMchid || !nonce || !signature || !timestamp || !serial) return 'Authorization lacks mchid, nonce_str, signature, timestamp or serial_no';
  if (signedMchid !== mchid) return `mchid ${signedMchid} is not the merchant of this sandbox`;
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp is not Unix seconds';
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > CLOCK_WINDOW_SECONDS) return `timestamp is more than ${CLOCK_WINDOW_SECONDS} s from the server clock`;
  if (!verifyMessage(requestMessage(method, uri, timestamp, nonce, body), signature, keys.merchantPublicKey)) return 'signature does not match the request';
  return undefined;
}

function isMultipart(request: IncomingMessage): boolean {
  return /^multipart\/form-data/i.test(request.headers['content-type'] ?? '');
}

/** The `meta` part of a multipart upload: what its signature covers. */
function multipartMeta(request: IncomingMessage, raw: Buffer): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(request.headers['content-type'] ?? '');
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return undefined;
  const parts = raw.toString('latin1').split(`--${delimiter}`);
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !/name="meta"/i.test(part.slice(0, split))) continue;
    return Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
  }
  return undefined;
}

function paramError(issues: readonly ValidationIssue[]): Record<string, unknown> {
  const [first] = issues as [ValidationIssue];
  const location = first.path.startsWith('params.') ? 'query' : first.path.startsWith('headers.') ? 'header' : 'body';
  return errorBody('PARAM_ERROR', formatIssues(issues).replaceAll('\n', '; '), {
    field: first.path,
    location,
    issue: first.message,
    issues,
  });
}

function buildRoutes(model: ApiModel): Route[] {
  const routes = model.endpoints.map((endpoint) => ({
    segments: endpoint.path.split('/'),
    operations: new Map(endpoint.operations.map((operation) => [operation.method as string, operation])),
  }));
  // A literal segment wins over a placeholder at the same place (`/stocks/batch` before `/stocks/{id}`).
  const rank = (segments: string[]): string => segments.map((segment) => (segment.startsWith('{') ? '1' : '0')).join('');
  return routes.sort((a, b) => (rank(a.segments) < rank(b.segments) ? -1 : rank(a.segments) > rank(b.segments) ? 1 : 0));
}

function route(routes: readonly Route[], pathname: string): { route: Route; pathParams: Record<string, string> } | undefined {
  const actual = pathname.replace(/^\//, '').split('/');
  for (const candidate of routes) {
    if (candidate.segments.length !== actual.length) continue;
    const pathParams: Record<string, string> = {};
    const matches = candidate.segments.every((segment, index) => {
      const value = actual[index]!;
      const placeholder = /^\{(.+)\}$/.exec(segment);
      if (!placeholder) return segment === value;
      if (value === '') return false;
      try {
        pathParams[placeholder[1]!] = decodeURIComponent(value);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { route: candidate, pathParams };
  }
  return undefined;
}

/** A token bucket per operation: `perSecond` requests a second, bursts up to `perSecond`. */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  take(key: string): boolean {
    const at = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((at - bucket.at) / 1000) * this.perSecond);
    bucket.at = at;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

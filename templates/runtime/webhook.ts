/**
 * The notification endpoint: one handler that reads the raw body, verifies and decrypts it, hands a
 * typed event to the merchant's callback and answers as WeChat Pay expects (2xx without a body on
 * success; 4xx/5xx with `{ code, message }` otherwise, which makes WeChat Pay retry). Adapters for
 * node:http (Express, Connect), Koa, Fastify and Web-standard Request/Response (Next.js, Hono).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UsageError, VerificationError } from './errors.js';
import type { NotificationRequest, VerifiedNotification } from './notification.js';
import type { HeaderBag } from './signature.js';

/**
 * The event a callback receives: narrowed by `event_type` to its decrypted resource when the
 * package's `Notifications` map (event type -> resource) is known, the untyped notification otherwise.
 */
export type NotificationEvent<Events = object> = [keyof Events] extends [never]
  ? VerifiedNotification
  : { [K in keyof Events & string]: Omit<VerifiedNotification<Events[K]>, 'event_type'> & { event_type: K } }[keyof Events & string];

/** The merchant's work for one notification; throwing (or rejecting) answers a failure, so WeChat Pay retries. */
export type NotificationCallback<Events = object> = (event: NotificationEvent<Events>) => void | Promise<void>;

/** Verifies and decrypts one notification (the client's, which may refresh platform certificates first). */
export type NotificationVerifier = (request: NotificationRequest) => VerifiedNotification | Promise<VerifiedNotification>;

/** Why a notification was not accepted, for the `onError` hook. */
export type NotificationFailure = 'verification' | 'request' | 'callback';

export interface NotificationHandlerOptions {
  /** Called with every failure before it is answered (log it here); it must not throw. */
  onError?: (error: unknown, failure: NotificationFailure) => void;
  /** Largest body read from a stream, in bytes (default 1 MiB); a larger one is refused with 413. */
  maxBodyBytes?: number;
}

/** The answer to send, framework-free: `body` is '' on success. */
export interface NotificationAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the Koa adapter uses of a Koa `Context`. */
export interface KoaContextLike {
  req: IncomingMessage;
  request: object;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/** What the Fastify adapter uses of a Fastify request (its `body` must be the raw bytes: see the README). */
export interface FastifyRequestLike {
  headers: HeaderBag;
  body?: unknown;
}

/** What the Fastify adapter uses of a Fastify reply. */
export interface FastifyReplyLike {
  code(statusCode: number): unknown;
  header(name: string, value: string): unknown;
  send(payload?: string): unknown;
}

export interface NotificationHandler {
  /** node:http, Express and Connect: `app.post('/notify', express.raw({ type: 'application/json' }), handler)`. */
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The framework-free core: raw headers and body in, the answer to send out. */
  handle(request: NotificationRequest): Promise<NotificationAnswer>;
  /** Web-standard: Next.js route handlers (`export const POST = handler.fetch`), Hono (`(c) => handler.fetch(c.req.raw)`). */
  fetch(request: Request): Promise<Response>;
  /** Koa: `router.post('/notify', handler.koa)`. */
  koa(ctx: KoaContextLike): Promise<void>;
  /** Fastify: `fastify.post('/notify', handler.fastify)` with a raw-body content-type parser. */
  fastify(request: FastifyRequestLike, reply: FastifyReplyLike): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const PARSED_BODY =
  'The notification body was already parsed by a body parser; the signature covers the raw bytes. ' +
  'Give this route the raw body (express.raw({ type: "application/json" }), a Fastify parser with parseAs "buffer", ' +
  'Koa without a body parser or with its rawBody)';

/** A failure answer: the message is ours, never the error's, so nothing of the request or keys leaks. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly failure: NotificationFailure,
    message: string,
    readonly error: unknown,
  ) {
    super(message);
  }
}

/** The handler for a verifier and a callback; `wxpay.notificationHandler(callback)` builds it from the client. */
export function createNotificationHandler<Events = object>(
  verify: NotificationVerifier,
  callback: NotificationCallback<Events>,
  options: NotificationHandlerOptions = {},
): NotificationHandler {
  if (typeof verify !== 'function' || typeof callback !== 'function') {
    throw new UsageError('createNotificationHandler(verify, callback) needs two functions');
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new UsageError('maxBodyBytes must be a positive integer');

  const answer = async (read: () => Promise<NotificationRequest>): Promise<NotificationAnswer> => {
    try {
      let request: NotificationRequest;
      try {
        request = await read();
      } catch (error) {
        if (error instanceof Refusal) throw error;
        throw new Refusal(400, 'request', 'The notification request could not be read', error);
      }
      let event: VerifiedNotification;
      try {
        event = await verify(request);
      } catch (error) {
        if (error instanceof VerificationError) throw new Refusal(401, 'verification', `Notification verification failed: ${error.reason}`, error);
        if (error instanceof UsageError) throw new Refusal(400, 'request', 'The request is not a WeChat Pay notification', error);
        throw new Refusal(500, 'verification', 'The notification could not be verified', error);
      }
      try {
        await callback(event as NotificationEvent<Events>);
      } catch (error) {
        throw new Refusal(500, 'callback', 'The notification was not processed', error);
      }
      return { status: 204, headers: {}, body: '' };
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(500, 'request', 'The notification was not processed', error);
      try {
        options.onError?.(refusal.error, refusal.failure);
      } catch {
        // A logging hook that throws must not turn a failure answer into none.
      }
      return { status: refusal.status, headers: { ...JSON_TYPE }, body: JSON.stringify({ code: 'FAIL', message: refusal.message }) };
    }
  };

  const handle = (request: NotificationRequest): Promise<NotificationAnswer> => answer(async () => request);

  const node = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const result = await answer(async () => ({ headers: req.headers, body: await nodeBody(req, maxBodyBytes) }));
    res.writeHead(result.status, result.headers);
    res.end(result.body);
  };

  const fetchHandler = async (request: Request): Promise<Response> => {
    const result = await answer(async () => ({ headers: request.headers, body: await webBody(request, maxBodyBytes) }));
    return new Response(result.body === '' ? null : result.body, { status: result.status, headers: result.headers });
  };

  const koa = async (ctx: KoaContextLike): Promise<void> => {
    const result = await answer(async () => ({ headers: ctx.req.headers, body: await koaBody(ctx, maxBodyBytes) }));
    for (const [name, value] of Object.entries(result.headers)) ctx.set(name, value);
    ctx.status = result.status;
    ctx.body = result.body === '' ? null : result.body;
    // Koa turns a null body into 204 only when the status was not set; keep ours.
    ctx.status = result.status;
  };

  const fastify = async (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<void> => {
    const result = await answer(async () => ({ headers: request.headers, body: givenBody(request.body) ?? fail(PARSED_BODY) }));
    reply.code(result.status);
    for (const [name, value] of Object.entries(result.headers)) reply.header(name, value);
    reply.send(result.body === '' ? undefined : result.body);
  };

  return Object.assign(node, { handle, fetch: fetchHandler, koa, fastify });
}

function fail(message: string): never {
  throw new Refusal(500, 'request', message, new UsageError(message));
}

/** A body a framework already holds: raw bytes or text are usable; a parsed object is refused; absent is undefined. */
function givenBody(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return fail(PARSED_BODY);
}

async function nodeBody(req: IncomingMessage, maxBodyBytes: number): Promise<string | Buffer> {
  const given = givenBody((req as IncomingMessage & { body?: unknown }).body);
  if (given !== undefined) return given;
  return readStream(req, maxBodyBytes);
}

async function koaBody(ctx: KoaContextLike, maxBodyBytes: number): Promise<string | Buffer> {
  const request = ctx.request as { rawBody?: unknown; body?: unknown };
  // koa-bodyparser keeps the text it parsed in rawBody.
  if (typeof request.rawBody === 'string') return request.rawBody;
  const given = givenBody(request.body);
  if (given !== undefined) return given;
  return readStream(ctx.req, maxBodyBytes);
}

async function readStream(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer> {
  if (req.readableEnded) fail('The notification body was already read by another middleware; give this route the raw body');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.length;
    if (size > maxBodyBytes) throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

async function webBody(request: Request, maxBodyBytes: number): Promise<Buffer> {
  if (request.bodyUsed) fail('The notification body was already read; pass the untouched Request');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > maxBodyBytes) throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
  return body;
}

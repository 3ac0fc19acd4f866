/**
 * The notification endpoint: one handler that reads the raw body, verifies and decrypts it, hands a
 * typed event to the merchant's callback and answers as WeChat Pay expects (2xx without a body on
 * success; 4xx/5xx with `{ code, message }` otherwise, which makes WeChat Pay retry). Adapters for
 * node:http (Express, Connect), Koa, Fastify and Web-standard Request/Response (Next.js, Hono).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotificationRequest, VerifiedNotification } from './notification.js';
import type { HeaderBag } from './signature.js';
/**
 * The event a callback receives: narrowed by `event_type` to its decrypted resource when the
 * package's `Notifications` map (event type -> resource) is known, the untyped notification otherwise.
 */
export type NotificationEvent<Events = object> = [keyof Events] extends [never]
  ? VerifiedNotification
  : {
      [K in keyof Events & string]: Omit<VerifiedNotification<Events[K]>, 'event_type'> & {
        event_type: K;
      };
    }[keyof Events & string];
/** The merchant's work for one notification; throwing (or rejecting) answers a failure, so WeChat Pay retries. */
export type NotificationCallback<Events = object> = (event: NotificationEvent<Events>) => void | Promise<void>;
/** Verifies and decrypts one notification (the client's, which may refresh platform certificates first). */
export type NotificationVerifier = (
  request: NotificationRequest,
) => VerifiedNotification | Promise<VerifiedNotification>;
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
/** The handler for a verifier and a callback; `wxpay.notificationHandler(callback)` builds it from the client. */
export declare function createNotificationHandler<Events = object>(
  verify: NotificationVerifier,
  callback: NotificationCallback<Events>,
  options?: NotificationHandlerOptions,
): NotificationHandler;

import { UsageError, VerificationError } from './errors.js';
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const PARSED_BODY =
  'The notification body was already parsed by a body parser; the signature covers the raw bytes. ' +
  'Give this route the raw body (express.raw({ type: "application/json" }), a Fastify parser with parseAs "buffer", ' +
  'Koa without a body parser or with its rawBody)';
/** A failure answer: the message is ours, never the error's, so nothing of the request or keys leaks. */
class Refusal extends Error {
  status;
  failure;
  error;
  constructor(status, failure, message, error) {
    super(message);
    this.status = status;
    this.failure = failure;
    this.error = error;
  }
}
/** The handler for a verifier and a callback; `wxpay.notificationHandler(callback)` builds it from the client. */
export function createNotificationHandler(verify, callback, options = {}) {
  if (typeof verify !== 'function' || typeof callback !== 'function') {
    throw new UsageError('createNotificationHandler(verify, callback) needs two functions');
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0)
    throw new UsageError('maxBodyBytes must be a positive integer');
  const answer = async (read) => {
    try {
      let request;
      try {
        request = await read();
      } catch (error) {
        if (error instanceof Refusal) throw error;
        throw new Refusal(400, 'request', 'The notification request could not be read', error);
      }
      let event;
      try {
        event = await verify(request);
      } catch (error) {
        if (error instanceof VerificationError)
          throw new Refusal(401, 'verification', `Notification verification failed: ${error.reason}`, error);
        if (error instanceof UsageError)
          throw new Refusal(400, 'request', 'The request is not a WeChat Pay notification', error);
        throw new Refusal(500, 'verification', 'The notification could not be verified', error);
      }
      try {
        await callback(event);
      } catch (error) {
        throw new Refusal(500, 'callback', 'The notification was not processed', error);
      }
      return {
        status: 204,
        headers: {},
        body: '',
      };
    } catch (error) {
      const refusal =
        error instanceof Refusal ? error : new Refusal(500, 'request', 'The notification was not processed', error);
      try {
        options.onError?.(refusal.error, refusal.failure);
      } catch {}
      return {
        status: refusal.status,
        headers: { ...JSON_TYPE },
        body: JSON.stringify({
          code: 'FAIL',
          message: refusal.message,
        }),
      };
    }
  };
  const handle = (request) => answer(async () => request);
  const node = async (req, res) => {
    const result = await answer(async () => ({
      headers: req.headers,
      body: await nodeBody(req, maxBodyBytes),
    }));
    res.writeHead(result.status, result.headers);
    res.end(result.body);
  };
  const fetchHandler = async (request) => {
    const result = await answer(async () => ({
      headers: request.headers,
      body: await webBody(request, maxBodyBytes),
    }));
    return new Response(result.body === '' ? null : result.body, {
      status: result.status,
      headers: result.headers,
    });
  };
  const koa = async (ctx) => {
    const result = await answer(async () => ({
      headers: ctx.req.headers,
      body: await koaBody(ctx, maxBodyBytes),
    }));
    for (const [name, value] of Object.entries(result.headers)) ctx.set(name, value);
    ctx.status = result.status;
    ctx.body = result.body === '' ? null : result.body;
    // Koa turns a null body into 204 only when the status was not set; keep ours.
    ctx.status = result.status;
  };
  const fastify = async (request, reply) => {
    const result = await answer(async () => ({
      headers: request.headers,
      body: givenBody(request.body) ?? fail(PARSED_BODY),
    }));
    reply.code(result.status);
    for (const [name, value] of Object.entries(result.headers)) reply.header(name, value);
    reply.send(result.body === '' ? undefined : result.body);
  };
  return Object.assign(node, {
    handle,
    fetch: fetchHandler,
    koa,
    fastify,
  });
}
function fail(message) {
  throw new Refusal(500, 'request', message, new UsageError(message));
}
/** A body a framework already holds: raw bytes or text are usable; a parsed object is refused; absent is undefined. */
function givenBody(body) {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return fail(PARSED_BODY);
}
async function nodeBody(req, maxBodyBytes) {
  const given = givenBody(req.body);
  if (given !== undefined) return given;
  return readStream(req, maxBodyBytes);
}
async function koaBody(ctx, maxBodyBytes) {
  const request = ctx.request;
  // koa-bodyparser keeps the text it parsed in rawBody.
  if (typeof request.rawBody === 'string') return request.rawBody;
  const given = givenBody(request.body);
  if (given !== undefined) return given;
  return readStream(ctx.req, maxBodyBytes);
}
async function readStream(req, maxBodyBytes) {
  if (req.readableEnded)
    fail('The notification body was already read by another middleware; give this route the raw body');
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBodyBytes)
      throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
async function webBody(request, maxBodyBytes) {
  if (request.bodyUsed) fail('The notification body was already read; pass the untouched Request');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes)
    throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > maxBodyBytes)
    throw new Refusal(413, 'request', `The notification body exceeds ${maxBodyBytes} bytes`, undefined);
  return body;
}

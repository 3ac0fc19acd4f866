/**
 * A local stand-in for the WeChat Pay APIv3 host, driven by the tables generated from the specs: it
 * checks request signatures like the real service, checks requests against the spec, plays the
 * payment lifecycle and the seed endpoints with state, answers other operations from the spec's
 * examples, and signs every response.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { createServer } from 'node:http';
import { AEAD_AES_256_GCM, aesGcmEncrypt } from '../runtime/aead.js';
import { createOperationResolver } from '../runtime/operations.js';
import {
  CLOCK_WINDOW_SECONDS,
  createNonce,
  requestMessage,
  responseMessage,
  signMessage,
  verifyMessage,
} from '../runtime/signature.js';
import { formatIssues, requestValidator } from '../runtime/validation.js';
import { BILL_SCRIPTS } from './bills.js';
import { resolveKeys } from './keys.js';
import { MARKETING_SCRIPTS } from './marketing.js';
import { beijingTime, payOrder, PAY_SCRIPTS } from './payments.js';
import { Scheduler } from './scheduler.js';
import { BillFiles, Download, errorBody, fail } from './script.js';
import { StateStore } from './state.js';
import { operationKey } from './tables.js';
export const DEFAULT_MCHID = '1900000001';
/** Request bodies above this are refused before parsing. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** JSON nested deeper than this is refused before validation walks it. */
const MAX_JSON_DEPTH = 64;
const DEFAULT_REFUND_DELAY_MS = 1e3;
const VERBS = ['get', 'post', 'put', 'patch', 'delete'];
const CONTROL_PAY = /^\/sandbox\/orders\/([^/]+)\/pay$/;
export async function startSandbox(options) {
  const { tables } = options;
  // A data file that cannot be used stops the start before any key is generated.
  const store = await StateStore.open(options.dataFile);
  const keys = resolveKeys(options);
  const mchid = options.mchid ?? DEFAULT_MCHID;
  const now = options.now ?? Date.now;
  const resolve = createOperationResolver(tables.operations);
  const limiter = options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit, now);
  const scripts = {
    ...MARKETING_SCRIPTS,
    ...PAY_SCRIPTS,
    ...BILL_SCRIPTS,
  };
  const scheduler = new Scheduler({
    store,
    keys,
    now,
    timeScale: options.notifyTimeScale ?? 1,
    ...(options.log ? { log: options.log } : {}),
  });
  const env = {
    mchid,
    baseURL: '',
    autoPayAfterMs: options.autoPayAfterMs,
    refundDelayMs: options.refundDelayMs ?? DEFAULT_REFUND_DELAY_MS,
    bills: new BillFiles(),
  };
  /** Runs a change on its own turn of the store; acknowledged only once durable. */
  const change = async (work) => {
    const result = await store.run((state) => {
      const outcome = work(state);
      return {
        mutated: outcome.mutated,
        value: outcome,
      };
    });
    for (const wakeup of result.wakeups ?? []) scheduler.wake(wakeup);
    return {
      status: result.status,
      body: result.body,
    };
  };
  const handle = async (request, response) => {
    const requestId = randomBytes(16).toString('hex');
    let reply;
    try {
      const raw = await readBody(request);
      reply = await answer(request, raw);
    } catch (error) {
      reply =
        error instanceof TooLarge
          ? {
              status: 413,
              body: errorBody('PARAM_ERROR', `request body larger than ${MAX_BODY_BYTES} bytes`),
            }
          : {
              status: 500,
              body: errorBody('SYSTEM_ERROR', 'sandbox failure, retry with the same parameters'),
            };
    }
    const code =
      reply.body !== null && typeof reply.body === 'object' && 'code' in reply.body ? String(reply.body.code) : 'OK';
    options.log?.(`${request.method} ${request.url} ${reply.status} ${code}`);
    if (reply.body instanceof Download) {
      // Downloads are not signed, as on the real service.
      response.writeHead(reply.status, {
        'Content-Type': 'application/octet-stream',
        'Request-ID': requestId,
      });
      response.end(reply.body.bytes);
      return;
    }
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const timestamp = String(Math.floor(now() / 1e3));
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
  const answer = async (request, raw) => {
    const method = (request.method ?? 'GET').toLowerCase();
    const uri = request.url ?? '/';
    const url = new URL(uri, 'http://sandbox');
    const control = CONTROL_PAY.exec(url.pathname);
    if (control) return payByControl(request, method, control[1], raw);
    const found = resolve(method, url.pathname);
    if (!found) {
      const failure = checkAuthorization(request.headers.authorization, method, uri, raw, mchid, keys, now());
      if (failure)
        return {
          status: 401,
          body: errorBody('SIGN_ERROR', failure),
        };
      const other = VERBS.some((verb) => verb !== method && resolve(verb, url.pathname) !== undefined);
      return other
        ? {
            status: 405,
            body: errorBody('METHOD_NOT_ALLOWED', `${method.toUpperCase()} is not an operation of ${url.pathname}`),
          }
        : {
            status: 404,
            body: errorBody('RESOURCE_NOT_EXISTS', `no operation at ${url.pathname}`),
          };
    }
    const key = operationKey(method, found.template);
    const operation = Object.hasOwn(tables.data, key) ? tables.data[key] : undefined;
    // The signature covers the exact body, or a multipart upload's `meta` part: which one follows from
    // the operation, never from what the request claims to be.
    const mediaProblem = mediaTypeProblem(operation, request.headers['content-type'], raw.length);
    if (mediaProblem)
      return {
        status: 415,
        body: errorBody('PARAM_ERROR', mediaProblem, {
          location: 'header',
          field: 'Content-Type',
        }),
      };
    let upload;
    if (operation?.body === 'multipart') {
      upload = parseMultipart(request.headers['content-type'], raw);
      if (!upload)
        return {
          status: 400,
          body: errorBody('PARAM_ERROR', 'multipart body without a meta part', { location: 'body' }),
        };
    }
    const signedBody = upload ? upload.meta : raw;
    const authFailure = checkAuthorization(request.headers.authorization, method, uri, signedBody, mchid, keys, now());
    if (authFailure)
      return {
        status: 401,
        body: errorBody('SIGN_ERROR', authFailure),
      };
    if (limiter && !limiter.take(key))
      return {
        status: 429,
        body: errorBody('FREQUENCY_LIMITED', 'too many requests, slow down'),
      };
    let data;
    const jsonText = upload ? upload.meta : operation?.body === 'json' && raw.length > 0 ? raw : undefined;
    if (jsonText !== undefined) {
      try {
        data = JSON.parse(jsonText.toString('utf8'));
      } catch {
        return {
          status: 400,
          body: errorBody('PARAM_ERROR', `request ${upload ? 'meta part' : 'body'} is not JSON`, { location: 'body' }),
        };
      }
      if (depthExceeds(data, MAX_JSON_DEPTH))
        return {
          status: 400,
          body: errorBody('PARAM_ERROR', `request body is nested more than ${MAX_JSON_DEPTH} levels deep`, {
            location: 'body',
          }),
        };
    }
    const query = Object.fromEntries(url.searchParams);
    const script = Object.hasOwn(scripts, key) ? scripts[key] : undefined;
    const issues = upload
      ? []
      : (requestValidator(
          tables.schemas,
          method,
          found.template,
        )?.({
          data,
          params: query,
          headers: request.headers,
          pathParams: found.pathParams,
        }) ?? []);
    const itemIssues = script?.perItemIssues ? issues.filter((issue) => script.perItemIssues.test(issue.path)) : [];
    const requestIssues = issues.filter((issue) => !itemIssues.includes(issue));
    if (requestIssues.length > 0)
      return {
        status: 400,
        body: paramError(requestIssues),
      };
    if (key === 'get v3/certificates')
      return {
        status: 200,
        body: certificatesBody(keys),
      };
    if (upload && key === 'post v3/merchant/media/upload') return uploadMedia(upload, data);
    if (script) {
      const body = data ?? {};
      return change((state) =>
        script.handle({
          operation,
          pathParams: found.pathParams,
          query,
          body,
          state,
          now: now(),
          itemIssues,
          env,
        }),
      );
    }
    return exampleReply(operation, found);
  };
  const payByControl = async (request, method, encoded, raw) => {
    if (!isLoopback(request.socket.remoteAddress))
      return {
        status: 403,
        body: errorBody('NO_AUTH', 'the control endpoint answers loopback clients only'),
      };
    if (method !== 'post')
      return {
        status: 405,
        body: errorBody('METHOD_NOT_ALLOWED', 'use POST to pay an order'),
      };
    let outTradeNo;
    try {
      outTradeNo = decodeURIComponent(encoded);
    } catch {
      return {
        status: 400,
        body: errorBody('PARAM_ERROR', 'out_trade_no is not percent-encoded UTF-8'),
      };
    }
    let openid;
    if (raw.length > 0) {
      try {
        const parsed = JSON.parse(raw.toString('utf8'));
        if (parsed !== null && typeof parsed === 'object' && typeof parsed.openid === 'string') openid = parsed.openid;
      } catch {
        return {
          status: 400,
          body: errorBody('PARAM_ERROR', 'the body, when given, is JSON: {"openid": "..."}'),
        };
      }
    }
    return change((state) => payOrder(state, outTradeNo, now(), openid));
  };
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = server.address().port;
  const url = `http://127.0.0.1:${port}`;
  env.baseURL = url;
  scheduler.resume(store.state);
  const clientOptions = {
    baseURL: url,
    mchid,
    serial: keys.merchantSerial,
    certs: {
      [keys.platformSerial]: keys.certificateMode
        ? new X509Certificate(keys.platformCertificate.pem).publicKey
        : keys.platformPublicKey,
    },
    secret: keys.apiV3Key,
  };
  if (keys.merchantPrivateKey) clientOptions.privateKey = keys.merchantPrivateKey;
  let closing;
  const close = () =>
    (closing ??= new Promise((resolvePromise, reject) => {
      server.close((error) => (error ? reject(error) : resolvePromise()));
      server.closeAllConnections();
    })
      .then(() => scheduler.close())
      .then(() => store.flush()));
  const pay = (outTradeNo, openid) => change((state) => payOrder(state, outTradeNo, now(), openid));
  return {
    url,
    port,
    mchid,
    keys,
    clientOptions,
    get state() {
      return store.state;
    },
    pay,
    close,
  };
}
class TooLarge extends Error {}
function readBody(request) {
  return new Promise((resolvePromise, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
function isLoopback(address) {
  return address !== undefined && (address === '::1' || /^(?:::ffff:)?127\./.test(address));
}
/** `undefined` when the request's media type is what the operation takes, else why not. */
function mediaTypeProblem(operation, contentType, bodyLength) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (operation?.body === 'multipart')
    return type === 'multipart/form-data'
      ? undefined
      : `this operation takes multipart/form-data, not ${type || 'a body without Content-Type'}`;
  if (bodyLength === 0) return undefined;
  if (operation?.body === 'json' || operation?.body === undefined) {
    return type === 'application/json'
      ? undefined
      : `this operation takes application/json, not ${type || 'a body without Content-Type'}`;
  }
  return undefined;
}
/** The `meta` and `file` parts of a multipart upload, or `undefined` when there is no `meta` part. */
function parseMultipart(contentType, raw) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return undefined;
  let meta;
  let file;
  for (const part of raw.toString('latin1').split(`--${delimiter}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
    if (/name="meta"/i.test(head)) meta = content;
    else if (/name="file"/i.test(head)) file = content;
  }
  return meta === undefined
    ? undefined
    : {
        meta,
        file,
      };
}
/** A media upload: the file must be what `meta.sha256` says; the answer is a fresh media_id. */
function uploadMedia(upload, meta) {
  const record = meta ?? {};
  if (upload.file === undefined)
    return {
      status: 400,
      body: errorBody('PARAM_ERROR', 'multipart body without a file part', { location: 'body' }),
    };
  const digest = createHash('sha256').update(upload.file).digest('hex');
  if (typeof record.sha256 !== 'string' || record.sha256.toLowerCase() !== digest) {
    return fail(400, 'PARAM_ERROR', `meta.sha256 is not the SHA-256 of the file part (${digest})`);
  }
  return {
    status: 200,
    body: { media_id: randomBytes(48).toString('base64url') },
  };
}
/** `GET v3/certificates`: the platform certificate, encrypted with the APIv3 key. */
function certificatesBody(keys) {
  const { pem, serial, validFrom, validTo } = keys.platformCertificate;
  const sealed = aesGcmEncrypt(
    {
      plaintext: pem,
      associatedData: 'certificate',
    },
    keys.apiV3Key,
  );
  return {
    data: [
      {
        serial_no: serial,
        effective_time: beijingTime(validFrom.getTime()),
        expire_time: beijingTime(validTo.getTime()),
        encrypt_certificate: {
          algorithm: AEAD_AES_256_GCM,
          nonce: sealed.nonce,
          associated_data: sealed.associatedData,
          ciphertext: sealed.ciphertext,
        },
      },
    ],
  };
}
function exampleReply(operation, found) {
  const response = operation?.response;
  if (response === undefined || response.kind === 'empty')
    return {
      status: response?.status ?? 204,
      body: undefined,
    };
  if (response.kind === 'download')
    return {
      status: 200,
      body: new Download(Buffer.from(`sandbox download of ${found.template}\n`)),
    };
  return {
    status: response.status,
    body: response.example,
  };
}
/** True when `value` nests deeper than `limit`; walks iteratively, so no input can exhaust the stack. */
function depthExceeds(value, limit) {
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
/** `undefined` when the request is signed for this merchant within the clock window, else why not. */
export function checkAuthorization(header, method, uri, body, mchid, keys, nowMs) {
  const match = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(header ?? '');
  if (!match) return 'Authorization header missing or not WECHATPAY2-SHA256-RSA2048';
  const fields = new Map([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
  const [signedMchid, nonce, signature, timestamp, serial] = [
    'mchid',
    'nonce_str',
    'signature',
    'timestamp',
    'serial_no',
  ].map((name) => fields.get(name));
  if (!signedMchid || !nonce || !signature || !timestamp || !serial)
    return 'Authorization lacks mchid, nonce_str, signature, timestamp or serial_no';
  if (signedMchid !== mchid) return `mchid ${signedMchid} is not the merchant of this sandbox`;
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp is not Unix seconds';
  if (Math.abs(Math.floor(nowMs / 1e3) - Number(timestamp)) > CLOCK_WINDOW_SECONDS)
    return `timestamp is more than ${CLOCK_WINDOW_SECONDS} s from the server clock`;
  if (!verifyMessage(requestMessage(method, uri, timestamp, nonce, body), signature, keys.merchantPublicKey))
    return 'signature does not match the request';
  return undefined;
}
function paramError(issues) {
  const [first] = issues;
  const location = first.path.startsWith('params.') ? 'query' : first.path.startsWith('headers.') ? 'header' : 'body';
  return errorBody('PARAM_ERROR', formatIssues(issues).replaceAll('\n', '; '), {
    field: first.path,
    location,
    issue: first.message,
    issues,
  });
}
/** A token bucket per operation: `perSecond` requests a second, bursts up to `perSecond`. */
class RateLimiter {
  perSecond;
  now;
  buckets = new Map();
  constructor(perSecond, now) {
    this.perSecond = perSecond;
    this.now = now;
  }
  take(key) {
    const at = this.now();
    const bucket = this.buckets.get(key) ?? {
      tokens: this.perSecond,
      at,
    };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((at - bucket.at) / 1e3) * this.perSecond);
    bucket.at = at;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

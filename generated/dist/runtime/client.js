/**
 * The client: options, and the request pipeline (path parameters -> URL -> exact body bytes ->
 * signature -> axios -> verified, parsed response or a typed error).
 */
import axios, { AxiosError } from 'axios';
import { KeyObject, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { Readable } from 'node:stream';
import { createEndpoint, isProbedName, propertyToSegment } from './chain.js';
import { AEAD_AES_256_GCM, aesGcmDecrypt } from './aead.js';
import { checkBillStream, requireBill } from './bill.js';
import { CertificateKeeper } from './certificate-keeper.js';
import { ApiError, NetworkError, TimeoutError, UsageError, VerificationError, WechatpayError } from './errors.js';
import { appInvocation, jsapiInvocation } from './invocation.js';
import { buildMultipart, isMultipartData } from './multipart.js';
import { verifyNotification } from './notification.js';
import { oaepEncrypt } from './oaep.js';
import { createOperationResolver } from './operations.js';
import { validateRetryOptions, withRetries } from './retry.js';
import {
  authorizationHeader,
  createNonce,
  headerValue,
  requestMessage,
  signMessageAsync,
  verifyHeaders,
} from './signature.js';
import { ACCEPT_ENCODING, Deadline, canceledError, exchange, readCapped } from './transport.js';
import { checkRequest, requestValidator } from './validation.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
import { createNotificationHandler } from './webhook.js';
export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
export const DEFAULT_TIMEOUT = 1e4;
/** Largest (decompressed) response body buffered for verification; JSON answers are far smaller. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** How much of an error response's (decompressed) body is read and kept on the `ApiError`. */
export const DEFAULT_MAX_ERROR_BYTES = 64 * 1024;
const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION} (Node.js ${process.version}; ${process.platform})`;
/** How many `encrypt` results are remembered to set `Wechatpay-Serial` on the request that sends them. */
const REMEMBERED_CIPHERTEXTS = 256;
/** How many `chain(path)` nodes are kept for reuse; paths may embed ids, so the cache is bounded. */
const REMEMBERED_CHAINS = 512;
const states = new WeakMap();
function stateOf(client) {
  const state = states.get(client);
  if (state === undefined) throw new UsageError('Wechatpay methods must be called on a client instance');
  return state;
}
/**
 * The client class for an operation table and, optionally, the request schemas to validate calls with
 * (the generated package passes the table and schemas emitted from the specs).
 */
export function createClientClass(operations, validators) {
  const resolveOperation = createOperationResolver(operations);
  const operationOrigins = Object.values(operations)
    .flatMap((methods) => Object.values(methods))
    .flatMap((info) => (info?.baseURL === undefined ? [] : [new URL(info.baseURL).origin]));
  class Wechatpay {
    constructor(options) {
      const state = createState(options, resolveOperation, validators, operationOrigins);
      const endpoints = new Map();
      const client = new Proxy(this, {
        get(target, property, receiver) {
          if (typeof property === 'symbol' || property in target || isProbedName(property)) {
            return Reflect.get(target, property, receiver);
          }
          let endpoint = endpoints.get(property);
          if (endpoint === undefined) {
            // `wxpay['v3/a/{x}']` is a literal path; `wxpay.v3` starts a property chain.
            const path = property.includes('/') ? property.replace(/^\/+/, '') : propertyToSegment(property);
            endpoint = createEndpoint(path, state.dispatch);
            endpoints.set(property, endpoint);
          }
          return endpoint;
        },
      });
      states.set(client, state);
      return client;
    }
    chain(path) {
      return this.untyped(path);
    }
    untyped(path) {
      if (typeof path !== 'string' || path === '') throw new UsageError('chain(path) needs a non-empty path string');
      const { chains, dispatch } = stateOf(this);
      let endpoint = chains.get(path);
      if (endpoint === undefined) {
        endpoint = createEndpoint(path.replace(/^\/+/, ''), dispatch);
        chains.set(path, endpoint);
        if (chains.size > REMEMBERED_CHAINS) chains.delete(chains.keys().next().value);
      }
      return endpoint;
    }
    encrypt(plaintext, serial) {
      const state = stateOf(this);
      const keyId = serial ?? defaultEncryptionKeyId(state.platformKeys);
      const key = state.platformKeys.get(keyId);
      if (key === undefined) throw new UsageError(`No platform key configured for ${JSON.stringify(keyId)}`);
      const ciphertext = oaepEncrypt(plaintext, key);
      state.ciphertextSerials.set(ciphertext, keyId);
      if (state.ciphertextSerials.size > REMEMBERED_CIPHERTEXTS) {
        const oldest = state.ciphertextSerials.keys().next().value;
        state.ciphertextSerials.delete(oldest);
      }
      return ciphertext;
    }
    verifyNotification(request) {
      const state = stateOf(this);
      return verifyNotification(request, {
        certs: state.platformKeys,
        secret: configuredSecret(state, 'verifyNotification'),
      });
    }
    decrypt(resource) {
      const state = stateOf(this);
      if (typeof resource !== 'object' || resource === null)
        throw new UsageError('decrypt(resource) needs { ciphertext, nonce, associated_data }');
      const { algorithm, ciphertext, nonce, associated_data: associatedData } = resource;
      if (algorithm !== undefined && algorithm !== AEAD_AES_256_GCM) {
        throw new UsageError(`resource.algorithm ${JSON.stringify(algorithm)} is not ${AEAD_AES_256_GCM}`);
      }
      return aesGcmDecrypt(
        {
          ciphertext,
          nonce,
          associatedData,
        },
        configuredSecret(state, 'decrypt'),
      );
    }
    notificationHandler(callback, options) {
      const state = stateOf(this);
      const secret = configuredSecret(state, 'notificationHandler');
      return createNotificationHandler(
        async (request) => {
          const serial = headerValue(plainNotificationHeaders(request.headers), 'Wechatpay-Serial');
          if (state.certificates !== undefined && serial !== undefined && !state.platformKeys.has(serial)) {
            await state.certificates.learn(serial);
          }
          return verifyNotification(request, {
            certs: state.platformKeys,
            secret,
          });
        },
        callback,
        options,
      );
    }
    jsapiInvocation(request, overrides) {
      return jsapiInvocation(request, stateOf(this).privateKey, overrides);
    }
    appInvocation(request, overrides) {
      const state = stateOf(this);
      return appInvocation(request, state.mchid, state.privateKey, overrides);
    }
    refreshCertificates() {
      const state = stateOf(this);
      state.certificates ??= createKeeper(state, undefined);
      return state.certificates.refresh();
    }
    async downloadBill(bill, options) {
      const state = stateOf(this);
      requireBill(bill, options);
      const response = await send(state, 'get', bill.download_url, undefined, undefined, 'download');
      return checkBillStream(response.data, bill, options);
    }
  }
  return Wechatpay;
}
function plainNotificationHeaders(headers) {
  return typeof Headers !== 'undefined' && headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
}
function createKeeper(state, options) {
  const download = async () => {
    const response = await send(state, 'get', 'v3/certificates', undefined, undefined, 'unverified');
    return {
      headers: response.headers,
      body: response.data,
    };
  };
  return new CertificateKeeper(
    state.platformKeys,
    download,
    () => configuredSecret(state, 'autoCertificates'),
    options,
  );
}
function configuredSecret(state, method) {
  if (state.secret === undefined)
    throw new UsageError(`${method} needs the APIv3 key: pass secret to new Wechatpay(options)`);
  return state.secret;
}
function createState(options, resolveOperation, validators, operationOrigins) {
  if (typeof options !== 'object' || options === null)
    throw new UsageError('new Wechatpay(options) needs an options object');
  const {
    mchid,
    serial,
    privateKey,
    certs,
    secret,
    baseURL = DEFAULT_BASE_URL,
    timeout = DEFAULT_TIMEOUT,
    maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
    maxErrorBytes = DEFAULT_MAX_ERROR_BYTES,
    retry,
    validate = true,
    autoCertificates = false,
    ...axiosOptions
  } = options;
  requireToken(mchid, 'mchid');
  requireToken(serial, 'serial');
  const merchantKey = parsePrivateKey(privateKey);
  const automatic = autoCertificates !== false;
  const noCerts =
    certs === undefined || (typeof certs === 'object' && certs !== null && Object.keys(certs).length === 0);
  const platformKeys = automatic && noCerts ? new Map() : parsePlatformKeys(certs, serial);
  if (secret !== undefined) requireApiV3Key(secret);
  if (automatic && secret === undefined)
    throw new UsageError('autoCertificates needs secret (the APIv3 key) to decrypt the certificates');
  if (typeof validate !== 'boolean') throw new UsageError('validate must be true or false');
  const base = parseBaseURL(baseURL, 'baseURL');
  if (!(typeof timeout === 'number' && timeout >= 0))
    throw new UsageError('timeout must be a number of milliseconds (0 for none)');
  requireByteCount(maxResponseBytes, 'maxResponseBytes');
  requireByteCount(maxErrorBytes, 'maxErrorBytes');
  if (retry !== undefined) validateRetryOptions(retry, 'retry');
  const state = {
    mchid,
    // A private copy: a caller's Buffer may be reused or zeroed after construction.
    secret: Buffer.isBuffer(secret) ? Buffer.from(secret) : secret,
    serial,
    privateKey: merchantKey,
    platformKeys,
    baseURL: base,
    timeout,
    maxResponseBytes,
    maxErrorBytes,
    retry,
    http: axios.create({
      ...axiosOptions,
      timeout,
    }),
    direct: directOptions(axiosOptions, {}),
    resolveOperation,
    validators,
    requestValidators: new Map(),
    validate,
    origins: new Set([base.origin, ...operationOrigins]),
    ciphertextSerials: new Map(),
    paths: new Map(),
    chains: new Map(),
    dispatch: (method, path, data, config) => send(state, method, path, data, config),
    certificates: undefined,
  };
  if (automatic) state.certificates = createKeeper(state, autoCertificates === true ? undefined : autoCertificates);
  return state;
}
function requireByteCount(value, name) {
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0))
    throw new UsageError(`${name} must be a whole number of bytes`);
}
/** mchid and serial go into the Authorization header: printable, no quotes. */
function requireToken(value, name) {
  if (typeof value !== 'string' || !/^[\x21\x23-\x7e]+$/.test(value)) {
    throw new UsageError(`${name} is required: a non-empty string of printable characters without quotes`);
  }
}
// Messages below name the option, never its content: they must not leak key material.
function parsePrivateKey(input) {
  let key;
  try {
    key = isKeyObject(input) ? input : createPrivateKey(input);
  } catch {
    throw new UsageError('privateKey is not a PEM private key (the merchant apiclient_key.pem)');
  }
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') {
    throw new UsageError('privateKey must be an RSA private key (the merchant apiclient_key.pem)');
  }
  return key;
}
function parsePlatformKeys(certs, merchantSerial) {
  if (typeof certs !== 'object' || certs === null || Object.keys(certs).length === 0) {
    throw new UsageError('certs is required: { platformSerialOrPublicKeyId: publicKeyOrCertificate }');
  }
  const keys = new Map();
  for (const [id, input] of Object.entries(certs)) {
    const label = `certs[${JSON.stringify(id)}]`;
    if (id.toUpperCase() === merchantSerial.toUpperCase()) {
      throw new UsageError(`${label} is the merchant certificate's serial: certs holds WeChat Pay platform keys only`);
    }
    keys.set(id, parsePublicKey(input, label, id));
  }
  return keys;
}
function parsePublicKey(input, label, id) {
  if (isKeyObject(input)) {
    if (input.type !== 'public') throw new UsageError(`${label} must be a public key, not a ${input.type} key`);
    return input;
  }
  if (typeof input !== 'string' && !Buffer.isBuffer(input))
    throw new UsageError(`${label} must be a PEM string, a Buffer or a KeyObject`);
  const pem = input.toString();
  // createPublicKey derives the public half of a private key: a private key here is a misplaced secret.
  if (pem.includes('PRIVATE KEY'))
    throw new UsageError(`${label} is a private key: certs holds WeChat Pay platform public keys or certificates`);
  try {
    if (!pem.includes('CERTIFICATE')) return createPublicKey(pem);
    const certificate = new X509Certificate(pem);
    // Serials are integers: case and leading zeros do not matter.
    const canonical = (serial) => serial.toUpperCase().replace(/^0+(?=.)/, '');
    if (canonical(certificate.serialNumber) !== canonical(id)) {
      throw new UsageError(
        `${label} holds the certificate with serial ${certificate.serialNumber}: the key must be its serial`,
      );
    }
    return certificate.publicKey;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${label} is not a PEM public key or certificate`);
  }
}
function requireApiV3Key(secret) {
  const bytes =
    typeof secret === 'string' ? Buffer.byteLength(secret, 'utf8') : Buffer.isBuffer(secret) ? secret.length : -1;
  if (bytes !== 32) throw new UsageError('secret (the APIv3 key) must be a 32-byte string or Buffer');
}
function isKeyObject(value) {
  return value instanceof KeyObject;
}
function parseBaseURL(text, name) {
  let url;
  try {
    url = new URL(String(text));
  } catch {
    throw new UsageError(`${name} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`${name} must be an absolute http(s) URL`);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`${name} must not carry a query or fragment`);
  return url;
}
/** Prefers a WeChat Pay public key (the current scheme) over platform certificates. */
function defaultEncryptionKeyId(keys) {
  const ids = [...keys.keys()];
  return ids.find((id) => id.startsWith('PUB_KEY_ID_')) ?? ids[0];
}
/** Config keys the pipeline consumes or must control itself (the bytes sent are the bytes signed). */
const CONTROLLED_KEYS = new Set([
  'url',
  'method',
  'baseURL',
  'params',
  'paramsSerializer',
  'data',
  'headers',
  'transformRequest',
  'transformResponse',
  'responseType',
  'validateStatus',
  'maxRedirects',
  'maxContentLength',
  'signal',
  'retry',
  'idempotent',
  'validate',
]);
/** The pipeline hands axios the exact bytes and takes the raw bytes back: no transforms, every status to the caller. */
const UNTRANSFORMED = [(body) => body];
const ANY_STATUS = () => true;
async function send(state, method, path, data, config, mode) {
  const request = await prepare(state, method, path, data, config);
  if (mode === 'download') request.download = true;
  if (mode === 'unverified') request.unverified = true;
  state.certificates?.refreshIfExpiring();
  if (request.retry === undefined) return attempt(state, request);
  return withRetries(() => attempt(state, request), request.retry, method, request.idempotent);
}
async function prepare(state, method, path, data, config) {
  if (config !== undefined && (typeof config !== 'object' || config === null)) {
    throw new UsageError(`${method.toUpperCase()} /${path}: config must be an object`);
  }
  const options = { ...config };
  const { url, matched } = resolveURL(state, method, path, options);
  const operation = matched?.info;
  const takesBody = method === 'post' || method === 'put' || method === 'patch';
  const payload = takesBody ? (data ?? options.data) : options.data;
  const upload = takesBody && (operation?.multipart === true || isMultipartData(payload));
  const headers = callerHeaders(options.headers);
  const encryptedWith = platformSerialOf(state, payload, upload);
  if (encryptedWith !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'wechatpay-serial')) {
    headers['Wechatpay-Serial'] = encryptedWith;
  }
  // A JSON body is serialised once: these bytes are validated, signed and sent.
  const json =
    upload || payload === undefined || payload === null
      ? undefined
      : serialiseBody(payload, `${method.toUpperCase()} /${path}`);
  // Checked on what will be sent (headers the pipeline adds included), before any file is read or anything signed.
  if (matched !== undefined && (options.validate ?? state.validate)) {
    const validator = validatorOf(state, method, matched.template);
    if (validator !== undefined)
      checkRequest(validator, method, matched.template, {
        // An upload's parts are not JSON; its meta is not described by a request schema.
        data: json,
        params: queryOf(url),
        headers,
        pathParams: matched.pathParams,
      });
  }
  let body;
  let signedBody = Buffer.alloc(0);
  let contentType;
  if (upload) {
    if (!isMultipartData(payload))
      throw new UsageError(`${method.toUpperCase()} /${path} is an upload: data must be { meta, file }`);
    const multipart = await buildMultipart(payload);
    body = multipart.body;
    signedBody = Buffer.from(multipart.meta, 'utf8');
    contentType = multipart.contentType;
  } else if (json !== undefined) {
    body = json;
    signedBody = json;
    contentType = 'application/json';
  }
  const download = method === 'get' && operation?.download === true;
  const sentHeaders = {
    Accept: download ? '*/*' : 'application/json',
    'User-Agent': USER_AGENT,
    ...headers,
    // A request without a body describes none; `false` also stops axios adding a form type to a body-less POST.
    'Content-Type': contentType ?? false,
  };
  const retry = options.retry === false ? undefined : (options.retry ?? state.retry);
  if (options.retry) validateRetryOptions(options.retry, 'config.retry');
  const idempotent = options.idempotent === true;
  const axiosConfig = {};
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (value !== undefined && !CONTROLLED_KEYS.has(key)) axiosConfig[key] = value;
  }
  const timeout = typeof options.timeout === 'number' ? options.timeout : state.timeout;
  const signal = options.signal;
  // axios also takes signal-like objects without addEventListener; those stay with it.
  const direct =
    signal === undefined || signal instanceof AbortSignal ? directOptions(axiosConfig, state.direct) : undefined;
  return {
    method,
    url,
    body,
    signedBody,
    headers: sentHeaders,
    download,
    axiosConfig,
    retry,
    idempotent,
    timeout,
    signal,
    direct,
    unverified: false,
  };
}
/**
 * The URL of a request: placeholders filled from (and removed from) the config, each value one
 * percent-encoded segment; `params` serialised here so the signed URI is the URI sent.
 */
function resolveURL(state, method, path, options) {
  const where = `${method.toUpperCase()} /${path}`;
  // Only relative paths that passed the checks below are remembered.
  let template = state.paths.get(path);
  if (template === undefined) {
    // The URL parser reads `\` as `/` (and servers may decode `%5C` so), which would move the request past the dot-segment check.
    if (/^[^?]*(?:\\|%5c)/i.test(path)) throw new UsageError(`${where}: a path must not contain a backslash`);
    if (/^https?:\/\//i.test(path)) {
      const url = new URL(path);
      if (!state.origins.has(url.origin)) throw new UsageError(`${url.origin} is not the configured WeChat Pay host`);
      appendQuery(url, options.params, where);
      const prefix = state.baseURL.pathname.replace(/\/+$/, '');
      const operationPath =
        prefix !== '' && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
      return {
        url,
        matched: state.resolveOperation(method, operationPath),
      };
    }
    template = compilePath(path, where);
    state.paths.set(path, template);
    if (state.paths.size > REMEMBERED_CHAINS) state.paths.delete(state.paths.keys().next().value);
  }
  let operationPath = '';
  for (const part of template.parts)
    operationPath += typeof part === 'string' ? part : encodePathParameter(options[part.name], part.name, where);
  // Unset rather than deleted (which would turn the copy into a slow dictionary object): each option read below treats both alike.
  for (const name of template.names) if (options[name] !== undefined) options[name] = undefined;
  const { query } = template;
  const base = typeof options.baseURL === 'string' ? parseBaseURL(options.baseURL, 'config.baseURL') : undefined;
  const matched = state.resolveOperation(method, operationPath);
  const operationBase = matched?.info.baseURL;
  const root = base ?? (operationBase === undefined ? state.baseURL : new URL(operationBase));
  const url = new URL(`${root.origin}${root.pathname.replace(/\/+$/, '')}/${operationPath}${query}`);
  appendQuery(url, options.params, where);
  return {
    url,
    matched,
  };
}
function compilePath(path, where) {
  const queryStart = path.indexOf('?');
  const pathPart = queryStart === -1 ? path : path.slice(0, queryStart);
  const query = queryStart === -1 ? '' : path.slice(queryStart);
  if (pathPart.includes('#') || query.includes('#')) throw new UsageError(`${where}: a path must not contain '#'`);
  const parts = [];
  const names = new Set();
  let literal = '';
  for (const [index, segment] of pathPart.split('/').entries()) {
    if (index > 0) literal += '/';
    const placeholder = /^\{([^{}]+)\}$/.exec(segment);
    if (placeholder === null) {
      if (isDotSegment(segment)) throw new UsageError(`${where}: '.' and '..' segments are not allowed`);
      literal += segment;
      continue;
    }
    const name = placeholder[1];
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push({ name });
    names.add(name);
  }
  if (literal !== '') parts.push(literal);
  return {
    parts,
    names: [...names],
    query,
  };
}
function encodePathParameter(value, name, where) {
  if (value === undefined || value === null)
    throw new UsageError(`${where}: missing path parameter "${name}" in config`);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new UsageError(`${where}: path parameter "${name}" must be a string or a number`);
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..')
    throw new UsageError(`${where}: path parameter "${name}" must not be empty, '.' or '..'`);
  try {
    return encodeURIComponent(text);
  } catch {
    // URIError: a lone surrogate has no UTF-8 spelling.
    throw new UsageError(`${where}: path parameter "${name}" is not well-formed Unicode (a lone surrogate)`);
  }
}
function isDotSegment(segment) {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {}
  return decoded === '.' || decoded === '..';
}
/** `params` -> `k=v&...` with `encodeURIComponent`; arrays repeat the key, `null`/`undefined` are left out. */
function appendQuery(url, params, where) {
  if (params === undefined || params === null) return;
  if (typeof params !== 'object') throw new UsageError(`${where}: params must be an object`);
  const pairs = [];
  for (const [key, raw] of Object.entries(params)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined || value === null) continue;
      const text =
        value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  if (pairs.length === 0) return;
  url.search = url.search === '' ? `?${pairs.join('&')}` : `${url.search}&${pairs.join('&')}`;
}
function serialiseBody(payload, where) {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (Buffer.isBuffer(payload)) return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  const json = JSON.stringify(payload);
  if (json === undefined) throw new UsageError(`${where}: data must be JSON-serialisable, a string or a Buffer`);
  return Buffer.from(json, 'utf8');
}
/** The text the signature will cover, for finding `encrypt` results in it. */
function signedText(payload) {
  if (typeof payload === 'string') return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString('utf8');
  return JSON.stringify(payload) ?? '';
}
function callerHeaders(headers) {
  const result = {};
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    // The pipeline owns these two: they must describe the bytes it signs and sends.
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'content-type') continue;
    if (typeof value === 'string' || typeof value === 'number') result[name] = String(value);
  }
  return result;
}
/** The operation's compiled request validator, looked up once per client; `undefined` when it has no schema. */
function validatorOf(state, method, template) {
  if (state.validators === undefined) return undefined;
  let byMethod = state.requestValidators.get(template);
  if (byMethod === undefined) state.requestValidators.set(template, (byMethod = new Map()));
  let validator = byMethod.get(method);
  if (validator === undefined)
    byMethod.set(method, (validator = requestValidator(state.validators, method, template) ?? null));
  return validator ?? undefined;
}
/** The query as sent, each key with its value (or values, when repeated). */
function queryOf(url) {
  const query = {};
  // Reading searchParams would build a URLSearchParams object for the URL.
  if (url.search === '') return query;
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}
/** The platform key serial of `encrypt` results carried by the body (an upload's meta), if any. */
function platformSerialOf(state, payload, upload) {
  if (state.ciphertextSerials.size === 0 || payload === undefined || payload === null) return undefined;
  const text = signedText(upload && isMultipartData(payload) ? payload.meta : payload);
  const serials = new Set();
  for (const [ciphertext, serial] of state.ciphertextSerials) if (text.includes(ciphertext)) serials.add(serial);
  if (serials.size > 1)
    throw new UsageError('The body carries fields encrypted with different platform keys; encrypt them all with one');
  return serials.values().next().value;
}
async function attempt(state, request) {
  const { method, url, download } = request;
  const uri = `${url.pathname}${url.search}`;
  const where = `${method.toUpperCase()} ${uri}`;
  const timestamp = Math.floor(Date.now() / 1e3);
  const nonce = createNonce();
  // A deadline for the whole call, signing and body included (an idle timeout would let a trickling server hold the call).
  const deadline = new Deadline(request.timeout);
  try {
    const message = requestMessage(method, uri, timestamp, nonce, request.signedBody);
    const signature = await untilSigned(message, state.privateKey, deadline, request.signal, where, request.timeout);
    const authorization = authorizationHeader({
      mchid: state.mchid,
      serial: state.serial,
      nonce,
      timestamp,
      signature,
    });
    let response;
    // Read by the direct transport as the response arrives, unless it is a download's stream.
    let body;
    try {
      if (request.direct !== undefined && !proxiedByEnvironment(url, request.direct)) {
        ({ response, body } = await sendDirect(state, request, request.direct, uri, authorization, deadline));
      } else {
        response = await sendWithAxios(state, request, authorization, deadline);
      }
    } catch (error) {
      throw transportError(error, where, request.timeout, deadline.expired);
    }
    const headers = plainHeaders(response.headers);
    const success = response.status >= 200 && response.status < 300;
    // Downloads (by operation) carry no signature; the caller gets the stream.
    if (success && download) return response;
    if (body === undefined) {
      try {
        body = await readBody(response.data, success ? state.maxResponseBytes : state.maxErrorBytes);
      } catch (error) {
        throw transportError(error, where, request.timeout, deadline.expired);
      }
    }
    // An error body is kept up to its cap; a 2xx body that is cut off cannot be verified.
    if (!success) throw apiError(response.status, body.bytes, headers);
    if (!body.complete) {
      throw new NetworkError(
        `${where}: the response body exceeds maxResponseBytes (${state.maxResponseBytes} bytes)`,
        'ERR_RESPONSE_TOO_LARGE',
      );
    }
    const raw = body.bytes;
    if (request.unverified) {
      response.headers = headers;
      response.data = raw;
      return response;
    }
    if (state.certificates === undefined) verifyHeaders(headers, raw, state.platformKeys);
    else await verifyResponse(state, headers, raw);
    response.data = parseBody(raw, headers['content-type']);
    return response;
  } finally {
    deadline.clear();
  }
}
/**
 * The message's signature, made on libuv's threadpool, unless the deadline passes or the caller
 * aborts first: then the call fails as it would in transit (a signature finished later is dropped).
 */
function untilSigned(message, privateKey, deadline, signal, where, timeout) {
  return new Promise((resolve, reject) => {
    const cancel = () => reject(transportError(canceledError(), where, timeout, false));
    if (signal?.aborted) {
      cancel();
      return;
    }
    // axios also takes signal-like objects without addEventListener; axios reads those when the request is sent.
    const listening = typeof signal?.addEventListener === 'function';
    if (listening) signal.addEventListener('abort', cancel, { once: true });
    deadline.bind(() => reject(transportError(undefined, where, timeout, true)));
    signMessageAsync(message, privateKey).then(
      (signature) => {
        if (listening) signal.removeEventListener('abort', cancel);
        resolve(signature);
      },
      (error) => {
        if (listening) signal.removeEventListener('abort', cancel);
        reject(error);
      },
    );
  });
}
/**
 * The request over node:http(s) directly. The (decompressed) body comes back read up to its cap,
 * or, for a download's 2xx answer, as the response's `data` stream.
 */
async function sendDirect(state, request, direct, uri, authorization, deadline) {
  const decompress = direct.decompress !== false;
  // Later names win over earlier ones (node:http reads them case-insensitively, in order).
  const headers = decompress
    ? {
        'Accept-Encoding': ACCEPT_ENCODING,
        ...direct.headers,
      }
    : { ...direct.headers };
  for (const name in request.headers) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  headers.Authorization = authorization;
  const { url, body } = request;
  if (body !== undefined) headers['Content-Length'] = String(body.length);
  const incoming = await exchange(
    {
      method: request.method.toUpperCase(),
      url,
      path: uri,
      headers,
      body,
      agent: url.protocol === 'https:' ? direct.httpsAgent : direct.httpAgent,
      decompress,
      caps: {
        success: request.download ? undefined : state.maxResponseBytes,
        error: state.maxErrorBytes,
      },
    },
    deadline,
    request.signal,
  );
  const config = {
    ...request.axiosConfig,
    method: request.method,
    url: url.href,
    headers,
    timeout: request.timeout,
  };
  const streamed = incoming.body instanceof Readable;
  const response = {
    data: streamed ? incoming.body : undefined,
    status: incoming.status,
    statusText: incoming.statusText,
    // Node's record (lower-case names), as axios' raw response headers are typed.
    headers: incoming.headers,
    config,
    request: incoming.request,
  };
  return {
    response,
    body: streamed ? undefined : incoming.body,
  };
}
/** The request through the client's axios instance, for options only axios implements (proxies, adapters, ...). */
function sendWithAxios(state, request, authorization, deadline) {
  let signal = request.signal;
  if (request.timeout > 0) {
    const controller = new AbortController();
    deadline.bind(() => controller.abort());
    signal = signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]);
  }
  return state.http.request({
    ...request.axiosConfig,
    method: request.method,
    url: request.url.href,
    headers: {
      ...request.headers,
      Authorization: authorization,
    },
    data: request.body,
    // Always a stream: the body is read by the pipeline, under the size caps and the deadline.
    responseType: 'stream',
    maxContentLength: -1,
    transformRequest: UNTRANSFORMED,
    transformResponse: UNTRANSFORMED,
    validateStatus: ANY_STATUS,
    // A redirect would send this signature to another URI.
    maxRedirects: 0,
    signal,
  });
}
/** Whether axios would send this request through a proxy named by the environment (`http_proxy`, `all_proxy`, ...). */
function proxiedByEnvironment(url, direct) {
  if (direct.proxy === false) return false;
  const { env } = process;
  // Read per call, as axios reads it; `all_proxy` first, as it covers both schemes.
  if (env.all_proxy || env.ALL_PROXY) return true;
  return url.protocol === 'https:'
    ? Boolean(env.https_proxy || env.HTTPS_PROXY)
    : Boolean(env.http_proxy || env.HTTP_PROXY);
}
/**
 * The options of `config` the direct transport serves, over `base`; `undefined` when any other
 * axios option is set (an adapter, a proxy, hooks, ...): that call goes through axios.
 */
function directOptions(config, base) {
  if (base === undefined) return undefined;
  let direct = base;
  for (const key in config) {
    const value = config[key];
    if (value === undefined || key === 'timeout') continue;
    if (direct === base) direct = { ...base };
    if ((key === 'httpAgent' || key === 'httpsAgent') && typeof value === 'object' && value !== null)
      direct[key] = value;
    else if (key === 'decompress' && typeof value === 'boolean') direct.decompress = value;
    else if (key === 'proxy' && value === false) direct.proxy = false;
    else if (key === 'headers' && isFlatHeaders(value)) direct.headers = callerHeaders(value);
    else return undefined;
  }
  return direct;
}
/** Headers as one flat record of names to strings or numbers (not axios' per-method sections). */
function isFlatHeaders(headers) {
  if (typeof headers !== 'object' || headers === null || Object.getPrototypeOf(headers) !== Object.prototype)
    return false;
  return Object.values(headers).every((value) => typeof value === 'string' || typeof value === 'number');
}
async function verifyResponse(state, headers, raw) {
  const serial = headers['wechatpay-serial'];
  let refreshFailure;
  if (state.certificates !== undefined && serial !== undefined && !state.platformKeys.has(serial)) {
    refreshFailure = await state.certificates.learn(serial);
  }
  try {
    verifyHeaders(headers, raw, state.platformKeys);
  } catch (error) {
    if (error instanceof VerificationError && error.reason === 'unknown-serial' && refreshFailure !== undefined) {
      throw new VerificationError(
        error.reason,
        `${error.message} (downloading the platform certificates failed: ${refreshFailure.message})`,
        error.body,
        error.requestId,
      );
    }
    throw error;
  }
}
function transportError(error, where, timeout, expired) {
  if (error instanceof WechatpayError) return error;
  if (expired) return new TimeoutError(`${where}: no complete response within ${timeout} ms`, 'ETIMEDOUT');
  if (error instanceof AxiosError) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')
      return new TimeoutError(`${where}: no response within ${timeout} ms`, error.code);
    // Only the code and the system message: the AxiosError's config holds the signed headers.
    return new NetworkError(`${where} failed: ${error.message}`, error.code);
  }
  if (error instanceof Error) {
    // A system error (`ECONNREFUSED`, `ECONNRESET`, a zlib failure) or a cancellation keeps its code.
    const code = error.code;
    return new NetworkError(`${where} failed: ${error.message}`, typeof code === 'string' ? code : undefined);
  }
  return new NetworkError(`${where} failed: ${String(error)}`);
}
function apiError(status, body, headers) {
  let code;
  let message;
  let detail;
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const fields = parsed;
      if (typeof fields.code === 'string') code = fields.code;
      if (typeof fields.message === 'string') message = fields.message;
      detail = fields.detail;
    }
  } catch {}
  const text = `HTTP ${status}${code === undefined ? '' : ` ${code}`}${message === undefined ? '' : `: ${message}`}`;
  return new ApiError({
    status,
    code,
    message: text,
    detail,
    requestId: headers['request-id'],
    body,
    headers,
  });
}
function plainHeaders(headers) {
  const result = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (typeof value === 'string' || typeof value === 'number') result[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) result[name.toLowerCase()] = value.join(', ');
  }
  return result;
}
function toBuffer(data) {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.alloc(0);
}
/** Reads at most `limit` bytes of an axios response body (a stream, or bytes an adapter gave). */
function readBody(data, limit) {
  if (!(data instanceof Readable))
    return Promise.resolve({
      bytes: toBuffer(data),
      complete: true,
    });
  return new Promise((resolve, reject) => readCapped(data, limit, resolve, reject));
}
/** JSON when it parses, else the text; an empty body stays ''. */
function parseBody(raw, contentType) {
  const text = raw.toString('utf8');
  if (text === '') return text;
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

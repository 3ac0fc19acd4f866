/**
 * A scriptable WeChat Pay stand-in on 127.0.0.1: it checks every request's Authorization signature
 * with the merchant public key and signs its responses with a platform key, both generated per run.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createNonce, requestMessage, responseMessage, signMessage, verifyMessage } from '../../../templates/runtime/signature.ts';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface TestKeys {
  mchid: string;
  merchantSerial: string;
  merchant: KeyPair;
  /** A platform certificate's key, identified by the certificate serial. */
  certificateSerial: string;
  certificate: KeyPair;
  /** A WeChat Pay public key, identified by its `PUB_KEY_ID_...`. */
  publicKeyId: string;
  publicKey: KeyPair;
}

export function generateTestKeys(): TestKeys {
  const pair = (): KeyPair => generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    mchid: '1900000001',
    merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    merchant: pair(),
    certificateSerial: '7132D72A03E93CDDF8C03BBD1F37EEDF2E0F4D2F',
    certificate: pair(),
    publicKeyId: 'PUB_KEY_ID_0114232134912410000000000000',
    publicKey: pair(),
  };
}

export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The BODY the signature must cover: the body, or the `meta` part of a multipart upload. */
  signedBody: Buffer;
  /** Whether Authorization is a valid merchant signature over method, URI, timestamp, nonce and body. */
  signatureValid: boolean;
  authorization: Record<string, string>;
  /** The client's port: the same for requests sent over one kept-alive connection. */
  remotePort: number | undefined;
}

export interface ScriptedResponse {
  status?: number;
  /** An object is sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Which platform key signs (default the certificate key); `false` sends no signature headers. */
  signWith?: 'certificate' | 'publicKey' | false;
  /** Changes the signed headers/body after signing, to simulate tampering. */
  tamper?: (headers: Record<string, string>, body: Buffer) => { headers: Record<string, string>; body: Buffer };
  /** Response timestamp offset in seconds from now. */
  clockSkew?: number;
  /** Never answer (to exercise timeouts). */
  hang?: boolean;
  /** Close the connection without a response. */
  destroy?: boolean;
  /** Send the headers at once, then the body one byte every this many milliseconds. */
  trickle?: number;
}

export type Responder = (request: ReceivedRequest) => ScriptedResponse;

export interface TestServer {
  baseURL: string;
  requests: ReceivedRequest[];
  respond: Responder;
  close(): Promise<void>;
}

const defaultResponder: Responder = (request) => ({ body: { method: request.method, url: request.url } });

/**
 * One test server for a test file, handed to `use` once started; each test begins with no recorded
 * requests and the echoing responder.
 */
export function useTestServer(keys: TestKeys, use: (server: TestServer) => void): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(keys);
    use(server);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.respond = defaultResponder;
  });
}

export async function startTestServer(keys: TestKeys): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const received = { ...describeRequest(req.method ?? '', req.url ?? '', req.headers, body, keys), remotePort: req.socket.remotePort };
      requests.push(received);
      const script = handle.respond(received);
      if (script.hang) return;
      if (script.destroy) {
        req.socket.destroy();
        return;
      }
      const payload = toBytes(script.body);
      let headers: Record<string, string> = { 'Content-Type': 'application/json', 'Request-ID': `req-${requests.length}`, ...script.headers };
      let sent = payload;
      if (script.signWith !== false) {
        const usePublicKey = script.signWith === 'publicKey';
        const timestamp = String(Math.floor(Date.now() / 1000) + (script.clockSkew ?? 0));
        const nonce = createNonce();
        const key = usePublicKey ? keys.publicKey.privateKey : keys.certificate.privateKey;
        headers = {
          ...headers,
          'Wechatpay-Timestamp': timestamp,
          'Wechatpay-Nonce': nonce,
          'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, payload), key),
          'Wechatpay-Serial': usePublicKey ? keys.publicKeyId : keys.certificateSerial,
        };
      }
      if (script.tamper) ({ headers, body: sent } = script.tamper(headers, payload));
      res.writeHead(script.status ?? 200, { ...headers, 'Content-Length': String(sent.length) });
      if (script.trickle !== undefined) trickle(res, sent, script.trickle);
      else res.end(sent);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    respond: defaultResponder,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return handle;
}

function trickle(res: ServerResponse, body: Buffer, interval: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent === body.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(sent, sent + 1));
    sent += 1;
  }, interval);
  res.on('close', () => clearInterval(timer));
}

function toBytes(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function describeRequest(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  keys: TestKeys,
): Omit<ReceivedRequest, 'remotePort'> {
  const authorization = parseAuthorization(headers.authorization ?? '');
  const contentType = headers['content-type'] ?? '';
  const signedBody = contentType.startsWith('multipart/form-data') ? multipartPart(body, contentType, 'meta') : body;
  const signatureValid =
    authorization.scheme === 'WECHATPAY2-SHA256-RSA2048' &&
    authorization.mchid === keys.mchid &&
    authorization.serial_no === keys.merchantSerial &&
    /^[0-9A-Za-z]{32}$/.test(authorization.nonce_str ?? '') &&
    verifyMessage(
      requestMessage(method, url, authorization.timestamp ?? '', authorization.nonce_str ?? '', signedBody),
      authorization.signature ?? '',
      keys.merchant.publicKey,
    );
  return { method, url, headers, body, signedBody, signatureValid, authorization };
}

function parseAuthorization(header: string): Record<string, string> {
  const [scheme = '', ...rest] = header.split(' ');
  const fields: Record<string, string> = { scheme };
  for (const match of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g)) fields[match[1] as string] = match[2] as string;
  return fields;
}

/** The content of one named part of a multipart body (empty when absent). */
export function multipartPart(body: Buffer, contentType: string, name: string): Buffer {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (boundary === undefined) return Buffer.alloc(0);
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (part.subarray(0, headerEnd).toString().includes(`name="${name}"`)) return part.subarray(headerEnd + 4);
    start = next;
  }
  return Buffer.alloc(0);
}

import { verifyHeaders, authorizationHeader, createNonce, requestMessage, signMessage } from '../../templates/runtime/signature.ts';
import type { Sandbox } from '../../sandbox/server.ts';

export interface SignedReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body as received (a download's file). */
  bytes: Buffer;
  json: Record<string, unknown>;
}

export interface SigningOverrides {
  /** Seconds to add to the clock when signing (default: 0), read as the request is signed. */
  clockSkew?: number;
  mchid?: string;
  /** Sign this body but send the real one. */
  signedBody?: string;
  authorization?: string | null;
  /** Send this Content-Type instead of application/json. */
  contentType?: string;
  /** The answer is a download: unsigned, not JSON. */
  download?: boolean;
}

/** Sends a request signed with the sandbox's generated merchant key, and verifies the signed answer. */
export async function signedRequest(
  sandbox: Sandbox,
  method: string,
  uri: string,
  data?: unknown,
  overrides: SigningOverrides = {},
): Promise<SignedReply> {
  const body = data === undefined ? '' : JSON.stringify(data);
  const timestamp = Math.floor(Date.now() / 1000) + (overrides.clockSkew ?? 0);
  const nonce = createNonce();
  const message = requestMessage(method, uri, timestamp, nonce, overrides.signedBody ?? body);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== '' || overrides.contentType !== undefined) headers['Content-Type'] = overrides.contentType ?? 'application/json';
  const authorization =
    overrides.authorization === undefined
      ? authorizationHeader({
          mchid: overrides.mchid ?? sandbox.mchid,
          serial: sandbox.clientOptions.serial,
          nonce,
          timestamp,
          signature: signMessage(message, sandbox.clientOptions.privateKey!),
        })
      : overrides.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  const response = await fetch(`${sandbox.url}${uri}`, { method, headers, ...(body === '' ? {} : { body }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const replyHeaders = Object.fromEntries(response.headers);
  if (overrides.download && response.status === 200) return { status: response.status, headers: replyHeaders, text, bytes, json: {} };
  // Every other answer, errors included, is signed by the platform key.
  verifyHeaders(replyHeaders, bytes, new Map(Object.entries(sandbox.clientOptions.certs)));
  return { status: response.status, headers: replyHeaders, text, bytes, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

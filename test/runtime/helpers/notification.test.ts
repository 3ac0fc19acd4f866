import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesGcmEncrypt } from '../../../templates/runtime/aead.ts';
import { UsageError, VerificationError } from '../../../templates/runtime/errors.ts';
import { verifyNotification } from '../../../templates/runtime/notification.ts';
import type { VerifiedNotification } from '../../../templates/runtime/notification.ts';
import { createNonce, responseMessage, signMessage } from '../../../templates/runtime/signature.ts';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const serial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const publicKeyId = 'PUB_KEY_ID_0114232134912410000000000000';
const secret = randomBytes(24).toString('base64');
const certs = new Map<string, KeyObject>([[serial, platform.publicKey]]);
const now = 1_700_000_000;

const transaction = { out_trade_no: '1217752501201407033233368018', trade_state: 'SUCCESS', amount: { total: 100, payer_total: 100 } };

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** Plays the platform: encrypts the resource, builds the envelope and signs the exact body it sends. */
function deliver(options: { resource?: object; timestamp?: number; keyId?: string; mutateResource?: (r: Record<string, string>) => void } = {}): Delivery {
  const sealed = aesGcmEncrypt({ plaintext: JSON.stringify(options.resource ?? transaction), associatedData: 'transaction' }, secret);
  const resource: Record<string, string> = {
    original_type: 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.ciphertext,
    associated_data: sealed.associatedData,
    nonce: sealed.nonce,
  };
  options.mutateResource?.(resource);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource,
  });
  return sign(body, options.timestamp ?? now, options.keyId ?? serial);
}

function sign(body: string, timestamp: number, keyId: string): Delivery {
  const nonce = createNonce();
  const signature = signMessage(responseMessage(timestamp, nonce, body), platform.privateKey);
  return {
    body,
    headers: {
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': keyId,
      'Request-ID': '08F78BB5AF0610D302A0C1F7041A8B1D',
    },
  };
}

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('verifyNotification', () => {
  it('verifies the signature and returns the envelope with the decrypted resource', () => {
    const { headers, body } = deliver();
    const result: VerifiedNotification<typeof transaction> = verifyNotification<typeof transaction>({ headers, body }, { certs, secret }, now);
    expect(result).toEqual({
      id: 'EV-2018022511223320873',
      create_time: '2015-05-20T13:29:35+08:00',
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      original_type: 'transaction',
      resource: transaction,
    });
  });

  it('accepts a Buffer body, lower-case headers, a Fetch Headers object and a public key id', () => {
    const { headers, body } = deliver({ keyId: publicKeyId });
    const keys = { certs: new Map([[publicKeyId, platform.publicKey]]), secret: Buffer.from(secret) };
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect(verifyNotification({ headers: lower, body: Buffer.from(body) }, keys, now).resource).toEqual(transaction);
    expect(verifyNotification({ headers: new Headers(headers), body }, keys, now).resource).toEqual(transaction);
  });

  it('rejects a body changed after signing', () => {
    const { headers, body } = deliver();
    const error = failure(() => verifyNotification({ headers, body: body.replace('支付成功', '支付失败') }, { certs, secret }, now));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('bad-signature');
  });

  it('rejects a serial it has no key for', () => {
    const { headers, body } = deliver({ keyId: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' });
    const error = failure(() => verifyNotification({ headers, body }, { certs, secret }, now));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('unknown-serial');
  });

  it('rejects a timestamp outside the 300 s window, in either direction', () => {
    for (const timestamp of [now - 301, now + 301]) {
      const { headers, body } = deliver({ timestamp });
      const error = failure(() => verifyNotification({ headers, body }, { certs, secret }, now));
      expect((error as VerificationError).reason).toBe('timestamp-out-of-window');
    }
    const { headers, body } = deliver({ timestamp: now - 300 });
    expect(verifyNotification({ headers, body }, { certs, secret }, now).id).toBe('EV-2018022511223320873');
  });

  it.each(['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'])('rejects a missing %s header', (name) => {
    const { headers, body } = deliver();
    delete headers[name];
    const error = failure(() => verifyNotification({ headers, body }, { certs, secret }, now));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('missing-header');
    expect((error as Error).message).toContain(name);
  });

  it('rejects a signed notification whose resource tag does not authenticate, keeping the body and Request-ID', () => {
    const { headers, body } = deliver({
      mutateResource: (resource) => {
        const sealed = Buffer.from(resource['ciphertext'] ?? '', 'base64');
        sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0x80;
        resource['ciphertext'] = sealed.toString('base64');
      },
    });
    const error = failure(() => verifyNotification({ headers, body }, { certs, secret }, now));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('decryption-failed');
    expect((error as VerificationError).requestId).toBe('08F78BB5AF0610D302A0C1F7041A8B1D');
    expect((error as VerificationError).body.toString('utf8')).toBe(body);
    expect((error as Error).message).not.toContain(secret);
  });

  it('rejects the right signature with the wrong APIv3 key', () => {
    const { headers, body } = deliver();
    const error = failure(() => verifyNotification({ headers, body }, { certs, secret: randomBytes(24).toString('base64') }, now));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('decryption-failed');
  });

  it('rejects malformed input with a UsageError', () => {
    const { headers, body } = deliver();
    // What a JSON body parser hands a JavaScript caller: the object, not the signed bytes.
    const parsed = JSON.parse(body) as unknown as Buffer;
    expect(() => verifyNotification({ headers, body: parsed }, { certs, secret }, now)).toThrow(UsageError);
    const notJson = sign('not json', now, serial);
    expect(() => verifyNotification(notJson, { certs, secret }, now)).toThrow(UsageError);
    const otherAlgorithm = deliver({ mutateResource: (resource) => void (resource['algorithm'] = 'AEAD_SM4_GCM') });
    expect(() => verifyNotification(otherAlgorithm, { certs, secret }, now)).toThrow(/AEAD_SM4_GCM/);
    const noNonce = deliver({ mutateResource: (resource) => void delete resource['nonce'] });
    expect(() => verifyNotification(noNonce, { certs, secret }, now)).toThrow(UsageError);
    expect(() => verifyNotification({ headers, body }, { certs, secret: 'too short' }, now)).toThrow(UsageError);
  });

  it('never puts the APIv3 key into any error', () => {
    const cases: Delivery[] = [deliver({ timestamp: now - 1000 }), deliver({ keyId: 'unknown' }), deliver({ mutateResource: (r) => void (r['associated_data'] = 'x') })];
    for (const delivery of cases) {
      const error = failure(() => verifyNotification(delivery, { certs, secret }, now)) as Error;
      expect(`${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`).not.toContain(secret);
    }
  });
});

describe('verifyNotification behind a real webhook endpoint', () => {
  let url = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        // The clock is the real one here: the sender signs with the current time.
        const notification = verifyNotification({ headers: req.headers, body: Buffer.concat(chunks) }, { certs, secret });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(notification.resource));
      } catch (error) {
        res.writeHead(error instanceof VerificationError ? 401 : 400).end((error as Error).name);
      }
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts a notification sent over HTTP and refuses a tampered one', async () => {
    const { headers, body } = deliver({ timestamp: Math.floor(Date.now() / 1000) });
    const accepted = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual(transaction);
    const tampered = await fetch(url, { method: 'POST', headers, body: body.replace('TRANSACTION.SUCCESS', 'REFUND.SUCCESS') });
    expect(tampered.status).toBe(401);
    expect(await tampered.text()).toBe('VerificationError');
  });
});

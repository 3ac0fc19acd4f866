/** Notifications as WeChat Pay sends them: an envelope with an AES-256-GCM resource, signed by a platform key. */
import type { KeyObject } from 'node:crypto';
import { aesGcmEncrypt } from '../../../templates/runtime/aead.ts';
import { createNonce, responseMessage, signMessage } from '../../../templates/runtime/signature.ts';

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

export interface NotificationSigner {
  serial: string;
  privateKey: KeyObject;
  secret: string;
}

export function signedNotification(
  signer: NotificationSigner,
  eventType: string,
  resource: unknown,
  options: { clockSkew?: number; id?: string } = {},
): SignedNotification {
  const sealed = aesGcmEncrypt({ plaintext: JSON.stringify(resource), associatedData: 'transaction' }, signer.secret);
  const body = JSON.stringify({
    id: options.id ?? 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: 'payment succeeded',
    resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ...sealed, associated_data: 'transaction' },
  });
  const timestamp = String(Math.floor(Date.now() / 1000) + (options.clockSkew ?? 0));
  const nonce = createNonce();
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, body), signer.privateKey),
      'Wechatpay-Serial': signer.serial,
    },
  };
}

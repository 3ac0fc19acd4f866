import type { KeyObject } from 'node:crypto';
/** The documented response body of `GET /v3/certificates`. */
export interface CertificatesResponse {
  data: {
    serial_no: string;
    effective_time: string;
    expire_time: string;
    encrypt_certificate: {
      algorithm: string;
      nonce: string;
      associated_data: string;
      ciphertext: string;
    };
  }[];
}
/** One decrypted, checked platform certificate. */
export interface PlatformCertificate {
  /** `serial_no` as WeChat Pay sends it in `Wechatpay-Serial`. */
  serial: string;
  pem: string;
  publicKey: KeyObject;
  /** The validity the platform declares (`effective_time`, `expire_time`), as sent. */
  effectiveTime: string;
  expireTime: string;
  /** The X.509 validity of the certificate itself. */
  validFrom: Date;
  validTo: Date;
}
/** Every certificate of the response, as a list and ready for the client's `certs` option. */
export interface PlatformCertificates {
  /** In response order; none is dropped. */
  certificates: PlatformCertificate[];
  /** serial -> certificate PEM (what a merchant stores on disk). */
  certs: Record<string, string>;
  /** serial -> public key (what `verifyHeaders` and `verifyNotification` take). */
  keys: Map<string, KeyObject>;
}
/**
 * Decrypts and checks every platform certificate in a `GET /v3/certificates` response (the parsed
 * object, or the raw body). Throws `VerificationError` when a certificate fails decryption, does not
 * carry the serial it is listed under or is outside its validity at `now` (Unix seconds); `UsageError`
 * for a body that is not such a response. A first download, made before any platform key is known,
 * is then checked with `verifyHeaders(responseHeaders, rawBody, decoded.keys)`.
 */
export declare function decodeCertificates(
  body: CertificatesResponse | string | Buffer,
  secret: string | Buffer,
  now?: number,
): PlatformCertificates;

/** The sandbox's key material: what it verifies requests with, signs and encrypts with, and hands to a client. */
import { type KeyObject } from 'node:crypto';
/** The platform certificate `GET v3/certificates` hands out (encrypted with the APIv3 key). */
export interface PlatformCertificateInfo {
  pem: string;
  /** Upper-case hex, as WeChat Pay writes serials. */
  serial: string;
  validFrom: Date;
  validTo: Date;
}
/** The key material a sandbox runs with. Private keys and the APIv3 key are never printed; generated ones go to files only. */
export interface SandboxKeys {
  /** Verifies request signatures. */
  merchantPublicKey: KeyObject;
  /** Signs responses and notifications. */
  platformPrivateKey: KeyObject;
  platformPublicKey: KeyObject;
  platformCertificate: PlatformCertificateInfo;
  /** `Wechatpay-Serial` of every response: a `PUB_KEY_ID_...` or, in certificate mode, the certificate serial. */
  platformSerial: string;
  /** True when `platformSerial` is the certificate's serial (clients then configure the certificate). */
  certificateMode: boolean;
  /** The 32-character APIv3 key: notifications and certificates are encrypted with it. */
  apiV3Key: string;
  /** Present when the sandbox generated the merchant key pair (or was given it), so a client can be configured with it. */
  merchantPrivateKey?: KeyObject;
  /** The merchant certificate serial a generated client configuration uses (the sandbox does not check it). */
  merchantSerial: string;
}
export interface KeyInputs {
  /** PEM text or a KeyObject. */
  merchantPublicKey?: string | KeyObject;
  /** A merchant key pair's private key: requests are verified with its public key, and client options carry it. */
  merchantPrivateKey?: string | KeyObject;
  platformPrivateKey?: string | KeyObject;
  /** A `PUB_KEY_ID_...` to answer with; ignored in certificate mode. */
  platformSerial?: string;
  /** Answer with the platform certificate's serial, as merchants on platform certificates see. */
  certificateMode?: boolean;
  /** The APIv3 key (32 characters); generated when absent. */
  apiV3Key?: string;
  /** The platform certificate (PEM) to serve; it must certify the platform key. Generated when absent. */
  platformCertificate?: string;
  /** The merchant certificate serial client options name; random when absent. */
  merchantSerial?: string;
}
/** An APIv3 key as the merchant console makes them: 32 characters of `[A-Za-z0-9]`. */
export declare function generateApiV3Key(): string;
/**
 * A self-signed X.509 certificate for the platform key, valid from a day ago for five years. node-forge
 * lays out the certificate; Node signs it (forge's own RSA would take most of a second).
 */
export declare function createPlatformCertificate(privateKey: KeyObject, now?: number): PlatformCertificateInfo;
/** Uses the keys given and generates the rest (fresh RSA-2048 pairs, random serials, a certificate, an APIv3 key). */
export declare function resolveKeys(inputs: KeyInputs): SandboxKeys;
export declare function pem(key: KeyObject): string;
/** Files written for a client (and for restarting the sandbox with the same keys). */
export interface WrittenKeys {
  directory: string;
  /** `client.json`: the client options, key material by file path. */
  clientConfigFile: string;
  clientConfig: Record<string, unknown>;
}
/**
 * Writes the key files and `client.json` (ClientOptions with every key as a file path) into `directory`:
 * `apiclient_key.pem` (merchant private key, when generated), `merchant_public_key.pem`,
 * `platform_private_key.pem`, `platform_public_key.pem`, `platform_certificate.pem`, `apiv3_key.txt`.
 */
export declare function writeKeyFiles(
  directory: string,
  keys: SandboxKeys,
  baseURL: string,
  mchid: string,
): Promise<WrittenKeys>;
/**
 * The keys an earlier run wrote into `directory` (see `writeKeyFiles`), as inputs for this run, or
 * `undefined` when it holds none: a restarted sandbox keeps answering with what its clients trust.
 */
export declare function readKeyFiles(directory: string): Promise<KeyInputs | undefined>;

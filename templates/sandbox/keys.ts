/** The sandbox's key material: what it verifies requests with, signs and encrypts with, and hands to a client. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomInt, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

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

/** forge's own signing step, which its type declarations leave out. */
interface TbsCertificates {
  getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DAY_MS = 86_400_000;

function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function asPublicKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPublicKey(key) : key;
}

function asPrivateKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPrivateKey(key) : key;
}

/** An APIv3 key as the merchant console makes them: 32 characters of `[A-Za-z0-9]`. */
export function generateApiV3Key(): string {
  let key = '';
  for (let index = 0; index < 32; index += 1) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key;
}

/**
 * A self-signed X.509 certificate for the platform key, valid from a day ago for five years. node-forge
 * lays out the certificate; Node signs it (forge's own RSA would take most of a second).
 */
export function createPlatformCertificate(privateKey: KeyObject, now: number = Date.now()): PlatformCertificateInfo {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(String(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' })));
  const serial = randomBytes(20);
  // A positive serial of exactly 20 bytes: no sign bit, no leading zero byte.
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  certificate.serialNumber = serial.toString('hex');
  const validFrom = new Date(Math.floor((now - DAY_MS) / 1000) * 1000);
  const validTo = new Date(validFrom.getTime() + 5 * 365 * DAY_MS);
  certificate.validity.notBefore = validFrom;
  certificate.validity.notAfter = validTo;
  const name = [
    { name: 'commonName', value: 'WeChat Pay APIv3 sandbox platform' },
    { name: 'organizationName', value: 'Sandbox' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.siginfo.algorithmOid = certificate.signatureOid = forge.pki.oids.sha256WithRSAEncryption!;
  const tbs = forge.asn1.toDer((forge.pki as unknown as TbsCertificates).getTBSCertificate(certificate)).getBytes();
  certificate.signature = sign('sha256', Buffer.from(tbs, 'binary'), privateKey).toString('binary');
  return { pem: forge.pki.certificateToPem(certificate), serial: serial.toString('hex').toUpperCase(), validFrom, validTo };
}

function certificateInfo(pemText: string, privateKey: KeyObject): PlatformCertificateInfo {
  const certificate = new X509Certificate(pemText);
  if (!certificate.publicKey.equals(createPublicKey(privateKey))) throw new Error('the platform certificate does not certify the platform private key');
  return { pem: pemText, serial: certificate.serialNumber.toUpperCase(), validFrom: new Date(certificate.validFrom), validTo: new Date(certificate.validTo) };
}

/** Uses the keys given and generates the rest (fresh RSA-2048 pairs, random serials, a certificate, an APIv3 key). */
export function resolveKeys(inputs: KeyInputs): SandboxKeys {
  const merchant =
    inputs.merchantPrivateKey !== undefined
      ? { privateKey: asPrivateKey(inputs.merchantPrivateKey), publicKey: createPublicKey(asPrivateKey(inputs.merchantPrivateKey)) }
      : inputs.merchantPublicKey === undefined
        ? rsaPair()
        : undefined;
  const platformPrivateKey = inputs.platformPrivateKey === undefined ? rsaPair().privateKey : asPrivateKey(inputs.platformPrivateKey);
  const platformCertificate =
    inputs.platformCertificate === undefined ? createPlatformCertificate(platformPrivateKey) : certificateInfo(inputs.platformCertificate, platformPrivateKey);
  const certificateMode = inputs.certificateMode === true;
  const apiV3Key = inputs.apiV3Key ?? generateApiV3Key();
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) throw new Error(`the APIv3 key must be 32 bytes, got ${Buffer.byteLength(apiV3Key, 'utf8')}`);
  const keys: SandboxKeys = {
    merchantPublicKey: merchant ? merchant.publicKey : asPublicKey(inputs.merchantPublicKey!),
    platformPrivateKey,
    platformPublicKey: createPublicKey(platformPrivateKey),
    platformCertificate,
    platformSerial: certificateMode ? platformCertificate.serial : (inputs.platformSerial ?? `PUB_KEY_ID_${randomBytes(14).toString('hex').toUpperCase()}`),
    certificateMode,
    apiV3Key,
    merchantSerial: inputs.merchantSerial ?? randomBytes(20).toString('hex').toUpperCase(),
  };
  if (merchant) keys.merchantPrivateKey = merchant.privateKey;
  return keys;
}

export function pem(key: KeyObject): string {
  return key.type === 'private'
    ? String(key.export({ type: 'pkcs8', format: 'pem' }))
    : String(key.export({ type: 'spki', format: 'pem' }));
}

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
export async function writeKeyFiles(directory: string, keys: SandboxKeys, baseURL: string, mchid: string): Promise<WrittenKeys> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const files: [string, string][] = [
    ['merchant_public_key.pem', pem(keys.merchantPublicKey)],
    ['platform_private_key.pem', pem(keys.platformPrivateKey)],
    ['platform_public_key.pem', pem(keys.platformPublicKey)],
    ['platform_certificate.pem', keys.platformCertificate.pem],
    ['apiv3_key.txt', keys.apiV3Key],
  ];
  if (keys.merchantPrivateKey) files.push(['apiclient_key.pem', pem(keys.merchantPrivateKey)]);
  for (const [name, text] of files) await writeFile(join(directory, name), text, { mode: 0o600 });
  const clientConfig = {
    baseURL,
    mchid,
    serial: keys.merchantSerial,
    privateKey: keys.merchantPrivateKey ? join(directory, 'apiclient_key.pem') : '<your apiclient_key.pem>',
    certs: { [keys.platformSerial]: join(directory, keys.certificateMode ? 'platform_certificate.pem' : 'platform_public_key.pem') },
    apiv3KeyFile: join(directory, 'apiv3_key.txt'),
  };
  const clientConfigFile = join(directory, 'client.json');
  await writeFile(clientConfigFile, `${JSON.stringify(clientConfig, null, 2)}\n`);
  return { directory, clientConfigFile, clientConfig };
}

/**
 * The keys an earlier run wrote into `directory` (see `writeKeyFiles`), as inputs for this run, or
 * `undefined` when it holds none: a restarted sandbox keeps answering with what its clients trust.
 */
export async function readKeyFiles(directory: string): Promise<KeyInputs | undefined> {
  const read = (name: string): Promise<string | undefined> => readFile(join(directory, name), 'utf8').catch(() => undefined);
  const [platformPrivateKey, platformCertificate, apiV3Key, merchantPrivateKey, merchantPublicKey, clientJson] = await Promise.all(
    ['platform_private_key.pem', 'platform_certificate.pem', 'apiv3_key.txt', 'apiclient_key.pem', 'merchant_public_key.pem', 'client.json'].map(read),
  );
  if (platformPrivateKey === undefined || platformCertificate === undefined || apiV3Key === undefined || clientJson === undefined) return undefined;
  let client: { serial?: unknown; certs?: unknown };
  try {
    client = JSON.parse(clientJson) as { serial?: unknown; certs?: unknown };
  } catch {
    return undefined;
  }
  const [platformSerial] = Object.keys(client.certs !== null && typeof client.certs === 'object' ? client.certs : {});
  const inputs: KeyInputs = { platformPrivateKey, platformCertificate, apiV3Key };
  if (merchantPrivateKey !== undefined) inputs.merchantPrivateKey = merchantPrivateKey;
  else if (merchantPublicKey !== undefined) inputs.merchantPublicKey = merchantPublicKey;
  if (typeof client.serial === 'string') inputs.merchantSerial = client.serial;
  if (platformSerial !== undefined) {
    if (platformSerial.toUpperCase() === new X509Certificate(platformCertificate).serialNumber.toUpperCase()) inputs.certificateMode = true;
    else inputs.platformSerial = platformSerial;
  }
  return inputs;
}

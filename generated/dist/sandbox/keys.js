/** The sandbox's key material: what it verifies requests with, signs and encrypts with, and hands to a client. */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  sign,
  X509Certificate,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DAY_MS = 864e5;
function rsaPair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}
function asPublicKey(key) {
  return typeof key === 'string' ? createPublicKey(key) : key;
}
function asPrivateKey(key) {
  return typeof key === 'string' ? createPrivateKey(key) : key;
}
/** An APIv3 key as the merchant console makes them: 32 characters of `[A-Za-z0-9]`. */
export function generateApiV3Key() {
  let key = '';
  for (let index = 0; index < 32; index += 1) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key;
}
/**
 * A self-signed X.509 certificate for the platform key, valid from a day ago for five years. node-forge
 * lays out the certificate; Node signs it (forge's own RSA would take most of a second).
 */
export function createPlatformCertificate(privateKey, now = Date.now()) {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    String(
      createPublicKey(privateKey).export({
        type: 'spki',
        format: 'pem',
      }),
    ),
  );
  const serial = randomBytes(20);
  // A positive serial of exactly 20 bytes: no sign bit, no leading zero byte.
  serial[0] = (serial[0] & 127) | 16;
  certificate.serialNumber = serial.toString('hex');
  const validFrom = new Date(Math.floor((now - DAY_MS) / 1e3) * 1e3);
  const validTo = new Date(validFrom.getTime() + 5 * 365 * DAY_MS);
  certificate.validity.notBefore = validFrom;
  certificate.validity.notAfter = validTo;
  const name = [
    {
      name: 'commonName',
      value: 'WeChat Pay APIv3 sandbox platform',
    },
    {
      name: 'organizationName',
      value: 'Sandbox',
    },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.siginfo.algorithmOid = certificate.signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  const tbs = forge.asn1.toDer(forge.pki.getTBSCertificate(certificate)).getBytes();
  certificate.signature = sign('sha256', Buffer.from(tbs, 'binary'), privateKey).toString('binary');
  return {
    pem: forge.pki.certificateToPem(certificate),
    serial: serial.toString('hex').toUpperCase(),
    validFrom,
    validTo,
  };
}
function certificateInfo(pemText, privateKey) {
  const certificate = new X509Certificate(pemText);
  if (!certificate.publicKey.equals(createPublicKey(privateKey)))
    throw new Error('the platform certificate does not certify the platform private key');
  return {
    pem: pemText,
    serial: certificate.serialNumber.toUpperCase(),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
  };
}
/** Uses the keys given and generates the rest (fresh RSA-2048 pairs, random serials, a certificate, an APIv3 key). */
export function resolveKeys(inputs) {
  const merchant =
    inputs.merchantPrivateKey !== undefined
      ? {
          privateKey: asPrivateKey(inputs.merchantPrivateKey),
          publicKey: createPublicKey(asPrivateKey(inputs.merchantPrivateKey)),
        }
      : inputs.merchantPublicKey === undefined
        ? rsaPair()
        : undefined;
  const platformPrivateKey =
    inputs.platformPrivateKey === undefined ? rsaPair().privateKey : asPrivateKey(inputs.platformPrivateKey);
  const platformCertificate =
    inputs.platformCertificate === undefined
      ? createPlatformCertificate(platformPrivateKey)
      : certificateInfo(inputs.platformCertificate, platformPrivateKey);
  const certificateMode = inputs.certificateMode === true;
  const apiV3Key = inputs.apiV3Key ?? generateApiV3Key();
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32)
    throw new Error(`the APIv3 key must be 32 bytes, got ${Buffer.byteLength(apiV3Key, 'utf8')}`);
  const keys = {
    merchantPublicKey: merchant ? merchant.publicKey : asPublicKey(inputs.merchantPublicKey),
    platformPrivateKey,
    platformPublicKey: createPublicKey(platformPrivateKey),
    platformCertificate,
    platformSerial: certificateMode
      ? platformCertificate.serial
      : (inputs.platformSerial ?? `PUB_KEY_ID_${randomBytes(14).toString('hex').toUpperCase()}`),
    certificateMode,
    apiV3Key,
    merchantSerial: inputs.merchantSerial ?? randomBytes(20).toString('hex').toUpperCase(),
  };
  if (merchant) keys.merchantPrivateKey = merchant.privateKey;
  return keys;
}
export function pem(key) {
  return key.type === 'private'
    ? String(
        key.export({
          type: 'pkcs8',
          format: 'pem',
        }),
      )
    : String(
        key.export({
          type: 'spki',
          format: 'pem',
        }),
      );
}
/**
 * Writes the key files and `client.json` (ClientOptions with every key as a file path) into `directory`:
 * `apiclient_key.pem` (merchant private key, when generated), `merchant_public_key.pem`,
 * `platform_private_key.pem`, `platform_public_key.pem`, `platform_certificate.pem`, `apiv3_key.txt`.
 */
export async function writeKeyFiles(directory, keys, baseURL, mchid) {
  await mkdir(directory, {
    recursive: true,
    mode: 448,
  });
  const files = [
    ['merchant_public_key.pem', pem(keys.merchantPublicKey)],
    ['platform_private_key.pem', pem(keys.platformPrivateKey)],
    ['platform_public_key.pem', pem(keys.platformPublicKey)],
    ['platform_certificate.pem', keys.platformCertificate.pem],
    ['apiv3_key.txt', keys.apiV3Key],
  ];
  if (keys.merchantPrivateKey) files.push(['apiclient_key.pem', pem(keys.merchantPrivateKey)]);
  for (const [name, text] of files) await writeFile(join(directory, name), text, { mode: 384 });
  const clientConfig = {
    baseURL,
    mchid,
    serial: keys.merchantSerial,
    privateKey: keys.merchantPrivateKey ? join(directory, 'apiclient_key.pem') : '<your apiclient_key.pem>',
    certs: {
      [keys.platformSerial]: join(
        directory,
        keys.certificateMode ? 'platform_certificate.pem' : 'platform_public_key.pem',
      ),
    },
    apiv3KeyFile: join(directory, 'apiv3_key.txt'),
  };
  const clientConfigFile = join(directory, 'client.json');
  await writeFile(clientConfigFile, `${JSON.stringify(clientConfig, null, 2)}\n`);
  return {
    directory,
    clientConfigFile,
    clientConfig,
  };
}
/**
 * The keys an earlier run wrote into `directory` (see `writeKeyFiles`), as inputs for this run, or
 * `undefined` when it holds none: a restarted sandbox keeps answering with what its clients trust.
 */
export async function readKeyFiles(directory) {
  const read = (name) => readFile(join(directory, name), 'utf8').catch(() => undefined);
  const [platformPrivateKey, platformCertificate, apiV3Key, merchantPrivateKey, merchantPublicKey, clientJson] =
    await Promise.all(
      [
        'platform_private_key.pem',
        'platform_certificate.pem',
        'apiv3_key.txt',
        'apiclient_key.pem',
        'merchant_public_key.pem',
        'client.json',
      ].map(read),
    );
  if (
    platformPrivateKey === undefined ||
    platformCertificate === undefined ||
    apiV3Key === undefined ||
    clientJson === undefined
  )
    return undefined;
  let client;
  try {
    client = JSON.parse(clientJson);
  } catch {
    return undefined;
  }
  const [platformSerial] = Object.keys(client.certs !== null && typeof client.certs === 'object' ? client.certs : {});
  const inputs = {
    platformPrivateKey,
    platformCertificate,
    apiV3Key,
  };
  if (merchantPrivateKey !== undefined) inputs.merchantPrivateKey = merchantPrivateKey;
  else if (merchantPublicKey !== undefined) inputs.merchantPublicKey = merchantPublicKey;
  if (typeof client.serial === 'string') inputs.merchantSerial = client.serial;
  if (platformSerial !== undefined) {
    if (platformSerial.toUpperCase() === new X509Certificate(platformCertificate).serialNumber.toUpperCase())
      inputs.certificateMode = true;
    else inputs.platformSerial = platformSerial;
  }
  return inputs;
}

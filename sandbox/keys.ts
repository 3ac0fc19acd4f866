import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The key material a sandbox runs with. Private keys are never printed; generated ones go to files only. */
export interface SandboxKeys {
  /** Verifies request signatures. */
  merchantPublicKey: KeyObject;
  /** Signs responses. */
  platformPrivateKey: KeyObject;
  platformPublicKey: KeyObject;
  /** `Wechatpay-Serial` of every response: a platform certificate serial or a `PUB_KEY_ID_...`. */
  platformSerial: string;
  /** Present when the sandbox generated the merchant key pair, so a client can be configured with it. */
  merchantPrivateKey?: KeyObject;
  /** The merchant certificate serial a generated client configuration uses (the sandbox does not check it). */
  merchantSerial: string;
}

export interface KeyInputs {
  /** PEM text or a KeyObject. */
  merchantPublicKey?: string | KeyObject;
  platformPrivateKey?: string | KeyObject;
  platformSerial?: string;
}

function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function asPublicKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPublicKey(key) : key;
}

function asPrivateKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPrivateKey(key) : key;
}

/** Uses the keys given and generates the rest (fresh RSA-2048 pairs, random serials). */
export function resolveKeys(inputs: KeyInputs): SandboxKeys {
  const merchant = inputs.merchantPublicKey === undefined ? rsaPair() : undefined;
  const platformPrivateKey = inputs.platformPrivateKey === undefined ? rsaPair().privateKey : asPrivateKey(inputs.platformPrivateKey);
  const keys: SandboxKeys = {
    merchantPublicKey: merchant ? merchant.publicKey : asPublicKey(inputs.merchantPublicKey!),
    platformPrivateKey,
    platformPublicKey: createPublicKey(platformPrivateKey),
    platformSerial: inputs.platformSerial ?? `PUB_KEY_ID_${randomBytes(14).toString('hex').toUpperCase()}`,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
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
  /** `client.json`: the client options, key files by path. */
  clientConfigFile: string;
  clientConfig: Record<string, unknown>;
}

/**
 * Writes the key files and `client.json` (ClientOptions with key file paths) into `directory`:
 * `apiclient_key.pem` (merchant private key, when generated), `merchant_public_key.pem`,
 * `platform_private_key.pem`, `platform_public_key.pem`.
 */
export async function writeKeyFiles(directory: string, keys: SandboxKeys, baseURL: string, mchid: string): Promise<WrittenKeys> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const files: [string, KeyObject][] = [
    ['merchant_public_key.pem', keys.merchantPublicKey],
    ['platform_private_key.pem', keys.platformPrivateKey],
    ['platform_public_key.pem', keys.platformPublicKey],
  ];
  if (keys.merchantPrivateKey) files.push(['apiclient_key.pem', keys.merchantPrivateKey]);
  for (const [name, key] of files) await writeFile(join(directory, name), pem(key), { mode: 0o600 });
  const clientConfig = {
    baseURL,
    mchid,
    serial: keys.merchantSerial,
    privateKey: keys.merchantPrivateKey ? join(directory, 'apiclient_key.pem') : '<your apiclient_key.pem>',
    certs: { [keys.platformSerial]: join(directory, 'platform_public_key.pem') },
  };
  const clientConfigFile = join(directory, 'client.json');
  await writeFile(clientConfigFile, `${JSON.stringify(clientConfig, null, 2)}\n`);
  return { directory, clientConfigFile, clientConfig };
}

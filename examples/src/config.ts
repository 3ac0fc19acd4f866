/**
 * Client configuration from a JSON file or environment variables. Keys are referenced by file path and
 * read here; their contents never reach a message.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ClientOptions } from '@wechatpay-sdk/apiv3';

/** A configuration problem the user can fix; printed as its message alone. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The configuration file's shape (the sandbox writes one as `client.json`): keys as file paths. */
interface ConfigFile {
  baseURL: string;
  mchid: string;
  serial: string;
  privateKey: string;
  certs: Record<string, string>;
  /** The APIv3 key's file (the sandbox's `apiv3KeyFile`), for notifications. */
  apiv3KeyFile?: string;
}

export const ENVIRONMENT_HELP = `Configuration: a JSON file (first argument, or WECHATPAY_CONFIG) with
  { "baseURL", "mchid", "serial", "privateKey": "<key file>", "certs": { "<serial or PUB_KEY_ID_...>": "<file>" },
    "apiv3KeyFile": "<file holding the APIv3 key>" }
(relative paths are relative to the file), or the environment variables
  WECHATPAY_BASE_URL, WECHATPAY_MCHID, WECHATPAY_SERIAL, WECHATPAY_PRIVATE_KEY_FILE,
  WECHATPAY_CERTS ("<serial>=<file>", comma-separated), WECHATPAY_APIV3_KEY`;

/** Client options from `configFile` when given, else from the environment. */
export function loadClientOptions(configFile: string | undefined, env: NodeJS.ProcessEnv): ClientOptions {
  const config = configFile === undefined ? configFromEnvironment(env) : configFromFile(configFile);
  const secret = config.apiv3KeyFile === undefined ? env.WECHATPAY_APIV3_KEY || undefined : readKeyFile('apiv3KeyFile', config.apiv3KeyFile).toString('utf8').trim();
  return {
    baseURL: config.baseURL,
    mchid: config.mchid,
    serial: config.serial,
    privateKey: readKeyFile('privateKey', config.privateKey),
    certs: Object.fromEntries(Object.entries(config.certs).map(([serial, file]) => [serial, readKeyFile(`certs.${serial}`, file)])),
    ...(secret === undefined ? {} : { secret }),
  };
}

function configFromFile(file: string): ConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot read (${errorCode(error)})`}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${file}: expected a JSON object`);
  const record = parsed as Record<string, unknown>;
  const text = (field: string): string => {
    const value = record[field];
    if (typeof value !== 'string' || value === '') throw new ConfigError(`${file}: "${field}" must be a non-empty string`);
    return value;
  };
  const certs = record.certs;
  if (certs === null || typeof certs !== 'object' || Array.isArray(certs) || Object.keys(certs).length === 0) {
    throw new ConfigError(`${file}: "certs" must map at least one platform serial to a key file`);
  }
  const base = dirname(file);
  const certFiles: Record<string, string> = {};
  for (const [serial, path] of Object.entries(certs)) {
    if (typeof path !== 'string') throw new ConfigError(`${file}: "certs.${serial}" must be a file path`);
    certFiles[serial] = resolve(base, path);
  }
  const keyFile = record.apiv3KeyFile;
  if (keyFile !== undefined && typeof keyFile !== 'string') throw new ConfigError(`${file}: "apiv3KeyFile" must be a file path`);
  return {
    baseURL: text('baseURL'),
    mchid: text('mchid'),
    serial: text('serial'),
    privateKey: resolve(base, text('privateKey')),
    certs: certFiles,
    ...(keyFile === undefined ? {} : { apiv3KeyFile: resolve(base, keyFile) }),
  };
}

function configFromEnvironment(env: NodeJS.ProcessEnv): ConfigFile {
  const required = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new ConfigError(`${name} is not set.\n${ENVIRONMENT_HELP}`);
    return value;
  };
  const certs: Record<string, string> = {};
  for (const entry of required('WECHATPAY_CERTS').split(',')) {
    const separator = entry.indexOf('=');
    if (separator <= 0 || separator === entry.length - 1) throw new ConfigError(`WECHATPAY_CERTS: expected "<serial>=<file>", got ${JSON.stringify(entry)}`);
    certs[entry.slice(0, separator).trim()] = resolve(entry.slice(separator + 1).trim());
  }
  return {
    baseURL: required('WECHATPAY_BASE_URL'),
    mchid: required('WECHATPAY_MCHID'),
    serial: required('WECHATPAY_SERIAL'),
    privateKey: resolve(required('WECHATPAY_PRIVATE_KEY_FILE')),
    certs,
  };
}

function readKeyFile(field: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${field}: cannot read ${file} (${errorCode(error)})`);
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
}

/**
 * The package's command line (`npx @wechatpay-sdk/apiv3 <command>`): signed, verified calls of any
 * operation and the platform certificate download, configured from flags, environment variables
 * and a JSON file. The APIv3 key is read from the environment only; no secret is ever printed.
 */
import { createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ApiError, UsageError, WechatpayError } from './errors.js';
const USAGE = `Usage: apiv3 <command> [options]

Commands:
  call <METHOD> <path>     Send a signed request, verify the response, print its JSON
      --data JSON|@FILE      request body
      --params JSON|@FILE    path parameters, by placeholder name: {"transaction_id":"..."}
      --query JSON|@FILE     query string members: {"mchid":"..."}
      --out FILE             write the body (a download's stream) to FILE instead of stdout
      --no-validate          skip the request checks against the spec
  certificates --out DIR   Download, decrypt and check the platform certificates into DIR/<serial>.pem

Configuration (flags, then environment, then the --config file):
  --config FILE            JSON: { mchid, serial, privateKey: FILE, certs: { id: FILE }, baseURL }
  --mchid ID               WECHATPAY_MCHID
  --serial SERIAL          WECHATPAY_SERIAL          merchant API certificate serial
  --private-key FILE       WECHATPAY_PRIVATE_KEY     apiclient_key.pem
  --cert ID=FILE           WECHATPAY_CERTS           platform certificate or public key (repeatable; env: comma-separated)
  --base-url URL           WECHATPAY_BASE_URL
                           WECHATPAY_APIV3_KEY       the APIv3 key (environment only)
  Without --cert, the platform certificates are downloaded (needs WECHATPAY_APIV3_KEY).
`;
class ArgumentError extends Error {}
/** Runs one command; resolves to the exit code (0 ok, 1 failed, 2 bad arguments). */
export async function runCli(argv, Client, io) {
  const { stdout = process.stdout, stderr = process.stderr, env = process.env, cwd = process.cwd() } = io ?? {};
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: {
          type: 'boolean',
          short: 'h',
        },
        config: { type: 'string' },
        mchid: { type: 'string' },
        serial: { type: 'string' },
        'private-key': { type: 'string' },
        cert: {
          type: 'string',
          multiple: true,
        },
        'base-url': { type: 'string' },
        data: { type: 'string' },
        params: { type: 'string' },
        query: { type: 'string' },
        out: { type: 'string' },
        'no-validate': { type: 'boolean' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      stdout.write(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const options = () => clientOptions(values, env, cwd);
    if (command === 'call') {
      const [method, path, ...extra] = rest;
      if (method === undefined || path === undefined || extra.length > 0)
        throw new ArgumentError('call needs <METHOD> <path>');
      await call(new Client(options()), method, path, values, cwd, stdout);
      return 0;
    }
    if (command === 'certificates') {
      if (rest.length > 0) throw new ArgumentError(`certificates takes no arguments, got ${rest.join(' ')}`);
      if (values.out === undefined) throw new ArgumentError('certificates needs --out DIR');
      await certificates(new Client(options()), resolve(cwd, values.out), stdout);
      return 0;
    }
    throw new ArgumentError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    stderr.write(`apiv3: ${describe(error)}\n`);
    if (error instanceof ArgumentError || isParseArgsError(error)) {
      stderr.write('Run apiv3 --help for usage.\n');
      return 2;
    }
    return 1;
  }
}
function clientOptions(flags, env, cwd) {
  const configPath = flags.config ?? env['WECHATPAY_CONFIG'];
  const file = configPath === undefined ? {} : readConfig(resolve(cwd, configPath));
  // Paths in the config file are relative to it; those of flags and variables to the working directory.
  const fileDir = configPath === undefined ? cwd : dirname(resolve(cwd, configPath));
  const pick = (flag, variable, fromFile, name) => {
    const value = flag ?? env[variable] ?? fromFile;
    if (value !== undefined && typeof value !== 'string')
      throw new ArgumentError(`${name} in the config file must be a string`);
    return value;
  };
  const mchid = pick(flags.mchid, 'WECHATPAY_MCHID', file.mchid, 'mchid');
  const serial = pick(flags.serial, 'WECHATPAY_SERIAL', file.serial, 'serial');
  const baseURL = pick(flags['base-url'], 'WECHATPAY_BASE_URL', file.baseURL, 'baseURL');
  const keyFlag = flags['private-key'] ?? env['WECHATPAY_PRIVATE_KEY'];
  const keyPath =
    keyFlag !== undefined
      ? resolve(cwd, keyFlag)
      : typeof file.privateKey === 'string'
        ? resolve(fileDir, file.privateKey)
        : undefined;
  if (mchid === undefined) throw new ArgumentError('no merchant id: --mchid, WECHATPAY_MCHID or mchid in --config');
  if (serial === undefined)
    throw new ArgumentError('no merchant certificate serial: --serial, WECHATPAY_SERIAL or serial in --config');
  if (keyPath === undefined)
    throw new ArgumentError('no private key: --private-key FILE, WECHATPAY_PRIVATE_KEY or privateKey in --config');
  const certFiles = {};
  const listed = flags.cert ?? (env['WECHATPAY_CERTS'] ? env['WECHATPAY_CERTS'].split(',') : undefined);
  if (listed !== undefined) {
    for (const entry of listed) {
      const at = entry.indexOf('=');
      if (at <= 0 || at === entry.length - 1)
        throw new ArgumentError(`--cert takes ID=FILE, got ${JSON.stringify(entry)}`);
      certFiles[entry.slice(0, at).trim()] = resolve(cwd, entry.slice(at + 1).trim());
    }
  } else if (file.certs !== undefined) {
    if (typeof file.certs !== 'object' || file.certs === null)
      throw new ArgumentError('certs in the config file must be { id: FILE }');
    for (const [id, path] of Object.entries(file.certs)) {
      if (typeof path !== 'string')
        throw new ArgumentError(`certs[${JSON.stringify(id)}] in the config file must be a file path`);
      certFiles[id] = resolve(fileDir, path);
    }
  }
  const secret = env['WECHATPAY_APIV3_KEY'] === '' ? undefined : env['WECHATPAY_APIV3_KEY'];
  const certs = Object.fromEntries(
    Object.entries(certFiles).map(([id, path]) => [id, readText(path, `platform key ${id}`)]),
  );
  const automatic = Object.keys(certs).length === 0;
  if (automatic && secret === undefined) {
    throw new ArgumentError(
      'no platform keys: --cert ID=FILE, or WECHATPAY_APIV3_KEY to download the platform certificates',
    );
  }
  return {
    mchid,
    serial,
    privateKey: readText(keyPath, 'private key'),
    ...(automatic ? { autoCertificates: true } : { certs }),
    ...(secret === undefined ? {} : { secret }),
    ...(baseURL === undefined ? {} : { baseURL }),
  };
}
function readConfig(path) {
  const parsed = parseJson(readText(path, 'config file'), `config file ${path}`);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ArgumentError(`config file ${path} must hold a JSON object`);
  for (const key of ['secret', 'apiv3Key', 'apiV3Key']) {
    if (key in parsed)
      throw new ArgumentError(`config file ${path} holds ${key}: give the APIv3 key in WECHATPAY_APIV3_KEY only`);
  }
  return parsed;
}
function readText(path, what) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = error.code;
    throw new ArgumentError(`cannot read the ${what} file ${path}${code === undefined ? '' : ` (${code})`}`);
  }
}
function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ArgumentError(`${what} is not JSON: ${error.message}`);
  }
}
/** `JSON` or `@FILE` (relative to the working directory). */
function jsonArgument(value, flag, cwd) {
  if (value === undefined) return undefined;
  if (value.startsWith('@')) return parseJson(readText(resolve(cwd, value.slice(1)), flag), `${flag} ${value}`);
  return parseJson(value, flag);
}
function objectArgument(value, flag, cwd) {
  const parsed = jsonArgument(value, flag, cwd);
  if (parsed === undefined) return {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ArgumentError(`${flag} must be a JSON object`);
  return parsed;
}
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);
async function call(client, method, path, flags, cwd, stdout) {
  const verb = method.toLowerCase();
  if (!VERBS.has(verb))
    throw new ArgumentError(`METHOD must be one of GET, POST, PUT, PATCH, DELETE; got ${JSON.stringify(method)}`);
  const data = jsonArgument(flags.data, '--data', cwd);
  const pathParams = objectArgument(flags.params, '--params', cwd);
  const query = objectArgument(flags.query, '--query', cwd);
  const config = {
    ...pathParams,
    ...(flags.query === undefined ? {} : { params: query }),
    ...(flags['no-validate'] ? { validate: false } : {}),
  };
  const takesBody = verb === 'post' || verb === 'put' || verb === 'patch';
  if (!takesBody && data !== undefined) throw new ArgumentError(`${method.toUpperCase()} takes no --data`);
  // Any path, declared by the specs or not: the CLI's arguments are not checked at compile time.
  const endpoint = client.untyped(path);
  const send = endpoint[verb];
  const response = takesBody ? await send(data, config) : await send(config);
  const body = response.data;
  const target = flags.out === undefined ? stdout : undefined;
  if (body instanceof Readable) {
    if (target !== undefined) await pipeline(body, target, { end: false });
    else await writeAtomically(resolve(cwd, flags.out), body);
    return;
  }
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  if (target !== undefined) target.write(text === '' ? '' : text.endsWith('\n') ? text : `${text}\n`);
  else await writeAtomically(resolve(cwd, flags.out), Readable.from([text]));
}
async function certificates(client, dir, stdout) {
  const downloaded = await client.refreshCertificates();
  mkdirSync(dir, { recursive: true });
  for (const certificate of downloaded) {
    if (!/^[0-9A-Za-z_-]+$/.test(certificate.serial))
      throw new UsageError(`certificate serial ${JSON.stringify(certificate.serial)} is not a file name`);
    const file = join(dir, `${certificate.serial}.pem`);
    await writeAtomically(file, Readable.from([certificate.pem]));
    stdout.write(`${certificate.serial}  valid until ${certificate.validTo.toISOString()}  ${file}\n`);
  }
}
async function writeAtomically(file, content) {
  const staging = `${file}.${process.pid}.tmp`;
  await pipeline(content, createWriteStream(staging));
  renameSync(staging, file);
}
function describe(error) {
  if (error instanceof ApiError) {
    const detail = error.detail === undefined ? '' : `\n  detail: ${JSON.stringify(error.detail)}`;
    return `${error.message}${error.requestId === undefined ? '' : ` (Request-ID ${error.requestId})`}${detail}`;
  }
  if (error instanceof WechatpayError || error instanceof ArgumentError) return error.message;
  if (isParseArgsError(error)) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
function isParseArgsError(error) {
  const code = error?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * `npm run sandbox -- [options]`: serves the spec's operations on 127.0.0.1 until interrupted.
 * Keys not given are generated and written, with a ready client configuration, to a directory it prints.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PACKAGE_NAME } from '../generator/emit/docs/index.ts';
import { writeKeyFiles } from './keys.ts';
import { DEFAULT_MCHID, SpecError, startSandbox } from './server.ts';

const USAGE = `Usage: npm run sandbox -- [options]
  --port N                     port on 127.0.0.1 (default: a free port)
  --mchid ID                   merchant id requests must be signed for (default ${DEFAULT_MCHID})
  --merchant-public-key FILE   PEM public key verifying request signatures (default: generated)
  --platform-private-key FILE  PEM private key signing responses (default: generated)
  --platform-serial ID         Wechatpay-Serial of responses (default: a generated PUB_KEY_ID_...)
  --data FILE                  keep state in FILE across restarts
  --rate-limit N               requests per second per operation before 429 FREQUENCY_LIMITED
  --spec DIR                   spec root (default: spec/)
  --key-dir DIR                where generated keys and client.json go (default: a new temporary directory)
  --quiet                      no line per request`;

class CliError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      mchid: { type: 'string' },
      'merchant-public-key': { type: 'string' },
      'platform-private-key': { type: 'string' },
      'platform-serial': { type: 'string' },
      data: { type: 'string' },
      'rate-limit': { type: 'string' },
      spec: { type: 'string' },
      'key-dir': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    port: values.port === undefined ? 0 : positiveInteger('--port', values.port, true),
    mchid: values.mchid,
    merchantPublicKey: values['merchant-public-key'] === undefined ? undefined : await readKey('--merchant-public-key', values['merchant-public-key'], 'public'),
    platformPrivateKey: values['platform-private-key'] === undefined ? undefined : await readKey('--platform-private-key', values['platform-private-key'], 'private'),
    platformSerial: values['platform-serial'],
    dataFile: values.data === undefined ? undefined : resolve(values.data),
    rateLimit: values['rate-limit'] === undefined ? undefined : positiveInteger('--rate-limit', values['rate-limit']),
    specDir: values.spec === undefined ? undefined : resolve(values.spec),
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  const keyDir = values['key-dir'] === undefined ? await mkdtemp(join(tmpdir(), 'wechatpay-sandbox-')) : resolve(values['key-dir']);
  const written = await writeKeyFiles(keyDir, sandbox.keys, sandbox.url, sandbox.mchid);
  console.log(`WeChat Pay sandbox listening on ${sandbox.url} (mchid ${sandbox.mchid}, Wechatpay-Serial ${sandbox.keys.platformSerial})`);
  console.log(`Keys and client configuration: ${written.directory}`);
  console.log(`Client options (${written.clientConfigFile}):\n${JSON.stringify(written.clientConfig, null, 2)}`);
  console.log(`In TypeScript:
  import { readFileSync } from 'node:fs';
  import { Wechatpay } from '${DEFAULT_PACKAGE_NAME}';
  const config = JSON.parse(readFileSync(${JSON.stringify(written.clientConfigFile)}, 'utf8'));
  const wxpay = new Wechatpay({
    ...config,
    privateKey: readFileSync(config.privateKey),
    certs: Object.fromEntries(Object.entries(config.certs).map(([serial, file]) => [serial, readFileSync(file)])),
  });`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function positiveInteger(flag: string, text: string, allowZero = false): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new CliError(`${flag} expects ${allowZero ? 'a non-negative' : 'a positive'} integer, got ${JSON.stringify(text)}`);
  return value;
}

async function readKey(flag: string, file: string, kind: 'public' | 'private'): Promise<KeyObject> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return kind === 'public' ? createPublicKey(text) : createPrivateKey(text);
  } catch {
    // The parser's own message could quote the file; only the file name is reported.
    throw new CliError(`${flag}: ${file} is not a PEM ${kind} key`);
  }
}

main().catch((error: unknown) => {
  // Expected failures print their message alone; a key's contents never reach the output.
  if (error instanceof CliError || error instanceof SpecError) console.error(error.message);
  else if (error instanceof Error && 'code' in error && typeof error.code === 'string') console.error(`sandbox: ${error.code}: ${error.message.split('\n')[0]}`);
  else if (error instanceof Error) console.error(`sandbox: ${error.message.split('\n')[0]}`);
  else console.error('sandbox: failed');
  console.error('Run with --help for usage.');
  process.exit(error instanceof SpecError ? 1 : 2);
});

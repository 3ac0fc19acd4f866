/**
 * The sandbox command: serves the operations of the specs on 127.0.0.1 until interrupted. Keys not
 * given are generated and written, with a ready client configuration, to a directory it prints.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_NAME } from '../runtime/version.js';
import { readKeyFiles, writeKeyFiles } from './keys.js';
import { DEFAULT_MCHID, startSandbox } from './server.js';
/** A failure the user can fix: printed as its message alone, exit `exitCode`. */
export class CliError extends Error {
  exitCode;
  name = 'CliError';
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
function usage(setup) {
  return `Usage: ${setup.program} [options]
  --port N                     port on 127.0.0.1 (default: a free port)
  --mchid ID                   merchant id requests must be signed for (default ${DEFAULT_MCHID})
  --merchant-public-key FILE   PEM public key verifying request signatures (default: generated)
  --platform-private-key FILE  PEM private key signing responses and notifications (default: generated)
  --platform-serial ID         Wechatpay-Serial of responses (default: a generated PUB_KEY_ID_...)
  --certificate-mode           answer with the platform certificate's serial instead of a PUB_KEY_ID_...
  --apiv3-key-file FILE        the 32-character APIv3 key (default: generated into the key directory)
  --data FILE                  keep state in FILE across restarts
  --auto-pay-after MS          orders pay themselves MS milliseconds after ordering
  --refund-delay MS            milliseconds a refund stays PROCESSING (default 1000)
  --notify-time-scale F        multiply the notification retry waits (15 s, 15 s, 30 s, 3 min, ...) by F
  --rate-limit N               requests per second per operation before 429 FREQUENCY_LIMITED${setup.acceptsSpec ? '\n  --spec DIR                   spec root (default: spec/)' : ''}
  --key-dir DIR                where generated keys and client.json go (default: a new temporary directory);
                               keys an earlier run wrote there are used again (flags given override them)
  --quiet                      no line per request

Control endpoint (loopback, unsigned): POST /sandbox/orders/{out_trade_no}/pay [{"openid": "..."}]
marks an order paid and sends its TRANSACTION.SUCCESS notification to the order's notify_url.`;
}
/** Parses `argv`, starts the sandbox and prints where it listens; resolves once it is up. */
export async function runSandboxCli(setup, argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        mchid: { type: 'string' },
        'merchant-public-key': { type: 'string' },
        'platform-private-key': { type: 'string' },
        'platform-serial': { type: 'string' },
        'certificate-mode': { type: 'boolean' },
        'apiv3-key-file': { type: 'string' },
        data: { type: 'string' },
        'auto-pay-after': { type: 'string' },
        'refund-delay': { type: 'string' },
        'notify-time-scale': { type: 'string' },
        'rate-limit': { type: 'string' },
        ...(setup.acceptsSpec ? { spec: { type: 'string' } } : {}),
        'key-dir': { type: 'string' },
        quiet: { type: 'boolean' },
        help: {
          type: 'boolean',
          short: 'h',
        },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error.message);
  }
  if (values.help) {
    console.log(usage(setup));
    return;
  }
  const spec = values.spec;
  const tables = await setup.tables(spec === undefined ? undefined : resolve(spec));
  const givenKeyDir = values['key-dir'] === undefined ? undefined : resolve(values['key-dir']);
  const previous =
    (givenKeyDir === undefined ? undefined : await readKeyFiles(givenKeyDir).catch(() => undefined)) ?? {};
  const given = {};
  if (values['merchant-public-key'] !== undefined)
    given.merchantPublicKey = await readKey('--merchant-public-key', values['merchant-public-key'], 'public');
  if (values['platform-private-key'] !== undefined)
    given.platformPrivateKey = await readKey('--platform-private-key', values['platform-private-key'], 'private');
  if (values['platform-serial'] !== undefined) given.platformSerial = values['platform-serial'];
  if (values['certificate-mode'] === true) given.certificateMode = true;
  if (values['apiv3-key-file'] !== undefined) given.apiV3Key = await readApiV3Key(values['apiv3-key-file']);
  // A key given on the command line replaces the earlier run's, and what was derived from it.
  if (given.merchantPublicKey !== undefined) delete previous.merchantPrivateKey;
  if (given.platformPrivateKey !== undefined) delete previous.platformCertificate;
  if (given.platformSerial !== undefined) delete previous.certificateMode;
  if (given.certificateMode) delete previous.platformSerial;
  const reused = Object.keys(previous).length > 0;
  const sandbox = await startSandbox({
    tables,
    port: values.port === undefined ? 0 : integer('--port', values.port, 0),
    mchid: values.mchid,
    ...previous,
    ...given,
    dataFile: values.data === undefined ? undefined : resolve(values.data),
    autoPayAfterMs:
      values['auto-pay-after'] === undefined ? undefined : integer('--auto-pay-after', values['auto-pay-after'], 0),
    refundDelayMs:
      values['refund-delay'] === undefined ? undefined : integer('--refund-delay', values['refund-delay'], 0),
    notifyTimeScale: values['notify-time-scale'] === undefined ? undefined : scale(values['notify-time-scale']),
    rateLimit: values['rate-limit'] === undefined ? undefined : integer('--rate-limit', values['rate-limit'], 1),
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  const keyDir = givenKeyDir ?? (await mkdtemp(join(tmpdir(), 'wechatpay-sandbox-')));
  const written = await writeKeyFiles(keyDir, sandbox.keys, sandbox.url, sandbox.mchid);
  console.log(
    `WeChat Pay sandbox listening on ${sandbox.url} (mchid ${sandbox.mchid}, Wechatpay-Serial ${sandbox.keys.platformSerial})`,
  );
  console.log(
    `Keys and client configuration: ${written.directory}${reused ? ' (keys of the earlier run there, used again)' : ''}`,
  );
  console.log(
    `Client options (${written.clientConfigFile}; every key is a file path):\n${JSON.stringify(written.clientConfig, null, 2)}`,
  );
  console.log(`In TypeScript:
  import { readFileSync } from 'node:fs';
  import { Wechatpay } from '${PACKAGE_NAME}';
  const config = JSON.parse(readFileSync(${JSON.stringify(written.clientConfigFile)}, 'utf8'));
  const wxpay = new Wechatpay({
    ...config,
    privateKey: readFileSync(config.privateKey),
    certs: Object.fromEntries(Object.entries(config.certs).map(([serial, file]) => [serial, readFileSync(file)])),
    secret: readFileSync(config.apiv3KeyFile, 'utf8'),
  });`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
/** Runs the command as a process: expected failures print one line, never a stack trace or key material. */
export function main(setup, argv = process.argv.slice(2)) {
  runSandboxCli(setup, argv).catch((error) => {
    if (error instanceof CliError) console.error(error.message);
    else if (error instanceof Error && 'code' in error && typeof error.code === 'string')
      console.error(`sandbox: ${error.code}: ${error.message.split('\n')[0]}`);
    else if (error instanceof Error) console.error(`sandbox: ${error.message.split('\n')[0]}`);
    else console.error('sandbox: failed');
    console.error('Run with --help for usage.');
    process.exit(error instanceof CliError ? error.exitCode : 2);
  });
}
function integer(flag, text, minimum) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    throw new CliError(
      `${flag} expects ${minimum === 0 ? 'a non-negative' : 'a positive'} integer, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
function scale(text) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new CliError(`--notify-time-scale expects a positive number, got ${JSON.stringify(text)}`);
  return value;
}
async function readText(flag, file) {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${flag}: cannot read ${file} (${error.code ?? 'error'})`);
  }
}
async function readKey(flag, file, kind) {
  const text = await readText(flag, file);
  try {
    return kind === 'public' ? createPublicKey(text) : createPrivateKey(text);
  } catch {
    // The parser's own message could quote the file; only the file name is reported.
    throw new CliError(`${flag}: ${file} is not a PEM ${kind} key`);
  }
}
async function readApiV3Key(file) {
  const key = (await readText('--apiv3-key-file', file)).trim();
  // Only the length is reported: the key itself never reaches the output.
  if (Buffer.byteLength(key, 'utf8') !== 32)
    throw new CliError(
      `--apiv3-key-file: ${file} must hold a 32-byte APIv3 key, it holds ${Buffer.byteLength(key, 'utf8')} bytes`,
    );
  return key;
}

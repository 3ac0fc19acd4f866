/**
 * The generated package as a user gets it: the generator's command writes it to a temporary folder and
 * plain Node (not the test runner's module transform) imports its entry, so the transpiled runtime and
 * its CommonJS dependencies (axios, ajv) load the way they do once the package is installed.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestKeys, startTestServer, type TestServer } from './support/server.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const keys = generateTestKeys();
let server: TestServer;
let packageRoot: string;

beforeAll(async () => {
  server = await startTestServer(keys);
  packageRoot = await mkdtemp(join(tmpdir(), 'wechatpay-package-'));
  await promisify(execFile)(process.execPath, ['build/cli.js', '--out', packageRoot], { cwd: repoRoot });
  // What installing the package's dependencies would provide.
  await symlink(join(repoRoot, 'node_modules'), join(packageRoot, 'node_modules'), 'dir');
});

afterAll(async () => {
  await server?.close();
  if (packageRoot !== undefined) await rm(packageRoot, { recursive: true, force: true });
});

// Runs in a separate Node process; the options (with the merchant key generated for this run) arrive on stdin.
const PROGRAM = `
import { Wechatpay, UsageError, PACKAGE_NAME, PACKAGE_VERSION } from ENTRY;
let input = '';
for await (const chunk of process.stdin) input += chunk;
const wxpay = new Wechatpay(JSON.parse(input));
const path = 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes';
const valid = await wxpay.chain(path).post({ coupon_code_list: ['ABC9588200'], upload_request_no: '1000023' }, { stock_id: '98065001' });
let invalid;
try {
  await wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes.post({ coupon_code_list: ['x'.repeat(33)] }, { stock_id: '98065001' });
} catch (error) {
  invalid = { usageError: error instanceof UsageError, message: error.message };
}
process.stdout.write(JSON.stringify({ valid: valid.data, invalid, userAgent: PACKAGE_NAME + '/' + PACKAGE_VERSION }));
`;

function runWithNode(program: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { cwd: packageRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the generated package entry', () => {
  it('wires the emitted operations and request schemas into the client', async () => {
    const entry = await readFile(join(packageRoot, 'dist/index.js'), 'utf8');
    expect(entry).toContain("import { validators } from './validators.js';\nexport * from './runtime/index.js';\nexport const Wechatpay = createClientClass(operations, validators);");
  });

  it('under plain Node: a signed, verified, validated call, and an invalid call rejected before sending', async () => {
    const options = {
      mchid: keys.mchid,
      serial: keys.merchantSerial,
      privateKey: keys.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      certs: { [keys.certificateSerial]: keys.certificate.publicKey.export({ type: 'spki', format: 'pem' }) },
      baseURL: server.baseURL,
    };
    const program = PROGRAM.replace('ENTRY', JSON.stringify(pathToFileURL(join(packageRoot, 'dist/index.js')).href));
    const { code, stdout, stderr } = await runWithNode(program, JSON.stringify(options));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { valid: unknown; invalid: { usageError: boolean; message: string }; userAgent: string };

    const sentPath = '/v3/marketing/busifavor/stocks/98065001/couponcodes';
    expect(result.valid).toEqual({ method: 'POST', url: sentPath });
    expect(result.invalid).toEqual({
      usageError: true,
      message: [
        'Invalid request for POST /v3/marketing/busifavor/stocks/{stock_id}/couponcodes:',
        '  - upload_request_no: required',
        '  - coupon_code_list[0]: longer than 32 characters',
      ].join('\n'),
    });
    // Only the valid call reached the server, signed; its response was verified or `valid` would have thrown.
    expect(server.requests.map((request) => [request.url, request.signatureValid])).toEqual([[sentPath, true]]);
    const rootVersion = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(result.userAgent).toBe(`@wechatpay-sdk/apiv3/${rootVersion}`);
    expect(server.requests[0]?.headers['user-agent']).toBe(`@wechatpay-sdk/apiv3/${rootVersion} (Node.js ${process.version}; ${process.platform})`);
  });
});

/**
 * Defects an adversarial review found in the client, each pinned by the request or response that
 * exposed it, against the real signing server on 127.0.0.1.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { segmentNames } from '../../generator/model/naming.ts';
import { isProbedName, propertyToSegment } from '../../templates/runtime/chain.ts';
import { backtrackSafe } from '../../templates/runtime/validation.ts';
import {
  ApiError,
  NetworkError,
  TimeoutError,
  UsageError,
  VerificationError,
  compileRequestValidator,
  createNonce,
  responseMessage,
  signMessage,
  verifyHeaders,
} from '../../templates/runtime/index.ts';
import { Wechatpay, clientOptions, loose } from './support/client.ts';
import { generateTestKeys, useTestServer, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
let server: TestServer;

useTestServer(keys, (started) => (server = started));

/** `v3/things/{id}`: in the operation table, not in the declarations fixture. */
const things = (client: object) => loose(client).v3!.things!._id_!;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The base64 character with the same top 2 bits as `char` and some of the low 4 bits set. */
const otherBits = (char: string): string => BASE64_ALPHABET[BASE64_ALPHABET.indexOf(char) | 0b0101] as string;

describe('timeout is a deadline for the whole call (item 1)', () => {
  it('a body trickled one byte every 500 ms ends in TimeoutError at the deadline', async () => {
    server.respond = () => ({ body: { padding: 'x'.repeat(40) }, trickle: 500 });
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL, { timeout: 1000 }));
    const started = Date.now();
    const error: unknown = await things(wxpay).get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    // The whole body would take 25 s; the call must end near its 1 s deadline.
    expect(Date.now() - started).toBeLessThan(4000);
  }, 15_000);
});

describe('response size caps (item 2)', () => {
  const bomb = gzipSync(Buffer.alloc(48 * 1024 * 1024, 0x20));

  it('a 2xx body over maxResponseBytes is cut off with a NetworkError, before verification', async () => {
    server.respond = () => ({ body: { padding: 'x'.repeat(5000) } });
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL, { maxResponseBytes: 1000 }));
    const error: unknown = await things(wxpay).get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE' });
  });

  it('the default cap stops a gzip bomb after decompression', async () => {
    server.respond = () => ({ body: bomb, headers: { 'Content-Encoding': 'gzip' } });
    const error: unknown = await things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE' });
  });

  it('an error body is kept up to maxErrorBytes, gzip bombs included', async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    for (const script of [
      { status: 400, body: { code: 'PARAM_ERROR', message: 'x'.repeat(2 * 1024 * 1024) } },
      { status: 500, body: bomb, headers: { 'Content-Encoding': 'gzip' } },
    ]) {
      server.respond = () => script;
      const error: unknown = await things(wxpay).get({ id: '1' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(script.status);
      expect((error as ApiError).body.length).toBe(64 * 1024);
    }
    const small = new Wechatpay(clientOptions(keys, server.baseURL, { maxErrorBytes: 10 }));
    server.respond = () => ({ status: 400, body: { code: 'PARAM_ERROR', message: 'too long to keep' } });
    const error = (await things(small).get({ id: '1' }).catch((caught: unknown) => caught)) as ApiError;
    expect(error.body.toString()).toBe('{"code":"P');
  });

  it('downloads are streams, not capped by default', async () => {
    const file = Buffer.alloc(12 * 1024 * 1024, 0x41);
    server.respond = () => ({ body: file, signWith: false });
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    const response = await loose(wxpay).v3!.billdownload!.file!.get();
    let length = 0;
    for await (const chunk of response.data as AsyncIterable<Buffer>) length += chunk.length;
    expect(length).toBe(file.length);
  });
});

describe('Wechatpay-Signature is parsed strictly (item 3)', () => {
  const pem = { [keys.certificateSerial]: keys.certificate.publicKey };
  const signed = (body: string): Record<string, string> => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = createNonce();
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, body), keys.certificate.privateKey),
      'Wechatpay-Serial': keys.certificateSerial,
    };
  };
  const verify = (headers: Record<string, unknown>, body: string): unknown => {
    try {
      verifyHeaders(headers, body, new Map(Object.entries(pem)));
      return undefined;
    } catch (error) {
      return error;
    }
  };

  it('accepts the signature as sent', () => {
    expect(verify(signed('{}'), '{}')).toBeUndefined();
  });

  it.each([
    ['junk after it', (sig: string) => `${sig}junk`],
    ['a second signature after it', (sig: string) => `${sig}, ${sig}`],
    ['whitespace inside', (sig: string) => `${sig.slice(0, 10)} ${sig.slice(10)}`],
    ['base64url spelling', (sig: string) => sig.replaceAll('+', '-').replaceAll('/', '_')],
    ['a shorter signature', (sig: string) => sig.slice(0, 172)],
    ['a signature of another key size', (sig: string) => Buffer.concat([Buffer.from(sig, 'base64'), Buffer.alloc(2)]).toString('base64')],
    // 256 bytes end in one character carrying 2 bits and 4 unused ones: setting those decodes to the same bytes.
    ['a non-canonical spelling (unused bits set)', (sig: string) => `${sig.slice(0, -3)}${otherBits(sig.at(-3) as string)}==`],
  ])('refuses %s', (_case, change) => {
    const headers = signed('{}');
    headers['Wechatpay-Signature'] = change(headers['Wechatpay-Signature'] as string);
    expect(verify(headers, '{}')).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses a repeated header, as an array or in two spellings', () => {
    const headers = signed('{}');
    const sig = headers['Wechatpay-Signature'] as string;
    expect(verify({ ...headers, 'Wechatpay-Signature': [sig, sig] }, '{}')).toBeInstanceOf(VerificationError);
    expect(verify({ ...headers, 'wechatpay-signature': sig }, '{}')).toBeInstanceOf(VerificationError);
  });

  it('refuses a response whose signature has junk after it, through the client', async () => {
    server.respond = () => ({
      tamper: (headers, body) => ({ headers: { ...headers, 'Wechatpay-Signature': `${headers['Wechatpay-Signature']}AAAA` }, body }),
    });
    const error: unknown = await things(new Wechatpay(clientOptions(keys, server.baseURL))).get({ id: '1' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'bad-signature' });
  });
});

describe('literal paths and path parameters (item 4)', () => {
  it.each([
    ['backslashes', 'v3/things/a\\..\\..\\x'],
    ['a backslash dot segment', 'v3/things/..\\x'],
    ['an encoded backslash', 'v3/things/a%5C..%5C..%5Cx'],
    ['an encoded backslash, lower case', 'v3/things/a%5c..%5cx'],
    ['a full URL with backslashes', '{base}/v3\\things\\1'],
  ])('refuses %s in a literal path as UsageError, sending nothing', async (_case, template) => {
    const path = template.replace('{base}', server.baseURL);
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    await expect(wxpay.untyped(path).get()).rejects.toBeInstanceOf(UsageError);
    await expect(loose(wxpay)[path]!.get()).rejects.toBeInstanceOf(UsageError);
    expect(server.requests).toHaveLength(0);
  });

  it('a lone surrogate in a path parameter is a UsageError, not a URIError', async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    for (const id of ['\uD800', 'a\uDFFFb']) {
      const error: unknown = await things(wxpay).get({ id }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/"id"/);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('serials, keys and headers (item 8)', () => {
  it('a platform serial configured in another letter case still verifies', async () => {
    const options = clientOptions(keys, server.baseURL);
    options.certs = { [keys.certificateSerial.toLowerCase()]: keys.certificate.publicKey };
    const response = await things(new Wechatpay(options)).get({ id: '1' });
    expect(response.status).toBe(200);
  });

  it.each([
    ['PKCS#8 PEM', () => keys.certificate.privateKey.export({ type: 'pkcs8', format: 'pem' })],
    ['PKCS#1 PEM', () => keys.certificate.privateKey.export({ type: 'pkcs1', format: 'pem' })],
    ['PEM Buffer', () => Buffer.from(keys.certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }))],
  ])('a private key (%s) passed in certs is refused at construction, without its content', (_case, key) => {
    const options = clientOptions(keys, server.baseURL, { certs: { [keys.certificateSerial]: key() } });
    expect(() => new Wechatpay(options)).toThrow(UsageError);
    expect(() => new Wechatpay(options)).toThrow(/private key/);
  });

  it('a request without a body carries no Content-Type', async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    await things(wxpay).get({ id: '1' });
    await things(wxpay).delete({ id: '1' });
    await things(wxpay).post(undefined, { id: '1' });
    await things(wxpay).post({ a: 1 }, { id: '1' });
    expect(server.requests.map((request) => request.headers['content-type'])).toEqual([undefined, undefined, undefined, 'application/json']);
    expect(server.requests.every((request) => request.signatureValid)).toBe(true);
  });
});

describe('URL segments named like Object.prototype members (item 6)', () => {
  // (Segments with capitals, such as `toString`, have no chain spelling: the type emitter reports them.)
  const names = ['constructor', '__proto__', 'then', 'prototype', 'name', 'length', 'catch', 'finally', 'caller', 'arguments', 'inspect'];

  it.each(names)('the chain property the declarations give `%s` sends that segment', async (raw) => {
    const { propName } = segmentNames(raw);
    expect(isProbedName(propName)).toBe(false);
    expect(propertyToSegment(propName)).toBe(raw);
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    const node = loose(wxpay).v3!.things![propName]!;
    expect(typeof node.get).toBe('function');
    await node.get();
    expect(server.requests.map((request) => request.url)).toEqual([`/v3/things/${raw}`]);
  });

  it('a node named like a probe stays inert when awaited', async () => {
    const wxpay = new Wechatpay(clientOptions(keys, server.baseURL));
    const node = loose(wxpay).v3!.things!.Then!;
    expect(await node).toBe(node);
    expect(server.requests).toHaveLength(0);
  });
});

describe('pattern validation cannot backtrack catastrophically (item 17)', () => {
  it('a catastrophic pattern answers at once with the issue', () => {
    const validate = compileRequestValidator({
      type: 'object',
      properties: { data: { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } } },
    });
    // A backtracking engine takes about 2^36 steps for this value.
    expect(validate({ data: { code: `${'a'.repeat(36)}!` } })).toEqual([{ path: 'code', message: 'does not match /^(a+)+$/' }]);
    expect(validate({ data: { code: 'aaaa' } })).toEqual([]);
  }, 10_000);

  it('only anchored runs of single characters with one variable quantifier leave RE2 for the native engine', () => {
    for (const pattern of ['^[0-9A-Za-z_|*-]+$', '^[0-9A-Za-z _\\\\/=|-]+$', '^[0-9]{4}-[0-9]{2}$', '^\\d{1,10}$', '^a'])
      expect(backtrackSafe(pattern), pattern).toBe(true);
    // Groups, alternation, two variable runs, no anchor, and classes the engines read differently (`.`, `\s`).
    for (const pattern of ['^(a+)+$', '^a|b$', '^a*a*$', '^[a]+[b]?$', 'a+$', '^.+$', '^\\s+$', '^a+?$', '^\\bx$', '^[]$'])
      expect(backtrackSafe(pattern), pattern).toBe(false);
  });

  it('the native engine agrees with RE2 on every pattern it is given', () => {
    const atom = fc.constantFrom('a', 'b', '-', '_', '=', '/', '\\d', '\\w', '\\D', '\\W', '\\/', '\\.', '\\\\', '\\$', '[a-c]', '[^a]', '[\\d_-]', '[\\w.]', '[^\\d\\n]', '[0-9A-Za-z _\\\\/=|-]', '[|*@-]');
    const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,3}', '{1,}');
    const pattern = fc
      .tuple(fc.array(fc.tuple(atom, quantifier), { maxLength: 4 }), fc.boolean())
      .map(([pieces, end]) => `^${pieces.map(([a, q]) => a + q).join('')}${end ? '$' : ''}`)
      .filter(backtrackSafe);
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '0', '9', '-', '_', '/', '.', '\\', '$', ' ', '=', '|', '*', '\n', '\r', 'é', '\u00a0', '\u2028', '😀', '\ud800', 'Z'), { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, values) => {
        const native = new RegExp(source, 'u');
        const re2 = RE2JS.compile(source);
        for (const value of values) expect(native.test(value), `${source} on ${JSON.stringify(value)}`).toBe(re2.test(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('each pattern is checked as itself, whichever was compiled first', () => {
    const schemaWith = (pattern: string) => ({
      type: 'object',
      properties: { data: { type: 'object', properties: { code: { type: 'string', pattern } } } },
    });
    const digits = compileRequestValidator(schemaWith('^[0-9]+$'));
    const letters = compileRequestValidator(schemaWith('^[a-z]+$'));
    expect(digits({ data: { code: '123' } })).toEqual([]);
    expect(letters({ data: { code: 'abc' } })).toEqual([]);
    expect(letters({ data: { code: '123' } })).toEqual([{ path: 'code', message: 'does not match /^[a-z]+$/' }]);
    expect(digits({ data: { code: 'abc' } })).toEqual([{ path: 'code', message: 'does not match /^[0-9]+$/' }]);
  });
});

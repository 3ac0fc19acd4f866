/**
 * Defects an adversarial review found in the client, each pinned by the request or response that
 * exposed it, against the real signing server on 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../templates/runtime/index.ts';
import { Wechatpay, clientOptions, loose } from './support/client.ts';
import { generateTestKeys, startTestServer, type TestServer } from './support/server.ts';

const keys = generateTestKeys();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(keys);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.respond = (request) => ({ body: { method: request.method, url: request.url } });
});

/** `v3/things/{id}`: in the operation table, not in the declarations fixture. */
const things = (client: object) => loose(client).v3!.things!._id_!;

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

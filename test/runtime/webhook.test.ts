/**
 * The notification handler mounted in each framework it documents, behind a real HTTP server on
 * 127.0.0.1, fed notifications signed and encrypted at test time.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationEvent, NotificationHandler } from '../../templates/runtime/index.ts';
import type { Notifications } from './fixtures/openapi.d.ts';
import { Wechatpay, clientOptions } from './support/client.ts';
import { signedNotification, type SignedNotification } from './support/notify.ts';
import { generateTestKeys } from './support/server.ts';

const keys = generateTestKeys();
const secret = randomBytes(24).toString('base64');
const signer = { serial: keys.certificateSerial, privateKey: keys.certificate.privateKey, secret };
const wxpay = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:1', { secret }));

const paid = {
  appid: 'wxd678efh567hg6787',
  mchid: keys.mchid,
  out_trade_no: '1217752501201407033233368018',
  transaction_id: '4200000000000000000000000001',
  trade_state: 'SUCCESS',
  amount: { total: 100, payer_total: 100, currency: 'CNY' },
};

const received: NotificationEvent<Notifications>[] = [];
let failWith: Error | undefined;
const failures: string[] = [];
const handler = wxpay.notificationHandler(
  async (event) => {
    if (failWith) throw failWith;
    received.push(event);
  },
  { onError: (_error, failure) => failures.push(failure) },
);

interface Mounted {
  url: string;
  close(): Promise<void>;
}

function listening(server: Server): Promise<string> {
  return new Promise((resolve) => {
    const ready = (): void => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (server.listening) ready();
    else server.once('listening', ready);
  });
}

function closing(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** parsedRoute: a JSON body parser runs before the handler on /parsed; the answer is a refusal, or acceptance when the parser keeps the raw text. */
const frameworks: Record<string, { mount: (h: NotificationHandler) => Promise<Mounted>; parsedRoute?: 'refused' | 'accepted' }> = {
  'node:http': {
    mount: async (h) => {
      const server = createServer((req, res) => void h(req, res)).listen(0, '127.0.0.1');
      return { url: await listening(server), close: () => closing(server) };
    },
  },
  express: {
    parsedRoute: 'refused',
    mount: async (h) => {
      const app = express();
      app.post('/notify', express.raw({ type: 'application/json' }), h);
      app.post('/parsed', express.json(), h);
      const server = app.listen(0, '127.0.0.1');
      return { url: await listening(server), close: () => closing(server) };
    },
  },
  fastify: {
    parsedRoute: 'refused',
    mount: async (h) => {
      const app = Fastify();
      await app.register(async (scope) => {
        scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
        scope.post('/notify', h.fastify);
      });
      app.post('/parsed', h.fastify);
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
    },
  },
  koa: {
    parsedRoute: 'accepted',
    mount: async (h) => {
      const app = new Koa();
      const parse = bodyParser();
      app.use(async (ctx, next) => {
        if (ctx.path === '/notify') await h.koa(ctx);
        else await next();
      });
      // @koa/bodyparser keeps the text it parsed in ctx.request.rawBody, which the handler verifies.
      app.use(async (ctx, next) => (ctx.path === '/parsed' ? parse(ctx, () => h.koa(ctx)) : next()));
      const server = app.listen(0, '127.0.0.1');
      return { url: await listening(server), close: () => closing(server) };
    },
  },
  'hono (Web Request/Response)': {
    mount: async (h) => {
      const app = new Hono();
      app.post('/notify', (c) => h.fetch(c.req.raw));
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
      return { url: await listening(server), close: () => closing(server) };
    },
  },
};

async function post(url: string, notification: SignedNotification): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: notification.headers, body: notification.body });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

beforeEach(() => {
  received.length = 0;
  failures.length = 0;
  failWith = undefined;
});

for (const [name, { mount, parsedRoute }] of Object.entries(frameworks)) {
  describe(`notification handler in ${name}`, () => {
    let mounted: Mounted;
    afterAll(async () => mounted?.close());

    it('accepts a signed notification: 204 with no body, the callback gets the decrypted, typed event', async () => {
      mounted = await mount(handler);
      const answer = await post(`${mounted.url}/notify`, signedNotification(signer, 'TRANSACTION.SUCCESS', paid));
      expect(answer).toMatchObject({ status: 204, text: '' });
      expect(received).toHaveLength(1);
      const event = received[0] as NotificationEvent<Notifications>;
      expect(event.event_type).toBe('TRANSACTION.SUCCESS');
      if (event.event_type === 'TRANSACTION.SUCCESS') expect(event.resource.amount.total).toBe(100);
      expect(event.resource).toEqual(paid);
    });

    it('refuses a tampered notification with 401 and { code, message }; the callback never runs', async () => {
      const notification = signedNotification(signer, 'TRANSACTION.SUCCESS', paid);
      const answer = await post(`${mounted.url}/notify`, { ...notification, body: notification.body.replace('EV-', 'EX-') });
      expect(answer.status).toBe(401);
      expect(answer.type).toMatch(/application\/json/);
      expect(JSON.parse(answer.text)).toEqual({ code: 'FAIL', message: 'Notification verification failed: bad-signature' });
      expect(received).toHaveLength(0);
      expect(failures).toEqual(['verification']);
    });

    it('answers 500 when the callback throws, so WeChat Pay retries; the error text stays inside', async () => {
      failWith = new Error(`database down at ${secret}`);
      const answer = await post(`${mounted.url}/notify`, signedNotification(signer, 'TRANSACTION.SUCCESS', paid));
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.text)).toEqual({ code: 'FAIL', message: 'The notification was not processed' });
      expect(answer.text).not.toContain(secret);
      expect(failures).toEqual(['callback']);
    });

    if (parsedRoute === 'accepted') {
      it('verifies the raw text a JSON body parser kept', async () => {
        const answer = await post(`${mounted.url}/parsed`, signedNotification(signer, 'TRANSACTION.SUCCESS', paid));
        expect(answer).toMatchObject({ status: 204, text: '' });
        expect(received).toHaveLength(1);
      });
    }
    if (parsedRoute === 'refused') {
      it('refuses clearly when a JSON body parser already consumed the raw body', async () => {
        const answer = await post(`${mounted.url}/parsed`, signedNotification(signer, 'TRANSACTION.SUCCESS', paid));
        expect(answer.status).toBe(500);
        expect(JSON.parse(answer.text).message).toMatch(/already parsed.*raw/);
        expect(received).toHaveLength(0);
      });
    }
  });
}

describe('notification handler core', () => {
  it('refuses a notification outside the clock window and one signed by an unknown serial', async () => {
    const late = await handler.handle(signedNotification(signer, 'TRANSACTION.SUCCESS', paid, { clockSkew: -301 }));
    expect(late.status).toBe(401);
    expect(JSON.parse(late.body).message).toMatch(/timestamp-out-of-window/);
    const stranger = await handler.handle(signedNotification({ ...signer, serial: 'FFFF' }, 'TRANSACTION.SUCCESS', paid));
    expect(JSON.parse(stranger.body).message).toMatch(/unknown-serial/);
    expect(received).toHaveLength(0);
  });

  it('answers 400 for a body that is not a notification, 413 past maxBodyBytes', async () => {
    const notification = signedNotification(signer, 'TRANSACTION.SUCCESS', paid);
    const small = wxpay.notificationHandler(() => undefined, { maxBodyBytes: 64 });
    const big = await small.fetch(new Request('http://localhost/notify', { method: 'POST', headers: notification.headers, body: notification.body }));
    expect(big.status).toBe(413);
    const parsed = await handler.handle({ headers: notification.headers, body: JSON.parse(notification.body) as string });
    expect(parsed.status).toBe(400);
  });

  it('a failing onError hook does not change the answer', async () => {
    const noisy = wxpay.notificationHandler(() => undefined, {
      onError: () => {
        throw new Error('logger down');
      },
    });
    const answer = await noisy.handle({ headers: {}, body: '{}' });
    expect(answer.status).toBe(401);
  });

  it('needs the APIv3 key', () => {
    const keyless = new Wechatpay(clientOptions(keys, 'http://127.0.0.1:1'));
    expect(() => keyless.notificationHandler(() => undefined)).toThrow(/secret/);
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { verifyNotification, type VerifiedNotification } from '../../templates/runtime/notification.ts';

/** One notification as the merchant received it: verified with the platform key and decrypted with the APIv3 key. */
export interface Received {
  at: number;
  notification: VerifiedNotification;
  /** The answer the listener gave. */
  status: number;
}

/**
 * A merchant's notify_url on 127.0.0.1: verifies every notification's signature and decrypts it with
 * the runtime's own helper, answers with `answer(n)` (n counts from 1), and keeps what it received.
 */
export class NotifyListener {
  readonly received: Received[] = [];
  /** Requests that failed verification (none are expected). */
  readonly rejected: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(keys: { certs: Record<string, KeyObject>; secret: string }, answer: (count: number) => number = () => 204): Promise<NotifyListener> {
    let listener: NotifyListener;
    const server = createServer((request, response) => {
      void readAll(request).then((body) => {
        try {
          const notification = verifyNotification({ headers: request.headers, body }, { certs: new Map(Object.entries(keys.certs)), secret: keys.secret });
          const status = answer(listener.received.length + 1);
          listener.received.push({ at: performance.now(), notification, status });
          response.writeHead(status).end(status >= 400 ? JSON.stringify({ code: 'FAIL', message: 'not now' }) : undefined);
        } catch (error) {
          listener.rejected.push((error as Error).message);
          response.writeHead(401).end();
        }
        listener.waiters = listener.waiters.filter((waiter) => {
          if (listener.received.length < waiter.count) return true;
          waiter.resolve();
          return false;
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    listener = new NotifyListener(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`);
    return listener;
  }

  /** Resolves once `count` notifications have arrived. */
  until(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Test support for webhooks: a real HTTP receiver on 127.0.0.1, a hand-moved clock, and a way
 * to publish events as a use case would. Imported by tests only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { enqueue, type OutboxEvent } from '../../src/messaging/index.js';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Sets what the next requests are answered with (status codes in turn; the last repeats). */
  answer(...statuses: number[]): void;
  close(): Promise<void>;
}

/**
 * A webhook receiver. `statuses` answer the requests in turn; the last one repeats. The special
 * status 0 never answers (for timeouts).
 */
export async function startReceiver(...statuses: number[]): Promise<Receiver> {
  let plan = statuses.length > 0 ? statuses : [204];
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = plan[Math.min(requests.length - 1, plan.length - 1)] ?? 204;
      if (status === 0) {
        hanging.add(response);
        return;
      }
      if (status >= 300 && status < 400) response.setHeader('location', 'http://127.0.0.1:1/elsewhere');
      response.statusCode = status;
      response.end(status >= 400 ? `receiver says ${status}` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/shuzhi`,
    requests,
    answer(...next) {
      plan = next;
      requests.length = 0;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A clock the test moves by hand; starts a second ahead so rows stamped now() are due. */
export function testClock(start = Date.now() + 1_000) {
  let current = start;
  return {
    now: () => new Date(current),
    set(to: Date | number) {
      current = typeof to === 'number' ? to : to.getTime();
    },
    advance(ms: number) {
      current += ms;
    },
  };
}

/** Publishes events the way a use case does: in a transaction of their own. */
export async function publish(db: Kysely<DB>, ...events: OutboxEvent[]): Promise<number[]> {
  return db.transaction().execute(async (tx) => {
    const ids: number[] = [];
    for (const event of events) ids.push((await enqueue(tx, event)).id);
    return ids;
  });
}

export function caseEvent(topic: string, caseId: string, payload: Record<string, unknown> = {}): OutboxEvent {
  return { topic, aggregateType: 'case', aggregateId: caseId, payload: { caseId, ...payload } };
}

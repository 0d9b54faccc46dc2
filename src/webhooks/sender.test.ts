import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { systemContext } from '../shared/context.js';
import { getDelivery, redeliver } from './deliveries.js';
import { fanOutOutbox } from './fan-out.js';
import { MAX_ATTEMPTS, verifySignature } from './rules.js';
import { deliverWebhooks, USER_AGENT, type WebhookEnvelope } from './sender.js';
import { createSubscription, type SubscriptionInput } from './subscriptions.js';
import { caseEvent, publish, startReceiver, testClock, type Receiver } from '../../test/helpers/webhooks.js';
import { createDepartment } from '../../test/helpers/components.js';

const t = useTestApp();
const db = () => t().database.db;

const receivers: Receiver[] = [];
async function receiver(...statuses: number[]): Promise<Receiver> {
  const r = await startReceiver(...statuses);
  receivers.push(r);
  return r;
}

// Tests share one database: each ends with no active subscription, so no delivery of one test is
// claimed by the next.
afterEach(async () => {
  await db().updateTable('webhook_subscriptions').set({ active: false }).execute();
  await fanOutOutbox(db());
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function subscribe(url: string, input: Partial<SubscriptionInput> = {}) {
  return createSubscription(db(), systemContext(), { name: 'receiver', url, topics: ['case.*'], ...input });
}

async function deliveryRow(subscriptionId: number) {
  return db()
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .executeTakeFirstOrThrow();
}

describe('deliverWebhooks', () => {
  it('POSTs the event as JSON, signed with the subscription’s secret', async () => {
    const r = await receiver(204);
    const sub = await subscribe(r.url);
    const [eventId] = await publish(
      db(),
      caseEvent('case.filed', 'C-1', { departmentId: 7, title: '占道经营' }),
    );
    await fanOutOutbox(db());
    const clock = testClock();

    expect(await deliverWebhooks(db(), { now: clock.now })).toEqual({
      attempted: 1,
      succeeded: 1,
      failed: 0,
      dead: 0,
    });

    expect(r.requests).toHaveLength(1);
    const [request] = r.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/hooks/shuzhi');
    const row = await deliveryRow(sub.id);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'x-shuzhi-event': 'case.filed',
      'x-shuzhi-delivery': String(row.id),
      'x-shuzhi-attempt': '1',
      'x-shuzhi-timestamp': timestamp,
      'x-shuzhi-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    const header = {
      timestamp: request!.headers['x-shuzhi-timestamp'] as string,
      signature: request!.headers['x-shuzhi-signature'] as string,
    };
    expect(verifySignature(sub.secret, header, request!.body, Number(timestamp))).toBe(true);
    expect(verifySignature('whsec_wrong', header, request!.body, Number(timestamp))).toBe(false);
    const body = JSON.parse(request!.body) as WebhookEnvelope;
    expect(body).toEqual({
      id: String(eventId),
      topic: 'case.filed',
      occurredAt: expect.stringMatching(/Z$/),
      aggregate: { type: 'case', id: 'C-1' },
      data: { caseId: 'C-1', departmentId: 7, title: '占道经营' },
    });
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      last_status_code: 204,
      last_error: null,
      lease_id: null,
    });
    expect(row.delivered_at).toEqual(clock.now());
    expect(row.last_duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('sends each receiver only the topics and the department it subscribed to', async () => {
    const roads = (await createDepartment(t())).id;
    const parks = (await createDepartment(t())).id;
    const allCases = await receiver();
    const overdueOnly = await receiver();
    const roadsOnly = await receiver();
    await subscribe(allCases.url, { topics: ['case.*'] });
    await subscribe(overdueOnly.url, { topics: ['*.overdue'] });
    await subscribe(roadsOnly.url, { topics: ['case.*'], departmentId: roads });
    await publish(
      db(),
      caseEvent('case.dispatched', 'C-2', { departmentId: roads }),
      caseEvent('case.overdue', 'C-3', { departmentId: parks }),
      caseEvent('case.overdue', 'C-4', { departmentId: roads }),
      { topic: 'component.changed', aggregateType: 'component', aggregateId: 'K-1', payload: {} },
    );
    await fanOutOutbox(db());
    await deliverWebhooks(db(), { now: testClock().now });

    const got = (r: Receiver) =>
      r.requests
        .map(
          (q) =>
            `${q.headers['x-shuzhi-event'] as string} ${(JSON.parse(q.body) as WebhookEnvelope).aggregate.id}`,
        )
        .sort();
    expect(got(allCases)).toEqual(['case.dispatched C-2', 'case.overdue C-3', 'case.overdue C-4']);
    expect(got(overdueOnly)).toEqual(['case.overdue C-3', 'case.overdue C-4']);
    expect(got(roadsOnly)).toEqual(['case.dispatched C-2', 'case.overdue C-4']);
  });

  it('retries a failing receiver with growing delays and keeps a full log: 500, 500, then 200', async () => {
    const r = await receiver(500, 500, 200);
    const sub = await subscribe(r.url);
    await publish(db(), caseEvent('case.returned', 'C-5'));
    await fanOutOutbox(db());
    const clock = testClock();
    const t0 = clock.now().getTime();

    expect(await deliverWebhooks(db(), { now: clock.now })).toMatchObject({ attempted: 1, failed: 1 });
    const first = await deliveryRow(sub.id);
    expect(first).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_status_code: 500,
      last_error: 'HTTP 500: receiver says 500',
    });
    const delay1 = first.next_attempt_at.getTime() - t0;
    expect(delay1).toBeGreaterThanOrEqual(24_000);
    expect(delay1).toBeLessThanOrEqual(36_000);

    // Not due yet: nothing is sent.
    clock.set(first.next_attempt_at.getTime() - 1);
    expect(await deliverWebhooks(db(), { now: clock.now })).toMatchObject({ attempted: 0 });
    expect(r.requests).toHaveLength(1);

    clock.set(first.next_attempt_at);
    await deliverWebhooks(db(), { now: clock.now });
    const second = await deliveryRow(sub.id);
    expect(second).toMatchObject({ status: 'failed', attempts: 2, last_status_code: 500 });
    const delay2 = second.next_attempt_at.getTime() - first.next_attempt_at.getTime();
    expect(delay2).toBeGreaterThan(delay1);

    clock.set(second.next_attempt_at);
    await deliverWebhooks(db(), { now: clock.now });
    const third = await deliveryRow(sub.id);
    expect(third).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      last_status_code: 200,
      last_error: null,
    });
    expect(third.delivered_at).toEqual(second.next_attempt_at);

    // The same delivery and event every time, signed afresh with each attempt's timestamp.
    expect(r.requests.map((q) => q.headers['x-shuzhi-delivery'])).toEqual([
      String(first.id),
      String(first.id),
      String(first.id),
    ]);
    expect(r.requests.map((q) => q.headers['x-shuzhi-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(r.requests.map((q) => q.body)).size).toBe(1);
    expect(new Set(r.requests.map((q) => q.headers['x-shuzhi-timestamp'])).size).toBe(3);

    // The delivery log, as administrators read it.
    const admin = await t().user({ role: 'admin' });
    const log = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/webhooks/${sub.id}/deliveries/${first.id}`,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json()).toMatchObject({
      id: first.id,
      topic: 'case.returned',
      status: 'succeeded',
      attempts: 3,
      nextAttemptAt: null,
      lastStatusCode: 200,
      attemptLog: [
        { attemptedAt: new Date(t0).toISOString(), statusCode: 500, error: 'HTTP 500: receiver says 500' },
        { attemptedAt: first.next_attempt_at.toISOString(), statusCode: 500 },
        { attemptedAt: second.next_attempt_at.toISOString(), statusCode: 200, error: null },
      ],
    });
  });

  it(`gives up on a dead receiver after ${MAX_ATTEMPTS} attempts`, async () => {
    const r = await receiver(503);
    const sub = await subscribe(r.url);
    await publish(db(), caseEvent('case.escalated', 'C-6'));
    await fanOutOutbox(db());
    const clock = testClock();
    const dueTimes: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverWebhooks(db(), { now: clock.now });
      const row = await deliveryRow(sub.id);
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('failed');
        dueTimes.push(row.next_attempt_at.getTime());
        clock.set(row.next_attempt_at);
      } else {
        expect(row.status).toBe('dead');
      }
    }
    const gaps = dueTimes.slice(1).map((time, i) => time - dueTimes[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
    expect(r.requests).toHaveLength(MAX_ATTEMPTS);
    // Dead stays dead.
    clock.advance(7 * 24 * 3600 * 1000);
    expect(await deliverWebhooks(db(), { now: clock.now })).toMatchObject({ attempted: 0 });
    expect(r.requests).toHaveLength(MAX_ATTEMPTS);
    expect((await getDelivery(db(), sub.id, (await deliveryRow(sub.id)).id)).attemptLog).toHaveLength(
      MAX_ATTEMPTS,
    );
  });

  it('records refused connections, timeouts and redirects as failed attempts', async () => {
    const closed = await startReceiver();
    const closedUrl = closed.url;
    await closed.close();
    const slow = await receiver(0);
    const redirecting = await receiver(302);
    const refused = await subscribe(closedUrl);
    const timedOut = await subscribe(slow.url);
    const redirected = await subscribe(redirecting.url);
    await publish(db(), caseEvent('case.closed', 'C-7'));
    await fanOutOutbox(db());

    const result = await deliverWebhooks(db(), { now: testClock().now, timeoutMs: 200 });
    expect(result).toMatchObject({ attempted: 3, failed: 3 });
    expect(await deliveryRow(refused.id)).toMatchObject({
      status: 'failed',
      last_status_code: null,
      last_error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(await deliveryRow(timedOut.id)).toMatchObject({
      status: 'failed',
      last_status_code: null,
      last_error: 'timed out after 200 ms',
    });
    expect(await deliveryRow(redirected.id)).toMatchObject({ status: 'failed', last_status_code: 302 });
    expect(redirecting.requests).toHaveLength(1); // the Location was not followed
  });

  it('does not send to an inactive subscription, and resumes when it is active again', async () => {
    const r = await receiver();
    const sub = await subscribe(r.url);
    await publish(db(), caseEvent('case.handled', 'C-8'));
    await fanOutOutbox(db());
    await db().updateTable('webhook_subscriptions').set({ active: false }).where('id', '=', sub.id).execute();
    expect(await deliverWebhooks(db(), { now: testClock().now })).toMatchObject({ attempted: 0 });
    await db().updateTable('webhook_subscriptions').set({ active: true }).where('id', '=', sub.id).execute();
    expect(await deliverWebhooks(db(), { now: testClock().now })).toMatchObject({ succeeded: 1 });
  });

  it('discards the result of a send that a redelivery superseded (lease fencing)', async () => {
    const r = await receiver(500);
    const sub = await subscribe(r.url);
    await publish(db(), caseEvent('case.closed', 'C-9'));
    await fanOutOutbox(db());
    const row = await deliveryRow(sub.id);
    const fetchThatRedelivers: typeof fetch = async (input, init) => {
      // While the request is out (no transaction held), an administrator redelivers.
      await redeliver(db(), systemContext(), sub.id, row.id);
      return fetch(input, init);
    };
    const result = await deliverWebhooks(db(), { now: testClock().now, fetch: fetchThatRedelivers });
    expect(result).toEqual({ attempted: 1, succeeded: 0, failed: 0, dead: 0 });
    expect(await deliveryRow(sub.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_status_code: null,
    });
  });

  // On PostgreSQL the workers claim on separate connections (SKIP LOCKED); on PGlite they take turns.
  it('sends each delivery once when several workers run at the same time', async () => {
    const r = await receiver(200);
    await subscribe(r.url);
    await publish(db(), ...Array.from({ length: 12 }, (_, i) => caseEvent('case.filed', `W-${i}`)));
    await fanOutOutbox(db());
    const clock = testClock();
    const results = await Promise.all(
      [1, 2, 3].map(() => deliverWebhooks(db(), { now: clock.now, batchSize: 3 })),
    );
    expect(results.reduce((sum, x) => sum + x.succeeded, 0)).toBe(12);
    const deliveryIds = r.requests.map((q) => q.headers['x-shuzhi-delivery']);
    expect(deliveryIds).toHaveLength(12);
    expect(new Set(deliveryIds).size).toBe(12);
  });
});

import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import { testBackend } from '../../test/helpers/database.js';
import { systemContext } from '../shared/context.js';
import { fanOutOutbox } from './fan-out.js';
import { pruneOutbox } from './retention.js';
import { createSubscription, type SubscriptionInput } from './subscriptions.js';
import { caseEvent, publish } from '../../test/helpers/webhooks.js';
import { createDepartment } from '../../test/helpers/components.js';

const t = useTestServices();
const db = () => t().database.db;

// Each test starts from no active subscription and an outbox fully fanned out.
afterEach(async () => {
  await db().updateTable('webhook_subscriptions').set({ active: false }).execute();
  await fanOutOutbox(db());
});

async function subscribe(input: Partial<SubscriptionInput> & Pick<SubscriptionInput, 'topics'>) {
  return createSubscription(db(), systemContext(), {
    name: 'receiver',
    url: 'https://receiver.example/hook',
    ...input,
  });
}

async function deliveriesOf(subscriptionId: number) {
  return db()
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.outbox_id', 'o.topic', 'd.status', 'd.attempts'])
    .where('d.subscription_id', '=', subscriptionId)
    .orderBy('d.outbox_id')
    .execute();
}

describe('fanOutOutbox', () => {
  it('creates one pending delivery per matching active subscription and marks the events fanned out', async () => {
    const all = await subscribe({ topics: ['*'] });
    const cases = await subscribe({ topics: ['case.*'] });
    const overdue = await subscribe({ topics: ['case.overdue', 'case.escalated'] });
    const inactive = await subscribe({ topics: ['*'], active: false });
    const [filed, late] = await publish(
      db(),
      caseEvent('case.filed', 'C-1'),
      caseEvent('case.overdue', 'C-1'),
    );

    const result = await fanOutOutbox(db());
    expect(result).toEqual({ events: 2, deliveries: 5 });
    expect(await deliveriesOf(all.id)).toEqual([
      { outbox_id: filed, topic: 'case.filed', status: 'pending', attempts: 0 },
      { outbox_id: late, topic: 'case.overdue', status: 'pending', attempts: 0 },
    ]);
    expect((await deliveriesOf(cases.id)).map((d) => d.topic)).toEqual(['case.filed', 'case.overdue']);
    expect((await deliveriesOf(overdue.id)).map((d) => d.topic)).toEqual(['case.overdue']);
    expect(await deliveriesOf(inactive.id)).toEqual([]);
    const pending = await db().selectFrom('outbox').select('id').where('fanned_out_at', 'is', null).execute();
    expect(pending).toEqual([]);
  });

  it('is idempotent: running again, even over events not marked done, creates no duplicate', async () => {
    const sub = await subscribe({ topics: ['case.*'] });
    const [id] = await publish(db(), caseEvent('case.handled', 'C-2'));
    expect((await fanOutOutbox(db())).deliveries).toBe(1);
    expect(await fanOutOutbox(db())).toEqual({ events: 0, deliveries: 0 });
    // As if a process had crashed between the insert and the mark (both are one transaction, but
    // the unique key is the guarantee): the event is fanned out again without a duplicate.
    await db().updateTable('outbox').set({ fanned_out_at: null }).where('id', '=', id!).execute();
    expect(await fanOutOutbox(db())).toEqual({ events: 1, deliveries: 0 });
    expect(await deliveriesOf(sub.id)).toHaveLength(1);
  });

  it('gives a department-filtered subscription only the events of that department', async () => {
    const roads = (await createDepartment(t())).id;
    const parks = (await createDepartment(t())).id;
    const roadsOnly = await subscribe({ topics: ['case.*'], departmentId: roads });
    const everyone = await subscribe({ topics: ['case.*'] });
    await publish(
      db(),
      caseEvent('case.dispatched', 'C-3', { departmentId: roads }),
      caseEvent('case.dispatched', 'C-4', { departmentId: parks }),
      caseEvent('case.dispatched', 'C-5', { departmentId: String(roads) }),
      caseEvent('case.reported', 'C-6'),
      caseEvent('case.reported', 'C-7', { departmentId: null }),
    );
    await fanOutOutbox(db());
    const got = await db()
      .selectFrom('webhook_deliveries as d')
      .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
      .select('o.aggregate_id')
      .where('d.subscription_id', '=', roadsOnly.id)
      .orderBy('o.id')
      .execute();
    expect(got.map((r) => r.aggregate_id)).toEqual(['C-3', 'C-5']);
    expect(await deliveriesOf(everyone.id)).toHaveLength(5);
  });

  it('works through a burst in batches', async () => {
    const sub = await subscribe({ topics: ['case.filed'] });
    await publish(db(), ...Array.from({ length: 7 }, (_, i) => caseEvent('case.filed', `B-${i}`)));
    expect(await fanOutOutbox(db(), { batchSize: 2 })).toEqual({ events: 7, deliveries: 7 });
    expect(await deliveriesOf(sub.id)).toHaveLength(7);
  });

  it('does not give a new subscription the events fanned out before it existed', async () => {
    await publish(db(), caseEvent('case.closed', 'C-8'));
    await fanOutOutbox(db());
    const late = await subscribe({ topics: ['case.*'] });
    await fanOutOutbox(db());
    expect(await deliveriesOf(late.id)).toEqual([]);
  });

  it.runIf(testBackend === 'postgres')(
    'shares the work between concurrent fan-outs without duplicates (SKIP LOCKED)',
    async () => {
      const sub = await subscribe({ topics: ['case.*'] });
      await publish(db(), ...Array.from({ length: 40 }, (_, i) => caseEvent('case.filed', `P-${i}`)));
      const results = await Promise.all([1, 2, 3].map(() => fanOutOutbox(db(), { batchSize: 5 })));
      expect(results.reduce((sum, r) => sum + r.events, 0)).toBe(40);
      expect(results.reduce((sum, r) => sum + r.deliveries, 0)).toBe(40);
      expect(await deliveriesOf(sub.id)).toHaveLength(40);
    },
  );
});

describe('pruneOutbox', () => {
  it('deletes old fanned-out events whose deliveries are all done, with their deliveries', async () => {
    const sub = await subscribe({ topics: ['case.*'] });
    const [done, open, fresh] = await publish(
      db(),
      caseEvent('case.closed', 'R-1'),
      caseEvent('case.closed', 'R-2'),
      caseEvent('case.closed', 'R-3'),
    );
    await fanOutOutbox(db());
    await db()
      .updateTable('webhook_deliveries')
      .set({ status: 'succeeded' })
      .where('outbox_id', 'in', [done!, fresh!])
      .execute();
    await db()
      .updateTable('outbox')
      .set({ fanned_out_at: sql<Date>`now() - interval '40 days'` })
      .where('id', 'in', [done!, open!])
      .execute();

    expect(await pruneOutbox(db(), { retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    const left = await db()
      .selectFrom('outbox')
      .select('id')
      .where('id', 'in', [done!, open!, fresh!])
      .execute();
    expect(left.map((r) => r.id).sort((a, b) => a - b)).toEqual([open!, fresh!]);
    expect((await deliveriesOf(sub.id)).map((d) => d.outbox_id)).toEqual([open!, fresh!]);
  });
});

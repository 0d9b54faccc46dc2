/**
 * Fan-out: turns outbox events into webhook deliveries, one per matching active subscription.
 *
 * Each batch is one short transaction: claim the oldest events not yet fanned out with
 * `FOR UPDATE SKIP LOCKED` (several processes share the work without waiting for each other),
 * insert the deliveries (`ON CONFLICT DO NOTHING` on (subscription, event), so a repeated
 * fan-out never duplicates one), and stamp `fanned_out_at`. A subscription created later does
 * not receive events fanned out before it existed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { claimEventsToFanOut, markFannedOut } from '../messaging/index.js';
import { subscribesTo } from './rules.js';

export interface FanOutOptions {
  /** Events per transaction. */
  batchSize?: number;
  /** Upper bound of batches per call, so one run stays short under a burst. */
  maxBatches?: number;
}

export interface FanOutResult {
  events: number;
  deliveries: number;
}

interface Subscription {
  id: number;
  topics: string[];
  department_id: number | null;
}

/** Department-filtered subscriptions take only events whose payload names that department. */
function wants(subscription: Subscription, topic: string, payload: Record<string, unknown>): boolean {
  if (!subscribesTo(subscription.topics, topic)) return false;
  if (subscription.department_id === null) return true;
  const departmentId = payload.departmentId;
  if (typeof departmentId === 'number') return departmentId === subscription.department_id;
  return typeof departmentId === 'string' && departmentId === String(subscription.department_id);
}

export async function fanOutOutbox(db: Kysely<DB>, options: FanOutOptions = {}): Promise<FanOutResult> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 20;
  const total: FanOutResult = { events: 0, deliveries: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await db.transaction().execute(async (tx) => {
      const events = await claimEventsToFanOut(tx, batchSize);
      if (events.length === 0) return { events: 0, deliveries: 0 };
      const subscriptions = await tx
        .selectFrom('webhook_subscriptions')
        .select(['id', 'topics', 'department_id'])
        .where('active', '=', true)
        .execute();
      const deliveries = events.flatMap((event) =>
        subscriptions
          .filter((subscription) => wants(subscription, event.topic, event.payload))
          .map((subscription) => ({ subscription_id: subscription.id, outbox_id: event.id })),
      );
      let inserted = 0;
      if (deliveries.length > 0) {
        const insert = await tx
          .insertInto('webhook_deliveries')
          .values(deliveries)
          .onConflict((oc) => oc.columns(['subscription_id', 'outbox_id']).doNothing())
          .executeTakeFirst();
        inserted = Number(insert.numInsertedOrUpdatedRows ?? 0n);
      }
      await markFannedOut(
        tx,
        events.map((event) => event.id),
      );
      return { events: events.length, deliveries: inserted };
    });
    total.events += result.events;
    total.deliveries += result.deliveries;
    if (result.events < batchSize) break;
  }
  return total;
}

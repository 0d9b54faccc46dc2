/**
 * The webhooks module's figures on /metrics (docs/observability.md): how far the outbox fan-out and
 * the deliveries are behind. Both read only the rows still to do, through partial indexes.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ModuleMetric } from '../http/module.js';
import { outboxBacklog } from '../messaging/index.js';

interface DeliveryQueueRow {
  status: 'pending' | 'failed';
  queued: number;
  oldest: number | null;
}

/** Deliveries still to send (never tried, or failed and waiting to retry) and their oldest age. */
export async function deliveryQueue(db: Kysely<DB>): Promise<DeliveryQueueRow[]> {
  const { rows } = await sql<DeliveryQueueRow>`
    select status, count(*)::int as queued,
      extract(epoch from (now() - min(created_at)))::float8 as oldest
    from webhook_deliveries where status in ('pending', 'failed')
    group by status`.execute(db);
  return rows;
}

/** One reading shared by the two delivery gauges of a scrape. */
function sharedReading<T>(read: (db: Kysely<DB>) => Promise<T>, reuseMs: number) {
  let last: { at: number; value: Promise<T> } | undefined;
  return (db: Kysely<DB>): Promise<T> => {
    if (!last || Date.now() - last.at >= reuseMs) {
      const value = read(db);
      last = { at: Date.now(), value };
      value.catch(() => {
        last = undefined;
      });
    }
    return last.value;
  };
}

export function webhookMetrics(): ModuleMetric[] {
  const outbox = sharedReading(outboxBacklog, 1_000);
  const deliveries = sharedReading(deliveryQueue, 1_000);
  const statuses = ['pending', 'failed'] as const;
  return [
    {
      name: 'shuzhi_outbox_pending_events',
      help: 'Outbox events not yet fanned out to webhook deliveries (发件箱待分发事件)',
      read: async (db) => [{ value: (await outbox(db)).pending }],
    },
    {
      name: 'shuzhi_outbox_lag_seconds',
      help: 'Age of the oldest outbox event not yet fanned out, 0 when none waits',
      read: async (db) => [{ value: (await outbox(db)).oldestSeconds }],
    },
    {
      name: 'shuzhi_webhook_deliveries_queued',
      help: 'Webhook deliveries still to send, by status (pending: never tried; failed: waiting to retry)',
      labelNames: ['status'],
      read: async (db) => {
        const rows = await deliveries(db);
        return statuses.map((status) => ({
          labels: { status },
          value: rows.find((row) => row.status === status)?.queued ?? 0,
        }));
      },
    },
    {
      name: 'shuzhi_webhook_delivery_lag_seconds',
      help: 'Age of the oldest webhook delivery still to send, 0 when none waits',
      read: async (db) => {
        const rows = await deliveries(db);
        return [{ value: Math.max(0, ...rows.map((row) => row.oldest ?? 0)) }];
      },
    },
  ];
}

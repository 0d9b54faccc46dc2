/**
 * The delivery log of a subscription, redelivery and ping (admin).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { enqueue, markFannedOut, outboxEventRelation } from '../messaging/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import type { WebhookDeliveryStatus } from './rules.js';
import type { WebhookDeliveriesTable } from './tables.js';

export const PING_TOPIC = 'webhook.ping';

export interface DeliveryView {
  id: number;
  /** The outbox event: the `id` of the body receivers get. */
  eventId: number;
  topic: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending, failed); null when done (succeeded, dead). */
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface AttemptView {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryDetail extends DeliveryView {
  attemptLog: AttemptView[];
}

type DeliveryRow = Selectable<WebhookDeliveriesTable> & { topic: string };

function present(row: DeliveryRow): DeliveryView {
  const open = row.status === 'pending' || row.status === 'failed';
  return {
    id: row.id,
    eventId: row.outbox_id,
    topic: row.topic,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: open ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastDurationMs: row.last_duration_ms,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

function deliveries(db: Kysely<DB>) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin(outboxEventRelation(db).as('o'), 'o.id', 'd.outbox_id')
    .selectAll('d')
    .select('o.topic');
}

async function requireSubscription(db: Kysely<DB>, subscriptionId: number): Promise<{ active: boolean }> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .select('active')
    .where('id', '=', subscriptionId)
    .executeTakeFirst();
  if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', `No webhook subscription ${subscriptionId}`);
  return row;
}

export interface DeliveryFilter {
  status?: WebhookDeliveryStatus;
  cursor?: string;
  limit: number;
}

/** Newest first (keyset on id). */
export async function listDeliveries(
  db: Kysely<DB>,
  subscriptionId: number,
  filter: DeliveryFilter,
): Promise<Page<DeliveryView>> {
  await requireSubscription(db, subscriptionId);
  let query = deliveries(db).where('d.subscription_id', '=', subscriptionId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.cursor) {
    const [lastId] = decodeCursor(filter.cursor, ['bigserial']);
    query = query.where('d.id', '<', lastId);
  }
  const rows = await query
    .orderBy('d.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, present, (row) => [row.id]);
}

/** One delivery with every attempt, oldest first. */
export async function getDelivery(
  db: Kysely<DB>,
  subscriptionId: number,
  deliveryId: number,
): Promise<DeliveryDetail> {
  await requireSubscription(db, subscriptionId);
  const row = await deliveries(db)
    .where('d.subscription_id', '=', subscriptionId)
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row)
    throw new DomainError(
      'WEBHOOK_DELIVERY_NOT_FOUND',
      `Webhook ${subscriptionId} has no delivery ${deliveryId}`,
    );
  const attempts = await db
    .selectFrom('webhook_delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();
  return {
    ...present(row),
    attemptLog: attempts.map((a) => ({
      attemptedAt: a.attempted_at,
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}

/**
 * Sends a delivery again as soon as the delivery job runs, whatever its state, with a fresh
 * budget of attempts; the attempt log keeps the earlier attempts. A send in progress is
 * superseded (its result is discarded).
 */
export async function redeliver(
  db: Kysely<DB>,
  ctx: RequestContext,
  subscriptionId: number,
  deliveryId: number,
): Promise<DeliveryView> {
  return inTransaction(db, async (tx) => {
    const { active } = await requireSubscription(tx, subscriptionId);
    if (!active)
      throw new DomainError('WEBHOOK_INACTIVE', `Activate webhook ${subscriptionId} before redelivering`);
    const updated = await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, lease_id: null })
      .where('id', '=', deliveryId)
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      throw new DomainError(
        'WEBHOOK_DELIVERY_NOT_FOUND',
        `Webhook ${subscriptionId} has no delivery ${deliveryId}`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'webhook.redeliver',
      targetType: 'webhook_subscription',
      targetId: subscriptionId,
      detail: { deliveryId },
    });
    const row = await deliveries(tx).where('d.id', '=', deliveryId).executeTakeFirstOrThrow();
    return present(row);
  });
}

/**
 * Publishes a `webhook.ping` event for this subscription only: the event goes into the outbox
 * already fanned out, with its one delivery, so the receiver can check its signature handling.
 */
export async function ping(
  db: Kysely<DB>,
  ctx: RequestContext,
  subscriptionId: number,
): Promise<{ eventId: number; deliveryId: number }> {
  return inTransaction(db, async (tx) => {
    const { active } = await requireSubscription(tx, subscriptionId);
    if (!active)
      throw new DomainError('WEBHOOK_INACTIVE', `Activate webhook ${subscriptionId} before pinging it`);
    const event = await enqueue(tx, {
      topic: PING_TOPIC,
      aggregateType: 'webhook_subscription',
      aggregateId: subscriptionId,
      payload: { subscriptionId, message: 'Hello from Shuzhi' },
    });
    await markFannedOut(tx, [event.id]);
    const delivery = await tx
      .insertInto('webhook_deliveries')
      .values({ subscription_id: subscriptionId, outbox_id: event.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'webhook.ping',
      targetType: 'webhook_subscription',
      targetId: subscriptionId,
      detail: { eventId: event.id, deliveryId: delivery.id },
    });
    return { eventId: event.id, deliveryId: delivery.id };
  });
}

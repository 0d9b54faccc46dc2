/**
 * 发件箱 — the transactional outbox. A use case that changes state announces it by calling
 * `enqueue` with ITS OWN transaction: the event row commits together with the state change, or
 * rolls back with it, so no event is ever published for a change that did not happen and no
 * committed change goes unannounced. The fan-out job (src/webhooks/fan-out.ts) later turns each
 * row into webhook deliveries; delivery is at-least-once (docs/integration.md).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/** Dotted lower-case topic, `<aggregate>.<event>`: `case.filed`, `case.overdue`, `webhook.ping`. */
export const TOPIC_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export interface OutboxEvent {
  topic: string;
  /** What the event is about: `case`, `component`, `webhook_subscription`, … */
  aggregateType: string;
  aggregateId: string | number;
  /**
   * JSON object delivered to subscribers as `data`. Events of a case assigned to a department
   * carry `departmentId` (a number) so department-filtered subscriptions receive them.
   */
  payload: Record<string, unknown>;
}

export interface EnqueuedEvent {
  id: number;
  occurredAt: Date;
}

/**
 * Writes one event into the outbox inside the caller's transaction (the type demands a
 * `Transaction`; a plain database handle is refused at run time too).
 */
export async function enqueue(tx: Transaction<DB>, event: OutboxEvent): Promise<EnqueuedEvent> {
  const [first] = await enqueueAll(tx, [event]);
  return first!;
}

export async function enqueueAll(
  tx: Transaction<DB>,
  events: readonly OutboxEvent[],
): Promise<EnqueuedEvent[]> {
  if (!tx.isTransaction) {
    throw new Error('enqueue must be called with the transaction of the state change it announces');
  }
  if (events.length === 0) return [];
  for (const event of events) {
    if (!TOPIC_PATTERN.test(event.topic)) throw new Error(`Invalid outbox topic "${event.topic}"`);
    if (event.aggregateType.length === 0) throw new Error('An outbox event needs an aggregateType');
  }
  const rows = await tx
    .insertInto('outbox')
    .values(
      events.map((event) => ({
        topic: event.topic,
        aggregate_type: event.aggregateType,
        aggregate_id: String(event.aggregateId),
        payload: JSON.stringify(event.payload),
      })),
    )
    .returning(['id', 'occurred_at'])
    .execute();
  return rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at }));
}

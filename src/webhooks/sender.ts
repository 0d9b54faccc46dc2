/**
 * Delivery: sends due webhook deliveries and records each attempt.
 *
 * 1. Claim (one short transaction): due deliveries of active subscriptions, `FOR UPDATE SKIP
 *    LOCKED`, get `attempts + 1`, a lease id, and `next_attempt_at` pushed past the send
 *    timeout — if this process dies while sending, another picks the delivery up when the lease
 *    runs out.
 * 2. Send OUTSIDE any transaction (no connection is held while a receiver thinks), with a
 *    timeout, never following redirects.
 * 3. Record (one short transaction), fenced by the lease id: 2xx → succeeded; otherwise failed
 *    with the next attempt after an exponential, jittered delay, or dead after MAX_ATTEMPTS.
 *
 * The request is signed Stripe-style: `X-Shuzhi-Signature: sha256=<hex HMAC-SHA256(secret,
 * "<X-Shuzhi-Timestamp>.<body>")>` (docs/integration.md shows how receivers verify it).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { outboxEventRelation } from '../messaging/index.js';
import { outcomeOf, signature, type AttemptOutcome } from './rules.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const USER_AGENT = 'Shuzhi-Webhooks/1';
const ERROR_SNIPPET_CHARS = 500;

export interface DeliverOptions {
  /** The HTTP client (tests and proxies may inject one); the global fetch by default. */
  fetch?: typeof fetch;
  /** The clock deciding what is due, the signature timestamp and the retry times. */
  now?: () => Date;
  /** Jitter source for the retry delay. */
  random?: () => number;
  /** Deliveries claimed and sent (in parallel) per batch. */
  batchSize?: number;
  /** Upper bound of batches per call. */
  maxBatches?: number;
  timeoutMs?: number;
  /** How long a claim protects a delivery from other workers; must exceed the timeout. */
  leaseMs?: number;
}

export interface DeliverResult {
  attempted: number;
  succeeded: number;
  failed: number;
  dead: number;
}

/** The JSON body of every webhook request. */
export interface WebhookEnvelope {
  /** The event id (outbox id): the same in every retry and redelivery — receivers dedupe on it. */
  id: string;
  topic: string;
  occurredAt: string;
  aggregate: { type: string; id: string };
  data: Record<string, unknown>;
}

interface Claimed {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  outbox_id: number;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

interface Attempt {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export function envelopeOf(
  event: Pick<Claimed, 'outbox_id' | 'topic' | 'aggregate_type' | 'aggregate_id' | 'payload' | 'occurred_at'>,
): WebhookEnvelope {
  return {
    id: String(event.outbox_id),
    topic: event.topic,
    occurredAt: event.occurred_at.toISOString(),
    aggregate: { type: event.aggregate_type, id: event.aggregate_id },
    data: event.payload,
  };
}

async function claim(
  db: Kysely<DB>,
  now: Date,
  batchSize: number,
  leaseMs: number,
): Promise<{ leaseId: string; rows: Claimed[] }> {
  const leaseId = randomUUID();
  const rows = await db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .select('d.id')
      .where('d.status', 'in', ['pending', 'failed'])
      .where('d.next_attempt_at', '<=', now)
      .where('s.active', '=', true)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(batchSize)
      .forUpdate('d')
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    await tx
      .updateTable('webhook_deliveries')
      .set({
        attempts: sql<number>`attempts + 1`,
        lease_id: leaseId,
        next_attempt_at: new Date(now.getTime() + leaseMs),
      })
      .where('id', 'in', ids)
      .execute();
    return tx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .innerJoin(outboxEventRelation(tx).as('o'), 'o.id', 'd.outbox_id')
      .select([
        'd.id',
        'd.attempts',
        's.url',
        's.secret',
        'o.id as outbox_id',
        'o.topic',
        'o.aggregate_type',
        'o.aggregate_id',
        'o.payload',
        'o.occurred_at',
      ])
      .where('d.id', 'in', ids)
      .orderBy('d.id')
      .execute();
  });
  return { leaseId, rows };
}

async function readSnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_SNIPPET_CHARS * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body that breaks off is still a failed attempt; its status code says enough.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return [...Buffer.concat(chunks).toString('utf8')].slice(0, ERROR_SNIPPET_CHARS).join('').trim();
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return `timed out after ${timeoutMs} ms`;
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
    }
    return error.message;
  }
  return String(error);
}

async function send(
  delivery: Claimed,
  options: Required<Pick<DeliverOptions, 'fetch' | 'now' | 'timeoutMs'>>,
): Promise<Attempt> {
  const attemptedAt = options.now();
  const timestamp = Math.floor(attemptedAt.getTime() / 1000);
  const body = JSON.stringify(envelopeOf(delivery));
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await options.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-shuzhi-event': delivery.topic,
        'x-shuzhi-delivery': String(delivery.id),
        'x-shuzhi-attempt': String(delivery.attempts),
        'x-shuzhi-timestamp': String(timestamp),
        'x-shuzhi-signature': `sha256=${signature(delivery.secret, timestamp, body)}`,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return { attemptedAt, statusCode: response.status, error: null, durationMs: elapsed() };
    }
    const snippet = await readSnippet(response);
    return {
      attemptedAt,
      statusCode: response.status,
      error: `HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    return {
      attemptedAt,
      statusCode: null,
      error: describeError(error, options.timeoutMs),
      durationMs: elapsed(),
    };
  }
}

type Recorded = 'succeeded' | 'failed' | 'dead' | 'superseded';

function stateAfter(outcome: AttemptOutcome, now: Date) {
  switch (outcome.kind) {
    case 'succeeded':
      return { status: 'succeeded' as const, delivered_at: now };
    case 'retry':
      return { status: 'failed' as const, next_attempt_at: new Date(now.getTime() + outcome.delayMs) };
    case 'dead':
      return { status: 'dead' as const };
  }
}

async function record(
  db: Kysely<DB>,
  delivery: Claimed,
  leaseId: string,
  attempt: Attempt,
  now: Date,
  random: () => number,
): Promise<Recorded> {
  const outcome = outcomeOf(attempt.statusCode, delivery.attempts, random);
  const change = {
    lease_id: null,
    last_status_code: attempt.statusCode,
    last_error: attempt.error,
    last_duration_ms: attempt.durationMs,
    ...stateAfter(outcome, now),
  };
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('webhook_deliveries')
      .set(change)
      .where('id', '=', delivery.id)
      .where('lease_id', '=', leaseId)
      .executeTakeFirst();
    // The lease ran out and another worker (or a redelivery) took over: its result counts.
    if (updated.numUpdatedRows === 0n) return 'superseded';
    await tx
      .insertInto('webhook_delivery_attempts')
      .values({
        delivery_id: delivery.id,
        attempted_at: attempt.attemptedAt,
        status_code: attempt.statusCode,
        error: attempt.error,
        duration_ms: attempt.durationMs,
      })
      .execute();
    return change.status;
  });
}

export async function deliverWebhooks(db: Kysely<DB>, options: DeliverOptions = {}): Promise<DeliverResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 10;
  const maxBatches = options.maxBatches ?? 10;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const leaseMs = Math.max(options.leaseMs ?? 60_000, timeoutMs + 5_000);
  const result: DeliverResult = { attempted: 0, succeeded: 0, failed: 0, dead: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const { leaseId, rows } = await claim(db, now(), batchSize, leaseMs);
    const outcomes = await Promise.all(
      rows.map(async (delivery) => {
        const attempt = await send(delivery, { fetch: fetchImpl, now, timeoutMs });
        return record(db, delivery, leaseId, attempt, now(), random);
      }),
    );
    for (const outcome of outcomes) {
      result.attempted += 1;
      if (outcome !== 'superseded') result[outcome] += 1;
    }
    if (rows.length < batchSize) break;
  }
  return result;
}

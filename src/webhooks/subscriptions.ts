/**
 * Webhook subscriptions (admin): an external system — a department's own case system, a data
 * platform — receives the events whose topic matches one of its patterns, optionally only those
 * of cases assigned to one department. The signing secret is generated here and shown once.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { departmentExists } from '../departments/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import { generateSecret, isTopicPattern, urlFieldErrors } from './rules.js';
import type { WebhookSubscriptionsTable } from './tables.js';

export interface SubscriptionView {
  id: number;
  name: string;
  url: string;
  topics: string[];
  departmentId: number | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriptionInput {
  name: string;
  url: string;
  topics: string[];
  departmentId?: number | null;
  active?: boolean;
}

export interface SubscriptionPatch {
  version: number;
  name?: string;
  url?: string;
  topics?: string[];
  departmentId?: number | null;
  active?: boolean;
}

export function presentSubscription(row: Selectable<WebhookSubscriptionsTable>): SubscriptionView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    topics: row.topics,
    departmentId: row.department_id,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function check(
  db: Kysely<DB>,
  fields: { url?: string; topics?: string[]; departmentId?: number | null },
): Promise<void> {
  const errors: FieldError[] = [...urlFieldErrors(fields.url)];
  fields.topics?.forEach((topic, i) => {
    if (!isTopicPattern(topic)) {
      errors.push({
        field: `body.topics.${i}`,
        reason: 'must be dotted lower-case words or *, e.g. case.* or case.filed',
      });
    }
  });
  if (fields.topics?.length === 0) errors.push({ field: 'body.topics', reason: 'needs at least one topic' });
  if (fields.departmentId !== undefined && fields.departmentId !== null) {
    if (!(await departmentExists(db, fields.departmentId)))
      errors.push({ field: 'body.departmentId', reason: `no department ${fields.departmentId}` });
  }
  if (errors.length > 0) throw validationError(errors);
}

export async function getSubscription(db: Kysely<DB>, id: number): Promise<SubscriptionView> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', `No webhook subscription ${id}`);
  return presentSubscription(row);
}

/** Creates a subscription; the returned `secret` is never shown again. */
export async function createSubscription(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: SubscriptionInput,
): Promise<SubscriptionView & { secret: string }> {
  const topics = [...new Set(input.topics)];
  await check(db, { url: input.url, topics, departmentId: input.departmentId ?? null });
  const secret = generateSecret();
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('webhook_subscriptions')
      .values({
        name: input.name,
        url: input.url,
        secret,
        topics,
        department_id: input.departmentId ?? null,
        active: input.active ?? true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentSubscription(row);
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      targetType: 'webhook_subscription',
      targetId: row.id,
      detail: {
        name: view.name,
        url: view.url,
        topics: view.topics,
        departmentId: view.departmentId,
        active: view.active,
      },
    });
    return { ...view, secret };
  });
}

export interface SubscriptionFilter {
  active?: boolean;
  cursor?: string;
  limit: number;
}

export async function listSubscriptions(
  db: Kysely<DB>,
  filter: SubscriptionFilter,
): Promise<Page<SubscriptionView>> {
  let query = db.selectFrom('webhook_subscriptions').selectAll();
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.cursor) {
    const [lastId] = decodeCursor(filter.cursor, ['serial']);
    query = query.where('id', '>', lastId);
  }
  const rows = await query
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, presentSubscription, (row) => [row.id]);
}

export async function updateSubscription(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  patch: SubscriptionPatch,
): Promise<SubscriptionView> {
  const topics = patch.topics ? [...new Set(patch.topics)] : undefined;
  await check(db, { url: patch.url, topics, departmentId: patch.departmentId });
  return inTransaction(db, async (tx) => {
    const row = await tx
      .updateTable('webhook_subscriptions')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(topics !== undefined ? { topics } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const current = await getSubscription(tx, id);
      throw new DomainError(
        'VERSION_CONFLICT',
        `Webhook subscription ${id} is at another version than ${patch.version}`,
        {
          currentVersion: current.version,
        },
      );
    }
    const { version: _version, ...changes } = patch;
    await recordAudit(tx, ctx, {
      action: 'webhook.update',
      targetType: 'webhook_subscription',
      targetId: id,
      detail: { ...changes, ...(topics ? { topics } : {}) },
    });
    return presentSubscription(row);
  });
}

/** Deletes a subscription with its delivery log (pending deliveries are dropped with it). */
export async function deleteSubscription(db: Kysely<DB>, ctx: RequestContext, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await tx
      .deleteFrom('webhook_subscriptions')
      .where('id', '=', id)
      .returning(['name', 'url'])
      .executeTakeFirst();
    if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', `No webhook subscription ${id}`);
    await recordAudit(tx, ctx, {
      action: 'webhook.delete',
      targetType: 'webhook_subscription',
      targetId: id,
      detail: { name: row.name, url: row.url },
    });
  });
}

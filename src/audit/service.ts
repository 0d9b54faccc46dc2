/**
 * 审计日志 — the append-only audit log: who did what to which record, when and from where.
 * Written in the same transaction as the write it records, so an entry exists exactly when the
 * change committed. The table refuses UPDATE, DELETE and TRUNCATE (migration 0001).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';

/** Who acts: a request's context, or a login attempt that has no actor yet. */
export interface AuditContext {
  actor: Pick<Actor, 'id' | 'username'>;
  clientIp: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await recordAudits(db, ctx, [entry]);
}

export async function recordAudits(db: Kysely<DB>, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_id: ctx.actor.id === 0 ? null : ctx.actor.id,
        actor_name: ctx.actor.username,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
        client_ip: ctx.clientIp,
        request_id: ctx.requestId,
        detail: JSON.stringify(entry.detail ?? {}),
      })),
    )
    .execute();
}

export interface AuditFilter {
  actorId?: number;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  clientIp: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

/** Newest first, keyset-paged on (at, id). */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter): Promise<Page<AuditRecord>> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, ['timestamp', 'bigserial']);
    const atDate = new Date(at);
    if (Number.isNaN(atDate.getTime())) {
      throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {
        errors: [{ field: 'querystring.cursor', reason: 'is not a cursor this list returned' }],
      });
    }
    query = query.where(sql<boolean>`(at, id) < (${atDate}, ${id})`);
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      clientIp: row.client_ip,
      requestId: row.request_id,
      detail: row.detail,
    }),
    (row) => [row.at.toISOString(), row.id],
  );
}

/**
 * One service request: GET /requests/{id} (the public view, sensitive classes reduced) and
 * GET /tokens/{token} (the request a token was given for).
 */
import { sql, type Kysely } from 'kysely';
import { caseRelation } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { presentRequests, type RequestView, type ViewOptions } from './presenter.js';
import { selectRequests } from './queries.js';
import { INTAKE_STATUSES } from './rules.js';
import './tables.js';

export async function getRequest(db: Kysely<DB>, id: string, options: ViewOptions): Promise<RequestView> {
  const rows = await selectRequests(db, sql`c.number = ${id}`, 1, 0);
  if (rows.length === 0) throw new DomainError('NOT_FOUND', `service_request_id ${id} not found`);
  return (await presentRequests(db, rows, options))[0]!;
}

/**
 * GET /tokens/{token}: the id of the request the token was given for; null while a batch
 * service's case is still in intake (the on-site check and the filing decision).
 */
export async function resolveRequestToken(
  db: Kysely<DB>,
  token: string,
): Promise<{ service_request_id: string | null; token: string }> {
  const row = await db
    .selectFrom('open311_tokens as t')
    .leftJoin(caseRelation(db).as('c'), 'c.id', 't.case_id')
    .leftJoin('open311_requests as r', 'r.case_id', 't.case_id')
    .select(['t.token', 'c.number', 'c.status', 'r.batch'])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', `token ${token} not found`);
  const pending = row.batch === true && (INTAKE_STATUSES as readonly string[]).includes(row.status ?? '');
  return { service_request_id: pending ? null : row.number, token: row.token };
}

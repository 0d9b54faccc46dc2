/**
 * Login, sessions and personal API tokens. A session token works as an HTTP-only cookie (with a
 * CSRF token for unsafe methods) or as a bearer token; personal API tokens are bearer-only.
 * Repeated wrong passwords are throttled, per name and address (docs/security.md).
 */
import { inTransaction } from '../shared/transaction.js';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import type { Actor } from './actor.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { assertNotThrottled, loginCounters, recordFailure, recordSuccess } from './throttle.js';
import { newToken, tokenHash } from './tokens.js';

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

interface ActorRow {
  id: number;
  username: string;
  display_name: string;
  role: Actor['role'];
  position: Actor['position'];
  department_id: number | null;
  active: boolean;
  must_change_password: boolean;
  region_codes: string[];
}

/** The user's columns and jurisdiction in one statement (every authenticated request runs it). */
const ACTOR_COLUMNS = sql`u.id, u.username, u.display_name, u.role, u.position, u.department_id, u.active,
  u.must_change_password, coalesce((select json_agg(ur.region_code order by ur.region_code)
    from user_regions ur where ur.user_id = u.id), '[]'::json) as region_codes`;

function actorOf(user: ActorRow | undefined): Actor | null {
  if (!user || !user.active) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    position: user.position,
    departmentId: user.department_id,
    regionCodes: user.region_codes,
    mustChangePassword: user.must_change_password,
  };
}

export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | null> {
  const result = await sql<ActorRow>`select ${ACTOR_COLUMNS} from users u where u.id = ${userId}`.execute(db);
  return actorOf(result.rows[0]);
}

/**
 * Logs in by username and password. Repeated failures are throttled (./throttle.ts), never locked:
 * an unknown name, an inactive account and a wrong password are counted and answered alike, and
 * cost the same password hash.
 */
export async function login(
  db: Kysely<DB>,
  input: {
    username: string;
    password: string;
    clientIp: string | null;
    userAgent: string | null;
    requestId: string | null;
  },
  sessionHours: number,
): Promise<LoginResult> {
  const counters = loginCounters('staff', input.username, input.clientIp);
  await assertNotThrottled(db, counters);
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  const known = user?.active ? user : undefined;
  const ok = await verifyPassword(known?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!known || !ok) {
    await inTransaction(db, async (tx) => {
      const blocked = await recordFailure(tx, counters);
      if (!user) return;
      await recordAudit(tx, auditContextOf(user.id, input), {
        action: blocked > 0 ? 'auth.throttled' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        ...(blocked > 0 ? { detail: { blockedSeconds: blocked } } : {}),
      });
    });
    throw new DomainError('AUTH_INVALID_CREDENTIALS');
  }
  const token = newToken('shs');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3_600_000);
  await inTransaction(db, async (tx) => {
    await recordSuccess(tx, counters);
    await tx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash(token),
        user_id: known.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        client_ip: input.clientIp,
        user_agent: input.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    await recordAudit(tx, auditContextOf(known.id, input), {
      action: 'auth.login',
      targetType: 'user',
      targetId: known.id,
    });
  });
  const actor = await loadActor(db, known.id);
  if (!actor) throw new DomainError('AUTH_INVALID_CREDENTIALS');
  return { token, csrfToken, expiresAt, actor };
}

function auditContextOf(
  userId: number,
  input: { username: string; clientIp: string | null; requestId: string | null },
): AuditContext {
  return {
    actor: { id: userId, username: input.username },
    clientIp: input.clientIp,
    requestId: input.requestId,
  };
}

export interface ResolvedCredential {
  actor: Actor;
  kind: 'session' | 'api_token';
  /** Present for sessions: unsafe requests authenticated by cookie must echo it. */
  csrfToken: string | null;
  sessionHash: string | null;
}

export async function resolveToken(db: Kysely<DB>, token: string): Promise<ResolvedCredential | null> {
  const hash = tokenHash(token);
  // The credential and its user in one statement: this runs before every authenticated request.
  if (token.startsWith('shs_')) {
    const result = await sql<ActorRow & { csrf_token: string; expires_at: Date }>`
      select s.csrf_token, s.expires_at, ${ACTOR_COLUMNS}
      from sessions s join users u on u.id = s.user_id where s.token_hash = ${hash}`.execute(db);
    const session = result.rows[0];
    if (!session || session.expires_at <= new Date()) return null;
    const actor = actorOf(session);
    return actor ? { actor, kind: 'session', csrfToken: session.csrf_token, sessionHash: hash } : null;
  }
  if (token.startsWith('shz_')) {
    const result = await sql<
      ActorRow & {
        token_id: number;
        expires_at: Date | null;
        revoked_at: Date | null;
        last_used_at: Date | null;
      }
    >`
      select t.id as token_id, t.expires_at, t.revoked_at, t.last_used_at, ${ACTOR_COLUMNS}
      from api_tokens t join users u on u.id = t.user_id where t.token_hash = ${hash}`.execute(db);
    const row = result.rows[0];
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= new Date())) return null;
    const actor = actorOf(row);
    if (!actor) return null;
    // Touch at most once a minute: a busy integration must not write on every request.
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: new Date() })
        .where('id', '=', row.token_id)
        .execute();
    }
    return { actor, kind: 'api_token', csrfToken: null, sessionHash: null };
  }
  return null;
}

export async function logout(db: Kysely<DB>, ctx: RequestContext, sessionHash: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
    await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.id });
  });
}

export interface ApiTokenInfo {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function createApiToken(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<ApiTokenInfo & { token: string }> {
  const token = newToken('shz');
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('api_tokens')
      .values({
        user_id: ctx.actor.id,
        name: input.name,
        token_hash: tokenHash(token),
        prefix: token.slice(0, 10),
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'api_token.create', targetType: 'api_token', targetId: row.id });
    return { ...presentToken(row), token };
  });
}

function presentToken(row: {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listApiTokens(db: Kysely<DB>, ctx: RequestContext): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .orderBy('id')
    .execute();
  return rows.map(presentToken);
}

export async function revokeApiToken(db: Kysely<DB>, ctx: RequestContext, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const result = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new DomainError('NOT_FOUND', `No active API token ${id} of yours`);
    await recordAudit(tx, ctx, { action: 'api_token.revoke', targetType: 'api_token', targetId: id });
  });
}

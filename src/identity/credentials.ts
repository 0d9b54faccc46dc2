/**
 * 凭据 — ending a staff account's credentials, and changing one's own password.
 *
 * Revocation is for good: sessions are deleted and personal API tokens marked revoked, so an
 * account that is deactivated or reset and later re-activated comes back with none of its old
 * credentials (before, inactive accounts' tokens were only ignored, and worked again afterwards).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { assertNotThrottled, clearCounter, passwordCheckCounter, recordFailure } from './throttle.js';

export interface Revoked {
  sessions: number;
  apiTokens: number;
}

/**
 * Ends every session of the account (but `keepSession`, a SHA-256 token hash) and, unless told
 * otherwise, revokes its personal API tokens. Runs inside the caller's transaction.
 */
export async function revokeCredentials(
  db: Kysely<DB>,
  userId: number,
  options: { keepSession?: string | null; apiTokens?: boolean } = {},
): Promise<Revoked> {
  let sessions = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.keepSession) sessions = sessions.where('token_hash', '<>', options.keepSession);
  const deleted = await sessions.executeTakeFirst();
  let apiTokens = 0n;
  if (options.apiTokens !== false) {
    const revoked = await db
      .updateTable('api_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    apiTokens = revoked.numUpdatedRows;
  }
  return { sessions: Number(deleted.numDeletedRows), apiTokens: Number(apiTokens) };
}

/**
 * `PUT /auth/password`: the caller changes their own password. The current password is checked
 * under the login throttle's `password` counter (a stolen session must not become an unlimited
 * password oracle); the new one must differ from it, which is what a forced change (one-time or
 * reset password) is for. The caller's other sessions end; the calling session — with its CSRF
 * token — and the personal API tokens stay (the caller still holds them and knows the password).
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
  callingSession: string | null,
): Promise<void> {
  const counter = passwordCheckCounter(ctx.actor.id);
  await assertNotThrottled(db, [counter]);
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await recordFailure(db, [counter]);
    throw validationError(
      [{ field: 'body.currentPassword', reason: 'is wrong' }],
      'The current password is wrong',
    );
  }
  const problem =
    input.newPassword === input.currentPassword
      ? 'must differ from the current password'
      : passwordProblems(input.newPassword);
  if (problem) throw validationError([{ field: 'body.newPassword', reason: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() })
      .where('id', '=', ctx.actor.id)
      .execute();
    await clearCounter(tx, counter);
    const ended = await revokeCredentials(tx, ctx.actor.id, {
      keepSession: callingSession,
      apiTokens: false,
    });
    await recordAudit(tx, ctx, {
      action: 'user.password_change',
      targetType: 'user',
      targetId: ctx.actor.id,
      detail: { endedSessions: ended.sessions },
    });
  });
}

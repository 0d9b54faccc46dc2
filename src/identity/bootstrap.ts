/**
 * The first administrator of a non-demo instance: from SHUZHI_ADMIN_PASSWORD, or a one-time
 * password printed once that must be changed at first login.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { systemContext } from '../shared/context.js';
import { hashPassword } from './passwords.js';

export async function ensureFirstAdmin(
  db: Kysely<DB>,
  configuredPassword: string | undefined,
  say: (m: string) => void,
): Promise<void> {
  const existing = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (existing) return;
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({
        username: 'admin',
        display_name: '系统管理员',
        password_hash: passwordHash,
        role: 'admin',
        must_change_password: configuredPassword === undefined,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, systemContext(), {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      detail: { bootstrap: true },
    });
  });
  if (configuredPassword)
    say('Created the administrator "admin" with the password from SHUZHI_ADMIN_PASSWORD.');
  else
    say(
      `Created the administrator "admin" with the one-time password: ${password}  (change it at first login)`,
    );
}

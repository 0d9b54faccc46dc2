import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createTestDatabase } from '../../test/helpers/database.js';
import { ensureFirstAdmin } from './bootstrap.js';
import { verifyPassword } from './passwords.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the first administrator of a non-demo instance', () => {
  it('prints a one-time password that must be changed, once, and never again', async () => {
    const said: string[] = [];
    await ensureFirstAdmin(database.db, undefined, (m) => said.push(m));
    expect(said).toHaveLength(1);
    const password = /one-time password: (\S+)/.exec(said[0]!)?.[1];
    expect(password).toBeDefined();
    const admin = await database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ role: 'admin', must_change_password: true });
    expect(await verifyPassword(admin.password_hash, password!)).toBe(true);
    expect(admin.password_hash).not.toContain(password!);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(admin.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.create');

    const again: string[] = [];
    await ensureFirstAdmin(database.db, 'another-password-1', (m) => again.push(m));
    expect(again).toEqual([]);
    const admins = await database.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });
});

describe('with SHUZHI_ADMIN_PASSWORD', () => {
  it('uses the configured password and does not force a change', async () => {
    const fresh = await createTestDatabase();
    try {
      const said: string[] = [];
      await ensureFirstAdmin(fresh.db, 'configured-password-1', (m) => said.push(m));
      expect(said[0]).toMatch(/SHUZHI_ADMIN_PASSWORD/);
      expect(said[0]).not.toMatch(/configured-password-1/);
      const admin = await fresh.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(admin.must_change_password).toBe(false);
      expect(await verifyPassword(admin.password_hash, 'configured-password-1')).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

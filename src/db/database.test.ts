import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../../test/helpers/database.js';
import type { Database } from './database.js';
import { DataDirLockedError, lockDataDir } from './lock.js';
import { listMigrations, migrate } from './migrate.js';

describe(`database on ${testBackend}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('has every migration applied, and applying again changes nothing', async () => {
    const rows = await sql<{
      version: number;
    }>`select version from schema_migrations order by version`.execute(database.db);
    expect(rows.rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(database.db)).toEqual([]);
  });

  it('has PostGIS with geography area and CRS transforms', async () => {
    const result = await sql<{ area: number; transformed: number }>`
      select ST_Area(ST_MakeEnvelope(116.4, 39.9, 116.401, 39.901, 4326)::geography) as area,
             ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(116.4, 39.9), 4326), 3857)) as transformed`.execute(
      database.db,
    );
    expect(result.rows[0]!.area).toBeGreaterThan(9400);
    expect(result.rows[0]!.area).toBeLessThan(9600);
    expect(result.rows[0]!.transformed).toBeCloseTo((6378137 * (116.4 * Math.PI)) / 180, 3);
  });

  it('parses bigint counts, numerics and dates the same way on both backends', async () => {
    const result = await sql<{ n: number; x: number; d: string; t: Date }>`
      select count(*) as n, 1.5::numeric as x, date '2026-07-01' as d, now() as t from (values (1), (2)) v`.execute(
      database.db,
    );
    expect(result.rows[0]).toMatchObject({ n: 2, x: 1.5, d: '2026-07-01' });
    expect(result.rows[0]!.t).toBeInstanceOf(Date);
  });

  it('keeps the audit log append-only', async () => {
    await database.db
      .insertInto('audit_log')
      .values({ action: 'test', target_type: 'test', detail: '{}' })
      .execute();
    await expect(sql`update audit_log set action = 'changed'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    const count = await sql<{ n: number }>`select count(*) as n from audit_log where action = 'test'`.execute(
      database.db,
    );
    expect(count.rows[0]!.n).toBe(1);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('audit_log')
          .values({ action: 'rolled-back', target_type: 'test', detail: '{}' })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const count = await sql<{
      n: number;
    }>`select count(*) as n from audit_log where action = 'rolled-back'`.execute(database.db);
    expect(count.rows[0]!.n).toBe(0);
  });

  it.runIf(testBackend === 'postgres')(
    'survives the server terminating its idle connections, and the next query reconnects',
    async () => {
      await sql`select 1`.execute(database.db);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()`.execute(database.db);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0]!.one).toBe(1);
    },
  );

  it('serialises concurrent transactions without losing an increment', async () => {
    await sql`create table counter_test (id int primary key, n int not null)`.execute(database.db);
    await sql`insert into counter_test values (1, 0)`.execute(database.db);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        database.db.transaction().execute(async (tx) => {
          const row = await sql<{ n: number }>`select n from counter_test where id = 1 for update`.execute(
            tx,
          );
          await sql`update counter_test set n = ${row.rows[0]!.n + 1} where id = 1`.execute(tx);
        }),
      ),
    );
    const final = await sql<{ n: number }>`select n from counter_test where id = 1`.execute(database.db);
    expect(final.rows[0]!.n).toBe(20);
  });
});

describe('data folder lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-lock-'));

  it('refuses a second holder in the same process with a clear message', () => {
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Shuzhi process/);
    } finally {
      lock.release();
    }
    lockDataDir(dir).release();
  });

  it('refuses a second process while the first lives, and takes over after it died', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    await new Promise((resolve) => child.once('spawn', resolve));
    fs.writeFileSync(path.join(dir, 'shuzhi.lock'), String(child.pid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${child.pid}`));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'shuzhi.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'shuzhi.lock'))).toBe(false);
  });
});

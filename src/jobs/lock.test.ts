import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../../test/helpers/database.js';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { withJobLock } from './lock.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('withJobLock', () => {
  it('runs the work in a transaction holding the lock and returns its value', async () => {
    const result = await withJobLock(database.db, 'test.value', async (tx) => {
      const { rows } = await sql<{ held: number }>`
        select count(*)::int as held from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid() and granted`.execute(tx);
      return { inTransaction: tx.isTransaction, held: rows[0]?.held };
    });
    expect(result).toEqual({ ran: true, value: { inTransaction: true, held: 1 } });
  });

  it('releases the lock when the transaction ends, committed or rolled back', async () => {
    await expect(
      withJobLock(database.db, 'test.release', async () => {
        throw new Error('sweep failed');
      }),
    ).rejects.toThrow('sweep failed');
    expect(await withJobLock(database.db, 'test.release', async () => 'again')).toEqual({
      ran: true,
      value: 'again',
    });
    expect(await withJobLock(database.db, 'test.release', async () => 'and again')).toEqual({
      ran: true,
      value: 'and again',
    });
  });

  it('rolls back the work’s writes when it fails', async () => {
    await expect(
      withJobLock(database.db, 'test.rollback', async (tx) => {
        await sql`create table job_lock_probe (id int)`.execute(tx);
        throw new Error('half done');
      }),
    ).rejects.toThrow('half done');
    const { rows } = await sql<{
      exists: boolean;
    }>`select to_regclass('job_lock_probe') is not null as exists`.execute(database.db);
    expect(rows[0]?.exists).toBe(false);
  });

  it('refuses to be called inside a transaction (it needs its own)', async () => {
    await database.db.transaction().execute(async (tx) => {
      await expect(withJobLock(tx, 'test.nested', async () => 1)).rejects.toThrow(/its own transaction/);
    });
  });

  it.runIf(testBackend === 'postgres')(
    'lets exactly one of several concurrent callers run (PostgreSQL, separate connections)',
    async () => {
      const holding = gate();
      const release = gate();
      let runs = 0;
      const first = withJobLock(database.db, 'test.singleton', async (tx: Transaction<DB>) => {
        runs += 1;
        holding.open();
        await release.opened;
        await sql`select 1`.execute(tx);
        return 'first';
      });
      await holding.opened;
      // Three more callers on their own connections while the first holds the lock: none runs.
      // (The test pool has 5 connections; more callers than that would wait for a connection.)
      const others = await Promise.all(
        [1, 2, 3].map(() =>
          withJobLock(database.db, 'test.singleton', async () => {
            runs += 1;
            return 'other';
          }),
        ),
      );
      expect(others).toEqual([{ ran: false }, { ran: false }, { ran: false }]);
      // Another name is not blocked.
      expect(await withJobLock(database.db, 'test.other-job', async () => 'free')).toEqual({
        ran: true,
        value: 'free',
      });
      release.open();
      expect(await first).toEqual({ ran: true, value: 'first' });
      expect(runs).toBe(1);
      // Once the holder committed, the next caller gets the lock.
      expect(await withJobLock(database.db, 'test.singleton', async () => 'next')).toEqual({
        ran: true,
        value: 'next',
      });
    },
  );

  it.runIf(testBackend === 'pglite')(
    'serialises concurrent callers on the embedded database (one connection): both run, never together',
    async () => {
      const spans: Array<[string, number, number]> = [];
      let clock = 0;
      const work = (name: string) => async (tx: Transaction<DB>) => {
        const start = ++clock;
        await sql`select pg_sleep(0.01)`.execute(tx);
        spans.push([name, start, ++clock]);
        return name;
      };
      const results = await Promise.all([
        withJobLock(database.db, 'test.embedded', work('a')),
        withJobLock(database.db, 'test.embedded', work('b')),
      ]);
      expect(results).toEqual([
        { ran: true, value: 'a' },
        { ran: true, value: 'b' },
      ]);
      const [first, second] = spans;
      expect(first![2]).toBeLessThan(second![1]);
    },
  );
});

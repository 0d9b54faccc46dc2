/**
 * Case numbers are taken as intake's last step (the counter row stays locked until commit), so
 * the case is written first under a provisional number that must never be committed.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, garbageReport, report, type CaseCast } from '../../test/helpers/cases.js';
import { localDay, provisionalCaseNumber } from './numbering.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

describe('case numbers', () => {
  it('are consecutive and final when several intakes run at once', async () => {
    const before = await t()
      .database.db.selectFrom('case_number_counters')
      .select('last')
      .where('district_code', '=', '110101')
      .where('day', '=', localDay(new Date(), 'Asia/Shanghai') as never)
      .executeTakeFirst();
    const start = before?.last ?? 0;
    const bodies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        report(t(), cast.inspector, garbageReport(cast, { description: `并发上报 ${i}` })),
      ),
    );
    const sequence = bodies.map((b) => Number(b.number.slice(-5))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1));
    for (const body of bodies) expect(body.number).toMatch(/^110101\d{8}\d{5}$/);
    const stored = await t()
      .database.db.selectFrom('cases')
      .select('number')
      .where(
        'id',
        'in',
        bodies.map((b) => b.id),
      )
      .execute();
    expect(stored.map((r) => r.number).sort()).toEqual(bodies.map((b) => b.number).sort());
  });

  it('never commit provisionally: a case still carrying one is refused at commit and nothing is written', async () => {
    const db = t().database.db;
    const template = await db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db)).rows[0]!.n);
    const cases = await count();
    const { id: _id, number: _number, ...columns } = template;
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto('cases')
          .values({ ...columns, number: provisionalCaseNumber() })
          .execute();
      }),
    ).rejects.toThrow(/provisional number/);
    expect(await count()).toBe(cases);
    // Numbered before commit, the same insert commits.
    const inserted = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('cases')
        .values({ ...columns, number: provisionalCaseNumber() } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('cases')
        .set({ number: `T${row.id}` })
        .where('id', '=', row.id)
        .execute();
      return row.id;
    });
    expect(
      (await db.selectFrom('cases').select('number').where('id', '=', inserted).executeTakeFirst())?.number,
    ).toBe(`T${inserted}`);
    await db.deleteFrom('cases').where('id', '=', inserted).execute();
  });

  it('provisional numbers are distinct and marked', () => {
    const a = provisionalCaseNumber();
    expect(a.startsWith('~')).toBe(true);
    expect(provisionalCaseNumber()).not.toBe(a);
  });
});

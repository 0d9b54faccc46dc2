import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  caseRow,
  castFor,
  garbageReport,
  intake,
  perform,
  photoOf,
  type CaseCast,
} from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { useTestServices, type TestStaff } from '../../test/helpers/services.js';
import { createWorkingCalendar, isWorkingDay } from '../calendar/index.js';
import { recomputeAll, storedRollups } from './rollups.js';
import { drillDown, evaluate } from './service.js';

const t = useTestServices();
const DAY = 86_400_000;
const T0 = new Date(Date.now() - 60_000);
const LATE = new Date(T0.getTime() + 40 * DAY);
const TZ = 'Asia/Shanghai';
/** The local day of an instant (rollups count by local day, `to` exclusive). */
const dayOf = (at: Date) => DateTime.fromJSDate(at, { zone: TZ }).toISODate()!;
const PERIOD = { from: dayOf(T0), to: dayOf(new Date(T0.getTime() + 100 * DAY)) };
const SHORT = { from: dayOf(T0), to: dayOf(new Date(T0.getTime() + 20 * DAY)) };
let cast: CaseCast<TestStaff>;
const idsOf: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', number> = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0 };

async function filedAndDispatched(id: number, departmentId: number): Promise<number> {
  await perform(t(), cast.shiftLead, id, 'file');
  await perform(t(), cast.dispatcher, id, 'dispatch', { departmentId });
  return id;
}

beforeAll(async () => {
  cast = await castFor(t());
  const photo = await photoOf(t(), cast.handler);
  const handle = { note: '已清理', afterPhotoIds: [photo] };
  const street2 = (source: 'inspector' | 'public', description: string) =>
    garbageReport(cast, { source, description, location: gridCentre(2, 1, 1) });
  const { inspector, operator, shiftLead, dispatcher, handler, otherHandler } = cast;

  // A (street 1): handled on time, verified, closed normally.
  const a = await filedAndDispatched(
    await intake(t(), inspector, garbageReport(cast, { description: 'A' })),
    cast.departmentId,
  );
  await perform(t(), handler, a, 'accept');
  await perform(t(), handler, a, 'handle', handle);
  await perform(t(), operator, a, 'send-verify');
  await perform(t(), inspector, a, 'pass');
  await perform(t(), shiftLead, a, 'close');
  expect((await caseRow(t(), a)).closure_type).toBe('normal');
  idsOf.a = a;

  // B (street 1): handled, fails verification once (返工), handled again, closed normally.
  const b = await filedAndDispatched(
    await intake(t(), inspector, garbageReport(cast, { description: 'B' })),
    cast.departmentId,
  );
  await perform(t(), handler, b, 'accept');
  await perform(t(), handler, b, 'handle', handle);
  await perform(t(), operator, b, 'send-verify');
  await perform(t(), inspector, b, 'fail', { reason: '仍有残留' });
  await perform(t(), handler, b, 'handle', handle);
  await perform(t(), operator, b, 'send-verify');
  await perform(t(), inspector, b, 'pass');
  await perform(t(), shiftLead, b, 'close');
  expect((await caseRow(t(), b)).closure_type).toBe('normal');
  idsOf.b = b;

  // C (street 1): handled 40 days later (late), then verified and closed as overdue that day.
  const c = await filedAndDispatched(
    await intake(t(), inspector, garbageReport(cast, { description: 'C' })),
    cast.departmentId,
  );
  await perform(t(), handler, c, 'accept');
  idsOf.c = c;
  await perform(t(), handler, c, 'handle', handle, t().at(LATE));
  await perform(t(), operator, c, 'send-verify', {}, t().at(new Date(LATE.getTime() + 60_000)));
  await perform(t(), inspector, c, 'pass', {}, t().at(new Date(LATE.getTime() + 120_000)));
  await perform(t(), shiftLead, c, 'close', {}, t().at(new Date(LATE.getTime() + 180_000)));

  // D (street 2, an inspector's report registered by the operator): returned by the department,
  // dispatched to the other department, accepted and left open (overdue by the period's end).
  const d = await filedAndDispatched(
    await intake(t(), operator, street2('inspector', 'D')),
    cast.departmentId,
  );
  await perform(t(), handler, d, 'return', { reason: '非本部门' });
  await perform(t(), dispatcher, d, 'approve');
  await perform(t(), dispatcher, d, 'dispatch', { departmentId: cast.otherDepartmentId });
  await perform(t(), otherHandler, d, 'accept');
  idsOf.d = d;

  // E (street 2, a public report): extended, then suspended (挂账), open.
  const e = await filedAndDispatched(await intake(t(), operator, street2('public', 'E')), cast.departmentId);
  await perform(t(), handler, e, 'accept');
  let day = new Date(Date.now() + 10 * DAY);
  while (!isWorkingDay(createWorkingCalendar(), day.toISOString().slice(0, 10)))
    day = new Date(day.getTime() + DAY);
  const requestedDueAt = new Date(`${day.toISOString().slice(0, 10)}T10:00:00+08:00`).toISOString();
  await perform(t(), handler, e, 'request-extension', { reason: '协调', requestedDueAt });
  await perform(t(), dispatcher, e, 'approve');
  await perform(t(), handler, e, 'request-suspension', { reason: '等待施工' });
  await perform(t(), dispatcher, e, 'approve');
  expect((await caseRow(t(), e)).status).toBe('suspended');
  idsOf.e = e;

  // F (street 1): reported, never filed.
  idsOf.f = await intake(t(), inspector, garbageReport(cast, { description: 'F' }));
});

describe('facts and composite of departments', () => {
  it('counts every base fact and scores the department profile as computed by hand', async () => {
    const result = await evaluate(t().database.db, { object: 'department', ...PERIOD });
    expect(result.profile.key).toBe('department-unicom');
    const own = result.rows.find((r) => r.subject === String(cast.departmentId))!;
    const other = result.rows.find((r) => r.subject === String(cast.otherDepartmentId))!;
    expect(own.facts).toEqual({
      reported: 4, // A, B, C, E (F has no department; D ended with the other department)
      self_handled: 0,
      filed: 4,
      filed_by_inspector: 3, // E is public
      filed_by_others: 1,
      to_handle: 5, // dispatches of A, B, C, D, E
      handled: 4, // A, B twice, C
      handled_on_time: 3,
      handled_late: 1, // C
      handled_of_due: 3, // of the 5 dispatches: A, B, C (D was returned, E is not handled)
      handled_on_time_of_due: 2, // A, B's first round (C late)
      overdue: 0, // no sweep ran
      returns: 1, // D
      reworks: 1, // B
      extensions: 1,
      suspensions: 1,
      to_close: 4,
      closed: 3,
      closed_on_time: 2, // A, B (C closed as overdue)
    });
    // 立案 4 → 100 ×10 %; 结案 3/4 → 75 ×30 %; 按期 2/4 → 50 ×30 %; 返工 1/4 → 75 ×30 %
    // = 10 + 22.5 + 15 + 22.5 = 70 → C
    expect(own.items.map((i) => i.score)).toEqual([100, 75, 50, 75]);
    expect(own.items.map((i) => i.weightedScore)).toEqual([10, 22.5, 15, 22.5]);
    expect(own).toMatchObject({ composite: 70, grade: 'C' });

    expect(other.facts).toMatchObject({
      reported: 1,
      filed: 1,
      to_handle: 1,
      handled: 0,
      returns: 0,
      to_close: 1,
      closed: 0,
    });
    // 立案 1 → 100 ×10 %; 结案 0; 按期 0; 返工 0/1 → 100 ×30 % = 40 → D
    expect(other).toMatchObject({ composite: 40, grade: 'D' });
    expect(own.rank).toBeLessThan(other.rank!);
  });

  it('keeps flows to the period and counts the cohort filed in it with its closure now', async () => {
    const result = await evaluate(t().database.db, { object: 'department', ...SHORT });
    const own = result.rows.find((r) => r.subject === String(cast.departmentId))!;
    expect(own.facts).toMatchObject({
      handled: 3,
      handled_on_time: 3,
      handled_late: 0, // C was handled after the 20 days
      to_close: 4,
      closed: 3, // C, filed in the period, is closed now
      closed_on_time: 2,
    });
    const before = await evaluate(t().database.db, {
      object: 'department',
      from: dayOf(new Date(T0.getTime() - 10 * DAY)),
      to: PERIOD.from,
    });
    expect(before.rows.find((r) => r.subject === String(cast.departmentId))!.facts.filed).toBe(0);
  });

  it('drills down from a count to its cases', async () => {
    const own = String(cast.departmentId);
    const db = t().database.db;
    const ids = async (request: Parameters<typeof drillDown>[1]) =>
      (await drillDown(db, request, TZ)).map((c) => c.id);
    expect(await ids({ object: 'department', subject: own, ...PERIOD, fact: 'closed_on_time' })).toEqual(
      [idsOf.a, idsOf.b].sort((x, y) => x - y),
    );
    expect(await ids({ object: 'department', subject: own, ...PERIOD, fact: 'handled_late' })).toEqual([
      idsOf.c,
    ]);
    expect(await ids({ object: 'department', subject: own, ...PERIOD, fact: 'returns' })).toEqual([idsOf.d]);
    expect(await ids({ object: 'street', subject: '110101001', ...PERIOD, fact: 'reported' })).toEqual(
      [idsOf.a, idsOf.b, idsOf.c, idsOf.f].sort((x, y) => x - y),
    );
    expect(
      await ids({
        object: 'dispatcher',
        subject: String(cast.dispatcher.id),
        ...PERIOD,
        fact: 'dispatches_undone',
      }),
    ).toEqual([idsOf.b, idsOf.d].sort((x, y) => x - y));
    await expect(
      drillDown(db, { object: 'department', subject: own, ...PERIOD, fact: 'grids' }, TZ),
    ).rejects.toThrow(/not a count of cases/);
    await expect(
      drillDown(db, { object: 'department', subject: own, ...PERIOD, fact: 'checks' }, TZ),
    ).rejects.toThrow(/not a fact of a department/);
  });
});

describe('facts and composite of regions', () => {
  it('scores streets with the region profile, by hand', async () => {
    const result = await evaluate(t().database.db, { object: 'street', ...PERIOD });
    expect(result.profile.key).toBe('region-unicom');
    const [first, second] = [
      result.rows.find((r) => r.subject === '110101001')!,
      result.rows.find((r) => r.subject === '110101002')!,
    ];
    expect(first.facts).toMatchObject({
      reported: 4,
      filed: 3,
      filed_by_inspector: 3,
      to_close: 3,
      closed: 3,
      closed_on_time: 2,
      handled: 4,
      reworks: 1,
      grids: 4,
    });
    // 监督 3/3 → 100 ×10 %; 立案 3/4 grids = 0.75 → 90 ×20 %; 结案 3/3 → 100 ×30 %; 按期 2/3 → 66.67 ×40 %
    // = 10 + 18 + 30 + 26.67 = 84.67 → B
    expect(first).toMatchObject({ composite: 84.67, grade: 'B', rank: 1 });
    expect(second.facts).toMatchObject({
      reported: 2,
      filed: 2,
      filed_by_inspector: 1,
      to_close: 2,
      closed: 0,
      returns: 1,
      extensions: 1,
      suspensions: 1,
      grids: 4,
    });
    // 监督 1/2 → 50 ×10 %; 立案 2/4 → 90 ×20 %; 结案 0; 按期 0 = 5 + 18 = 23 → E
    expect(second).toMatchObject({ composite: 23, grade: 'E', rank: 2 });
    expect(first.facts.area_km2).toBeGreaterThan(0);
  });

  it('evaluates communities and grids and refuses a foreign profile or an empty period', async () => {
    const result = await evaluate(t().database.db, { object: 'community', ...PERIOD });
    expect(result.rows.find((r) => r.subject === '110101001001')!.facts).toMatchObject({
      filed: 3,
      grids: 2,
    });
    const grids = await evaluate(t().database.db, { object: 'grid', ...PERIOD });
    expect(grids.rows.find((r) => r.subject === '110101001001001')!.facts).toMatchObject({
      filed: 3,
      grids: 1,
    });
    await expect(
      evaluate(t().database.db, { object: 'street', ...PERIOD, profileKey: 'department-unicom' }),
    ).rejects.toThrow(/no region profile/);
    await expect(
      evaluate(t().database.db, { object: 'street', from: PERIOD.from, to: PERIOD.from }),
    ).rejects.toThrow(/before to/);
  });

  it('compares with the previous month (环比) and the same period a year before (同比)', async () => {
    const result = await evaluate(t().database.db, { object: 'street', ...PERIOD, compare: 'mom' });
    const first = result.rows.find((r) => r.subject === '110101001')!;
    expect(result.compare).toEqual({
      kind: 'mom',
      from: DateTime.fromISO(PERIOD.from).minus({ months: 1 }).toISODate(),
      to: DateTime.fromISO(PERIOD.to).minus({ months: 1 }).toISODate(),
    });
    expect(first.previous).toBeDefined();
    const yoy = await evaluate(t().database.db, { object: 'street', ...PERIOD, compare: 'yoy' });
    const again = yoy.rows.find((r) => r.subject === '110101001')!;
    // A year ago nothing was reported or filed there: no item has a value, so there is nothing to
    // compare with (not a full 100 for a quiet year).
    expect(again.previous).toEqual({ composite: null, grade: null, rank: null });
    expect(again.change).toBeNull();
  });
});

describe('people (岗位), by hand', () => {
  it('inspector: 4 reports, 3 valid (F never filed), 4 verifications on time, nothing missed in the grids', async () => {
    const result = await evaluate(t().database.db, { object: 'inspector', ...PERIOD });
    const row = result.rows.find((r) => r.subject === String(cast.inspector.id))!;
    expect(row.facts).toMatchObject({
      reports: 4,
      valid_reports: 3,
      verifications: 4,
      verifications_on_time: 4,
    });
    expect(row.facts).toMatchObject({ grid_filed: 3, grid_filed_by_others: 0 });
    const values = Object.fromEntries(row.items.map((i) => [i.indicator, i.value]));
    expect(values).toEqual({
      'inspector.valid_report_rate': 0.75,
      'inspector.missed_report_rate': 0,
      'inspector.on_time_check_rate': null,
      'inspector.on_time_verify_rate': 1,
    });
    // 有效上报 75 ×40 + 漏报 100 ×20 + 核查 100 ×20, rescaled over 80: (30 + 20 + 20) / 0.8 = 87.5 → B
    expect(row).toMatchObject({ composite: 87.5, grade: 'B' });
  });

  it('operator: registered D and E, sent 4 verification tasks on time', async () => {
    const result = await evaluate(t().database.db, { object: 'operator', ...PERIOD });
    const row = result.rows.find((r) => r.subject === String(cast.operator.id))!;
    expect(row.facts).toMatchObject({ reports: 2, verify_tasks_sent: 4, verify_tasks_sent_on_time: 4 });
  });

  it('shift lead: 5 filings on time, none voided; 3 closings on time', async () => {
    const result = await evaluate(t().database.db, { object: 'shift_lead', ...PERIOD });
    const row = result.rows.find((r) => r.subject === String(cast.shiftLead.id))!;
    expect(row.facts).toMatchObject({
      filings: 5,
      filings_on_time: 5,
      filings_voided: 0,
      filings_kept: 5,
      closings: 3,
      closings_on_time: 3,
    });
    expect(row).toMatchObject({ composite: 100, grade: 'A', rank: 1 });
  });

  it('dispatcher: 6 dispatches on time, 2 undone (the return of D, the rework of B) → 4/6 accurate', async () => {
    const result = await evaluate(t().database.db, { object: 'dispatcher', ...PERIOD });
    const row = result.rows.find((r) => r.subject === String(cast.dispatcher.id))!;
    expect(row.facts).toMatchObject({
      dispatches: 6,
      dispatches_on_time: 6,
      dispatches_undone: 2,
      dispatches_accurate: 4,
    });
    // 按时 100 ×50 % + 准确 66.67 ×50 % = 83.33 → B
    expect(row).toMatchObject({ composite: 83.33, grade: 'B' });
  });
});

describe('rollups', () => {
  it('equal a recomputation from the history after the whole scenario', async () => {
    const db = t().database.db;
    expect(Object.fromEntries(await storedRollups(db))).toEqual(
      Object.fromEntries(await recomputeAll(db, TZ)),
    );
  });
});

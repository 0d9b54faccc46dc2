import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, garbageReport, report } from '../../test/helpers/cases.js';
import { STAFF_ROLES } from '../identity/actor.js';

const t = useTestApp();

describe('routing rules', () => {
  it('lets an admin add an ordered rule that then decides and explains the suggestion', async () => {
    const cast = await castFor(t());
    const admin = await t().user({ role: 'admin' });
    const created = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/routing-rules',
      payload: {
        position: 1,
        name: '暴露垃圾→园林局（测试）',
        kind: 'matter',
        classCodePrefix: '06010',
        regionCode: '110101001',
        departmentId: cast.otherDepartmentId,
      },
    });
    expect(created.statusCode).toBe(201);
    const c = await report(t(), cast.inspector, garbageReport(cast));
    expect(c).toMatchObject({
      suggestedDepartmentId: cast.otherDepartmentId,
      routingExplanation: expect.stringMatching(/^规则 1：暴露垃圾→园林局/),
    });
    const explain = await t().as(cast.dispatcher, {
      method: 'GET',
      url: `/api/v1/routing-rules/explain?classificationId=${cast.garbageClassId}&gridCode=110101002001001`,
    });
    expect(explain.json()).toMatchObject({
      departmentId: expect.any(Number),
      explanation: expect.stringMatching(/职责/),
    });

    const rule = created.json();
    const stale = await t().as(admin, {
      method: 'PUT',
      url: `/api/v1/routing-rules/${rule.id}`,
      payload: { ...pick(rule), active: false, version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const off = await t().as(admin, {
      method: 'PUT',
      url: `/api/v1/routing-rules/${rule.id}`,
      payload: { ...pick(rule), active: false, version: rule.version },
    });
    expect(off.json()).toMatchObject({ active: false, version: rule.version + 1 });
    const again = await report(t(), cast.inspector, garbageReport(cast));
    expect(again.suggestedDepartmentId).not.toBe(cast.otherDepartmentId);
    expect(
      (await t().as(admin, { method: 'DELETE', url: `/api/v1/routing-rules/${rule.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await t().as(admin, { method: 'DELETE', url: `/api/v1/routing-rules/${rule.id}` })).statusCode,
    ).toBe(404);
  });

  it.each([
    [{ position: 1, name: 'x' }, 'body.departmentId'],
    [{ position: 1, name: 'x', departmentId: 999999 }, 'body.departmentId'],
    [{ position: 1, name: 'x', departmentId: 1, regionCode: '110101999' }, 'body.regionCode'],
    [{ position: -1, name: 'x', useComponentOwner: true }, 'body.position'],
    [{ position: 1, name: '', useComponentOwner: true }, 'body.name'],
  ])('refuses %j naming %s', async (payload, field) => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, { method: 'POST', url: '/api/v1/routing-rules', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each(STAFF_ROLES.filter((r) => r !== 'admin'))(
    'lets %s read but not change the configuration',
    async (role) => {
      const user = await t().user({ role });
      expect((await t().as(user, { method: 'GET', url: '/api/v1/routing-rules' })).statusCode).toBe(200);
      expect((await t().as(user, { method: 'GET', url: '/api/v1/time-limits' })).statusCode).toBe(200);
      for (const request of [
        {
          method: 'POST' as const,
          url: '/api/v1/routing-rules',
          payload: { position: 1, name: 'x', useComponentOwner: true },
        },
        {
          method: 'PUT' as const,
          url: '/api/v1/time-limits/stage/filing/normal',
          payload: { amount: 10, unit: 'working_minutes', source: 'x' },
        },
        {
          method: 'PUT' as const,
          url: '/api/v1/calendar/overrides/2027-01-01',
          payload: { kind: 'holiday' },
        },
      ]) {
        expect((await t().as(user, request)).statusCode, request.url).toBe(403);
      }
      expect((await t().app.inject({ method: 'GET', url: '/api/v1/routing-rules' })).statusCode).toBe(401);
    },
  );
});

function pick(rule: Record<string, unknown>) {
  const { position, name, kind, standard, classCodePrefix, regionCode, useComponentOwner, departmentId } =
    rule;
  return { position, name, kind, standard, classCodePrefix, regionCode, useComponentOwner, departmentId };
}

describe('time limits', () => {
  it('lists the defaults with their sources and applies a changed handling limit to new dispatches', async () => {
    const cast = await castFor(t());
    const admin = await t().user({ role: 'admin' });
    const limits = (await t().as(admin, { method: 'GET', url: '/api/v1/time-limits' })).json();
    expect(limits.stage.length).toBe(10);
    expect(limits.handling.every((h: { source: string }) => h.source.length > 0)).toBe(true);
    const set = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/time-limits/handling',
      payload: {
        kind: 'matter',
        standard: 'GB/T 47678.5-2026',
        classCodePrefix: '06010',
        condition: 'default',
        urgency: 'normal',
        amount: 90,
        unit: 'natural_minutes',
        source: '测试：区标准第3条',
      },
    });
    expect(set.statusCode).toBe(200);
    let c = await report(t(), cast.inspector, garbageReport(cast));
    c = (
      await t().as(cast.shiftLead, {
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions/file`,
        payload: { version: c.version },
      })
    ).json();
    c = (
      await t().as(cast.dispatcher, {
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions/dispatch`,
        payload: { version: c.version, departmentId: cast.departmentId },
      })
    ).json();
    const handling = (c.clocks as Array<{ clock: string; limit: { amount: number; unit: string } }>).find(
      (k) => k.clock === 'handling',
    );
    expect(handling?.limit).toEqual({ amount: 90, unit: 'natural_minutes' });
  });

  it('refuses an unknown unit or clock', async () => {
    const admin = await t().user({ role: 'admin' });
    const badUnit = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/time-limits/stage/filing/normal',
      payload: { amount: 10, unit: 'fortnights', source: 'x' },
    });
    expect(badUnit.statusCode).toBe(400);
    const badClock = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/time-limits/stage/lunch/normal',
      payload: { amount: 10, unit: 'working_minutes', source: 'x' },
    });
    expect(badClock.statusCode).toBe(400);
  });
});

describe('working calendar', () => {
  it('knows Chinese holidays and 调休 workdays, and takes admin overrides', async () => {
    const admin = await t().user({ role: 'admin' });
    const week = (
      await t().as(admin, { method: 'GET', url: '/api/v1/calendar?from=2025-09-27&to=2025-10-11' })
    ).json();
    const byDate = Object.fromEntries(
      week.days.map((d: { date: string; working: boolean }) => [d.date, d.working]),
    );
    expect(byDate['2025-09-28']).toBe(true); // Sunday 调休 workday
    expect(byDate['2025-10-01']).toBe(false); // National Day
    expect(byDate['2025-10-11']).toBe(true); // Saturday 调休 workday
    expect(byDate['2025-09-27']).toBe(false); // an ordinary Saturday
    const set = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2027-02-08',
      payload: { kind: 'holiday', name: '春节（测试）' },
    });
    expect(set.statusCode).toBe(200);
    const after = (
      await t().as(admin, { method: 'GET', url: '/api/v1/calendar?from=2027-02-08&to=2027-02-08' })
    ).json();
    expect(after.days[0]).toMatchObject({ working: false });
    expect(
      (await t().as(admin, { method: 'DELETE', url: '/api/v1/calendar/overrides/2027-02-08' })).statusCode,
    ).toBe(204);
    const bad = await t().as(admin, { method: 'GET', url: '/api/v1/calendar?from=2025-01-01&to=2027-01-01' });
    expect(bad.statusCode).toBe(400);
  });
});

describe("a year's holiday schedule entered by an administrator", () => {
  const schedule = {
    holidays: [
      { from: '2029-01-01', to: '2029-01-01', name: '元旦' },
      { from: '2029-02-12', to: '2029-02-18', name: '春节' },
    ],
    workdays: [{ date: '2029-02-10', name: '春节调休' }],
  };

  it('says 2029 has no official data, then takes the whole year with its 调休 days, audited', async () => {
    const admin = await t().user({ role: 'admin' });
    const before = (
      await t().as(admin, { method: 'GET', url: '/api/v1/calendar?from=2028-12-25&to=2029-01-05' })
    ).json();
    expect(before.years).toEqual([
      { year: 2028, holidaySchedule: 'none' },
      { year: 2029, holidaySchedule: 'none' },
    ]);
    const put = await t().as(admin, { method: 'PUT', url: '/api/v1/calendar/years/2029', payload: schedule });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ year: 2029, holidays: 8, workdays: 1 });
    const after = (
      await t().as(admin, { method: 'GET', url: '/api/v1/calendar?from=2029-01-01&to=2029-02-18' })
    ).json();
    expect(after.years).toEqual([{ year: 2029, holidaySchedule: 'administrator' }]);
    const day = (date: string) => after.days.find((d: { date: string }) => d.date === date);
    expect(day('2029-01-01')).toMatchObject({ working: false, name: '元旦' });
    expect(day('2029-02-14')).toMatchObject({ working: false, name: '春节' });
    expect(day('2029-02-10')).toMatchObject({ working: true }); // a Saturday made a working day
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'calendar.year')
      .execute();
    expect(audit).toEqual([{ action: 'calendar.year', target_id: '2029' }]);
    // Entering the year again replaces it: 春节 moved, nothing of the first entry stays.
    const again = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/calendar/years/2029',
      payload: { holidays: [{ from: '2029-02-13', to: '2029-02-13', name: '春节' }], workdays: [] },
    });
    expect(again.json()).toEqual({ year: 2029, holidays: 1, workdays: 0 });
    const rows = await t()
      .database.db.selectFrom('calendar_overrides')
      .select('date')
      .where('date', '>=', '2029-01-01')
      .where('date', '<=', '2029-12-31')
      .execute();
    expect(rows.map((r) => r.date)).toEqual(['2029-02-13']);
  });

  it.each([
    [
      { ...schedule, holidays: [{ from: '2030-01-01', to: '2030-01-01', name: '元旦' }] },
      'body.holidays.0.from',
      'in 2029',
    ],
    [
      { ...schedule, holidays: [{ from: '2029-02-18', to: '2029-02-12', name: '春节' }] },
      'body.holidays.0.to',
      'on or after',
    ],
    [
      {
        ...schedule,
        holidays: [...schedule.holidays, { from: '2029-02-18', to: '2029-02-20', name: '重复' }],
      },
      'body.holidays.2',
      'overlaps',
    ],
    [
      { ...schedule, workdays: [{ date: '2029-02-13', name: '调休' }] },
      'body.workdays.0.date',
      'also a holiday',
    ],
    [{ ...schedule, workdays: [{ date: '2029-03-06', name: '调休' }] }, 'body.workdays.0.date', 'weekday'],
    [{ ...schedule, holidays: [] }, 'body.holidays', ''],
    [
      { ...schedule, holidays: [{ from: '2029-13-01', to: '2029-13-01', name: '元旦' }] },
      'body.holidays.0.from',
      '',
    ],
  ])('refuses a bad schedule, naming the field (%#), and writes nothing', async (payload, field, reason) => {
    const admin = await t().user({ role: 'admin' });
    const before = await t()
      .database.db.selectFrom('calendar_overrides')
      .selectAll()
      .orderBy('date')
      .execute();
    const response = await t().as(admin, { method: 'PUT', url: '/api/v1/calendar/years/2029', payload });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = response.json().errors as Array<{ field: string; reason: string }>;
    expect(errors.map((e) => e.field)).toContain(field);
    if (reason) expect(errors.find((e) => e.field === field)?.reason).toContain(reason);
    expect(
      await t().database.db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute(),
    ).toEqual(before);
  });

  it.each(['supervisor', 'dispatcher', 'handler', 'leader', 'inspector'] as const)(
    'refuses a %s',
    async (role) => {
      const user = await t().user({ role });
      const response = await t().as(user, {
        method: 'PUT',
        url: '/api/v1/calendar/years/2029',
        payload: schedule,
      });
      expect(response.statusCode).toBe(403);
    },
  );

  it('refuses anyone not logged in', async () => {
    const response = await t().as(null, {
      method: 'PUT',
      url: '/api/v1/calendar/years/2029',
      payload: schedule,
    });
    expect(response.statusCode).toBe(401);
  });
});

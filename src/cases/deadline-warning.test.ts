/** The case view warns when a deadline was computed over a year without a holiday schedule. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, filedCase } from '../../test/helpers/cases.js';

const t = useTestApp();

describe('a case whose deadline runs into 2027', () => {
  it('says its deadline uses an unconfirmed 2027 calendar, until an administrator enters 2027', async () => {
    const cast = await castFor(t());
    const c = await filedCase(t(), cast);
    // The clocks started half an hour before the end of 2026's last working day (Beijing time):
    // with no 2027 schedule they run on into 元旦, 2027-01-01, as if it were a working day.
    await sql`update case_clocks set started_at = '2026-12-31T17:00:00+08:00', stopped_at = null
              where case_id = ${c.id}`.execute(t().database.db);
    const view = async () =>
      (await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json<{
        deadlineWarning: unknown;
      }>();
    expect((await view()).deadlineWarning).toEqual({ code: 'CALENDAR_YEAR_UNCONFIRMED', years: [2027] });

    const admin = await t().user({ role: 'admin' });
    // One day's override (a local closure) does not confirm the year's national holidays.
    const oneDay = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2027-05-06',
      payload: { kind: 'holiday', name: '停电检修' },
    });
    expect(oneDay.statusCode, oneDay.body).toBeLessThan(300);
    expect((await view()).deadlineWarning).toEqual({ code: 'CALENDAR_YEAR_UNCONFIRMED', years: [2027] });

    const entered = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: { holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }], workdays: [] },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect((await view()).deadlineWarning).toBeNull();
  });

  it('has no warning for a case inside a known year', async () => {
    const cast = await castFor(t());
    const c = await filedCase(t(), cast);
    await sql`update case_clocks set started_at = '2026-03-02T10:00:00+08:00', stopped_at = '2026-03-02T11:00:00+08:00'
              where case_id = ${c.id}`.execute(t().database.db);
    const view = await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(view.json().deadlineWarning).toBeNull();
  });
});

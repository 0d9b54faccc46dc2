import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, step, filedCase } from '../../test/helpers/cases.js';
import { sweepDeadlines } from './sweep.js';

const t = useTestApp();

describe('deadline sweep', () => {
  it('raises overdue and escalation events exactly once, however often it runs', async () => {
    const cast = await castFor(t());
    let c = await filedCase(t(), cast, { description: '超时测试' });
    c = await step(t(), cast.dispatcher, c, 'dispatch');
    const later = { ...t().app.caseDeps, now: () => new Date(Date.now() + 60 * 86_400_000) };

    const first = await sweepDeadlines(t().database.db, later);
    expect(first.ran).toBe(true);
    expect(first.raised.overdue).toBeGreaterThanOrEqual(1);
    expect(first.raised.severely_overdue).toBeGreaterThanOrEqual(1);
    const again = await Promise.all([
      sweepDeadlines(t().database.db, later),
      sweepDeadlines(t().database.db, later),
    ]);
    for (const run of again) expect(run.raised).toEqual({ near: 0, overdue: 0, severely_overdue: 0 });

    const events = await t()
      .database.db.selectFrom('case_events')
      .select(['action', 'actor_role'])
      .where('case_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.action === 'overdue')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'escalate')).toEqual([
      { action: 'escalate', actor_role: 'system' },
    ]);
    const after = (await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    expect(after).toMatchObject({
      overdueTier: 'severely_overdue',
      escalated: true,
      counters: { escalations: 1 },
    });
    const inbox = (await t().as(cast.handler, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(
      inbox.items.filter(
        (n: { kind: string; caseId: string }) => n.kind === 'overdue' && n.caseId === String(c.id),
      ),
    ).toHaveLength(1);
    const filtered = (
      await t().as(cast.dispatcher, {
        method: 'GET',
        url: '/api/v1/cases?overdueTier=severely_overdue&limit=500',
      })
    ).json();
    expect(filtered.items.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it('warns the department once as the handling deadline nears, and leaves suspended cases alone', async () => {
    const cast = await castFor(t());
    let c = await filedCase(t(), cast, { description: '临近超时测试' });
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    const clock = (c.clocks as Array<{ clock: string; dueAt: string; startedAt: string }>).find(
      (k) => k.clock === 'handling',
    )!;
    // 90 % of the way to the deadline in wall time is past 80 % of the working time only on working days;
    // use just before the deadline instead, which is past 80 % whatever the calendar.
    const nearly = { ...t().app.caseDeps, now: () => new Date(new Date(clock.dueAt).getTime() - 60_000) };
    const run = await sweepDeadlines(t().database.db, nearly);
    expect(run.raised.near).toBeGreaterThanOrEqual(1);
    expect((await sweepDeadlines(t().database.db, nearly)).raised.near).toBe(0);

    c = (await t().as(cast.handler, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    c = await step(t(), cast.handler, c, 'accept');
    c = await step(t(), cast.handler, c, 'request-suspension', { reason: '等待施工' });
    c = await step(t(), cast.dispatcher, c, 'approve');
    const much = { ...t().app.caseDeps, now: () => new Date(Date.now() + 90 * 86_400_000) };
    await sweepDeadlines(t().database.db, much);
    const alerts = await t()
      .database.db.selectFrom('case_deadline_alerts')
      .select(['clock', 'level'])
      .where('case_id', '=', c.id)
      .where('clock', '=', 'handling')
      .execute();
    expect(alerts.map((a) => a.level)).toEqual(['near']);
  });
});

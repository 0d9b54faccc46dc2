import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, filedCase, step } from '../../test/helpers/cases.js';
import { sweepDeadlines } from './sweep.js';
import { timelineActor, timelineDetail, type TimelineRow } from './timeline.js';

const t = useTestApp();

function row(partial: Partial<TimelineRow>): TimelineRow {
  return {
    actor_id: null,
    actor_name: null,
    actor_role: null,
    action: 'report',
    note: null,
    changes: {},
    user_display_name: null,
    user_position: null,
    user_department: null,
    open311_application: null,
    ...partial,
  };
}

describe('timeline actors', () => {
  it('shows staff by name, role, post and department, never by login name', () => {
    expect(
      timelineActor(
        row({
          actor_id: 7,
          actor_name: 'inspector-016',
          actor_role: 'inspector',
          user_display_name: '王小明',
          user_department: '区城管委',
        }),
      ),
    ).toEqual({
      kind: 'staff',
      id: 7,
      name: '王小明',
      role: 'inspector',
      position: null,
      department: '区城管委',
    });
  });

  it('shows a citizen as a citizen, an Open311 client by its application, the sweep as the system', () => {
    expect(timelineActor(row({ actor_name: 'citizen:1', actor_role: 'admin' }))).toEqual({ kind: 'citizen' });
    expect(timelineActor(row({ actor_name: 'public', actor_role: 'admin' }))).toEqual({ kind: 'citizen' });
    expect(timelineActor(row({ actor_name: 'open311:ab12cd', open311_application: 'FixMyStreet' }))).toEqual({
      kind: 'open311',
      application: 'FixMyStreet',
    });
    expect(timelineActor(row({ actor_name: 'system', actor_role: 'system' }))).toEqual({ kind: 'system' });
  });
});

describe('timeline details', () => {
  it('reads the clock and minutes of an overdue event, from its changes or from an older row’s note', () => {
    expect(
      timelineDetail(
        row({
          action: 'overdue',
          note: '处置时限已超时 360 分钟（工作时间）',
          changes: { clock: { after: 'handling' }, overdue_minutes: { after: 360 } },
        }),
      ),
    ).toEqual({ kind: 'deadline_overdue', clock: 'handling', overdueMinutes: 360 });
    expect(
      timelineDetail(
        row({ action: 'overdue', note: 'filing 时限已超 360 分钟', changes: { clock: { after: 'filing' } } }),
      ),
    ).toEqual({ kind: 'deadline_overdue', clock: 'filing', overdueMinutes: 360 });
    expect(timelineDetail(row({ action: 'escalate', note: 'verify 时限已超三倍，自动督办' }))).toEqual({
      kind: 'deadline_escalation',
      clock: 'verify',
    });
    expect(timelineDetail(row({ action: 'merged-in', note: '110101-1 merged into this case' }))).toEqual({
      kind: 'merged_in',
      caseNumber: '110101-1',
    });
  });

  it('leaves a person’s escalation (督办 with their own reason) as written', () => {
    expect(timelineDetail(row({ action: 'escalate', actor_id: 3, note: '请加快处置' }))).toBeNull();
    expect(timelineDetail(row({ action: 'file', actor_id: 3 }))).toBeNull();
  });
});

describe('GET /cases/{id} timeline', () => {
  it('names each actor by 姓名, 岗位 and 部门, and the sweep’s events by clock and minutes, with no raw key', async () => {
    const cast = await castFor(t());
    const db = t().database.db;
    await db.updateTable('users').set({ display_name: '李处置' }).where('id', '=', cast.handler.id).execute();
    let c = await filedCase(t(), cast, { description: '办理过程测试' });
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    c = (await t().as(cast.handler, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    c = await step(t(), cast.handler, c, 'accept');
    const later = { ...t().app.caseDeps, now: () => new Date(Date.now() + 60 * 86_400_000) };
    await sweepDeadlines(db, later);
    // A citizen's follow-up and an Open311 client's event, as their intakes write them.
    const key = await db
      .insertInto('open311_api_keys')
      .values({ name: 'FixMyStreet', key_hash: `hash-${c.id}`, prefix: 'fms001' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('open311_requests').values({ case_id: c.id, api_key_id: key.id }).execute();
    for (const actor of ['citizen:1', 'open311:fms001'])
      await db
        .insertInto('case_events')
        .values({
          case_id: c.id,
          actor_id: null,
          actor_name: actor,
          actor_role: 'admin',
          action: 'citizen-update',
          from_status: 'in_progress',
          to_status: 'in_progress',
          note: '补充说明',
          attachments: '[]',
          changes: '{}',
          effects: '[]',
        })
        .execute();

    const response = await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(response.statusCode).toBe(200);
    const timeline = response.json().timeline as Array<{
      action: string;
      actor: Record<string, unknown>;
      detail: Record<string, unknown> | null;
      note: string | null;
    }>;
    const department = await db
      .selectFrom('departments')
      .select('name')
      .where('id', '=', cast.departmentId)
      .executeTakeFirstOrThrow();
    expect(timeline.find((e) => e.action === 'accept')!.actor).toEqual({
      kind: 'staff',
      id: cast.handler.id,
      name: '李处置',
      role: 'handler',
      position: null,
      department: department.name,
    });
    const overdue = timeline.filter((e) => e.action === 'overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    for (const e of overdue) {
      expect(e.actor).toEqual({ kind: 'system' });
      expect(e.detail).toMatchObject({ kind: 'deadline_overdue', overdueMinutes: expect.any(Number) });
      expect(e.note).toBeNull();
    }
    expect(overdue.map((e) => e.detail!.clock)).toContain('handling');
    expect(timeline.find((e) => e.action === 'escalate')!.detail).toMatchObject({
      kind: 'deadline_escalation',
    });
    expect(timeline.filter((e) => e.action === 'citizen-update').map((e) => e.actor)).toEqual([
      { kind: 'citizen' },
      { kind: 'open311', application: 'FixMyStreet' },
    ]);
    const text = JSON.stringify(timeline.map((e) => ({ actor: e.actor, note: e.note })));
    // Test accounts are named after their login, except the handler renamed above.
    expect(text).not.toContain(cast.handler.username);
    expect(text).not.toMatch(/citizen:|open311:|时限已超/);
  });
});

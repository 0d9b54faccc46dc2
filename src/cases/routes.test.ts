import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  act,
  castFor,
  garbageReport,
  report,
  step,
  type CaseBody,
  filedCase,
  photoOf,
  type CaseCast,
} from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { createWorkingCalendar, isWorkingDay } from '../calendar/index.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

async function events(id: number): Promise<string[]> {
  const rows = await t()
    .database.db.selectFrom('case_events')
    .select('action')
    .where('case_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('intake', () => {
  it('numbers, locates, routes and starts the filing clock, with allowed actions for the caller', async () => {
    const c = await report(t(), cast.inspector, garbageReport(cast));
    expect(c.number).toMatch(/^110101\d{8}\d{5}$/);
    expect(c).toMatchObject({
      status: 'reported',
      stage: 'collection',
      gridCode: '110101001001001',
      streetCode: '110101001',
      suggestedDepartmentId: cast.departmentId,
      source: 'inspector',
    });
    expect(c.routingExplanation).toMatch(/职责：测试城管执法局/);
    expect((c.clocks as Array<{ clock: string }>).map((k) => k.clock)).toEqual(['filing']);
    expect(c.allowedActions).toEqual(['self-handle']);
    const asLead = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(asLead.json().allowedActions).toEqual(
      expect.arrayContaining(['file', 'reject', 'send-check', 'cancel']),
    );
    expect(await events(c.id)).toEqual(['report']);
    const outbox = await sql<{
      topic: string;
    }>`select topic from outbox where aggregate_id = ${String(c.id)}`.execute(t().database.db);
    expect(outbox.rows.map((r) => r.topic)).toEqual(['case.reported']);
    const inbox = await t().as(cast.operator, { method: 'GET', url: '/api/v1/notifications' });
    expect(inbox.json().items.some((n: { caseId: string }) => n.caseId === String(c.id))).toBe(true);
  });

  it('accepts an Idempotency-Key: a retried report creates one case', async () => {
    const request = {
      method: 'POST' as const,
      url: '/api/v1/cases',
      payload: garbageReport(cast, { description: '重试的上报' }),
      headers: { 'idempotency-key': 'phone-retry-1' },
    };
    const first = await t().as(cast.inspector, request);
    const second = await t().as(cast.inspector, request);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const count = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('description', '=', '重试的上报')
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it.each([
    [{ classificationId: 999999 }, 'body.classificationId'],
    [{ location: { lng: 116.3, lat: 39.9 } }, 'body.location'],
    [{ location: null }, 'body.location'],
    [{ description: '' }, 'body.description'],
    [{ source: 'public' }, 'body.source'],
    [{ urgency: 'asap' }, 'body.urgency'],
    [{ beforePhotoIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.beforePhotoIds'],
  ])('refuses %j naming %s and writes nothing', async (overrides, field) => {
    const before = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t().as(cast.inspector, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...garbageReport(cast), ...overrides },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a report outside the reporter’s jurisdiction and roles that do not register cases', async () => {
    const b = gridCentre(2, 1, 1);
    const outside = await t().as(cast.inspector, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: garbageReport(cast, { location: b }),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('LOCATION_OUTSIDE_JURISDICTION');
    for (const user of [cast.dispatcher, cast.handler]) {
      const refused = await t().as(user, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: garbageReport(cast),
      });
      expect(refused.statusCode).toBe(403);
    }
    expect(
      (await t().app.inject({ method: 'POST', url: '/api/v1/cases', payload: garbageReport(cast) }))
        .statusCode,
    ).toBe(401);
  });
});

describe('reporter personal data at intake', () => {
  it('stores the caller encrypted, apart from the case, and shows it masked or in full by role', async () => {
    const body = garbageReport(cast, {
      source: 'hotline',
      description: '来电反映垃圾',
      reporter: { name: '王小明', phone: '13812345678', contactConsent: true },
    });
    const created = await t().as(cast.operator, { method: 'POST', url: '/api/v1/cases', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('13812345678');
    expect(created.body).not.toContain('王小明');
    const id = created.json().id as number;
    const stored = await sql<{
      row: string;
    }>`select row_to_json(r)::text as row from case_reporters r where case_id = ${id}`.execute(
      t().database.db,
    );
    expect(stored.rows[0]!.row).not.toContain('13812345678');
    expect(stored.rows[0]!.row).not.toContain('王小明');
    const full = await t().as(cast.operator, {
      method: 'GET',
      url: `/api/v1/cases/${id}/reporter?full=true`,
    });
    expect(full.json()).toMatchObject({ phone: '13812345678', name: '王小明' });
    const masked = await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${id}/reporter` });
    expect(masked.json()).toMatchObject({ phone: '138****5678' });
    expect(
      (await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${id}/reporter?full=true` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t().as(cast.inspector, { method: 'GET', url: `/api/v1/cases/${id}/reporter` })).statusCode,
    ).toBe(403);
    const reads = await t()
      .database.db.selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('action', '=', 'reporter.read')
      .where('target_id', '=', String(id))
      .execute();
    expect(reads.map((r) => r.actor_id).sort()).toEqual([cast.operator.id, cast.dispatcher.id].sort());
  });

  it('refuses a malformed phone number, naming the field, and creates no case', async () => {
    const before = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t().as(cast.operator, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: garbageReport(cast, {
        source: 'hotline',
        reporter: { phone: '12345', contactConsent: false },
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('body.reporter.phone');
    const after = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('the closed loop', () => {
  it('rejects a report with a reason (不予立案)', async () => {
    let c = await report(t(), cast.inspector, garbageReport(cast, { description: '不属于城管问题' }));
    const noReason = await act(t(), cast.shiftLead, c.id, 'reject', { version: c.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('CASE_INPUT_INVALID');
    c = await step(t(), cast.shiftLead, c, 'reject', { reason: '属于物业管理范围' });
    expect(c).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect((c.clocks as Array<{ stoppedAt: string | null }>).every((k) => k.stoppedAt !== null)).toBe(true);
  });

  it('files a report at the location the shift lead corrects, in its new grid', async () => {
    const reported = await report(t(), cast.inspector, garbageReport(cast, { description: '位置有误' }));
    const current = (
      await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported.id}` })
    ).json<CaseBody>();
    const corrected = gridCentre(1, 1, 2);
    const c = await step(t(), cast.shiftLead, current, 'file', {
      corrections: { location: { lng: corrected.lng, lat: corrected.lat } },
    });
    expect(c).toMatchObject({ status: 'filed', location: corrected });
    expect(c.gridCode).not.toBe(reported.gridCode);
    const filing = (c.timeline as Array<{ action: string; changes: Record<string, unknown> }>).find(
      (e) => e.action === 'file',
    );
    expect(filing?.changes).toMatchObject({
      location: { after: [corrected.lng, corrected.lat] },
      grid_code: { before: reported.gridCode, after: c.gridCode },
    });
  });

  it('flags a probable duplicate within 50 m and merges it into the open case', async () => {
    const first = await report(t(), cast.inspector, garbageReport(cast, { description: '第一次上报' }));
    const c = gridCentre(1, 1, 1);
    const second = await report(
      t(),
      cast.inspector,
      garbageReport(cast, { description: '重复上报', location: { lng: c.lng + 0.0001, lat: c.lat } }),
    );
    const asLead = (
      await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${second.id}` })
    ).json();
    const duplicate = asLead.probableDuplicates.find((d: { id: number }) => d.id === first.id);
    expect(duplicate.distanceM).toBeGreaterThan(5);
    expect(duplicate.distanceM).toBeLessThan(50);
    const self = await act(t(), cast.shiftLead, second.id, 'merge', {
      version: asLead.version,
      targetCaseId: second.id,
    });
    expect(self.statusCode).toBe(400);
    const merged = await step(t(), cast.shiftLead, asLead, 'merge', { targetCaseId: first.id });
    expect(merged).toMatchObject({ status: 'merged', duplicateOf: first.id });
    expect(await events(first.id)).toContain('merged-in');
  });

  it('runs check → file → dispatch → return → re-dispatch → extension → suspension → resume → rework → close → reopen → cancel', async () => {
    // An operator registers a hotline report and sends an on-site check (核实).
    let c = await report(
      t(),
      cast.operator,
      garbageReport(cast, { source: 'hotline', description: '市民来电：小区门口垃圾' }),
    );
    c = await step(t(), cast.operator, c, 'send-check');
    expect(c.status).toBe('check_pending');
    const wrongInspector = await act(t(), cast.otherInspector, c.id, 'check', {
      version: c.version,
      checkResult: 'confirmed',
    });
    expect(wrongInspector.statusCode).toBe(404);
    c = await step(t(), cast.inspector, c, 'check', { checkResult: 'confirmed', note: '现场确认' });
    expect(c).toMatchObject({ status: 'reported', checkResult: 'confirmed' });

    // The shift lead files it, correcting the urgency; the command center dispatches.
    const byDispatcher = await act(t(), cast.dispatcher, c.id, 'file', { version: c.version });
    expect(byDispatcher.statusCode).toBe(403);
    expect(byDispatcher.json()).toMatchObject({ code: 'CASE_FORBIDDEN_ROLE' });
    c = await step(t(), cast.shiftLead, c, 'file', { corrections: { urgency: 'urgent' } });
    expect(c).toMatchObject({ status: 'filed', urgency: 'urgent', stage: 'filing' });
    c = await step(t(), cast.dispatcher, c, 'dispatch', {});
    expect(c).toMatchObject({ status: 'dispatched', departmentId: cast.departmentId });
    expect((c.clocks as Array<{ clock: string }>).some((k) => k.clock === 'handling')).toBe(true);

    // Another department cannot touch it; this one says "not ours" and the dispatcher agrees.
    const otherDept = await act(t(), cast.otherHandler, c.id, 'accept', { version: c.version });
    expect(otherDept.statusCode).toBe(404);
    c = await step(t(), cast.handler, c, 'return', { reason: '应由园林部门处理' });
    c = await step(t(), cast.dispatcher, c, 'approve', { reason: '同意改派' });
    expect(c).toMatchObject({ status: 'filed', departmentId: null });
    expect((c.counters as { returns: number }).returns).toBe(1);
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    c = await step(t(), cast.handler, c, 'accept');
    expect(c.status).toBe('in_progress');

    // Extension (延期): the deadline moves to the approved date.
    const calendar = createWorkingCalendar();
    let day = new Date(Date.now() + 20 * 86_400_000);
    while (!isWorkingDay(calendar, day.toISOString().slice(0, 10)))
      day = new Date(day.getTime() + 86_400_000);
    const requestedDueAt = new Date(`${day.toISOString().slice(0, 10)}T10:00:00+08:00`).toISOString();
    c = await step(t(), cast.handler, c, 'request-extension', { reason: '需要协调产权单位', requestedDueAt });
    c = await step(t(), cast.dispatcher, c, 'approve');
    expect(c.status).toBe('in_progress');
    expect(new Date(c.handlingDueAt as string).getTime()).toBe(new Date(requestedDueAt).getTime());
    expect((c.counters as { extensions: number }).extensions).toBe(1);

    // Suspension (挂账): the handling clock stops until it resumes.
    c = await step(t(), cast.handler, c, 'request-suspension', { reason: '等待天气好转' });
    c = await step(t(), cast.dispatcher, c, 'approve');
    expect(c.status).toBe('suspended');
    const paused = (c.clocks as Array<{ clock: string; suspended: boolean; stoppedAt: string | null }>).find(
      (k) => k.clock === 'handling' && !k.stoppedAt,
    );
    expect(paused?.suspended).toBe(true);
    c = await step(t(), cast.dispatcher, c, 'resume');
    expect(c.status).toBe('in_progress');

    // Handling with an after-photo; verification fails (返工), then passes.
    const photo = await photoOf(t(), cast.handler);
    const foreignPhoto = await photoOf(t(), cast.otherHandler);
    const stolen = await act(t(), cast.handler, c.id, 'handle', {
      version: c.version,
      note: '已清理',
      afterPhotoIds: [foreignPhoto],
    });
    expect(stolen.statusCode).toBe(400);
    c = await step(t(), cast.handler, c, 'handle', { note: '已清理完毕', afterPhotoIds: [photo] });
    expect(c.status).toBe('handled');
    const asInspector = await t().as(cast.inspector, { method: 'GET', url: `/api/v1/files/${photo}` });
    expect(asInspector.statusCode).toBe(200);
    expect(asInspector.headers['content-type']).toBe('image/jpeg');
    c = await step(t(), cast.operator, c, 'send-verify');
    c = await step(t(), cast.inspector, c, 'fail', { reason: '仍有残留' });
    expect(c.status).toBe('in_progress');
    expect((c.counters as { reworks: number }).reworks).toBe(1);
    c = await step(t(), cast.handler, c, 'handle', { note: '已彻底清理', afterPhotoIds: [photo] });
    c = await step(t(), cast.operator, c, 'send-verify');
    c = await step(t(), cast.inspector, c, 'pass', { note: '核查通过' });
    c = await step(t(), cast.shiftLead, c, 'close');
    expect(c).toMatchObject({ status: 'closed', closureType: 'normal' });

    // Reopen within the window (counted), then cancel with a reason.
    c = await step(t(), cast.shiftLead, c, 'reopen', { reason: '市民反映问题复现' });
    expect((c.counters as { reopenings: number }).reopenings).toBe(1);
    expect(c.closedAt).toBeNull();
    c = await step(t(), cast.shiftLead, c, 'cancel', { reason: '重复立案' });
    expect(c.status).toBe('cancelled');

    const timeline = (await t().as(cast.leader, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json()
      .timeline as Array<{ action: string }>;
    expect(timeline.map((e) => e.action)).toEqual([
      'report',
      'send-check',
      'check',
      'file',
      'dispatch',
      'return',
      'approve',
      'dispatch',
      'accept',
      'request-extension',
      'approve',
      'request-suspension',
      'approve',
      'resume',
      'handle',
      'send-verify',
      'fail',
      'handle',
      'send-verify',
      'pass',
      'close',
      'reopen',
      'cancel',
    ]);
    await expect(
      sql`update case_events set note = 'x' where case_id = ${c.id}`.execute(t().database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('denies a pending request with a reason: the case goes back to work and the deadline stays', async () => {
    let c = await filedCase(t(), cast);
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    c = await step(t(), cast.handler, c, 'accept');
    const due = c.handlingDueAt;
    c = await step(t(), cast.handler, c, 'request-extension', {
      reason: '材料未到',
      requestedDueAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    const noReason = await act(t(), cast.dispatcher, c.id, 'deny', { version: c.version });
    expect(noReason.statusCode).toBe(400);
    const notTheirs = await act(t(), cast.handler, c.id, 'approve', { version: c.version });
    expect(notTheirs.statusCode).toBe(403);
    c = await step(t(), cast.dispatcher, c, 'deny', { reason: '时限内可完成' });
    expect(c).toMatchObject({ status: 'in_progress', handlingDueAt: due, counters: { extensions: 0 } });

    let d = await filedCase(t(), cast);
    d = await step(t(), cast.dispatcher, d, 'dispatch', { departmentId: cast.departmentId });
    d = await step(t(), cast.handler, d, 'return', { reason: '非本部门' });
    d = await step(t(), cast.dispatcher, d, 'deny', { reason: '属本部门职责' });
    expect(d).toMatchObject({
      status: 'dispatched',
      departmentId: cast.departmentId,
      counters: { returns: 0 },
    });
  });

  it('lets an inspector self-handle a small problem, reviewed and closed by the shift lead', async () => {
    const photo = await photoOf(t(), cast.inspector);
    const c = await report(
      t(),
      cast.inspector,
      garbageReport(cast, {
        description: '散落垃圾，已随手清理',
        selfHandled: { note: '已清理', afterPhotoIds: [photo] },
      }),
    );
    expect(c.status).toBe('self_handled');
    const closed = await step(
      t(),
      cast.shiftLead,
      (await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json(),
      'close',
    );
    expect(closed.status).toBe('closed');
  });

  it('escalates (督办) an open case, flags it and tells the department', async () => {
    let c = await filedCase(t(), cast);
    c = await step(t(), cast.dispatcher, c, 'dispatch');
    const noNote = await act(t(), cast.leader, c.id, 'escalate', { version: c.version });
    expect(noNote.statusCode).toBe(400);
    c = await step(t(), cast.leader, c, 'escalate', { note: '群众反映强烈，请尽快处理' });
    expect(c).toMatchObject({ escalated: true, status: 'dispatched' });
    const inbox = await t().as(cast.handler, { method: 'GET', url: '/api/v1/notifications?unread=true' });
    expect(
      inbox
        .json()
        .items.some(
          (n: { kind: string; caseId: string }) => n.kind === 'escalated' && n.caseId === String(c.id),
        ),
    ).toBe(true);
  });

  it('answers an illegal action with 409 naming the allowed ones', async () => {
    const c = await report(t(), cast.inspector, garbageReport(cast));
    const response = await act(t(), cast.shiftLead, c.id, 'close', { version: c.version });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CASE_ILLEGAL_ACTION',
      allowedActions: expect.arrayContaining(['file', 'reject']),
    });
  });
});

describe('concurrency and versions', () => {
  it('lets exactly one of two dispatchers win; the other gets 409 and nothing is written twice', async () => {
    const c = await filedCase(t(), cast);
    const second = await t().user({ role: 'dispatcher' });
    const results = await Promise.all([
      act(t(), cast.dispatcher, c.id, 'dispatch', { version: c.version, departmentId: cast.departmentId }),
      act(t(), second, c.id, 'dispatch', { version: c.version, departmentId: cast.otherDepartmentId }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('VERSION_CONFLICT');
    expect((await events(c.id)).filter((a) => a === 'dispatch')).toHaveLength(1);
  });
});

describe('jurisdiction and lists', () => {
  it('hides a case from staff of another street and from other departments', async () => {
    const c = await report(t(), cast.inspector, garbageReport(cast));
    expect(
      (await t().as(cast.otherInspector, { method: 'GET', url: `/api/v1/cases/${c.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await t().as(cast.otherHandler, { method: 'GET', url: `/api/v1/cases/${c.id}` })).statusCode,
    ).toBe(404);
    const list = await t().as(cast.otherInspector, { method: 'GET', url: '/api/v1/cases?limit=500' });
    expect(list.json().items.some((x: { id: number }) => x.id === c.id)).toBe(false);
    const geo = await t().as(cast.otherInspector, { method: 'GET', url: '/api/v1/cases/geojson' });
    expect(JSON.parse(geo.body).features.some((f: { id: number }) => f.id === c.id)).toBe(false);
  });

  it('filters by status, region and text, pages with a cursor, and exports GeoJSON', async () => {
    const a = await report(t(), cast.inspector, garbageReport(cast, { description: '列表测试甲' }));
    const b = await report(t(), cast.inspector, garbageReport(cast, { description: '列表测试乙' }));
    const byText = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent('列表测试')}&limit=1`,
    });
    expect(byText.json().items.map((x: { id: number }) => x.id)).toEqual([b.id]);
    const next = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent('列表测试')}&limit=1&cursor=${byText.json().nextCursor}`,
    });
    expect(next.json().items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    const byStatus = await t().as(cast.leader, {
      method: 'GET',
      url: '/api/v1/cases?status=reported,filed&regionCode=110101001&limit=500',
    });
    expect(
      byStatus
        .json()
        .items.every(
          (x: { status: string; gridCode: string }) =>
            ['reported', 'filed'].includes(x.status) && x.gridCode.startsWith('110101001'),
        ),
    ).toBe(true);
    const bad = await t().as(cast.leader, { method: 'GET', url: '/api/v1/cases?status=open' });
    expect(bad.statusCode).toBe(400);
    const geo = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/cases/geojson?q=${encodeURIComponent('列表测试')}`,
    });
    expect(geo.headers['content-type']).toMatch(/geo\+json/);
    expect(
      JSON.parse(geo.body).features.map((f: { properties: { number: string } }) => f.properties.number),
    ).toEqual([b.number, a.number]);
  });

  it('counts what the list would page through, in the caller’s jurisdiction', async () => {
    const a = await report(t(), cast.inspector, garbageReport(cast, { description: '计数测试甲' }));
    await report(t(), cast.inspector, garbageReport(cast, { description: '计数测试乙' }));
    await step(t(), cast.shiftLead, a, 'file');
    const q = `q=${encodeURIComponent('计数测试')}`;
    const count = async (user: TestUser | null, query: string) => {
      const response = await t().as(user, { method: 'GET', url: `/api/v1/cases/count?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ count: number }>().count;
    };
    expect(await count(cast.leader, q)).toBe(2);
    expect(await count(cast.leader, `${q}&status=filed`)).toBe(1);
    expect(await count(cast.leader, `${q}&status=reported,filed&regionCode=110101001`)).toBe(2);
    expect(await count(cast.leader, `${q}&status=closed`)).toBe(0);
    // The same number as the list, over every case the leader sees.
    const list = await t().as(cast.leader, { method: 'GET', url: '/api/v1/cases?status=reported&limit=500' });
    expect(list.json().nextCursor).toBeNull();
    expect(await count(cast.leader, 'status=reported')).toBe(list.json().items.length);
    // Jurisdiction: another street's inspector and another department see none of them.
    expect(await count(cast.otherInspector, q)).toBe(0);
    expect(await count(cast.otherHandler, q)).toBe(0);
    expect(await count(cast.inspector, q)).toBe(2);
  });

  it.each([
    ['status=open', 'querystring.status'],
    ['classificationId=abc', 'querystring.classificationId'],
    ['bbox=10,10,5,5', 'querystring.bbox'],
    ['from=yesterday', 'querystring.from'],
  ])('refuses a count with %s, naming the field', async (query, field) => {
    const response = await t().as(cast.leader, { method: 'GET', url: `/api/v1/cases/count?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a count without a login, like the list', async () => {
    for (const url of ['/api/v1/cases', '/api/v1/cases/count']) {
      const response = await t().as(null, { method: 'GET', url });
      expect(response.statusCode).toBe(401);
    }
  });
});

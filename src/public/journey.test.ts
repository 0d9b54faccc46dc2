/**
 * The whole citizen journey through the real case loop: anonymous report → staff act through the
 * existing case actions → public status and notes change → closed with an after-photo → rating →
 * reopen request → accepted by the shift lead → the case is reopened. And the ways out of it:
 * rejection with a public reason, merging, declined reopen requests, a passed reopen window.
 */
import sharp from 'sharp';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, step, type CaseBody, type CaseCast } from '../../test/helpers/cases.js';
import { formOf, phonePhoto } from '../../test/helpers/images.js';
import {
  bearer,
  caseIdOf,
  citizen,
  reportBody,
  submit,
  track,
  type Submitted,
} from '../../test/helpers/citizens.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

interface View {
  publicStatus: string;
  notes: Array<{ text: string; status: string }>;
  photos: {
    before: Array<{ id: string; url: string }>;
    after: Array<{ id: string; url: string; thumbnailUrl: string }>;
  };
  rating: { score: number; comment: string | null } | null;
  canRate: boolean;
  canRequestReopen: boolean;
  reopenRequest: { status: string } | null;
  expectedBy: string | null;
  closedAt: string | null;
  [key: string]: unknown;
}

async function view(code: string): Promise<View> {
  const response = await track(t(), code);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<View>();
}

async function read(user: TestUser, id: number): Promise<CaseBody> {
  const response = await t().as(user, { method: 'GET', url: `/api/v1/cases/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseBody>();
}

async function act(user: TestUser, id: number, action: string, body: Record<string, unknown> = {}) {
  return step(t(), user, await read(user, id), action, body);
}

async function staffPhoto(user: TestUser): Promise<string> {
  const response = await t().as(user, {
    method: 'POST',
    url: '/api/v1/files',
    payload: formOf({ data: await phonePhoto(320, 240) }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ files: Array<{ id: string }> }>().files[0]!.id;
}

async function newReport(overrides: Record<string, unknown> = {}): Promise<{ code: string; id: number }> {
  const response = await submit(t(), reportBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  const code = response.json<Submitted>().trackingCode;
  return { code, id: await caseIdOf(t(), code) };
}

/** Runs a fresh report through filing, dispatch, handling (with an after-photo), verification and closure. */
async function closedReport(): Promise<{ code: string; id: number; afterPhoto: string }> {
  const { code, id } = await newReport();
  await act(cast.shiftLead, id, 'file');
  await act(cast.dispatcher, id, 'dispatch', { departmentId: cast.departmentId });
  await act(cast.handler, id, 'accept');
  const afterPhoto = await staffPhoto(cast.handler);
  await act(cast.handler, id, 'handle', { note: '已清运', afterPhotoIds: [afterPhoto] });
  await act(cast.operator, id, 'send-verify');
  await act(cast.inspector, id, 'pass');
  await act(cast.shiftLead, id, 'close');
  return { code, id, afterPhoto };
}

function rate(code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t().app.inject({
    method: 'POST',
    url: `/api/v1/public/reports/${code}/rating`,
    payload: body,
    headers,
  });
}

async function reopenRequestOf(caseId: number): Promise<{ id: number; version: number }> {
  const row = await t()
    .database.db.selectFrom('reopen_requests')
    .select(['id', 'version'])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row;
}

function decide(user: TestUser | null, id: number, action: string, body: Record<string, unknown> = {}) {
  return t().as(user, {
    method: 'POST',
    url: `/api/v1/reopen-requests/${id}/actions/${action}`,
    payload: body,
  });
}

describe('the citizen journey', () => {
  it('follows the case through the loop, rates it, asks for a reopening and gets the case reopened', async () => {
    const { code, id } = await newReport();
    let v = await view(code);
    expect(v.publicStatus).toBe('received');
    expect(v.notes.map((n) => n.text)).toEqual(['您的反映已收到，我们将尽快核实处理。']);
    expect(v.expectedBy).not.toBeNull();

    await act(cast.shiftLead, id, 'file', { note: '内部：已电话核实' });
    await act(cast.dispatcher, id, 'dispatch', {
      departmentId: cast.departmentId,
      publicNote: '已交由城管执法部门处理。',
    });
    v = await view(code);
    expect(v.publicStatus).toBe('accepted');
    expect(v.notes.map((n) => n.text)).toContain('已交由城管执法部门处理。');
    expect(JSON.stringify(v)).not.toContain('内部：已电话核实');

    await act(cast.handler, id, 'accept');
    const detail = await read(cast.handler, id);
    v = await view(code);
    expect(v.publicStatus).toBe('in_progress');
    expect(v.expectedBy).toBe(detail.handlingDueAt);

    const staffNote = await t().as(cast.handler, {
      method: 'POST',
      url: `/api/v1/cases/${id}/public-notes`,
      payload: { text: '清运车辆已出发，预计今天下午完成。' },
    });
    expect(staffNote.statusCode, staffNote.body).toBe(201);
    expect(staffNote.json()).toMatchObject({
      status: 'in_progress',
      text: '清运车辆已出发，预计今天下午完成。',
    });

    const afterPhoto = await staffPhoto(cast.handler);
    await act(cast.handler, id, 'handle', { note: '内部：三人两车清运完毕', afterPhotoIds: [afterPhoto] });
    v = await view(code);
    expect(v.publicStatus).toBe('resolved');
    // The after-photo is shown once the case is closed, not before.
    expect(v.photos.after).toEqual([]);
    const early = await t().app.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${code}/photos/${afterPhoto}`,
    });
    expect(early.statusCode).toBe(404);

    const tooEarly = await rate(code, { score: 5 });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().code).toBe('RATING_NOT_OPEN');

    await act(cast.operator, id, 'send-verify');
    await act(cast.inspector, id, 'pass');
    await act(cast.shiftLead, id, 'close');
    v = await view(code);
    expect(v).toMatchObject({
      publicStatus: 'closed',
      canRate: true,
      canRequestReopen: true,
      expectedBy: null,
    });
    expect(v.closedAt).not.toBeNull();
    expect(v.photos.after.map((p) => p.id)).toEqual([afterPhoto]);
    const photo = await t().app.inject({ method: 'GET', url: v.photos.after[0]!.url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(photo.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await t().app.inject({ method: 'GET', url: v.photos.after[0]!.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    expect(v.notes.map((n) => n.status)).toEqual([
      'received',
      'accepted',
      'accepted',
      'in_progress',
      'in_progress',
      'resolved',
      'closed',
    ]);
    expect(v.notes.at(-1)!.text).toBe('您反映的问题已办结，欢迎对处置结果进行评价。');
    for (const internal of ['内部', cast.handler.username, cast.shiftLead.username])
      expect(JSON.stringify(v)).not.toContain(internal);

    const rated = await rate(code, {
      score: 1,
      comment: '垃圾第二天又堆满了',
      requestReopen: true,
      reason: '没有清理干净',
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({
      rating: { score: 1, comment: '垃圾第二天又堆满了' },
      canRate: false,
      canRequestReopen: false,
      reopenRequest: { status: 'pending' },
    });
    const stored = await t()
      .database.db.selectFrom('case_ratings')
      .select(['case_id', 'score', 'comment', 'created_at', 'request_reopen'])
      .where('case_id', '=', id)
      .execute();
    expect(stored).toMatchObject([
      { case_id: id, score: 1, comment: '垃圾第二天又堆满了', request_reopen: true },
    ]);

    const again = await rate(code, { score: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');

    // The supervision center is told and lists it.
    const notices = await t()
      .database.db.selectFrom('notifications')
      .select(['user_id', 'kind', 'title', 'case_id'])
      .where('kind', '=', 'reopen_requested')
      .where('case_id', '=', String(id))
      .execute();
    expect(notices.map((n) => n.user_id)).toEqual(
      expect.arrayContaining([cast.shiftLead.id, cast.operator.id]),
    );
    expect(notices.map((n) => n.user_id)).not.toContain(cast.handler.id);
    const list = await t().as(cast.operator, {
      method: 'GET',
      url: '/api/v1/reopen-requests?status=pending',
    });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json<{ items: Array<Record<string, unknown>> }>().items.find((i) => i.caseId === id);
    expect(item).toMatchObject({
      score: 1,
      comment: '垃圾第二天又堆满了',
      reason: '没有清理干净',
      status: 'pending',
    });

    const request = await reopenRequestOf(id);
    const byOperator = await decide(cast.operator, request.id, 'accept');
    expect(byOperator.statusCode).toBe(403);
    const stale = await decide(cast.shiftLead, request.id, 'accept', { version: request.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const accepted = await decide(cast.shiftLead, request.id, 'accept', {
      version: request.version,
      note: '已安排责任单位重新清理。',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      caseStatus: 'filed',
      version: request.version + 1,
    });
    const reopened = await read(cast.shiftLead, id);
    expect(reopened).toMatchObject({ status: 'filed', closedAt: null });
    expect((reopened.counters as { reopenings: number }).reopenings).toBe(1);
    const lastEvent = (reopened.timeline as Array<{ action: string; reason: string }>).at(-1)!;
    expect(lastEvent.action).toBe('reopen');
    expect(lastEvent.reason).toMatch(/市民评价 1 分/);
    v = await view(code);
    expect(v.publicStatus).toBe('accepted');
    expect(v.reopenRequest).toMatchObject({ status: 'accepted' });
    expect(v.notes.at(-1)!.text).toBe('您反映的问题已重新受理。已安排责任单位重新清理。');
    expect(v.photos.after).toEqual([]);

    const twice = await decide(cast.shiftLead, request.id, 'decline', { note: '重复' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('REOPEN_REQUEST_DECIDED');
  });

  it('declines a reopen request with a note the reporter reads; the case stays closed', async () => {
    const { code, id } = await closedReport();
    expect((await rate(code, { score: 2, requestReopen: true })).statusCode).toBe(201);
    const request = await reopenRequestOf(id);
    const noNote = await decide(cast.shiftLead, request.id, 'decline', {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors).toEqual([{ field: 'body.note', reason: expect.any(String) }]);
    const declined = await decide(cast.shiftLead, request.id, 'decline', {
      note: '经现场复核，垃圾已清理完毕。',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      decisionNote: '经现场复核，垃圾已清理完毕。',
    });
    const v = await view(code);
    expect(v.publicStatus).toBe('closed');
    expect(v.reopenRequest).toMatchObject({ status: 'declined' });
    expect(v.notes.at(-1)).toMatchObject({
      text: '您的重新办理申请未予受理：经现场复核，垃圾已清理完毕。',
      status: 'closed',
    });
    expect((await read(cast.shiftLead, id)).status).toBe('closed');
  });

  it('keeps a reopen request pending when the reopen window has passed by the time it is accepted', async () => {
    const { code, id } = await closedReport();
    expect((await rate(code, { score: 1, requestReopen: true })).statusCode).toBe(201);
    await sql`update cases set closed_at = now() - interval '40 days' where id = ${id}`.execute(
      t().database.db,
    );
    const request = await reopenRequestOf(id);
    const late = await decide(cast.shiftLead, request.id, 'accept');
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('CASE_GUARD_FAILED');
    expect((await reopenRequestOf(id)).version).toBe(request.version);
    expect((await read(cast.shiftLead, id)).status).toBe('closed');
  });

  it('refuses a reopening request after the window but takes the rating alone', async () => {
    const { code, id } = await closedReport();
    await sql`update cases set closed_at = now() - interval '40 days' where id = ${id}`.execute(
      t().database.db,
    );
    expect((await view(code)).canRequestReopen).toBe(false);
    const late = await rate(code, { score: 1, requestReopen: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REOPEN_WINDOW_PASSED');
    const count = await t()
      .database.db.selectFrom('case_ratings')
      .select('id')
      .where('case_id', '=', id)
      .execute();
    expect(count).toEqual([]);
    expect((await rate(code, { score: 1 })).statusCode).toBe(201);
  });

  it('answers a rating retried with the same Idempotency-Key with the first answer', async () => {
    const { code } = await closedReport();
    const headers = { 'idempotency-key': `rate-${code}` };
    const first = await rate(code, { score: 4, comment: '不错' }, headers);
    const retry = await rate(code, { score: 4, comment: '不错' }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
  });

  it.each([
    ['body.score', { score: 0 }],
    ['body.score', { score: 6 }],
    ['body.score', { score: '好' }],
    ['body.score', {}],
    ['body.requestReopen', { score: 4, requestReopen: true }],
    ['body.reason', { score: 1, reason: '没修' }],
    ['body.comment', { score: 1, comment: '长'.repeat(501) }],
    ['body.extra', { score: 1, extra: true }],
  ])('refuses a rating with a bad %s, and stores nothing', async (field, body) => {
    const { code, id } = await closedReport();
    const response = await rate(code, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(
      await t().database.db.selectFrom('case_ratings').select('id').where('case_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('refuses ratings of unknown or malformed tracking codes', async () => {
    const unknown = await rate('2345-6789-ABCD'.replace(/D$/, 'X'), { score: 5 });
    expect([400, 404]).toContain(unknown.statusCode);
    const malformed = await rate('not-a-code', { score: 5 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('params.trackingCode');
  });
});

describe('rejection and merging', () => {
  it('shows a rejection with its public reason, never the internal one', async () => {
    const { code, id } = await newReport();
    await act(cast.shiftLead, id, 'reject', {
      reason: '内部：疑似恶意重复举报',
      publicNote: '该处为居民小区内部道路，请联系物业处理。',
    });
    const v = await view(code);
    expect(v.publicStatus).toBe('rejected');
    expect(v.expectedBy).toBeNull();
    expect(v.canRate).toBe(false);
    expect(v.notes.at(-1)).toEqual({
      at: expect.any(String),
      text: '经审核，您反映的问题不予立案。该处为居民小区内部道路，请联系物业处理。',
      status: 'rejected',
    });
    expect(JSON.stringify(v)).not.toContain('恶意');
  });

  it('shows a merged report with the status of the case it joined', async () => {
    const first = await newReport();
    const second = await newReport();
    await act(cast.shiftLead, first.id, 'file');
    await act(cast.dispatcher, first.id, 'dispatch', { departmentId: cast.departmentId });
    await act(cast.handler, first.id, 'accept');
    await act(cast.operator, second.id, 'merge', { targetCaseId: first.id });
    const v = await view(second.code);
    expect(v.publicStatus).toBe('in_progress');
    expect(v.notes.at(-1)).toMatchObject({
      text: '您反映的问题已有其他市民反映，将合并处理。',
      status: 'in_progress',
    });
  });
});

describe('reopen requests: who may see and decide', () => {
  let requestId: number;
  beforeAll(async () => {
    const { code, id } = await closedReport();
    expect((await rate(code, { score: 1, requestReopen: true })).statusCode).toBe(201);
    requestId = (await reopenRequestOf(id)).id;
  });

  it.each(['dispatcher', 'handler', 'inspector', 'leader'] as const)(
    'refuses the list to a %s',
    async (who) => {
      const response = await t().as(cast[who], { method: 'GET', url: '/api/v1/reopen-requests' });
      expect(response.statusCode).toBe(403);
    },
  );

  it('refuses the anonymous and citizens', async () => {
    expect((await t().as(null, { method: 'GET', url: '/api/v1/reopen-requests' })).statusCode).toBe(401);
    const someone = await citizen(t());
    const response = await t().app.inject({
      method: 'GET',
      url: '/api/v1/reopen-requests',
      headers: bearer(someone),
    });
    expect(response.statusCode).toBe(403);
  });

  it('lists only requests in the supervisor’s jurisdiction', async () => {
    const elsewhere = await t().user({ role: 'supervisor', position: 'shift_lead', regions: ['110101002'] });
    const list = await t().as(elsewhere, { method: 'GET', url: '/api/v1/reopen-requests' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).not.toContain(requestId);
    const decision = await decide(elsewhere, requestId, 'accept');
    expect(decision.statusCode).toBe(404);
    const admin = await t().user({ role: 'admin' });
    const all = await t().as(admin, { method: 'GET', url: '/api/v1/reopen-requests?limit=1' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toHaveLength(1);
  });

  it.each(['dispatcher', 'handler', 'inspector', 'leader', 'operator'] as const)(
    'refuses decisions by a %s and changes nothing',
    async (who) => {
      for (const action of ['accept', 'decline']) {
        const response = await decide(cast[who], requestId, action, { note: '不同意' });
        expect(response.statusCode).toBe(403);
      }
      const row = await t()
        .database.db.selectFrom('reopen_requests')
        .select('status')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
    },
  );

  it('answers bad requests with the field', async () => {
    expect((await decide(cast.shiftLead, requestId, 'approve')).statusCode).toBe(400);
    expect((await decide(cast.shiftLead, 999_999, 'accept')).statusCode).toBe(404);
    const extra = await decide(cast.shiftLead, requestId, 'accept', { because: 'x' });
    expect(extra.statusCode).toBe(400);
    const status = await t().as(cast.operator, { method: 'GET', url: '/api/v1/reopen-requests?status=open' });
    expect(status.statusCode).toBe(400);
    expect(status.json().errors[0].field).toMatch(/status/);
  });
});

describe('staff public notes', () => {
  let id: number;
  let code: string;
  beforeAll(async () => {
    ({ id, code } = await newReport());
  });

  const write = (user: TestUser | null, text: unknown, caseId = id, headers: Record<string, string> = {}) =>
    t().as(user, { method: 'POST', url: `/api/v1/cases/${caseId}/public-notes`, payload: { text }, headers });

  it('lets supervisors and dispatchers in scope write them, shown in the public view', async () => {
    expect((await write(cast.operator, '已安排人员核实。')).statusCode).toBe(201);
    expect((await write(cast.dispatcher, '正在确定责任单位。')).statusCode).toBe(201);
    const notes = (await view(code)).notes.map((n) => n.text);
    expect(notes).toEqual(expect.arrayContaining(['已安排人员核实。', '正在确定责任单位。']));
    const list = await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${id}/public-notes` });
    expect(list.json().items).toHaveLength(3);
  });

  it.each(['inspector', 'leader'] as const)('refuses a %s', async (who) => {
    expect((await write(cast[who], '你好')).statusCode).toBe(403);
  });

  it('refuses a handler of a department the case is not dispatched to (outside jurisdiction)', async () => {
    expect((await write(cast.otherHandler, '你好')).statusCode).toBe(404);
  });

  it('refuses the anonymous and citizen tokens', async () => {
    expect((await write(null, '你好')).statusCode).toBe(401);
    const someone = await citizen(t());
    const response = await t().app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/public-notes`,
      payload: { text: '你好' },
      headers: bearer(someone),
    });
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['', 'body.text'],
    ['   ', 'body.text'],
    ['长'.repeat(1001), 'body.text'],
    [{ zh: '你好' }, 'body.text'],
  ])('refuses bad note text (case %#)', async (text, field) => {
    const response = await write(cast.operator, text);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe(field);
  });

  it('answers 404 for an unknown case', async () => {
    expect((await write(cast.operator, '你好', 999_999)).statusCode).toBe(404);
  });
});

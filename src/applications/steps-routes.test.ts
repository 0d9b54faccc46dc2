import { describe, expect, it } from 'vitest';
import { createTestCitizen, nextIdNumber } from '../../test/helpers/applicants.js';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { publishTestBundle, publishTestItem } from '../../test/helpers/catalogue.js';
import { bearer, citizen, type TestCitizen } from '../../test/helpers/citizens.js';
import { formOf } from '../../test/helpers/images.js';
import type { ItemVersion } from '../catalogue/index.js';

const t = useTestApp();

async function applicantCitizen(realName = '申请人乙'): Promise<TestCitizen> {
  const who = await citizen(t());
  const res = await t().app.inject({
    method: 'PUT',
    url: '/api/v1/citizens/me/identity',
    headers: bearer(who),
    payload: { realName, idNumber: nextIdNumber(), version: 1 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return who;
}

const mine = (
  who: TestCitizen,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers = {},
) =>
  t().app.inject({
    method,
    url: `/api/v1/citizens/me/applications${url}`,
    headers: { ...bearer(who), ...headers },
    ...(payload ? { payload } : {}),
  });

const act = (user: TestUser, id: number, path: string, payload: object) =>
  t().as(user, { method: 'POST', url: `/api/v1/applications/${id}/${path}`, payload });

async function inReview(version: ItemVersion) {
  const me = await applicantCitizen();
  const clerk = await t().user({ role: 'window_clerk' });
  const handler = await t().user({ role: 'handler', departmentId: version.departmentId });
  const lead = await t().user({ role: 'department_lead', departmentId: version.departmentId });
  const app = (await mine(me, 'POST', '', { itemId: version.itemId, submit: true })).json();
  const accepted = (await act(clerk, app.id, 'accept', { version: app.version })).json();
  const reviewing = (await act(handler, app.id, 'start-review', { version: accepted.version })).json();
  return { me, clerk, handler, lead, id: app.id as number, version: reviewing.version as number };
}

describe('drafts, submission and withdrawal online', () => {
  it('saves a draft, submits it, and withdraws a bundle with its open children', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const draft = (
      await mine(me, 'POST', '', { itemId: item.itemId, form: { reason: '首次申领' }, submit: false })
    ).json();
    // The form of a PUT replaces the saved values (the pre-fill was applied when the draft was made).
    expect(draft.form.applicant_name).toBe('申请人乙');
    const saved = await mine(me, 'PUT', `/${draft.id}`, {
      form: { ...draft.form, reason: '换领', phone: '13700001111' },
      version: draft.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().form).toEqual({ applicant_name: '申请人乙', reason: '换领', phone: '13700001111' });
    const badDraft = await mine(me, 'PUT', `/${draft.id}`, {
      form: { phone: 13700001111 },
      version: saved.json().version,
    });
    expect(badDraft.statusCode).toBe(400);
    expect(badDraft.json().errors).toEqual([expect.objectContaining({ field: '/form/phone' })]);
    const submitted = await mine(me, 'POST', `/${draft.id}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', clock: { light: 'green' } });
    const again = await mine(me, 'PUT', `/${draft.id}`, { form: {}, version: submitted.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICATION_ILLEGAL_ACTION');

    const bundle = await publishTestBundle(t().database.db, 2);
    const clerk = await t().user({ role: 'window_clerk' });
    const app = (await mine(me, 'POST', '', { itemId: bundle.itemId, submit: true })).json();
    const accepted = (await act(clerk, app.id, 'accept', { version: app.version })).json();
    const childId = accepted.children[0].id as number;
    const childWithdraw = await mine(me, 'POST', `/${childId}/withdraw`, { version: 1 });
    expect(childWithdraw.statusCode).toBe(409);
    const withdrawn = await mine(me, 'POST', `/${app.id}/withdraw`, {
      reason: '不再需要',
      version: accepted.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', closed: { reason: '不再需要' } });
    expect(withdrawn.json().children.map((c: { state: string }) => c.state)).toEqual([
      'withdrawn',
      'withdrawn',
    ]);
  });

  it('answers a retry with the same Idempotency-Key once, and refuses the key for another body', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const first = await mine(
      me,
      'POST',
      '',
      { itemId: item.itemId, submit: false },
      { 'idempotency-key': 'k-1' },
    );
    const retry = await mine(
      me,
      'POST',
      '',
      { itemId: item.itemId, submit: false },
      { 'idempotency-key': 'k-1' },
    );
    expect(retry.json().id).toBe(first.json().id);
    const other = await mine(
      me,
      'POST',
      '',
      { itemId: item.itemId, submit: true },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('不予受理 and its decision notice', () => {
  it('refuses with reason and basis, prints the 不予受理决定书 for staff and the applicant only', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const clerk = await t().user({ role: 'window_clerk' });
    const app = (await mine(me, 'POST', '', { itemId: item.itemId, submit: true })).json();
    const missing = await act(clerk, app.id, 'reject', {
      version: app.version,
      reason: '不属于本机关职权范围',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'body.legalBasis' })]);
    const blank = await act(clerk, app.id, 'reject', { version: app.version, reason: ' ', legalBasis: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['/reason', '/legalBasis']);
    const rejected = await act(clerk, app.id, 'reject', {
      version: app.version,
      reason: '申请事项不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', stateName: '不予受理' });
    const notice = await mine(me, 'GET', `/${app.id}/notices/rejection`);
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toContain('text/html');
    expect(notice.headers['content-security-policy']).toContain("script-src 'self'");
    expect(notice.body).toContain('不予受理决定书');
    expect(notice.body).toContain('行政复议');
    expect(notice.body).not.toMatch(/<script/i);
    const stranger = await applicantCitizen('路人');
    expect((await mine(stranger, 'GET', `/${app.id}/notices/rejection`)).statusCode).toBe(404);
    expect((await mine(me, 'GET', `/${app.id}/notices/acceptance`)).statusCode).toBe(409);
    expect((await mine(me, 'GET', `/${app.id}/notices/other`)).statusCode).toBe(400);
  });
});

describe('review steps through the API', () => {
  it('runs a special step, a hold approved by the lead, an extension, a decision and the delivery', async () => {
    const item = await publishTestItem(t().database.db, {
      guide: {
        specialSteps: [{ kind: 'expert_review', name: '专家评审', days: 10, description: '组织专家评审' }],
      },
    });
    const r = await inReview(item);
    const unknown = await act(r.handler, r.id, 'special-steps', { version: r.version, kind: 'magic' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toMatch(/^body\.kind/);
    const unlisted = await act(r.handler, r.id, 'special-steps', { version: r.version, kind: 'hearing' });
    expect(unlisted.statusCode).toBe(400);
    expect(unlisted.json().errors).toEqual([expect.objectContaining({ field: '/kind' })]);
    let v = (
      await act(r.handler, r.id, 'special-steps', {
        version: r.version,
        kind: 'expert_review',
        note: '三名专家',
      })
    ).json();
    expect(v).toMatchObject({ state: 'special_step', clock: { light: 'paused' } });
    v = (await act(r.handler, r.id, 'special-steps/end', { version: v.version })).json();
    expect(v.state).toBe('in_review');
    v = (await act(r.lead, r.id, 'hold', { version: v.version, reason: '等待不动产登记信息' })).json();
    expect(v).toMatchObject({ state: 'on_hold', pending: { hold: null } });
    const stale = await act(r.handler, r.id, 'resume', { version: v.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    v = (await act(r.handler, r.id, 'resume', { version: v.version })).json();
    const zero = await act(r.handler, r.id, 'extension', { version: v.version, days: 0, reason: 'x' });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].field).toBe('body.days');
    v = (
      await act(r.handler, r.id, 'extension', { version: v.version, days: 5, reason: '需补充调查' })
    ).json();
    expect(v.pending.extension).toMatchObject({ days: 5 });
    const byHandler = await act(r.handler, r.id, 'extension/approve', { version: v.version });
    expect(byHandler.statusCode).toBe(403);
    v = (await act(r.lead, r.id, 'extension/approve', { version: v.version })).json();
    expect(v.clock.extensionDays).toBe(5);
    const wrongDelivery = await act(r.lead, r.id, 'decide', {
      version: v.version,
      outcome: 'approved',
      delivery: 'post',
    });
    expect(wrongDelivery.statusCode).toBe(400);
    expect(wrongDelivery.json().errors).toEqual([expect.objectContaining({ field: '/delivery' })]);
    v = (
      await act(r.lead, r.id, 'decide', {
        version: v.version,
        outcome: 'refused',
        reason: '不符合申请条件',
        legalBasis: '《测试条例》第一条',
        delivery: 'pickup',
      })
    ).json();
    expect(v).toMatchObject({
      state: 'decided',
      decision: { outcome: 'refused', resultDescription: '不予许可决定书' },
    });
    const delivered = await act(r.clerk, r.id, 'deliver', { version: v.version, note: '本人领取' });
    expect(delivered.json()).toMatchObject({ state: 'delivered', deliveredAt: expect.any(String) });
    const history = (await mine(r.me, 'GET', `/${r.id}`))
      .json()
      .history.map((h: { actionName: string }) => h.actionName);
    expect(history).toEqual([
      '创建申请',
      '受理',
      '开始审查',
      '启动特殊环节',
      '结束特殊环节',
      '申请挂起',
      '批准挂起',
      '恢复办理',
      '申请延期',
      '批准延期',
      '作出决定',
      '送达',
    ]);
  });
});

describe('window registration', () => {
  it('needs an authorisation the window sees for an agent, and a valid ID card for a walk-in', async () => {
    const item = await publishTestItem(t().database.db);
    const clerk = await t().user({ role: 'window_clerk' });
    const principal = await createTestCitizen(t(), { level: 4 });
    const agent = await createTestCitizen(t(), { level: 4 });
    const refused = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applications/window',
      payload: {
        itemId: item.itemId,
        applicant: { citizenId: principal.id },
        agent: { citizenId: agent.id },
        form: {},
        materials: [],
      },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AUTHORISATION_REQUIRED');
    const badId = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applications/window',
      payload: {
        itemId: item.itemId,
        applicant: { walkIn: { realName: '某某', idNumber: '110101199001011230' } },
        form: {},
        materials: [],
      },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toMatch(/idNumber/);
    const theirs = await t().user({ role: 'window_clerk' });
    const upload = await t().as(theirs, {
      method: 'POST',
      url: '/api/v1/files?purpose=application_material',
      payload: formOf({
        data: Buffer.from(
          `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% ${Math.random()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
          'latin1',
        ),
        name: 'a.pdf',
      }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const notMine = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applications/window',
      payload: {
        itemId: item.itemId,
        applicant: { citizenId: principal.id },
        form: {},
        materials: [{ key: 'application_form', fileId: upload.json().files[0].id }],
      },
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors).toEqual([expect.objectContaining({ field: '/materials/0/fileId' })]);
  });
});

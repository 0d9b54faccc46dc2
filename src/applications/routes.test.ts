import { describe, expect, it } from 'vitest';
import { createTestLegalPerson, nextIdNumber } from '../../test/helpers/applicants.js';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { bearer, citizen, type TestCitizen } from '../../test/helpers/citizens.js';
import { formOf } from '../../test/helpers/images.js';
import { publishTestBundle, publishTestItem, testGuide } from '../../test/helpers/catalogue.js';
import type { ItemVersion } from '../catalogue/index.js';

const t = useTestApp();

function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n' +
      `% ${Math.random()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A citizen with a declared identity (level 2), logged in. */
async function applicantCitizen(realName = '申请人甲'): Promise<TestCitizen & { realName: string }> {
  const who = await citizen(t());
  const res = await t().app.inject({
    method: 'PUT',
    url: '/api/v1/citizens/me/identity',
    headers: bearer(who),
    payload: { realName, idNumber: nextIdNumber(), version: 1 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { ...who, realName };
}

async function upload(who: TestCitizen, name = '材料.pdf'): Promise<string> {
  const res = await t().app.inject({
    method: 'POST',
    url: '/api/v1/citizens/me/files',
    headers: bearer(who),
    payload: formOf({ data: pdf(), name }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().files[0].id as string;
}

async function staffUpload(user: TestUser): Promise<string> {
  const res = await t().as(user, {
    method: 'POST',
    url: '/api/v1/files?purpose=application_material',
    payload: formOf({ data: pdf(), name: 'scan.pdf' }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().files[0].id as string;
}

const mine = (
  who: TestCitizen,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers = {},
) =>
  t().app.inject({
    method,
    url: `/api/v1/citizens/me/applications${url}`,
    headers: { ...bearer(who), ...headers },
    ...(payload ? { payload: payload } : {}),
  });

const act = (user: TestUser, id: number, path: string, payload: object) =>
  t().as(user, { method: 'POST', url: `/api/v1/applications/${id}/${path}`, payload });

/** 居住证: the test guide plus a required 居住证明 the applicant forgets at first. */
function residencePermit(): Promise<ItemVersion> {
  return publishTestItem(t().database.db, {
    name: '居住证申领',
    guide: {
      materials: [
        ...testGuide().materials,
        {
          key: 'residence_proof',
          name: '居住证明（房屋租赁合同或产权证明）',
          form: 'copy',
          copies: 1,
          required: true,
          condition: null,
          source: 'applicant',
          sourceReference: null,
          sampleFileId: null,
          blankFileId: null,
          notes: '',
        },
      ],
      legalBases: [{ law: '《居住证暂行条例》', article: '第九条', text: '申领居住证……', kind: 'setting' }],
      resultName: '居住证',
    },
  });
}

describe('the demo flow of issue 13 through the API', () => {
  it('online 居住证 with 一次性告知 and one correction to 办结; a window company application; a bundle after its children', async () => {
    // --- The citizen finds 居住证 and applies online with materials.
    const permit = await residencePermit();
    const clerk = await t().user({ role: 'window_clerk' });
    const handler = await t().user({ role: 'handler', departmentId: permit.departmentId });
    const lead = await t().user({ role: 'department_lead', departmentId: permit.departmentId });
    const me = await applicantCitizen('王居民');
    const found = await t().app.inject({
      method: 'GET',
      url: `/api/v1/service-items?q=${encodeURIComponent('居住证')}&limit=100`,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((i: { itemId: number }) => i.itemId)).toContain(permit.itemId);
    const prefill = await mine(me, 'GET', `/prefill?itemId=${permit.itemId}`);
    expect(prefill.json()).toEqual({ values: { applicant_name: '王居民', phone: me.phone } });
    const formFile = await upload(me, '申请表.pdf');
    const body = {
      itemId: permit.itemId,
      materials: [{ key: 'application_form', fileId: formFile }],
      submit: true,
    };
    const created = await mine(me, 'POST', '', body, { 'idempotency-key': 'apply-1' });
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json();
    expect(app).toMatchObject({ state: 'submitted', stateName: '待受理', item: { name: '居住证申领' } });
    expect((await mine(me, 'POST', '', body, { 'idempotency-key': 'apply-1' })).json().id).toBe(app.id);

    // --- The window checks the materials and tells everything missing at once.
    const queue = await t().as(clerk, {
      method: 'GET',
      url: `/api/v1/applications?state=submitted&q=${app.number}`,
    });
    expect(queue.json()).toMatchObject({ total: 1, items: [{ id: app.id, applicantName: '王**' }] });
    let v = (
      await act(clerk, app.id, 'material-marks', {
        version: app.version,
        marks: [
          { key: 'application_form', mark: 'ok' },
          { key: 'residence_proof', mark: 'missing' },
        ],
      })
    ).json();
    // The history names the materials and the marks in Chinese, never their keys.
    expect(v.history.at(-1).note).toMatch(/^[^a-z_]+：合格；[^a-z_]+：缺少$/);
    const asked = await act(clerk, app.id, 'request-correction', {
      version: v.version,
      items: [{ key: 'residence_proof', reason: '未提交居住证明，请上传房屋租赁合同' }],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const notice = await t().as(clerk, {
      method: 'GET',
      url: `/api/v1/applications/${app.id}/notices/correction`,
    });
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toContain('text/html');
    expect(notice.body).toContain('一次性告知书');
    expect(notice.body).toContain('居住证明');
    expect(notice.body).not.toContain('<script');
    // The window's read of a notice (it carries the applicant's personal data) is audited.
    const audited = await t()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'application.notice')
      .where('target_id', '=', String(app.id))
      .execute();
    expect(audited.map((a) => a.detail)).toEqual([{ number: app.number, kind: 'correction' }]);
    const citizenNotice = await mine(me, 'GET', `/${app.id}/notices/correction`);
    expect(citizenNotice.statusCode).toBe(200);

    // --- The citizen corrects once; a second 一次性告知 is refused; the window accepts.
    const proof = await upload(me, '租房合同.pdf');
    const corrected = await mine(me, 'POST', `/${app.id}/correct`, {
      version: asked.json().version,
      materials: [{ key: 'residence_proof', fileId: proof }],
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const again = await act(clerk, app.id, 'request-correction', {
      version: corrected.json().version,
      items: [{ name: '其他材料', reason: '新的要求' }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICATION_CORRECTION_ALREADY_USED');
    const accepted = await act(clerk, app.id, 'accept', { version: corrected.json().version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().acceptanceNumber).toMatch(/^SL\d{14}$/);
    const acceptanceNotice = await t().as(clerk, {
      method: 'GET',
      url: `/api/v1/applications/${app.id}/notices/acceptance`,
    });
    expect(acceptanceNotice.body).toContain('受理通知书');
    expect(acceptanceNotice.body).toContain(accepted.json().acceptanceNumber);

    // --- The department reviews and decides; the citizen sees 办结.
    v = (await act(handler, app.id, 'start-review', { version: accepted.json().version })).json();
    const decided = await act(lead, app.id, 'decide', {
      version: v.version,
      outcome: 'approved',
      delivery: 'online',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const seen = (await mine(me, 'GET', `/${app.id}`)).json();
    expect(seen).toMatchObject({
      state: 'decided',
      stateName: '已办结',
      decision: { outcome: 'approved', resultDescription: '居住证' },
    });
    expect(seen.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'mark_materials',
      'request_correction',
      'correct',
      'accept',
      'start_review',
      'decide',
    ]);
    const inbox = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/notifications',
      headers: bearer(me),
    });
    expect(inbox.json().items.map((n: { title: string }) => n.title)).toContainEqual(
      expect.stringContaining('已办结'),
    );
    const delivered = await act(clerk, app.id, 'deliver', { version: seen.version });
    expect(delivered.json().state).toBe('delivered');

    // --- The window registers a walk-in application for a company.
    const business = await publishTestItem(t().database.db, {
      name: '户外招牌设置',
      guide: { subjects: ['legal_person'] },
    });
    const company = await createTestLegalPerson(t());
    const scan = await staffUpload(clerk);
    const walkIn = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applications/window',
      headers: { 'idempotency-key': 'window-1' },
      payload: {
        itemId: business.itemId,
        applicant: { legalPersonId: company.id },
        agent: { citizenId: company.representative.id },
        form: { phone: '13800138000' },
        materials: [{ key: 'application_form', fileId: scan }],
      },
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({
      channel: 'window',
      state: 'submitted',
      applicant: { kind: 'legal_person', name: company.name },
    });

    // --- A 一件事 bundle finishes after its children.
    const bundle = await publishTestBundle(t().database.db, 2);
    const bundled = await mine(me, 'POST', '', {
      itemId: bundle.itemId,
      form: { child_1_detail: '一', child_2_detail: '二' },
      submit: true,
    });
    expect(bundled.statusCode, bundled.body).toBe(201);
    const opened = await act(clerk, bundled.json().id, 'accept', { version: bundled.json().version });
    expect(opened.json()).toMatchObject({ state: 'in_review', progress: { total: 2, decided: 0 } });
    const admin = await t().user({ role: 'admin' });
    for (const child of opened.json().children as { id: number }[]) {
      const read = (await t().as(admin, { method: 'GET', url: `/api/v1/applications/${child.id}` })).json();
      const reviewer = await t().user({ role: 'handler', departmentId: read.item.departmentId });
      const reviewing = (await act(reviewer, child.id, 'start-review', { version: read.version })).json();
      const done = await act(reviewer, child.id, 'decide', {
        version: reviewing.version,
        outcome: 'approved',
        delivery: 'pickup',
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    const finished = (await mine(me, 'GET', `/${bundled.json().id}`)).json();
    expect(finished).toMatchObject({
      state: 'decided',
      progress: { complete: true, decided: 2, percent: 100 },
    });
    const list = (await mine(me, 'GET', '')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual(
      expect.arrayContaining([app.id, bundled.json().id]),
    );
    expect(list.items.every((i: { parentId: number | null }) => i.parentId === null)).toBe(true);
  });
});

describe('bad input', () => {
  it('names schema errors, form fields, materials and stale versions; changes nothing', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const schema = await mine(me, 'POST', '', { itemId: 'x', submit: 'yes' });
    expect(schema.statusCode).toBe(400);
    expect(schema.headers['content-type']).toContain('application/problem+json');
    expect(schema.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.itemId', 'body.submit']),
    );
    const form = await mine(me, 'POST', '', { itemId: item.itemId, form: { phone: '12' }, submit: true });
    expect(form.statusCode).toBe(400);
    expect(form.json().errors).toContainEqual(expect.objectContaining({ field: '/form/phone' }));
    const other = await applicantCitizen('别人');
    const theirs = await upload(other);
    const material = await mine(me, 'POST', '', {
      itemId: item.itemId,
      materials: [{ key: 'application_form', fileId: theirs }],
      submit: false,
    });
    expect(material.statusCode).toBe(400);
    expect(material.json().errors).toEqual([expect.objectContaining({ field: '/materials/0/fileId' })]);
    const notUuid = await mine(me, 'POST', '', {
      itemId: item.itemId,
      materials: [{ key: 'application_form', fileId: 'abc' }],
      submit: false,
    });
    expect(notUuid.statusCode).toBe(400);
    const draft = (await mine(me, 'POST', '', { itemId: item.itemId, submit: false })).json();
    const stale = await mine(me, 'PUT', `/${draft.id}`, { form: {}, version: draft.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const clerk = await t().user({ role: 'window_clerk' });
    const notSubmitted = await act(clerk, draft.id, 'accept', { version: draft.version });
    expect(notSubmitted.statusCode).toBe(409);
    expect(notSubmitted.json().code).toBe('APPLICATION_ILLEGAL_ACTION');
    const noNotice = await t().as(clerk, {
      method: 'GET',
      url: `/api/v1/applications/${draft.id}/notices/acceptance`,
    });
    expect(noNotice.statusCode).toBe(409);
    const emptyCorrection = await act(clerk, draft.id, 'request-correction', {
      version: draft.version,
      items: [],
    });
    expect(emptyCorrection.statusCode).toBe(409);
    const unknown = await t().as(clerk, { method: 'GET', url: '/api/v1/applications/999999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('APPLICATION_NOT_FOUND');
    const badQuery = await t().as(clerk, { method: 'GET', url: '/api/v1/applications?light=blue&q=123' });
    expect(badQuery.statusCode).toBe(400);
  });
});

describe('refused callers', () => {
  it('keeps citizens to their own applications and staff to their posts and departments', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const app = (await mine(me, 'POST', '', { itemId: item.itemId, submit: true })).json();
    const other = await applicantCitizen('旁人');
    expect((await mine(other, 'GET', `/${app.id}`)).statusCode).toBe(404);
    expect(
      (await t().app.inject({ method: 'GET', url: `/api/v1/citizens/me/applications/${app.id}` })).statusCode,
    ).toBe(401);
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/applications' })).statusCode).toBe(401);
    for (const role of ['inspector', 'supervisor', 'dispatcher'] as const) {
      const user = await t().user({ role });
      expect(
        (await t().as(user, { method: 'GET', url: `/api/v1/applications/${app.id}` })).statusCode,
        role,
      ).toBe(403);
    }
    const handler = await t().user({ role: 'handler', departmentId: item.departmentId });
    expect((await act(handler, app.id, 'accept', { version: app.version })).statusCode).toBe(403);
    const clerk = await t().user({ role: 'window_clerk' });
    expect(
      (await act(clerk, app.id, 'decide', { version: app.version, outcome: 'approved', delivery: 'pickup' }))
        .statusCode,
    ).toBe(403);
    const accepted = (await act(clerk, app.id, 'accept', { version: app.version })).json();
    const stranger = await t().user({
      role: 'handler',
      departmentId: (await publishTestItem(t().database.db)).departmentId,
    });
    expect((await act(stranger, app.id, 'start-review', { version: accepted.version })).statusCode).toBe(404);
    const reviewing = (await act(handler, app.id, 'start-review', { version: accepted.version })).json();
    const hold = (
      await act(handler, app.id, 'hold', { version: reviewing.version, reason: '等待核查' })
    ).json();
    const approve = await act(handler, app.id, 'hold/approve', { version: hold.version });
    expect(approve.statusCode).toBe(403);
    expect(approve.json().code).toBe('APPLICATION_FORBIDDEN_ROLE');
    const leader = await t().user({ role: 'leader' });
    const masked = await t().as(leader, { method: 'GET', url: `/api/v1/applications/${app.id}` });
    expect(masked.statusCode).toBe(200);
    expect(masked.json().form).toEqual({});
    expect(
      (await t().as(leader, { method: 'GET', url: `/api/v1/applications/${app.id}/notices/acceptance` }))
        .statusCode,
    ).toBe(403);
    const departmentList = (await t().as(stranger, { method: 'GET', url: '/api/v1/applications' })).json();
    expect(departmentList.items.map((i: { id: number }) => i.id)).not.toContain(app.id);
  });

  it('lets the department see the materials of its applications and no one else', async () => {
    const item = await publishTestItem(t().database.db);
    const me = await applicantCitizen();
    const fileId = await upload(me);
    await mine(me, 'POST', '', {
      itemId: item.itemId,
      materials: [{ key: 'application_form', fileId }],
      submit: true,
    });
    const handler = await t().user({ role: 'handler', departmentId: item.departmentId });
    const stranger = await t().user({
      role: 'handler',
      departmentId: (await publishTestItem(t().database.db)).departmentId,
    });
    expect((await t().as(handler, { method: 'GET', url: `/api/v1/files/${fileId}` })).statusCode).toBe(200);
    expect((await t().as(stranger, { method: 'GET', url: `/api/v1/files/${fileId}` })).statusCode).toBe(404);
  });
});

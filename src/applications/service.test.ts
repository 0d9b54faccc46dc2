import { describe, expect, it } from 'vitest';
import {
  createTestCitizen,
  createTestLegalPerson,
  grantTestAuthorisation,
  nextIdNumber,
} from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { publishTestBundle, publishTestItem, testGuide } from '../../test/helpers/catalogue.js';
import type { ItemVersion } from '../catalogue/index.js';
import { prepareMaterial, storeMaterials } from '../files/index.js';
import { logChannel } from '../notifications/index.js';
import type { CitizenContext } from '../applicants/index.js';
import {
  acceptApplication,
  applyOnline,
  approveExtension,
  approveHold,
  correctApplication,
  decideApplication,
  endSpecialStep,
  holdApplication,
  readForStaff,
  readMine,
  registerAtWindow,
  requestCorrection,
  requestExtension,
  startReview,
  startSpecialStep,
  submitDraft,
  sweepApplications,
  type ApplicationDeps,
} from './index.js';

const t = useTestServices();
const deps = (now?: Date): ApplicationDeps => ({
  ring: t().reporterKeys,
  calendars: t().caseDeps.calendars,
  timeZone: 'Asia/Shanghai',
  outbound: logChannel(t().reporterKeys, () => {}),
  ...(now ? { now: () => now } : {}),
});

function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n' +
      `% ${Math.random()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

async function citizenFile(citizenId: number): Promise<string> {
  const [stored] = await storeMaterials(
    t().database.db,
    { kind: 'citizen', citizenId, clientIp: null, requestId: null },
    [{ purpose: 'application_material', originalName: '申请表.pdf', prepared: await prepareMaterial(pdf()) }],
  );
  return stored!.meta.id;
}

async function staffFile(userId: number, ctx: Parameters<typeof storeMaterials>[1]): Promise<string> {
  void userId;
  const [stored] = await storeMaterials(t().database.db, ctx, [
    { purpose: 'application_material', originalName: 'scan.pdf', prepared: await prepareMaterial(pdf()) },
  ]);
  return stored!.meta.id;
}

async function applicant(): Promise<CitizenContext & { name: string }> {
  const c = await createTestCitizen(t());
  return { citizenId: c.id, clientIp: null, requestId: null, name: c.realName! };
}

async function crew(version: ItemVersion) {
  return {
    clerk: await t().user({ role: 'window_clerk' }),
    handler: await t().user({ role: 'handler', departmentId: version.departmentId }),
    lead: await t().user({ role: 'department_lead', departmentId: version.departmentId }),
  };
}

async function submitted(version: ItemVersion, me: CitizenContext) {
  const fileId = await citizenFile(me.citizenId);
  return applyOnline(t().database.db, deps(), me, {
    itemId: version.itemId,
    materials: [{ key: 'application_form', fileId }],
    submit: true,
  });
}

describe('applying online', () => {
  it('submits with the form pre-filled from the profile, the version kept, personal data encrypted at rest', async () => {
    const version = await publishTestItem(t().database.db);
    const me = await applicant();
    const app = await submitted(version, me);
    expect(app).toMatchObject({
      state: 'submitted',
      stateName: '待受理',
      channel: 'online',
      item: { id: version.itemId, versionId: version.id, promisedDays: 5 },
      applicant: { kind: 'person', name: me.name },
      form: { applicant_name: me.name },
      clock: { light: 'green' },
    });
    expect(app.number).toMatch(/^SQ\d{14}$/);
    expect(app.clock.expectedCompletionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(app.materials.find((m) => m.key === 'application_form')).toMatchObject({
      mediaType: 'application/pdf',
    });
    const raw = await t()
      .database.db.selectFrom('applications')
      .selectAll()
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(raw.form_enc).toMatch(/^v\d+:/);
    expect(JSON.stringify(raw)).not.toContain(me.name);
    const inbox = await t()
      .database.db.selectFrom('citizen_notifications')
      .select(['title', 'subject_id'])
      .where('citizen_id', '=', me.citizenId)
      .execute();
    expect(inbox).toContainEqual({ title: expect.stringContaining('申请已提交'), subject_id: app.number });
  });

  it('refuses a submitted form field by field, and files that are not the applicant’s, changing nothing', async () => {
    const version = await publishTestItem(t().database.db);
    const me = await applicant();
    const other = await applicant();
    const theirs = await citizenFile(other.citizenId);
    const before = await t()
      .database.db.selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      applyOnline(t().database.db, deps(), me, {
        itemId: version.itemId,
        form: { phone: '123', unknown: 'x' },
        materials: [
          { key: 'application_form', fileId: theirs },
          { key: 'nope', fileId: theirs },
        ],
        submit: true,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: {
        errors: expect.arrayContaining([
          expect.objectContaining({ field: '/form/phone' }),
          expect.objectContaining({ field: '/form/unknown' }),
          expect.objectContaining({ field: '/materials/0/fileId' }),
          expect.objectContaining({ field: '/materials/1/key' }),
        ]),
      },
    });
    const after = await t()
      .database.db.selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('saves a partial draft and validates in full on submission', async () => {
    const version = await publishTestItem(t().database.db, {
      form: {
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: { shop_name: { type: 'string', minLength: 1, maxLength: 50 } },
          required: ['shop_name'],
        },
        layout: { sections: [{ title: '店铺', fields: ['shop_name'] }], fields: {} },
      },
    });
    const me = await applicant();
    const draft = await applyOnline(t().database.db, deps(), me, { itemId: version.itemId, submit: false });
    expect(draft.state).toBe('draft');
    expect(draft.allowedActions).toEqual(['save', 'submit', 'withdraw']);
    await expect(
      submitDraft(t().database.db, deps(), me, draft.id, { version: draft.version }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [expect.objectContaining({ field: '/form/shop_name' })] },
    });
    await expect(submitDraft(t().database.db, deps(), me, draft.id, { version: 99 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
  });

  it('refuses an item with no version in force and an item not offered online', async () => {
    const me = await applicant();
    const hallOnly = await publishTestItem(t().database.db, {
      guide: { channels: ['hall'], visits: { hall: 1 } },
    });
    await expect(
      applyOnline(t().database.db, deps(), me, { itemId: hallOnly.itemId, submit: false }),
    ).rejects.toMatchObject({
      code: 'APPLICATION_ITEM_NOT_AVAILABLE',
    });
    await expect(
      applyOnline(t().database.db, deps(), me, { itemId: 987654321, submit: false }),
    ).rejects.toMatchObject({
      code: 'APPLICATION_ITEM_NOT_AVAILABLE',
    });
  });
});

describe('acting for another person', () => {
  it('applies under an authorisation of the parent item (主项 covers its 子项), and not without one', async () => {
    const parent = await publishTestItem(t().database.db);
    const child = await publishTestItem(t().database.db, {
      level: 'sub',
      parentId: parent.itemId,
      departmentId: parent.departmentId,
    });
    const principal = await createTestCitizen(t());
    const agent = await applicant();
    const onBehalfOf = { citizenId: principal.id };
    await expect(
      applyOnline(t().database.db, deps(), agent, { itemId: child.itemId, onBehalfOf, submit: false }),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_REQUIRED' });
    await grantTestAuthorisation(t(), {
      principal: { citizenId: principal.id },
      agentCitizenId: agent.citizenId,
      itemIds: [parent.itemId],
    });
    const app = await applyOnline(t().database.db, deps(), agent, {
      itemId: child.itemId,
      onBehalfOf,
      submit: true,
    });
    expect(app).toMatchObject({
      state: 'submitted',
      applicant: { kind: 'person', name: principal.realName },
      agent: { name: agent.name, relation: '委托' },
    });
    expect((await readMine(t().database.db, deps(), agent, app.id)).id).toBe(app.id);
    const asPrincipal = { citizenId: principal.id, clientIp: null, requestId: null };
    expect((await readMine(t().database.db, deps(), asPrincipal, app.id)).id).toBe(app.id);
  });
});

describe('acceptance and the one correction', () => {
  it('asks once (一次性告知), takes the correction, refuses a second request, then accepts', async () => {
    const version = await publishTestItem(t().database.db);
    const { clerk } = await crew(version);
    const me = await applicant();
    const app = await submitted(version, me);
    const asked = await requestCorrection(t().database.db, deps(), clerk.ctx, app.id, {
      version: app.version,
      items: [
        { key: 'application_form', reason: '申请表未签名' },
        { name: '居住证明', reason: '请补充租房合同' },
      ],
      note: null,
    });
    expect(asked).toMatchObject({
      state: 'correction_requested',
      correction: {
        used: true,
        items: [
          { key: 'application_form', name: '申请表' },
          { key: null, name: '居住证明' },
        ],
      },
      clock: { light: 'none' },
    });
    expect(asked.materials.find((m) => m.key === 'application_form')).toMatchObject({ mark: 'wrong' });
    // The listed material needs a new file.
    await expect(
      correctApplication(t().database.db, deps(), me, app.id, { materials: [], version: asked.version }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [expect.objectContaining({ field: '/materials' })] },
    });
    const fileId = await citizenFile(me.citizenId);
    const corrected = await correctApplication(t().database.db, deps(), me, app.id, {
      materials: [{ key: 'application_form', fileId }],
      version: asked.version,
    });
    expect(corrected).toMatchObject({
      state: 'submitted',
      correction: { used: true, correctedAt: expect.any(String) },
    });
    await expect(
      requestCorrection(t().database.db, deps(), clerk.ctx, app.id, {
        version: corrected.version,
        items: [{ name: '其他', reason: '新的理由' }],
      }),
    ).rejects.toMatchObject({ code: 'APPLICATION_CORRECTION_ALREADY_USED' });
    const accepted = await acceptApplication(t().database.db, deps(), clerk.ctx, app.id, {
      version: corrected.version,
    });
    expect(accepted).toMatchObject({ state: 'accepted', clock: { light: 'green' } });
    expect(accepted.acceptanceNumber).toMatch(/^SL\d{14}$/);
    expect(accepted.clock.dueAt).not.toBeNull();
    expect(accepted.history.map((h) => h.action)).toEqual([
      'create',
      'request_correction',
      'correct',
      'accept',
    ]);
  });
});

describe('review in the department', () => {
  it('lets only the item’s department in, audits reads, and masks for the leader', async () => {
    const version = await publishTestItem(t().database.db);
    const { clerk, handler } = await crew(version);
    const stranger = await t().user({
      role: 'handler',
      departmentId: (await publishTestItem(t().database.db)).departmentId,
    });
    const leader = await t().user({ role: 'leader' });
    const me = await applicant();
    const app = await submitted(version, me);
    await expect(readForStaff(t().database.db, deps(), stranger.ctx, app.id)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    const seen = await readForStaff(t().database.db, deps(), handler.ctx, app.id);
    expect(seen.applicant.name).toBe(me.name);
    const masked = await readForStaff(t().database.db, deps(), leader.ctx, app.id);
    expect(masked.applicant.name).not.toBe(me.name);
    expect(masked.form).toEqual({});
    expect((await readForStaff(t().database.db, deps(), clerk.ctx, app.id)).form).toMatchObject({
      applicant_name: me.name,
    });
    const audits = await t()
      .database.db.selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('target_type', '=', 'application')
      .where('target_id', '=', String(app.id))
      .where('action', '=', 'application.read')
      .execute();
    expect(audits.map((a) => a.actor_id).sort()).toEqual([handler.id, clerk.id].sort());
  });

  it('stops the clock for a listed special step, holds with the lead’s approval, extends once', async () => {
    const version = await publishTestItem(t().database.db, {
      guide: {
        specialSteps: [{ kind: 'site_inspection', name: '现场勘查', days: 5, description: '核查现场' }],
      },
    });
    const { clerk, handler, lead } = await crew(version);
    const me = await applicant();
    const app = await submitted(version, me);
    let v = await acceptApplication(t().database.db, deps(), clerk.ctx, app.id, { version: app.version });
    v = await startReview(t().database.db, deps(), handler.ctx, app.id, { version: v.version });
    await expect(
      startSpecialStep(t().database.db, deps(), handler.ctx, app.id, { version: v.version, kind: 'hearing' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [expect.objectContaining({ field: '/kind' })] },
    });
    v = await startSpecialStep(t().database.db, deps(), handler.ctx, app.id, {
      version: v.version,
      kind: 'site_inspection',
    });
    expect(v).toMatchObject({
      state: 'special_step',
      clock: { light: 'paused', dueAt: null },
      specialStep: { kind: 'site_inspection' },
    });
    v = await endSpecialStep(t().database.db, deps(), handler.ctx, app.id, { version: v.version });
    expect(v.clock.light).toBe('green');
    v = await holdApplication(t().database.db, deps(), handler.ctx, app.id, {
      version: v.version,
      reason: '等待公安核查',
    });
    expect(v).toMatchObject({ state: 'in_review', pending: { hold: { reason: '等待公安核查' } } });
    await expect(
      approveHold(t().database.db, deps(), handler.ctx, app.id, { version: v.version }),
    ).rejects.toMatchObject({
      code: 'APPLICATION_FORBIDDEN_ROLE',
    });
    v = await approveHold(t().database.db, deps(), lead.ctx, app.id, { version: v.version });
    expect(v).toMatchObject({ state: 'on_hold', clock: { light: 'paused' }, pending: { hold: null } });
    const { resumeApplication } = await import('./index.js');
    v = await resumeApplication(t().database.db, deps(), handler.ctx, app.id, { version: v.version });
    await expect(
      requestExtension(t().database.db, deps(), handler.ctx, app.id, {
        version: v.version,
        days: 11,
        reason: '复杂',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [expect.objectContaining({ field: '/days' })] },
    });
    v = await requestExtension(t().database.db, deps(), handler.ctx, app.id, {
      version: v.version,
      days: 10,
      reason: '情况复杂',
    });
    v = await approveExtension(t().database.db, deps(), lead.ctx, app.id, { version: v.version });
    expect(v.clock.extensionDays).toBe(10);
    await expect(
      requestExtension(t().database.db, deps(), lead.ctx, app.id, {
        version: v.version,
        days: 1,
        reason: '再延',
      }),
    ).rejects.toMatchObject({ code: 'APPLICATION_ILLEGAL_ACTION' });
    await expect(
      decideApplication(t().database.db, deps(), handler.ctx, app.id, {
        version: v.version,
        outcome: 'refused',
        delivery: 'pickup',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: {
        errors: [
          expect.objectContaining({ field: '/reason' }),
          expect.objectContaining({ field: '/legalBasis' }),
        ],
      },
    });
    v = await decideApplication(t().database.db, deps(), lead.ctx, app.id, {
      version: v.version,
      outcome: 'approved',
      delivery: 'online',
    });
    expect(v).toMatchObject({
      state: 'decided',
      stateName: '已办结',
      decision: { outcome: 'approved', resultDescription: '测试证明' },
    });
    expect(v.clock.pausedDays).toBeGreaterThanOrEqual(0);
    const mine = await readMine(t().database.db, deps(), me, app.id);
    expect(mine.history.map((h) => h.actionName)).toContain('批准挂起');
  });
});

describe('at the window', () => {
  it('registers a walk-in company application with the person at the counter, and decides a 即办件 at once', async () => {
    const version = await publishTestItem(t().database.db, {
      guide: {
        subjects: ['person', 'legal_person'],
        promisedDays: 0,
        acceptanceDays: 0,
        steps: [{ key: 'acceptance', name: '受理', days: 0, description: '当场办结' }],
      },
    });
    const clerk = await t().user({ role: 'window_clerk' });
    const company = await createTestLegalPerson(t());
    const scan = await staffFile(clerk.id, { kind: 'staff', ctx: clerk.ctx });
    const app = await registerAtWindow(t().database.db, deps(), clerk.ctx, {
      itemId: version.itemId,
      applicant: { legalPersonId: company.id },
      agent: { citizenId: company.representative.id },
      form: { phone: '13800138000' },
      materials: [{ key: 'application_form', fileId: scan }],
      instant: true,
    });
    expect(app).toMatchObject({
      channel: 'window',
      state: 'decided',
      applicant: { kind: 'legal_person', name: company.name, creditCode: company.creditCode },
      decision: { outcome: 'approved' },
    });
    expect(app.history.map((h) => h.action)).toEqual(['register', 'accept', 'instant']);
    await expect(
      registerAtWindow(t().database.db, deps(), clerk.ctx, {
        itemId: version.itemId,
        applicant: { legalPersonId: company.id },
        form: {},
        materials: [],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [expect.objectContaining({ field: '/agent' })] },
    });
  });

  it('registers a walk-in person from the ID card and refuses 即办 for an item that is not one', async () => {
    const version = await publishTestItem(t().database.db);
    const clerk = await t().user({ role: 'window_clerk' });
    await expect(
      registerAtWindow(t().database.db, deps(), clerk.ctx, {
        itemId: version.itemId,
        applicant: { walkIn: { realName: '现场甲', idNumber: nextIdNumber(), phone: '13900001111' } },
        form: {},
        materials: [],
        instant: true,
      }),
    ).rejects.toMatchObject({ code: 'APPLICATION_NOT_INSTANT' });
    const app = await registerAtWindow(t().database.db, deps(), clerk.ctx, {
      itemId: version.itemId,
      applicant: { walkIn: { realName: '现场乙', idNumber: nextIdNumber(), phone: '13900002222' } },
      form: {},
      materials: [],
    });
    expect(app).toMatchObject({
      state: 'submitted',
      applicant: { name: '现场乙', phoneMasked: '139****2222' },
    });
  });
});

describe('一件事 bundles', () => {
  it('accepts once, runs a child per item in its department, and is decided when all children are', async () => {
    const bundle = await publishTestBundle(t().database.db, 2);
    const clerk = await t().user({ role: 'window_clerk' });
    const me = await applicant();
    const app = await applyOnline(t().database.db, deps(), me, {
      itemId: bundle.itemId,
      form: { child_1_detail: '甲', child_2_detail: '乙' },
      submit: true,
    });
    expect(app.item.isBundle).toBe(true);
    const accepted = await acceptApplication(t().database.db, deps(), clerk.ctx, app.id, {
      version: app.version,
    });
    expect(accepted).toMatchObject({
      state: 'in_review',
      progress: { total: 2, decided: 0, complete: false },
    });
    expect(accepted.children).toHaveLength(2);
    let last = accepted;
    for (const [i, child] of accepted.children.entries()) {
      const row = await t()
        .database.db.selectFrom('applications')
        .selectAll()
        .where('id', '=', child.id)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('accepted');
      const handler = await t().user({ role: 'handler', departmentId: row.department_id });
      const childView = await readForStaff(t().database.db, deps(), handler.ctx, child.id);
      expect(childView.form).toEqual({
        applicant_name: me.name,
        phone: expect.any(String),
        [`child_${i + 1}_detail`]: i === 0 ? '甲' : '乙',
      });
      await expect(readForStaff(t().database.db, deps(), handler.ctx, app.id)).rejects.toMatchObject({
        code: 'APPLICATION_NOT_FOUND',
      });
      const reviewing = await startReview(t().database.db, deps(), handler.ctx, child.id, {
        version: childView.version,
      });
      await decideApplication(t().database.db, deps(), handler.ctx, child.id, {
        version: reviewing.version,
        outcome: 'approved',
        delivery: 'pickup',
      });
      last = await readMine(t().database.db, deps(), me, app.id);
      expect(last.progress!.decided).toBe(i + 1);
    }
    expect(last).toMatchObject({
      state: 'decided',
      decision: { outcome: 'approved' },
      progress: { complete: true, percent: 100 },
    });
    expect(last.history.at(-1)).toMatchObject({ action: 'complete_bundle', actorName: '系统' });
  });
});

describe('the deadline sweep', () => {
  it('turns a late application red and alerts the department and the window once', async () => {
    const version = await publishTestItem(t().database.db);
    const { clerk, handler } = await crew(version);
    const me = await applicant();
    const app = await submitted(version, me);
    await acceptApplication(t().database.db, deps(), clerk.ctx, app.id, { version: app.version });
    const later = new Date(Date.now() + 60 * 86_400_000);
    const first = await sweepApplications(t().database.db, {
      calendars: t().caseDeps.calendars,
      now: () => later,
    });
    expect(first.ran).toBe(true);
    expect(first.raised.red).toBeGreaterThanOrEqual(1);
    const again = await sweepApplications(t().database.db, {
      calendars: t().caseDeps.calendars,
      now: () => later,
    });
    expect(again.raised).toEqual({ yellow: 0, red: 0 });
    const row = await t()
      .database.db.selectFrom('applications')
      .select('light')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.light).toBe('red');
    for (const who of [handler, clerk]) {
      const notes = await t()
        .database.db.selectFrom('notifications')
        .select('title')
        .where('user_id', '=', who.id)
        .where('title', 'like', `%${app.number}%`)
        .execute();
      expect(notes).toHaveLength(1);
    }
  });
});

void testGuide;

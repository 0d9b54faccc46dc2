import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTestCitizen,
  createTestLegalPerson,
  grantTestAuthorisation,
  nextCreditCode,
  nextIdNumber,
} from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { listAudit } from '../audit/index.js';
import { storeMaterials } from '../files/index.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { resolveApplicant } from './resolve.js';
import {
  authorisationsForWindow,
  declareMyIdentity,
  findApplicants,
  grantAuthorisation,
  myApplicantProfile,
  myAuthorisations,
  readLegalPerson,
  recordPaperAuthorisation,
  registerLegalPersonAtWindow,
  registerMyLegalPerson,
  registerWalkInApplicant,
  revokeAuthorisationAtWindow,
  revokeMyAuthorisation,
  verifyApplicantInPerson,
  type CitizenContext,
} from './service.js';

const t = useTestServices();
const db = () => t().database.db;
const ring = () => t().reporterKeys;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const inAYear = () => `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`;
const cc = (citizenId: number): CitizenContext => ({ citizenId, clientIp: null, requestId: null });

function minimalPdf(tag: string): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n% ${tag}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

async function uploadScan(staffCtx: Parameters<typeof registerWalkInApplicant>[2]): Promise<string> {
  const bytes = minimalPdf(Math.random().toString(36));
  const [stored] = await storeMaterials(db(), { kind: 'staff', ctx: staffCtx }, [
    {
      purpose: 'application_material',
      originalName: '授权委托书.pdf',
      prepared: {
        kind: 'pdf',
        pdf: {
          contentType: 'application/pdf',
          data: bytes,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          pageCount: 1,
        },
      },
    },
  ]);
  return stored!.meta.id;
}

describe('walk-in applicants at the window', () => {
  it('creates a walk-in record verified in person, audited, and finds it again by ID number', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const idNumber = nextIdNumber();
    const first = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '周大爷', idNumber, phone: '13911112222' },
      today(),
    );
    expect(first).toMatchObject({
      created: true,
      person: { realName: '周大爷', idNumber, phone: '13911112222', identityLevel: 4, hasAccount: false },
    });
    const again = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '周大爷', idNumber },
      today(),
    );
    expect(again).toMatchObject({ created: false, person: { citizenId: first.person.citizenId } });
    const audit = await listAudit(db(), {
      targetType: 'citizen',
      targetId: String(first.person.citizenId),
      limit: 10,
    });
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'applicant.register_walk_in',
      'applicant.verify_in_person',
    ]);
    expect(JSON.stringify(audit.items)).not.toContain(idNumber);
  });

  it('uses the account of that ID number and verifies it, and refuses another name for it', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const account = await createTestCitizen(t(), { realName: '吴敏' });
    const found = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '吴敏', idNumber: account.idNumber! },
      today(),
    );
    expect(found).toMatchObject({
      created: false,
      person: { citizenId: account.id, hasAccount: true, identityLevel: 4 },
    });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: '吴小敏', idNumber: account.idNumber! },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', extra: { errors: [{ field: 'body.realName' }] } });
  });

  it('names each bad field and refuses roles without applicants:write', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: ' ', idNumber: '110101199001011234', phone: '12' },
        today(),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [{ field: 'body.realName' }, { field: 'body.idNumber' }] },
    });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: '张三', idNumber: nextIdNumber(), phone: '12' },
        today(),
      ),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.phone' }] } });
    for (const role of ['handler', 'dispatcher', 'leader'] as const) {
      const other = await t().user({ role });
      await expect(
        registerWalkInApplicant(
          db(),
          ring(),
          other.ctx,
          { realName: '张三', idNumber: nextIdNumber() },
          today(),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('verifying identity in person', () => {
  it('raises a declared identity to level 4 and refuses a card that does not match or a stale version', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const citizen = await createTestCitizen(t(), { realName: '郑洁' });
    await expect(
      verifyApplicantInPerson(
        db(),
        ring(),
        clerk.ctx,
        citizen.id,
        { realName: '郑洁', idNumber: nextIdNumber(), version: citizen.version },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', extra: { errors: [{ field: 'body.idNumber' }] } });
    await expect(
      verifyApplicantInPerson(
        db(),
        ring(),
        clerk.ctx,
        citizen.id,
        { realName: '郑洁', idNumber: citizen.idNumber!, version: citizen.version + 5 },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const verified = await verifyApplicantInPerson(
      db(),
      ring(),
      clerk.ctx,
      citizen.id,
      { realName: '郑洁', idNumber: citizen.idNumber!, version: citizen.version },
      today(),
    );
    expect(verified).toMatchObject({
      identityLevel: 4,
      identityLevelName: '窗口现场核验',
      version: citizen.version + 1,
    });
  });
});

describe('finding applicants', () => {
  it('finds by exact ID number, masked by default, in full on request, audited without the number', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const citizen = await createTestCitizen(t(), { realName: '冯晓燕' });
    const masked = await findApplicants(db(), ring(), clerk.ctx, { idNumber: citizen.idNumber! }, today());
    expect(masked.persons).toEqual([
      expect.objectContaining({
        citizenId: citizen.id,
        realName: '冯晓燕',
        idNumber: maskIdNumber(citizen.idNumber!),
        masked: true,
      }),
    ]);
    const full = await findApplicants(
      db(),
      ring(),
      clerk.ctx,
      { idNumber: citizen.idNumber!, full: true },
      today(),
    );
    expect(full.persons[0]).toMatchObject({ idNumber: citizen.idNumber, masked: false });
    const mine = (await listAudit(db(), { action: 'applicant.search', actorId: clerk.id, limit: 50 })).items;
    expect(mine).toHaveLength(2);
    expect(mine.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ by: 'idNumber', full: true, citizenIds: [citizen.id] }),
      ]),
    );
    expect(JSON.stringify(mine)).not.toContain(citizen.idNumber);
  });

  it('finds a legal person by credit code and nobody for an unknown number', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const company = await createTestLegalPerson(t(), { name: '北京查询测试有限公司' });
    const found = await findApplicants(
      db(),
      ring(),
      clerk.ctx,
      { creditCode: company.creditCode.toLowerCase() },
      today(),
    );
    expect(found.legalPersons).toEqual([
      expect.objectContaining({ id: company.id, name: '北京查询测试有限公司' }),
    ]);
    expect(
      (await findApplicants(db(), ring(), clerk.ctx, { idNumber: nextIdNumber() }, today())).persons,
    ).toEqual([]);
  });

  it('shows departments names and numbers masked and refuses them in full; refuses other roles', async () => {
    const handler = await t().user({ role: 'handler' });
    const citizen = await createTestCitizen(t(), { realName: '蒋文' });
    const seen = await findApplicants(db(), ring(), handler.ctx, { idNumber: citizen.idNumber! }, today());
    expect(seen.persons[0]).toMatchObject({ realName: '蒋*', idNumber: maskIdNumber(citizen.idNumber!) });
    await expect(
      findApplicants(db(), ring(), handler.ctx, { idNumber: citizen.idNumber!, full: true }, today()),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const role of ['inspector', 'supervisor', 'leader'] as const) {
      const other = await t().user({ role });
      await expect(
        findApplicants(db(), ring(), other.ctx, { idNumber: citizen.idNumber! }, today()),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('names the query fields at fault', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    await expect(findApplicants(db(), ring(), clerk.ctx, {}, today())).rejects.toMatchObject({
      extra: { errors: [{ field: 'querystring' }] },
    });
    await expect(
      findApplicants(
        db(),
        ring(),
        clerk.ctx,
        { idNumber: nextIdNumber(), creditCode: nextCreditCode() },
        today(),
      ),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'querystring' }] } });
    await expect(findApplicants(db(), ring(), clerk.ctx, { idNumber: '123' }, today())).rejects.toMatchObject(
      {
        extra: { errors: [{ field: 'querystring.idNumber' }] },
      },
    );
    await expect(
      findApplicants(db(), ring(), clerk.ctx, { creditCode: '91110101MA00000000' }, today()),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'querystring.creditCode' }] } });
  });
});

describe('a citizen’s identity', () => {
  it('declares name and number at level 2; a change drops a verified level back to 2', async () => {
    const citizen = await createTestCitizen(t(), { level: 4, realName: '韩梅' });
    const same = await declareMyIdentity(
      db(),
      ring(),
      cc(citizen.id),
      { realName: '韩梅', idNumber: citizen.idNumber!, version: citizen.version },
      today(),
    );
    expect(same).toMatchObject({ identityLevel: 4, idNumber: maskIdNumber(citizen.idNumber!) });
    const changed = await declareMyIdentity(
      db(),
      ring(),
      cc(citizen.id),
      { realName: '韩梅梅', idNumber: citizen.idNumber!, version: same.version },
      today(),
    );
    expect(changed).toMatchObject({ identityLevel: 2, realName: '韩梅梅', identityVerifiedAt: null });
  });

  it('refuses an ID number another account declared, and a stale version', async () => {
    const other = await createTestCitizen(t());
    const me = await createTestCitizen(t(), { anonymous: true });
    await expect(
      declareMyIdentity(
        db(),
        ring(),
        cc(me.id),
        { realName: '某人', idNumber: other.idNumber!, version: me.version },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', extra: { errors: [{ field: 'body.idNumber' }] } });
    await expect(
      declareMyIdentity(
        db(),
        ring(),
        cc(me.id),
        { realName: '某人', idNumber: nextIdNumber(), version: 99 },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});

describe('legal persons', () => {
  it('lets a level-3 citizen register a company they represent, unverified, and refuses level 2 saying why', async () => {
    const low = await createTestCitizen(t(), { level: 2 });
    const input = {
      creditCode: nextCreditCode('91'),
      name: '北京网上登记有限公司',
      kind: 'enterprise' as const,
    };
    await expect(registerMyLegalPerson(db(), ring(), cc(low.id), input)).rejects.toMatchObject({
      code: 'IDENTITY_LEVEL_TOO_LOW',
      extra: { requiredLevel: 3, currentLevel: 2 },
      detail: expect.stringContaining('第3级'),
    });
    const rep = await createTestCitizen(t(), { level: 3 });
    const link = await registerMyLegalPerson(db(), ring(), cc(rep.id), input);
    expect(link).toMatchObject({
      relation: 'legal_representative',
      verified: false,
      creditCode: input.creditCode,
    });
    // Registering again is idempotent for the same representative, refused for someone else.
    await expect(registerMyLegalPerson(db(), ring(), cc(rep.id), input)).resolves.toMatchObject({
      legalPersonId: link.legalPersonId,
    });
    const stranger = await createTestCitizen(t(), { level: 4 });
    await expect(registerMyLegalPerson(db(), ring(), cc(stranger.id), input)).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      extra: { errors: [{ field: 'body.creditCode' }] },
    });
    expect((await myApplicantProfile(db(), ring(), cc(rep.id))).legalPersons).toEqual([
      expect.objectContaining({ legalPersonId: link.legalPersonId, relation: 'legal_representative' }),
    ]);
  });

  it('refuses a bad credit code, and a kind the code contradicts', async () => {
    const rep = await createTestCitizen(t(), { level: 3 });
    await expect(
      registerMyLegalPerson(db(), ring(), cc(rep.id), {
        creditCode: '91110101XXXXXXXXX',
        name: '甲',
        kind: 'enterprise',
      }),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.creditCode' }] } });
    await expect(
      registerMyLegalPerson(db(), ring(), cc(rep.id), {
        creditCode: nextCreditCode('92'),
        name: '乙',
        kind: 'enterprise',
      }),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.kind' }] } });
  });

  it('registers at the window with verified links to the representative’s records, shown masked to departments', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const rep = await createTestCitizen(t(), { level: 2, realName: '褚建国' });
    const company = await registerLegalPersonAtWindow(
      db(),
      ring(),
      clerk.ctx,
      {
        creditCode: nextCreditCode('92'),
        name: '褚记面馆',
        kind: 'individual_business',
        representative: { realName: '褚建国', idNumber: rep.idNumber! },
      },
      today(),
    );
    expect(company).toMatchObject({ kindName: '个体工商户', representativeName: '褚建国', masked: false });
    const handler = await t().user({ role: 'department_lead' });
    const seen = await readLegalPerson(db(), ring(), handler.ctx, company.id, { full: false });
    expect(seen).toMatchObject({
      representativeName: '褚**',
      representativeIdNumber: maskIdNumber(rep.idNumber!),
      links: [{ citizenId: rep.id, name: '褚**', relation: 'legal_representative', verified: true }],
    });
    await expect(
      registerLegalPersonAtWindow(
        db(),
        ring(),
        clerk.ctx,
        {
          creditCode: company.creditCode,
          name: '褚记面馆',
          kind: 'individual_business',
          representative: { realName: '别人', idNumber: nextIdNumber() },
        },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });
});

describe('authorisations', () => {
  it('grants by phone or by name and ID, lists given and received, and revokes with the version', async () => {
    const principal = await createTestCitizen(t(), { realName: '秦奶奶' });
    const agent = await createTestCitizen(t(), { realName: '秦孙子' });
    const byPhone = await grantAuthorisation(
      db(),
      ring(),
      cc(principal.id),
      {
        principal: 'self',
        agent: { phone: agent.loginPhone! },
        kind: 'proxy',
        allItems: false,
        itemIds: [7, 8],
        validFrom: today(),
        validTo: inAYear(),
        note: '代办医保',
      },
      { today: today() },
    );
    expect(byPhone).toMatchObject({
      kindName: '代办',
      principal: { kind: 'person', citizenId: principal.id, name: '秦奶奶' },
      agent: { citizenId: agent.id, name: '秦孙子', idNumber: maskIdNumber(agent.idNumber!) },
      itemIds: [7, 8],
      state: 'active',
      channel: 'online',
    });
    const byId = await grantTestAuthorisation(t(), {
      principal: { citizenId: principal.id },
      agentCitizenId: agent.id,
    });
    const mine = await myAuthorisations(db(), ring(), cc(principal.id), today());
    expect(mine.granted.map((a) => a.id)).toEqual([byId.id, byPhone.id]);
    expect((await myAuthorisations(db(), ring(), cc(agent.id), today())).received.map((a) => a.id)).toEqual([
      byId.id,
      byPhone.id,
    ]);

    await expect(
      revokeMyAuthorisation(db(), ring(), cc(principal.id), byId.id, { version: 9, reason: null }, today()),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', extra: { currentVersion: 1 } });
    await expect(
      revokeMyAuthorisation(db(), ring(), cc(agent.id), byId.id, { version: 1, reason: null }, today()),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_NOT_FOUND' });
    const revoked = await revokeMyAuthorisation(
      db(),
      ring(),
      cc(principal.id),
      byId.id,
      { version: 1, reason: '不需要了' },
      today(),
    );
    expect(revoked).toMatchObject({
      state: 'revoked',
      stateName: '已撤销',
      revokeReason: '不需要了',
      version: 2,
    });
    await expect(
      revokeMyAuthorisation(db(), ring(), cc(principal.id), byId.id, { version: 2, reason: null }, today()),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    // The listed-items authorisation still serves item 7, not item 9.
    await expect(
      resolveApplicant(db(), ring(), {
        actingCitizenId: agent.id,
        applicant: { kind: 'person', citizenId: principal.id },
        itemIds: [9],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_REQUIRED' });
  });

  it('names what is wrong with a grant', async () => {
    const me = await createTestCitizen(t());
    const base = {
      principal: 'self' as const,
      agent: { phone: '13700000001' },
      kind: 'entrust' as const,
      allItems: true,
      itemIds: [] as number[],
      validFrom: today(),
      validTo: inAYear(),
      note: null,
    };
    await expect(grantAuthorisation(db(), ring(), cc(me.id), base, { today: today() })).rejects.toMatchObject(
      {
        code: 'APPLICANT_NOT_FOUND',
        extra: { errors: [{ field: 'body.agent.phone' }] },
      },
    );
    await expect(
      grantAuthorisation(
        db(),
        ring(),
        cc(me.id),
        { ...base, agent: { phone: me.loginPhone! } },
        { today: today() },
      ),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.agent' }] } });
    await expect(
      grantAuthorisation(db(), ring(), cc(me.id), { ...base, validTo: '2000-01-01' }, { today: today() }),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.validTo' }] } });
    await expect(
      grantAuthorisation(
        db(),
        ring(),
        cc(me.id),
        { ...base, principal: { legalPersonId: 999_999 } },
        { today: today() },
      ),
    ).rejects.toMatchObject({ code: 'LEGAL_PERSON_NOT_FOUND' });
    await expect(
      grantAuthorisation(
        db(),
        ring(),
        cc(me.id),
        { ...base, agent: { realName: '查无此人', idNumber: nextIdNumber() } },
        { today: today() },
      ),
    ).rejects.toMatchObject({
      code: 'APPLICANT_NOT_FOUND',
      extra: { errors: [{ field: 'body.agent.idNumber' }] },
    });
  });

  it('records a paper authorisation with the clerk’s own scan, lists it for the window and revokes it there', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const otherClerk = await t().user({ role: 'window_clerk' });
    const company = await createTestLegalPerson(t());
    const agent = await createTestCitizen(t(), { account: false });
    const scan = await uploadScan(clerk.ctx);
    const input = {
      principal: { legalPersonId: company.id },
      agentCitizenId: agent.id,
      kind: 'entrust' as const,
      allItems: true,
      itemIds: [],
      validFrom: today(),
      validTo: inAYear(),
      documentFileId: scan,
      note: null,
    };
    await expect(
      recordPaperAuthorisation(db(), ring(), otherClerk.ctx, input, today()),
    ).rejects.toMatchObject({
      extra: { errors: [{ field: 'body.documentFileId' }] },
    });
    const recorded = await recordPaperAuthorisation(db(), ring(), clerk.ctx, input, today());
    expect(recorded).toMatchObject({
      channel: 'window',
      documentFileId: scan,
      principal: { kind: 'legal_person', legalPersonId: company.id },
      agent: { citizenId: agent.id, idNumber: agent.idNumber },
    });
    const listed = await authorisationsForWindow(
      db(),
      ring(),
      clerk.ctx,
      { legalPersonId: company.id },
      {
        full: false,
        today: today(),
      },
    );
    expect(listed.map((a) => a.id)).toEqual([recorded.id]);
    expect(listed[0]!.agent.idNumber).toBe(maskIdNumber(agent.idNumber!));
    const handler = await t().user({ role: 'handler' });
    const masked = await authorisationsForWindow(
      db(),
      ring(),
      handler.ctx,
      { citizenId: agent.id },
      {
        full: false,
        today: today(),
      },
    );
    expect(masked[0]!.agent.name).toMatch(/\*/);
    const revoked = await revokeAuthorisationAtWindow(
      db(),
      ring(),
      clerk.ctx,
      recorded.id,
      { version: 1, reason: '委托人到窗口撤销' },
      today(),
    );
    expect(revoked.state).toBe('revoked');
    const audit = await listAudit(db(), {
      targetType: 'authorisation',
      targetId: String(recorded.id),
      limit: 10,
    });
    expect(audit.items.map((e) => e.action).sort()).toEqual(['authorisation.grant', 'authorisation.revoke']);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTestCitizen,
  createTestLegalPerson,
  grantTestAuthorisation,
  nextIdNumber,
} from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { listAudit } from '../audit/index.js';
import { storeMaterials } from '../files/index.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { resolveApplicant } from './resolve.js';
import {
  authorisationsForWindow,
  grantAuthorisation,
  myAuthorisations,
  recordPaperAuthorisation,
  revokeAuthorisationAtWindow,
  revokeMyAuthorisation,
} from './authorisations.js';
import type { registerWalkInApplicant } from './persons.js';
import type { CitizenContext } from './presenters.js';

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

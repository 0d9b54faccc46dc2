import { describe, expect, it } from 'vitest';
import {
  createTestCitizen,
  createTestLegalPerson,
  nextCreditCode,
  nextIdNumber,
} from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { listAudit } from '../audit/index.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { findApplicants } from './search.js';

const t = useTestServices();
const db = () => t().database.db;
const ring = () => t().reporterKeys;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

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

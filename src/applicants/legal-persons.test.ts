import { describe, expect, it } from 'vitest';
import { createTestCitizen, nextCreditCode, nextIdNumber } from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { readLegalPerson, registerLegalPersonAtWindow, registerMyLegalPerson } from './legal-persons.js';
import { myApplicantProfile } from './persons.js';
import type { CitizenContext } from './presenters.js';

const t = useTestServices();
const db = () => t().database.db;
const ring = () => t().reporterKeys;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const cc = (citizenId: number): CitizenContext => ({ citizenId, clientIp: null, requestId: null });

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

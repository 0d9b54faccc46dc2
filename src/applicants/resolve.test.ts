import { describe, expect, it } from 'vitest';
import {
  createTestCitizen,
  createTestLegalPerson,
  grantTestAuthorisation,
} from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { applicantProfile, resolveApplicant } from './resolve.js';

const t = useTestServices();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('resolveApplicant', () => {
  it('resolves a citizen applying for themselves, masked id and level', async () => {
    const me = await createTestCitizen(t(), { realName: '王小明' });
    const ref = await resolveApplicant(t().database.db, t().reporterKeys, {
      actingCitizenId: me.id,
      applicant: { kind: 'person', citizenId: me.id },
      itemIds: [1],
      on: today(),
    });
    expect(ref).toEqual({
      kind: 'person',
      citizenId: me.id,
      legalPersonId: null,
      displayName: '王小明',
      maskedId: maskIdNumber(me.idNumber!),
      identityLevel: 2,
      acting: {
        citizenId: me.id,
        name: '王小明',
        idNumberMasked: maskIdNumber(me.idNumber!),
        identityLevel: 2,
        capacity: 'self',
      },
      authorisationId: null,
    });
  });

  it('refuses a citizen who declared no real name and ID number', async () => {
    const me = await createTestCitizen(t(), { anonymous: true });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: me.id,
        applicant: { kind: 'person', citizenId: me.id },
        itemIds: [1],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'APPLICANT_INCOMPLETE' });
  });

  it('lets an agent act for a person under an authorisation covering the item, and not for another item', async () => {
    const principal = await createTestCitizen(t(), { realName: '李老太' });
    const agent = await createTestCitizen(t(), { realName: '李儿子' });
    const granted = await grantTestAuthorisation(t(), {
      principal: { citizenId: principal.id },
      agentCitizenId: agent.id,
      itemIds: [42],
    });
    const ref = await resolveApplicant(t().database.db, t().reporterKeys, {
      actingCitizenId: agent.id,
      applicant: { kind: 'person', citizenId: principal.id },
      itemIds: [420, 42],
      on: today(),
    });
    expect(ref).toMatchObject({
      kind: 'person',
      citizenId: principal.id,
      displayName: '李老太',
      acting: { citizenId: agent.id, name: '李儿子', capacity: 'agent' },
      authorisationId: granted.id,
    });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: agent.id,
        applicant: { kind: 'person', citizenId: principal.id },
        itemIds: [43],
        on: today(),
      }),
    ).rejects.toMatchObject({
      code: 'AUTHORISATION_REQUIRED',
      extra: { reasons: [`授权委托 ${granted.id} 的范围不包含该事项`] },
    });
  });

  it('refuses an agent on a day the authorisation does not cover', async () => {
    const principal = await createTestCitizen(t());
    const agent = await createTestCitizen(t());
    const granted = await grantTestAuthorisation(t(), {
      principal: { citizenId: principal.id },
      agentCitizenId: agent.id,
    });
    const nextYearAndADay = `${Number(granted.validTo.slice(0, 4)) + 1}${granted.validTo.slice(4)}`;
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: agent.id,
        applicant: { kind: 'person', citizenId: principal.id },
        itemIds: [1],
        on: nextYearAndADay,
      }),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_REQUIRED' });
  });

  it('lets a legal person’s representative at level 3 act, and refuses level 2 saying which level is needed', async () => {
    const representative = await createTestCitizen(t(), { level: 3 });
    const company = await createTestLegalPerson(t(), { representative, name: '北京示例餐饮有限公司' });
    const ref = await resolveApplicant(t().database.db, t().reporterKeys, {
      actingCitizenId: representative.id,
      applicant: { kind: 'legal_person', legalPersonId: company.id },
      itemIds: [1],
      on: today(),
    });
    expect(ref).toMatchObject({
      kind: 'legal_person',
      legalPersonId: company.id,
      displayName: '北京示例餐饮有限公司',
      maskedId: company.creditCode,
      legalPersonKind: 'enterprise',
      acting: { citizenId: representative.id, capacity: 'legal_representative', identityLevel: 3 },
      authorisationId: null,
      representativeVerified: true,
    });

    const lowly = await createTestCitizen(t(), { level: 2 });
    const other = await createTestLegalPerson(t(), { representative: lowly });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: lowly.id,
        applicant: { kind: 'legal_person', legalPersonId: other.id },
        itemIds: [1],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'IDENTITY_LEVEL_TOO_LOW', extra: { requiredLevel: 3, currentLevel: 2 } });
  });

  it('lets an agent of a legal person act under its authorisation, and nobody else', async () => {
    const company = await createTestLegalPerson(t());
    const agent = await createTestCitizen(t(), { level: 4 });
    const stranger = await createTestCitizen(t(), { level: 4 });
    const granted = await grantTestAuthorisation(t(), {
      principal: { legalPersonId: company.id, representativeId: company.representative.id },
      agentCitizenId: agent.id,
    });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: agent.id,
        applicant: { kind: 'legal_person', legalPersonId: company.id },
        itemIds: [1],
        on: today(),
      }),
    ).resolves.toMatchObject({ acting: { capacity: 'agent' }, authorisationId: granted.id });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: stranger.id,
        applicant: { kind: 'legal_person', legalPersonId: company.id },
        itemIds: [1],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_REQUIRED' });
  });

  it('answers unknown people and legal persons', async () => {
    const me = await createTestCitizen(t(), { level: 4 });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: 999_999,
        applicant: { kind: 'person', citizenId: 999_999 },
        itemIds: [1],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'APPLICANT_NOT_FOUND' });
    await expect(
      resolveApplicant(t().database.db, t().reporterKeys, {
        actingCitizenId: me.id,
        applicant: { kind: 'legal_person', legalPersonId: 999_999 },
        itemIds: [1],
        on: today(),
      }),
    ).rejects.toMatchObject({ code: 'AUTHORISATION_REQUIRED' });
  });
});

describe('applicantProfile', () => {
  it('gives a person’s values for a person’s application', async () => {
    const me = await createTestCitizen(t(), { realName: '赵六' });
    const ref = await resolveApplicant(t().database.db, t().reporterKeys, {
      actingCitizenId: me.id,
      applicant: { kind: 'person', citizenId: me.id },
      itemIds: [1],
      on: today(),
    });
    expect(await applicantProfile(t().database.db, t().reporterKeys, ref)).toEqual({
      'person.name': '赵六',
      'person.id_number': me.idNumber,
      'person.phone': me.loginPhone,
      'legal_person.name': null,
      'legal_person.credit_code': null,
      'legal_person.representative': null,
    });
  });

  it('gives the legal person’s values and the acting citizen as 经办人 for a legal person’s application', async () => {
    const company = await createTestLegalPerson(t(), { name: '北京示例科技有限公司' });
    const agent = await createTestCitizen(t(), { level: 3, realName: '钱七' });
    await grantTestAuthorisation(t(), {
      principal: { legalPersonId: company.id, representativeId: company.representative.id },
      agentCitizenId: agent.id,
    });
    const ref = await resolveApplicant(t().database.db, t().reporterKeys, {
      actingCitizenId: agent.id,
      applicant: { kind: 'legal_person', legalPersonId: company.id },
      itemIds: [1],
      on: today(),
    });
    expect(await applicantProfile(t().database.db, t().reporterKeys, ref)).toEqual({
      'person.name': '钱七',
      'person.id_number': agent.idNumber,
      'person.phone': agent.loginPhone,
      'legal_person.name': '北京示例科技有限公司',
      'legal_person.credit_code': company.creditCode,
      'legal_person.representative': company.representative.realName,
    });
  });
});

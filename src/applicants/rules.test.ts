import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../shared/codes/index.js';
import {
  DEFAULT_APPLICANT_RULES,
  authorisationInputProblems,
  authorisationProblem,
  authorisationState,
  coversItem,
  decideActing,
  kindOfCreditCode,
  type ActingQuestion,
  type AuthorisationFacts,
} from './rules.js';

const auth = (overrides: Partial<AuthorisationFacts> = {}): AuthorisationFacts => ({
  id: 1,
  principal: { kind: 'person', citizenId: 10 },
  agentCitizenId: 20,
  allItems: true,
  itemIds: [],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  revoked: false,
  ...overrides,
});

const question = (overrides: Partial<ActingQuestion> = {}): ActingQuestion => ({
  applicant: { kind: 'person', citizenId: 10 },
  actingCitizenId: 20,
  actingLevel: 2,
  links: [],
  authorisations: [auth()],
  itemIds: [500, 50],
  on: '2026-06-01',
  ...overrides,
});

function creditCode(prefix: string): string {
  const body = `${prefix}110101MA0000001`.slice(0, 16);
  const org = body.slice(8, 16);
  const body17 = `${body}${organizationCodeCheckChar(org)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

describe('authorisationState', () => {
  it.each([
    ['2025-12-31', 'pending'],
    ['2026-01-01', 'active'],
    ['2026-06-15', 'active'],
    ['2026-12-31', 'active'],
    ['2027-01-01', 'expired'],
  ] as const)('on %s is %s', (on, state) => {
    expect(authorisationState(auth(), on)).toBe(state);
  });
  it('is revoked whatever the day', () => {
    for (const on of ['2025-12-31', '2026-06-15', '2027-01-01'])
      expect(authorisationState(auth({ revoked: true }), on)).toBe('revoked');
  });
});

describe('coversItem', () => {
  it('covers every item when all items are authorised', () => {
    expect(coversItem({ allItems: true, itemIds: [] }, [1])).toBe(true);
    expect(coversItem({ allItems: true, itemIds: [] }, [])).toBe(true);
  });
  it('covers a listed item or an item whose parent is listed', () => {
    const listed = { allItems: false, itemIds: [7, 50] };
    expect(coversItem(listed, [7])).toBe(true);
    expect(coversItem(listed, [500, 50, 5])).toBe(true);
    expect(coversItem(listed, [8, 9])).toBe(false);
    expect(coversItem(listed, [])).toBe(false);
  });
});

describe('authorisationProblem', () => {
  const request = {
    principal: { kind: 'person', citizenId: 10 } as const,
    agentCitizenId: 20,
    itemIds: [1],
    on: '2026-06-01',
  };
  it('accepts a valid, covering authorisation', () => {
    expect(authorisationProblem(auth(), request)).toBeNull();
  });
  it.each([
    [{ agentCitizenId: 21 }, '受托人不是本人'],
    [{ principal: { kind: 'person', citizenId: 11 } as const }, '委托人不是该申请人'],
    [{ principal: { kind: 'legal_person', legalPersonId: 10 } as const }, '委托人不是该申请人'],
    [{ revoked: true }, '已撤销'],
    [{ validFrom: '2026-07-01' }, '自 2026-07-01 起生效'],
    [{ validTo: '2026-05-31' }, '已于 2026-05-31 到期'],
    [{ allItems: false, itemIds: [2] }, '范围不包含该事项'],
  ] as const)('refuses %o: %s', (overrides, reason) => {
    expect(authorisationProblem(auth(overrides as Partial<AuthorisationFacts>), request)).toContain(reason);
  });
});

describe('decideActing', () => {
  it('lets a citizen apply for themselves at any level without authorisation', () => {
    expect(decideActing(question({ actingCitizenId: 10, authorisations: [], actingLevel: 2 }))).toEqual({
      ok: true,
      capacity: 'self',
      authorisationId: null,
      representativeVerified: false,
    });
  });

  it('lets an agent act for a person under a valid authorisation covering the item', () => {
    expect(decideActing(question())).toEqual({
      ok: true,
      capacity: 'agent',
      authorisationId: 1,
      representativeVerified: false,
    });
  });

  it('cites the newest valid authorisation when several cover the item', () => {
    const decision = decideActing(
      question({ authorisations: [auth({ id: 3 }), auth({ id: 9 }), auth({ id: 12, revoked: true })] }),
    );
    expect(decision).toMatchObject({ ok: true, authorisationId: 9 });
  });

  it('refuses an agent without an authorisation, saying none exists', () => {
    expect(decideActing(question({ authorisations: [] }))).toEqual({
      ok: false,
      code: 'AUTHORISATION_REQUIRED',
      reasons: ['没有该申请人给您的授权委托'],
    });
  });

  it('ignores authorisations of other principals and other agents', () => {
    const decision = decideActing(
      question({
        authorisations: [
          auth({ principal: { kind: 'person', citizenId: 11 } }),
          auth({ agentCitizenId: 21 }),
          auth({ principal: { kind: 'legal_person', legalPersonId: 10 } }),
        ],
      }),
    );
    expect(decision).toEqual({
      ok: false,
      code: 'AUTHORISATION_REQUIRED',
      reasons: ['没有该申请人给您的授权委托'],
    });
  });

  it('lists why each authorisation of the applicant does not serve', () => {
    const decision = decideActing(
      question({
        authorisations: [
          auth({ id: 1, revoked: true }),
          auth({ id: 2, validTo: '2026-05-01' }),
          auth({ id: 3, validFrom: '2026-07-01' }),
          auth({ id: 4, allItems: false, itemIds: [1] }),
        ],
      }),
    );
    expect(decision).toEqual({
      ok: false,
      code: 'AUTHORISATION_REQUIRED',
      reasons: [
        '授权委托 4 的范围不包含该事项',
        '授权委托 3 自 2026-07-01 起生效',
        '授权委托 2 已于 2026-05-01 到期',
        '授权委托 1 已撤销',
      ],
    });
  });

  it('accepts an authorisation listing a parent item of the one applied for', () => {
    expect(
      decideActing(question({ authorisations: [auth({ allItems: false, itemIds: [50] })] })),
    ).toMatchObject({
      ok: true,
      authorisationId: 1,
    });
  });

  describe('for a legal person', () => {
    const company = { kind: 'legal_person', legalPersonId: 7 } as const;
    const companyAuth = auth({ id: 5, principal: company });

    it('needs identity level 3 whatever the links', () => {
      for (const level of [2] as const) {
        expect(
          decideActing(
            question({
              applicant: company,
              actingLevel: level,
              links: [{ relation: 'legal_representative', verified: true, ended: false }],
            }),
          ),
        ).toEqual({ ok: false, code: 'IDENTITY_LEVEL_TOO_LOW', requiredLevel: 3 });
      }
    });

    it('lets its representative act, telling whether a window verified the link', () => {
      for (const verified of [true, false])
        expect(
          decideActing(
            question({
              applicant: company,
              actingLevel: 3,
              authorisations: [],
              links: [{ relation: 'legal_representative', verified, ended: false }],
            }),
          ),
        ).toEqual({
          ok: true,
          capacity: 'legal_representative',
          authorisationId: null,
          representativeVerified: verified,
        });
    });

    it('does not let a former representative or a bare agent link act without an authorisation', () => {
      const decision = decideActing(
        question({
          applicant: company,
          actingLevel: 4,
          authorisations: [],
          links: [
            { relation: 'legal_representative', verified: true, ended: true },
            { relation: 'agent', verified: true, ended: false },
          ],
        }),
      );
      expect(decision).toMatchObject({ ok: false, code: 'AUTHORISATION_REQUIRED' });
    });

    it('lets an authorised agent at level 3 or 4 act', () => {
      for (const level of [3, 4] as const)
        expect(
          decideActing(question({ applicant: company, actingLevel: level, authorisations: [companyAuth] })),
        ).toEqual({ ok: true, capacity: 'agent', authorisationId: 5, representativeVerified: false });
    });
  });

  it('applies configured thresholds', () => {
    const strict = { ...DEFAULT_APPLICANT_RULES, agentMinLevel: 3 as const, legalPersonMinLevel: 4 as const };
    expect(decideActing(question({ actingLevel: 2 }), strict)).toEqual({
      ok: false,
      code: 'IDENTITY_LEVEL_TOO_LOW',
      requiredLevel: 3,
    });
    expect(decideActing(question({ actingLevel: 3 }), strict)).toMatchObject({ ok: true });
    expect(
      decideActing(
        question({
          applicant: { kind: 'legal_person', legalPersonId: 7 },
          actingLevel: 3,
          authorisations: [],
        }),
        strict,
      ),
    ).toEqual({ ok: false, code: 'IDENTITY_LEVEL_TOO_LOW', requiredLevel: 4 });
  });
});

describe('kindOfCreditCode', () => {
  it.each([
    ['91', 'enterprise'],
    ['93', 'enterprise'],
    ['92', 'individual_business'],
    ['51', 'social_organization'],
    ['52', 'social_organization'],
    ['11', 'public_institution'],
    ['12', 'public_institution'],
    ['31', null],
    ['Y1', null],
  ] as const)('reads %s as %s', (prefix, kind) => {
    expect(kindOfCreditCode(creditCode(prefix))).toBe(kind);
  });
  it('tells nothing of an invalid code', () => {
    expect(kindOfCreditCode('911101010000000000')).toBeNull();
  });
});

describe('authorisationInputProblems', () => {
  const ok = { validFrom: '2026-06-01', validTo: '2026-12-31', allItems: true, itemIds: [] as number[] };
  it('accepts a period from today on and a scope', () => {
    expect(authorisationInputProblems(ok, '2026-06-01')).toEqual([]);
    expect(authorisationInputProblems({ ...ok, allItems: false, itemIds: [1, 2] }, '2026-06-01')).toEqual([]);
  });
  it.each([
    [{ validTo: '2026-05-31' }, 'body.validTo', '截止日期不能早于开始日期'],
    [{ validFrom: '2026-01-01', validTo: '2026-05-31' }, 'body.validTo', '截止日期已过'],
    [{ validTo: '2029-07-01' }, 'body.validTo', '委托期限不能超过'],
    [{ itemIds: [1] }, 'body.itemIds', '授权全部事项时不列事项'],
    [{ allItems: false }, 'body.itemIds', '请列出授权办理的事项'],
    [{ allItems: false, itemIds: [1, 1] }, 'body.itemIds', '事项重复'],
  ] as const)('refuses %o naming %s', (overrides, field, reason) => {
    const problems = authorisationInputProblems({ ...ok, ...overrides }, '2026-06-01');
    expect(problems).toEqual([expect.objectContaining({ field, reason: expect.stringContaining(reason) })]);
  });
  it('accepts exactly the longest period', () => {
    const days = DEFAULT_APPLICANT_RULES.maxAuthorisationDays;
    const end = new Date(Date.parse('2026-06-01T00:00:00Z') + (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(authorisationInputProblems({ ...ok, validTo: end }, '2026-06-01')).toEqual([]);
  });
});

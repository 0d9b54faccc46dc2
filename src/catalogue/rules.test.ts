import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_LEVELS,
  ITEM_SITUATIONS,
  VERSION_STATES,
  type ApplicationForm,
  type MaterialRequirement,
} from './model.js';
import {
  VERSION_ACTIONS,
  basicCodeProblem,
  bundleChildErrors,
  dayBefore,
  implementationCodeProblem,
  implementingOrgProblem,
  isApplicable,
  nextVersionState,
  periodsOverlap,
  planPublication,
  refusedActionReason,
  treeErrors,
  unionForm,
  unionMaterials,
  versionOn,
  type BundleChild,
} from './rules.js';
import { testForm, testGuide, testOrgCreditCode } from './test-support.js';

describe('codes (GB/T 39046-2020, GB 32100)', () => {
  it.each([
    ['1', null],
    ['0100001000', null],
    ['XK00101001', null],
    ['A-1', null],
  ])('accepts the basic code %s', (code, problem) => {
    expect(basicCodeProblem(code)).toBe(problem);
  });

  it.each(['', '01000010001', 'xk001', '-01', '01 02', '居住证'])('refuses the basic code "%s"', (code) => {
    expect(basicCodeProblem(code)).not.toBeNull();
  });

  it('accepts implementation codes up to 24 characters and refuses longer ones', () => {
    expect(implementationCodeProblem('11010100000000000000000A')).toBeNull();
    expect(implementationCodeProblem('110101-XK-001-01')).toBeNull();
    expect(implementationCodeProblem('11010100000000000000000AB')).toMatch(/1–24/);
    expect(implementationCodeProblem('')).toMatch(/1–24/);
    expect(implementationCodeProblem('abc')).toMatch(/upper-case/);
  });

  it('keeps any code of the allowed alphabet within the lengths', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-'.split('');
    fc.assert(
      fc.property(
        fc.constantFrom(...alphabet.slice(0, -1)),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 23 }),
        (first, rest) => {
          const code = first + rest.join('');
          expect(implementationCodeProblem(code)).toBeNull();
          expect(basicCodeProblem(code) === null).toBe(code.length <= 10);
        },
      ),
    );
  });

  it('validates the implementing organ by GB 32100 and normalises its case', () => {
    const code = testOrgCreditCode(4242);
    expect(implementingOrgProblem(code.toLowerCase())).toEqual({ code });
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(implementingOrgProblem(wrongCheck)).toHaveProperty('reason');
    expect(implementingOrgProblem('123')).toHaveProperty('reason');
  });
});

describe('the tree (主项 → 子项 → 办理项)', () => {
  const at = 'body';
  const fields = (item: Parameters<typeof treeErrors>[0], parent: Parameters<typeof treeErrors>[1]) =>
    treeErrors(item, parent, at).map((e) => e.field);

  // Every level × parent level (or none) × bundle parent: the allowed placements, written out.
  const allowed = new Set(['main|none', 'sub|main', 'handling|main', 'handling|sub']);
  for (const level of ITEM_LEVELS) {
    for (const parentLevel of ['none', ...ITEM_LEVELS] as const) {
      const ok = allowed.has(`${level}|${parentLevel}`);
      it(`${ok ? 'allows' : 'refuses'} a ${level} item under ${parentLevel}`, () => {
        const parent = parentLevel === 'none' ? null : { level: parentLevel, isBundle: false };
        expect(fields({ level, situation: null, isBundle: false }, parent)).toEqual(
          ok ? [] : ['body.parent'],
        );
      });
    }
  }

  it('refuses any item under a bundle', () => {
    expect(
      fields({ level: 'handling', situation: null, isBundle: false }, { level: 'main', isBundle: true }),
    ).toEqual(['body.parent']);
  });

  for (const level of ITEM_LEVELS) {
    for (const situation of ITEM_SITUATIONS) {
      const ok = level === 'handling';
      it(`${ok ? 'allows' : 'refuses'} the situation ${situation} on a ${level} item`, () => {
        const parent = level === 'main' ? null : { level: 'main' as const, isBundle: false };
        expect(fields({ level, situation, isBundle: false }, parent)).toEqual(ok ? [] : ['body.situation']);
      });
    }
  }

  it('keeps a bundle a main item', () => {
    expect(
      fields({ level: 'sub', situation: null, isBundle: true }, { level: 'main', isBundle: false }),
    ).toEqual(['body.level']);
    expect(fields({ level: 'main', situation: null, isBundle: true }, null)).toEqual([]);
  });

  it('applies for leaves only', () => {
    expect(isApplicable(false)).toBe(true);
    expect(isApplicable(true)).toBe(false);
  });
});

describe('the version lifecycle table', () => {
  const expected: Record<string, string | null> = {
    'draft|edit': 'draft',
    'draft|publish': 'published',
    'draft|discard': 'deleted',
    'draft|retire': null,
    'published|edit': null,
    'published|publish': null,
    'published|discard': null,
    'published|retire': 'retired',
    'retired|edit': null,
    'retired|publish': null,
    'retired|discard': null,
    'retired|retire': null,
  };
  for (const state of VERSION_STATES) {
    for (const action of VERSION_ACTIONS) {
      it(`${state} × ${action} → ${String(expected[`${state}|${action}`])}`, () => {
        expect(nextVersionState(state, action)).toBe(expected[`${state}|${action}`]);
      });
    }
  }

  it('says that a published version is frozen and how to change it', () => {
    expect(refusedActionReason('published', 'edit')).toMatch(/新建草稿/);
    expect(refusedActionReason('retired', 'retire')).toMatch(/已废止/);
    expect(refusedActionReason('draft', 'retire')).toBe('a draft version cannot be retired');
    expect(refusedActionReason('published', 'discard')).toBe('a published version cannot be discarded');
  });
});

describe('validity', () => {
  it('computes the day before across months, years and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2026-05-10')).toBe('2026-05-09');
  });

  it('treats ranges as inclusive and open ends as forever', () => {
    expect(
      periodsOverlap(
        { validFrom: '2026-01-01', validTo: '2026-01-31' },
        { validFrom: '2026-01-31', validTo: null },
      ),
    ).toBe(true);
    expect(
      periodsOverlap(
        { validFrom: '2026-01-01', validTo: '2026-01-30' },
        { validFrom: '2026-01-31', validTo: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { validFrom: '2026-02-01', validTo: null },
        { validFrom: '2026-01-01', validTo: '2026-01-31' },
      ),
    ).toBe(false);
    expect(
      periodsOverlap({ validFrom: '2026-02-01', validTo: null }, { validFrom: '2026-01-01', validTo: null }),
    ).toBe(true);
  });

  it('is symmetric', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const period = fc.tuple(day, fc.option(day)).map(([a, b]) => ({
      validFrom: b !== null && b < a ? b : a,
      validTo: b !== null && b < a ? a : b,
    }));
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
      }),
    );
  });

  it('closes an earlier open version the day before the new one starts', () => {
    expect(
      planPublication({ validFrom: '2026-04-01', validTo: null }, [
        { id: 1, validFrom: '2026-01-01', validTo: null },
      ]),
    ).toEqual({
      close: [{ id: 1, validTo: '2026-03-31' }],
    });
  });

  it('leaves a version that ended before untouched', () => {
    expect(
      planPublication({ validFrom: '2026-04-01', validTo: null }, [
        { id: 1, validFrom: '2026-01-01', validTo: '2026-03-31' },
      ]),
    ).toEqual({ close: [] });
  });

  it('refuses a version that starts inside a later one, or on the same day', () => {
    expect(
      planPublication({ validFrom: '2026-04-01', validTo: null }, [
        { id: 7, validFrom: '2026-05-01', validTo: null },
      ]),
    ).toEqual({
      conflict: 7,
    });
    expect(
      planPublication({ validFrom: '2026-04-01', validTo: null }, [
        { id: 7, validFrom: '2026-04-01', validTo: null },
      ]),
    ).toEqual({
      conflict: 7,
    });
  });

  it('refuses a bounded version that would cut an earlier one running past it', () => {
    expect(
      planPublication({ validFrom: '2026-04-01', validTo: '2026-04-30' }, [
        { id: 3, validFrom: '2026-01-01', validTo: null },
      ]),
    ).toEqual({ conflict: 3 });
  });

  it('finds the version in force on a day', () => {
    const versions = [
      { id: 1, validFrom: '2026-01-01', validTo: '2026-03-31' },
      { id: 2, validFrom: '2026-04-01', validTo: null },
    ];
    expect(versionOn(versions, '2025-12-31')).toBeNull();
    expect(versionOn(versions, '2026-03-31')?.id).toBe(1);
    expect(versionOn(versions, '2026-04-01')?.id).toBe(2);
    expect(versionOn(versions, '2099-01-01')?.id).toBe(2);
  });
});

describe('bundles (一件事一次办)', () => {
  const published = (
    form: ApplicationForm = testForm(),
    materials: MaterialRequirement[] = testGuide().materials,
  ) => ({
    form,
    materials,
  });
  const children = new Map<number, BundleChild>([
    [1, { itemId: 1, name: '出生医学证明', isBundle: false, published: published() }],
    [2, { itemId: 2, name: '户口登记', isBundle: false, published: published() }],
    [3, { itemId: 3, name: '另一个一件事', isBundle: true, published: published() }],
    [4, { itemId: 4, name: '草稿事项', isBundle: false, published: null }],
  ]);

  it('accepts two or more distinct published items', () => {
    expect(bundleChildErrors([1, 2], children, 'b')).toEqual([]);
  });

  it.each([
    [[1], 'b', 'at least two'],
    [[1, 1], 'b.1', 'repeats'],
    [[1, 9], 'b.1', 'no item 9'],
    [[1, 3], 'b.1', 'itself a bundle'],
    [[1, 4], 'b.1', 'no version published today'],
  ])('refuses %j at %s (%s)', (ids, field, reason) => {
    const errors = bundleChildErrors(ids, children, 'b');
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.map((e) => e.reason).join(' ')).toContain(reason);
  });

  it('asks a shared field once, adds each child’s own fields in a section of its own', () => {
    const union = unionForm(
      [
        { name: 'A', form: testForm('a_only') },
        { name: 'B', form: testForm('b_only') },
      ],
      'f',
    );
    if ('errors' in union) throw new Error('unexpected');
    expect(Object.keys(union.form.schema.properties as object)).toEqual([
      'applicant_name',
      'phone',
      'reason',
      'a_only',
      'b_only',
    ]);
    expect(union.form.schema.required).toEqual(['applicant_name', 'phone']);
    expect(union.form.layout.sections).toEqual([
      { title: 'A', fields: ['applicant_name', 'phone', 'reason', 'a_only'] },
      { title: 'B', fields: ['b_only'] },
    ]);
    expect(union.form.layout.fields.applicant_name?.prefill).toBe('person.name');
  });

  it('makes a field required when any child requires it', () => {
    const optional = testForm();
    optional.schema.required = [];
    const union = unionForm(
      [
        { name: 'A', form: optional },
        { name: 'B', form: testForm() },
      ],
      'f',
    );
    if ('errors' in union) throw new Error('unexpected');
    expect(union.form.schema.required).toEqual(['applicant_name', 'phone']);
  });

  it('treats schemas equal regardless of key order, and refuses a different one naming the field and items', () => {
    const reordered = testForm();
    (reordered.schema.properties as Record<string, unknown>).phone = {
      title: '联系电话',
      pattern: '^1[3-9][0-9]{9}$',
      type: 'string',
    };
    expect(
      'form' in
        unionForm(
          [
            { name: 'A', form: testForm() },
            { name: 'B', form: reordered },
          ],
          'f',
        ),
    ).toBe(true);
    const different = testForm();
    (different.schema.properties as Record<string, unknown>).phone = { type: 'string', maxLength: 20 };
    const union = unionForm(
      [
        { name: 'A', form: testForm() },
        { name: 'B', form: different },
      ],
      'f',
    );
    expect(union).toEqual({ errors: [expect.objectContaining({ field: 'f.phone' })] });
    if ('errors' in union) expect(union.errors[0]!.reason).toMatch(/「A」与「B」/);
  });

  it('joins materials by key: once, required if any requires it, the most copies', () => {
    const [idCard, form, authorization] = testGuide().materials as [
      MaterialRequirement,
      MaterialRequirement,
      MaterialRequirement,
    ];
    const union = unionMaterials([
      { materials: [idCard, authorization] },
      { materials: [{ ...idCard, copies: 2 }, form, { ...authorization, required: true, condition: null }] },
    ]);
    expect(union.map((m) => [m.key, m.required, m.condition, m.copies])).toEqual([
      ['id_card', true, null, 2],
      ['authorization', true, null, 1],
      ['application_form', true, null, 1],
    ]);
    expect(unionMaterials([{ materials: [authorization] }, { materials: [authorization] }])[0]).toEqual(
      authorization,
    );
  });
});

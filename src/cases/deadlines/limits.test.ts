import { describe, expect, it } from 'vitest';
import { HANDLING_LIMIT_DEFAULTS, STAGE_LIMIT_DEFAULTS } from './defaults.js';
import { conditionsFor, pickHandlingLimit, pickStageLimit, type HandlingLimitRow } from './limits.js';

const GB = 'GB/T 47678.5-2026';
const rows: HandlingLimitRow[] = [
  {
    kind: 'component',
    standard: GB,
    classCodePrefix: '',
    condition: 'default',
    urgency: 'normal',
    amount: 3,
    unit: 'working_days',
  },
  {
    kind: 'component',
    standard: GB,
    classCodePrefix: '01',
    condition: 'default',
    urgency: 'normal',
    amount: 2,
    unit: 'working_days',
  },
  {
    kind: 'component',
    standard: GB,
    classCodePrefix: '01001',
    condition: 'default',
    urgency: 'normal',
    amount: 1,
    unit: 'working_days',
  },
  {
    kind: 'component',
    standard: GB,
    classCodePrefix: '01',
    condition: 'missing',
    urgency: 'normal',
    amount: 2,
    unit: 'working_hours',
  },
  {
    kind: 'component',
    standard: GB,
    classCodePrefix: '',
    condition: 'default',
    urgency: 'urgent',
    amount: 4,
    unit: 'working_hours',
  },
];
const q = {
  kind: 'component' as const,
  standard: GB,
  classCode: '01001',
  condition: 'default',
  urgency: 'normal' as const,
};

describe('pickHandlingLimit', () => {
  it('takes the longest matching class prefix', () => {
    expect(pickHandlingLimit(rows, q)?.amount).toBe(1);
    expect(pickHandlingLimit(rows, { ...q, classCode: '01002' })?.amount).toBe(2);
    expect(pickHandlingLimit(rows, { ...q, classCode: '02001' })?.amount).toBe(3);
  });

  it("prefers the case's own filing condition over a default, even at a shorter prefix", () => {
    expect(pickHandlingLimit(rows, { ...q, condition: 'missing' })).toMatchObject({
      amount: 2,
      unit: 'working_hours',
    });
  });

  it('falls back to the default condition when the named one has no row', () => {
    expect(pickHandlingLimit(rows, { ...q, condition: 'tilted' })?.amount).toBe(1);
  });

  it('respects urgency, kind and standard', () => {
    expect(pickHandlingLimit(rows, { ...q, urgency: 'urgent' })).toMatchObject({
      amount: 4,
      unit: 'working_hours',
    });
    expect(pickHandlingLimit(rows, { ...q, kind: 'matter' })).toBeNull();
    expect(pickHandlingLimit(rows, { ...q, standard: 'CJ/T 214-2007' })).toBeNull();
  });

  it('lists the conditions a class offers', () => {
    expect(conditionsFor(rows, { kind: 'component', standard: GB, classCode: '01001' })).toEqual([
      'default',
      'missing',
    ]);
    expect(conditionsFor(rows, { kind: 'component', standard: GB, classCode: '02001' })).toEqual(['default']);
  });
});

describe('default limit tables', () => {
  it('cover every stage clock at both urgencies, each with a source', () => {
    for (const clock of ['filing', 'check', 'dispatch', 'verify', 'closing'] as const) {
      for (const urgency of ['normal', 'urgent'] as const) {
        expect(pickStageLimit(STAGE_LIMIT_DEFAULTS, clock, urgency), `${clock} ${urgency}`).not.toBeNull();
      }
    }
    expect(STAGE_LIMIT_DEFAULTS.every((r) => r.source.length > 0)).toBe(true);
  });

  it('give every class of every standard a handling limit at both urgencies, urgent no longer than normal', () => {
    for (const standard of [GB, 'CJ/T 214-2007', 'LOCAL']) {
      for (const kind of ['component', 'matter'] as const) {
        for (const classCode of ['01001', '06010', '09001', '0101']) {
          const normal = pickHandlingLimit(HANDLING_LIMIT_DEFAULTS, {
            kind,
            standard,
            classCode,
            condition: 'default',
            urgency: 'normal',
          });
          const urgent = pickHandlingLimit(HANDLING_LIMIT_DEFAULTS, {
            kind,
            standard,
            classCode,
            condition: 'default',
            urgency: 'urgent',
          });
          expect(normal, `${standard} ${kind} ${classCode}`).not.toBeNull();
          expect(urgent).not.toBeNull();
        }
      }
    }
  });

  it('has no two rows for the same key', () => {
    const keys = HANDLING_LIMIT_DEFAULTS.map(
      (r) => `${r.kind}|${r.standard}|${r.classCodePrefix}|${r.condition}|${r.urgency}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

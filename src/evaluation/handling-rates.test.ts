/**
 * 日常处置率, 应处置按期完成率 and 按期处置率 stay within 0–100 % for any history and any period
 * (issue #11 §5: handlings of the period over the dispatches of the period reached 130 %). Pure:
 * contributions summed over a period, as the rollups do, then the scoring formulas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contributionsOf,
  type CaseHistory,
  type Contributions,
  type HistoryClock,
  type HistoryEvent,
} from './contributions.js';
import { INDICATORS } from './indicators.js';
import { indicatorValue, type Facts } from './scoring.js';
import { FACT_KEYS } from './vocabulary.js';

const TZ = 'Asia/Shanghai';
const START = Date.parse('2026-10-01T00:00:00+08:00');
const MINUTE = 60_000;

/** The facts of department `id` over the local days [from, to] (inclusive), from the street rows. */
function departmentFacts(all: Contributions, id: number, from: string, to: string): Facts {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts;
  for (const [key, n] of all) {
    const [table, level, , day, , department, fact] = key.split('|');
    if (table !== 'c' || level !== 'street' || department !== String(id)) continue;
    if (day! < from || day! > to) continue;
    facts[fact as keyof Facts] += n;
  }
  return facts;
}

function caseOf(id: number, events: HistoryEvent[], clocks: HistoryClock[]): CaseHistory {
  return {
    id,
    source: 'inspector',
    classId: 1,
    gridCode: '110101001001001',
    communityCode: '110101001001',
    streetCode: '110101001',
    status: 'in_progress',
    closureType: null,
    events,
    clocks,
  };
}

const DAY = 86_400_000;

/** 派遣 to department 5, by the dispatcher (actor 1). */
function dispatchTo5(id: number, at: Date): HistoryEvent {
  return {
    id,
    at,
    actorId: 1,
    action: 'dispatch',
    fromStatus: 'filed',
    toStatus: 'dispatched',
    changes: { department_id: { before: null, after: 5 } },
  };
}

/** 处置, by the department's handler (actor 2). */
function handling(id: number, at: Date): HistoryEvent {
  return {
    id,
    at,
    actorId: 2,
    action: 'handle',
    fromStatus: 'in_progress',
    toStatus: 'handled',
    changes: {},
  };
}

/** The first handling clock, started at `at` and due `days` later. */
function handlingClock(at: Date, days: number): HistoryClock {
  return { clock: 'handling', round: 1, startedAt: at, dueAt: new Date(at.getTime() + days * DAY) };
}

const HANDLING_RATES = [
  INDICATORS.departmentHandleRate,
  INDICATORS.departmentOnTimeHandleRateOfDue,
  INDICATORS.departmentOnTimeHandleRate,
  INDICATORS.departmentCloseRate,
  INDICATORS.departmentOnTimeCloseRate,
];

describe('department handling rates', () => {
  it('count a handling in November of a case dispatched in October for 按期处置率, not for 日常处置率', () => {
    // 10 cases dispatched to department 5 in November and handled on time; 3 dispatched in
    // October and handled in November. Before: 日常处置率 = 13 handlings / 10 dispatches = 130 %.
    const dispatchAndHandle = (id: number, dispatched: string, handled: string): CaseHistory => {
      const d = new Date(`${dispatched}+08:00`);
      const h = new Date(`${handled}+08:00`);
      return caseOf(id, [dispatchTo5(1, d), handling(2, h)], [handlingClock(d, 10)]);
    };
    const all: Contributions = new Map();
    for (let i = 0; i < 10; i++)
      contributionsOf(dispatchAndHandle(i, `2026-11-1${i}T09:00:00`, `2026-11-2${i}T09:00:00`), TZ, all);
    for (let i = 10; i < 13; i++)
      contributionsOf(dispatchAndHandle(i, `2026-10-28T09:00:00`, `2026-11-02T09:00:00`), TZ, all);
    const facts = departmentFacts(all, 5, '2026-11-01', '2026-11-30');
    expect(facts).toMatchObject({
      to_handle: 10,
      handled: 13,
      handled_on_time: 13,
      handled_of_due: 10,
      handled_on_time_of_due: 10,
    });
    expect(indicatorValue(INDICATORS.departmentHandleRate, facts)).toBe(1);
    expect(indicatorValue(INDICATORS.departmentOnTimeHandleRateOfDue, facts)).toBe(1);
    expect(indicatorValue(INDICATORS.departmentOnTimeHandleRate, facts)).toBe(1);
  });

  it('count one handling per dispatch: a rework (返工) round is not a second 应处置 handled', () => {
    const d = new Date('2026-11-02T09:00:00+08:00');
    const history = caseOf(
      1,
      [
        dispatchTo5(1, d),
        handling(2, new Date(d.getTime() + DAY)),
        {
          id: 3,
          at: new Date(d.getTime() + 2 * DAY),
          actorId: 3,
          action: 'fail',
          fromStatus: 'verify_pending',
          toStatus: 'in_progress',
          changes: {},
        },
        handling(4, new Date(d.getTime() + 3 * DAY)),
      ],
      [handlingClock(d, 30)],
    );
    const facts = departmentFacts(contributionsOf(history, TZ), 5, '2026-11-01', '2026-11-30');
    expect(facts).toMatchObject({ to_handle: 1, handled: 2, handled_of_due: 1 });
    expect(indicatorValue(INDICATORS.departmentHandleRate, facts)).toBe(1);
  });

  it('judge 应处置按期完成率 by the first handling after the dispatch', () => {
    const d = new Date('2026-11-02T09:00:00+08:00');
    const history = caseOf(
      1,
      [dispatchTo5(1, d), handling(2, new Date(d.getTime() + 2 * DAY))],
      [handlingClock(d, 1)],
    );
    const facts = departmentFacts(contributionsOf(history, TZ), 5, '2026-11-01', '2026-11-30');
    expect(facts).toMatchObject({ handled_of_due: 1, handled_on_time_of_due: 0 });
    expect(indicatorValue(INDICATORS.departmentOnTimeHandleRateOfDue, facts)).toBe(0);
  });

  it('stay within [0, 1] for any history and any period (property)', () => {
    const step = fc.record({
      action: fc.constantFrom('dispatch', 'handle', 'fail', 'return', 'file', 'close'),
      department: fc.constantFrom(1, 2),
      minutes: fc.integer({ min: 1, max: 7 * 24 * 60 }),
      dueInMinutes: fc.integer({ min: 1, max: 10 * 24 * 60 }),
    });
    const history = fc.array(step, { minLength: 1, maxLength: 14 });
    const period = fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }));
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 8 }), period, (cases, [a, b]) => {
        const all: Contributions = new Map();
        cases.forEach((steps, caseIndex) => {
          let time = START;
          let department: number | null = null;
          let round = 0;
          const events: HistoryEvent[] = [];
          const clocks: HistoryClock[] = [];
          steps.forEach((s, i) => {
            time += s.minutes * MINUTE;
            const at = new Date(time);
            let changes: HistoryEvent['changes'] = {};
            let action: string = s.action;
            let fromStatus: string | null = null;
            if (s.action === 'dispatch') {
              changes = { department_id: { before: department, after: s.department } };
              department = s.department;
              round += 1;
              clocks.push({
                clock: 'handling',
                round,
                startedAt: at,
                dueAt: new Date(time + s.dueInMinutes * MINUTE),
              });
            } else if (s.action === 'return') {
              action = 'approve';
              fromStatus = 'return_requested';
              changes = { department_id: { before: department, after: null } };
              department = null;
            }
            events.push({ id: i + 1, at, actorId: 1, action, fromStatus, toStatus: '', changes });
          });
          const closed = events.some((e) => e.action === 'close');
          contributionsOf(
            {
              ...caseOf(caseIndex + 1, events, clocks),
              status: closed ? 'closed' : 'in_progress',
              closureType: closed ? 'normal' : null,
            },
            TZ,
            all,
          );
        });
        const day = (n: number) => new Date(START + n * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
        const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
        for (const department of [1, 2]) {
          const facts = departmentFacts(all, department, from, to);
          for (const indicator of HANDLING_RATES) {
            const value = indicatorValue(indicator, facts);
            if (value === null) continue;
            expect(value, indicator.key).toBeGreaterThanOrEqual(0);
            expect(value, indicator.key).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Every indicator on a hand-computed history (no database): four cases in one street of a test
 * district, in Beijing time, with the clocks the case loop would have written. The expected
 * values were worked out by hand from the comments beside each event.
 */
import { describe, expect, it } from 'vitest';
import {
  contributionsOf,
  difference,
  onTime,
  type CaseHistory,
  type Contributions,
  type HistoryClock,
  type HistoryEvent,
} from './contributions.js';
import { INDICATORS } from './indicators.js';
import { deriveFacts, indicatorValue, type Facts } from './scoring.js';
import { FACT_KEYS } from './vocabulary.js';

const TZ = 'Asia/Shanghai';
const STREET = '110101001';
const COMMUNITY = '110101001001';
const G1 = '110101001001001';
const G2 = '110101001001002';
const INSPECTOR = 11;
const OPERATOR = 21;
const SHIFT_LEAD = 31;
const DISPATCHER = 41;
const HANDLER = 51;

/** A Beijing wall-clock time on a March 2026 day. */
const at = (day: number, time: string) =>
  new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00+08:00`);

let nextId = 1;
function ev(
  action: string,
  when: Date,
  actorId: number | null,
  extra: Partial<HistoryEvent> = {},
): HistoryEvent {
  return { id: nextId++, at: when, actorId, action, fromStatus: null, toStatus: '', changes: {}, ...extra };
}
const dept = (before: number | null, after: number | null) => ({ department_id: { before, after } });
const clock = (name: string, round: number, startedAt: Date, dueAt: Date | null): HistoryClock => ({
  clock: name,
  round,
  startedAt,
  dueAt,
});

function caseOf(id: number, partial: Partial<CaseHistory>): CaseHistory {
  return {
    id,
    source: 'inspector',
    classId: 7,
    gridCode: G1,
    communityCode: COMMUNITY,
    streetCode: STREET,
    status: 'reported',
    closureType: null,
    events: [],
    clocks: [],
    ...partial,
  };
}

// Case 1: returned once by department 5, redispatched to 6, reworked once, closed as overdue.
const case1 = caseOf(1, {
  status: 'closed',
  closureType: 'overdue',
  events: [
    ev('report', at(2, '09:00'), INSPECTOR),
    ev('send-check', at(2, '09:10'), OPERATOR), // filing clock due 10:00: on time
    ev('check', at(2, '09:40'), INSPECTOR), // check clock due 10:10: on time
    ev('file', at(2, '09:50'), SHIFT_LEAD), // filing due 10:00: on time
    ev('dispatch', at(2, '10:00'), DISPATCHER, { changes: dept(null, 5) }), // dispatch due 10:20
    ev('accept', at(2, '10:30'), HANDLER),
    ev('approve', at(2, '11:00'), DISPATCHER, { fromStatus: 'return_requested', changes: dept(5, null) }),
    ev('dispatch', at(2, '11:30'), DISPATCHER, { changes: dept(null, 6) }), // round 2 due 11:30: on time
    ev('handle', at(3, '10:00'), HANDLER), // handling round 1 due 3/3 17:00: on time
    ev('send-verify', at(3, '10:10'), OPERATOR), // verify round 1 due 11:00: on time
    ev('fail', at(3, '12:00'), INSPECTOR), // verify due 11:00: late; 返工
    ev('handle', at(5, '10:00'), HANDLER), // handling round 2 due 3/4 12:00: late
    ev('send-verify', at(5, '10:30'), OPERATOR), // verify round 2 due 11:00: on time
    ev('pass', at(5, '10:45'), INSPECTOR), // on time
    ev('close', at(5, '11:00'), SHIFT_LEAD), // closing due 12:00: on time
  ],
  clocks: [
    clock('filing', 1, at(2, '09:00'), at(2, '10:00')),
    clock('check', 1, at(2, '09:10'), at(2, '10:10')),
    clock('dispatch', 1, at(2, '09:50'), at(2, '10:20')),
    clock('dispatch', 2, at(2, '11:00'), at(2, '11:30')),
    clock('handling', 1, at(2, '11:30'), at(3, '17:00')),
    clock('verify', 1, at(3, '10:00'), at(3, '11:00')),
    clock('handling', 2, at(3, '12:00'), at(4, '12:00')),
    clock('verify', 2, at(5, '10:00'), at(5, '11:00')),
    clock('closing', 1, at(5, '10:45'), at(5, '12:00')),
  ],
});

// Case 2: a hotline report registered by the operator at 23:30, filed late, then voided (作废).
const case2 = caseOf(2, {
  source: 'hotline',
  classId: 8,
  status: 'cancelled',
  events: [
    ev('report', at(2, '23:30'), OPERATOR),
    ev('file', at(3, '08:00'), SHIFT_LEAD), // filing due 3/3 07:00: late
    ev('cancel', at(3, '09:00'), SHIFT_LEAD),
  ],
  clocks: [clock('filing', 1, at(2, '23:30'), at(3, '07:00'))],
});

// Case 3: an inspector's report rejected (not valid).
const case3 = caseOf(3, {
  status: 'rejected',
  events: [ev('report', at(4, '09:00'), INSPECTOR), ev('reject', at(4, '09:30'), SHIFT_LEAD)],
  clocks: [clock('filing', 1, at(4, '09:00'), at(4, '10:00'))],
});

// Case 4 (grid 2): extended, suspended, resumed, then overdue by the sweep, still in progress.
const case4 = caseOf(4, {
  gridCode: G2,
  status: 'in_progress',
  events: [
    ev('report', at(6, '09:00'), INSPECTOR),
    ev('file', at(6, '09:10'), SHIFT_LEAD), // filing due 10:00: on time
    ev('dispatch', at(6, '09:20'), DISPATCHER, { changes: dept(null, 6) }), // due 09:40: on time
    ev('accept', at(6, '09:30'), HANDLER),
    ev('request-extension', at(6, '09:40'), HANDLER),
    ev('approve', at(6, '10:00'), DISPATCHER, { fromStatus: 'extension_requested' }),
    ev('request-suspension', at(6, '10:30'), HANDLER),
    ev('approve', at(6, '11:00'), DISPATCHER, { fromStatus: 'suspension_requested' }),
    ev('resume', at(7, '09:00'), HANDLER),
    ev('overdue', at(9, '09:00'), null, { changes: { clock: { before: null, after: 'handling' } } }),
    ev('overdue', at(9, '09:00'), null, { changes: { clock: { before: null, after: 'verify' } } }),
  ],
  clocks: [
    clock('filing', 1, at(6, '09:00'), at(6, '10:00')),
    clock('dispatch', 1, at(6, '09:10'), at(6, '09:40')),
    clock('handling', 1, at(6, '09:20'), at(8, '17:00')),
  ],
});

const ALL = [case1, case2, case3, case4];

function total(): Contributions {
  const sum: Contributions = new Map();
  for (const c of ALL) for (const [k, n] of contributionsOf(c, TZ)) sum.set(k, (sum.get(k) ?? 0) + n);
  return sum;
}

/** Facts of the month from contributions matching a key filter. */
function factsWhere(match: (parts: string[]) => boolean, extra: Partial<Facts> = {}): Facts {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts;
  for (const [key, n] of total()) {
    const parts = key.split('|');
    if (!match(parts)) continue;
    const fact = parts[0] === 'c' ? parts[6] : parts[3];
    facts[fact as keyof Facts] += n;
  }
  return deriveFacts({ ...facts, ...extra });
}

const region = (level: string, code: string, extra: Partial<Facts> = {}) =>
  factsWhere((p) => p[0] === 'c' && p[1] === level && p[2] === code, extra);
const department = (id: number) =>
  factsWhere((p) => p[0] === 'c' && p[1] === 'street' && p[5] === String(id));
const person = (id: number, extra: Partial<Facts> = {}) =>
  factsWhere((p) => p[0] === 'a' && p[1] === String(id), extra);

function values(object: string, facts: Facts): Record<string, number | null> {
  return Object.fromEntries(
    Object.values(INDICATORS)
      .filter((i) => i.object === object)
      .map((i) => [i.key, indicatorValue(i, facts)]),
  );
}

describe('on-time judgements', () => {
  it('judges an action against the round running then; the deadline itself is on time', () => {
    expect(onTime(case1.clocks, 'dispatch', at(2, '11:30'))).toBe(true);
    expect(onTime(case1.clocks, 'handling', at(5, '10:00'))).toBe(false);
    expect(onTime(case1.clocks, 'handling', at(3, '10:00'))).toBe(true);
    expect(onTime([], 'handling', at(3, '10:00'))).toBe(true);
  });
});

describe('department indicators, by hand', () => {
  it('department 6: 2 dispatched, 2 handled (1 on time), 1 rework, 1 overdue, 1 extension, 1 suspension', () => {
    const facts = department(6);
    expect(facts).toMatchObject({
      filed: 2,
      to_close: 2,
      closed: 1,
      closed_on_time: 0,
      to_handle: 2,
      handled: 2,
      handled_on_time: 1,
      handled_late: 1,
      // Of the 2 dispatches, case 1's was handled (on time, its first round); case 4's not yet.
      handled_of_due: 1,
      handled_on_time_of_due: 1,
      overdue: 1,
      returns: 0,
      reworks: 1,
      extensions: 1,
      suspensions: 1,
    });
    expect(values('department', facts)).toEqual({
      'department.filed': 2,
      'department.to_handle': 2,
      'department.handled_on_time': 1,
      'department.overdue': 1,
      'department.returns': 0,
      'department.reworks': 1,
      'department.extensions': 1,
      'department.suspensions': 1,
      'department.close_rate': 0.5,
      'department.on_time_close_rate': 0,
      'department.rework_rate': 0.5,
      'department.on_time_handle_rate': 0.5,
      'department.handle_rate': 0.5,
      'department.on_time_handle_rate_of_due': 0.5,
      'department.overdue_rate': 0.5,
      'department.extension_rate': 0.5,
    });
  });

  it('department 5 keeps the dispatch it returned (回退), and nothing of the cohort', () => {
    expect(department(5)).toMatchObject({
      to_handle: 1,
      returns: 1,
      filed: 0,
      handled: 0,
      handled_of_due: 0,
    });
    expect(values('department', department(5))['department.close_rate']).toBeNull();
  });
});

describe('region indicators, by hand', () => {
  it('the street: 4 reported, 3 filed (2 by inspectors), 2 to close, 1 closed, none on time', () => {
    const facts = region('street', STREET, { grids: 4, area_km2: 0.5 });
    expect(facts).toMatchObject({
      reported: 4,
      filed: 3,
      filed_by_inspector: 2,
      filed_by_others: 1,
      to_close: 2,
      closed: 1,
      closed_on_time: 0,
    });
    expect(values('region', facts)).toEqual({
      'region.filed': 3,
      'region.supervision_rate': 2 / 3,
      'region.filed_per_grid': 0.75,
      'region.filed_per_km2': 6,
      'region.close_rate': 0.5,
      'region.on_time_close_rate': 0,
    });
  });

  it('rolls each case into its own grid, community and street', () => {
    expect(region('grid', G1).filed).toBe(2);
    expect(region('grid', G2).filed).toBe(1);
    expect(region('community', COMMUNITY).filed).toBe(3);
  });

  it('counts reports by local hour for the time-of-day pattern', () => {
    const hours = [...total()].filter(([k]) => k.startsWith(`h|street|${STREET}|`));
    expect(hours.map(([k, n]) => [k.split('|').slice(3, 5).join(' '), n]).sort()).toEqual([
      ['2026-03-02 23', 1],
      ['2026-03-02 9', 1],
      ['2026-03-04 9', 1],
      ['2026-03-06 9', 1],
    ]);
  });
});

describe('people indicators, by hand', () => {
  it('inspector: 3 reports, 2 valid; 1 check on time; 2 verifications, 1 on time; 1 of 3 filings in the grids missed', () => {
    const facts = person(INSPECTOR, {
      grid_filed: region('street', STREET).filed,
      grid_filed_by_others: region('street', STREET).filed_by_others,
    });
    expect(values('inspector', facts)).toEqual({
      'inspector.reports': 3,
      'inspector.valid_reports': 2,
      'inspector.valid_report_rate': 2 / 3,
      'inspector.missed_report_rate': 1 / 3,
      'inspector.on_time_check_rate': 1,
      'inspector.on_time_verify_rate': 0.5,
    });
  });

  it('operator: 1 registered, 1 check task and 2 verify tasks sent on time', () => {
    expect(values('operator', person(OPERATOR))).toEqual({
      'operator.accepted': 1,
      'operator.check_send_on_time_rate': 1,
      'operator.verify_send_on_time_rate': 1,
    });
  });

  it('shift lead: 3 filings (2 on time, 1 voided), 1 closing on time', () => {
    expect(values('shift_lead', person(SHIFT_LEAD))).toEqual({
      'shift_lead.on_time_filing_rate': 2 / 3,
      'shift_lead.accurate_filing_rate': 2 / 3,
      'shift_lead.on_time_closing_rate': 1,
    });
  });

  it('dispatcher: 3 dispatches on time, 2 undone (a return and a rework) → accurate 1 of 3', () => {
    expect(values('dispatcher', person(DISPATCHER))).toEqual({
      'dispatcher.dispatches': 3,
      'dispatcher.on_time_dispatch_rate': 1,
      'dispatcher.accurate_dispatch_rate': 1 / 3,
    });
  });

  it('declares a test for every indicator above', () => {
    const objects = new Set(Object.values(INDICATORS).map((i) => i.object));
    expect([...objects].sort()).toEqual([
      'department',
      'dispatcher',
      'inspector',
      'operator',
      'region',
      'shift_lead',
    ]);
  });
});

describe('difference', () => {
  it('is what an action adds: closing case 1 adds its closing and its cohort closure', () => {
    const open: CaseHistory = {
      ...case1,
      status: 'verified',
      closureType: null,
      events: case1.events.slice(0, -1),
    };
    const delta = difference(contributionsOf(open, TZ), contributionsOf(case1, TZ));
    expect(Object.fromEntries(delta)).toEqual({
      [`c|grid|${G1}|2026-03-02|7|6|closed`]: 1,
      [`c|community|${COMMUNITY}|2026-03-02|7|6|closed`]: 1,
      [`c|street|${STREET}|2026-03-02|7|6|closed`]: 1,
      [`a|${SHIFT_LEAD}|2026-03-05|closings`]: 1,
      [`a|${SHIFT_LEAD}|2026-03-05|closings_on_time`]: 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  AUTOMATIC_NOTES,
  PUBLIC_STATUS_OF,
  PUBLIC_STATUSES,
  automaticPublicNote,
  publicStatusOf,
  type PublicStatus,
} from './public-status.js';
import { CASE_ACTIONS, CASE_STATUSES, type CaseStatus } from './workflow/index.js';

/** The mapping as docs/api/citizens.md documents it. */
const DOCUMENTED: ReadonlyArray<[CaseStatus, PublicStatus]> = [
  ['reported', 'received'],
  ['check_pending', 'received'],
  ['self_handled', 'resolved'],
  ['filed', 'accepted'],
  ['dispatched', 'accepted'],
  ['return_requested', 'accepted'],
  ['in_progress', 'in_progress'],
  ['extension_requested', 'in_progress'],
  ['suspension_requested', 'in_progress'],
  ['suspended', 'in_progress'],
  ['handled', 'resolved'],
  ['verify_pending', 'resolved'],
  ['verified', 'resolved'],
  ['closed', 'closed'],
  ['rejected', 'rejected'],
  ['merged', 'accepted'],
  ['cancelled', 'rejected'],
];

describe('public status', () => {
  it('maps each of the 17 internal statuses exactly as documented', () => {
    expect(DOCUMENTED.map(([s]) => s).sort()).toEqual([...CASE_STATUSES].sort());
    for (const [status, expected] of DOCUMENTED) expect(publicStatusOf(status)).toBe(expected);
  });

  it('uses every public status', () => {
    expect(new Set(Object.values(PUBLIC_STATUS_OF))).toEqual(new Set(PUBLIC_STATUSES));
  });

  it('shows a merged report with the status of the case it joined', () => {
    for (const target of CASE_STATUSES) {
      const expected = target === 'merged' ? 'accepted' : PUBLIC_STATUS_OF[target];
      expect(publicStatusOf('merged', target)).toBe(expected);
    }
  });

  it('ignores a merge target for any other status', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'merged'))
      expect(publicStatusOf(status, 'closed')).toBe(PUBLIC_STATUS_OF[status]);
  });

  it('is "closed" only for a closed case, so only closed cases can be rated', () => {
    expect(CASE_STATUSES.filter((s) => publicStatusOf(s) === 'closed')).toEqual(['closed']);
  });
});

describe('automatic public notes', () => {
  it('are written on the transitions a reporter cares about', () => {
    expect(Object.keys(AUTOMATIC_NOTES).sort()).toEqual(
      [
        'accept',
        'cancel',
        'close',
        'fail',
        'file',
        'handle',
        'merge',
        'reject',
        'reopen',
        'report',
        'request-suspension',
      ].sort(),
    );
    for (const key of Object.keys(AUTOMATIC_NOTES)) expect([...CASE_ACTIONS, 'report']).toContain(key);
  });

  it('append the public note staff wrote to the fixed sentence (the public reason of a rejection)', () => {
    expect(automaticPublicNote('reject', '该处为私人庭院，不属于城市管理范围。')).toBe(
      '经审核，您反映的问题不予立案。该处为私人庭院，不属于城市管理范围。',
    );
  });

  it('publish a staff public note on a transition without a fixed sentence', () => {
    expect(automaticPublicNote('dispatch', '已派至区城管委。')).toBe('已派至区城管委。');
  });

  it('say nothing on internal transitions without a public note', () => {
    for (const action of CASE_ACTIONS) {
      const note = automaticPublicNote(action);
      if (AUTOMATIC_NOTES[action]) expect(note).toBe(AUTOMATIC_NOTES[action]);
      else expect(note).toBeNull();
    }
    expect(automaticPublicNote('dispatch', '   ')).toBeNull();
  });
});

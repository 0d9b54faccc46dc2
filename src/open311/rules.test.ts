import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../cases/workflow/model.js';
import { maskEmail } from '../reporters/index.js';
import {
  PUBLIC_NOTES,
  UPDATE_ACTIONS,
  open311Status,
  parseClaimedStatus,
  parseYesNo,
  publicUpdate,
  reporterName,
  requestFingerprint,
  roundCoordinate,
} from './rules.js';

describe('the public updates of the case history', () => {
  it('map each public-facing action to a FixMyStreet status and its canned note', () => {
    const status = (action: string, toStatus = 'x', closureType: string | null = null) =>
      publicUpdate({ action, toStatus, closureType })?.status ?? null;
    expect(status('send-check')).toBe('investigating');
    expect(status('file')).toBe('open');
    expect(status('reject')).toBe('no_further_action');
    expect(status('merge')).toBe('duplicate');
    expect(status('dispatch')).toBe('action_scheduled');
    expect(status('accept')).toBe('in_progress');
    expect(status('approve', 'filed')).toBe('internal_referral');
    expect(status('approve', 'suspended')).toBe('action_scheduled');
    expect(status('approve', 'in_progress')).toBeNull();
    expect(status('close', 'closed', 'normal')).toBe('fixed');
    expect(status('close', 'closed', 'overdue')).toBe('fixed');
    expect(status('close', 'closed', 'erroneous')).toBe('closed');
    expect(status('cancel')).toBe('closed');
    expect(status('reopen')).toBe('open');
    for (const hidden of [
      'report',
      'return',
      'request-extension',
      'escalate',
      'citizen-update',
      'send-verify',
    ])
      expect(status(hidden), hidden).toBeNull();
    expect(publicUpdate({ action: 'dispatch', toStatus: 'dispatched' })?.description).toBe(
      PUBLIC_NOTES.dispatch,
    );
  });

  it('are made only from workflow actions, and UPDATE_ACTIONS lists exactly those that can make one', () => {
    for (const action of UPDATE_ACTIONS) expect(CASE_ACTIONS).toContain(action);
    const making = CASE_ACTIONS.filter(
      (a) =>
        publicUpdate({ action: a, toStatus: 'filed', closureType: null }) !== null ||
        publicUpdate({ action: a, toStatus: 'suspended', closureType: null }) !== null,
    );
    expect([...making].sort()).toEqual([...UPDATE_ACTIONS].sort());
  });

  it('say open or closed as the spec does', () => {
    expect(['closed', 'rejected', 'merged', 'cancelled'].map(open311Status)).toEqual(Array(4).fill('closed'));
    expect(['reported', 'suspended', 'verified'].map(open311Status)).toEqual(Array(3).fill('open'));
  });
});

describe('client input', () => {
  it('reads FixMyStreet’s update statuses in any case', () => {
    expect(parseClaimedStatus('OPEN')).toBe('open');
    expect(parseClaimedStatus('NOT_COUNCILS_RESPONSIBILITY')).toBe('not_councils_responsibility');
    expect(parseClaimedStatus('in progress')).toBe('in_progress');
    expect(parseClaimedStatus('MAYBE')).toBeNull();
    expect([parseYesNo('YES'), parseYesNo('false'), parseYesNo(''), parseYesNo('perhaps')]).toEqual([
      true,
      false,
      false,
      null,
    ]);
  });

  it('joins names family-name first for Chinese names, and drops FixMyStreet’s "-"', () => {
    expect(reporterName('小明', '王')).toBe('王小明');
    expect(reporterName('Li', 'Lei')).toBe('Li Lei');
    expect(reporterName('Anna', '-')).toBe('Anna');
    expect(reporterName(undefined, '  ')).toBeNull();
  });

  it('fingerprints the same report the same, whatever the spacing, and another report otherwise', () => {
    const base = {
      serviceCode: 'M06010',
      lat: 39.914213,
      long: 116.411,
      description: 'a  b',
      deviceIndex: 'k:1',
    };
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, description: ' a b ' }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, deviceIndex: 'k:2' }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, lat: 39.9143 }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, serviceCode: 'C01001' }));
  });

  it('rounds sensitive locations', () => {
    expect(roundCoordinate(39.914_567, 3)).toBe(39.915);
    expect(roundCoordinate(116.411_234_9, 6)).toBe(116.411235);
  });
});

describe('the reporter’s e-mail address (reporters module)', () => {
  it('is masked to the first characters of its local part and domain, and its top-level label', () => {
    expect(maskEmail('wang.xiaoming@example.org')).toBe('w***@e***.org');
    expect(maskEmail('a@example.org')).toBe('***@e***.org');
    expect(maskEmail('no-at-sign')).toBe('***');
  });
});

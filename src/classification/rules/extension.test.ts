import { describe, expect, it } from 'vitest';

import type { ClassEntry } from './entry.js';
import { allocateLocalCode, localItemName, validateLocalCode } from './extension.js';
import { anEntry, shippedEntries } from './test-support.js';

const directory = shippedEntries();

function local(code: string, name = '防蚊闸（自定义）'): ClassEntry {
  return anEntry({
    standard: 'LOCAL',
    code,
    minorCode: code.slice(2),
    name,
    confidence: 'local',
    sourceNote: 'LOCAL:test',
  });
}

describe('local extension codes (our convention, not the standard)', () => {
  it('allocates from 999 downwards within an existing major class', () => {
    expect(allocateLocalCode(directory, 'component', '01')).toEqual({
      ok: true,
      value: { code: '01999', majorCode: '01', minorCode: '999' },
    });
    const next = allocateLocalCode([...directory, local('01999'), local('01998')], 'component', '01');
    expect(next).toMatchObject({ ok: true, value: { code: '01997' } });
  });

  it('allocates per kind: a local matter does not use up a component code', () => {
    const withMatter = [...directory, { ...local('06999'), kind: 'matter' as const }];
    expect(allocateLocalCode(withMatter, 'matter', '06')).toMatchObject({
      ok: true,
      value: { code: '06998' },
    });
    expect(allocateLocalCode(withMatter, 'component', '01')).toMatchObject({
      ok: true,
      value: { code: '01999' },
    });
  });

  it('refuses a major class the standard does not have for that kind', () => {
    expect(allocateLocalCode(directory, 'component', '06')).toEqual({
      ok: false,
      reason: 'major class 06 has no GB/T 47678.5 components to extend',
    });
  });

  it('says when a major class is full', () => {
    const full = [...directory];
    for (let minor = 80; minor <= 999; minor++) full.push(local(`05${String(minor).padStart(3, '0')}`));
    expect(allocateLocalCode(full, 'component', '05')).toEqual({
      ok: false,
      reason: 'no free local code left in component major class 05 (080–999 all used)',
    });
  });

  it('rejects a code that collides with a standard item of the same kind', () => {
    const standardAt080 = [anEntry({ code: '01080', name: '未来部件' })];
    expect(validateLocalCode(standardAt080, 'component', '01080')).toEqual({
      ok: false,
      reason: '01080 is the standard component 未来部件',
    });
    expect(validateLocalCode(directory, 'component', '01001')).toMatchObject({ ok: false });
  });

  it('rejects minors kept for the standard, codes already used locally, and bad shapes', () => {
    expect(validateLocalCode(directory, 'component', '01078')).toEqual({
      ok: false,
      reason: 'minor 078 is in 001–079, which the local convention keeps for standard items',
    });
    expect(validateLocalCode([...directory, local('01500')], 'component', '01500')).toEqual({
      ok: false,
      reason: '01500 is already the local component 防蚊闸（自定义）',
    });
    expect(validateLocalCode(directory, 'component', '0150')).toMatchObject({ ok: false });
  });

  it('accepts a free code in the local range', () => {
    expect(validateLocalCode(directory, 'matter', '10080')).toEqual({
      ok: true,
      value: { code: '10080', majorCode: '10', minorCode: '080' },
    });
  });

  it('marks local names with （自定义） once', () => {
    expect(localItemName('防蚊闸')).toBe('防蚊闸（自定义）');
    expect(localItemName('防蚊闸（自定义）')).toBe('防蚊闸（自定义）');
  });
});

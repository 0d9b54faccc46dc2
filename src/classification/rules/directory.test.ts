/** Specifications of the shipped directory, src/classification/data/classification.csv. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { codeGaps, duplicateKeys, findEntry, majorClasses, selectEntries } from './directory.js';
import { CODE_LENGTH, type ClassKind, type ClassStandard } from './entry.js';
import { readDataFile, shippedEntries } from './test-support.js';

const entries = shippedEntries();
const GB = 'GB/T 47678.5-2026';
const CJ = 'CJ/T 214-2007';

describe('the shipped classification directory', () => {
  it('is a verbatim copy of shared/data/classification.csv when that file is present', () => {
    let shared: string;
    try {
      shared = readFileSync(new URL('../../../../shared/data/classification.csv', import.meta.url), 'utf8');
    } catch {
      return; // the package is self-contained; the shared copy is only for this check
    }
    expect(readDataFile('classification.csv')).toBe(shared);
  });

  it('gives source notes a reader can follow, without numeric lookup ids in parentheses', () => {
    const withIds = entries.filter((e) => /\([^)]*\bid \d+\)/.test(e.sourceNote));
    expect(withIds.map((e) => `${e.standard} ${e.code}: ${e.sourceNote}`)).toEqual([]);
  });

  it.each([
    [GB, 'component', 153],
    [GB, 'matter', 250],
    [CJ, 'component', 85],
    [CJ, 'matter', 54],
  ] as const)('has the stated number of %s %ss', (standard, kind, count) => {
    expect(selectEntries(entries, standard, kind)).toHaveLength(count);
  });

  it('holds only the two standards, 542 rows', () => {
    expect(entries).toHaveLength(542);
    expect(new Set(entries.map((e) => e.standard))).toEqual(new Set([GB, CJ]));
  });

  it('uses 5-digit codes for GB/T 47678.5 and 4-digit codes for CJ/T 214', () => {
    for (const e of entries) {
      expect(e.code, `${e.standard} ${e.name}`).toMatch(new RegExp(`^\\d{${CODE_LENGTH[e.standard]}}$`));
      expect(e.code).toBe(e.majorCode + e.minorCode);
    }
  });

  it('has unique codes within each (standard, kind)', () => {
    expect(duplicateKeys(entries)).toEqual([]);
  });

  it('has unique names within each (standard, kind)', () => {
    for (const standard of [GB, CJ] as const satisfies readonly ClassStandard[]) {
      for (const kind of ['component', 'matter'] as const satisfies readonly ClassKind[]) {
        const names = selectEntries(entries, standard, kind).map((e) => e.name);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });

  it('has the GB/T 47678.5 major classes of standards.md §3.4', () => {
    expect(majorClasses(entries, GB, 'component')).toEqual([
      { code: '01', name: '市政公用设施', count: 76 },
      { code: '02', name: '交通设施', count: 44 },
      { code: '03', name: '市容环卫设施', count: 16 },
      { code: '04', name: '园林绿化设施', count: 14 },
      { code: '05', name: '其他管理部件', count: 3 },
    ]);
    expect(majorClasses(entries, GB, 'matter').map((m) => [m.code, m.count])).toEqual([
      ['01', 76],
      ['02', 44],
      ['03', 16],
      ['04', 14],
      ['05', 3],
      ['06', 51],
      ['07', 7],
      ['08', 16],
      ['09', 21],
      ['10', 2],
    ]);
  });

  it('lacks exactly the GB/T 47678.5 codes standards.md §3.4 lists as missing', () => {
    expect(codeGaps(entries, GB, 'component')).toEqual([
      '01016',
      '05001',
      '05004',
      '05005',
      '05006',
      '05007',
      '05008',
    ]);
    expect(codeGaps(entries, GB, 'matter')).toEqual([
      '01016',
      '05001',
      '05004',
      '05005',
      '05006',
      '05007',
      '05008',
      '06031',
      '07005',
      '09007',
    ]);
  });

  it('mirrors each GB/T 47678.5 component as a matter named 〈component〉异常 in majors 01–05', () => {
    for (const component of selectEntries(entries, GB, 'component')) {
      const matter = findEntry(entries, GB, 'matter', component.code);
      expect(matter?.name.startsWith(component.name.replace('SOS', '')), component.code).toBe(true);
      expect(matter?.name).toContain('异常');
    }
  });

  it('marks the confidence of every row', () => {
    const count = (confidence: string): number => entries.filter((e) => e.confidence === confidence).length;
    expect(count('transcribed')).toBe(403);
    expect(count('corroborated')).toBe(80);
    expect(
      entries
        .filter((e) => e.confidence === 'inferred')
        .map((e) => `${e.code} ${e.name}`)
        .sort(),
    ).toEqual(['0110 热力井盖', '0202 停车咪表', '0311 噪声显示屏', '0503 公房地下室', '0605 港监设施']);
    expect(count('low')).toBe(54);
  });
});

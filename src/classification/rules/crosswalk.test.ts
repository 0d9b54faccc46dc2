import { describe, expect, it } from 'vitest';

import {
  buildCrosswalk,
  crosswalkCoverage,
  crosswalkToCsv,
  normalizeName,
  type CrosswalkRow,
} from './crosswalk.js';
import type { CrosswalkRename } from './crosswalk-table.js';
import { anEntry, readDataFile, shippedEntries } from './test-support.js';

const entries = shippedEntries();
const rows = buildCrosswalk(entries);

function rowFor(kind: CrosswalkRow['kind'], oldCode: string): CrosswalkRow {
  const row = rows.find((r) => r.kind === kind && r.oldCode === oldCode);
  if (row === undefined) throw new Error(`no crosswalk row for ${kind} ${oldCode}`);
  return row;
}

describe('CJ/T 214-2007 → GB/T 47678.5-2026 crosswalk', () => {
  it('has one row per CJ/T 214 item', () => {
    expect(rows.filter((r) => r.kind === 'component')).toHaveLength(85);
    expect(rows.filter((r) => r.kind === 'matter')).toHaveLength(54);
  });

  it.each([
    ['component', '0101', '01001', '供水井盖', 'renamed'],
    ['component', '0107', '01007', '通信井盖', 'renamed'],
    ['component', '0102', '01002', '污水井盖', 'exact'],
    ['component', '0129', '01021', '输油（气）井盖', 'exact'],
    ['component', '0501', '03008', '宣传栏', 'exact'],
    ['component', '0606', '01071', '防汛墙', 'exact'],
    ['component', '0407', '04007', '街头座椅', 'renamed'],
    ['matter', '0101', '06001', '私搭乱建', 'exact'],
    ['matter', '0201', '07001', '非法小广告', 'exact'],
    ['matter', '0505', '09009', '机动车乱停放', 'exact'],
    ['matter', '0507', '06036', '乱堆杂物', 'renamed'],
    ['matter', '0407', '10001', '道路积雪、结冰', 'renamed'],
  ] as const)('maps %s %s to %s %s (%s)', (kind, oldCode, newCode, newName, match) => {
    expect(rowFor(kind, oldCode)).toMatchObject({ newCode, newName, match });
  });

  it('leaves split and vanished items unmatched, naming candidates', () => {
    expect(rowFor('component', '0117')).toMatchObject({ match: 'none', newCode: null, newName: null });
    expect(rowFor('component', '0117').note).toContain('01030 电力立杆');
    expect(rowFor('matter', '0401')).toMatchObject({
      match: 'none',
      note: expect.stringContaining('突发事件') as string,
    });
    expect(rowFor('matter', '0599')).toMatchObject({ match: 'none' });
  });

  it('notes when the major class changes', () => {
    expect(rowFor('component', '0501').note).toBe('major class 05 房屋土地 → 03 市容环卫设施');
    expect(rowFor('component', '0102').note).toBe('');
  });

  it('maps distinct old items to distinct new items', () => {
    for (const kind of ['component', 'matter'] as const) {
      const targets = rows.filter((r) => r.kind === kind && r.newCode !== null).map((r) => r.newCode);
      expect(new Set(targets).size).toBe(targets.length);
    }
  });

  it('has the coverage documented in docs/domain/classification.md', () => {
    expect(crosswalkCoverage(rows, entries)).toEqual([
      { kind: 'component', total: 85, exact: 65, renamed: 15, none: 5, newWithoutPredecessor: 73 },
      { kind: 'matter', total: 54, exact: 25, renamed: 14, none: 15, newWithoutPredecessor: 211 },
    ]);
  });

  it('matches the checked-in crosswalk.csv (regenerate with src/classification/data/generate-crosswalk.ts)', () => {
    expect(readDataFile('crosswalk.csv')).toBe(crosswalkToCsv(rows));
  });

  it('quotes CSV fields that contain commas or quotes', () => {
    const csv = crosswalkToCsv([{ ...rowFor('component', '0102'), note: 'a, "b"' }]);
    expect(csv.split('\n')[1]).toBe(
      'component,CJ/T 214-2007,0102,污水井盖,GB/T 47678.5-2026,01002,污水井盖,exact,"a, ""b"""',
    );
  });

  it('normalises full-width brackets and spaces before comparing names', () => {
    expect(normalizeName('输油（气） 井盖')).toBe('输油(气)井盖');
  });

  describe('guards on the hand table', () => {
    const oldEntry = anEntry({ standard: 'CJ/T 214-2007', code: '0101', minorCode: '01', name: '上水井盖' });
    const newEntry = anEntry();
    const rename = (overrides: Partial<CrosswalkRename>): CrosswalkRename[] => [
      {
        kind: 'component',
        oldCode: '0101',
        oldName: '上水井盖',
        newCode: '01001',
        newName: '供水井盖',
        note: 'x',
        ...overrides,
      },
    ];

    it('refuses an old name that no longer matches the directory', () => {
      expect(() => buildCrosswalk([oldEntry, newEntry], rename({ oldName: '下水井盖' }))).toThrow(
        /is not 下水井盖/,
      );
    });

    it('refuses a target that no longer matches the directory', () => {
      expect(() => buildCrosswalk([oldEntry, newEntry], rename({ newName: '污水井盖' }))).toThrow(
        /is not 污水井盖/,
      );
    });

    it('refuses an entry for items whose names already match', () => {
      const same = anEntry({ standard: 'CJ/T 214-2007', code: '0101', minorCode: '01' });
      expect(() => buildCrosswalk([same, newEntry], rename({ oldName: '供水井盖' }))).toThrow(
        /needs no entry/,
      );
    });

    it('refuses the same old item twice', () => {
      expect(() => buildCrosswalk([oldEntry, newEntry], [...rename({}), ...rename({})])).toThrow(
        /listed twice/,
      );
    });
  });
});

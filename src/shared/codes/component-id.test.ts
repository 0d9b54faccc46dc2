import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatComponentId, parseComponentId, parseMatterCode } from './component-id.js';
import { countyCode } from './test-support.js';

function reasonOf(code: string): string {
  const result = parseComponentId(code);
  if (result.ok) throw new Error(`expected ${code} to be rejected`);
  return result.reason;
}

describe('component identifiers', () => {
  it('parses a 17-digit GB/T 47678.5 identifier', () => {
    expect(parseComponentId('11010101001000042')).toEqual({
      ok: true,
      value: {
        code: '11010101001000042',
        standard: 'GB/T 47678.5-2026',
        countyCode: '110101',
        typeCode: '01001',
        majorCode: '01',
        minorCode: '001',
        sequence: 42,
      },
    });
  });

  it('parses the 16-digit CJ/T 214 example 3205080101000001 (姑苏区 上水井盖 #1)', () => {
    expect(parseComponentId('3205080101000001')).toMatchObject({
      ok: true,
      value: {
        standard: 'CJ/T 214-2007',
        countyCode: '320508',
        typeCode: '0101',
        minorCode: '01',
        sequence: 1,
      },
    });
  });

  it('rejects a bad county, a zero major or minor class, sequence zero and other lengths', () => {
    expect(reasonOf('11000001001000001')).toBe(
      'county part (digits 1–6): 110000 is a province-level code, not a county-level one',
    );
    expect(reasonOf('11010100001000001')).toBe('type code 00001 has major class 00');
    expect(reasonOf('11010101000000001')).toBe('type code 01000 has an all-zero minor class');
    expect(reasonOf('3205080100000001')).toBe('type code 0100 has an all-zero minor class');
    expect(reasonOf('11010101001000000')).toBe('sequence must be 000001–999999, got 000000');
    expect(reasonOf('110101010010000')).toBe(
      'a component identifier has 17 digits (GB/T 47678.5) or 16 digits (CJ/T 214), got 15',
    );
  });

  it('formats and parses back; the type code length picks the standard', () => {
    fc.assert(
      fc.property(
        countyCode,
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (county, major, minor, sequence) => {
          const typeCode = String(major).padStart(2, '0') + String(minor).padStart(3, '0');
          const id = formatComponentId(county, typeCode, sequence);
          expect(parseComponentId(id)).toMatchObject({
            ok: true,
            value: { standard: 'GB/T 47678.5-2026', countyCode: county, typeCode, sequence },
          });
          if (minor <= 99) {
            const legacyType = typeCode.slice(0, 2) + typeCode.slice(3);
            const legacy = formatComponentId(county, legacyType, sequence);
            expect(parseComponentId(legacy)).toMatchObject({
              ok: true,
              value: { standard: 'CJ/T 214-2007' },
            });
          }
        },
      ),
    );
  });

  it('refuses to format an out-of-range sequence', () => {
    expect(() => formatComponentId('110101', '01001', 1_000_000)).toThrow(RangeError);
    expect(() => formatComponentId('110101', '01001', 0)).toThrow(RangeError);
  });
});

describe('matter codes', () => {
  it('parses 6 county + 5 type digits', () => {
    expect(parseMatterCode('11010106001')).toEqual({
      ok: true,
      value: {
        code: '11010106001',
        countyCode: '110101',
        typeCode: '06001',
        majorCode: '06',
        minorCode: '001',
      },
    });
  });

  it('rejects other shapes', () => {
    expect(parseMatterCode('1101010600')).toMatchObject({ ok: false });
    expect(parseMatterCode('11010100001')).toEqual({
      ok: false,
      reason: 'type code 00001 has major class 00',
    });
  });
});

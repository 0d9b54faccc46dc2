import { fail, ok, type CodeResult } from './result.js';

/**
 * 统一社会信用代码 — unified social credit code, GB 32100-2015 (18 characters):
 * 1 登记管理部门代码 (registration authority) + 1 机构类别代码 (category) + 6 登记管理机关行政区划码
 * (division code of the registering office) + 9 主体标识码 (the GB 11714 organization code, with its
 * own check character) + 1 check character.
 */
export interface CreditCode {
  code: string;
  registrationAuthority: { code: string; name: string | null };
  category: { code: string; name: string | null };
  divisionCode: string;
  organizationCode: string;
  checkChar: string;
}

export interface CreditCodeOptions {
  /**
   * Reject authority/category pairs missing from {@link REGISTRATION_AUTHORITIES} (default false).
   * The table is corroborated by several implementations but not read from the standard, so by
   * default an unknown pair is accepted with `name: null`; the checksums already catch typing errors.
   */
  strictCategories?: boolean;
}

/** The 31 code characters: digits and capitals without I, O, S, V, Z. Index = numeric value. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i−1) mod 31 for i = 1…17. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights for the 8 body characters of an organization code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * 登记管理部门 and their 机构类别. [P] Several independent implementations agree on this table (code
 * index ids 17474256322, 3767747188, 19101183541, 21540756475, 39802598560); two others
 * (fdstar/NumberValidators, idx:13698652200) name authorities 2–8 differently, apparently from a
 * draft. 1, 5, 9 and Y and their categories agree in every source. Not read from the standard text.
 */
export const REGISTRATION_AUTHORITIES: Readonly<
  Record<string, { name: string; categories: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  // The standard says 工商; the function now belongs to 市场监督管理 (SAMR). The code did not change.
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', categories: { '1': '其他' } },
};

function creditValue(char: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(char);
}

/** Check character of the first 17 characters. Throws RangeError if a character is not in the alphabet. */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17 || [...body17].some((c) => creditValue(c) < 0)) {
    throw new RangeError('the body of a credit code is 17 characters of the 31-character alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditValue(body17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** 组织机构代码 check character (GB 11714): C9 = 11 − (Σ mod 11), with 10 → X and 11 → 0. */
export function organizationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8))
    throw new RangeError('the body of an organization code is 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

function organizationCodeProblem(code9: string): string | null {
  const expected = organizationCodeCheckChar(code9.slice(0, 8));
  return code9[8] === expected ? null : `check character should be ${expected}, got ${code9[8]}`;
}

/**
 * Validates a 9-character 组织机构代码 (GB 11714), as printed on pre-2015 certificates with or
 * without the dash (`71610585-2`). Lowercase letters are accepted and returned as capitals.
 */
export function parseOrganizationCode(input: string): CodeResult<string> {
  const code = input.toUpperCase().replace(/^([0-9A-Z]{8})-(.)$/, '$1$2');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
    return fail('an organization code is 8 digits or capitals followed by a digit or X');
  }
  const problem = organizationCodeProblem(code);
  return problem === null ? ok(code) : fail(problem);
}

/** Validates a unified social credit code. Lowercase letters are accepted and returned as capitals. */
export function parseCreditCode(input: string, options: CreditCodeOptions = {}): CodeResult<CreditCode> {
  const code = input.toUpperCase();
  if (code.length !== 18) return fail(`a unified social credit code has 18 characters, got ${code.length}`);
  for (let i = 0; i < 18; i++) {
    if (creditValue(code[i]!) < 0) {
      return fail(`character ${i + 1} (${code[i]}) is not allowed; letters I, O, S, V and Z are never used`);
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('characters 3–8 (division code) must be digits');

  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return fail(`check character should be ${expected}, got ${code[17]}`);

  const organizationCode = code.slice(8, 17);
  const orgProblem = organizationCodeProblem(organizationCode);
  if (orgProblem !== null) return fail(`embedded organization code (GB 11714): ${orgProblem}`);

  const authorityCode = code[0]!;
  const categoryCode = code[1]!;
  const authority = REGISTRATION_AUTHORITIES[authorityCode];
  const categoryName = authority?.categories[categoryCode] ?? null;
  if (options.strictCategories === true) {
    if (authority === undefined) return fail(`registration authority ${authorityCode} is not a known code`);
    if (categoryName === null) {
      return fail(
        `category ${categoryCode} is not a known category of authority ${authorityCode} (${authority.name})`,
      );
    }
  }

  return ok({
    code,
    registrationAuthority: { code: authorityCode, name: authority?.name ?? null },
    category: { code: categoryCode, name: categoryName },
    divisionCode: code.slice(2, 8),
    organizationCode,
    checkChar: expected,
  });
}

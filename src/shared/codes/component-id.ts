import { countyCodeProblem } from './division.js';
import { fail, ok, type CodeResult } from './result.js';

/** Classification standards whose type codes appear inside identifiers. */
export type TypeCodeStandard = 'GB/T 47678.5-2026' | 'CJ/T 214-2007';

/**
 * 管理部件标识码 — component identifier:
 *
 * - 17 digits (GB/T 47678.5-2026, field GLBJBSM) = 6 county + 5 type (2 major + 3 minor) + 6 sequence [P];
 * - 16 digits (CJ/T 214-2007) = 6 county + 4 type (2 major + 2 minor) + 6 sequence [P], e.g.
 *   `3205080101000001` = 苏州姑苏区, 0101 上水井盖, #000001.
 *
 * Only the shape is checked here. Whether the type code exists in the directory is the
 * classification module's question.
 */
export interface ComponentId {
  code: string;
  standard: TypeCodeStandard;
  countyCode: string;
  /** Full type code (major + minor), the `code` of a ClassEntry. */
  typeCode: string;
  majorCode: string;
  minorCode: string;
  sequence: number;
}

/** 事项代码 — matter code, GB/T 47678.5-2026 field SXDM: 11 digits = 6 county + 5 type [P]. */
export interface MatterCode {
  code: string;
  countyCode: string;
  typeCode: string;
  majorCode: string;
  minorCode: string;
}

function typeCodeProblem(typeCode: string): string | null {
  if (typeCode.startsWith('00')) return `type code ${typeCode} has major class 00`;
  if (/^0+$/.test(typeCode.slice(2))) return `type code ${typeCode} has an all-zero minor class`;
  return null;
}

export function parseComponentId(input: string): CodeResult<ComponentId> {
  if (!/^\d+$/.test(input)) return fail('a component identifier must contain only digits');
  const standard: TypeCodeStandard | null =
    input.length === 17 ? 'GB/T 47678.5-2026' : input.length === 16 ? 'CJ/T 214-2007' : null;
  if (standard === null) {
    return fail(
      `a component identifier has 17 digits (GB/T 47678.5) or 16 digits (CJ/T 214), got ${input.length}`,
    );
  }
  const county = countyCodeProblem(input.slice(0, 6));
  if (county !== null) return fail(`county part (digits 1–6): ${county}`);

  const typeEnd = standard === 'GB/T 47678.5-2026' ? 11 : 10;
  const typeCode = input.slice(6, typeEnd);
  const typeProblem = typeCodeProblem(typeCode);
  if (typeProblem !== null) return fail(typeProblem);

  const sequence = Number(input.slice(typeEnd));
  if (sequence === 0) return fail('sequence must be 000001–999999, got 000000');
  return ok({
    code: input,
    standard,
    countyCode: input.slice(0, 6),
    typeCode,
    majorCode: typeCode.slice(0, 2),
    minorCode: typeCode.slice(2),
    sequence,
  });
}

/** Builds a component identifier; the type code's length picks the standard. Throws RangeError if invalid. */
export function formatComponentId(countyCode: string, typeCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`component sequence must be 1–999999, got ${sequence}`);
  }
  const code = countyCode + typeCode + String(sequence).padStart(6, '0');
  const parsed = parseComponentId(code);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return code;
}

export function parseMatterCode(input: string): CodeResult<MatterCode> {
  if (!/^\d{11}$/.test(input))
    return fail(`a matter code is 11 digits (6 county + 5 type), got ${JSON.stringify(input)}`);
  const county = countyCodeProblem(input.slice(0, 6));
  if (county !== null) return fail(`county part (digits 1–6): ${county}`);
  const typeCode = input.slice(6);
  const typeProblem = typeCodeProblem(typeCode);
  if (typeProblem !== null) return fail(typeProblem);
  return ok({
    code: input,
    countyCode: input.slice(0, 6),
    typeCode,
    majorCode: typeCode.slice(0, 2),
    minorCode: typeCode.slice(2),
  });
}

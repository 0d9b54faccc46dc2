import { parseDivisionCode } from './division.js';
import { fail, ok, type CodeResult } from './result.js';

/**
 * 单元网格标识码 — unit-grid code. Two schemes are in use:
 *
 * - `GB47678_15`: 15 digits = 12-digit community code + 3-digit sequence 001–999. The length is from
 *   GB/T 47678.5-2026 table 2 (所在单元网格标识码, 字符型 15, defined by GB/T 47678.3) [P]; the split
 *   follows Beijing DB11/T (6 区 + 3 街道 + 3 社区 + 3 网格) [V]. That GB/T 47678.3 uses the same split
 *   is an inference [I]; one implementation allows `[0-9A-Z]{15}`, we accept digits only.
 * - `CJT213_14`: 14 digits = 6 county + 3 street + 3 community + 2-digit sequence 01–99, CJ/T 213-2005
 *   [P]. Sequence `00` stands for the community itself, so it is not a unit-grid code.
 *
 * Grids are numbered west→east, north→south inside their community (DB11/T) [V].
 */
export type GridCodeScheme = 'GB47678_15' | 'CJT213_14';

export interface GridCode {
  code: string;
  scheme: GridCodeScheme;
  /** The 12-digit code of the community (社区/村) the grid belongs to. */
  communityCode: string;
  sequence: number;
}

export function parseGridCode(input: string): CodeResult<GridCode> {
  if (!/^\d+$/.test(input)) return fail('a unit-grid code must contain only digits');
  const scheme: GridCodeScheme | null =
    input.length === 15 ? 'GB47678_15' : input.length === 14 ? 'CJT213_14' : null;
  if (scheme === null) {
    return fail(`a unit-grid code has 15 digits (GB/T 47678.3) or 14 digits (CJ/T 213), got ${input.length}`);
  }
  const community = parseDivisionCode(input.slice(0, 12));
  if (!community.ok) return fail(`community part (digits 1–12): ${community.reason}`);

  const sequenceDigits = input.slice(12);
  const sequence = Number(sequenceDigits);
  if (sequence === 0) {
    return fail(
      scheme === 'CJT213_14'
        ? 'sequence 00 denotes the community itself, not a unit grid (CJ/T 213)'
        : 'grid sequence must be 001–999, got 000',
    );
  }
  return ok({ code: input, scheme, communityCode: community.value.code, sequence });
}

/** Builds a unit-grid code. Throws RangeError when the community code or sequence does not fit. */
export function formatGridCode(
  communityCode: string,
  sequence: number,
  scheme: GridCodeScheme = 'GB47678_15',
): string {
  const width = scheme === 'GB47678_15' ? 3 : 2;
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** width) {
    throw new RangeError(`grid sequence must be 1–${10 ** width - 1} for ${scheme}, got ${sequence}`);
  }
  const code = communityCode + String(sequence).padStart(width, '0');
  const parsed = parseGridCode(code);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return code;
}

import { fail, ok, type CodeResult } from '../../shared/codes/index.js';
import { findEntry, selectEntries } from './directory.js';
import type { ClassEntry, ClassKind } from './entry.js';

/**
 * 扩展分类 — local extension items. GB/T 47678.5-2026 allows local extension (clause 4.4.2 for
 * attributes) but we have not seen its rule for extension *codes*. This is our **convention**, taken
 * from one implementation (the `gc_biz` schema, standards.md §3.4), not the standard:
 *
 * - a local item extends an existing GB/T 47678.5 major class of the same kind, with a 5-digit code;
 * - minors 001–079 stay free for standard items; local minors come from 080–999, allocated from 999
 *   downwards so that they stay far from the standard's next additions;
 * - a local code never equals a standard code of the same kind, and a local item's display name ends
 *   with （自定义）.
 */
export const LOCAL_MINOR_MIN = 80;
export const LOCAL_MINOR_MAX = 999;
export const LOCAL_NAME_SUFFIX = '（自定义）';

export interface LocalCode {
  code: string;
  majorCode: string;
  minorCode: string;
}

/**
 * Checks a proposed local code against the directory. `entries` holds the GB/T 47678.5 items and the
 * city's existing LOCAL items (other standards are ignored).
 */
export function validateLocalCode(
  entries: readonly ClassEntry[],
  kind: ClassKind,
  code: string,
): CodeResult<LocalCode> {
  if (!/^\d{5}$/.test(code))
    return fail(`a local code has 5 digits (2 major + 3 minor), got ${JSON.stringify(code)}`);
  const majorCode = code.slice(0, 2);
  const minorCode = code.slice(2);
  const majorProblem = missingMajorClass(entries, kind, majorCode);
  if (majorProblem !== null) return fail(majorProblem);
  const standard = findEntry(entries, 'GB/T 47678.5-2026', kind, code);
  if (standard !== undefined) return fail(`${code} is the standard ${kind} ${standard.name}`);
  if (Number(minorCode) < LOCAL_MINOR_MIN) {
    return fail(`minor ${minorCode} is in 001–079, which the local convention keeps for standard items`);
  }
  const local = findEntry(entries, 'LOCAL', kind, code);
  if (local !== undefined) return fail(`${code} is already the local ${kind} ${local.name}`);
  return ok({ code, majorCode, minorCode });
}

/** The next free local code in a major class: the highest unused minor from 999 down to 080. */
export function allocateLocalCode(
  entries: readonly ClassEntry[],
  kind: ClassKind,
  majorCode: string,
): CodeResult<LocalCode> {
  if (!/^\d{2}$/.test(majorCode)) return fail(`a major code has 2 digits, got ${JSON.stringify(majorCode)}`);
  const majorProblem = missingMajorClass(entries, kind, majorCode);
  if (majorProblem !== null) return fail(majorProblem);
  for (let minor = LOCAL_MINOR_MAX; minor >= LOCAL_MINOR_MIN; minor--) {
    const result = validateLocalCode(entries, kind, majorCode + String(minor).padStart(3, '0'));
    if (result.ok) return result;
  }
  return fail(`no free local code left in ${kind} major class ${majorCode} (080–999 all used)`);
}

function missingMajorClass(
  entries: readonly ClassEntry[],
  kind: ClassKind,
  majorCode: string,
): string | null {
  return selectEntries(entries, 'GB/T 47678.5-2026', kind).some((e) => e.majorCode === majorCode)
    ? null
    : `major class ${majorCode} has no GB/T 47678.5 ${kind}s to extend`;
}

/** Display name of a local item: `防蚊闸` → `防蚊闸（自定义）` (idempotent). */
export function localItemName(name: string): string {
  return name.endsWith(LOCAL_NAME_SUFFIX) ? name : name + LOCAL_NAME_SUFFIX;
}

/**
 * 职责划分 — which departments answer for a class of component or matter at a place. Pure: the
 * case-routing use case (派遣) loads the responsibilities of the active departments and asks
 * {@link responsibleDepartments}; nothing here does I/O.
 *
 * A responsibility names a kind (部件 component / 事项 matter), a classification standard, a class
 * code prefix (a 2-digit major class such as `01`, or a full code such as `01001`) and a region
 * code that covers everything below it (district → street → community → grid). The most specific
 * match wins: the longest class prefix first, then the deepest region. A city typically gives a
 * district-wide major class to a 专业部门 and carves out single classes or streets (属地管理) for
 * others; the ordering makes the carve-out win without any priority numbers to maintain.
 */
import type { ClassKind } from '../classification/index.js';

/** The standard local extension classes are coded in (docs/domain/classification.md). */
const NATIONAL_STANDARD = 'GB/T 47678.5-2026';
const LOCAL_STANDARD = 'LOCAL';

export interface Responsibility {
  departmentId: number;
  kind: ClassKind;
  standard: string;
  classCodePrefix: string;
  regionCode: string;
}

export interface ResponsibilityQuery {
  kind: ClassKind;
  /** Standard of the class: `GB/T 47678.5-2026`, `CJ/T 214-2007` or `LOCAL`. */
  standard: string;
  /** Full class code of the component or matter, e.g. `01001`. */
  classCode: string;
  /** Where it is: usually the unit-grid code; any level works (a prefix covers what is below). */
  regionCode: string;
}

export interface ResponsibleDepartment {
  departmentId: number;
  /** This department's most specific responsibility that matched. */
  responsibility: Responsibility;
  /**
   * 1 for the most specific match, counting up; departments of equal specificity share a rank
   * (two departments both answering for `01001` in the same street are co-responsible).
   */
  rank: number;
}

/**
 * Whether a responsibility written for `responsibilityStandard` covers a class of `classStandard`.
 * Local extension classes live inside the GB/T 47678.5 major classes (a local `01990` is a kind of
 * 市政公用设施), so a GB/T 47678.5 responsibility covers them too; a LOCAL responsibility covers
 * only local classes.
 */
export function standardCovers(responsibilityStandard: string, classStandard: string): boolean {
  return (
    responsibilityStandard === classStandard ||
    (responsibilityStandard === NATIONAL_STANDARD && classStandard === LOCAL_STANDARD)
  );
}

export function responsibilityMatches(responsibility: Responsibility, query: ResponsibilityQuery): boolean {
  return (
    responsibility.kind === query.kind &&
    standardCovers(responsibility.standard, query.standard) &&
    query.classCode.startsWith(responsibility.classCodePrefix) &&
    query.regionCode.startsWith(responsibility.regionCode)
  );
}

/** Specificity as a tuple compared left to right: class prefix, region depth, exact standard. */
function specificity(responsibility: Responsibility, query: ResponsibilityQuery): [number, number, number] {
  return [
    responsibility.classCodePrefix.length,
    responsibility.regionCode.length,
    responsibility.standard === query.standard ? 1 : 0,
  ];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The departments responsible for `query`, most specific first (ties in department id order).
 * A department that matches through several responsibilities appears once, with its most
 * specific one. Callers pass the responsibilities of active departments only.
 */
export function responsibleDepartments(
  responsibilities: readonly Responsibility[],
  query: ResponsibilityQuery,
): ResponsibleDepartment[] {
  const best = new Map<number, { responsibility: Responsibility; key: [number, number, number] }>();
  for (const responsibility of responsibilities) {
    if (!responsibilityMatches(responsibility, query)) continue;
    const key = specificity(responsibility, query);
    const current = best.get(responsibility.departmentId);
    if (!current || compareTuples(key, current.key) < 0) {
      best.set(responsibility.departmentId, { responsibility, key });
    }
  }
  const ordered = [...best.entries()].sort(([idA, a], [idB, b]) => compareTuples(a.key, b.key) || idA - idB);
  const result: ResponsibleDepartment[] = [];
  ordered.forEach(([departmentId, { responsibility, key }], i) => {
    const previous = ordered[i - 1];
    const previousRank = result[i - 1]?.rank ?? 0;
    const rank = previous && compareTuples(previous[1].key, key) === 0 ? previousRank : previousRank + 1;
    result.push({ departmentId, responsibility, rank });
  });
  return result;
}

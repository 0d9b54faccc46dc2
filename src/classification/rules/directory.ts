import { entryKey, type ClassEntry, type ClassKind, type ClassStandard } from './entry.js';

/** Read-side helpers over a list of entries (one standard or several). */

export function selectEntries(
  entries: readonly ClassEntry[],
  standard: ClassStandard,
  kind: ClassKind,
): ClassEntry[] {
  return entries.filter((e) => e.standard === standard && e.kind === kind);
}

export function findEntry(
  entries: readonly ClassEntry[],
  standard: ClassStandard,
  kind: ClassKind,
  code: string,
): ClassEntry | undefined {
  return entries.find((e) => e.standard === standard && e.kind === kind && e.code === code);
}

export interface MajorClass {
  code: string;
  name: string;
  count: number;
}

/** 大类 of one (standard, kind), in code order, with the number of items in each. */
export function majorClasses(
  entries: readonly ClassEntry[],
  standard: ClassStandard,
  kind: ClassKind,
): MajorClass[] {
  const byCode = new Map<string, MajorClass>();
  for (const e of selectEntries(entries, standard, kind)) {
    const major = byCode.get(e.majorCode);
    if (major === undefined) byCode.set(e.majorCode, { code: e.majorCode, name: e.majorName, count: 1 });
    else major.count += 1;
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Keys `standard|kind|code` that occur more than once. */
export function duplicateKeys(entries: readonly ClassEntry[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const e of entries) {
    const key = entryKey(e);
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return [...duplicates];
}

/**
 * Codes missing from a run of minors inside each major class, e.g. GB/T 47678.5 component 01016.
 * Gaps may be reserved or deleted codes, or rows the transcriber missed. Catch-all minors made of
 * nines (0199 其他市容环境问题) are ignored.
 */
export function codeGaps(entries: readonly ClassEntry[], standard: ClassStandard, kind: ClassKind): string[] {
  const gaps: string[] = [];
  const selected = selectEntries(entries, standard, kind);
  for (const major of majorClasses(entries, standard, kind)) {
    const inMajor = selected.filter((e) => e.majorCode === major.code && !/^9+$/.test(e.minorCode));
    if (inMajor.length === 0) continue;
    const minors = inMajor.map((e) => Number(e.minorCode));
    const width = inMajor[0]!.minorCode.length;
    const present = new Set(minors);
    for (let n = 1; n < Math.max(...minors); n++) {
      if (!present.has(n)) gaps.push(major.code + String(n).padStart(width, '0'));
    }
  }
  return gaps;
}

import { CROSSWALK_RENAMES, type CrosswalkRename } from './crosswalk-table.js';
import { selectEntries } from './directory.js';
import type { ClassEntry, ClassKind } from './entry.js';

/**
 * 新旧代码对照 — crosswalk from CJ/T 214-2007 codes to GB/T 47678.5-2026 codes, one row per old item:
 * the hand table ({@link CROSSWALK_RENAMES}) first, then identical names (after NFKC and whitespace
 * normalisation) within the same kind, else no match.
 */
export type CrosswalkMatch = 'exact' | 'renamed' | 'none';

export interface CrosswalkRow {
  kind: ClassKind;
  oldStandard: 'CJ/T 214-2007';
  oldCode: string;
  oldName: string;
  newStandard: 'GB/T 47678.5-2026';
  newCode: string | null;
  newName: string | null;
  match: CrosswalkMatch;
  note: string;
}

/** Full-width brackets and letters to ASCII, spaces removed: `输油（气）井盖` = `输油(气)井盖`. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function majorChangeNote(oldEntry: ClassEntry, newEntry: ClassEntry): string {
  return oldEntry.majorCode === newEntry.majorCode
    ? ''
    : `major class ${oldEntry.majorCode} ${oldEntry.majorName} → ${newEntry.majorCode} ${newEntry.majorName}`;
}

/** Throws when a hand-table row no longer fits the directory. */
function assertRenamesFit(
  renames: readonly CrosswalkRename[],
  oldEntries: readonly ClassEntry[],
  newEntries: readonly ClassEntry[],
  newByName: ReadonlyMap<string, ClassEntry[]>,
): void {
  const seen = new Set<string>();
  for (const rename of renames) {
    const where = `crosswalk table, ${rename.kind} ${rename.oldCode}`;
    if (seen.has(rename.oldCode)) throw new Error(`${where}: listed twice`);
    seen.add(rename.oldCode);
    const old = oldEntries.find((e) => e.code === rename.oldCode);
    if (old?.name !== rename.oldName) throw new Error(`${where}: CJ/T 214 item is not ${rename.oldName}`);
    if (
      rename.newCode !== null &&
      newEntries.find((e) => e.code === rename.newCode)?.name !== rename.newName
    ) {
      throw new Error(`${where}: GB/T 47678.5 item ${rename.newCode} is not ${rename.newName}`);
    }
    if (newByName.has(normalizeName(old.name))) {
      throw new Error(`${where}: ${old.name} has a same-name item and needs no entry`);
    }
  }
}

/**
 * Builds the crosswalk from a directory holding both standards. Throws when the hand table no longer
 * fits the directory (an unknown code, a changed name, or a rename of items whose names match).
 */
export function buildCrosswalk(
  entries: readonly ClassEntry[],
  renames: readonly CrosswalkRename[] = CROSSWALK_RENAMES,
): CrosswalkRow[] {
  const rows: CrosswalkRow[] = [];
  for (const kind of ['component', 'matter'] as const) {
    const oldEntries = selectEntries(entries, 'CJ/T 214-2007', kind);
    const newEntries = selectEntries(entries, 'GB/T 47678.5-2026', kind);
    const newByName = new Map<string, ClassEntry[]>();
    for (const e of newEntries) {
      const key = normalizeName(e.name);
      newByName.set(key, [...(newByName.get(key) ?? []), e]);
    }
    const renamesOfKind = renames.filter((r) => r.kind === kind);
    assertRenamesFit(renamesOfKind, oldEntries, newEntries, newByName);
    const tableByCode = new Map(renamesOfKind.map((r) => [r.oldCode, r]));

    for (const old of oldEntries) {
      const base = {
        kind,
        oldStandard: 'CJ/T 214-2007',
        oldCode: old.code,
        oldName: old.name,
        newStandard: 'GB/T 47678.5-2026',
      } as const;
      const rename = tableByCode.get(old.code);
      const sameName = newByName.get(normalizeName(old.name)) ?? [];
      if (rename !== undefined) {
        const target = newEntries.find((e) => e.code === rename.newCode);
        const note = [rename.note, target === undefined ? '' : majorChangeNote(old, target)]
          .filter(Boolean)
          .join('; ');
        rows.push({
          ...base,
          newCode: rename.newCode,
          newName: rename.newName,
          match: target === undefined ? 'none' : 'renamed',
          note,
        });
      } else if (sameName.length === 1) {
        const target = sameName[0]!;
        rows.push({
          ...base,
          newCode: target.code,
          newName: target.name,
          match: 'exact',
          note: majorChangeNote(old, target),
        });
      } else {
        const note =
          sameName.length > 1
            ? `ambiguous: ${sameName.map((e) => e.code).join(', ')}`
            : 'no item of the same name';
        rows.push({ ...base, newCode: null, newName: null, match: 'none', note });
      }
    }
  }
  return rows;
}

export interface CrosswalkCoverage {
  kind: ClassKind;
  total: number;
  exact: number;
  renamed: number;
  none: number;
  /** GB/T 47678.5 items of this kind that no old item maps to (new in 2026, or split targets). */
  newWithoutPredecessor: number;
}

export function crosswalkCoverage(
  rows: readonly CrosswalkRow[],
  entries: readonly ClassEntry[],
): CrosswalkCoverage[] {
  return (['component', 'matter'] as const).map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    const targets = new Set(ofKind.map((r) => r.newCode));
    const count = (match: CrosswalkMatch): number => ofKind.filter((r) => r.match === match).length;
    return {
      kind,
      total: ofKind.length,
      exact: count('exact'),
      renamed: count('renamed'),
      none: count('none'),
      newWithoutPredecessor: selectEntries(entries, 'GB/T 47678.5-2026', kind).filter(
        (e) => !targets.has(e.code),
      ).length,
    };
  });
}

export const CROSSWALK_COLUMNS = [
  'kind',
  'old_standard',
  'old_code',
  'old_name',
  'new_standard',
  'new_code',
  'new_name',
  'match',
  'note',
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The checked-in src/classification/data/crosswalk.csv: RFC 4180, LF line ends, trailing newline. */
export function crosswalkToCsv(rows: readonly CrosswalkRow[]): string {
  const lines = rows.map((r) =>
    [
      r.kind,
      r.oldStandard,
      r.oldCode,
      r.oldName,
      r.newStandard,
      r.newCode ?? '',
      r.newName ?? '',
      r.match,
      r.note,
    ]
      .map(csvField)
      .join(','),
  );
  return [CROSSWALK_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

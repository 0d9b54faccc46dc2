import { parse } from 'csv-parse/sync';

import {
  CODE_LENGTH,
  entryKey,
  type ClassEntry,
  type ClassKind,
  type ClassStandard,
  type Confidence,
} from './entry.js';

/**
 * Parser for the classification data file (src/classification/data/classification.csv, a verbatim copy
 * of shared/data/classification.csv). Columns: kind, major_code, major_name, minor_code (the *full*
 * code), minor_name, source. Rows of different standards are told apart by the `source` prefix.
 */

export const CLASSIFICATION_COLUMNS = [
  'kind',
  'major_code',
  'major_name',
  'minor_code',
  'minor_name',
  'source',
] as const;

export interface RowIssue {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: string;
}

export type ParseOutcome =
  | { readonly ok: true; readonly value: ClassEntry[] }
  | { readonly ok: false; readonly reason: string; readonly issues: RowIssue[] };

interface SourceRule {
  prefix: string;
  standard: ClassStandard;
  confidence: Confidence;
  /** The only kind the source may describe, or null for either. */
  kind: ClassKind | null;
}

/** Checked in order; the first matching prefix wins. */
const SOURCE_RULES: readonly SourceRule[] = [
  { prefix: 'GB/T 47678.5-2026', standard: 'GB/T 47678.5-2026', confidence: 'transcribed', kind: null },
  {
    prefix: 'CJ/T 214-2007-era component list; code from',
    standard: 'CJ/T 214-2007',
    confidence: 'corroborated',
    kind: 'component',
  },
  {
    prefix: 'CJ/T 214-2007-era component list; code inferred',
    standard: 'CJ/T 214-2007',
    confidence: 'inferred',
    kind: 'component',
  },
  { prefix: 'CJ/T 214-2007-era event list', standard: 'CJ/T 214-2007', confidence: 'low', kind: 'matter' },
  // A city's own rows: `LOCAL:<city>; <note>` (docs/domain/classification.md, "Local extensions").
  { prefix: 'LOCAL', standard: 'LOCAL', confidence: 'local', kind: null },
];

function kindOf(value: string): ClassKind | null {
  switch (value) {
    case 'component':
      return 'component';
    case 'event': // CJ/T 214 and the data file's word for 事项
    case 'matter':
      return 'matter';
    default:
      return null;
  }
}

function isRecordWithInfo(value: unknown): value is { record: string[]; info: { lines: number } } {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const { record, info } = value;
  return (
    Array.isArray(record) &&
    record.every((cell) => typeof cell === 'string') &&
    typeof info === 'object' &&
    info !== null &&
    typeof (info as { lines?: unknown }).lines === 'number'
  );
}

/** Turns one data row into an entry, or says why it cannot. */
export function entryFromRow(cells: readonly string[]): ClassEntry | string {
  if (cells.length !== CLASSIFICATION_COLUMNS.length) {
    return `expected ${CLASSIFICATION_COLUMNS.length} columns, got ${cells.length}`;
  }
  const [kindCell = '', majorCode = '', majorName = '', code = '', name = '', source = ''] = cells.map((c) =>
    c.trim(),
  );
  const kind = kindOf(kindCell);
  if (kind === null) return `kind must be component, matter or event, got ${JSON.stringify(kindCell)}`;
  const rule = SOURCE_RULES.find((r) => source.startsWith(r.prefix));
  if (rule === undefined)
    return `source does not name a known standard: ${JSON.stringify(source.slice(0, 60))}`;
  if (rule.kind !== null && rule.kind !== kind) return `a ${rule.kind} source cannot describe a ${kind}`;
  if (!/^\d{2}$/.test(majorCode) || majorCode === '00')
    return `major code must be 2 digits 01–99, got ${JSON.stringify(majorCode)}`;

  const length = CODE_LENGTH[rule.standard];
  if (!new RegExp(`^\\d{${length}}$`).test(code)) {
    return `${rule.standard} codes have ${length} digits, got ${JSON.stringify(code)}`;
  }
  if (!code.startsWith(majorCode)) return `code ${code} does not start with its major code ${majorCode}`;
  const minorCode = code.slice(2);
  if (/^0+$/.test(minorCode)) return `code ${code} has an all-zero minor part`;
  if (majorName === '') return 'major name is empty';
  if (name === '') return 'name is empty';

  return {
    standard: rule.standard,
    kind,
    majorCode,
    majorName,
    minorCode,
    code,
    name,
    confidence: rule.confidence,
    sourceNote: source,
  };
}

/**
 * Parses the whole file. Besides row shape it checks that codes are unique within (standard, kind)
 * and that a major code has one name within (standard, kind). All problems are reported at once.
 */
export function parseClassificationCsv(text: string): ParseOutcome {
  let records: unknown;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const reason = `not readable as CSV: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, reason, issues: [{ line: 0, reason }] };
  }
  if (!Array.isArray(records) || !records.every(isRecordWithInfo)) {
    return { ok: false, reason: 'not readable as CSV', issues: [{ line: 0, reason: 'not readable as CSV' }] };
  }

  const issues: RowIssue[] = [];
  const [header, ...rows] = records;
  if (header === undefined || header.record.join(',') !== CLASSIFICATION_COLUMNS.join(',')) {
    const reason = `header must be ${CLASSIFICATION_COLUMNS.join(',')}`;
    return { ok: false, reason, issues: [{ line: 1, reason }] };
  }

  const entries: ClassEntry[] = [];
  const firstLineOfKey = new Map<string, number>();
  const majorNames = new Map<string, { name: string; line: number }>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const entry = entryFromRow(record);
    if (typeof entry === 'string') {
      issues.push({ line, reason: entry });
      continue;
    }
    const key = entryKey(entry);
    const seen = firstLineOfKey.get(key);
    if (seen !== undefined) {
      issues.push({
        line,
        reason: `duplicate ${entry.kind} code ${entry.code} in ${entry.standard} (first on line ${seen})`,
      });
      continue;
    }
    firstLineOfKey.set(key, line);
    const majorKey = `${entry.standard}|${entry.kind}|${entry.majorCode}`;
    const major = majorNames.get(majorKey);
    if (major === undefined) majorNames.set(majorKey, { name: entry.majorName, line });
    else if (major.name !== entry.majorName) {
      issues.push({
        line,
        reason: `major ${entry.majorCode} is named ${entry.majorName} here but ${major.name} on line ${major.line}`,
      });
    }
    entries.push(entry);
  }

  if (issues.length > 0) {
    const shown = issues.slice(0, 5).map((i) => `line ${i.line}: ${i.reason}`);
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    return { ok: false, reason: `${issues.length} invalid rows: ${shown.join('; ')}${more}`, issues };
  }
  return { ok: true, value: entries };
}

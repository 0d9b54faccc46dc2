/**
 * 管理部件和事项分类 — the classification directory: which kinds of city-management components and
 * matters exist, under which standard, and how sure we are of each row (docs/domain/classification.md).
 */

/** `LOCAL`: a city's own extension items, coded inside the GB/T 47678.5 scheme. */
export type ClassStandard = 'GB/T 47678.5-2026' | 'CJ/T 214-2007' | 'LOCAL';

/**
 * 部件 (component): a public facility in outdoor public space. 事项 (matter; 事件 "event" before
 * GB/T 47678.5-2026): a condition or behaviour that harms the city's appearance or order and needs a
 * department to restore it. Event rows of older standards are matters here.
 */
export type ClassKind = 'component' | 'matter';

/**
 * How far a row can be trusted:
 * - `transcribed`: copied from the standard's annexes by a public implementation, not checked
 *   against the official text;
 * - `corroborated`: the code appears in one implementation and the order in another;
 * - `inferred`: the code was inferred from the item's position in a list;
 * - `low`: a single source, names normalised;
 * - `local`: defined by the city that uses it.
 */
export type Confidence = 'transcribed' | 'corroborated' | 'inferred' | 'low' | 'local';

export interface ClassEntry {
  standard: ClassStandard;
  kind: ClassKind;
  /** 大类代码, 2 digits. */
  majorCode: string;
  majorName: string;
  /** 小类代码 alone: 3 digits (GB/T 47678.5, LOCAL) or 2 digits (CJ/T 214). */
  minorCode: string;
  /** Full classification code, major + minor: `01001` or `0101`. */
  code: string;
  name: string;
  confidence: Confidence;
  /** The data file's `source` column, verbatim. */
  sourceNote: string;
}

/** Code length (major + minor) of each standard. */
export const CODE_LENGTH: Readonly<Record<ClassStandard, number>> = {
  'GB/T 47678.5-2026': 5,
  'CJ/T 214-2007': 4,
  LOCAL: 5,
};

/** Key unique within the directory: codes repeat across kinds (component 01001 ≠ matter 01001). */
export function entryKey(entry: Pick<ClassEntry, 'standard' | 'kind' | 'code'>): string {
  return `${entry.standard}|${entry.kind}|${entry.code}`;
}

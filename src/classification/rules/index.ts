/**
 * Pure classification rules: the directory model, the data-file parser, the CJ/T 214 → GB/T 47678.5
 * crosswalk and the local extension convention. No I/O; callers read the files in
 * src/classification/data/. See docs/domain/classification.md.
 */
export {
  CODE_LENGTH,
  entryKey,
  type ClassEntry,
  type ClassKind,
  type ClassStandard,
  type Confidence,
} from './entry.js';
export {
  CLASSIFICATION_COLUMNS,
  entryFromRow,
  parseClassificationCsv,
  type ParseOutcome,
  type RowIssue,
} from './parse.js';
export {
  codeGaps,
  duplicateKeys,
  findEntry,
  majorClasses,
  selectEntries,
  type MajorClass,
} from './directory.js';
export {
  CROSSWALK_COLUMNS,
  buildCrosswalk,
  crosswalkCoverage,
  crosswalkToCsv,
  normalizeName,
  type CrosswalkCoverage,
  type CrosswalkMatch,
  type CrosswalkRow,
} from './crosswalk.js';
export { CROSSWALK_RENAMES, type CrosswalkRename } from './crosswalk-table.js';
export {
  LOCAL_MINOR_MAX,
  LOCAL_MINOR_MIN,
  LOCAL_NAME_SUFFIX,
  allocateLocalCode,
  localItemName,
  validateLocalCode,
  type LocalCode,
} from './extension.js';

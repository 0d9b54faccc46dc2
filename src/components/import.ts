/**
 * 部件导入 — component import from a GeoJSON FeatureCollection or a CSV file (docs/api/components.md
 * gives the columns). Every problem of every row is reported at once as {row (CSV line) or index
 * (feature), identifier, field, reason}; all-or-nothing unless skipInvalid.
 */
import { parse } from 'csv-parse/sync';
import type { Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  insertComponents,
  prepareComponents,
  type BulkOptions,
  type ComponentRow,
  type RowField,
} from './bulk.js';

/** Larger files are split by the client; 50,000 rows import in well under a minute. */
export const MAX_IMPORT_ROWS = 50_000;

export type ImportFormat = 'csv' | 'geojson';

export interface ImportRowError {
  /** CSV: the line in the file (the header is line 1). */
  row?: number;
  /** GeoJSON: the feature's index in `features`, from 0. */
  index?: number;
  identifier: string | null;
  field: string;
  reason: string;
}

export interface ImportReport {
  format: ImportFormat;
  total: number;
  created: number;
  rejected: ImportRowError[];
}

interface ParsedRow {
  /** CSV line or feature index. */
  position: number;
  row: ComponentRow | null;
  errors: Array<{ field: string; reason: string }>;
}

const CSV_COLUMNS: Record<string, Exclude<RowField, `attributes.${string}`> | 'lng' | 'lat'> = {
  identifier: 'identifier',
  class_code: 'classCode',
  standard: 'standard',
  name: 'name',
  lng: 'lng',
  lat: 'lat',
  status: 'status',
  competent_department: 'competentDepartment',
  owner_department: 'ownerDepartment',
  maintainer_department: 'maintainerDepartment',
  initial_date: 'initialDate',
  changed_date: 'changedDate',
  data_source: 'dataSource',
  remarks: 'remarks',
};
const REQUIRED_CSV_COLUMNS = [
  'class_code',
  'name',
  'lng',
  'lat',
  'status',
  'competent_department',
  'initial_date',
];
const ATTRIBUTE_PREFIX = 'attr_';

/** How a row field is named in each format's rejection report. */
function displayField(format: ImportFormat, field: RowField): string {
  if (format === 'geojson') return field === 'geometry' ? 'geometry' : `properties.${field}`;
  if (field === 'geometry') return 'lng,lat';
  if (field === 'classificationId') return 'class_code';
  if (field === 'attributes') return `${ATTRIBUTE_PREFIX}*`;
  if (field.startsWith('attributes.')) return ATTRIBUTE_PREFIX + field.slice('attributes.'.length);
  return Object.entries(CSV_COLUMNS).find(([, f]) => f === field)?.[0] ?? field;
}

function tooMany(count: number): DomainError {
  return validationError([
    { field: 'body', reason: `has ${count} rows; import at most ${MAX_IMPORT_ROWS} at a time` },
  ]);
}

function parseCsv(text: string): ParsedRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    throw validationError([{ field: 'body', reason: `is not readable CSV: ${(error as Error).message}` }]);
  }
  const [header, ...data] = records;
  if (!header)
    throw validationError([{ field: 'body', reason: 'is empty: a CSV file starts with a header line' }]);
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const unknown = columns.filter(
    (c) => !(c in CSV_COLUMNS) && !(c.startsWith(ATTRIBUTE_PREFIX) && c.length > ATTRIBUTE_PREFIX.length),
  );
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    throw validationError([
      ...unknown.map((c) => ({
        field: `columns.${c}`,
        reason: 'is not a column of the component CSV format',
      })),
      ...missing.map((c) => ({ field: `columns.${c}`, reason: 'is required' })),
      ...repeated.map((c) => ({ field: `columns.${c}`, reason: 'appears twice' })),
    ]);
  }
  if (data.length > MAX_IMPORT_ROWS) throw tooMany(data.length);
  // Attribute names keep the header's spelling (attr_材质 → 材质).
  const attributeNames = header.record.map((c) => c.trim().slice(ATTRIBUTE_PREFIX.length));
  return data.map(({ record, info }) => {
    const errors: ParsedRow['errors'] = [];
    if (record.length !== columns.length) {
      errors.push({ field: 'row', reason: `has ${record.length} fields; the header has ${columns.length}` });
      return { position: info.lines, row: null, errors };
    }
    const cell = (column: string) => record[columns.indexOf(column)] ?? '';
    const attributes: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c.startsWith(ATTRIBUTE_PREFIX) && record[i] !== '') attributes[attributeNames[i]!] = record[i]!;
    });
    const coordinate = (column: 'lng' | 'lat') => {
      const value = cell(column);
      const number = value === '' ? NaN : Number(value);
      if (!Number.isFinite(number))
        errors.push({ field: column, reason: value === '' ? 'is required' : `"${value}" is not a number` });
      return number;
    };
    const [lng, lat] = [coordinate('lng'), coordinate('lat')];
    if (cell('status') === '') errors.push({ field: 'status', reason: 'is required (管理部件状态)' });
    const row: ComponentRow = {
      identifier: cell('identifier') || null,
      classCode: cell('class_code') || null,
      standard: cell('standard') || null,
      name: cell('name'),
      geometry: { type: 'Point', coordinates: [lng, lat] },
      competentDepartment: cell('competent_department'),
      ownerDepartment: cell('owner_department') || null,
      maintainerDepartment: cell('maintainer_department') || null,
      status: cell('status'),
      initialDate: cell('initial_date'),
      changedDate: cell('changed_date') || null,
      dataSource: cell('data_source') || null,
      remarks: cell('remarks') || null,
      attributes,
    };
    return { position: info.lines, row, errors };
  });
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function parseGeoJson(collection: unknown): ParsedRow[] {
  if (
    !collection ||
    typeof collection !== 'object' ||
    (collection as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    throw validationError([{ field: 'body', reason: 'must be a GeoJSON FeatureCollection' }]);
  }
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features))
    throw validationError([{ field: 'body.features', reason: 'must be an array' }]);
  if (features.length > MAX_IMPORT_ROWS) throw tooMany(features.length);
  return features.map((feature: unknown, index) => {
    if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
      return {
        position: index,
        row: null,
        errors: [{ field: 'feature', reason: 'is not a GeoJSON Feature' }],
      };
    }
    const { properties, geometry } = feature as {
      properties?: Record<string, unknown> | null;
      geometry?: unknown;
    };
    const p = properties ?? {};
    const pick = (...names: string[]) => names.map((n) => p[n]).find((v) => v !== undefined && v !== null);
    const department = (camel: string, snake: string) => {
      const value = pick(camel, snake, `${camel}Id`);
      return typeof value === 'number' ? value : text(value);
    };
    const id = pick('classificationId');
    const attributes = pick('attributes');
    const row: ComponentRow = {
      identifier: text(pick('identifier')),
      classificationId: typeof id === 'number' ? id : null,
      classCode: text(pick('classCode', 'class_code')),
      standard: text(pick('standard')),
      name: text(pick('name')) ?? '',
      geometry: geometry as Geometry,
      competentDepartment: department('competentDepartment', 'competent_department') ?? '',
      ownerDepartment: department('ownerDepartment', 'owner_department'),
      maintainerDepartment: department('maintainerDepartment', 'maintainer_department'),
      status: text(pick('status')),
      initialDate: text(pick('initialDate', 'initial_date')) ?? '',
      changedDate: text(pick('changedDate', 'changed_date')),
      dataSource: text(pick('dataSource', 'data_source')),
      remarks: text(pick('remarks')),
      attributes: (attributes ?? {}) as Record<string, unknown>,
    };
    return { position: index, row, errors: [] };
  });
}

/** Parses, checks, places and creates; one audit entry for the file. */
export async function importComponents(
  db: Kysely<DB>,
  ctx: RequestContext,
  format: ImportFormat,
  body: unknown,
  options: BulkOptions = {},
): Promise<ImportReport> {
  const parsed = format === 'csv' ? parseCsv(typeof body === 'string' ? body : '') : parseGeoJson(body);
  const rejected: ImportRowError[] = [];
  const reject = (position: number, identifier: string | null, field: string, reason: string) =>
    rejected.push({
      ...(format === 'csv' ? { row: position } : { index: position }),
      identifier,
      field,
      reason,
    });

  const checkable = parsed.filter((p): p is ParsedRow & { row: ComponentRow } => p.row !== null);
  for (const p of parsed) {
    for (const e of p.errors) reject(p.position, p.row?.identifier ?? null, e.field, e.reason);
  }
  return inTransaction(db, async (tx) => {
    const { prepared, errors } = await prepareComponents(
      tx,
      ctx,
      checkable.map((p) => p.row),
      options,
    );
    for (const e of errors) {
      const source = checkable[e.index]!;
      // A coordinate the parser could not read already explains the missing geometry.
      if (e.field === 'geometry' && source.errors.some((p) => p.field === 'lng' || p.field === 'lat'))
        continue;
      reject(source.position, e.identifier, displayField(format, e.field), e.reason);
    }
    rejected.sort((a, b) => (a.row ?? a.index ?? 0) - (b.row ?? b.index ?? 0));
    if (rejected.length > 0 && !options.skipInvalid) {
      const rows = new Set(rejected.map((r) => r.row ?? r.index)).size;
      throw new DomainError(
        'IMPORT_REJECTED',
        `${rows} of ${parsed.length} rows were rejected; nothing was imported`,
        {
          rejected,
          errors: rejected.map((r) => ({
            field: format === 'csv' ? `line[${r.row}].${r.field}` : `features[${r.index}].${r.field}`,
            reason: r.reason,
          })),
        },
      );
    }
    const acceptable = prepared.filter((p) => checkable[p.index]!.errors.length === 0);
    const created = await insertComponents(tx, acceptable);
    await recordAudit(tx, ctx, {
      action: 'components.import',
      targetType: 'component',
      detail: {
        format,
        total: parsed.length,
        created: created.length,
        rejected: rejected.length,
        crs: options.crs ?? 'wgs84',
      },
    });
    return { format, total: parsed.length, created: created.length, rejected };
  });
}

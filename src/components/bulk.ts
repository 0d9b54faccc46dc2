/**
 * The one write path of new components (部件普查入库), for a single create, a file import and the
 * demo seeder alike: check every row, place it in its unit grid, then allocate identifiers and
 * insert in batches. Checking collects every problem of every row before anything is written.
 *
 * Rows are located by PostGIS inside the caller's transaction rather than by the in-memory locate
 * index: the seeder creates grids and components in one transaction, and the index (which reads
 * committed data) would not see those grids yet. Both give the same grid for the same point.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { codeInScope, scopeOf } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { formatComponentId, parseComponentId } from '../shared/codes/index.js';
import type { InputCrs } from '../shared/crs.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { placeGeometries } from './placement.js';
import { insertComponentRows, reserveSequence, takenIdentifiers } from './repo.js';
import { civilToday } from './rules.js';
import {
  blank,
  checkRow,
  loadLookups,
  type ComponentRow,
  type PreparedComponent,
  type RowField,
} from './row-check.js';

export type { ComponentRow, DepartmentRef, PreparedComponent, RowField } from './row-check.js';

/** Business time zone of "today" when the caller does not say (config SHUZHI_TIMEZONE's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface BulkOptions {
  crs?: InputCrs;
  /** Create the good rows and report the bad ones, instead of refusing the whole batch. */
  skipInvalid?: boolean;
  timeZone?: string;
}

/** Why a row was refused; single creates map these to distinct problem codes. */
export type RowProblem = 'invalid' | 'outside_grids' | 'outside_jurisdiction' | 'taken';

export interface RowError {
  index: number;
  identifier: string | null;
  field: RowField;
  reason: string;
  problem: RowProblem;
}

export interface CreatedComponent {
  index: number;
  id: string;
  identifier: string;
}

export interface BulkReport {
  total: number;
  created: number;
  components: CreatedComponent[];
  rejected: RowError[];
}

/**
 * Checks every row and places the good ones in their unit grids. A supervisor may only place
 * components inside their own regions. Nothing is written.
 */
export async function prepareComponents(
  db: Kysely<DB>,
  ctx: RequestContext,
  rows: readonly ComponentRow[],
  options: BulkOptions = {},
): Promise<{ prepared: PreparedComponent[]; errors: RowError[] }> {
  const lookups = await loadLookups(db);
  const today = civilToday(options.timeZone ?? DEFAULT_TIME_ZONE);
  const crs = options.crs ?? 'wgs84';
  const errors: RowError[] = [];
  const candidates: PreparedComponent[] = [];
  rows.forEach((row, index) => {
    const identifier = blank(row.identifier) ? null : String(row.identifier).trim();
    const fail = (field: RowField, reason: string, problem: RowProblem = 'invalid') =>
      errors.push({ index, identifier, field, reason, problem });
    const checked = checkRow(lookups, row, index, crs, today, fail);
    if (checked) candidates.push(checked);
  });

  const firstUse = new Map<string, number>();
  const unique = candidates.filter((c) => {
    if (c.identifier === null) return true;
    const first = firstUse.get(c.identifier);
    if (first === undefined) {
      firstUse.set(c.identifier, c.index);
      return true;
    }
    errors.push({
      index: c.index,
      identifier: c.identifier,
      field: 'identifier',
      reason: `repeats row ${first}`,
      problem: 'invalid',
    });
    return false;
  });
  const taken = await takenIdentifiers(db, [...firstUse.keys()]);
  const placements = await placeGeometries(
    db,
    unique.map((c) => ({ key: c.index, geometry: c.geometry })),
  );
  const scope = scopeOf(ctx.actor);
  const prepared: PreparedComponent[] = [];
  for (const candidate of unique) {
    const fail = (field: RowField, reason: string, problem: RowProblem) =>
      errors.push({ index: candidate.index, identifier: candidate.identifier, field, reason, problem });
    const place = placements.get(candidate.index);
    if (candidate.identifier !== null && taken.has(candidate.identifier)) {
      fail('identifier', `component ${candidate.identifier} already exists`, 'taken');
    } else if (!place?.valid) {
      fail('geometry', `invalid geometry: ${place?.reason ?? 'unreadable'}`, 'invalid');
    } else if (!place.gridCode || !place.communityCode || !place.streetCode || !place.districtCode) {
      fail('geometry', 'lies outside every unit grid of this instance', 'outside_grids');
    } else if (!codeInScope(scope, place.gridCode)) {
      fail('geometry', `lies in grid ${place.gridCode}, outside your jurisdiction`, 'outside_jurisdiction');
    } else {
      const { gridCode, communityCode, streetCode, districtCode } = place;
      prepared.push({ ...candidate, gridCode, communityCode, streetCode, districtCode });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { prepared, errors };
}

const UNIQUE_VIOLATION = '23505';

/** Allocates the missing identifiers (county of the located district + type + next sequence) and inserts. */
export async function insertComponents(
  db: Kysely<DB>,
  prepared: readonly PreparedComponent[],
): Promise<CreatedComponent[]> {
  const identifiers = new Map<number, string>();
  const wanting = new Map<string, PreparedComponent[]>();
  const batchMax = new Map<string, number>();
  for (const p of prepared) {
    if (p.identifier !== null) {
      identifiers.set(p.index, p.identifier);
      const parsed = parseComponentId(p.identifier);
      if (parsed.ok) {
        const prefix = p.identifier.slice(0, -6);
        batchMax.set(prefix, Math.max(batchMax.get(prefix) ?? 0, parsed.value.sequence));
      }
    } else {
      const prefix = p.districtCode + p.classCode;
      const group = wanting.get(prefix);
      if (group) group.push(p);
      else wanting.set(prefix, [p]);
    }
  }
  // Sorted, so that two concurrent batches lock the sequence rows in the same order.
  for (const prefix of [...wanting.keys()].sort()) {
    const group = wanting.get(prefix)!;
    const last = await reserveSequence(db, prefix, group.length, batchMax.get(prefix) ?? 0);
    if (last > 999_999) {
      throw new DomainError('IMPORT_REJECTED', `No sequence numbers left for identifier prefix ${prefix}`);
    }
    group.forEach((p, i) => {
      identifiers.set(p.index, formatComponentId(p.districtCode, p.classCode, last - group.length + 1 + i));
    });
  }
  const rows = prepared.map(({ index, classCode: _classCode, ...fields }) => ({
    ...fields,
    id: randomUUID(),
    identifier: identifiers.get(index)!,
  }));
  try {
    await insertComponentRows(db, rows);
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw new DomainError(
        'ALREADY_EXISTS',
        'A component identifier was taken by a concurrent write; retry',
      );
    }
    throw error;
  }
  return prepared.map((p, i) => ({ index: p.index, id: rows[i]!.id, identifier: rows[i]!.identifier }));
}

/**
 * Creates many components in one transaction (the demo seeder, scripts). All-or-nothing unless
 * `skipInvalid`: a refused batch throws IMPORT_REJECTED (422) with `rejected` rows and `errors`
 * named `rows[i].field`. One audit entry records the batch.
 */
export async function createComponentsBulk(
  db: Kysely<DB>,
  ctx: RequestContext,
  rows: readonly ComponentRow[],
  options: BulkOptions = {},
): Promise<BulkReport> {
  return inTransaction(db, async (tx) => {
    const { prepared, errors } = await prepareComponents(tx, ctx, rows, options);
    if (errors.length > 0 && !options.skipInvalid) {
      throw new DomainError(
        'IMPORT_REJECTED',
        `${new Set(errors.map((e) => e.index)).size} of ${rows.length} rows were rejected; nothing was created`,
        {
          rejected: errors.map(({ problem: _problem, ...e }) => e),
          errors: errors.map((e) => ({ field: `rows[${e.index}].${e.field}`, reason: e.reason })),
        },
      );
    }
    const components = await insertComponents(tx, prepared);
    await recordAudit(tx, ctx, {
      action: 'components.create_bulk',
      targetType: 'component',
      detail: {
        total: rows.length,
        created: components.length,
        rejected: errors.length,
        crs: options.crs ?? 'wgs84',
      },
    });
    return { total: rows.length, created: components.length, components, rejected: errors };
  });
}

/**
 * 部件管理 — use cases on single components: create, read, list, export, update. Each runs in one
 * transaction with its audit entry; jurisdiction is applied in the SQL (repo.ts), and a supervisor
 * may create or move components only inside their own regions.
 */
import type { Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { listDepartmentSummaries } from '../departments/index.js';
import { codeInScope, scopeOf, type Scope } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { geometryToWgs84, type InputCrs } from '../shared/crs.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import {
  DEFAULT_TIME_ZONE,
  insertComponents,
  prepareComponents,
  type RowError,
  type RowField,
} from './bulk.js';
import { placeGeometries } from './placement.js';
import { presentComponent, type ComponentView } from './presenter.js';
import {
  exportComponentCollection,
  selectComponent,
  selectComponentPage,
  updateComponentRow,
  type ComponentFilter,
} from './repo.js';
import {
  attributesProblem,
  changedDateAfter,
  civilToday,
  dateProblems,
  geometryProblem,
  type GeometryInput,
  type ComponentDataSource,
  type ComponentStatus,
} from './rules.js';

export interface ComponentCreateInput {
  identifier?: string;
  classificationId?: number;
  classCode?: string;
  standard?: string;
  name: string;
  geometry: GeometryInput;
  competentDepartmentId: number;
  ownerDepartmentId?: number | null;
  maintainerDepartmentId?: number | null;
  status?: ComponentStatus;
  initialDate: string;
  changedDate?: string | null;
  dataSource?: ComponentDataSource | null;
  remarks?: string | null;
  attributes?: Record<string, unknown>;
}

export interface ComponentPatch {
  version: number;
  name?: string;
  geometry?: GeometryInput;
  competentDepartmentId?: number;
  ownerDepartmentId?: number | null;
  maintainerDepartmentId?: number | null;
  status?: ComponentStatus;
  initialDate?: string;
  changedDate?: string | null;
  dataSource?: ComponentDataSource | null;
  remarks?: string | null;
  /** Replaces the local attributes as a whole. */
  attributes?: Record<string, unknown>;
}

export interface WriteOptions {
  crs?: InputCrs;
  timeZone?: string;
}

const BODY_FIELD: Partial<Record<RowField, string>> = {
  competentDepartment: 'competentDepartmentId',
  ownerDepartment: 'ownerDepartmentId',
  maintainerDepartment: 'maintainerDepartmentId',
};

function bodyField(field: RowField): string {
  return `body.${BODY_FIELD[field] ?? field}`;
}

/** One refused row → one problem: bad input first (400), then taken (409), then place (422, 403). */
function problemFor(errors: RowError[]): DomainError {
  const invalid = errors.filter((e) => e.problem === 'invalid');
  if (invalid.length > 0)
    return validationError(invalid.map((e) => ({ field: bodyField(e.field), reason: e.reason })));
  const first = errors[0]!;
  const fieldErrors = [{ field: bodyField(first.field), reason: first.reason }];
  switch (first.problem) {
    case 'taken':
      return new DomainError('ALREADY_EXISTS', first.reason, { errors: fieldErrors });
    case 'outside_grids':
      return new DomainError('LOCATION_OUTSIDE_GRIDS', `The geometry ${first.reason}`, {
        errors: fieldErrors,
      });
    case 'outside_jurisdiction':
      return new DomainError('LOCATION_OUTSIDE_JURISDICTION', `The geometry ${first.reason}`, {
        errors: fieldErrors,
      });
    case 'invalid':
      return validationError(fieldErrors);
  }
}

async function viewOf(db: Kysely<DB>, scope: Scope, idOrIdentifier: string): Promise<ComponentView> {
  const row = await selectComponent(db, scope, idOrIdentifier);
  if (!row)
    throw new DomainError('COMPONENT_NOT_FOUND', `No component ${idOrIdentifier} in your jurisdiction`);
  return presentComponent(row);
}

export async function createComponent(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: ComponentCreateInput,
  options: WriteOptions = {},
): Promise<ComponentView> {
  return inTransaction(db, async (tx) => {
    const row = {
      ...input,
      competentDepartment: input.competentDepartmentId,
      ownerDepartment: input.ownerDepartmentId ?? null,
      maintainerDepartment: input.maintainerDepartmentId ?? null,
    };
    const { prepared, errors } = await prepareComponents(tx, ctx, [row], options);
    if (errors.length > 0) throw problemFor(errors);
    const [created] = await insertComponents(tx, prepared);
    await recordAudit(tx, ctx, {
      action: 'component.create',
      targetType: 'component',
      targetId: created!.id,
      detail: {
        identifier: created!.identifier,
        classificationId: prepared[0]!.classificationId,
        gridCode: prepared[0]!.gridCode,
      },
    });
    return viewOf(tx, { kind: 'all' }, created!.id);
  });
}

export async function getComponent(
  db: Kysely<DB>,
  ctx: RequestContext,
  idOrIdentifier: string,
): Promise<ComponentView> {
  return viewOf(db, scopeOf(ctx.actor), idOrIdentifier);
}

export async function listComponents(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: ComponentFilter & { cursor?: string; limit: number },
): Promise<Page<ComponentView>> {
  const rows = await selectComponentPage(db, scopeOf(ctx.actor), filter);
  return toPage(rows, filter.limit, presentComponent, (row) => [row.identifier]);
}

export function exportComponents(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: ComponentFilter,
  limit: number,
): Promise<{ json: string; count: number; truncated: boolean }> {
  return exportComponentCollection(db, scopeOf(ctx.actor), filter, limit);
}

/** The departments a patch newly names must exist and be active. */
async function departmentErrors(
  db: Kysely<DB>,
  patch: ComponentPatch,
  current: ComponentView,
): Promise<FieldError[]> {
  const wanted = [
    ['competentDepartmentId', patch.competentDepartmentId, current.competentDepartment.id],
    ['ownerDepartmentId', patch.ownerDepartmentId, current.ownerDepartment?.id ?? null],
    ['maintainerDepartmentId', patch.maintainerDepartmentId, current.maintainerDepartment?.id ?? null],
  ] as const;
  const changed = wanted.filter(([, next, before]) => next !== undefined && next !== null && next !== before);
  if (changed.length === 0) return [];
  const departments = new Map((await listDepartmentSummaries(db)).map((d) => [d.id, d]));
  const errors: FieldError[] = [];
  for (const [field, id] of changed) {
    const department = departments.get(id!);
    if (!department) errors.push({ field: `body.${field}`, reason: `no department ${id}` });
    else if (!department.active)
      errors.push({ field: `body.${field}`, reason: `department ${department.name} is inactive` });
  }
  return errors;
}

/** Where a moved component lands: its grid, or the problem that refuses the move. */
async function placeMove(db: Kysely<DB>, ctx: RequestContext, geometry: GeometryInput, crs: InputCrs) {
  const shape = geometryProblem(geometry);
  if (shape) throw validationError([{ field: 'body.geometry', reason: shape }]);
  const json = JSON.stringify(geometryToWgs84(geometry as Geometry, crs));
  const place = (await placeGeometries(db, [{ key: 0, geometry: json }])).get(0);
  if (!place?.valid)
    throw validationError([
      { field: 'body.geometry', reason: `invalid geometry: ${place?.reason ?? 'unreadable'}` },
    ]);
  const { gridCode, communityCode, streetCode, districtCode } = place;
  if (!gridCode || !communityCode || !streetCode || !districtCode) {
    throw new DomainError(
      'LOCATION_OUTSIDE_GRIDS',
      'The new geometry lies outside every unit grid of this instance',
      {
        errors: [{ field: 'body.geometry', reason: 'lies outside every unit grid' }],
      },
    );
  }
  if (!codeInScope(scopeOf(ctx.actor), gridCode)) {
    throw new DomainError(
      'LOCATION_OUTSIDE_JURISDICTION',
      `The new geometry lies in grid ${gridCode}, outside your jurisdiction`,
      {
        errors: [{ field: 'body.geometry', reason: 'lies outside your jurisdiction' }],
      },
    );
  }
  return { json, place: { gridCode, communityCode, streetCode, districtCode } };
}

/**
 * Changes a component at `version`. A status change dates itself (变更日期 = today) unless the
 * patch gives `changedDate`. The class and the identifier never change: a component of another
 * class is another component (remove this one, create that one).
 */
export async function updateComponent(
  db: Kysely<DB>,
  ctx: RequestContext,
  idOrIdentifier: string,
  patch: ComponentPatch,
  options: WriteOptions = {},
): Promise<ComponentView> {
  const scope = scopeOf(ctx.actor);
  return inTransaction(db, async (tx) => {
    const current = await viewOf(tx, scope, idOrIdentifier);
    if (current.version !== patch.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Component ${current.identifier} is at version ${current.version}, not ${patch.version}`,
        {
          currentVersion: current.version,
        },
      );
    }
    const today = civilToday(options.timeZone ?? DEFAULT_TIME_ZONE);
    const next = {
      initialDate: patch.initialDate ?? current.initialDate,
      changedDate: changedDateAfter(current, patch, today),
    };
    const errors = await departmentErrors(tx, patch, current);
    for (const p of dateProblems(next, today)) errors.push({ field: `body.${p.field}`, reason: p.reason });
    const attributeProblem = patch.attributes === undefined ? null : attributesProblem(patch.attributes);
    if (attributeProblem) {
      errors.push({
        field: `body.attributes${attributeProblem.key === null ? '' : `.${attributeProblem.key}`}`,
        reason: attributeProblem.reason,
      });
    }
    if (errors.length > 0) throw validationError(errors);
    const moved = patch.geometry ? await placeMove(tx, ctx, patch.geometry, options.crs ?? 'wgs84') : null;

    const updated = await updateComponentRow(tx, scope, current.id, patch.version, {
      name: patch.name?.trim() ?? current.name,
      geometry: moved?.json ?? null,
      place: moved?.place ?? null,
      competentDepartmentId: patch.competentDepartmentId ?? current.competentDepartment.id,
      ownerDepartmentId:
        patch.ownerDepartmentId !== undefined
          ? patch.ownerDepartmentId
          : (current.ownerDepartment?.id ?? null),
      maintainerDepartmentId:
        patch.maintainerDepartmentId !== undefined
          ? patch.maintainerDepartmentId
          : (current.maintainerDepartment?.id ?? null),
      status: patch.status ?? current.status,
      initialDate: next.initialDate,
      changedDate: next.changedDate,
      dataSource: patch.dataSource !== undefined ? patch.dataSource : current.dataSource,
      remarks: patch.remarks !== undefined ? patch.remarks : current.remarks,
      attributes: patch.attributes ?? current.attributes,
    });
    if (!updated) {
      throw new DomainError('VERSION_CONFLICT', `Component ${current.identifier} was changed concurrently`, {
        currentVersion: (await viewOf(tx, { kind: 'all' }, current.id)).version,
      });
    }
    const { version: _version, geometry: _geometry, ...changes } = patch;
    await recordAudit(tx, ctx, {
      action: 'component.update',
      targetType: 'component',
      targetId: current.id,
      detail: {
        identifier: current.identifier,
        ...changes,
        ...(patch.status && patch.status !== current.status ? { statusBefore: current.status } : {}),
        ...(moved ? { moved: { from: current.location.grid?.code ?? null, to: moved.place.gridCode } } : {}),
      },
    });
    return viewOf(tx, { kind: 'all' }, current.id);
  });
}

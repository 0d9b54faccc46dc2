/**
 * One input row of a component write, checked against the rules and the reference data (the
 * directory's component classes and the departments), before PostGIS is asked where it lies.
 * Every problem of the row is reported, not only the first.
 */
import type { Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { listClassSummaries, type ClassSummary } from '../classification/index.js';
import { listDepartmentSummaries, type DepartmentSummary } from '../departments/index.js';
import { parseCreditCode } from '../shared/codes/index.js';
import { geometryToWgs84, type InputCrs } from '../shared/crs.js';
import type { ComponentInsert } from './repo.js';
import {
  NAME_MAX,
  REMARKS_MAX,
  attributesProblem,
  dateProblems,
  geometryProblem,
  identifierProblem,
  parseCivilDate,
  parseDataSource,
  parseStatus,
  type GeometryInput,
  type ComponentDataSource,
  type ComponentStatus,
} from './rules.js';

/** A department by id, or by 统一社会信用代码, name or short name. */
export type DepartmentRef = number | string;

/** One component to create. Strings are checked and normalised; nothing is trusted. */
export interface ComponentRow {
  /** 管理部件标识码; allocated (county + type + next sequence) when absent. */
  identifier?: string | null;
  classificationId?: number | null;
  /** The class code, with `standard` when ambiguous (5 digits: GB/T 47678.5 or LOCAL; 4: CJ/T 214). */
  classCode?: string | null;
  standard?: string | null;
  name: string;
  /** GeoJSON Point, LineString, Polygon or Multi-, in the options' `crs`. */
  geometry: Geometry | GeometryInput;
  competentDepartment: DepartmentRef;
  ownerDepartment?: DepartmentRef | null;
  maintainerDepartment?: DepartmentRef | null;
  /** Code (`intact`) or label (`完好`); default intact. */
  status?: string | null;
  /** `YYYY-MM-DD` or `YYYYMMDD`. */
  initialDate: string;
  changedDate?: string | null;
  /** Code (`surveyed`) or label (`实测`). */
  dataSource?: string | null;
  remarks?: string | null;
  attributes?: Record<string, unknown> | null;
}

export type RowField = Exclude<keyof ComponentRow, 'attributes'> | 'attributes' | `attributes.${string}`;

export interface PreparedComponent extends Omit<ComponentInsert, 'id' | 'identifier'> {
  index: number;
  identifier: string | null;
  classCode: string;
}

export interface Lookups {
  classesById: Map<number, ClassSummary>;
  classesByKey: Map<string, ClassSummary>;
  departmentsById: Map<number, DepartmentSummary>;
  departmentsByCode: Map<string, DepartmentSummary>;
  departmentsByName: Map<string, DepartmentSummary[]>;
}

export async function loadLookups(db: Kysely<DB>): Promise<Lookups> {
  const [classes, departments] = await Promise.all([listClassSummaries(db), listDepartmentSummaries(db)]);
  const departmentsByName = new Map<string, DepartmentSummary[]>();
  for (const d of departments) {
    for (const name of new Set([d.name, d.shortName ?? d.name])) {
      departmentsByName.set(name, [...(departmentsByName.get(name) ?? []), d]);
    }
  }
  return {
    classesById: new Map(classes.map((c) => [c.id, c])),
    classesByKey: new Map(classes.map((c) => [`${c.standard}|${c.kind}|${c.code}`, c])),
    departmentsById: new Map(departments.map((d) => [d.id, d])),
    departmentsByCode: new Map(departments.filter((d) => d.creditCode).map((d) => [d.creditCode!, d])),
    departmentsByName,
  };
}

type Resolved<T> = { ok: true; value: T } | { ok: false; field: RowField; reason: string };

function resolveClass(lookups: Lookups, row: ComponentRow): Resolved<ClassSummary> {
  const code = row.classCode?.trim() || null;
  let found: ClassSummary | undefined;
  if (row.classificationId !== undefined && row.classificationId !== null) {
    found = lookups.classesById.get(row.classificationId);
    if (!found)
      return { ok: false, field: 'classificationId', reason: `no classification ${row.classificationId}` };
    if (code !== null && code !== found.code) {
      return {
        ok: false,
        field: 'classCode',
        reason: `is not the code ${found.code} of classification ${found.id}`,
      };
    }
  } else if (code !== null) {
    const standard = row.standard?.trim() || null;
    const key = (s: string) => `${s}|component|${code}`;
    found = standard
      ? lookups.classesByKey.get(key(standard))
      : (lookups.classesByKey.get(key('GB/T 47678.5-2026')) ??
        lookups.classesByKey.get(key('LOCAL')) ??
        lookups.classesByKey.get(key('CJ/T 214-2007')));
    if (!found) {
      return {
        ok: false,
        field: 'classCode',
        reason: `no ${standard ? `${standard} ` : ''}component class ${code}`,
      };
    }
  } else {
    return { ok: false, field: 'classCode', reason: 'give the class: classCode (or classificationId)' };
  }
  if (found.kind !== 'component') {
    return {
      ok: false,
      field: 'classificationId',
      reason: `${found.code} ${found.name} is a matter class, not a component class`,
    };
  }
  if (!found.active)
    return { ok: false, field: 'classCode', reason: `class ${found.code} ${found.name} is inactive` };
  return { ok: true, value: found };
}

function resolveDepartment(lookups: Lookups, ref: DepartmentRef): Resolved<number> {
  let found: DepartmentSummary | undefined;
  let described: string;
  if (typeof ref === 'number') {
    found = lookups.departmentsById.get(ref);
    described = `id ${ref}`;
  } else {
    const text = ref.trim();
    const code = parseCreditCode(text);
    if (code.ok) {
      found = lookups.departmentsByCode.get(code.value.code);
      described = `credit code ${code.value.code}`;
    } else {
      const named = lookups.departmentsByName.get(text) ?? [];
      if (named.length > 1)
        return {
          ok: false,
          field: 'competentDepartment',
          reason: `"${text}" names ${named.length} departments; use the credit code`,
        };
      found = named[0];
      described = /^[0-9A-Z]{18}$/i.test(text) ? `credit code ${text} (${code.reason})` : `name "${text}"`;
    }
  }
  if (!found) return { ok: false, field: 'competentDepartment', reason: `no department with ${described}` };
  if (!found.active)
    return { ok: false, field: 'competentDepartment', reason: `department ${found.name} is inactive` };
  return { ok: true, value: found.id };
}

export const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The pure checks of one row; pushes its problems and returns the normalised row when there are none. */
export function checkRow(
  lookups: Lookups,
  row: ComponentRow,
  index: number,
  crs: InputCrs,
  today: string,
  fail: (field: RowField, reason: string) => void,
): PreparedComponent | null {
  let ok = true;
  const problem = (field: RowField, reason: string) => {
    ok = false;
    fail(field, reason);
  };
  const klass = resolveClass(lookups, row);
  if (!klass.ok) problem(klass.field, klass.reason);

  const identifier = blank(row.identifier) ? null : String(row.identifier).trim();
  if (identifier !== null && klass.ok) {
    const reason = identifierProblem(identifier, klass.value.code);
    if (reason) problem('identifier', reason);
  }
  const name = typeof row.name === 'string' ? row.name.trim() : '';
  if (name === '') problem('name', 'is required');
  else if (name.length > NAME_MAX) problem('name', `has more than ${NAME_MAX} characters`);

  const shape = geometryProblem(row.geometry);
  if (shape) problem('geometry', shape);

  const departments: Record<
    'competentDepartment' | 'ownerDepartment' | 'maintainerDepartment',
    number | null
  > = {
    competentDepartment: null,
    ownerDepartment: null,
    maintainerDepartment: null,
  };
  for (const field of ['competentDepartment', 'ownerDepartment', 'maintainerDepartment'] as const) {
    const ref = row[field];
    if (ref === undefined || ref === null || blank(ref)) {
      if (field === 'competentDepartment') problem(field, 'is required (主管部门)');
      continue;
    }
    const resolved = resolveDepartment(lookups, ref);
    if (resolved.ok) departments[field] = resolved.value;
    else problem(field, resolved.reason);
  }

  const status: ComponentStatus | null = blank(row.status) ? 'intact' : parseStatus(String(row.status));
  if (status === null)
    problem(
      'status',
      `unknown status "${String(row.status)}" (intact 完好, damaged 破损, lost 丢失, abandoned 废弃, removed 移除)`,
    );
  const initialDate = blank(row.initialDate) ? null : parseCivilDate(String(row.initialDate));
  if (initialDate === null)
    problem(
      'initialDate',
      blank(row.initialDate) ? 'is required (初始日期)' : 'must be a date YYYY-MM-DD or YYYYMMDD',
    );
  const changedDate = blank(row.changedDate) ? null : parseCivilDate(String(row.changedDate));
  if (!blank(row.changedDate) && changedDate === null)
    problem('changedDate', 'must be a date YYYY-MM-DD or YYYYMMDD');
  if (initialDate !== null) {
    for (const p of dateProblems({ initialDate, changedDate }, today)) problem(p.field, p.reason);
  }
  const dataSource: ComponentDataSource | null = blank(row.dataSource)
    ? null
    : parseDataSource(String(row.dataSource));
  if (!blank(row.dataSource) && dataSource === null) {
    problem(
      'dataSource',
      `unknown data source "${String(row.dataSource)}" (surveyed 实测, topographic_map 地形图, basic_geodata 基础地理数据, other 其他)`,
    );
  }
  const remarks = blank(row.remarks) ? null : String(row.remarks).trim();
  if (remarks !== null && remarks.length > REMARKS_MAX)
    problem('remarks', `has more than ${REMARKS_MAX} characters`);
  const attributes = row.attributes ?? {};
  const attributeProblem = attributesProblem(attributes);
  if (attributeProblem)
    problem(
      attributeProblem.key === null ? 'attributes' : `attributes.${attributeProblem.key}`,
      attributeProblem.reason,
    );

  if (!ok || !klass.ok || !status || !initialDate || departments.competentDepartment === null) return null;
  return {
    index,
    identifier,
    classificationId: klass.value.id,
    classCode: klass.value.code,
    name,
    // geometryProblem found none, so this is a GeoJSON geometry.
    geometry: JSON.stringify(geometryToWgs84(row.geometry as Geometry, crs)),
    gridCode: '',
    communityCode: '',
    streetCode: '',
    districtCode: '',
    competentDepartmentId: departments.competentDepartment,
    ownerDepartmentId: departments.ownerDepartment,
    maintainerDepartmentId: departments.maintainerDepartment,
    status,
    initialDate,
    changedDate,
    dataSource,
    remarks,
    attributes: attributes,
  };
}

/**
 * SQL of the components module. Every list, read, export and update applies the caller's
 * jurisdiction: the component's region (its grid, or the finest region it still has while grids
 * are regenerated) lies in the caller's regions, or one of its three departments is the caller's.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { classRelation } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { departmentRelation } from '../departments/index.js';
import { regionRelation } from '../geography/index.js';
import { regionOrDepartmentPredicate, type Scope } from '../identity/index.js';
import { decodeCursor } from '../shared/pagination.js';
import { STATUS_LABELS, type ComponentDataSource, type ComponentStatus } from './rules.js';

export type BBox = [number, number, number, number];

export interface ComponentFilter {
  classificationId?: number;
  /** A class code or its prefix (`01` = the whole major class), optionally within one standard. */
  classCode?: string;
  standard?: string;
  status?: ComponentStatus;
  /** Any region level; matches everything below it. */
  regionCode?: string;
  /** Competent, owner or maintainer department. */
  departmentId?: number;
  bbox?: BBox;
  q?: string;
}

/** One component as the views need it: the row with its class, regions and departments joined. */
export interface ComponentViewRow {
  id: string;
  identifier: string;
  name: string;
  geometry: string;
  status: ComponentStatus;
  initial_date: string;
  changed_date: string | null;
  data_source: ComponentDataSource | null;
  remarks: string | null;
  attributes: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
  class_id: number;
  class_standard: string;
  class_code: string;
  class_name: string;
  class_major_code: string;
  class_major_name: string;
  grid_code: string | null;
  grid_name: string | null;
  community_code: string | null;
  community_name: string | null;
  street_code: string | null;
  street_name: string | null;
  district_code: string;
  district_name: string;
  competent_id: number;
  competent_name: string;
  competent_credit_code: string | null;
  owner_id: number | null;
  owner_name: string | null;
  owner_credit_code: string | null;
  maintainer_id: number | null;
  maintainer_name: string | null;
  maintainer_credit_code: string | null;
}

/** The region a component counts as in for jurisdiction (matches the index of migration 0002). */
const REGION_OF_COMPONENT = sql<
  string | null
>`coalesce(c.grid_code, c.community_code, c.street_code, c.district_code)`;

export function componentJurisdiction(scope: Scope): Expression<SqlBool> {
  return regionOrDepartmentPredicate(scope, REGION_OF_COMPONENT, [
    sql<number | null>`c.competent_department_id`,
    sql<number | null>`c.owner_department_id`,
    sql<number | null>`c.maintainer_department_id`,
  ]);
}

/** The component row with its class, regions and departments, joined through their owners' relations. */
function viewSelect(db: Kysely<DB>) {
  const classes = classRelation(db);
  const regions = regionRelation(db);
  const departments = departmentRelation(db);
  return sql`
  select c.id, c.identifier, c.name, ST_AsGeoJSON(c.geom, 7) as geometry, c.status, c.initial_date,
         c.changed_date, c.data_source, c.remarks, c.attributes, c.version, c.created_at, c.updated_at,
         k.id as class_id, k.standard as class_standard, k.code as class_code, k.name as class_name,
         k.major_code as class_major_code, k.major_name as class_major_name,
         c.grid_code, rg.name as grid_name, c.community_code, rc.name as community_name,
         c.street_code, rs.name as street_name, c.district_code, rd.name as district_name,
         c.competent_department_id as competent_id, dc.name as competent_name, dc.credit_code as competent_credit_code,
         c.owner_department_id as owner_id, dw.name as owner_name, dw.credit_code as owner_credit_code,
         c.maintainer_department_id as maintainer_id, dm.name as maintainer_name, dm.credit_code as maintainer_credit_code
  from components c
  join ${classes} k on k.id = c.classification_id
  left join ${regions} rg on rg.code = c.grid_code
  left join ${regions} rc on rc.code = c.community_code
  left join ${regions} rs on rs.code = c.street_code
  join ${regions} rd on rd.code = c.district_code
  join ${departments} dc on dc.id = c.competent_department_id
  left join ${departments} dw on dw.id = c.owner_department_id
  left join ${departments} dm on dm.id = c.maintainer_department_id`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

function filterSql(scope: Scope, filter: ComponentFilter): RawBuilder<SqlBool> {
  const parts: Expression<SqlBool>[] = [componentJurisdiction(scope)];
  if (filter.classificationId !== undefined)
    parts.push(sql<SqlBool>`c.classification_id = ${filter.classificationId}`);
  if (filter.classCode) parts.push(sql<SqlBool>`k.code like ${`${escapeLike(filter.classCode)}%`}`);
  if (filter.standard) parts.push(sql<SqlBool>`k.standard = ${filter.standard}`);
  if (filter.status) parts.push(sql<SqlBool>`c.status = ${filter.status}`);
  if (filter.regionCode)
    parts.push(sql<SqlBool>`${REGION_OF_COMPONENT} like ${`${escapeLike(filter.regionCode)}%`}`);
  if (filter.departmentId !== undefined) {
    const id = filter.departmentId;
    parts.push(
      sql<SqlBool>`(c.competent_department_id = ${id} or c.owner_department_id = ${id} or c.maintainer_department_id = ${id})`,
    );
  }
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    parts.push(
      sql<SqlBool>`ST_Intersects(c.geom, ST_MakeEnvelope(${minLng}, ${minLat}, ${maxLng}, ${maxLat}, 4326))`,
    );
  }
  if (filter.q) {
    const q = escapeLike(filter.q);
    parts.push(sql<SqlBool>`(c.name ilike ${`%${q}%`} or c.identifier like ${`${q}%`})`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A page of components in identifier order (county, class, sequence), after `cursor`. */
export async function selectComponentPage(
  db: Kysely<DB>,
  scope: Scope,
  filter: ComponentFilter & { cursor?: string; limit: number },
): Promise<ComponentViewRow[]> {
  const after = filter.cursor ? sql`and c.identifier > ${decodeCursor(filter.cursor, ['text'])[0]}` : sql``;
  const result = await sql<ComponentViewRow>`
    ${viewSelect(db)}
    where ${filterSql(scope, filter)} ${after}
    order by c.identifier limit ${filter.limit + 1}`.execute(db);
  return result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One component by id (uuid) or 管理部件标识码, inside the scope. */
export async function selectComponent(
  db: Kysely<DB>,
  scope: Scope,
  idOrIdentifier: string,
): Promise<ComponentViewRow | undefined> {
  const key = UUID.test(idOrIdentifier)
    ? sql`c.id = ${idOrIdentifier}::uuid`
    : sql`c.identifier = ${idOrIdentifier}`;
  const result = await sql<ComponentViewRow>`
    ${viewSelect(db)} where ${key} and ${componentJurisdiction(scope)}`.execute(db);
  return result.rows[0];
}

/**
 * A GeoJSON FeatureCollection built by PostGIS. The properties use the import's names, so an
 * export imports again unchanged (departments by credit code, or by name when they have none).
 */
export async function exportComponentCollection(
  db: Kysely<DB>,
  scope: Scope,
  filter: ComponentFilter,
  limit: number,
): Promise<{ json: string; count: number; truncated: boolean }> {
  const deptRef = (alias: string) => sql.raw(`coalesce(${alias}.credit_code, ${alias}.name)`);
  const departments = departmentRelation(db);
  const result = await sql<{ json: string | null; count: number }>`
    with picked as (
      select c.*, k.code as class_code, k.standard as class_standard, k.name as class_name,
             ${deptRef('dc')} as competent_ref, ${deptRef('dw')} as owner_ref, ${deptRef('dm')} as maintainer_ref,
             row_number() over (order by c.identifier) as rn
      from components c
      join ${classRelation(db)} k on k.id = c.classification_id
      join ${departments} dc on dc.id = c.competent_department_id
      left join ${departments} dw on dw.id = c.owner_department_id
      left join ${departments} dm on dm.id = c.maintainer_department_id
      where ${filterSql(scope, filter)}
      order by c.identifier limit ${limit + 1}
    )
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
      'type', 'Feature', 'id', identifier,
      'geometry', ST_AsGeoJSON(geom, 7)::json,
      'properties', json_build_object(
        'identifier', identifier, 'name', name, 'classCode', class_code, 'standard', class_standard,
        'className', class_name, 'status', status, 'statusLabel', ${JSON.stringify(STATUS_LABELS)}::jsonb ->> status,
        'gridCode', grid_code, 'communityCode', community_code, 'streetCode', street_code, 'districtCode', district_code,
        'competentDepartment', competent_ref, 'ownerDepartment', owner_ref, 'maintainerDepartment', maintainer_ref,
        'initialDate', initial_date, 'changedDate', changed_date, 'dataSource', data_source, 'remarks', remarks,
        'attributes', attributes)
    ) order by identifier) filter (where rn <= ${limit}), '[]'::json))::text as json, count(*) as count
    from picked`.execute(db);
  const row = result.rows[0]!;
  return {
    json: row.json ?? '{"type":"FeatureCollection","features":[]}',
    count: Math.min(row.count, limit),
    truncated: row.count > limit,
  };
}

/** Which of `identifiers` are taken already. */
export async function takenIdentifiers(db: Kysely<DB>, identifiers: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < identifiers.length; i += 5000) {
    const rows = await db
      .selectFrom('components')
      .select('identifier')
      .where('identifier', 'in', identifiers.slice(i, i + 5000))
      .execute();
    for (const row of rows) taken.add(row.identifier);
  }
  return taken;
}

/**
 * Reserves `count` sequence numbers after the highest used for `prefix` (county + type code),
 * counting identifiers stored, given in this batch (`batchMax`) and allocated before. Returns the
 * last number reserved; the row lock it takes holds other allocators of the prefix until commit.
 */
export async function reserveSequence(
  db: Kysely<DB>,
  prefix: string,
  count: number,
  batchMax: number,
): Promise<number> {
  const stored = sql<number>`coalesce((
    select max(right(identifier, 6)::integer) from components
    where identifier like ${`${prefix}%`} and length(identifier) = ${prefix.length + 6}), 0)`;
  const result = await sql<{ last_value: number }>`
    insert into component_identifier_sequences as s (prefix, last_value)
    values (${prefix}, greatest(${stored}, ${batchMax}) + ${count})
    on conflict (prefix) do update set last_value = greatest(s.last_value, ${stored}, ${batchMax}) + ${count}
    returning last_value`.execute(db);
  return result.rows[0]!.last_value;
}

export interface ComponentInsert {
  id: string;
  identifier: string;
  classificationId: number;
  name: string;
  geometry: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  competentDepartmentId: number;
  ownerDepartmentId: number | null;
  maintainerDepartmentId: number | null;
  status: ComponentStatus;
  initialDate: string;
  changedDate: string | null;
  dataSource: ComponentDataSource | null;
  remarks: string | null;
  attributes: Record<string, unknown>;
}

const INSERT_CHUNK = 1000;

/**
 * Inserts in chunks of 1000, each one statement with one JSON parameter (no parameter limit).
 * Elevations are dropped: the column is 2-D.
 */
export async function insertComponentRows(db: Kysely<DB>, rows: readonly ComponentInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + INSERT_CHUNK));
    await sql`
      insert into components (id, identifier, classification_id, name, geom, grid_code, community_code, street_code,
        district_code, competent_department_id, owner_department_id, maintainer_department_id, status,
        initial_date, changed_date, data_source, remarks, attributes)
      select x.id, x.identifier, x."classificationId", x.name, ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(x.geometry)), 4326),
             x."gridCode", x."communityCode", x."streetCode", x."districtCode", x."competentDepartmentId",
             x."ownerDepartmentId", x."maintainerDepartmentId", x.status, x."initialDate", x."changedDate",
             x."dataSource", x.remarks, x.attributes
      from json_to_recordset(${chunk}::json) as x(id uuid, identifier text, "classificationId" integer, name text,
        geometry text, "gridCode" text, "communityCode" text, "streetCode" text, "districtCode" text,
        "competentDepartmentId" integer, "ownerDepartmentId" integer, "maintainerDepartmentId" integer,
        status text, "initialDate" date, "changedDate" date, "dataSource" text, remarks text, attributes jsonb)`.execute(
      db,
    );
  }
}

export interface ComponentUpdate {
  name: string;
  geometry: string | null;
  place: { gridCode: string; communityCode: string; streetCode: string; districtCode: string } | null;
  competentDepartmentId: number;
  ownerDepartmentId: number | null;
  maintainerDepartmentId: number | null;
  status: ComponentStatus;
  initialDate: string;
  changedDate: string | null;
  dataSource: ComponentDataSource | null;
  remarks: string | null;
  attributes: Record<string, unknown>;
}

/** Updates at `version` inside the scope, bumping the version; false when stale. */
export async function updateComponentRow(
  db: Kysely<DB>,
  scope: Scope,
  id: string,
  version: number,
  update: ComponentUpdate,
): Promise<boolean> {
  const moved = update.geometry !== null && update.place !== null;
  const geometrySet = moved
    ? sql`, geom = ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(${update.geometry})), 4326), grid_code = ${update.place!.gridCode},
          community_code = ${update.place!.communityCode}, street_code = ${update.place!.streetCode},
          district_code = ${update.place!.districtCode}`
    : sql``;
  const result = await sql<{ id: string }>`
    update components c set name = ${update.name}, competent_department_id = ${update.competentDepartmentId},
      owner_department_id = ${update.ownerDepartmentId}, maintainer_department_id = ${update.maintainerDepartmentId},
      status = ${update.status}, initial_date = ${update.initialDate}, changed_date = ${update.changedDate},
      data_source = ${update.dataSource}, remarks = ${update.remarks}, attributes = ${JSON.stringify(update.attributes)}::jsonb,
      version = c.version + 1, updated_at = now() ${geometrySet}
    where c.id = ${id}::uuid and c.version = ${version} and ${componentJurisdiction(scope)}
    returning c.id`.execute(db);
  return result.rows.length > 0;
}

/** What other modules need of one component (no jurisdiction: the caller decides who sees it). */
export interface ComponentFacts {
  id: string;
  classificationId: number;
  /** A point on the component (its own point, or a point on its line or polygon). */
  lng: number;
  lat: number;
  competentDepartmentId: number;
  maintainerDepartmentId: number | null;
}

export async function componentFacts(db: Kysely<DB>, id: string): Promise<ComponentFacts | null> {
  const result = await sql<ComponentFacts>`
    select id::text as id, classification_id as "classificationId",
           ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat,
           competent_department_id as "competentDepartmentId", maintainer_department_id as "maintainerDepartmentId"
    from components where id::text = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

/** SQL of the geography module. Every list and read applies the caller's jurisdiction. */
import type { MultiPolygon } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { regionVisiblePredicate, type Scope } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { RegionLevel } from './levels.js';

export interface RegionSummary {
  code: string;
  name: string;
  shortName: string | null;
  level: RegionLevel;
  parentCode: string | null;
  codeScheme: string;
  areaM2: number;
  centroid: [number, number];
  synthetic: boolean;
  version: number;
}

export interface RegionDetail extends RegionSummary {
  geometry: MultiPolygon;
  landUseCode: string | null;
  managementLevel: string | null;
  source: string | null;
  childCount: number;
}

export type BBox = [number, number, number, number];

export interface RegionFilter {
  parent?: string;
  level?: RegionLevel;
  q?: string;
  bbox?: BBox;
  cursor?: string;
  limit: number;
}

export async function bumpGeographyRevision(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('geography_revision')
    .set({ revision: sql<number>`revision + 1`, changed_at: new Date() })
    .where('id', '=', true)
    .execute();
}

export async function geographyRevision(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('geography_revision').select('revision').executeTakeFirstOrThrow();
  return row.revision;
}

const summaryColumns = sql`code, name, short_name, level, parent_code, code_scheme, area_m2, synthetic, version,
  ST_X(centroid) as lng, ST_Y(centroid) as lat`;

interface SummaryRow {
  code: string;
  name: string;
  short_name: string | null;
  level: RegionLevel;
  parent_code: string | null;
  code_scheme: string;
  area_m2: number;
  synthetic: boolean;
  version: number;
  lng: number;
  lat: number;
}

function presentSummary(row: SummaryRow): RegionSummary {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    parentCode: row.parent_code,
    codeScheme: row.code_scheme,
    areaM2: Math.round(row.area_m2 * 10) / 10,
    centroid: [row.lng, row.lat],
    synthetic: row.synthetic,
    version: row.version,
  };
}

function filterSql(scope: Scope, filter: Omit<RegionFilter, 'cursor' | 'limit'>) {
  const parts = [sql`${regionVisiblePredicate(scope, sql.ref('code'))}`];
  if (filter.parent) parts.push(sql`parent_code = ${filter.parent}`);
  if (filter.level) parts.push(sql`level = ${filter.level}`);
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, '\\$&');
    parts.push(sql`(name like ${`%${q}%`} or short_name like ${`%${q}%`} or code like ${`${q}%`})`);
  }
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    parts.push(sql`geom && ST_MakeEnvelope(${minLng}, ${minLat}, ${maxLng}, ${maxLat}, 4326)`);
  }
  return sql.join(parts, sql` and `);
}

/** Ordered by code, which puts a parent's children in their official order. */
export async function listRegions(
  db: Kysely<DB>,
  scope: Scope,
  filter: RegionFilter,
): Promise<Page<RegionSummary>> {
  const after = filter.cursor ? sql`and code > ${decodeCursor(filter.cursor, ['text'])[0]}` : sql``;
  const rows = await sql<SummaryRow>`
    select ${summaryColumns} from regions
    where ${filterSql(scope, filter)} ${after}
    order by code limit ${filter.limit + 1}`.execute(db);
  return toPage(rows.rows, filter.limit, presentSummary, (row) => [row.code]);
}

export async function getRegion(db: Kysely<DB>, scope: Scope, code: string): Promise<RegionDetail> {
  const result = await sql<
    SummaryRow & {
      geometry: string;
      land_use_code: string | null;
      management_level: string | null;
      source: string | null;
      child_count: number;
    }
  >`
    select ${summaryColumns}, ST_AsGeoJSON(geom, 7) as geometry, land_use_code, management_level, source,
           (select count(*) from regions c where c.parent_code = regions.code) as child_count
    from regions where code = ${code} and ${regionVisiblePredicate(scope, sql.ref('code'))}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new DomainError('REGION_NOT_FOUND', `No region ${code} in your jurisdiction`);
  return {
    ...presentSummary(row),
    geometry: JSON.parse(row.geometry) as MultiPolygon,
    landUseCode: row.land_use_code,
    managementLevel: row.management_level,
    source: row.source,
    childCount: row.child_count,
  };
}

/** A GeoJSON FeatureCollection of the matching regions, built by PostGIS. */
export async function exportRegions(
  db: Kysely<DB>,
  scope: Scope,
  filter: Omit<RegionFilter, 'cursor' | 'limit'>,
  limit: number,
  labelBox?: BBox,
): Promise<{ json: string; count: number; truncated: boolean }> {
  // Where a map writes the region's name: a point inside the region and, when a bbox was asked
  // for, inside that box too — a case map shows the street's name although the street's own
  // centre lies far outside the view. ST_ClipByBox2D is GEOS's fast clip that never raises on a
  // slightly invalid ring (ST_Intersection may).
  // A region outside the label box gets the point of its own surface.
  const box = labelBox ?? filter.bbox;
  const labelPoint = box
    ? sql`(select case when ST_IsEmpty(q.p) then ST_PointOnSurface(geom) else q.p end
        from (select ST_PointOnSurface(ST_ClipByBox2D(geom, ST_MakeEnvelope(${box[0]}, ${box[1]}, ${box[2]}, ${box[3]}, 4326)::box2d)) as p) q)`
    : sql`ST_PointOnSurface(geom)`;
  const result = await sql<{ json: string | null; count: number }>`
    with picked as (
      select * from regions where ${filterSql(scope, filter)} order by code limit ${limit + 1}
    )
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
      'type', 'Feature', 'id', code,
      'geometry', ST_AsGeoJSON(geom, 7)::json,
      'properties', json_build_object('code', code, 'name', name, 'shortName', short_name, 'level', level,
        'parentCode', parent_code, 'codeScheme', code_scheme, 'areaM2', round(area_m2::numeric, 1),
        'synthetic', synthetic, 'source', source, 'labelPoint', ST_AsGeoJSON(label_point, 6)::json -> 'coordinates')
    ) order by code) filter (where rn <= ${limit}), '[]'::json))::text as json, count(*) as count
    from (select *, row_number() over (order by code) as rn, ${labelPoint} as label_point from picked) p`.execute(
    db,
  );
  const row = result.rows[0]!;
  return {
    json: row.json ?? '{"type":"FeatureCollection","features":[]}',
    count: Math.min(row.count, limit),
    truncated: row.count > limit,
  };
}

export interface GridRecord {
  code: string;
  name: string;
  geometry: MultiPolygon;
}

/** Every unit grid with its geometry, for the in-memory locate index. */
export async function loadAllGrids(db: Kysely<DB>): Promise<GridRecord[]> {
  const result = await sql<{ code: string; name: string; geometry: string }>`
    select code, name, ST_AsGeoJSON(geom, 8) as geometry from regions where level = 'grid' order by code`.execute(
    db,
  );
  return result.rows.map((row) => ({
    code: row.code,
    name: row.name,
    geometry: JSON.parse(row.geometry) as MultiPolygon,
  }));
}

export async function loadRegionNames(
  db: Kysely<DB>,
): Promise<Map<string, { name: string; shortName: string | null; level: RegionLevel }>> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'short_name', 'level'])
    .where('level', '!=', 'grid')
    .execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, shortName: r.short_name, level: r.level }]));
}

/** Which of `codes` name an existing region (of any level, grids included). */
export async function existingRegionCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

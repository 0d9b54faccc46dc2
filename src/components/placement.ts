/**
 * Where components lie: the unit grid (and its community, street and district) of new or moved
 * geometries, and the re-placement of a community's components when geography regenerates its
 * grids. Regions are joined through geography's relation (geography owns the table).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { regionRelation } from '../geography/index.js';

export interface Placement {
  key: number;
  valid: boolean;
  reason: string | null;
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  districtCode: string | null;
}

const PLACE_CHUNK = 2000;

/**
 * Judges WGS 84 geometries (ST_IsValid) and finds the unit grid of each: the grid that covers the
 * point, or the ST_PointOnSurface of a line or polygon, with the grid's community, street and
 * district. Runs in the caller's transaction, so grids created in it are seen.
 */
export async function placeGeometries(
  db: Kysely<DB>,
  items: ReadonlyArray<{ key: number; geometry: string }>,
): Promise<Map<number, Placement>> {
  const placements = new Map<number, Placement>();
  const regions = regionRelation(db);
  for (let i = 0; i < items.length; i += PLACE_CHUNK) {
    const chunk = items.slice(i, i + PLACE_CHUNK).map((item) => ({ k: item.key, g: item.geometry }));
    // Materialised, so each geometry is parsed once; a point is always valid and its own anchor.
    const result = await sql<Placement>`
      with input as materialized (
        select x.k, g.geom, ST_GeometryType(g.geom) = 'ST_Point' as is_point
        from json_to_recordset(${JSON.stringify(chunk)}::json) as x(k integer, g text),
             lateral (select ST_SetSRID(ST_GeomFromGeoJSON(x.g), 4326) as geom) g
      ), judged as materialized (
        select k, geom, is_point or ST_IsValid(geom) as valid, is_point from input
      ), anchored as (
        select k, valid, geom,
               case when not valid then null when is_point then geom else ST_PointOnSurface(geom) end as anchor
        from judged
      )
      select a.k as key, a.valid, case when a.valid then null else ST_IsValidReason(a.geom) end as reason,
             g.code as "gridCode", rc.code as "communityCode", rs.code as "streetCode", rd.code as "districtCode"
      from anchored a
      left join lateral (
        select r.code, r.parent_code from ${regions} r
        where a.anchor is not null and r.level = 'grid' and ST_Covers(r.geom, a.anchor)
        order by r.code limit 1
      ) g on true
      left join ${regions} rc on rc.code = g.parent_code
      left join ${regions} rs on rs.code = rc.parent_code
      left join ${regions} rd on rd.code = rs.parent_code`.execute(db);
    for (const row of result.rows) placements.set(row.key, row);
  }
  return placements;
}

/**
 * Clears the grid of every component of a community whose grids are about to be replaced
 * (the grid rows go; the community, street and district stay).
 */
export async function detachComponentsFromGrids(db: Kysely<DB>, communityCode: string): Promise<void> {
  await db
    .updateTable('components')
    .set({ grid_code: null })
    .where('community_code', '=', communityCode)
    .execute();
}

/**
 * Puts every component of a community into the new grid its ST_PointOnSurface lies in; returns
 * how many were placed. Runs in the caller's transaction, after the new grids are written.
 */
export async function placeComponentsOnGrids(db: Kysely<DB>, communityCode: string): Promise<number> {
  const placed = await sql`
    update components c set grid_code = g.code, updated_at = now()
    from ${regionRelation(db)} g
    where c.community_code = ${communityCode} and g.parent_code = ${communityCode}
      and ST_Intersects(g.geom, ST_PointOnSurface(c.geom))`.execute(db);
  return Number(placed.numAffectedRows ?? 0);
}

/**
 * Region import (区域导入): GeoJSON in WGS 84, GCJ-02 or BD-09 → regions in EPSG:4326.
 * Each rejected feature is reported with its reason. Invalid geometry is repaired (ST_MakeValid)
 * only when the repair changes the area by less than 0.1 %; a region must lie inside its parent
 * (at most 0.1 % of its area outside). All-or-nothing unless skipInvalid.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { geometryToWgs84, type InputCrs } from '../shared/crs.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { checkFeature, levelRank, type RegionFeatureInput } from './import-rules.js';
import { bumpGeographyRevision } from './repo.js';

/** Largest relative area change a repair may make, and largest share of a region outside its parent. */
export const REPAIR_TOLERANCE = 0.001;
export const CONTAINMENT_TOLERANCE = 0.001;

/**
 * Overlays (ST_Difference …) run with a fixed precision grid (GEOS OverlayNG), 1e-10° ≈ 0.01 mm.
 * Without it, PGlite's PostGIS build fails silently on some floating-point overlays — the query
 * returns no rows and the session breaks — where PostgreSQL succeeds (docs/architecture.md, ADR-1).
 */
export const OVERLAY_GRID_SIZE = 1e-10;

export interface ImportOptions {
  crs?: InputCrs;
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RejectedFeature {
  index: number;
  code: string | null;
  reason: string;
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  repaired: Array<{ index: number; code: string; areaChange: number }>;
  rejected: RejectedFeature[];
}

interface GeometryVerdict {
  valid: boolean;
  reason: string;
  area: number;
  repaired: string | null;
  repairedArea: number;
}

async function judgeGeometry(
  tx: Transaction<DB>,
  geometry: Polygon | MultiPolygon,
): Promise<GeometryVerdict> {
  const result = await sql<GeometryVerdict>`
    with g as (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326) as raw),
    r as (select raw, case when ST_IsValid(raw) then null
                           else ST_Multi(ST_CollectionExtract(ST_MakeValid(raw), 3)) end as fixed from g)
    select ST_IsValid(raw) as valid,
           ST_IsValidReason(raw) as reason,
           abs(ST_Area(raw::geography)) as area,
           case when fixed is null then null else ST_AsGeoJSON(fixed) end as repaired,
           coalesce(ST_Area(fixed::geography), 0) as "repairedArea"
    from r`.execute(tx);
  return result.rows[0]!;
}

function describeInvalidity(reason: string): string {
  const match = /^(.*?)\[([-\d.e]+) ([-\d.e]+)\]$/.exec(reason);
  if (!match) return reason;
  const [, what, x, y] = match;
  const label = /self-intersection/i.test(what!) ? 'self-intersection' : what!.toLowerCase();
  return `${label} at (${Number(x).toFixed(6)}, ${Number(y).toFixed(6)})`;
}

async function shareOutsideParent(
  tx: Transaction<DB>,
  geometryJson: string,
  parentCode: string,
): Promise<number> {
  const result = await sql<{ outside: number }>`
    with c as (select ST_SetSRID(ST_GeomFromGeoJSON(${geometryJson}), 4326) as g)
    select case when ST_CoveredBy(c.g, p.geom) then 0
                else ST_Area(ST_Difference(c.g, p.geom, ${OVERLAY_GRID_SIZE})::geography) / nullif(ST_Area(c.g::geography), 0) end as outside
    from c, regions p where p.code = ${parentCode}`.execute(tx);
  return result.rows[0]?.outside ?? 1;
}

async function upsertRegion(
  tx: Transaction<DB>,
  region: RegionFeatureInput,
  geometryJson: string,
): Promise<'created' | 'updated'> {
  const geom = sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geometryJson}), 4326))`;
  const result = await sql<{ created: boolean }>`
    insert into regions (code, name, short_name, level, parent_code, code_scheme, geom, area_m2, centroid,
                         synthetic, source, land_use_code, management_level)
    select ${region.code}, ${region.name}, ${region.shortName}, ${region.level}, ${region.parentCode},
           ${region.codeScheme}, g, ST_Area(g::geography), ST_PointOnSurface(g),
           ${region.synthetic}, ${region.source}, ${region.landUseCode}, ${region.managementLevel}
    from (select ${geom} as g) s
    on conflict (code) do update set
      name = excluded.name, short_name = excluded.short_name, geom = excluded.geom, area_m2 = excluded.area_m2,
      centroid = excluded.centroid, synthetic = excluded.synthetic, source = excluded.source,
      land_use_code = excluded.land_use_code, management_level = excluded.management_level,
      version = regions.version + 1, updated_at = now()
    returning (xmax = 0) as created`.execute(tx);
  return result.rows[0]!.created ? 'created' : 'updated';
}

export async function importRegions(
  db: Kysely<DB>,
  ctx: RequestContext,
  collection: unknown,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const crs = options.crs ?? 'wgs84';
  if (
    !collection ||
    typeof collection !== 'object' ||
    (collection as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    throw new DomainError('VALIDATION_FAILED', 'The file is not a GeoJSON FeatureCollection', {
      errors: [{ field: 'body', reason: 'must be a GeoJSON FeatureCollection' }],
    });
  }
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new DomainError('VALIDATION_FAILED', 'The FeatureCollection has no features array', {
      errors: [{ field: 'body.features', reason: 'must be an array' }],
    });
  }
  const report: ImportReport = { total: features.length, created: 0, updated: 0, repaired: [], rejected: [] };
  const checked: Array<{ index: number; region: RegionFeatureInput }> = [];
  const seen = new Map<string, number>();
  const rejectedCodes = new Set<string>();
  features.forEach((feature, index) => {
    const check = checkFeature(feature);
    if (!check.ok) {
      report.rejected.push({ index, code: check.code, reason: check.reason });
      if (check.code) rejectedCodes.add(check.code);
      return;
    }
    const duplicate = seen.get(check.region.code);
    if (duplicate !== undefined) {
      report.rejected.push({
        index,
        code: check.region.code,
        reason: `duplicate code: also feature ${duplicate}`,
      });
      return;
    }
    seen.set(check.region.code, index);
    checked.push({
      index,
      region: { ...check.region, geometry: geometryToWgs84(check.region.geometry, crs) },
    });
  });
  // Parents first, so each feature can be checked against a parent imported earlier in the file.
  checked.sort((a, b) => levelRank(a.region.level) - levelRank(b.region.level) || a.index - b.index);

  const work = async (tx: Transaction<DB>) => {
    for (const [done, { index, region }] of checked.entries()) {
      options.onProgress?.(done, checked.length);
      const reject = (reason: string) => {
        report.rejected.push({ index, code: region.code, reason });
        rejectedCodes.add(region.code);
      };
      if (region.parentCode) {
        if (rejectedCodes.has(region.parentCode)) {
          reject(`its parent ${region.parentCode} was rejected`);
          continue;
        }
        const parent = await tx
          .selectFrom('regions')
          .select(['code', 'level'])
          .where('code', '=', region.parentCode)
          .executeTakeFirst();
        if (!parent) {
          reject(`unknown parent ${region.parentCode}: import or create it first`);
          continue;
        }
      }
      const verdict = await judgeGeometry(tx, region.geometry);
      let geometryJson = JSON.stringify(region.geometry);
      if (!verdict.valid) {
        const change =
          verdict.area > 0 ? Math.abs(verdict.repairedArea - verdict.area) / verdict.area : Infinity;
        if (!verdict.repaired || verdict.repairedArea === 0 || change >= REPAIR_TOLERANCE) {
          const pct = Number.isFinite(change) ? `${(change * 100).toFixed(2)} %` : 'an unbounded amount';
          reject(
            `invalid geometry: ${describeInvalidity(verdict.reason)} (a repair would change the area by ${pct})`,
          );
          continue;
        }
        geometryJson = verdict.repaired;
        report.repaired.push({ index, code: region.code, areaChange: change });
      }
      if (region.parentCode) {
        const outside = await shareOutsideParent(tx, geometryJson, region.parentCode);
        if (outside > CONTAINMENT_TOLERANCE) {
          reject(
            `outside its parent ${region.parentCode}: ${(outside * 100).toFixed(2)} % of its area lies outside`,
          );
          continue;
        }
      }
      const outcome = await upsertRegion(tx, region, geometryJson);
      report[outcome] += 1;
    }
    options.onProgress?.(checked.length, checked.length);
    if (report.rejected.length > 0 && !options.skipInvalid) {
      throw new DomainError(
        'IMPORT_REJECTED',
        `${report.rejected.length} of ${report.total} features were rejected; nothing was imported`,
        {
          rejected: report.rejected.sort((a, b) => a.index - b.index),
          errors: report.rejected.map((r) => ({ field: `features[${r.index}]`, reason: r.reason })),
        },
      );
    }
    await bumpGeographyRevision(tx);
    await recordAudit(tx, ctx, {
      action: 'regions.import',
      targetType: 'region',
      detail: {
        total: report.total,
        created: report.created,
        updated: report.updated,
        rejected: report.rejected.length,
        crs,
      },
    });
  };
  await inTransaction(db, work);
  report.rejected.sort((a, b) => a.index - b.index);
  return report;
}

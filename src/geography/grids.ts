/**
 * 单元网格生成 — tiles communities with ~10,000 m² unit grids (grid-generator.ts) and stores
 * them. Regenerating replaces a community's grids in one transaction and re-places the
 * components that lay in them, so nothing points at a grid that no longer exists.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { detachComponentsFromGrids, placeComponentsOnGrids } from '../components/index.js';
import { unbindRegions } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { generateUnitGrids } from './grid-generator.js';
import { bumpGeographyRevision } from './repo.js';

export interface GenerateGridsInput {
  streetCode?: string;
  communityCode?: string;
  cellArea?: number;
  /** Replace existing grids of the communities (otherwise a community with grids is an error). */
  replace?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateGridsReport {
  communities: number;
  grids: number;
  replaced: number;
  componentsRelocated: number;
  cellArea: number;
}

export async function generateGrids(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: GenerateGridsInput,
): Promise<GenerateGridsReport> {
  const cellArea = input.cellArea ?? 10_000;
  if (!(cellArea >= 100 && cellArea <= 1_000_000)) {
    throw new DomainError('VALIDATION_FAILED', 'cellArea must be from 100 to 1,000,000 m²', {
      errors: [{ field: 'cellArea', reason: 'must be from 100 to 1,000,000 m²' }],
    });
  }
  const parent = input.communityCode ?? input.streetCode;
  if (!parent || (input.communityCode && input.streetCode)) {
    throw new DomainError('VALIDATION_FAILED', 'Give exactly one of streetCode or communityCode', {
      errors: [
        {
          field: input.communityCode ? 'streetCode' : 'communityCode',
          reason: 'give exactly one of streetCode or communityCode',
        },
      ],
    });
  }
  const expectedLevel = input.communityCode ? 'community' : 'street';
  const region = await db
    .selectFrom('regions')
    .select(['code', 'level'])
    .where('code', '=', parent)
    .executeTakeFirst();
  if (!region || region.level !== expectedLevel) {
    throw new DomainError('REGION_NOT_FOUND', `No ${expectedLevel} ${parent}`);
  }
  const communities = await sql<{ code: string; name: string; short_name: string | null; geometry: string }>`
    select code, name, short_name, ST_AsGeoJSON(geom, 9) as geometry from regions
    where level = 'community' and ${input.communityCode ? sql`code = ${parent}` : sql`parent_code = ${parent}`}
    order by code`.execute(db);
  if (communities.rows.length === 0)
    throw new DomainError('REGION_NOT_FOUND', `${parent} has no communities to tile`);

  // Tile outside the transaction: pure CPU work must not hold the database.
  const tiled = communities.rows.map((community, i) => {
    input.onProgress?.(i, communities.rows.length);
    try {
      const cells = generateUnitGrids(
        { code: community.code, geometry: JSON.parse(community.geometry) as Polygon | MultiPolygon },
        { cellArea },
      );
      return { community, cells };
    } catch (error) {
      // Keep the generator's own code and reason (e.g. TOO_MANY_GRIDS); name the community.
      const code = error instanceof DomainError ? error.code : 'GRID_GENERATION_FAILED';
      const extra = error instanceof DomainError ? error.extra : {};
      throw new DomainError(code, `${community.code} ${community.name}: ${(error as Error).message}`, {
        ...extra,
        communityCode: community.code,
      });
    }
  });
  input.onProgress?.(communities.rows.length, communities.rows.length);

  return inTransaction(db, async (tx) => {
    const report: GenerateGridsReport = {
      communities: tiled.length,
      grids: 0,
      replaced: 0,
      componentsRelocated: 0,
      cellArea,
    };
    for (const { community, cells } of tiled) {
      const existing = await tx
        .selectFrom('regions')
        .select('code')
        .where('parent_code', '=', community.code)
        .execute();
      if (existing.length > 0 && !input.replace) {
        throw new DomainError(
          'ALREADY_EXISTS',
          `${community.code} ${community.name} already has ${existing.length} unit grids; pass replace to regenerate them`,
        );
      }
      if (existing.length > 0) {
        await detachComponentsFromGrids(tx, community.code);
        await unbindRegions(
          tx,
          existing.map((g) => g.code),
        );
        await tx.deleteFrom('regions').where('parent_code', '=', community.code).execute();
        report.replaced += existing.length;
      }
      const label = community.short_name ?? community.name;
      for (let i = 0; i < cells.length; i += 200) {
        const batch = cells.slice(i, i + 200);
        await sql`
          insert into regions (code, name, level, parent_code, code_scheme, geom, area_m2, centroid, synthetic, source)
          select g.code, g.name, 'grid', ${community.code}, 'GB/T 47678.3-2026', g.geom, ST_Area(g.geom::geography),
                 ST_PointOnSurface(g.geom), true, ${`generated at ${cellArea} m²`}
          from (select code, name, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)) as geom
                from json_to_recordset(${JSON.stringify(
                  batch.map((cell) => ({
                    code: cell.code,
                    name: `${label}${cell.code.slice(12)}号网格`,
                    geometry: JSON.stringify(cell.geometry),
                  })),
                )}::json) as x(code text, name text, geometry text)) g`.execute(tx);
      }
      report.grids += cells.length;
      if (existing.length > 0) {
        report.componentsRelocated += await placeComponentsOnGrids(tx, community.code);
      }
    }
    await bumpGeographyRevision(tx);
    await recordAudit(tx, ctx, {
      action: 'grids.generate',
      targetType: 'region',
      targetId: parent,
      detail: { ...report, replace: input.replace ?? false },
    });
    return report;
  });
}

/**
 * Demo components (部件): several thousand, placed deterministically inside the unit grids with
 * PostGIS (`ST_GeneratePoints` with a fixed seed), weighted towards what a street really holds —
 * manhole covers, street lights, bins, trees, signs — and owned by the department that maintains
 * their class. Created through the components module's one write path.
 */
import { sql, type Kysely } from 'kysely';
import { createComponentsBulk, type ComponentRow } from '../components/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';

/** Class code (GB/T 47678.5-2026) → relative frequency in a street. */
const WEIGHTS: Array<[string, number]> = [
  ['01001', 10],
  ['01002', 10],
  ['01003', 10],
  ['01004', 8],
  ['01005', 6],
  ['01007', 6],
  ['01011', 4],
  ['01013', 4],
  ['01037', 12],
  ['01042', 2],
  ['01054', 2],
  ['01075', 2],
  ['01077', 2],
  ['02001', 1],
  ['02004', 3],
  ['02012', 4],
  ['02014', 2],
  ['02017', 4],
  ['02025', 3],
  ['02038', 4],
  ['03001', 2],
  ['03005', 10],
  ['03008', 2],
  ['04002', 12],
  ['04007', 3],
  ['04008', 2],
];

/** Which demo department keeps each major class (departments.ts). */
const KEEPER: Record<string, string> = { '01': 'cgw', '02': 'jt', '03': 'hw', '04': 'yl', '05': 'zj' };

/** Components per unit grid on average. */
const PER_GRID = 1.25;

export async function seedDemoComponents(
  db: Kysely<DB>,
  ctx: RequestContext,
  departmentIds: Map<string, number>,
): Promise<number> {
  const total = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const grids = await sql<{
    code: string;
    n: number;
  }>`select code, 0 as n from regions where level = 'grid' order by code`.execute(db);
  const count = grids.rows.length * Math.floor(PER_GRID) + Math.floor(grids.rows.length / 4);
  // Deterministic: the i-th component takes the class at position (i * golden ratio) in the weights.
  const classes: string[] = [];
  for (let i = 0; i < count; i++) {
    let pick = ((i * 0.6180339887) % 1) * total;
    for (const [code, weight] of WEIGHTS) {
      pick -= weight;
      if (pick < 0) {
        classes.push(code);
        break;
      }
    }
    if (classes.length === i) classes.push(WEIGHTS[0]![0]);
  }
  // Points per grid (a fixed seed each): no union of all grids, which would need an overlay.
  const points = await sql<{ lng: number; lat: number }>`
    select ST_X(p.geom) as lng, ST_Y(p.geom) as lat
    from (select code, geom, row_number() over (order by code) as i from regions where level = 'grid') g,
         ST_Dump(ST_GeneratePoints(g.geom, ${Math.floor(PER_GRID)} + case when g.i % 4 = 0 then 1 else 0 end, 20041001 + g.i::int)) p
    order by g.code, p.path`.execute(db);
  const rows: ComponentRow[] = points.rows.map((point, i) => {
    const classCode = classes[i] ?? '01001';
    const department = departmentIds.get(KEEPER[classCode.slice(0, 2)] ?? 'cgw')!;
    return {
      classCode,
      standard: 'GB/T 47678.5-2026',
      name: '',
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
      competentDepartment: department,
      maintainerDepartment: department,
      status: i % 23 === 0 ? 'damaged' : 'intact',
      initialDate: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      dataSource: 'surveyed',
      remarks: null,
    };
  });
  const names = await db
    .selectFrom('classifications')
    .select(['code', 'name'])
    .where('standard', '=', 'GB/T 47678.5-2026')
    .where('kind', '=', 'component')
    .execute();
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  for (const row of rows) row.name = nameOf.get(row.classCode!) ?? '部件';
  const report = await createComponentsBulk(db, ctx, rows, { skipInvalid: true });
  return report.created;
}

import type { Feature, Polygon } from 'geojson';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { box, ORIGIN } from '../../test/helpers/geography.js';

import { gcoord } from '../shared/crs.js';
const t = useTestApp();

/** A square in the test district's street 110101001, community 001 (north-west), at offsets of 0.0001°. */
function square(x0: number, y0: number, x1: number, y1: number): Polygon {
  return box(x0, y0, x1, y1, 1e-4);
}

function grid(code: string, geometry: unknown, extra: Record<string, unknown> = {}): Feature {
  return {
    type: 'Feature',
    properties: { code, name: `网格${code.slice(-3)}`, ...extra },
    geometry: geometry as Polygon,
  };
}

const COMMUNITY = '110101001001'; // x 0..40, y 20..40 in 1e-4 units
const inside = square(2, 22, 6, 26);

async function importAs(role: 'admin' | 'supervisor', features: Feature[], query = '') {
  const user = await t().user({ role });
  return t().as(user, {
    method: 'POST',
    url: `/api/v1/regions/import${query}`,
    payload: { type: 'FeatureCollection', features },
  });
}

async function regionExists(code: string): Promise<boolean> {
  return (
    (await t()
      .database.db.selectFrom('regions')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst()) !== undefined
  );
}

describe('region import', () => {
  it('imports a valid grid and reports it created, then updated with a new version', async () => {
    const created = await importAs('admin', [grid(`${COMMUNITY}101`, inside)]);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ total: 1, created: 1, updated: 0, rejected: [] });
    const again = await importAs('admin', [grid(`${COMMUNITY}101`, inside, { name: '改名网格' })]);
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const row = await t()
      .database.db.selectFrom('regions')
      .select(['name', 'version', 'level', 'parent_code'])
      .where('code', '=', `${COMMUNITY}101`)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '改名网格', version: 2, level: 'grid', parent_code: COMMUNITY });
  });

  const bowtie = {
    type: 'Polygon',
    coordinates: [
      [
        [ORIGIN.lng + 2e-4, ORIGIN.lat + 22e-4],
        [ORIGIN.lng + 6e-4, ORIGIN.lat + 26e-4],
        [ORIGIN.lng + 6e-4, ORIGIN.lat + 22e-4],
        [ORIGIN.lng + 2e-4, ORIGIN.lat + 26e-4],
        [ORIGIN.lng + 2e-4, ORIGIN.lat + 22e-4],
      ],
    ],
  };
  const unclosed = { type: 'Polygon', coordinates: [square(2, 22, 6, 26).coordinates[0]!.slice(0, 4)] };
  unclosed.coordinates[0]!.push([ORIGIN.lng + 3e-4, ORIGIN.lat + 23e-4]);

  it.each([
    ['missing code', { type: 'Feature', properties: { name: 'x' }, geometry: inside }, /missing code/],
    ['malformed code', grid('11010100100A001', inside), /malformed code/],
    ['non-digit code', grid('1101x1', inside), /malformed code/],
    ['wrong length', grid('1101010010', inside), /malformed code/],
    ['level mismatch', grid(`${COMMUNITY}102`, inside, { level: 'street' }), /does not match the code/],
    ['unknown parent', grid('110101001009001', inside), /unknown parent 110101001009/],
    ['unclosed ring', grid(`${COMMUNITY}103`, unclosed), /unclosed ring/],
    ['self-intersection', grid(`${COMMUNITY}104`, bowtie), /self-intersection at/],
    [
      'wrong geometry type',
      grid(`${COMMUNITY}105`, { type: 'Point', coordinates: [ORIGIN.lng, ORIGIN.lat] }),
      /wrong geometry type: Point/,
    ],
    ['missing geometry', grid(`${COMMUNITY}106`, null), /missing geometry/],
    ['coordinate out of range', grid(`${COMMUNITY}107`, square(2, 22, 6, 26 + 1e6)), /out of range/],
    [
      'outside its parent',
      grid(`${COMMUNITY}108`, square(35, 22, 50, 26)),
      /outside its parent 110101001001/,
    ],
    [
      'too few positions',
      grid(`${COMMUNITY}109`, {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      }),
      /fewer than 4 positions/,
    ],
    ['not a feature', { type: 'Nope' }, /not a GeoJSON Feature/],
  ])('rejects a feature with %s, reports why, and imports nothing at all', async (_case, bad, reason) => {
    const good = grid(`${COMMUNITY}110`, square(10, 30, 12, 32));
    const response = await importAs('admin', [good, bad as Feature]);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: expect.stringMatching(reason) }),
    ]);
    expect(body.errors[0].field).toBe('features[1]');
    expect(await regionExists(`${COMMUNITY}110`)).toBe(false);
  });

  it('reports a duplicate code in the file', async () => {
    const response = await importAs('admin', [
      grid(`${COMMUNITY}111`, inside),
      grid(`${COMMUNITY}111`, inside),
    ]);
    expect(response.json().rejected).toEqual([
      expect.objectContaining({ index: 1, reason: expect.stringMatching(/duplicate code/) }),
    ]);
  });

  it('imports the valid features and reports the rest with skipInvalid', async () => {
    const response = await importAs(
      'admin',
      [grid(`${COMMUNITY}112`, inside), grid('110101001009001', inside)],
      '?skipInvalid=true',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, rejected: [expect.objectContaining({ index: 1 })] });
    expect(await regionExists(`${COMMUNITY}112`)).toBe(true);
  });

  it('rejects the children of a rejected parent', async () => {
    const street = {
      type: 'Feature',
      properties: { code: '110101009', name: '坏街道' },
      geometry: { type: 'Point', coordinates: [0, 0] },
    };
    const response = await importAs(
      'admin',
      [street as Feature, grid('110101009001', inside)],
      '?skipInvalid=true',
    );
    expect(response.json().rejected.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringMatching(/wrong geometry type/),
      expect.stringMatching(/its parent 110101009 was rejected/),
    ]);
  });

  it('repairs a geometry whose repair changes the area by less than 0.1 %', async () => {
    // A square with a tiny duplicated spike: invalid (self-touching), but the repair keeps the area.
    const [a, b, c, d] = [ORIGIN.lng + 2e-4, ORIGIN.lat + 22e-4, ORIGIN.lng + 6e-4, ORIGIN.lat + 26e-4];
    const spiky = {
      type: 'Polygon',
      coordinates: [
        [
          [a, b],
          [c, b],
          [c, d],
          [a + 2e-4, d],
          [a + 2e-4, d + 1e-9],
          [a + 2e-4, d],
          [a, d],
          [a, b],
        ],
      ],
    };
    const response = await importAs('admin', [grid(`${COMMUNITY}113`, spiky)]);
    expect(response.statusCode).toBe(200);
    expect(response.json().repaired).toEqual([expect.objectContaining({ code: `${COMMUNITY}113` })]);
    expect(response.json().repaired[0].areaChange).toBeLessThan(0.001);
  });

  it('converts GCJ-02 input to WGS 84 before storing', async () => {
    const gcj = gcoord.transform(structuredClone(inside), gcoord.WGS84, gcoord.GCJ02);
    expect(gcj.coordinates[0]![0]![0]).not.toBeCloseTo(inside.coordinates[0]![0]![0]!, 4);
    const response = await importAs('admin', [grid(`${COMMUNITY}114`, gcj)], '?crs=gcj02');
    expect(response.statusCode).toBe(200);
    const row = await sql<{ x: number; y: number }>`
      select ST_XMin(geom) as x, ST_YMin(geom) as y from regions where code = ${`${COMMUNITY}114`}`.execute(
      t().database.db,
    );
    expect(row.rows[0]!.x).toBeCloseTo(inside.coordinates[0]![0]![0]!, 5);
    expect(row.rows[0]!.y).toBeCloseTo(inside.coordinates[0]![0]![1]!, 5);
  });

  it('refuses non-admins and unauthenticated callers, and validates the body', async () => {
    expect((await importAs('supervisor', [grid(`${COMMUNITY}115`, inside)])).statusCode).toBe(403);
    const anonymous = await t().app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      payload: { type: 'FeatureCollection', features: [] },
    });
    expect(anonymous.statusCode).toBe(401);
    const admin = await t().user({ role: 'admin' });
    const bad = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/regions/import',
      payload: { type: 'Feature' },
    });
    expect(bad.statusCode).toBe(400);
    const badCrs = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/regions/import?crs=utm',
      payload: { type: 'FeatureCollection', features: [] },
    });
    expect(badCrs.statusCode).toBe(400);
    expect(badCrs.json().errors[0].field).toBe('querystring.crs');
  });
});

import { describe, expect, it } from 'vitest';
import { startTestApp, useTestApp } from '../../test/helpers/app.js';
import { ORIGIN, STREET_A, STREET_B, gridCentre } from '../../test/helpers/geography.js';
import { gcoord } from '../shared/crs.js';

const t = useTestApp();

describe('GET /regions', () => {
  it('lists everything for an admin, children in code order', async () => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, { method: 'GET', url: '/api/v1/regions?parent=110101' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((r: { code: string }) => r.code)).toEqual([STREET_A, STREET_B]);
    expect(response.json().items[0]).toMatchObject({
      level: 'street',
      parentCode: '110101',
      synthetic: false,
      codeScheme: 'GB/T 10114',
    });
    expect(response.json().items[0].areaM2).toBeGreaterThan(100_000);
  });

  it('lists a street user their street, its descendants and its ancestors, never the other street', async () => {
    const user = await t().user({ role: 'inspector', regions: [STREET_A] });
    const all = await t().as(user, { method: 'GET', url: '/api/v1/regions?limit=500' });
    const codes = all.json().items.map((r: { code: string }) => r.code);
    expect(codes).toContain('110101');
    expect(codes).toContain(STREET_A);
    expect(codes).toContain(`${STREET_A}001002`);
    expect(codes.filter((c: string) => c.startsWith(STREET_B))).toEqual([]);
    const streets = await t().as(user, { method: 'GET', url: '/api/v1/regions?parent=110101' });
    expect(streets.json().items.map((r: { code: string }) => r.code)).toEqual([STREET_A]);
  });

  it.each([
    ['inspector', [STREET_A]],
    ['handler', []],
    ['department_lead', []],
    ['dispatcher', [STREET_A]],
    ['leader', []],
  ] as const)(
    'serves every outline to a signed-in %s: boundaries are public geography',
    async (role, regions) => {
      const user = await t().user({ role, regions: [...regions] });
      const exported = await t().as(user, {
        method: 'GET',
        url: '/api/v1/regions/export.geojson?level=street',
      });
      expect(exported.statusCode).toBe(200);
      const streets = JSON.parse(exported.body).features as Array<{
        properties: { code: string; name: string };
      }>;
      expect(streets.map((f) => f.properties.code).sort()).toEqual([STREET_A, STREET_B]);
      expect(streets.every((f) => f.properties.name.length > 0)).toBe(true);
      const grids = await t().as(user, { method: 'GET', url: '/api/v1/regions/export.geojson?level=grid' });
      expect(JSON.parse(grids.body).features).toHaveLength(8);
      const read = await t().as(user, { method: 'GET', url: `/api/v1/regions/${STREET_B}001001` });
      expect(read.statusCode).toBe(200);
      expect(read.json().geometry.type).toBe('MultiPolygon');
    },
  );

  it('still answers 401 to a made-up token on the public outlines', async () => {
    const response = await t().as(
      { id: 0, username: 'x', token: 'shs_made-up' },
      { method: 'GET', url: '/api/v1/regions/export.geojson?level=street' },
    );
    expect(response.statusCode).toBe(401);
  });

  it('shows a department-only account no regions', async () => {
    const user = await t().user({ role: 'leader', regions: [] });
    const response = await t().as(user, { method: 'GET', url: '/api/v1/regions' });
    expect(response.json().items).toEqual([]);
  });

  it('reads one region with geometry and child count', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const response = await t().as(user, { method: 'GET', url: `/api/v1/regions/${STREET_A}001` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: `${STREET_A}001`,
      level: 'community',
      childCount: 2,
      geometry: { type: 'MultiPolygon' },
    });
  });

  it('filters by level, bbox and text, and pages with a cursor', async () => {
    const user = await t().user({ role: 'leader' });
    const grids = await t().as(user, { method: 'GET', url: '/api/v1/regions?level=grid&limit=3' });
    expect(grids.json().items).toHaveLength(3);
    const rest = await t().as(user, {
      method: 'GET',
      url: `/api/v1/regions?level=grid&limit=100&cursor=${grids.json().nextCursor}`,
    });
    expect(rest.json().items).toHaveLength(5);
    expect(rest.json().nextCursor).toBeNull();
    const c = gridCentre(2, 2, 2);
    const bbox = `${c.lng - 1e-4},${c.lat - 1e-4},${c.lng + 1e-4},${c.lat + 1e-4}`;
    const inBox = await t().as(user, { method: 'GET', url: `/api/v1/regions?level=grid&bbox=${bbox}` });
    expect(inBox.json().items.map((r: { code: string }) => r.code)).toEqual([`${STREET_B}002002`]);
    const byName = await t().as(user, {
      method: 'GET',
      url: `/api/v1/regions?q=${encodeURIComponent('测试2')}`,
    });
    expect(byName.json().items.every((r: { name: string }) => r.name.includes('测试2'))).toBe(true);
    expect(byName.json().items.length).toBeGreaterThan(0);
  });

  it.each([
    ['bbox=1,2,3', 'querystring.bbox'],
    ['bbox=10,10,5,5', 'querystring.bbox'],
    ['level=province', 'querystring.level'],
    ['parent=12', 'querystring.parent'],
    ['limit=0', 'querystring.limit'],
    ['limit=501', 'querystring.limit'],
    ['cursor=zzz', 'querystring.cursor'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const user = await t().user({ role: 'leader' });
    const response = await t().as(user, { method: 'GET', url: `/api/v1/regions?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('serves every region to anonymous callers: boundaries are public geography', async () => {
    const list = await t().app.inject({ method: 'GET', url: '/api/v1/regions?parent=110101' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { code: string }) => r.code)).toEqual([STREET_A, STREET_B]);
    expect((await t().app.inject({ method: 'GET', url: `/api/v1/regions/${STREET_B}` })).statusCode).toBe(
      200,
    );
    const exported = await t().app.inject({
      method: 'GET',
      url: '/api/v1/regions/export.geojson?level=grid',
    });
    expect(JSON.parse(exported.body).features).toHaveLength(8);
  });

  it('answers 401 to a made-up bearer token instead of falling back to the public view', async () => {
    const response = await t().as(
      { id: 0, username: 'x', token: 'shs_made-up' },
      { method: 'GET', url: '/api/v1/regions' },
    );
    expect(response.statusCode).toBe(401);
  });

  it('puts each outline’s label point inside the region and inside the asked bbox', async () => {
    const c = gridCentre(1, 1, 1);
    const box = [c.lng - 0.0004, c.lat - 0.0004, c.lng + 0.0004, c.lat + 0.0004];
    const response = await t().app.inject({
      method: 'GET',
      url: `/api/v1/regions/export.geojson?level=street&bbox=${box.join(',')}`,
    });
    expect(response.statusCode).toBe(200);
    const features = JSON.parse(response.body).features as Array<{
      properties: { code: string; labelPoint: [number, number] };
    }>;
    expect(features.map((f) => f.properties.code)).toEqual([STREET_A]);
    const [lng, lat] = features[0]!.properties.labelPoint;
    expect(lng).toBeGreaterThanOrEqual(box[0]!);
    expect(lng).toBeLessThanOrEqual(box[2]!);
    expect(lat).toBeGreaterThanOrEqual(box[1]!);
    expect(lat).toBeLessThanOrEqual(box[3]!);
    const whole = await t().app.inject({ method: 'GET', url: '/api/v1/regions/export.geojson?level=street' });
    const street = (JSON.parse(whole.body).features as Array<{ properties: { labelPoint: number[] } }>)[0]!;
    expect(street.properties.labelPoint).toHaveLength(2);
  });

  it('puts label points in labelBbox when given, and on the region itself when it misses that box', async () => {
    const c = gridCentre(1, 1, 1);
    const box = [c.lng - 0.003, c.lat - 0.003, c.lng + 0.003, c.lat + 0.003];
    // A band north of the point: street A reaches into it; both streets are still returned.
    const band = [box[0]!, c.lat + 0.0001, box[2]!, c.lat + 0.0004];
    const response = await t().app.inject({
      method: 'GET',
      url: `/api/v1/regions/export.geojson?level=street&bbox=${box.join(',')}&labelBbox=${band.join(',')}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const features = JSON.parse(response.body).features as Array<{
      properties: { code: string; labelPoint: [number, number] };
    }>;
    const street = features.find((f) => f.properties.code === STREET_A)!;
    expect(street.properties.labelPoint[1]).toBeGreaterThanOrEqual(band[1]!);
    expect(street.properties.labelPoint[1]).toBeLessThanOrEqual(band[3]!);
    const bad = await t().app.inject({
      method: 'GET',
      url: '/api/v1/regions/export.geojson?level=street&labelBbox=2,2,1,1',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.labelBbox');
  });

  it('exports GeoJSON with codes, names and synthetic flags', async () => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/regions/export.geojson?parent=${STREET_A}`,
    });
    expect(response.headers['content-type']).toMatch(/application\/geo\+json/);
    const body = JSON.parse(response.body);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id)).toEqual([`${STREET_A}001`, `${STREET_A}002`]);
    expect(body.features[0].geometry.type).toBe('MultiPolygon');
    expect(response.headers['x-total-count']).toBe('2');
  });
});

describe('GET /locate', () => {
  it('locates a point to its grid, community, street and district without authentication', async () => {
    const c = gridCentre(1, 2, 2);
    const response = await t().app.inject({ method: 'GET', url: `/api/v1/locate?lng=${c.lng}&lat=${c.lat}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      grid: { code: `${STREET_A}002002` },
      community: { code: `${STREET_A}002`, name: '测试1-2社区' },
      street: { code: STREET_A, name: '测试1街道' },
      district: { code: '110101', name: '东城区' },
      point: { crs: 'wgs84' },
    });
  });

  it('answers 404 with a problem outside every grid', async () => {
    const response = await t().app.inject({
      method: 'GET',
      url: `/api/v1/locate?lng=${ORIGIN.lng - 0.01}&lat=${ORIGIN.lat}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('LOCATION_OUTSIDE_DISTRICT');
  });

  it('converts GCJ-02 and BD-09 points from Chinese map apps', async () => {
    const c = gridCentre(2, 1, 1);
    for (const [crs, system] of [
      ['gcj02', gcoord.GCJ02],
      ['bd09', gcoord.BD09],
    ] as const) {
      const [x, y] = gcoord.transform([c.lng, c.lat], gcoord.WGS84, system);
      const response = await t().app.inject({
        method: 'GET',
        url: `/api/v1/locate?lng=${x}&lat=${y}&crs=${crs}`,
      });
      expect(response.json().grid.code, crs).toBe(`${STREET_B}001001`);
      expect(response.json().point.lng).toBeCloseTo(c.lng, 5);
    }
  });

  it.each([
    ['lng=200&lat=39.9', 'querystring.lng'],
    ['lat=39.9', 'querystring.lng'],
    ['lng=116.4&lat=abc', 'querystring.lat'],
    ['lng=116.4&lat=39.9&crs=utm', 'querystring.crs'],
  ])('rejects ?%s', async (query, field) => {
    const response = await t().app.inject({ method: 'GET', url: `/api/v1/locate?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('rate-limits anonymous clients per address', async () => {
    const limited = await startTestApp({ publicRateLimit: 1 });
    try {
      const c = gridCentre(1, 1, 1);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          (await limited.app.inject({ method: 'GET', url: `/api/v1/locate?lng=${c.lng}&lat=${c.lat}` }))
            .statusCode,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      const last = await limited.app.inject({
        method: 'GET',
        url: `/api/v1/locate?lng=${c.lng}&lat=${c.lat}`,
      });
      expect(last.json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.app.close();
      await limited.database.close();
    }
  });
});

describe('POST /grids/generate', () => {
  it('tiles a community with grids covering it exactly, numbered from 001, and locate finds them at once', async () => {
    const admin = await t().user({ role: 'admin' });
    const conflict = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/grids/generate',
      payload: { communityCode: `${STREET_B}002`, cellArea: 5000 },
    });
    expect(conflict.statusCode).toBe(409);
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/grids/generate',
      payload: { communityCode: `${STREET_B}002`, cellArea: 5000, replace: true },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ communities: 1, replaced: 2, cellArea: 5000 });
    expect(report.grids).toBeGreaterThan(5);
    const sums = await t()
      .database.db.selectFrom('regions')
      .select((eb) => [eb.fn.sum<number>('area_m2').as('sum'), eb.fn.min<string>('code').as('first')])
      .where('parent_code', '=', `${STREET_B}002`)
      .executeTakeFirstOrThrow();
    const community = await t()
      .database.db.selectFrom('regions')
      .select('area_m2')
      .where('code', '=', `${STREET_B}002`)
      .executeTakeFirstOrThrow();
    expect(Math.abs(sums.sum - community.area_m2) / community.area_m2).toBeLessThan(0.001);
    expect(sums.first).toBe(`${STREET_B}002001`);
    const c = gridCentre(2, 2, 2);
    const located = await t().app.inject({ method: 'GET', url: `/api/v1/locate?lng=${c.lng}&lat=${c.lat}` });
    expect(located.json().grid.code.startsWith(`${STREET_B}002`)).toBe(true);
    expect(located.json().grid.name).toMatch(/号网格$/);
  });

  it.each([
    [{ cellArea: 10000 }, 'communityCode'],
    [{ streetCode: STREET_A, communityCode: `${STREET_A}001` }, 'streetCode'],
    [{ communityCode: '1101' }, 'body.communityCode'],
    [{ communityCode: `${STREET_A}001`, cellArea: 5 }, 'body.cellArea'],
  ])('rejects %j', async (payload, field) => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, { method: 'POST', url: '/api/v1/grids/generate', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 for an unknown community and refuses non-admins', async () => {
    const admin = await t().user({ role: 'admin' });
    const unknown = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/grids/generate',
      payload: { communityCode: '110101001099' },
    });
    expect(unknown.statusCode).toBe(404);
    const supervisor = await t().user({ role: 'supervisor' });
    const refused = await t().as(supervisor, {
      method: 'POST',
      url: '/api/v1/grids/generate',
      payload: { communityCode: `${STREET_A}001` },
    });
    expect(refused.statusCode).toBe(403);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  createComponent,
  createDepartment,
  fieldsOf,
  gridCode,
  pointIn,
  type CreatedComponent,
  type TestDepartment,
} from '../../test/helpers/components.js';
import { STREET_A, STREET_B, gridCentre } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { can } from '../identity/policy.js';

const t = useTestApp();
let admin: TestUser;
let cityDepartment: TestDepartment;
let waterDepartment: TestDepartment;
/** West street (A): a manhole, a damaged lamp; east street (B): a manhole kept by the water department, a bin. */
let inA: { manhole: CreatedComponent; lamp: CreatedComponent };
let inB: { manhole: CreatedComponent; bin: CreatedComponent };

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
  cityDepartment = await createDepartment(t(), { name: '区城管委' });
  waterDepartment = await createDepartment(t(), { name: '区水务局', kind: 'water' });
  inA = {
    manhole: await createComponent(t(), admin, cityDepartment.id, {
      geometry: pointIn([1, 1, 1]),
      name: '甲街供水井盖',
    }),
    lamp: await createComponent(t(), admin, cityDepartment.id, {
      classCode: '01037',
      name: '甲街路灯',
      geometry: pointIn([1, 2, 2]),
      status: 'damaged',
    }),
  };
  inB = {
    manhole: await createComponent(t(), admin, cityDepartment.id, {
      geometry: pointIn([2, 1, 1]),
      name: '乙街供水井盖',
      maintainerDepartmentId: waterDepartment.id,
    }),
    bin: await createComponent(t(), admin, cityDepartment.id, {
      classCode: '03005',
      name: '乙街垃圾箱',
      geometry: pointIn([2, 2, 2]),
    }),
  };
});

const list = async (user: TestUser, query = '') => {
  const response = await t().as(user, {
    method: 'GET',
    url: `/api/v1/components?limit=500${query ? `&${query}` : ''}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as CreatedComponent[]).map((c) => c.identifier);
};

describe('GET /components', () => {
  it('lists everything for an admin, in identifier order', async () => {
    const identifiers = await list(admin);
    const all = [inA.manhole, inA.lamp, inB.manhole, inB.bin].map((c) => c.identifier);
    expect(identifiers).toEqual(expect.arrayContaining(all));
    expect(identifiers).toEqual([...identifiers].sort());
  });

  it('filters by class (code, major prefix or id), status, region, department, bbox and text', async () => {
    expect(await list(admin, 'classCode=01001')).toEqual([inA.manhole.identifier, inB.manhole.identifier]);
    expect(await list(admin, 'classCode=01')).toEqual(
      [inA.manhole, inB.manhole, inA.lamp].map((c) => c.identifier).sort(),
    );
    const lampClass = (inA.lamp as unknown as { classification: { id: number } }).classification.id;
    expect(await list(admin, `classificationId=${lampClass}`)).toEqual([inA.lamp.identifier]);
    expect(await list(admin, 'status=damaged')).toEqual([inA.lamp.identifier]);
    expect(await list(admin, `regionCode=${STREET_B}`)).toEqual(
      [inB.manhole.identifier, inB.bin.identifier].sort(),
    );
    expect(await list(admin, `regionCode=${gridCode([1, 2, 2])}`)).toEqual([inA.lamp.identifier]);
    expect(await list(admin, `departmentId=${waterDepartment.id}`)).toEqual([inB.manhole.identifier]);
    const c = gridCentre(2, 2, 2);
    expect(await list(admin, `bbox=${c.lng - 1e-4},${c.lat - 1e-4},${c.lng + 1e-4},${c.lat + 1e-4}`)).toEqual(
      [inB.bin.identifier],
    );
    expect(await list(admin, `q=${encodeURIComponent('垃圾箱')}`)).toEqual([inB.bin.identifier]);
    expect(await list(admin, `q=${inA.lamp.identifier.slice(0, 13)}`)).toEqual([inA.lamp.identifier]);
    expect(await list(admin, `classCode=01001&standard=${encodeURIComponent('CJ/T 214-2007')}`)).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const all = await list(admin);
    const first = (await t().as(admin, { method: 'GET', url: '/api/v1/components?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await t().as(admin, { method: 'GET', url: `/api/v1/components?limit=500&cursor=${first.nextCursor}` })
    ).json();
    expect([...first.items, ...rest.items].map((c: CreatedComponent) => c.identifier)).toEqual(all);
    expect(rest.nextCursor).toBeNull();
  });

  it('shows a street user their street only', async () => {
    const user = await t().user({ role: 'inspector', regions: [STREET_A] });
    const identifiers = await list(user);
    expect(identifiers).toEqual([inA.manhole.identifier, inA.lamp.identifier].sort());
    expect(await list(user, `regionCode=${STREET_B}`)).toEqual([]);
  });

  it('shows a department user the components their department is competent for, owns or maintains', async () => {
    const handler = await t().user({ role: 'handler', regions: [], departmentId: waterDepartment.id });
    expect(await list(handler)).toEqual([inB.manhole.identifier]);
    const lead = await t().user({ role: 'department_lead', regions: [], departmentId: cityDepartment.id });
    expect((await list(lead)).length).toBeGreaterThanOrEqual(4);
  });

  it('shows an account bound to nothing nothing', async () => {
    const user = await t().user({ role: 'leader', regions: [] });
    expect(await list(user)).toEqual([]);
  });

  it.each(STAFF_ROLES.filter((role) => can({ role }, 'components:read')))('lets a %s list', async (role) => {
    const user = await t().user({ role, regions: [STREET_B] });
    expect(await list(user, 'classCode=03005')).toEqual([inB.bin.identifier]);
  });

  it('refuses the window clerk, who works on government services, not the city components', async () => {
    const user = await t().user({ role: 'window_clerk', regions: [STREET_B] });
    const response = await t().as(user, { method: 'GET', url: '/api/v1/components' });
    expect(response.statusCode, response.body).toBe(403);
  });

  it.each([
    ['bbox=1,2,3', 'querystring.bbox'],
    ['bbox=10,10,5,5', 'querystring.bbox'],
    ['status=broken', 'querystring.status'],
    ['classCode=1', 'querystring.classCode'],
    ['regionCode=1101', 'querystring.regionCode'],
    ['departmentId=0', 'querystring.departmentId'],
    ['limit=501', 'querystring.limit'],
    ['cursor=zzz', 'querystring.cursor'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const response = await t().as(admin, { method: 'GET', url: `/api/v1/components?${query}` });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });
});

describe('GET /components/{id}', () => {
  it('reads a component by id and by 管理部件标识码', async () => {
    const byId = await t().as(admin, { method: 'GET', url: `/api/v1/components/${inB.manhole.id}` });
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toMatchObject({
      identifier: inB.manhole.identifier,
      maintainerDepartment: {
        id: waterDepartment.id,
        name: '区水务局',
        creditCode: waterDepartment.creditCode,
      },
      location: { street: { code: STREET_B } },
    });
    const byIdentifier = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/components/${inB.manhole.identifier}`,
    });
    expect(byIdentifier.json().id).toBe(inB.manhole.id);
  });

  it("answers 404 for another street's component, as for one that does not exist", async () => {
    const user = await t().user({ role: 'supervisor', regions: [STREET_A] });
    expect(
      (await t().as(user, { method: 'GET', url: `/api/v1/components/${inA.manhole.id}` })).statusCode,
    ).toBe(200);
    for (const key of [inB.manhole.id, inB.manhole.identifier, '00000000-0000-4000-8000-000000000000']) {
      const response = await t().as(user, { method: 'GET', url: `/api/v1/components/${key}` });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('COMPONENT_NOT_FOUND');
    }
    const handler = await t().user({ role: 'handler', regions: [], departmentId: waterDepartment.id });
    expect(
      (await t().as(handler, { method: 'GET', url: `/api/v1/components/${inB.manhole.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await t().as(handler, { method: 'GET', url: `/api/v1/components/${inB.bin.id}` })).statusCode,
    ).toBe(404);
  });

  it('refuses a malformed id (400)', async () => {
    const response = await t().as(admin, { method: 'GET', url: '/api/v1/components/not-an-id' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain('params.id');
  });
});

describe('GET /components/export.geojson', () => {
  it('exports a FeatureCollection with the import’s property names', async () => {
    const response = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/components/export.geojson?regionCode=${STREET_B}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(response.headers['x-total-count']).toBe('2');
    const body = JSON.parse(response.body);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(
      [inB.manhole.identifier, inB.bin.identifier].sort(),
    );
    const manhole = body.features.find((f: { id: string }) => f.id === inB.manhole.identifier);
    expect(manhole.geometry.type).toBe('Point');
    expect(manhole.properties).toMatchObject({
      identifier: inB.manhole.identifier,
      classCode: '01001',
      standard: 'GB/T 47678.5-2026',
      className: '供水井盖',
      status: 'intact',
      statusLabel: '完好',
      gridCode: gridCode([2, 1, 1]),
      streetCode: STREET_B,
      districtCode: '110101',
      competentDepartment: cityDepartment.creditCode,
      maintainerDepartment: waterDepartment.creditCode,
      ownerDepartment: null,
      initialDate: '2024-05-01',
      dataSource: 'surveyed',
    });
  });

  it('applies the jurisdiction and the filters, and marks a truncated export', async () => {
    const user = await t().user({ role: 'leader', regions: [STREET_A] });
    const mine = JSON.parse(
      (await t().as(user, { method: 'GET', url: '/api/v1/components/export.geojson' })).body,
    );
    expect(mine.features.map((f: { id: string }) => f.id)).toEqual(
      [inA.manhole.identifier, inA.lamp.identifier].sort(),
    );
    const theirs = JSON.parse(
      (await t().as(user, { method: 'GET', url: `/api/v1/components/export.geojson?regionCode=${STREET_B}` }))
        .body,
    );
    expect(theirs.features).toEqual([]);
    const limited = await t().as(admin, { method: 'GET', url: '/api/v1/components/export.geojson?limit=1' });
    expect(limited.headers['x-truncated']).toBe('true');
    expect(JSON.parse(limited.body).features).toHaveLength(1);
    const bad = await t().as(admin, { method: 'GET', url: '/api/v1/components/export.geojson?bbox=1,1' });
    expect(bad.statusCode).toBe(400);
  });

  it('requires authentication on every read', async () => {
    for (const url of [
      '/api/v1/components',
      `/api/v1/components/${inA.manhole.id}`,
      '/api/v1/components/export.geojson',
    ]) {
      expect((await t().app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});

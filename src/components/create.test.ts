import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  componentBody,
  countComponents,
  createComponent,
  createDepartment,
  fieldsOf,
  gridCode,
  pointIn,
  type TestDepartment,
} from '../../test/helpers/components.js';
import { ORIGIN, STREET_A, STREET_B, gridCentre } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { gcoord } from '../shared/crs.js';

const t = useTestApp();
let admin: TestUser;
let department: TestDepartment;

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
  department = await createDepartment(t(), { name: '区城市管理委员会' });
});

const post = (
  user: TestUser | null,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
) => t().as(user, { method: 'POST', url: '/api/v1/components', payload, headers });

describe('POST /components', () => {
  it('creates a component, allocating its identifier and deriving its grid, community, street and district', async () => {
    const owner = await createDepartment(t(), { name: '北京市自来水集团' });
    const response = await post(
      admin,
      componentBody(department.id, {
        classCode: '01002',
        name: '东华门大街污水井盖',
        geometry: pointIn([1, 2, 2]),
        ownerDepartmentId: owner.id,
        maintainerDepartmentId: owner.id,
        remarks: '2024年普查',
        attributes: { 材质: '铸铁', 直径: 0.7, 编号: '0012', 有锁: true, 备注: '' },
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      identifier: '11010101002000001',
      name: '东华门大街污水井盖',
      classification: {
        standard: 'GB/T 47678.5-2026',
        code: '01002',
        name: '污水井盖',
        majorCode: '01',
        majorName: '市政公用设施',
      },
      geometry: { type: 'Point' },
      location: {
        grid: { code: gridCode([1, 2, 2]), name: '1-2-2号网格' },
        community: { code: `${STREET_A}002`, name: '测试1-2社区' },
        street: { code: STREET_A, name: '测试1街道' },
        district: { code: '110101', name: '东城区' },
      },
      competentDepartment: { id: department.id, name: '区城市管理委员会', creditCode: department.creditCode },
      ownerDepartment: { id: owner.id },
      maintainerDepartment: { id: owner.id },
      status: 'intact',
      statusLabel: '完好',
      initialDate: '2024-05-01',
      changedDate: null,
      dataSource: 'surveyed',
      dataSourceLabel: '实测',
      remarks: '2024年普查',
      attributes: { 材质: '铸铁', 直径: 0.7, 编号: '0012', 有锁: true, 备注: '' },
      version: 1,
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await createComponent(t(), admin, department.id, {
      classCode: '01002',
      geometry: pointIn([2, 1, 1]),
    });
    expect(second.identifier).toBe('11010101002000002');
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['component.create']);
  });

  it('keeps a given identifier and allocates after it', async () => {
    const given = await createComponent(t(), admin, department.id, {
      classCode: '02001',
      identifier: '11010102001000500',
    });
    expect(given.identifier).toBe('11010102001000500');
    const next = await createComponent(t(), admin, department.id, { classCode: '02001' });
    expect(next.identifier).toBe('11010102001000501');
  });

  it('takes a class by id, and a CJ/T 214 class with a 16-digit identifier', async () => {
    const old = await t()
      .database.db.selectFrom('classifications')
      .select('id')
      .where('standard', '=', 'CJ/T 214-2007')
      .where('kind', '=', 'component')
      .where('code', '=', '0101')
      .executeTakeFirstOrThrow();
    const created = await createComponent(t(), admin, department.id, {
      classCode: undefined,
      classificationId: old.id,
      name: '上水井盖',
    });
    expect(created.identifier).toMatch(/^1101010101\d{6}$/);
    expect(created.identifier).toHaveLength(16);
  });

  it('places lines and polygons by a point on their surface', async () => {
    const [x0, y0] = [ORIGIN.lng + 0.0042, ORIGIN.lat + 0.0002];
    const line = await createComponent(t(), admin, department.id, {
      classCode: '02005',
      name: '人行道护栏',
      geometry: {
        type: 'LineString',
        coordinates: [
          [x0, y0],
          [x0 + 0.0015, y0],
        ],
      },
    });
    expect(line.location.grid?.code).toBe(gridCode([2, 2, 1]));
    const polygon = await createComponent(t(), admin, department.id, {
      classCode: '04005',
      name: '街头绿地',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, y0 + 0.002],
            [x0 + 0.001, y0 + 0.002],
            [x0 + 0.001, y0 + 0.0025],
            [x0, y0 + 0.0025],
            [x0, y0 + 0.002],
          ],
        ],
      },
    });
    expect(polygon.location.grid?.code).toBe(gridCode([2, 1, 1]));
    expect((polygon as unknown as { geometry: { type: string } }).geometry.type).toBe('Polygon');
  });

  it('drops the elevation of a 3-D position (the geometry column is 2-D)', async () => {
    const c = gridCentre(1, 1, 2);
    const created = await createComponent(t(), admin, department.id, {
      geometry: { type: 'Point', coordinates: [c.lng, c.lat, 43.5] },
    });
    expect((created as unknown as { geometry: { coordinates: number[] } }).geometry.coordinates).toHaveLength(
      2,
    );
  });

  it('converts GCJ-02 input (Amap, WeChat) to WGS 84 before placing it', async () => {
    const c = gridCentre(2, 2, 2);
    const [x, y] = gcoord.transform([c.lng, c.lat], gcoord.WGS84, gcoord.GCJ02);
    const created = await createComponent(t(), admin, department.id, {
      geometry: { type: 'Point', coordinates: [x, y] },
      crs: 'gcj02',
    });
    expect(created.location.grid?.code).toBe(gridCode([2, 2, 2]));
    const [lng, lat] = (created as unknown as { geometry: { coordinates: [number, number] } }).geometry
      .coordinates;
    expect(lng).toBeCloseTo(c.lng, 5);
    expect(lat).toBeCloseTo(c.lat, 5);
  });

  it.each([
    ['no name', { name: undefined }, 'body.name'],
    ['no competent department', { competentDepartmentId: undefined }, 'body.competentDepartmentId'],
    [
      'a GeometryCollection',
      { geometry: { type: 'GeometryCollection', coordinates: [] } },
      'body.geometry.type',
    ],
    [
      'an unclosed ring',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.4, 39.9],
              [116.401, 39.9],
              [116.401, 39.901],
              [116.4, 39.901],
            ],
          ],
        },
      },
      'body.geometry',
    ],
    [
      'a self-intersecting polygon',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.4001, 39.9001],
              [116.4009, 39.9009],
              [116.4009, 39.9001],
              [116.4001, 39.9009],
              [116.4001, 39.9001],
            ],
          ],
        },
      },
      'body.geometry',
    ],
    ['an unknown class code', { classCode: '01016' }, 'body.classCode'],
    ['a matter class', { classCode: undefined, classificationId: 'matter' }, 'body.classificationId'],
    [
      'an unknown classification',
      { classCode: undefined, classificationId: 999999 },
      'body.classificationId',
    ],
    ['no class at all', { classCode: undefined }, 'body.classCode'],
    ['an unknown department', { competentDepartmentId: 999999 }, 'body.competentDepartmentId'],
    ['an identifier of another class', { identifier: '11010101002000009' }, 'body.identifier'],
    ['an identifier of the old scheme', { identifier: '1101010101000009' }, 'body.identifier'],
    ['an identifier with letters', { identifier: '1101010100100000A' }, 'body.identifier'],
    ['a future initial date', { initialDate: '2999-01-01' }, 'body.initialDate'],
    ['a non-date', { initialDate: '2024-13-01' }, 'body.initialDate'],
    ['a change before the initial date', { changedDate: '2024-04-30' }, 'body.changedDate'],
    ['an unknown status', { status: 'occupied' }, 'body.status'],
    ['an unknown data source', { dataSource: '调绘' }, 'body.dataSource'],
    ['a nested attribute', { attributes: { 尺寸: { w: 1 } } }, 'body.attributes.尺寸'],
    ['an unknown property', { colour: 'red' }, 'body.colour'],
    ['an unknown crs', { crs: 'utm' }, 'body.crs'],
  ])('refuses %s (400, naming the field)', async (_, overrides, field) => {
    let payload = componentBody(department.id, overrides);
    if ('classificationId' in overrides && overrides.classificationId === 'matter') {
      const matter = await t()
        .database.db.selectFrom('classifications')
        .select('id')
        .where('kind', '=', 'matter')
        .where('code', '=', '06001')
        .executeTakeFirstOrThrow();
      payload = { ...payload, classificationId: matter.id };
    }
    const before = await countComponents(t());
    const response = await post(admin, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(await countComponents(t())).toBe(before);
  });

  it('refuses an inactive class or department', async () => {
    const retired = await createDepartment(t(), { active: false });
    const noDept = await post(admin, componentBody(retired.id));
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().errors[0]).toMatchObject({
      field: 'body.competentDepartmentId',
      reason: expect.stringContaining('inactive'),
    });
    await t()
      .database.db.updateTable('classifications')
      .set({ active: false })
      .where('standard', '=', 'GB/T 47678.5-2026')
      .where('kind', '=', 'component')
      .where('code', '=', '03016')
      .execute();
    const noClass = await post(admin, componentBody(department.id, { classCode: '03016' }));
    expect(noClass.statusCode).toBe(400);
    expect(noClass.json().errors[0]).toMatchObject({
      field: 'body.classCode',
      reason: expect.stringContaining('inactive'),
    });
  });

  it('refuses a location outside every unit grid with 422 LOCATION_OUTSIDE_GRIDS', async () => {
    const response = await post(
      admin,
      componentBody(department.id, {
        geometry: { type: 'Point', coordinates: [ORIGIN.lng - 0.01, ORIGIN.lat] },
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'LOCATION_OUTSIDE_GRIDS',
      errors: [{ field: 'body.geometry' }],
    });
  });

  it('refuses a taken identifier with 409', async () => {
    await createComponent(t(), admin, department.id, { classCode: '01003', identifier: '11010101003000042' });
    const again = await post(
      admin,
      componentBody(department.id, { classCode: '01003', identifier: '11010101003000042' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_EXISTS', errors: [{ field: 'body.identifier' }] });
  });

  it('lets a supervisor create inside their street only (403 LOCATION_OUTSIDE_JURISDICTION elsewhere)', async () => {
    const supervisor = await t().user({ role: 'supervisor', regions: [STREET_A] });
    const inside = await post(supervisor, componentBody(department.id, { geometry: pointIn([1, 2, 1]) }));
    expect(inside.statusCode, inside.body).toBe(201);
    const before = await countComponents(t());
    const outside = await post(supervisor, componentBody(department.id, { geometry: pointIn([2, 2, 1]) }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('LOCATION_OUTSIDE_JURISDICTION');
    expect(await countComponents(t())).toBe(before);
  });

  it.each(STAFF_ROLES.filter((role) => role !== 'admin' && role !== 'supervisor'))(
    'refuses a %s (403)',
    async (role) => {
      const user = await t().user({ role, regions: ['110101'] });
      const response = await post(user, componentBody(department.id));
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    },
  );

  it('requires authentication (401)', async () => {
    expect((await post(null, componentBody(department.id))).statusCode).toBe(401);
  });

  it('replays an Idempotency-Key: one component for the same request twice, 422 for another body', async () => {
    const key = { 'idempotency-key': 'phone-retry-7f3a' };
    const body = componentBody(department.id, {
      classCode: '03001',
      name: '公共厕所',
      geometry: pointIn([2, 1, 2]),
    });
    const before = await countComponents(t());
    const first = await post(admin, body, key);
    const retry = await post(admin, body, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await countComponents(t())).toBe(before + 1);
    const other = await post(admin, { ...body, name: '另一座公共厕所' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countComponents(t())).toBe(before + 1);
  });

  it('allocates per county and type: two classes keep separate sequences', async () => {
    const a = await createComponent(t(), admin, department.id, {
      classCode: '04001',
      name: '古树名木',
      geometry: pointIn([2, 2, 2], 1),
    });
    const b = await createComponent(t(), admin, department.id, {
      classCode: '04002',
      name: '行道树',
      geometry: pointIn([2, 2, 2], 2),
    });
    expect(a.identifier).toBe('11010104001000001');
    expect(b.identifier).toBe('11010104002000001');
    expect(a.location.street?.code).toBe(STREET_B);
  });
});

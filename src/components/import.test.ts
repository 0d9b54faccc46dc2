import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  countComponents,
  createDepartment,
  csvOf,
  csvRow,
  fieldsOf,
  gridCode,
  pointIn,
  type TestDepartment,
} from '../../test/helpers/components.js';
import { ORIGIN, STREET_A, gridCentre } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { gcoord } from '../shared/crs.js';

const t = useTestApp();
let admin: TestUser;
let city: TestDepartment;
let water: TestDepartment;

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
  city = await createDepartment(t(), { name: '区城市管理委员会', shortName: '区城管委' });
  water = await createDepartment(t(), { name: '区水务局', kind: 'water' });
});

const importCsv = (user: TestUser | null, text: string, query = '', headers: Record<string, string> = {}) =>
  t().as(user, {
    method: 'POST',
    url: `/api/v1/components/import${query ? `?${query}` : ''}`,
    payload: text,
    headers: { 'content-type': 'text/csv; charset=utf-8', ...headers },
  });

const importGeoJson = (user: TestUser | null, collection: unknown, query = '') =>
  t().as(user, {
    method: 'POST',
    url: `/api/v1/components/import${query ? `?${query}` : ''}`,
    payload: collection as Record<string, unknown>,
  });

function feature(properties: Record<string, unknown>, geometry: unknown = pointIn([2, 1, 2])) {
  return { type: 'Feature', properties, geometry };
}

describe('POST /components/import (CSV)', () => {
  it('creates every row: labels or codes, departments by credit code or name, local attributes', async () => {
    const before = await countComponents(t());
    const text = csvOf([
      {
        identifier: '',
        ...csvRow(city, [1, 1, 1], 1),
        owner_department: water.creditCode,
        attr_材质: '铸铁',
        remarks: '含 "引号", 逗号',
      },
      {
        ...csvRow(city, [1, 1, 2], 2),
        class_code: '01037',
        name: '路灯',
        status: 'damaged',
        data_source: '实测',
        maintainer_department: '区水务局',
      },
      {
        ...csvRow(city, [2, 2, 2], 3),
        competent_department: '区城管委',
        status: '丢失',
        changed_date: '2024-06-01',
        attr_材质: '',
      },
    ]);
    const response = await importCsv(admin, text);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ format: 'csv', total: 3, created: 3, rejected: [] });
    expect(await countComponents(t())).toBe(before + 3);
    const lamp = await t().as(admin, { method: 'GET', url: '/api/v1/components?classCode=01037' });
    expect(lamp.json().items[0]).toMatchObject({
      status: 'damaged',
      dataSource: 'surveyed',
      maintainerDepartment: { id: water.id },
      location: { grid: { code: gridCode([1, 1, 2]) } },
      initialDate: '2024-05-01',
    });
    const manholes = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/components?classCode=01001&regionCode=${gridCode([1, 1, 1])}`,
    });
    expect(manholes.json().items[0]).toMatchObject({
      ownerDepartment: { id: water.id },
      attributes: { 材质: '铸铁' },
      remarks: '含 "引号", 逗号',
    });
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'components.import')
      .execute();
    expect(audit.at(-1)?.detail).toMatchObject({ format: 'csv', created: 3 });
  });

  it('reports every problem of every row and creates nothing (all-or-nothing)', async () => {
    const before = await countComponents(t());
    const text = csvOf([
      csvRow(city, [1, 1, 1], 10),
      { ...csvRow(city, [1, 1, 1], 11), class_code: '99999', status: '占用' },
      { ...csvRow(city, [1, 1, 1], 12), lng: 'east', initial_date: '2024-02-30' },
      { ...csvRow(city, [1, 1, 1], 13), competent_department: '不存在的部门' },
      { ...csvRow(city, [1, 1, 1], 14), lng: ORIGIN.lng - 1 },
      { ...csvRow(city, [1, 1, 1], 15), identifier: '11010101002000001' },
      { ...csvRow(city, [1, 1, 1], 16), identifier: '11010101001000777' },
      { ...csvRow(city, [1, 1, 1], 17), identifier: '11010101001000777' },
      { ...csvRow(city, [1, 1, 1], 18), status: '' },
    ]);
    const response = await importCsv(admin, text);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('IMPORT_REJECTED');
    const rejected = response.json().rejected as Array<{
      row: number;
      identifier: string | null;
      field: string;
    }>;
    expect(rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'class_code'],
      [3, 'status'],
      [4, 'lng'],
      [4, 'initial_date'],
      [5, 'competent_department'],
      [6, 'lng,lat'],
      [7, 'identifier'],
      [9, 'identifier'],
      [10, 'status'],
    ]);
    expect(rejected.find((r) => r.row === 7)?.identifier).toBe('11010101002000001');
    expect(fieldsOf(response)).toContain('line[3].class_code');
    expect(await countComponents(t())).toBe(before);
  });

  it('creates the good rows and reports the bad ones with skipInvalid', async () => {
    const before = await countComponents(t());
    const text = csvOf([
      csvRow(city, [2, 1, 1], 20),
      { ...csvRow(city, [2, 1, 1], 21), initial_date: '' },
      csvRow(city, [2, 1, 1], 22),
    ]);
    const response = await importCsv(admin, text, 'skipInvalid=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      total: 3,
      created: 2,
      rejected: [{ row: 3, field: 'initial_date', identifier: null }],
    });
    expect(await countComponents(t())).toBe(before + 2);
  });

  it('converts GCJ-02 coordinates with ?crs=gcj02', async () => {
    const c = gridCentre(1, 2, 1);
    const [x, y] = gcoord.transform([c.lng, c.lat], gcoord.WGS84, gcoord.GCJ02);
    const text = csvOf([
      { ...csvRow(city, [1, 1, 1], 0), class_code: '03005', name: '高德坐标垃圾箱', lng: x, lat: y },
    ]);
    const response = await importCsv(admin, text, 'crs=gcj02');
    expect(response.statusCode, response.body).toBe(200);
    const listed = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/components?q=${encodeURIComponent('高德坐标')}`,
    });
    expect(listed.json().items[0].location.grid.code).toBe(gridCode([1, 2, 1]));
    expect(listed.json().items[0].geometry.coordinates[0]).toBeCloseTo(c.lng, 5);
  });

  it.each([
    [
      'an unknown column',
      'class_code,name,lng,lat,status,competent_department,initial_date,colour\n',
      'columns.colour',
    ],
    ['a missing column', 'class_code,name,lng,lat,competent_department,initial_date\n', 'columns.status'],
    [
      'a repeated column',
      'class_code,name,lng,lat,status,competent_department,initial_date,name\n',
      'columns.name',
    ],
    ['an empty file', '', 'body'],
  ])('refuses %s (400)', async (_, text, field) => {
    const response = await importCsv(admin, text);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('reports a row with the wrong number of fields', async () => {
    const header = 'class_code,name,lng,lat,status,competent_department,initial_date';
    const response = await importCsv(admin, `${header}\n01001,井盖,116.4\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().rejected).toEqual([
      { row: 2, identifier: null, field: 'row', reason: 'has 3 fields; the header has 7' },
    ]);
  });

  it("refuses a supervisor's rows outside their street", async () => {
    const supervisor = await t().user({ role: 'supervisor', regions: [STREET_A] });
    const text = csvOf([csvRow(city, [1, 2, 2], 30), csvRow(city, [2, 2, 2], 31)]);
    const response = await importCsv(supervisor, text);
    expect(response.statusCode).toBe(422);
    expect(response.json().rejected).toEqual([
      {
        row: 3,
        identifier: null,
        field: 'lng,lat',
        reason: expect.stringContaining('outside your jurisdiction'),
      },
    ]);
    const partial = await importCsv(supervisor, text, 'skipInvalid=true');
    expect(partial.json()).toMatchObject({ created: 1 });
  });

  it.each(STAFF_ROLES.filter((role) => role !== 'admin' && role !== 'supervisor'))(
    'refuses a %s (403)',
    async (role) => {
      const user = await t().user({ role });
      expect((await importCsv(user, csvOf([csvRow(city, [1, 1, 1], 40)]))).statusCode).toBe(403);
    },
  );

  it('requires authentication (401) and refuses other media types (415)', async () => {
    expect((await importCsv(null, csvOf([csvRow(city, [1, 1, 1], 41)]))).statusCode).toBe(401);
    const xml = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components/import',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
  });

  it('replays an Idempotency-Key: the same file twice is imported once', async () => {
    const before = await countComponents(t());
    const text = csvOf([csvRow(city, [2, 2, 1], 50), csvRow(city, [2, 2, 1], 51)]);
    const headers = { 'idempotency-key': 'census-batch-17' };
    const first = await importCsv(admin, text, '', headers);
    const again = await importCsv(admin, text, '', headers);
    expect(again.json()).toEqual(first.json());
    expect(await countComponents(t())).toBe(before + 2);
    const other = await importCsv(admin, csvOf([csvRow(city, [2, 2, 1], 52)]), '', headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('POST /components/import (GeoJSON)', () => {
  it('creates features with any geometry type and camelCase or snake_case properties', async () => {
    const [x0, y0] = [ORIGIN.lng + 0.0061, ORIGIN.lat + 0.0001];
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature({
          classCode: '01001',
          name: '井盖',
          competentDepartment: city.creditCode,
          status: '破损',
          initialDate: '2024-05-01',
          attributes: { 材质: '铸铁' },
        }),
        feature(
          {
            class_code: '02005',
            name: '护栏',
            competent_department: city.name,
            initial_date: '20240501',
            data_source: 'topographic_map',
          },
          {
            type: 'LineString',
            coordinates: [
              [x0, y0],
              [x0 + 0.001, y0],
            ],
          },
        ),
        feature(
          { classCode: '04005', name: '绿地', competentDepartmentId: water.id, initialDate: '2024-05-01' },
          {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [x0, y0],
                  [x0 + 0.0005, y0],
                  [x0 + 0.0005, y0 + 0.0005],
                  [x0, y0],
                  [x0, y0],
                ],
              ],
            ],
          },
        ),
      ],
    };
    const response = await importGeoJson(admin, collection);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ format: 'geojson', total: 3, created: 3, rejected: [] });
    const fence = await t().as(admin, { method: 'GET', url: '/api/v1/components?classCode=02005' });
    expect(fence.json().items[0]).toMatchObject({
      dataSource: 'topographic_map',
      location: { grid: { code: gridCode([2, 2, 2]) } },
    });
  });

  it('reports features by index, with their identifiers, and creates nothing', async () => {
    const before = await countComponents(t());
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature({
          classCode: '01001',
          name: '好的',
          competentDepartment: city.creditCode,
          initialDate: '2024-05-01',
        }),
        { type: 'Point', coordinates: [116.4, 39.9] },
        feature(
          {
            identifier: '11010101001000888',
            classCode: '01001',
            name: '坏的',
            competentDepartment: city.creditCode,
            initialDate: '2024-05-01',
          },
          null,
        ),
        feature({
          classCode: '01001',
          name: '',
          competentDepartment: city.creditCode,
          initialDate: '2024-05-01',
          attributes: [1],
        }),
      ],
    };
    const response = await importGeoJson(admin, collection);
    expect(response.statusCode).toBe(422);
    expect(response.json().rejected).toEqual([
      { index: 1, identifier: null, field: 'feature', reason: 'is not a GeoJSON Feature' },
      { index: 2, identifier: '11010101001000888', field: 'geometry', reason: 'missing geometry' },
      { index: 3, identifier: null, field: 'properties.name', reason: 'is required' },
      { index: 3, identifier: null, field: 'properties.attributes', reason: expect.any(String) },
    ]);
    expect(fieldsOf(response)).toContain('features[2].geometry');
    expect(await countComponents(t())).toBe(before);
  });

  it('refuses a body that is not a FeatureCollection, or not JSON (400)', async () => {
    const response = await importGeoJson(admin, { type: 'Feature', features: [] });
    expect(response.statusCode).toBe(400);
    const broken = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components/import',
      payload: '{"type":',
      headers: { 'content-type': 'application/geo+json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(fieldsOf(broken)).toEqual(['body']);
  });

  it('accepts application/geo+json, the type its export is served as', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature({
          classCode: '03005',
          name: '地理JSON垃圾箱',
          competentDepartment: city.creditCode,
          initialDate: '2024-05-01',
        }),
      ],
    };
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components/import',
      payload: JSON.stringify(collection),
      headers: { 'content-type': 'application/geo+json' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toBe(1);
  });

  it('re-imports its own export: the identifiers already exist', async () => {
    const exported = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/components/export.geojson?regionCode=${gridCode([2, 1, 2])}`,
    });
    const collection = JSON.parse(exported.body) as { features: unknown[] };
    expect(collection.features.length).toBeGreaterThan(0);
    const response = await importGeoJson(admin, collection);
    expect(response.statusCode).toBe(422);
    const rejected = response.json().rejected as Array<{ field: string; reason: string }>;
    expect(rejected).toHaveLength(collection.features.length);
    expect(
      rejected.every((r) => r.field === 'properties.identifier' && r.reason.includes('already exists')),
    ).toBe(true);
  });
});

describe('import throughput', () => {
  it('imports 10,000 CSV rows in one request', async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const classes = ['01001', '01002', '01003', '01037', '03005', '04002'];
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      class_code: classes[i % classes.length]!,
      name: `普查部件${i}`,
      lng: ORIGIN.lng + 0.0001 + random() * 0.0078,
      lat: ORIGIN.lat + 0.0001 + random() * 0.0038,
      status: i % 10 === 0 ? '破损' : '完好',
      competent_department: city.creditCode,
      initial_date: '20240501',
      attr_材质: '铸铁',
    }));
    const text = csvOf(rows);
    const before = await countComponents(t());
    const started = performance.now();
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components/import',
      payload: text,
      headers: { 'content-type': 'text/csv' },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json()).toMatchObject({ total: 10_000, created: 10_000, rejected: [] });
    expect(await countComponents(t())).toBe(before + 10_000);
    console.info(
      `imported 10,000 CSV rows in ${seconds.toFixed(2)} s (${Math.round(10_000 / seconds)} rows/s, ${text.length} bytes)`,
    );
  });
});

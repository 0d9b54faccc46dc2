import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, garbageReport, report, step, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre, STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { formOf, phonePhoto } from '../../test/helpers/images.js';

const t = useTestApp();
let cast: CaseCast;
let admin: TestUser;
const today = DateTime.now().setZone('Asia/Shanghai');
const from = today.minus({ days: 2 }).toISODate()!;
const to = today.plus({ days: 1 }).toISODate()!;
// The periods' `to` is exclusive; a report names its last day.
const lastDay = today.toISODate()!;
const period = `from=${from}&to=${to}`;

/**
 * A CSV export as rows from its header on, after checking the report head a printed Chinese table
 * has (表名, 制表单位, 时间范围 with the inclusive last day, 制表时间).
 */
function csvTable(body: string): string[][] {
  const rows = parse(body.replace(/^\uFEFF/, '')) as string[][];
  expect(rows[1]![0]).toMatch(/^制表单位：/);
  expect(rows[2]![0]).toMatch(/^时间范围：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/);
  expect(rows[3]![0]).toMatch(/^制表时间：/);
  return rows.slice(4);
}
const GRID_A = `${STREET_A}001001`;
const spot = gridCentre(1, 1, 1);

beforeAll(async () => {
  cast = await castFor(t());
  admin = await t().user({ role: 'admin' });
  const upload = await t().as(cast.handler, {
    method: 'POST',
    url: '/api/v1/files',
    payload: formOf({ data: await phonePhoto(320, 240) }),
  });
  const photo = upload.json<{ files: Array<{ id: string }> }>().files[0]!.id;
  // Three garbage reports within a few metres in street A (a repeated problem), one handled.
  for (let i = 0; i < 3; i++) {
    const c = await report(
      t(),
      cast.inspector,
      garbageReport(cast, { location: { lng: spot.lng + i * 0.00005, lat: spot.lat }, description: `R${i}` }),
    );
    if (i === 0) {
      let d = await step(t(), cast.shiftLead, c, 'file');
      d = await step(t(), cast.dispatcher, d, 'dispatch', { departmentId: cast.departmentId });
      d = await step(t(), cast.handler, d, 'accept');
      await step(t(), cast.handler, d, 'handle', { note: '已清理', afterPhotoIds: [photo] });
    }
  }
  // One in street B.
  await report(t(), cast.operator, garbageReport(cast, { source: 'hotline', location: gridCentre(2, 2, 2) }));
});

const get = (user: Parameters<ReturnType<typeof t>['as']>[0], url: string) =>
  t().as(user, { method: 'GET', url: `/api/v1/analytics/${url}` });

describe('GET /analytics/hotspots', () => {
  it('counts cases per grid and class, with centroids, as JSON, GeoJSON, CSV and XLSX', async () => {
    const response = await get(cast.leader, `hotspots?${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const spots = response.json().hotspots as Array<{ gridCode: string; reported: number; lng: number }>;
    expect(spots[0]).toMatchObject({ gridCode: GRID_A, reported: 3, filed: 1 });
    expect(spots[0]!.lng).toBeCloseTo(spot.lng, 5);
    const geo = await get(cast.leader, `hotspots?${period}&format=geojson`);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    expect(geo.json().type).toBe('FeatureCollection');
    expect(geo.json().features[0].properties).toMatchObject({ gridCode: GRID_A, reported: 3 });
    const csv = csvTable((await get(cast.leader, `hotspots?${period}&format=csv`)).body);
    expect(csv[0]).toEqual(['网格编码', '网格名称', '问题类别', '上报数', '立案数', '经度', '纬度']);
    expect(csv[1]!.slice(0, 1).concat(csv[1]![3]!)).toEqual([GRID_A, '3']);
    const xlsx = await get(cast.leader, `hotspots?${period}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Row 1 the title, row 2 制表单位 / 时间范围 / 制表时间, row 3 the header.
    expect(sheet.getRow(1).getCell(1).value).toBe('高发网格');
    const reportRow: string[] = [];
    sheet.getRow(2).eachCell((cell) => reportRow.push(cell.text));
    expect(reportRow.join(' ')).toContain(`时间范围：${from} 至 ${lastDay}`);
    expect(sheet.getRow(3).getCell(1).value).toBe('网格编码');
    expect(sheet.getRow(4).getCell(4).value).toBe(3);
  });

  it('keeps a street leader to their street and refuses a region outside it', async () => {
    const streetB = await t().user({ role: 'leader', regions: [STREET_B] });
    const spots = (await get(streetB, `hotspots?${period}`)).json().hotspots as Array<{ gridCode: string }>;
    expect(spots.length).toBe(1);
    expect(spots.every((s) => s.gridCode.startsWith(STREET_B))).toBe(true);
    const refused = await get(streetB, `hotspots?${period}&regionCode=${STREET_A}`);
    expect(refused.statusCode).toBe(403);
    expect(JSON.stringify(refused.json().errors)).toContain('querystring.regionCode');
  });

  it('keeps a handler to their department and refuses another', async () => {
    const own = (await get(cast.handler, `hotspots?${period}`)).json().hotspots as Array<{ filed: number }>;
    expect(own.map((s) => s.filed)).toEqual([1]);
    const refused = await get(cast.handler, `hotspots?${period}&departmentId=${cast.otherDepartmentId}`);
    expect(refused.statusCode).toBe(403);
  });

  it('refuses anonymous callers and rejects bad filters by name', async () => {
    expect(
      (await t().app.inject({ method: 'GET', url: `/api/v1/analytics/hotspots?${period}` })).statusCode,
    ).toBe(401);
    for (const [query, field] of [
      [`from=${to}&to=${from}`, 'querystring.from'],
      [`${period}&regionCode=999999999`, 'querystring.regionCode'],
      [`${period}&regionCode=abc`, 'querystring.regionCode'],
      [`${period}&limit=0`, 'querystring.limit'],
      [`${period}&classId=-1`, 'querystring.classId'],
    ] as const) {
      const response = await get(admin, `hotspots?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
  });
});

describe('GET /analytics/trends, time-of-day, worst-classes', () => {
  it('gives one point per day of the period, zeros included', async () => {
    const body = (await get(cast.leader, `trends?${period}&interval=day`)).json();
    expect(body.points.map((p: { period: string }) => p.period)).toEqual([
      from,
      today.minus({ days: 1 }).toISODate(),
      today.toISODate(),
    ]);
    expect(body.points[2]).toMatchObject({
      reported: 4,
      filed: 1,
      handled: 1,
      handledOnTime: 1,
      onTimeHandleRate: 1,
    });
    const months = (await get(cast.leader, `trends?${period}&interval=month`)).json().points;
    expect(months.reduce((s: number, p: { reported: number }) => s + p.reported, 0)).toBe(4);
    expect((await get(cast.leader, `trends?${period}&interval=year`)).statusCode).toBe(400);
  });

  it('fills the weekday × hour matrix', async () => {
    const cells = (await get(cast.leader, `time-of-day?${period}`)).json().cells as Array<{
      weekday: number;
      hour: number;
      reported: number;
    }>;
    expect(cells.length).toBe(168);
    expect(cells.reduce((s, c) => s + c.reported, 0)).toBe(4);
    const now = DateTime.now().setZone('Asia/Shanghai');
    const busy = cells.filter((c) => c.reported > 0);
    expect(busy.every((c) => c.weekday === now.weekday)).toBe(true);
    const csv = csvTable((await get(cast.leader, `time-of-day?${period}&format=csv`)).body);
    expect(csv[0]![0]).toBe('星期');
    expect(csv.length).toBe(8);
  });

  it('ranks classes by on-time handling rate', async () => {
    const classes = (await get(cast.leader, `worst-classes?${period}`)).json().classes;
    expect(classes[0]).toMatchObject({ classId: cast.garbageClassId, handled: 1, onTimeHandleRate: 1 });
    const none = (await get(cast.leader, `worst-classes?${period}&minHandled=5`)).json().classes;
    expect(none).toEqual([]);
  });
});

describe('GET /analytics/repeated', () => {
  it('finds the same class reported three times within 30 m and 30 days', async () => {
    const problems = (await get(cast.leader, `repeated?${period}`)).json().problems as Array<{
      kind: string;
      count: number;
      caseIds: number[];
    }>;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'place', count: 3 });
    const strict = (await get(cast.leader, `repeated?${period}&radiusM=3`)).json().problems;
    expect(strict).toEqual([]);
    const four = (await get(cast.leader, `repeated?${period}&minCount=4`)).json().problems;
    expect(four).toEqual([]);
    const csv = csvTable((await get(cast.leader, `repeated?${period}&format=csv`)).body);
    expect(csv[1]![0]).toBe('同一位置同类');
    expect((await get(cast.leader, `repeated?${period}&minCount=1`)).statusCode).toBe(400);
  });
});

describe('GET /analytics/satisfaction', () => {
  beforeAll(async () => {
    const db = t().database.db;
    const cases = await db
      .selectFrom('cases')
      .select(['id', 'street_code', 'department_id'])
      .orderBy('id')
      .execute();
    const dispatched = cases.find((c) => c.department_id !== null)!;
    const otherA = cases.find((c) => c.street_code === STREET_A && c.id !== dispatched.id)!;
    const inB = cases.find((c) => c.street_code === STREET_B)!;
    await db
      .insertInto('case_ratings')
      .values([
        { case_id: dispatched.id, score: 5, comment: '很快' },
        { case_id: otherA.id, score: 2, comment: '没解决', request_reopen: true },
        { case_id: inB.id, score: 4 },
      ])
      .execute();
  });

  it('counts ratings, mean, stars, satisfied rate and reopen requests per street, with the total', async () => {
    const response = await get(cast.leader, `satisfaction?${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.groupBy).toBe('street');
    expect(body.rows).toEqual([
      expect.objectContaining({
        key: STREET_A,
        ratings: 2,
        average: 3.5,
        scores: [0, 1, 0, 0, 1],
        satisfiedRate: 0.5,
        reopenRequests: 1,
      }),
      expect.objectContaining({
        key: STREET_B,
        ratings: 1,
        average: 4,
        scores: [0, 0, 0, 1, 0],
        satisfiedRate: 1,
      }),
    ]);
    expect(body.total).toMatchObject({ ratings: 3, average: 3.67, satisfiedRate: 0.6667, reopenRequests: 1 });
  });

  it('groups by department and class, filters by region, and leaves out ratings outside the period', async () => {
    const byDepartment = (await get(cast.leader, `satisfaction?${period}&groupBy=department`)).json().rows;
    expect(byDepartment).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: String(cast.departmentId), ratings: 1, average: 5 }),
        expect.objectContaining({ key: null, name: '（未派遣）', ratings: 2 }),
      ]),
    );
    const byClass = (await get(cast.leader, `satisfaction?${period}&groupBy=class`)).json().rows;
    expect(byClass).toHaveLength(1);
    expect(byClass[0]).toMatchObject({ ratings: 3 });
    const inB = (await get(cast.leader, `satisfaction?${period}&regionCode=${STREET_B}`)).json();
    expect(inB.total).toMatchObject({ ratings: 1, average: 4 });
    const past = today.minus({ days: 40 });
    const before = `from=${past.toISODate()!}&to=${past.plus({ days: 7 }).toISODate()!}`;
    const empty = (await get(cast.leader, `satisfaction?${before}`)).json();
    expect(empty.rows).toEqual([]);
    expect(empty.total).toMatchObject({ ratings: 0, average: null, satisfiedRate: null });
  });

  it('keeps a handler to their own department', async () => {
    const body = (await get(cast.handler, `satisfaction?${period}`)).json();
    expect(body.total).toMatchObject({ ratings: 1, average: 5 });
  });

  it('exports CSV with Chinese headers and the total last', async () => {
    const csv = csvTable((await get(cast.leader, `satisfaction?${period}&format=csv`)).body);
    expect(csv[0]).toEqual([
      '街道',
      '评价数',
      '平均分',
      '5星',
      '4星',
      '3星',
      '2星',
      '1星',
      '满意率',
      '申请重新办理',
    ]);
    expect(csv.at(-1)!.slice(0, 3)).toEqual(['合计', '3', '3.67']);
  });

  it('refuses anonymous callers and rejects a bad grouping by name', async () => {
    expect(
      (await t().app.inject({ method: 'GET', url: `/api/v1/analytics/satisfaction?${period}` })).statusCode,
    ).toBe(401);
    const bad = await get(cast.leader, `satisfaction?${period}&groupBy=grid`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('groupBy');
  });
});

describe('GET /analytics/satisfaction by month and week', () => {
  // Ratings in 2024, far from every other period of this file, at instants in Beijing time: the
  // one at 00:10 on 1 February is still 31 January in UTC, so it tells local from UTC buckets.
  const RATINGS = [
    { at: '2024-01-31T23:30:00+08:00', score: 5, reopen: false, street: STREET_A },
    { at: '2024-02-01T00:10:00+08:00', score: 2, reopen: true, street: STREET_A },
    { at: '2024-02-15T12:00:00+08:00', score: 4, reopen: false, street: STREET_B },
    { at: '2024-02-29T23:59:00+08:00', score: 3, reopen: false, street: STREET_A },
    { at: '2024-04-02T09:00:00+08:00', score: 1, reopen: false, street: STREET_A },
  ];
  const months = 'from=2024-01-01&to=2024-05-01';

  beforeAll(async () => {
    const db = t().database.db;
    for (const [i, r] of RATINGS.entries()) {
      const location = r.street === STREET_A ? gridCentre(1, 2, 2) : gridCentre(2, 1, 1);
      const body = garbageReport(cast, { source: 'hotline', location, description: `M${i}` });
      const c = await report(t(), cast.operator, body);
      await db
        .insertInto('case_ratings')
        .values({ case_id: c.id, score: r.score, request_reopen: r.reopen, created_at: new Date(r.at) })
        .execute();
    }
  });

  it('gives every month of the period in order, empty ones included, with averages and stars by hand', async () => {
    const response = await get(cast.leader, `satisfaction?${months}&groupBy=month`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.groupBy).toBe('month');
    expect(body.rows).toEqual([
      // 5 → 5.00, 1 of 1 satisfied
      {
        key: '2024-01-01',
        name: '2024-01',
        ratings: 1,
        average: 5,
        scores: [0, 0, 0, 0, 1],
        satisfiedRate: 1,
        reopenRequests: 0,
      },
      // 2, 4, 3 → 9 / 3 = 3.00; 4★ only satisfied: 1/3; the 2★ asked to reopen
      {
        key: '2024-02-01',
        name: '2024-02',
        ratings: 3,
        average: 3,
        scores: [0, 1, 1, 1, 0],
        satisfiedRate: 0.3333,
        reopenRequests: 1,
      },
      {
        key: '2024-03-01',
        name: '2024-03',
        ratings: 0,
        average: null,
        scores: [0, 0, 0, 0, 0],
        satisfiedRate: null,
        reopenRequests: 0,
      },
      {
        key: '2024-04-01',
        name: '2024-04',
        ratings: 1,
        average: 1,
        scores: [1, 0, 0, 0, 0],
        satisfiedRate: 0,
        reopenRequests: 0,
      },
    ]);
    // 15 / 5 = 3; 4★ and 5★: 2 of 5
    expect(body.total).toEqual({
      key: null,
      name: '合计',
      ratings: 5,
      average: 3,
      scores: [1, 1, 1, 1, 1],
      satisfiedRate: 0.4,
      reopenRequests: 1,
    });
  });

  it('groups by week from Monday, keeps the filters, and cuts at the local days of the period', async () => {
    // 2024-01-31 (Wed) and 2024-02-01 (Thu) share the week of Monday 29 January: (5 + 2) / 2 = 3.5.
    const weeks = (await get(cast.leader, `satisfaction?from=2024-01-31&to=2024-02-19&groupBy=week`)).json();
    expect(weeks.rows.map((r: { key: string }) => r.key)).toEqual(['2024-01-29', '2024-02-05', '2024-02-12']);
    expect(
      weeks.rows.map((r: { ratings: number; average: number | null }) => [r.ratings, r.average]),
    ).toEqual([
      [2, 3.5],
      [0, null],
      [1, 4],
    ]);
    expect(weeks.rows[0]).toMatchObject({ name: '2024-01-29', scores: [0, 1, 0, 0, 1], satisfiedRate: 0.5 });
    // From 1 February local: the rating of 23:30 on 31 January is out, the one at 00:10 is in.
    const feb = (await get(cast.leader, `satisfaction?from=2024-02-01&to=2024-03-01&groupBy=month`)).json();
    expect(feb.rows).toEqual([expect.objectContaining({ key: '2024-02-01', ratings: 3, average: 3 })]);
    // Street B only: its one rating, in February.
    const inB = (
      await get(cast.leader, `satisfaction?${months}&groupBy=month&regionCode=${STREET_B}`)
    ).json();
    expect(inB.rows.map((r: { ratings: number }) => r.ratings)).toEqual([0, 1, 0, 0]);
    expect(inB.total).toMatchObject({ ratings: 1, average: 4, satisfiedRate: 1 });
    // A handler sees their department's cases only: none of these were dispatched.
    const own = (await get(cast.handler, `satisfaction?${months}&groupBy=month`)).json();
    expect(own.total).toMatchObject({ ratings: 0, average: null });
    expect(own.rows).toHaveLength(4);
  });

  it('exports the monthly trend as CSV and XLSX with the month column and the total last', async () => {
    const csv = csvTable((await get(cast.leader, `satisfaction?${months}&groupBy=month&format=csv`)).body);
    expect(csv[0]!.slice(0, 3)).toEqual(['月份', '评价数', '平均分']);
    expect(csv.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2024-01', '1', '5'],
      ['2024-02', '3', '3'],
      ['2024-03', '0', ''],
      ['2024-04', '1', '1'],
      ['合计', '5', '3'],
    ]);
    expect(csv[2]![csv[0]!.indexOf('满意率')]).toBe('0.3333');
    const xlsx = await get(cast.leader, `satisfaction?${months}&groupBy=week&format=xlsx`);
    expect(xlsx.headers['content-disposition']).toContain('satisfaction-week-2024-01-01-2024-05-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).getCell(1).value).toBe('周（起始日）');
    // Two report rows, the header, Mondays from 2024-01-01 to 2024-04-29 (18 weeks), the total.
    expect(sheet.rowCount).toBe(2 + 1 + 18 + 1);
    expect(sheet.getRow(4).getCell(1).value).toBe('2024-01-01');
    expect(sheet.getRow(22).getCell(1).value).toBe('合计');
    expect(sheet.getRow(22).getCell(2).value).toBe(5);
  });

  it('documents the groupings in the OpenAPI document', async () => {
    const doc = (await t().app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const parameters = doc.paths['/api/v1/analytics/satisfaction'].get.parameters as Array<{
      name: string;
      schema: { enum?: string[] };
    }>;
    const groupBy = parameters.find((p) => p.name === 'groupBy')!;
    expect(groupBy.schema.enum).toEqual(['street', 'class', 'department', 'month', 'week']);
  });

  it('rejects an unknown grouping naming groupBy, and a period of more than three years', async () => {
    for (const groupBy of ['year', 'day', '']) {
      const bad = await get(cast.leader, `satisfaction?${months}&groupBy=${groupBy}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toContain('groupBy');
    }
    const long = await get(cast.leader, `satisfaction?from=2020-01-01&to=2024-01-01&groupBy=week`);
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json().errors)).toContain('querystring.to');
  });
});

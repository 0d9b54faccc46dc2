/**
 * The demo district as `npm start` prepares it: the "done when" checks, on the real seed.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/index.js';
import { DEMO_CITIZEN_PHONE, seedDemoCitizen } from '../src/demo/citizen.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/departments.js';
import { ensureDemo, isDemoSeeded } from '../src/demo/seed.js';
import { simulateDemoCases, type SimulationReport } from '../src/demo/simulation.js';
import { localHour } from '../src/demo/hours.js';
import { localDateOf, workingPeriodsOn } from '../src/calendar/index.js';
import { GeographyIndex } from '../src/geography/index.js';
import { buildApp } from '../src/http/app.js';
import { testKeyRing } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';

let database: Database;
let app: FastifyInstance;
let simulation: SimulationReport;
/** The simulated present; later cases and events are the other tests' own, made in real time. */
let simulatedUntil: Date;
const said: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemo(database, (m) => said.push(m));
  app = await buildApp({
    database,
    geography: new GeographyIndex(database.db, 0),
    reporterKeys: testKeyRing,
    sessionHours: 1,
    publicRateLimit: 1e6,
  });
  await app.ready();
  simulatedUntil = new Date();
  simulation = await simulateDemoCases(database.db, app.caseDeps, { cases: 120, days: 14, seed: 7 });
}, 300_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo district', () => {
  it('lists the 17 real streets of 东城区 with their national codes and names', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/regions?parent=110101' });
    const streets = response.json().items as Array<{ code: string; name: string; synthetic: boolean }>;
    expect(streets).toHaveLength(17);
    expect(streets[0]).toMatchObject({ code: '110101001', name: '东华门街道', synthetic: true });
    expect(streets.at(-1)).toMatchObject({ code: '110101017', name: '永定门外街道' });
  });

  it('has 169 communities and about 10,000 m² unit grids covering the district', async () => {
    const counts = await database.db
      .selectFrom('regions')
      .select([
        'level',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('area_m2').as('area'),
      ])
      .groupBy('level')
      .execute();
    const byLevel = Object.fromEntries(counts.map((c) => [c.level, c]));
    expect(byLevel.community!.n).toBe(169);
    expect(byLevel.grid!.n).toBeGreaterThan(4000);
    expect(byLevel.grid!.area / byLevel.grid!.n).toBeGreaterThan(6_000);
    expect(byLevel.grid!.area / byLevel.grid!.n).toBeLessThan(11_000);
    expect(Math.abs(byLevel.grid!.area - byLevel.district!.area) / byLevel.district!.area).toBeLessThan(
      0.001,
    );
  });

  it('locates a point in 东华门街道 (王府井) to a grid whose code starts with 110101001', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/locate?lng=116.4110&lat=39.9142&crs=gcj02',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().grid.code).toMatch(/^110101001\d{6}$/);
    expect(response.json().street.name).toBe('东华门街道');
  });

  it('has departments, thousands of components across the classes, and one account per role', async () => {
    const components = await database.db
      .selectFrom('components')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count<number>('classification_id').distinct().as('classes'),
      ])
      .executeTakeFirstOrThrow();
    expect(components.n).toBeGreaterThan(4000);
    expect(components.classes).toBeGreaterThan(20);
    for (const account of DEMO_ACCOUNTS) {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account.username, password: DEMO_PASSWORD },
      });
      expect(login.statusCode, account.username).toBe(200);
    }
    expect(said.some((m) => m.includes('shuzhi-demo'))).toBe(true);
  });

  it('is seeded once: a second start changes nothing', async () => {
    expect(await isDemoSeeded(database.db)).toBe(true);
    const before = await database.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await ensureDemo(database, () => {});
    const after = await database.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('takes Open311 reports with the demo key, in XML and JSON, and shows staff acting on them', async () => {
    expect(said).toContain('Open311 API key (demo only): shuzhi-demo-open311');
    const point = await sql<{ lat: number; lng: number }>`
      select ST_Y(ST_PointOnSurface(geom)) as lat, ST_X(ST_PointOnSurface(geom)) as lng
      from regions where level = 'grid' order by code limit 1`.execute(database.db);
    const { lat, lng } = point.rows[0]!;
    const xml = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: 'shuzhi-demo-open311',
        service_code: 'M06010',
        lat: lat.toFixed(6),
        long: lng.toFixed(6),
        description: '演示：路边暴露垃圾',
      }).toString(),
    });
    expect(xml.statusCode, xml.body).toBe(201);
    const id = /<service_request_id>(\d+)<\/service_request_id>/.exec(xml.body)![1]!;
    const json = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: 'shuzhi-demo-open311',
        service_code: 'M06001',
        lat,
        long: lng,
        description: '演示：私搭乱建',
      },
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()[0].token).toBeTruthy();
    const listed = await app.inject({ url: `/open311/v2/requests.json?service_request_id=${id}` });
    expect(listed.json()[0]).toMatchObject({ service_request_id: id, status: 'open' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'supervisor', password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${login.json().token}` };
    const row = await database.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('number', '=', id)
      .executeTakeFirstOrThrow();
    const filed = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${row.id}/actions/file`,
      headers,
      payload: { version: row.version },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const read = await app.inject({ url: `/open311/v2/requests/${id}.xml` });
    expect(read.body).toContain('<status_notes>已立案，等待派遣</status_notes>');
  });

  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    const validator = new Validator();
    const result = await validator.validate(response.json());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(response.json().openapi).toBe('3.1.0');
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/regions', '/api/v1/locate', '/api/v1/cases', '/healthz']),
    );
  });

  it('simulates cases through the real workflow: histories, counters and statuses agree', async () => {
    expect(Object.keys(simulation.byStatus).length).toBeGreaterThanOrEqual(5);
    expect(simulation.byStatus.closed).toBeGreaterThan(20);
    const cases = await database.db
      .selectFrom('cases')
      .select(['id', 'status', 'returns', 'reworks', 'reopenings'])
      .execute();
    const events = await database.db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'from_status', 'to_status'])
      .orderBy('id')
      .execute();
    for (const c of cases) {
      const own = events.filter(
        (e) => e.case_id === c.id && !['overdue', 'escalate', 'merged-in'].includes(e.action),
      );
      expect(own[0]?.action, `case ${c.id}`).toBe('report');
      // Replaying the transitions ends where the case says it is.
      expect(own.at(-1)?.to_status, `case ${c.id}`).toBe(c.status);
      for (let i = 1; i < own.length; i++)
        expect(own[i]!.from_status, `case ${c.id} event ${i}`).toBe(own[i - 1]!.to_status);
      expect(c.reworks).toBe(own.filter((e) => e.action === 'fail').length);
      expect(c.reopenings).toBe(own.filter((e) => e.action === 'reopen').length);
      expect(c.returns).toBe(
        own.filter((e) => e.action === 'approve' && e.from_status === 'return_requested').length,
      );
    }
  });
});

describe('the demo simulation in time', () => {
  it('reports cases in daytime Beijing hours: inspectors on patrol 08:00–18:00 and never at night, citizens into the evening', async () => {
    const cases = await database.db
      .selectFrom('cases')
      .select(['source', 'reported_at'])
      .where('reported_at', '<', simulatedUntil)
      .execute();
    const hours = (source: (s: string) => boolean) =>
      cases.filter((c) => source(c.source)).map((c) => localHour('Asia/Shanghai', c.reported_at));
    const inspectors = hours((s) => s === 'inspector');
    expect(inspectors.length).toBeGreaterThan(50);
    expect(inspectors.filter((h) => h >= 8 && h < 18).length / inspectors.length).toBeGreaterThanOrEqual(0.9);
    expect(inspectors.filter((h) => h < 6)).toEqual([]);
    const citizens = hours((s) => s !== 'inspector');
    expect(citizens.filter((h) => h >= 18 && h < 22).length).toBeGreaterThan(0);
    expect(citizens.filter((h) => h < 6).length / citizens.length).toBeLessThan(0.05);
  });

  it('has staff take every workflow step in office hours of the working calendar', async () => {
    const calendar = await app.caseDeps.calendars.get(database.db);
    const steps = await database.db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'at'])
      .where('actor_id', 'is not', null)
      .where('action', '!=', 'report')
      .where('at', '<', simulatedUntil)
      .execute();
    expect(steps.length).toBeGreaterThan(200);
    const outside = steps.filter(
      (e) =>
        !workingPeriodsOn(calendar, localDateOf(calendar, e.at)).some(
          (p) => e.at.getTime() >= p.start.getTime() && e.at.getTime() <= p.end.getTime(),
        ),
    );
    expect(outside.map((e) => `${e.case_id} ${e.action} ${e.at.toISOString()}`)).toEqual([]);
  });
});

describe('the demo citizen', () => {
  beforeAll(async () => {
    await seedDemoCitizen(database.db, { ...app.caseDeps, reporterKeys: testKeyRing }, (m) => said.push(m));
  }, 120_000);

  it('logs in with 13800000000 and sees three reports: received, in progress, closed and ready to rate', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/citizens/session',
      payload: { phone: DEMO_CITIZEN_PHONE, password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const token = login.json<{ token: string }>().token;
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/reports',
      headers: { authorization: `Bearer ${token}` },
    });
    const items = mine.json<{
      items: Array<{ trackingCode: string; publicStatus: string; canRate: boolean }>;
    }>().items;
    expect(items.map((i) => i.publicStatus)).toEqual(['closed', 'in_progress', 'received']);
    expect(items[0]!.canRate).toBe(true);
    const closed = await app.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${items[0]!.trackingCode}`,
    });
    expect(closed.json().photos.after).toHaveLength(1);
  });

  it('is seeded once', async () => {
    await seedDemoCitizen(database.db, { ...app.caseDeps, reporterKeys: testKeyRing }, () => {});
    const rows = await database.db.selectFrom('citizens').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(await database.db.selectFrom('public_reports').select('case_id').execute()).toHaveLength(3);
  });
});

/**
 * /metrics, /livez and /readyz, and the request log line (docs/observability.md): what Prometheus
 * reads, who may read it, when a process counts as ready, and what every request line carries.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, filedCase } from '../../test/helpers/cases.js';
import { createTestDatabase } from '../../test/helpers/database.js';
import type { Database } from '../db/index.js';
import { GeographyIndex } from '../geography/index.js';
import { buildApp, type App } from '../http/app.js';
import { MODULES } from '../modules.js';
import { testKeyRing } from '../../test/helpers/services.js';
import { createMetrics } from './metrics.js';

const t = useTestApp();
let admin: TestUser;

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
});

/** The value of one sample line (`name{labels} value`) of an exposition text. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inBraces = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (Object.entries(labels).every(([k, v]) => inBraces.includes(`${k}="${v}"`))) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

async function scrape(app: App, headers: Record<string, string> = {}): Promise<string> {
  const response = await app.inject({ url: '/metrics', headers });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

describe('GET /metrics', () => {
  it('counts requests by route pattern and status class, never by raw URL', async () => {
    const { app } = t();
    const department = await t().as(admin, { method: 'GET', url: '/api/v1/departments/999999' });
    expect(department.statusCode).toBe(404);
    await t().as(admin, { method: 'GET', url: '/api/v1/departments/888888' });
    await app.inject({ url: '/api/v1/no/such/route' });
    const text = await scrape(app);
    const labels = { method: 'GET', route: '/api/v1/departments/:id', status_class: '4xx' };
    expect(sample(text, 'shuzhi_http_request_duration_seconds_count', labels)).toBe(2);
    expect(sample(text, 'shuzhi_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(2);
    expect(text).not.toContain('999999');
    expect(sample(text, 'shuzhi_http_request_duration_seconds_count', { route: '(unmatched)' })).toBe(1);
    // Login (POST) counted as 2xx on its own route.
    expect(
      sample(text, 'shuzhi_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/auth/login',
        status_class: '2xx',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('reports the database pool (PostgreSQL: the pool; embedded: one connection and its queue)', async () => {
    const text = await scrape(t().app);
    const backend = t().database.backend;
    const total = sample(text, 'shuzhi_db_pool_connections', { state: 'total', backend });
    expect(total).toBeGreaterThanOrEqual(1);
    if (backend === 'pglite') expect(total).toBe(1);
    expect(sample(text, 'shuzhi_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'shuzhi_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('reports job runs and failures per job as the server’s scheduler tells them', async () => {
    const metrics = createMetrics({ database: t().database, modules: [] });
    metrics.observeJob({ job: 'case-deadline-sweep', ok: true, durationMs: 120 });
    metrics.observeJob({ job: 'case-deadline-sweep', ok: true, durationMs: 80 });
    metrics.observeJob({ job: 'webhook-delivery', ok: false, durationMs: 5 });
    const text = await metrics.render();
    expect(sample(text, 'shuzhi_job_runs_total', { job: 'case-deadline-sweep', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'shuzhi_job_runs_total', { job: 'webhook-delivery', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'shuzhi_job_duration_seconds_sum', { job: 'case-deadline-sweep' })).toBeCloseTo(0.2);
  });

  it('reports the outbox and webhook queues, and overdue clocks without suspended ones', async () => {
    const cast = await castFor(t());
    const filed = await filedCase(t(), cast);
    const db = t().database.db;
    const fresh = () => createMetrics({ database: t().database, modules: MODULES }).render();
    const before = await fresh();
    expect(sample(before, 'shuzhi_outbox_pending_events')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'shuzhi_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'shuzhi_webhook_deliveries_queued', { status: 'pending' })).toBe(0);
    expect(sample(before, 'shuzhi_webhook_delivery_lag_seconds')).toBe(0);
    const overdueBefore = sample(before, 'shuzhi_case_clocks_overdue', { clock: 'dispatch' }) ?? -1;
    expect(overdueBefore).toBeGreaterThanOrEqual(0);

    // The filed case's running dispatch clock falls due an hour ago.
    const moved = await sql`update case_clocks set due_at = now() - interval '1 hour'
      where case_id = ${filed.id} and clock = 'dispatch' and stopped_at is null`.execute(db);
    expect(Number(moved.numAffectedRows)).toBe(1);
    const overdue = await fresh();
    expect(sample(overdue, 'shuzhi_case_clocks_overdue', { clock: 'dispatch' })).toBe(overdueBefore + 1);
    expect(sample(overdue, 'shuzhi_case_clocks_overdue', { clock: 'closing' })).toBe(0);

    // Suspended (an open pause): not overdue.
    await sql`update case_clocks set pauses = ${JSON.stringify([{ from: new Date().toISOString(), to: null }])}::jsonb
      where case_id = ${filed.id} and clock = 'dispatch' and stopped_at is null`.execute(db);
    const suspended = await fresh();
    expect(sample(suspended, 'shuzhi_case_clocks_overdue', { clock: 'dispatch' })).toBe(overdueBefore);
  });

  it('reuses a module figure for its cache time, so frequent scrapes cost one query', async () => {
    let reads = 0;
    const metrics = createMetrics({
      database: t().database,
      modules: [
        {
          name: 'probe',
          metrics: [
            {
              name: 'shuzhi_probe',
              help: 'probe',
              cacheMs: 60_000,
              read: async () => [{ value: ++reads }],
            },
          ],
        },
      ],
    });
    expect(sample(await metrics.render(), 'shuzhi_probe')).toBe(1);
    expect(sample(await metrics.render(), 'shuzhi_probe')).toBe(1);
    expect(reads).toBe(1);
  });

  it('reports a figure that cannot be read as NaN and counts the failure, instead of failing the scrape', async () => {
    const metrics = createMetrics({
      database: t().database,
      modules: [
        {
          name: 'broken',
          metrics: [
            {
              name: 'shuzhi_broken',
              help: 'broken',
              read: async () => {
                throw new Error('relation does not exist');
              },
            },
          ],
        },
      ],
    });
    const text = await metrics.render();
    expect(sample(text, 'shuzhi_broken')).toBeNaN();
    // The counter is read alongside the figures, so a failure shows from the next scrape on.
    const next = await metrics.render();
    expect(sample(next, 'shuzhi_broken')).toBeNaN();
    expect(sample(next, 'shuzhi_metric_read_errors_total', { metric: 'shuzhi_broken' })).toBe(1);
  });

  it('answers loopback clients without a token, and refuses others and anything forwarded by a proxy', async () => {
    const { app } = t();
    await scrape(app);
    const remote = await app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(remote.json()).toMatchObject({
      code: 'FORBIDDEN',
      detail: expect.stringContaining('METRICS_TOKEN'),
    });
    // A reverse proxy on this machine connects from 127.0.0.1 for anyone.
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const proxied = await app.inject({ url: '/metrics', headers: { [header]: '127.0.0.1' } });
      expect(proxied.statusCode, header).toBe(403);
    }
    // A staff session is no key to it either.
    const staff = await t().as(admin, { method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(staff.statusCode).toBe(403);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let database: Database;
  let app: App;
  const token = 'scrape-token-0123456789abcdef';

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      geography: new GeographyIndex(database.db, 0),
      reporterKeys: testKeyRing,
      sessionHours: 12,
      metricsToken: token,
      web: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers the bearer token from anywhere and refuses a missing or wrong one, even from loopback', async () => {
    const ok = await app.inject({
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('shuzhi_db_pool_connections');
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abc',
      `Basic ${token}`,
      `Bearer ${token}x`,
    ]) {
      const refused = await app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(refused.statusCode, authorization).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(refused.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    }
  });
});

describe('GET /livez and /readyz', () => {
  it('is alive and ready on a migrated database with its reference data', async () => {
    const live = await t().app.inject({ url: '/livez' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'alive' });
    const ready = await t().app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true }, referenceData: { ok: true } },
    });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  describe('not ready', () => {
    let database: Database;
    let app: App;
    let loaded = false;

    beforeAll(async () => {
      database = await createTestDatabase();
      app = await buildApp({
        database,
        geography: new GeographyIndex(database.db, 0),
        reporterKeys: testKeyRing,
        sessionHours: 12,
        referenceDataLoaded: () => loaded,
        web: false,
      });
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    it('answers 503 problem+json naming the reference data until it is loaded', async () => {
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'SERVICE_NOT_READY',
        status: 503,
        detail: expect.stringContaining('reference data'),
        checks: { database: { ok: true }, migrations: { ok: true }, referenceData: { ok: false } },
      });
      loaded = true;
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    });

    it('names a migration of this build that the database lacks, or has with other content', async () => {
      await sql`update schema_migrations set checksum = 'edited' where version = 1`.execute(database.db);
      await sql`delete from schema_migrations where version = 24`.execute(database.db);
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'SERVICE_NOT_READY',
        detail: expect.stringMatching(/0001_foundation, 0024_rate_limit_counters.*shuzhi migrate/),
        checks: { database: { ok: true }, migrations: { ok: false } },
      });
    });

    it('says the database is unreachable when it is gone, and stays alive', async () => {
      await database.close();
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'SERVICE_NOT_READY',
        checks: { database: { ok: false, detail: expect.stringContaining('database unreachable') } },
      });
      expect((await app.inject({ url: '/livez' })).statusCode).toBe(200);
    });
  });
});

describe('the request log', () => {
  let app: App;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n'))
          if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    // A second app on the same database, logging into `lines`.
    app = await buildApp({
      database: t().database,
      geography: t().geography,
      reporterKeys: testKeyRing,
      sessionHours: 12,
      logger: { level: 'info', stream: sink },
      web: false,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('writes one line per request with its request id, actor and module, and no personal data', async () => {
    const anonymous = await app.inject({
      url: '/api/v1/departments',
      headers: { 'x-request-id': 'req-anon-1' },
    });
    expect(anonymous.statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-138001380000', password: 'wrong-password-1' },
      headers: { 'x-request-id': 'req-login-1' },
    });
    expect(login.statusCode).toBe(401);
    const staff = await app.inject({
      url: '/api/v1/departments?q=secret-search',
      headers: { 'x-request-id': 'req-staff-1', authorization: `Bearer ${admin.token}` },
    });
    expect(staff.statusCode).toBe(200);

    const only = (id: string) => lines.filter((line) => line.reqId === id);
    expect(only('req-anon-1')).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        actor: 'anonymous',
        module: 'departments',
        method: 'GET',
        path: '/api/v1/departments',
        route: '/api/v1/departments',
        statusCode: 401,
        responseTimeMs: expect.any(Number),
      }),
    ]);
    expect(only('req-login-1').at(-1)).toMatchObject({
      actor: 'anonymous',
      module: 'identity',
      statusCode: 401,
    });
    expect(only('req-staff-1').at(-1)).toMatchObject({
      actor: `user:${admin.id}`,
      module: 'departments',
      path: '/api/v1/departments',
      statusCode: 200,
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('138001380000');
    expect(text).not.toContain('secret-search');
    expect(text).not.toContain(admin.username);
  });
});

/**
 * Several processes on one database (issue #20 §2): two app instances on one database — and one
 * Redis — behave as one. A rate limit reached through one is enforced by the other (PostgreSQL and
 * Redis stores; the in-memory store, for contrast, is not shared), a login lockout reached through
 * one holds on the other, and a session opened on one is valid on the other, and ended there.
 * Redis is the real server (TEST_REDIS_URL, default 127.0.0.1:6379).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServices, testKeyRing, TEST_PASSWORD, type TestStaff } from '../../test/helpers/services.js';
import { buildApp, type App } from './app.js';
import { hitCounter, purgeRateLimitCounters, type RateLimitStore } from './rate-limit-store.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const t = useTestServices();
let redis: Redis;
/** Each run its own key prefix: the PGlite and PostgreSQL runs may share the Redis server. */
const prefix = `shuzhi-test:${randomUUID()}:`;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** Two instances of the application on the test database, as two processes would run. */
async function twoProcesses(store: () => RateLimitStore, publicRateLimit: number): Promise<[App, App]> {
  const build = () =>
    buildApp({
      database: t().database,
      geography: t().geography,
      reporterKeys: testKeyRing,
      sessionHours: 12,
      publicRateLimit,
      rateLimitStore: store(),
      web: false,
    });
  return [await build(), await build()];
}

/** A failed login from `address` with a name of its own (so only the route's rate limit counts). */
function wrongLogin(app: App, address: string, username = `nobody-${randomUUID().slice(0, 8)}`) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    payload: { username, password: 'not-the-password' },
  });
}

// The login route allows max(10, publicRateLimit / 4) attempts per address and minute.
const LOGIN_LIMIT = 10;

describe.each([
  ['PostgreSQL', (): RateLimitStore => ({ kind: 'postgres' })],
  ['Redis', (): RateLimitStore => ({ kind: 'redis', redis, prefix })],
])('rate limits in %s', (_name, store) => {
  let apps: [App, App];
  beforeAll(async () => {
    apps = await twoProcesses(store, 40);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('refuses through one process the requests that exhausted the limit through the other', async () => {
    const [a, b] = apps;
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < LOGIN_LIMIT / 2; i += 1) expect((await wrongLogin(a, address)).statusCode).toBe(401);
    for (let i = 0; i < LOGIN_LIMIT / 2; i += 1) expect((await wrongLogin(b, address)).statusCode).toBe(401);
    for (const app of [a, b]) {
      const refused = await wrongLogin(app, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another address has its own budget on either process.
    expect((await wrongLogin(b, '203.0.113.9')).statusCode).toBe(401);
  });
});

describe('rate limits in memory (the embedded default)', () => {
  it('are counted per process: the other process does not see them', async () => {
    const [a, b] = await twoProcesses(() => ({ kind: 'memory' }), 40);
    try {
      for (let i = 0; i < LOGIN_LIMIT; i += 1) await wrongLogin(a, '192.0.2.7');
      expect((await wrongLogin(a, '192.0.2.7')).statusCode).toBe(429);
      expect((await wrongLogin(b, '192.0.2.7')).statusCode).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('login lockout and sessions across processes', () => {
  let apps: [App, App];
  let staff: TestStaff;
  beforeAll(async () => {
    // Limits high enough that only the login throttle (identity/throttle.ts) can refuse.
    apps = await twoProcesses(() => ({ kind: 'redis', redis, prefix }), 100_000);
    staff = await t().user({ role: 'supervisor' });
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('holds a lockout started through one process on the other, before any password is checked', async () => {
    const [a, b] = apps;
    const address = '198.51.100.250';
    // Five failures of one name from one address (the `pair` counter), spread over both: the
    // fifth starts the block.
    for (let i = 0; i < 5; i += 1) {
      const response = await wrongLogin(i % 2 === 0 ? a : b, address, staff.username);
      expect(response.statusCode, response.body).toBe(401);
    }
    // Then even the right password is refused, on the other process too.
    const right = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      payload: { username: staff.username, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('accepts on one process the session opened on the other, and ends it everywhere', async () => {
    const [a, b] = apps;
    const login = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.251',
      payload: { username: staff.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const { token } = login.json<{ token: string }>();
    const bearer = { authorization: `Bearer ${token}` };
    const onB = await b.inject({ url: '/api/v1/auth/session', headers: bearer });
    expect(onB.statusCode, onB.body).toBe(200);
    expect(onB.json()).toMatchObject({ user: { username: staff.username } });
    // The cookie works there too, with its CSRF token.
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await b.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(200);
    const logout = await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer });
    expect(logout.statusCode).toBeLessThan(300);
    const afterLogout = await a.inject({ url: '/api/v1/auth/session', headers: bearer });
    expect(afterLogout.statusCode).toBe(401);
  });
});

describe('the PostgreSQL counter', () => {
  it('counts hits in a fixed window, restarts it when it ends, and purges ended windows', async () => {
    const db = t().database.db;
    const key = `test:${randomUUID()}`;
    expect(await hitCounter(db, key, 60_000)).toMatchObject({ current: 1 });
    const second = await hitCounter(db, key, 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(55_000);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    // The window ends: the next hit opens a new one.
    await sql`update rate_limit_counters set resets_at = now() - interval '1 second' where key = ${key}`.execute(
      db,
    );
    expect((await hitCounter(db, key, 60_000)).current).toBe(1);
    // A long key is stored as its hash, and still counted.
    const long = `test:${'x'.repeat(400)}`;
    await hitCounter(db, long, 60_000);
    expect((await hitCounter(db, long, 60_000)).current).toBe(2);
    await sql`update rate_limit_counters set resets_at = now() - interval '1 second' where key = ${key}`.execute(
      db,
    );
    expect(await purgeRateLimitCounters(db)).toBeGreaterThanOrEqual(1);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from rate_limit_counters where key = ${key}`.execute(db);
    expect(left.rows[0]?.n).toBe(0);
  });
});

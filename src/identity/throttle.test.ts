import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../test/helpers/app.js';
import { THROTTLE_LIMITS, backoffSeconds, retryAfterSeconds } from './throttle-rules.js';

const t = useTestApp();
const WRONG = 'wrong-password-123';
let addressCounter = 0;
/** A fresh client address per call (TEST-NET-2), so tests do not share address counters. */
const newAddress = () => `198.51.100.${++addressCounter}`;

function login(username: string, password: string, remoteAddress: string) {
  return t().app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { username, password },
  });
}

async function failTimes(n: number, username: string, address: string | (() => string)) {
  for (let i = 0; i < n; i++) {
    const where = typeof address === 'string' ? address : address();
    expect((await login(username, WRONG, where)).statusCode).toBe(401);
  }
}

describe('backoff rules', () => {
  it('lets the free failures pass, then doubles the block up to the cap', () => {
    const pair = THROTTLE_LIMITS.pair;
    const waits = Array.from({ length: 12 }, (_, i) => backoffSeconds(i + 1, pair));
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(backoffSeconds(10_000, THROTTLE_LIMITS.account)).toBe(THROTTLE_LIMITS.account.capSeconds);
  });

  it("spares a name's own address the address-wide and account-wide blocks, never the pair's", () => {
    const blocked = [
      { kind: 'address' as const, blockedSeconds: 100 },
      { kind: 'account' as const, blockedSeconds: 50.2 },
    ];
    expect(retryAfterSeconds(blocked)).toBe(100);
    expect(retryAfterSeconds([...blocked, { kind: 'pair', blockedSeconds: -5, knownAddress: true }])).toBe(0);
    expect(retryAfterSeconds([{ kind: 'pair', blockedSeconds: 12.1, knownAddress: true }])).toBe(13);
    expect(retryAfterSeconds([])).toBe(0);
  });
});

describe('login throttling', () => {
  it('answers a known and an unknown username alike: 401 five times, then 429 with Retry-After', async () => {
    const user = await t().user({ role: 'inspector' });
    const answers = [];
    for (const name of [user.username, 'nobody-by-this-name']) {
      const address = newAddress();
      await failTimes(5, name, address);
      // Even the right password waits: the block is decided before any password is looked at.
      const refused = await login(name, TEST_PASSWORD, address);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
      answers.push(refused.json());
    }
    const [known, unknown] = answers;
    expect(Object.keys(known).sort()).toEqual(Object.keys(unknown).sort());
    expect(known).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(unknown).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: known.title });
    expect(known).not.toHaveProperty('lockedUntil');
  });

  it('never locks the owner out: another address logs in while one is blocked, and a block ends', async () => {
    const user = await t().user({ role: 'inspector' });
    const attacker = newAddress();
    await failTimes(5, user.username, attacker);
    expect((await login(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    expect((await login(user.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
    // The time passing, without waiting for it.
    await t()
      .database.db.updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000) })
      .execute();
    expect((await login(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('blocks one address trying many names, except for names that logged in from it', async () => {
    const regular = await t().user({ role: 'leader' });
    const office = newAddress();
    expect((await login(regular.username, TEST_PASSWORD, office)).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE_LIMITS.address.free; i++) await failTimes(1, `spray-${i}`, office);
    const other = await t().user({ role: 'leader' });
    expect((await login(other.username, TEST_PASSWORD, office)).statusCode).toBe(429);
    expect((await login(regular.username, TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it('slows one name tried from many addresses, but not from the addresses its owner uses', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const home = newAddress();
    expect((await login(user.username, TEST_PASSWORD, home)).statusCode).toBe(200);
    await failTimes(THROTTLE_LIMITS.account.free, user.username, newAddress);
    const stranger = await login(user.username, TEST_PASSWORD, newAddress());
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(THROTTLE_LIMITS.account.capSeconds);
    expect((await login(user.username, TEST_PASSWORD, home)).statusCode).toBe(200);
  });

  it('stores neither names nor addresses in the throttle table', async () => {
    const address = newAddress();
    await failTimes(1, 'a-name-to-look-for', address);
    const rows = await t().database.db.selectFrom('login_throttle').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('a-name-to-look-for');
    expect(JSON.stringify(rows)).not.toContain(address);
  });
});

describe('the current-password check', () => {
  it('is throttled: five wrong current passwords, then 429 even for the right one', async () => {
    const user = await t().user({ role: 'leader' });
    const change = (currentPassword: string) =>
      t().as(user, {
        method: 'PUT',
        url: '/api/v1/auth/password',
        payload: { currentPassword, newPassword: 'a-brand-new-password' },
      });
    for (let i = 0; i < 5; i++) {
      const wrong = await change('not-my-password');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    }
    const refused = await change(TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type TestUser } from '../../test/helpers/app.js';
import { STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from './actor.js';
import { tokenHash } from './tokens.js';

const t = useTestApp();

async function login(username: string, password = TEST_PASSWORD) {
  return t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

function cookieOf(response: Awaited<ReturnType<typeof login>>): string {
  const cookie = response.cookies.find((c) => c.name === 'shuzhi_session');
  if (!cookie) throw new Error('no session cookie');
  return `shuzhi_session=${cookie.value}`;
}

describe('login', () => {
  it('sets an HTTP-only strict cookie and returns a bearer token and CSRF token', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const response = await login(user.username);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.token).toMatch(/^shs_/);
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ username: user.username, role: 'dispatcher', regionCodes: ['110101'] });
    const cookie = response.cookies.find((c) => c.name === 'shuzhi_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const rows = await t()
      .database.db.selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows.map((r) => r.token_hash)).toContain(tokenHash(body.token));
    expect(JSON.stringify(rows)).not.toContain(body.token);
  });

  it('refuses a wrong password and an unknown user with the same problem', async () => {
    const user = await t().user({ role: 'inspector' });
    for (const response of [await login(user.username, 'wrong-password-123'), await login('nobody-at-all')]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
    }
  });

  it('tells no cache to keep the answer, which carries the session tokens', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const response = await login(user.username);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('logs in as someone else from a browser that still holds a session cookie', async () => {
    const first = await t().user({ role: 'dispatcher' });
    const second = await t().user({ role: 'leader' });
    const cookie = cookieOf(await login(first.username));
    const switched = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie },
      payload: { username: second.username, password: TEST_PASSWORD },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().user.id).toBe(second.id);
    const me = await t().app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: cookieOf(switched) },
    });
    expect(me.json().user.id).toBe(second.id);
  });

  it.each([
    [{ password: 'x' }, 'body.username'],
    [{ username: 'a' }, 'body.password'],
    [{ username: 'a', password: 'b', extra: 1 }, 'body.extra'],
    [{ username: '', password: 'b' }, 'body.username'],
  ])('rejects a malformed body %j naming %s', async (payload, field) => {
    const response = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('rejects a body that is not JSON with a problem, not a 500', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('sessions and CSRF', () => {
  it('accepts the cookie for reads and demands the CSRF token for writes', async () => {
    const user = await t().user({ role: 'inspector' });
    const response = await login(user.username);
    const cookie = cookieOf(response);
    const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ via: 'cookie', kind: 'session', user: { id: user.id } });
    const noCsrf = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrongCsrf = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'x' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    const withCsrf = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie, 'x-csrf-token': response.json().csrfToken },
      payload: { name: 'x' },
    });
    expect(withCsrf.statusCode).toBe(201);
  });

  it('needs no CSRF token for bearer requests, which browsers never send by themselves', async () => {
    const user = await t().user({ role: 'inspector' });
    const response = await t().as(user, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'phone' },
    });
    expect(response.statusCode).toBe(201);
  });

  it('ends the session at logout', async () => {
    const user = await t().user({ role: 'leader' });
    expect((await t().as(user, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    const after = await t().as(user, { method: 'GET', url: '/api/v1/auth/session' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_REQUIRED');
  });

  it('answers 401 without credentials and for a made-up bearer token', async () => {
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const fake = await t().as(
      { id: 0, username: 'x', token: 'shs_made-up' },
      { method: 'GET', url: '/api/v1/auth/session' },
    );
    expect(fake.statusCode).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, usable as bearer, listed without the secret, and revocable', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const created = await t().as(user, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'integration', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^shz_/);
    const apiUser: TestUser = { ...user, token };
    const me = await t().as(apiUser, { method: 'GET', url: '/api/v1/auth/session' });
    expect(me.json()).toMatchObject({ kind: 'api_token', via: 'bearer', user: { id: user.id } });
    const list = await t().as(user, { method: 'GET', url: '/api/v1/auth/tokens' });
    expect(list.json()).toEqual([
      expect.objectContaining({ id, name: 'integration', prefix: token.slice(0, 10) }),
    ]);
    expect(list.body).not.toContain(token);
    const stored = await t()
      .database.db.selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(tokenHash(token));
    expect((await t().as(user, { method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(204);
    expect((await t().as(apiUser, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
  });

  it("cannot revoke another user's token", async () => {
    const owner = await t().user({ role: 'dispatcher' });
    const other = await t().user({ role: 'admin' });
    const created = await t().as(owner, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'mine' },
    });
    const response = await t().as(other, {
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${created.json().id}`,
    });
    expect(response.statusCode).toBe(404);
  });

  it('validates the token request', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const response = await t().as(user, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: '', expiresInDays: 0 },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.expiresInDays']));
  });
});

describe('staff administration', () => {
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: `u${Math.random().toString(36).slice(2, 9)}`,
    displayName: '张三',
    password: 'a-long-password',
    role: 'inspector',
    regionCodes: [STREET_A],
    ...overrides,
  });

  it('lets an admin create a user who can then log in, once per Idempotency-Key', async () => {
    const admin = await t().user({ role: 'admin' });
    const body = newUser();
    const request = {
      method: 'POST' as const,
      url: '/api/v1/users',
      payload: body,
      headers: { 'idempotency-key': `k-${body.username}` },
    };
    const first = await t().as(admin, request);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      username: body.username,
      role: 'inspector',
      regionCodes: [STREET_A],
      version: 1,
    });
    expect(first.body).not.toContain('password');
    const replay = await t().as(admin, request);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(first.json().id);
    const reused = await t().as(admin, { ...request, payload: { ...body, displayName: '李四' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await login(body.username, body.password)).statusCode).toBe(200);
    const audit = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/audit?targetType=user&targetId=${first.json().id}&action=user.create`,
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ actorId: admin.id, actorName: admin.username });
  });

  it.each([
    [{ role: 'supervisor' }, 'body.position'],
    [{ role: 'inspector', position: 'operator' }, 'body.position'],
    [{ role: 'handler', regionCodes: [] }, 'body.departmentId'],
    [{ regionCodes: ['110101999'] }, 'body.regionCodes.0'],
    [{ regionCodes: [] }, 'body.regionCodes'],
    [{ departmentId: 999999 }, 'body.departmentId'],
    [{ role: 'mayor' }, 'body.role'],
    [{ password: 'short' }, 'body.password'],
    [{ username: 'Bad Name' }, 'body.username'],
    [{ regionCodes: ['12'] }, 'body.regionCodes.0'],
  ])('refuses %j naming %s, and writes nothing', async (overrides, field) => {
    const admin = await t().user({ role: 'admin' });
    const body = newUser(overrides);
    const response = await t().as(admin, { method: 'POST', url: '/api/v1/users', payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const row = await t()
      .database.db.selectFrom('users')
      .select('id')
      .where('username', '=', body.username)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('refuses a taken username with 409', async () => {
    const admin = await t().user({ role: 'admin' });
    const body = newUser();
    expect((await t().as(admin, { method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(
      201,
    );
    const again = await t().as(admin, { method: 'POST', url: '/api/v1/users', payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_EXISTS');
  });

  it.each(STAFF_ROLES.filter((r) => r !== 'admin'))(
    'refuses user administration to the %s role',
    async (role) => {
      const user = await t().user({
        role,
        ...(role === 'handler' || role === 'department_lead' ? { departmentId: null } : {}),
      });
      for (const request of [
        { method: 'GET' as const, url: '/api/v1/users' },
        { method: 'POST' as const, url: '/api/v1/users', payload: newUser() },
        { method: 'GET' as const, url: '/api/v1/users/1' },
        { method: 'PATCH' as const, url: '/api/v1/users/1', payload: { version: 1, active: false } },
        {
          method: 'PUT' as const,
          url: '/api/v1/users/1/password',
          payload: { password: 'another-long-one' },
        },
        { method: 'GET' as const, url: '/api/v1/audit' },
      ]) {
        const response = await t().as(user, request);
        expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
    },
  );

  it('updates with optimistic locking: a stale version gets 409 and changes nothing', async () => {
    const admin = await t().user({ role: 'admin' });
    const created = (
      await t().as(admin, { method: 'POST', url: '/api/v1/users', payload: newUser() })
    ).json();
    const first = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      payload: { version: 1, displayName: '王五' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ displayName: '王五', version: 2 });
    const stale = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      payload: { version: 1, displayName: '赵六' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const now = await t().as(admin, { method: 'GET', url: `/api/v1/users/${created.id}` });
    expect(now.json().displayName).toBe('王五');
  });

  it('ends the sessions of a user whose jurisdiction changes, and refuses a deactivated user', async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'inspector', regions: [STREET_A] });
    const moved = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { version: 1, regionCodes: [STREET_B] },
    });
    expect(moved.json().regionCodes).toEqual([STREET_B]);
    expect((await t().as(user, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { version: 2, active: false },
    });
    expect((await login(user.username)).statusCode).toBe(401);
  });

  it('does not let an admin deactivate or demote themselves', async () => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      payload: { version: 1, active: false },
    });
    expect(response.statusCode).toBe(403);
  });

  it('resets a password (ending sessions) and lets users change their own', async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'leader' });
    expect(
      (
        await t().as(admin, {
          method: 'PUT',
          url: `/api/v1/users/${user.id}/password`,
          payload: { password: 'reset-by-admin-1' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t().as(user, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const relogged = {
      ...user,
      token: (await login(user.username, 'reset-by-admin-1')).json().token as string,
    };
    const wrong = await t().as(relogged, {
      method: 'PUT',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'my-own-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const changed = await t().as(relogged, {
      method: 'PUT',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'reset-by-admin-1', newPassword: 'my-own-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await login(user.username, 'my-own-password')).statusCode).toBe(200);
  });

  it('lets anyone read their own account but not others', async () => {
    const user = await t().user({ role: 'inspector' });
    const other = await t().user({ role: 'inspector' });
    expect((await t().as(user, { method: 'GET', url: `/api/v1/users/${user.id}` })).statusCode).toBe(200);
    expect((await t().as(user, { method: 'GET', url: `/api/v1/users/${other.id}` })).statusCode).toBe(403);
  });

  it('pages the user list with a cursor', async () => {
    const admin = await t().user({ role: 'admin' });
    for (let i = 0; i < 3; i++) await t().user({ role: 'leader' });
    const first = await t().as(admin, { method: 'GET', url: '/api/v1/users?role=leader&limit=2' });
    expect(first.json().items).toHaveLength(2);
    const second = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/users?role=leader&limit=2&cursor=${first.json().nextCursor}`,
    });
    const ids = [...first.json().items, ...second.json().items].map((u: { id: number }) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const bad = await t().as(admin, { method: 'GET', url: '/api/v1/users?cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.cursor');
  });
});

describe('one-time passwords', () => {
  it('allows only changing the password until it is changed', async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'leader' });
    await t().as(admin, {
      method: 'PUT',
      url: `/api/v1/users/${user.id}/password`,
      payload: { password: 'one-time-pass-1' },
    });
    const logged = await login(user.username, 'one-time-pass-1');
    expect(logged.json().user.mustChangePassword).toBe(true);
    const fresh = { ...user, token: logged.json().token as string };
    const refused = await t().as(fresh, { method: 'GET', url: '/api/v1/regions' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t().as(fresh, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
    const changed = await t().as(fresh, {
      method: 'PUT',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'one-time-pass-1', newPassword: 'my-chosen-password' },
    });
    expect(changed.statusCode).toBe(204);
    const again = {
      ...user,
      token: (await login(user.username, 'my-chosen-password')).json().token as string,
    };
    expect((await t().as(again, { method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(200);
  });
});

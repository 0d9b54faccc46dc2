import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type TestUser } from '../../test/helpers/app.js';

const t = useTestApp();

async function apiToken(user: TestUser): Promise<TestUser> {
  const created = await t().as(user, {
    method: 'POST',
    url: '/api/v1/auth/tokens',
    payload: { name: 'sync' },
  });
  expect(created.statusCode).toBe(201);
  return { ...user, token: created.json<{ token: string }>().token };
}

const whoAmI = (user: TestUser) => t().as(user, { method: 'GET', url: '/api/v1/auth/session' });

async function loginWithCookie(username: string, password = TEST_PASSWORD) {
  const response = await t().app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'shuzhi_session')!;
  return {
    token: response.json<{ token: string }>().token,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    cookie: `shuzhi_session=${cookie.value}`,
  };
}

describe('revocation for good', () => {
  it("revokes the account's API tokens when an administrator resets its password", async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'dispatcher' });
    const integration = await apiToken(user);
    expect((await whoAmI(integration)).statusCode).toBe(200);
    const reset = await t().as(admin, {
      method: 'PUT',
      url: `/api/v1/users/${user.id}/password`,
      payload: { password: 'reset-by-admin-1', mustChangePassword: false },
    });
    expect(reset.statusCode).toBe(204);
    expect((await whoAmI(integration)).statusCode).toBe(401);
    expect((await whoAmI(user)).statusCode).toBe(401);
    const rows = await t()
      .database.db.selectFrom('api_tokens')
      .select('revoked_at')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows.map((r) => r.revoked_at)).toEqual([expect.any(Date)]);
  });

  it('does not bring back sessions or API tokens when a deactivated account is re-activated', async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'dispatcher' });
    const integration = await apiToken(user);
    const patch = (version: number, active: boolean) =>
      t().as(admin, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version, active } });
    expect((await patch(1, false)).statusCode).toBe(200);
    expect((await patch(2, true)).statusCode).toBe(200);
    expect((await whoAmI(integration)).statusCode).toBe(401);
    expect((await whoAmI(user)).statusCode).toBe(401);
    // The account itself works again: its owner logs in afresh.
    expect((await loginWithCookie(user.username)).token).toMatch(/^shs_/);
  });
});

describe('changing your own password', () => {
  it('keeps the calling session and its CSRF token, and ends the other sessions', async () => {
    const user = await t().user({ role: 'leader' });
    const browser = await loginWithCookie(user.username);
    const changed = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/auth/password',
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'my-new-password-1' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const write = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken },
      payload: { name: 'after the change' },
    });
    expect(write.statusCode).toBe(201);
    // `user.token` is the session the test factory opened: another session of the same account.
    expect((await whoAmI(user)).statusCode).toBe(401);
  });

  it('refuses the same password on a forced change, naming newPassword, and changes nothing', async () => {
    const admin = await t().user({ role: 'admin' });
    const user = await t().user({ role: 'leader' });
    await t().as(admin, {
      method: 'PUT',
      url: `/api/v1/users/${user.id}/password`,
      payload: { password: 'one-time-pass-1' },
    });
    const session = await loginWithCookie(user.username, 'one-time-pass-1');
    const fresh = { ...user, token: session.token };
    const same = await t().as(fresh, {
      method: 'PUT',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'one-time-pass-1', newPassword: 'one-time-pass-1' },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.newPassword', reason: 'must differ from the current password' }],
    });
    expect((await whoAmI(fresh)).json().user.mustChangePassword).toBe(true);
  });
});

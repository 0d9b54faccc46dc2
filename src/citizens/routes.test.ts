import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, type CaseCast } from '../../test/helpers/cases.js';
import {
  bearer,
  citizen,
  CITIZEN_PASSWORD,
  nextPhone,
  reportBody,
  submit,
  type Submitted,
  type TestCitizen,
} from '../../test/helpers/citizens.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

function signup(payload: Record<string, unknown>) {
  return t().app.inject({ method: 'POST', url: '/api/v1/citizens', payload });
}

function login(phone: string, password: string) {
  return t().app.inject({ method: 'POST', url: '/api/v1/citizens/session', payload: { phone, password } });
}

function me(headers: Record<string, string>) {
  return t().app.inject({ method: 'GET', url: '/api/v1/citizens/me', headers });
}

/** A valid 18-digit resident ID (GB 11643 check digit 2) of someone born in 1990. */
const ID_NUMBER = '110101199003076632';

describe('POST /citizens', () => {
  it('creates an account with the phone and ID numbers encrypted at rest', async () => {
    const phone = nextPhone();
    const response = await signup({
      phone,
      password: CITIZEN_PASSWORD,
      displayName: '小王',
      idNumber: ID_NUMBER,
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      id: number;
      phoneMasked: string;
      displayName: string;
      idNumberMasked: string;
    }>();
    expect(body).toMatchObject({
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      displayName: '小王',
      idNumberMasked: '1101**********6632',
    });
    const row = await t()
      .database.db.selectFrom('citizens')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^v1:t1:/);
    expect(row.id_number_enc).toMatch(/^v1:t1:/);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select(['action', 'actor_name', 'detail'])
      .where('target_type', '=', 'citizen')
      .where('target_id', '=', String(body.id))
      .execute();
    expect(audit).toEqual([
      { action: 'citizen.register', actor_name: `citizen:${body.id}`, detail: { idNumber: true } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('refuses a number already registered, however it is written', async () => {
    const phone = nextPhone();
    expect((await signup({ phone, password: CITIZEN_PASSWORD })).statusCode).toBe(201);
    const again = await signup({
      phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      password: CITIZEN_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'body.phone', reason: 'is already registered' }]);
  });

  it.each([
    ['body.phone', { phone: '12345' }],
    ['body.phone', { phone: '010-65123456' }],
    ['body.phone', { phone: undefined }],
    ['body.password', { password: 'short' }],
    ['body.password', { password: undefined }],
    ['body.idNumber', { idNumber: '110101199003076631' }],
    ['body.idNumber', { idNumber: '1101011990' }],
    ['body.displayName', { displayName: '名'.repeat(31) }],
    ['body.displayName', { displayName: 'a\u0007b' }],
    ['body.role', { role: 'admin' }],
  ])('refuses a bad %s and creates nothing', async (field, overrides) => {
    const before = await t().database.db.selectFrom('citizens').select('id').execute();
    const response = await signup({ phone: nextPhone(), password: CITIZEN_PASSWORD, ...overrides });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await t().database.db.selectFrom('citizens').select('id').execute()).toHaveLength(before.length);
  });
});

describe('citizen sessions', () => {
  it('logs in with an HTTP-only cookie and the same session as a bearer token', async () => {
    const phone = nextPhone();
    await signup({ phone, password: CITIZEN_PASSWORD });
    const response = await login(phone, CITIZEN_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ token: string; csrfToken: string; citizen: { phoneMasked: string } }>();
    expect(body.token).toMatch(/^shc_/);
    const cookie = response.cookies.find((c) => c.name === 'shuzhi_citizen')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', value: body.token });
    expect((await me(bearer(body))).json()).toMatchObject({ phoneMasked: body.citizen.phoneMasked });
    expect((await me({ cookie: `shuzhi_citizen=${cookie.value}` })).statusCode).toBe(200);
    const stored = await t().database.db.selectFrom('citizen_sessions').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(body.token);
  });

  it('throttles a registered and an unregistered number alike, and never locks the owner out', async () => {
    const phone = nextPhone();
    await signup({ phone, password: CITIZEN_PASSWORD });
    const answers = [];
    for (const [number, remoteAddress] of [
      [phone, '203.0.113.1'],
      [nextPhone(), '203.0.113.2'],
    ] as const) {
      const attempt = (password: string) =>
        t().app.inject({
          method: 'POST',
          url: '/api/v1/citizens/session',
          remoteAddress,
          payload: { phone: number, password },
        });
      for (let i = 0; i < 5; i++) {
        const wrong = await attempt('not-the-password');
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
      }
      const refused = await attempt(CITIZEN_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      answers.push(refused.json());
    }
    expect(Object.keys(answers[0]).sort()).toEqual(Object.keys(answers[1]).sort());
    expect(answers[0]).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(answers[1]).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // The owner, from their own address, is not affected by the guesses from elsewhere.
    expect((await login(phone, CITIZEN_PASSWORD)).statusCode).toBe(200);
  });

  it('logs in again, as another account, from a browser that still holds a citizen cookie', async () => {
    const first = await citizen(t());
    const secondPhone = nextPhone();
    await signup({ phone: secondPhone, password: CITIZEN_PASSWORD });
    const switched = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/session',
      headers: { cookie: first.cookie },
      payload: { phone: secondPhone, password: CITIZEN_PASSWORD },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().citizen.id).not.toBe(first.id);
  });

  it('refuses a malformed login body naming the field', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/session',
      payload: { phone: '13900000000' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toMatch(/password/);
  });

  it('logs out: the token stops working and the cookie is cleared', async () => {
    const who = await citizen(t());
    const out = await t().app.inject({
      method: 'DELETE',
      url: '/api/v1/citizens/session',
      headers: bearer(who),
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'shuzhi_citizen')?.value).toBe('');
    expect((await me(bearer(who))).statusCode).toBe(401);
    expect((await me({ cookie: who.cookie })).statusCode).toBe(401);
  });

  it('needs the CSRF token for writes authenticated by the cookie', async () => {
    const who = await citizen(t());
    const noToken = await t().app.inject({
      method: 'DELETE',
      url: '/api/v1/citizens/session',
      headers: { cookie: who.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const report = await submit(t(), reportBody(), { cookie: who.cookie });
    expect(report.statusCode).toBe(403);
    const withToken = await submit(t(), reportBody(), { cookie: who.cookie, 'x-csrf-token': who.csrfToken });
    expect(withToken.statusCode).toBe(201);
    const out = await t().app.inject({
      method: 'DELETE',
      url: '/api/v1/citizens/session',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    });
    expect(out.statusCode).toBe(204);
  });

  it('answers an invalid citizen bearer token 401, a stale cookie as no session', async () => {
    expect((await me({ authorization: 'Bearer shc_forged' })).statusCode).toBe(401);
    expect((await me({ cookie: 'shuzhi_citizen=shc_forged' })).statusCode).toBe(401);
    const anonymousReport = await submit(t(), reportBody(), { cookie: 'shuzhi_citizen=shc_forged' });
    expect(anonymousReport.statusCode).toBe(201);
  });
});

describe('citizens and staff never mix', () => {
  let who: TestCitizen;
  beforeAll(async () => {
    who = await citizen(t());
  });

  it.each([
    ['GET', '/api/v1/cases'],
    ['GET', '/api/v1/cases/count'],
    ['GET', '/api/v1/auth/session'],
    ['GET', '/api/v1/notifications'],
    ['POST', '/api/v1/files'],
    ['GET', '/api/v1/reopen-requests'],
  ])('refuses a citizen token on the staff endpoint %s %s', async (method, url) => {
    const response = await t().app.inject({ method: method as 'GET', url, headers: bearer(who) });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/citizen session cannot be used on staff endpoints/);
  });

  it('does not read the citizen cookie on staff endpoints', async () => {
    const response = await t().app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { cookie: who.cookie },
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['GET', '/api/v1/citizens/me'],
    ['GET', '/api/v1/citizens/me/reports'],
    ['DELETE', '/api/v1/citizens/session'],
  ])('refuses a staff token on the citizen endpoint %s %s', async (method, url) => {
    const response = await t().as(cast.operator, { method: method, url });
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['GET', '/api/v1/citizens/me'],
    ['GET', '/api/v1/citizens/me/reports'],
    ['DELETE', '/api/v1/citizens/session'],
  ])('asks the anonymous to log in on %s %s', async (method, url) => {
    const response = await t().app.inject({ method: method as 'GET', url });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /citizens/me/reports', () => {
  it('lists a citizen’s own reports, newest first, with paging; never another citizen’s', async () => {
    const alice = await citizen(t());
    const bob = await citizen(t());
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await submit(t(), reportBody(), bearer(alice));
      expect(response.statusCode).toBe(201);
      codes.push(response.json<Submitted>().trackingCode);
    }
    await submit(t(), reportBody(), bearer(bob));
    await submit(t(), reportBody());
    const first = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/reports?limit=2',
      headers: bearer(alice),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json<{
      items: Array<{ trackingCode: string; publicStatus: string }>;
      nextCursor: string;
    }>();
    expect(page1.items.map((i) => i.trackingCode)).toEqual([codes[2], codes[1]]);
    expect(page1.items[0]).toMatchObject({ publicStatus: 'received', canRate: false });
    const second = await t().app.inject({
      method: 'GET',
      url: `/api/v1/citizens/me/reports?limit=2&cursor=${page1.nextCursor}`,
      headers: bearer(alice),
    });
    const page2 = second.json<{ items: Array<{ trackingCode: string }>; nextCursor: string | null }>();
    expect(page2.items.map((i) => i.trackingCode)).toEqual([codes[0]]);
    expect(page2.nextCursor).toBeNull();
    const bobs = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/reports',
      headers: bearer(bob),
    });
    expect(
      bobs.json<{ items: Array<{ trackingCode: string }> }>().items.map((i) => i.trackingCode),
    ).not.toEqual(expect.arrayContaining([codes[0]]));
    expect(bobs.json<{ items: unknown[] }>().items).toHaveLength(1);
    const rows = await t()
      .database.db.selectFrom('public_reports')
      .select('citizen_id')
      .where('tracking_code', 'in', codes)
      .execute();
    expect(rows.map((r) => r.citizen_id)).toEqual([alice.id, alice.id, alice.id]);
  });

  it('refuses a bad cursor naming it', async () => {
    const who = await citizen(t());
    const response = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/reports?cursor=garbage',
      headers: bearer(who),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.cursor');
  });
});

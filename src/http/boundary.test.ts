/**
 * Issue #11 §1, §4 and §6: each defect the tester found, as a request that must now be a 4xx naming
 * the field (problem+json; Open311: its error list) and must change nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, filedCase, garbageReport, report, type CaseCast } from '../../test/helpers/cases.js';
import { componentBody, createDepartment } from '../../test/helpers/components.js';

const t = useTestApp();
let admin: TestUser;

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
});

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
/** A JSON body with `"__deep__"` replaced by arrays nested `depth` deep (too deep to stringify). */
const withDeep = (body: Record<string, unknown>, depth: number) => ({
  payload: JSON.stringify(body).replace('"__deep__"', '['.repeat(depth) + ']'.repeat(depth)),
  headers: { 'content-type': 'application/json' },
});

/** A 4xx problem whose errors name `field`; returns the problem for further checks. */
function expectRefusal(response: LightMyRequestResponse, field: string, status = 400) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<{ code: string; errors?: { field: string; reason: string }[] }>();
  expect(problem.errors?.map((e) => e.field)).toContain(field);
  return problem;
}

function expectOpen311Refusal(response: LightMyRequestResponse, status = 400) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const errors = response.json<{ code: number; description: string }[]>();
  expect(errors[0]?.code).toBe(status);
  return errors[0]!.description;
}

describe('strings refuse NUL and lone surrogates', () => {
  it('refuses a NUL in a login name (was 500 on PostgreSQL)', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a\u0000b', password: 'whatever-password' },
    });
    expectRefusal(response, 'body.username');
  });

  it('refuses a NUL in a query parameter', async () => {
    expectRefusal(await t().app.inject({ method: 'GET', url: '/api/v1/regions?q=%00' }), 'querystring.q');
  });

  it('refuses a lone surrogate percent-encoded in a query string', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/api/v1/regions?q=a%ED%A0%80b' });
    expectRefusal(response, 'querystring.q');
  });

  it('refuses a NUL in an Open311 path with an Open311 error list', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/open311/v2/requests/%00.json' });
    expect(expectOpen311Refusal(response)).toMatch(/NUL/);
  });

  it('refuses a NUL in an Open311 multipart field, which the route reads itself', async () => {
    const key = await t().as(admin, { method: 'POST', url: '/api/v1/open311/keys', payload: { name: 'mp' } });
    const part = (name: string, value: string) =>
      `--b0\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload =
      part('api_key', key.json<{ key: string }>().key) +
      part('lat', '39.9') +
      part('long', '116.4') +
      part('service_code', 'a\u0000b') +
      '--b0--\r\n';
    const response = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload,
      headers: { 'content-type': 'multipart/form-data; boundary=b0' },
    });
    expect(expectOpen311Refusal(response)).toMatch(/service_code: must not contain a NUL/);
  });

  it('refuses a lone surrogate instead of storing U+FFFD', async () => {
    const name = 'a\ud800b 城管局';
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/open311/keys',
      payload: { name },
    });
    expect(expectRefusal(response, 'body.name').code).toBe('VALIDATION_FAILED');
    const stored = await t().database.db.selectFrom('open311_api_keys').select('name').execute();
    expect(stored.some((row) => row.name.includes('\ufffd'))).toBe(false);
  });
});

describe('integers are bounded by the column they meet', () => {
  it.each([
    ['GET', '/api/v1/users/2147483648', 'params.id'],
    ['GET', '/api/v1/departments/1e308', 'params.id'],
    ['DELETE', '/api/v1/auth/tokens/2147483648', 'params.id'],
    ['GET', '/api/v1/webhooks/1/deliveries/9007199254740993', 'params.deliveryId'],
    ['GET', '/api/v1/cases?classificationId=2147483648', 'querystring.classificationId'],
    ['GET', '/api/v1/audit?actorId=2147483648', 'querystring.actorId'],
    ['POST', '/api/v1/notifications/read-all?upToId=1e308', 'querystring.upToId'],
    [
      'GET',
      '/api/v1/evaluations?object=department&from=2026-01-01&to=2026-01-31&classId=2147483648',
      'querystring.classId',
    ],
  ] as const)('%s %s is a 400 naming %s', async (method, url, field) => {
    expectRefusal(await t().as(admin, { method, url }), field);
  });

  it('refuses a version no int4 column holds', async () => {
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: { version: 2147483648, name: '改名' },
    });
    expectRefusal(response, 'body.version');
  });

  it('refuses a department id beyond int4 in a body', async () => {
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { name: 'x', url: 'https://example.gov.cn/h', topics: ['case.*'], departmentId: 1e308 },
    });
    expectRefusal(response, 'body.departmentId');
  });
});

describe('dates lie in 1900–2200', () => {
  it.each([
    ['GET', '/api/v1/cases?from=0000-01-01T00:00:00Z', 'querystring.from'],
    ['GET', '/api/v1/audit?from=0001-01-01T00:00:00Z', 'querystring.from'],
    ['DELETE', '/api/v1/calendar/overrides/0001-01-01', 'params.date'],
    [
      'GET',
      '/api/v1/evaluations?object=department&from=0001-01-01&to=0001-12-31&compare=yoy',
      'querystring.from',
    ],
  ] as const)('%s %s is a 400 naming %s', async (method, url, field) => {
    expectRefusal(await t().as(admin, { method, url }), field);
  });

  it('accepts the first and the last day of the range', async () => {
    const response = await t().as(admin, {
      method: 'GET',
      url: '/api/v1/audit?from=1900-01-01T00:00:00Z&to=2200-12-31T23:59:59Z',
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('refuses a component whose initialDate is in year 0', async () => {
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components',
      payload: componentBody(department.id, { initialDate: '0000-01-01' }),
    });
    expectRefusal(response, 'body.initialDate');
  });

  it('refuses an Open311 start_date in year 0 with an Open311 error list', async () => {
    const response = await t().app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z',
    });
    expect(expectOpen311Refusal(response)).toMatch(/start_date/);
  });
});

describe('cursors are checked against the list’s own key types', () => {
  const forged = [
    cursor(['x', 1]),
    cursor(['2026-01-01T00:00:00.000Z', 1.5]),
    cursor([2147483648]),
    cursor(['x']),
  ];
  it.each(['/api/v1/cases', '/api/v1/audit', '/api/v1/users', '/api/v1/departments', '/api/v1/webhooks'])(
    '%s refuses forged cursors with 400',
    async (list) => {
      for (const value of forged) {
        expectRefusal(
          await t().as(admin, { method: 'GET', url: `${list}?cursor=${value}` }),
          'querystring.cursor',
        );
      }
    },
  );
});

describe('JSON depth and shapes', () => {
  it('refuses component attributes nested 5,000 deep', async () => {
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components',
      ...withDeep(componentBody(department.id, { attributes: { nested: '__deep__' } }), 5000),
    });
    expect(expectRefusal(response, `body.attributes.nested${'[0]'.repeat(30)}`).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses a component geometry nested 5,000 deep', async () => {
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/components',
      ...withDeep(
        componentBody(department.id, { geometry: { type: 'Point', coordinates: '__deep__' } }),
        5000,
      ),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toMatch(/nested more than 32 deep/);
  });
});

describe('arrays where a string is expected', () => {
  it('refuses a one-element array where a nullable string is expected (POST /cases reporter.name, was 500)', async () => {
    const cast = await castFor(t());
    const response = await t().as(cast.operator, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        ...garbageReport(cast, { source: 'hotline' }),
        reporter: { name: ['x'], phone: '13800138000' },
      },
    });
    expectRefusal(response, 'body.reporter.name');
  });
});

describe('over-long and undecodable paths', () => {
  it('answers a 1,000-character path parameter with a 414 problem, not Fastify’s echo', async () => {
    const response = await t().as(admin, { method: 'GET', url: `/api/v1/departments/${'x'.repeat(1000)}` });
    expect(expectRefusal(response, 'params', 414)).toMatchObject({ code: 'VALIDATION_FAILED', status: 414 });
    expect(response.body).not.toContain('x'.repeat(300));
  });

  it('answers an undecodable path with a 400 problem', async () => {
    const response = await t().as(admin, { method: 'GET', url: '/api/v1/users/a%ED%A0%80b' });
    expectRefusal(response, 'params');
  });

  it('answers a 1,000-character Open311 id with an Open311 error list (XML for .xml)', async () => {
    const response = await t().app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${'1'.repeat(1000)}.xml`,
    });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toContain('<errors>');
  });
});

describe('case numbers wherever a case id is accepted (§4)', () => {
  let cast: CaseCast;
  beforeAll(async () => {
    cast = await castFor(t());
  });

  it('reads a case by its 19-digit number', async () => {
    const reported = await report(t(), cast.inspector, garbageReport(cast));
    expect(reported.number).toMatch(/^[0-9]{19}$/);
    const response = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported.number}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ id: number }>().id).toBe(reported.id);
  });

  it('acts on a case and reads its public notes by number', async () => {
    const filed = await filedCase(t(), cast);
    const notes = await t().as(cast.shiftLead, {
      method: 'GET',
      url: `/api/v1/cases/${filed.number}/public-notes`,
    });
    expect(notes.statusCode, notes.body).toBe(200);
    const response = await t().as(cast.dispatcher, {
      method: 'POST',
      url: `/api/v1/cases/${filed.number}/actions/dispatch`,
      payload: { version: filed.version, departmentId: cast.departmentId },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('names the number exactly as sent when no case has it (not a rounded one)', async () => {
    const response = await t().as(admin, { method: 'GET', url: '/api/v1/cases/1101012026120700031' });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ detail: string }>().detail).toBe('No case 1101012026120700031');
  });

  it.each(['9007199254740993', '12345678901234567', '1e3'])('refuses %s with 400', async (id) => {
    expectRefusal(await t().as(admin, { method: 'GET', url: `/api/v1/cases/${id}` }), 'params.id');
  });
});

describe('names refuse control and bidi-override characters (§6)', () => {
  it.each(['evil\u202Etxt.exe', 'bell\u0007', 'isolate\u2066x'])(
    'refuses an Open311 key name %j',
    async (name) => {
      const response = await t().as(admin, {
        method: 'POST',
        url: '/api/v1/open311/keys',
        payload: { name },
      });
      expectRefusal(response, 'body.name');
    },
  );

  it('refuses a department name with U+202E', async () => {
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: { name: '城管\u202E局', kind: 'urban_management', regionCode: '110101' },
    });
    expectRefusal(response, 'body.name');
  });

  it('refuses a reporter name with U+202E', async () => {
    const cast = await castFor(t());
    const response = await t().as(cast.operator, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: garbageReport(cast, {
        source: 'hotline',
        reporter: { name: '张\u202E三', phone: '13800138000' },
      }),
    });
    expectRefusal(response, 'body.reporter.name');
  });
});

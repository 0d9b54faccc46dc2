import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  castFor,
  report,
  garbageReport,
  step,
  photoOf,
  type CaseBody,
  type CaseCast,
} from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { parseXml } from '../../test/helpers/open311.js';
import * as S from '../../test/helpers/open311-schemas.js';

const t = useTestApp();
const ajv = new Ajv({ allErrors: true });
let cast: CaseCast;
let admin: TestUser;
let apiKey: string;

const W3C_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

function valid(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
}

/** Checks the document is well formed (a real XML parser) and returns its root element's name. */
function xmlRoot(xml: string): string {
  return parseXml(xml).root;
}

/** Text of every element `name` (no nesting of the same name in GeoReport). */
function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

function get(url: string) {
  return t().app.inject({ method: 'GET', url: `/open311/v2${url}` });
}

const centre = gridCentre(1, 1, 1);

beforeAll(async () => {
  cast = await castFor(t());
  admin = await t().user({ role: 'admin' });
  const created = await t().as(admin, {
    method: 'POST',
    url: '/api/v1/open311/keys',
    payload: { name: 'FixMyStreet' },
  });
  expect(created.statusCode, created.body).toBe(201);
  apiKey = created.json().key;
});

describe('API keys', () => {
  it('are shown once, listed by prefix, for administrators only, and stop working when revoked', async () => {
    const created = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/open311/keys',
      payload: { name: 'app' },
    });
    const { id, key, prefix } = created.json();
    expect(key).toMatch(/^o311_/);
    expect(key.startsWith(prefix)).toBe(true);
    const list = await t().as(admin, { method: 'GET', url: '/api/v1/open311/keys' });
    expect(list.body).not.toContain(key);
    expect(list.json().items.map((k: { id: number }) => k.id)).toContain(id);
    const stored = await t()
      .database.db.selectFrom('open311_api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key.slice(5));
    for (const method of ['GET', 'POST'] as const) {
      const refused = await t().as(cast.shiftLead, {
        method,
        url: '/api/v1/open311/keys',
        payload: method === 'POST' ? { name: 'x' } : undefined,
      });
      expect(refused.statusCode).toBe(403);
    }
    const post = (k: string) =>
      t().app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: {
          api_key: k,
          service_code: 'M06010',
          lat: centre.lat,
          long: centre.lng,
          description: '钥匙测试',
        },
      });
    expect((await post(key)).statusCode).toBe(201);
    expect((await t().as(admin, { method: 'DELETE', url: `/api/v1/open311/keys/${id}` })).statusCode).toBe(
      204,
    );
    expect((await t().as(admin, { method: 'DELETE', url: '/api/v1/open311/keys/999999' })).statusCode).toBe(
      404,
    );
    const revoked = await post(key);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toEqual([{ code: 403, description: 'api_key is invalid or revoked' }]);
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where target_type = 'open311_api_key' and target_id = ${String(id)} order by id`.execute(
      t().database.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['open311.key.create', 'open311.key.revoke']);
  });
});

describe('discovery and services', () => {
  it('answers discovery in JSON and XML', async () => {
    const json = await get('/discovery.json');
    expect(json.statusCode).toBe(200);
    valid(S.DISCOVERY_SCHEMA, json.json());
    const xml = await get('/discovery.xml');
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xmlRoot(xml.body)).toBe('discovery');
    expect(texts(xml.body, 'format')).toEqual(['text/xml', 'application/json']);
  });

  it('lists the active GB/T 47678.5-2026 classes as services, the same in both formats', async () => {
    const json = await get('/services.json');
    const services = json.json();
    valid(S.SERVICES_SCHEMA, services);
    const garbage = services.find((s: { service_code: string }) => s.service_code === 'M06010');
    expect(garbage).toMatchObject({ metadata: true, type: 'realtime' });
    expect(garbage.service_name.length).toBeGreaterThan(0);
    expect(garbage.group.length).toBeGreaterThan(0);
    expect(services.some((s: { service_code: string }) => s.service_code === 'C01001')).toBe(true);
    const xml = await get('/services.xml');
    expect(xmlRoot(xml.body)).toBe('services');
    expect(texts(xml.body, 'service_code')).toEqual(
      services.map((s: { service_code: string }) => s.service_code),
    );
  });

  it('defines each service’s attributes', async () => {
    const json = await get('/services/M06010.json');
    valid(S.SERVICE_DEFINITION_SCHEMA, json.json());
    expect(json.json().attributes.map((a: { code: string }) => a.code)).toEqual([
      'urgency',
      'address_detail',
      'contact_consent',
    ]);
    const xml = await get('/services/C01001.xml');
    expect(xmlRoot(xml.body)).toBe('service_definition');
    expect(texts(xml.body, 'key')).toEqual(['normal', 'urgent', 'yes', 'no']);
  });

  it.each([
    '/services/M99999.json',
    '/services/M99999.xml',
    '/services/nonsense.json',
    '/requests/1.json',
    '/tokens/nope.xml',
    '/services.csv',
    '/nothing.json',
  ])('%s is a 404 error list', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    if (url.endsWith('.xml')) {
      expect(xmlRoot(response.body)).toBe('errors');
      expect(texts(response.body, 'code')).toEqual(['404']);
    } else valid(S.ERRORS_SCHEMA, response.json());
  });
});

async function caseOf(user: TestUser, number: string): Promise<CaseBody> {
  const row = await t()
    .database.db.selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const response = await t().as(user, { method: 'GET', url: `/api/v1/cases/${row.id}` });
  return response.json<CaseBody>();
}

describe('a FixMyStreet-style client', () => {
  it('posts a form with attributes, reads XML back and follows the case to its closure', async () => {
    const posted = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      ...form({
        api_key: apiKey,
        service_code: 'M06010',
        lat: centre.lat.toFixed(6),
        long: centre.lng.toFixed(6),
        address_string: '东华门大街 <12> & 号',
        description: '路边垃圾 <script>alert("x")</script> & 异味',
        media_url: 'https://fms.example.org/photo/1.jpeg',
        email: 'citizen@example.org',
        first_name: '小明',
        last_name: '王',
        phone: '13800138000',
        device_id: 'device-42',
        'attribute[urgency]': 'urgent',
        'attribute[address_detail]': '东门"公交站"旁',
      }),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(xmlRoot(posted.body)).toBe('service_requests');
    const [id] = texts(posted.body, 'service_request_id');
    const [token] = texts(posted.body, 'token');
    expect(id).toMatch(/^110101\d{13}$/);

    const viaToken = await get(`/tokens/${token}.xml`);
    expect(xmlRoot(viaToken.body)).toBe('service_requests');
    expect(texts(viaToken.body, 'service_request_id')).toEqual([id]);

    const read = await get(`/requests/${id}.xml`);
    expect(xmlRoot(read.body)).toBe('service_requests');
    expect(texts(read.body, 'status')).toEqual(['open']);
    expect(texts(read.body, 'description')).toEqual(['路边垃圾 <script>alert("x")</script> & 异味']);
    expect(texts(read.body, 'address')).toEqual(['东华门大街 <12> & 号（东门"公交站"旁）']);
    expect(texts(read.body, 'media_url')).toEqual(['https://fms.example.org/photo/1.jpeg']);
    expect(Number(texts(read.body, 'lat')[0])).toBeCloseTo(centre.lat, 6);
    expect(Number(texts(read.body, 'long')[0])).toBeCloseTo(centre.lng, 6);
    expect(texts(read.body, 'requested_datetime')[0]).toMatch(W3C_OFFSET);
    expect(read.body).not.toContain('<expected_datetime>');
    expect(read.body).not.toContain('<agency_responsible>');

    // The case is a public report, urgent, and no contact data was stored anywhere.
    let c = await caseOf(cast.shiftLead, id!);
    expect(c).toMatchObject({ source: 'public', urgency: 'urgent', status: 'reported' });
    for (const table of ['cases', 'case_events', 'audit_log', 'outbox', 'open311_requests']) {
      const hit = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} x where x::text like ${'%citizen@example.org%'} or x::text like ${'%13800138000%'} or x::text like ${'%device-42%'} or x::text like ${'%小明%'}`.execute(
        t().database.db,
      );
      expect(hit.rows[0]!.n, table).toBe(0);
    }

    const json = async () => {
      const response = await get(`/requests/${id}.json`);
      valid(S.REQUESTS_SCHEMA, response.json());
      return response.json()[0];
    };
    expect(await json()).toMatchObject({
      status: 'open',
      status_notes: '已受理，等待立案审核',
      expected_datetime: null,
    });

    c = await step(t(), cast.shiftLead, c, 'file');
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    const dispatched = await json();
    expect(dispatched).toMatchObject({ status: 'open', status_notes: '已派遣至处置部门' });
    expect(dispatched.agency_responsible).toMatch(/^测试城管执法局/);
    c = await step(t(), cast.handler, c, 'accept');
    const accepted = await json();
    expect(accepted.status).toBe('open');
    expect(accepted.expected_datetime).toMatch(W3C_OFFSET);
    // W3C datetimes are to the second.
    expect(new Date(accepted.expected_datetime).getTime()).toBe(
      Math.floor(new Date(c.handlingDueAt as string).getTime() / 1000) * 1000,
    );
    c = await step(t(), cast.handler, c, 'handle', {
      note: '已清理',
      afterPhotoIds: [await photoOf(t(), cast.handler)],
    });
    c = await step(t(), cast.operator, c, 'send-verify');
    c = await step(t(), cast.inspector, c, 'pass', { note: '核查通过' });
    expect((await json()).status).toBe('open');
    c = await step(t(), cast.shiftLead, c, 'close');
    expect(await json()).toMatchObject({ status: 'closed', status_notes: '已结案' });
    const closedXml = await get(`/requests/${id}.xml`);
    expect(texts(closedXml.body, 'status')).toEqual(['closed']);
  });
});

describe('a JSON client', () => {
  let id: string;

  it('posts JSON with an attribute object and finds the request with every filter', async () => {
    const posted = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: apiKey,
        service_code: 'C01001',
        lat: centre.lat,
        long: centre.lng,
        description: '井盖松动',
        attribute: { urgency: 'normal', address_detail: '3号楼北侧' },
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    valid(S.POST_RESPONSE_SCHEMA, posted.json());
    id = posted.json()[0].service_request_id;
    const token = posted.json()[0].token;
    const resolved = await get(`/tokens/${token}.json`);
    valid(S.TOKENS_SCHEMA, resolved.json());
    expect(resolved.json()).toEqual([{ service_request_id: id, token }]);

    const ids = async (query: string) => {
      const response = await get(`/requests.json${query}`);
      expect(response.statusCode, response.body).toBe(200);
      valid(S.REQUESTS_SCHEMA, response.json());
      return response.json().map((r: { service_request_id: string }) => r.service_request_id);
    };
    expect(await ids('')).toContain(id);
    expect(await ids(`?service_request_id=${id},nonexistent`)).toEqual([id]);
    expect(await ids('?service_code=C01001')).toContain(id);
    expect(await ids('?service_code=M06010')).not.toContain(id);
    expect(await ids('?service_code=M06010,C01001')).toContain(id);
    expect(await ids('?status=open')).toContain(id);
    expect(await ids('?status=closed')).not.toContain(id);
    expect(await ids('?status=open,closed')).toContain(id);
    const today = new Date();
    const start = new Date(today.getTime() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const end = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 19) + '+00:00';
    expect(await ids(`?start_date=${start}&end_date=${encodeURIComponent(end)}`)).toContain(id);
    expect(await ids('?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).toEqual([]);
    const all = await ids('');
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await ids('?page_size=1')).toEqual(all.slice(0, 1));
    expect(await ids('?page_size=1&page=2')).toEqual(all.slice(1, 2));
    const xml = await get(`/requests.xml?service_code=C01001`);
    expect(xmlRoot(xml.body)).toBe('service_requests');
    expect(texts(xml.body, 'service_request_id')).toContain(id);
  });

  it('takes the api_key from the query string, multi-value attributes, and ignores unknown attributes', async () => {
    const posted = await t().app.inject({
      method: 'POST',
      url: `/open311/v2/requests.json?api_key=${apiKey}`,
      ...form({ service_code: 'M06010', lat: String(centre.lat), long: String(centre.lng) }),
      payload:
        new URLSearchParams({
          service_code: 'M06010',
          lat: String(centre.lat),
          long: String(centre.lng),
        }).toString() + '&attribute[colour][]=red&attribute[colour][]=blue&attribute[urgency]=normal',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const number = posted.json()[0].service_request_id;
    const [read] = (await get(`/requests/${number}.json`)).json();
    expect(read.description.length).toBeGreaterThan(0);
    const row = await t()
      .database.db.selectFrom('open311_requests as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select('r.attributes')
      .where('c.number', '=', number)
      .executeTakeFirstOrThrow();
    expect(row.attributes).toEqual({ urgency: 'normal' });
  });

  it('does not show cases from other channels (inspectors, hotline …)', async () => {
    const inspectorCase = await report(t(), cast.inspector, garbageReport(cast));
    const response = await get(`/requests.json?service_request_id=${inspectorCase.number}`);
    expect(response.json()).toEqual([]);
    expect((await get(`/requests/${inspectorCase.number}.json`)).statusCode).toBe(404);
  });
});

describe('errors', () => {
  const base = {
    service_code: 'M06010',
    lat: centre.lat.toFixed(6),
    long: centre.lng.toFixed(6),
    description: 'x',
  };
  async function post(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
    return t().app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, ...form(fields) });
  }

  it('refuses a POST without an api_key or with a wrong one: 403, in the request’s format', async () => {
    const json = await post(base);
    expect(json.statusCode).toBe(403);
    expect(json.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    const xml = await post({ ...base, api_key: 'o311_wrong' }, 'xml');
    expect(xml.statusCode).toBe(403);
    expect(xmlRoot(xml.body)).toBe('errors');
    expect(texts(xml.body, 'code')).toEqual(['403']);
  });

  it.each([
    ['an unknown service_code', { service_code: 'M99999' }, /service_code M99999 not found/],
    ['no service_code', { service_code: '' }, /service_code is required/],
    ['lat 91', { lat: '91' }, /^lat must be/],
    ['lat abc', { lat: 'abc' }, /^lat must be/],
    ['lat without long', { long: '' }, /lat and long must be given together/],
    ['an address_string only', { lat: '', long: '', address_string: '东华门大街 1 号' }, /does not geocode/],
    ['a point outside the district', { lat: '39.0', long: '116.0' }, /outside the area/],
    ['an unknown urgency', { 'attribute[urgency]': 'asap' }, /attribute\[urgency\]/],
    ['a javascript: media_url', { media_url: 'javascript:alert(1)' }, /media_url/],
    ['a 4001-character description', { description: 'x'.repeat(4001) }, /description must not exceed 4000/],
  ])('refuses a POST with %s: 400, and writes nothing', async (_label, overrides, message) => {
    const before = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await post({ ...base, api_key: apiKey, ...overrides });
    expect(response.statusCode, response.body).toBe(400);
    valid(S.ERRORS_SCHEMA, response.json());
    expect(
      response
        .json()
        .map((e: { description: string }) => e.description)
        .join('\n'),
    ).toMatch(message);
    const after = await t()
      .database.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it.each([
    '?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
    '?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
    '?start_date=yesterday',
    '?status=pending',
    '?service_code=06010',
    '?page_size=1001',
    '?page=0',
  ])('refuses GET /requests%s with 400', async (query) => {
    const json = await get(`/requests.json${query}`);
    expect(json.statusCode).toBe(400);
    valid(S.ERRORS_SCHEMA, json.json());
    const xml = await get(`/requests.xml${query}`);
    expect(xml.statusCode).toBe(400);
    expect(xmlRoot(xml.body)).toBe('errors');
  });
});

describe('the OpenAPI document', () => {
  it('stays valid with the Open311 routes and lists them', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/openapi.json' });
    const result = await new Validator().validate(response.json());
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining([
        '/open311/v2/requests.{format}',
        '/open311/v2/services/{file}',
        '/api/v1/open311/keys',
      ]),
    );
  });
});

describe('rate limits', () => {
  // Its own app with small limits, started in a hook (a database takes a while under load).
  const smallApp = useTestApp({ open311: { keyRateLimit: 2, addressRateLimit: 6, readRateLimit: 6 } });
  it('limit POSTs per api_key, and reads per client address, answering 429 as an error list', async () => {
    const small = smallApp();
    const adminUser = await small.user({ role: 'admin' });
    const key = (
      await small.as(adminUser, { method: 'POST', url: '/api/v1/open311/keys', payload: { name: 'k' } })
    ).json().key;
    const other = (
      await small.as(adminUser, { method: 'POST', url: '/api/v1/open311/keys', payload: { name: 'k2' } })
    ).json().key;
    const post = (k: string, ip: string) =>
      small.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.xml',
        remoteAddress: ip,
        ...form({ api_key: k, service_code: 'M99999' }),
      });
    // Per key, whatever the address.
    expect((await post(key, '10.0.0.1')).statusCode).toBe(400);
    expect((await post(key, '10.0.0.2')).statusCode).toBe(400);
    const limited = await post(key, '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(xmlRoot(limited.body)).toBe('errors');
    expect(texts(limited.body, 'code')).toEqual(['429']);
    expect(texts(limited.body, 'description')[0]).toMatch(/per api_key/);
    expect((await post(other, '10.0.0.4')).statusCode).toBe(400);
    // Reads per address, whatever the endpoint (10.0.0.9 has made no request yet).
    for (let i = 0; i < 6; i++)
      expect(
        (await small.app.inject({ url: '/open311/v2/services.json', remoteAddress: '10.0.0.9' })).statusCode,
      ).toBe(200);
    const byAddress = await small.app.inject({
      url: '/open311/v2/services.json',
      remoteAddress: '10.0.0.9',
    });
    expect(byAddress.statusCode).toBe(429);
    expect(byAddress.json()).toEqual([
      { code: 429, description: expect.stringMatching(/per client address/) },
    ]);
    expect(
      (await small.app.inject({ url: '/open311/v2/services.json', remoteAddress: '10.0.0.8' })).statusCode,
    ).toBe(200);
  });
});

/**
 * Privacy and abuse (issue #4 §4) on the Open311 side: reporter contact data goes to the reporters
 * module (encrypted, masked, audited) and never into an Open311 answer; sensitive classes are shown
 * rounded, without address or photos; duplicates are answered idempotently; body, file and
 * jurisdiction limits; the demo key.
 */
import { Ajv } from 'ajv';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, step, type CaseBody, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { phonePhoto } from '../../test/helpers/images.js';
import { ensureDemoApiKey } from './service.js';
import { DEMO_API_KEY } from './settings.js';
import { parseXml, xmlItems } from '../../test/helpers/open311.js';
import * as S from '../../test/helpers/open311-schemas.js';

const t = useTestApp({ open311: { bodyLimitBytes: 8192, jurisdictionId: 'dongcheng' } });
const ajv = new Ajv({ allErrors: true });
let cast: CaseCast;
let apiKey: string;
let admin: TestUser;

function valid(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
}

const centre = gridCentre(1, 2, 1);

function form(fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

function post(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
  return t().app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    ...form({ api_key: apiKey, ...fields }),
  });
}

const get = (url: string) => t().app.inject({ url: `/open311/v2${url}` });

async function caseIdOf(number: string): Promise<number> {
  const row = await t()
    .database.db.selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function countCases(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t().database.db);
  return r.rows[0]!.n;
}

beforeAll(async () => {
  cast = await castFor(t());
  admin = await t().user({ role: 'admin' });
  apiKey = (
    await t().as(admin, { method: 'POST', url: '/api/v1/open311/keys', payload: { name: 'app' } })
  ).json().key;
});

describe('reporter contact data', () => {
  const contact = {
    email: 'Wang.Xiaoming@example.org',
    first_name: '小明',
    last_name: '王',
    phone: '+86 138-0013-8000',
    device_id: 'device-5f3a9c',
  };
  let number: string;

  it('is stored encrypted in the reporters module, with the consent, and nowhere else', async () => {
    const posted = await post({
      service_code: 'M06010',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
      description: '垃圾桶满溢',
      ...contact,
      'attribute[contact_consent]': 'yes',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    number = posted.json()[0].service_request_id;
    const caseId = await caseIdOf(number);
    const stored = await t()
      .database.db.selectFrom('case_reporters')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored.contact_consent).toBe(true);
    for (const column of ['name_enc', 'phone_enc', 'email_enc'] as const)
      expect(stored[column]).toMatch(/^v1:t1:/);
    const plaintexts = ['Wang.Xiaoming', '13800138000', '王小明', 'device-5f3a9c'];
    for (const table of [
      'cases',
      'case_events',
      'case_reporters',
      'audit_log',
      'outbox',
      'notifications',
      'open311_requests',
      'open311_tokens',
    ]) {
      for (const text of plaintexts) {
        const hit = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} x
          where x::text like ${`%${text}%`}`.execute(t().database.db);
        expect(hit.rows[0]!.n, `${text} in ${table}`).toBe(0);
      }
    }
  });

  it('is read in full only by the supervision centre (audited), masked by the department, never by inspectors', async () => {
    const caseId = await caseIdOf(number);
    const full = await t().as(cast.shiftLead, {
      method: 'GET',
      url: `/api/v1/cases/${caseId}/reporter?full=true`,
    });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toMatchObject({
      masked: false,
      name: '王小明',
      phone: '13800138000',
      email: 'Wang.Xiaoming@example.org',
      contactConsent: true,
    });
    let c = (
      await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${caseId}` })
    ).json<CaseBody>();
    c = await step(t(), cast.shiftLead, c, 'file');
    await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    const masked = await t().as(cast.handler, { method: 'GET', url: `/api/v1/cases/${caseId}/reporter` });
    expect(masked.json()).toMatchObject({
      masked: true,
      name: '王**',
      phone: '138****8000',
      email: 'W***@e***.org',
    });
    expect(
      (await t().as(cast.handler, { method: 'GET', url: `/api/v1/cases/${caseId}/reporter?full=true` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t().as(cast.inspector, { method: 'GET', url: `/api/v1/cases/${caseId}/reporter` })).statusCode,
    ).toBe(403);
    const audits = await sql<{ detail: { full: boolean; fields: string[] } }>`
      select detail from audit_log where action = 'reporter.read' and target_id = ${String(caseId)} order by id`.execute(
      t().database.db,
    );
    expect(audits.rows.map((r) => r.detail)).toEqual([
      { full: true, fields: ['name', 'phone', 'email'] },
      { full: false, fields: ['name', 'phone', 'email'] },
    ]);
  });

  it('never appears in any Open311 answer', async () => {
    const urls = [
      `/requests/${number}.json`,
      `/requests/${number}.xml?extensions=true`,
      `/requests.json?extensions=true`,
      `/requests.xml`,
      `/servicerequestupdates.json`,
      `/servicerequestupdates.xml?service_request_id=${number}`,
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      for (const text of ['Wang', 'example.org', '13800138000', '小明', 'device-5f3a9c'])
        expect(response.body, `${text} in ${url}`).not.toContain(text);
    }
    valid(S.REQUESTS_SCHEMA, (await get('/requests.json?extensions=true')).json());
  });

  it('is refused when malformed (400 naming the Open311 field), and nothing is written', async () => {
    const before = await countCases();
    for (const [fields, message] of [
      [{ phone: '12345' }, /^phone: must be a mainland mobile/],
      [{ email: 'not an address' }, /^email: must be an e-mail address/],
      [{ first_name: 'x'.repeat(60) }, /^first_name\/last_name: must be at most 50/],
      [{ 'attribute[contact_consent]': 'perhaps' }, /^attribute\[contact_consent\] must be yes or no/],
    ] as const) {
      const response = await post({
        service_code: 'M06010',
        lat: centre.lat.toFixed(6),
        long: centre.lng.toFixed(6),
        description: `坏的联系方式 ${JSON.stringify(fields)}`,
        ...fields,
      });
      expect(response.statusCode, response.body).toBe(400);
      valid(S.ERRORS_SCHEMA, response.json());
      expect(response.json()[0].description).toMatch(message);
    }
    expect(await countCases()).toBe(before);
  });

  it('is not required: a report without contact data has no reporter row', async () => {
    const posted = await post({
      service_code: 'M06010',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
      description: '匿名上报',
    });
    const caseId = await caseIdOf(posted.json()[0].service_request_id);
    const rows = await t()
      .database.db.selectFrom('case_reporters')
      .select('case_id')
      .where('case_id', '=', caseId)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('sensitive classes', () => {
  it('show the location rounded, no address and no photo; their photos are not served', async () => {
    const lat = centre.lat + 0.000_123_4;
    const lng = centre.lng + 0.000_234_5;
    const posted = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: (() => {
        const f = new FormData();
        for (const [k, v] of Object.entries({
          api_key: apiKey,
          service_code: 'M09003',
          lat: lat.toFixed(6),
          long: lng.toFixed(6),
          address_string: '某小区 3 号楼门口',
          description: '有人在楼门口露宿',
        }))
          f.append(k, v);
        return f;
      })(),
    });
    // A multipart body without a file is fine too.
    expect(posted.statusCode, posted.body).toBe(201);
    const number = posted.json()[0].service_request_id;
    const [view] = (await get(`/requests/${number}.json?extensions=true`)).json();
    expect(view.lat).toBe(Math.round(lat * 1000) / 1000);
    expect(view.long).toBe(Math.round(lng * 1000) / 1000);
    expect(view.address).toBeNull();
    expect(view.media_url).toBeNull();
    expect(view.extended_attributes).toMatchObject({ location_rounded: true, photos: [] });
    // The case itself keeps the exact point and address for staff.
    const row = await sql<{ lat: number; address: string }>`
      select ST_Y(location) as lat, address from cases where number = ${number}`.execute(t().database.db);
    expect(row.rows[0]!.lat).toBeCloseTo(lat, 6);
    expect(row.rows[0]!.address).toBe('某小区 3 号楼门口');

    // An update photo of a sensitive request is stored for staff but never served publicly.
    const update = new FormData();
    update.append('api_key', apiKey);
    update.append('service_request_id', number);
    update.append('media', new Blob([await phonePhoto(80, 80)], { type: 'image/jpeg' }), 'p.jpg');
    const posted2 = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      payload: update,
    });
    expect(posted2.statusCode, posted2.body).toBe(201);
    const media = await t()
      .database.db.selectFrom('open311_media')
      .select('file_id')
      .where('case_id', '=', await caseIdOf(number))
      .executeTakeFirstOrThrow();
    expect((await get(`/media/${media.file_id}.jpeg`)).statusCode).toBe(404);
  });

  it('do not reveal other case photos through the media route', async () => {
    const upload = new FormData();
    upload.append('file', new Blob([await phonePhoto(64, 64)], { type: 'image/jpeg' }), 'x.jpg');
    const file = await t().as(cast.inspector, { method: 'POST', url: '/api/v1/files', payload: upload });
    const id = file.json().files[0].id;
    const response = await get(`/media/${id}.jpeg`);
    expect(response.statusCode).toBe(404);
    valid(S.ERRORS_SCHEMA, response.json());
    expect((await get('/media/not-a-uuid.jpeg')).statusCode).toBe(404);
  });
});

describe('duplicates', () => {
  const report = {
    service_code: 'M06010',
    lat: centre.lat.toFixed(6),
    long: centre.lng.toFixed(6),
    description: '同一个问题   重复提交',
    deviceid: 'phone-1',
  };

  it('answer the same report from the same device within minutes with the original ids (200), once', async () => {
    const before = await countCases();
    const first = await post(report);
    expect(first.statusCode).toBe(201);
    const again = await post({ ...report, description: '同一个问题 重复提交' }, 'xml');
    expect(again.statusCode).toBe(200);
    const [request] = xmlItems<Record<string, string>>(again.body, 'service_requests', 'request');
    expect(request).toMatchObject({
      service_request_id: first.json()[0].service_request_id,
      token: first.json()[0].token,
    });
    // Concurrent retries are one report too.
    const racing = await Promise.all([post(report), post(report)]);
    expect(racing.map((r) => r.json()[0].service_request_id)).toEqual([
      first.json()[0].service_request_id,
      first.json()[0].service_request_id,
    ]);
    expect(await countCases()).toBe(before + 1);
    // Another device, another text or another place is another report.
    expect((await post({ ...report, deviceid: 'phone-2' })).statusCode).toBe(201);
    expect((await post({ ...report, description: '另一个问题' })).statusCode).toBe(201);
    expect((await post({ ...report, lat: (centre.lat + 0.0002).toFixed(6) })).statusCode).toBe(201);
    expect(await countCases()).toBe(before + 4);
  });

  it('of an update (same text again, no update_id) answer the first update_id', async () => {
    const number = (await post({ ...report, deviceid: 'phone-9' })).json()[0].service_request_id;
    const update = () =>
      t().app.inject({
        method: 'POST',
        url: '/open311/v2/servicerequestupdates.json',
        ...form({ api_key: apiKey, service_request_id: number, description: '还没处理' }),
      });
    const first = await update();
    expect(first.statusCode).toBe(201);
    const second = await update();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
  });
});

describe('limits', () => {
  it('refuse a form body over the limit with 413 in the spec’s error format', async () => {
    const response = await post({ service_code: 'M06010', description: '长'.repeat(4000) }, 'xml');
    expect(response.statusCode).toBe(413);
    expect(parseXml(response.body).root).toBe('errors');
    const json = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: apiKey, description: 'x'.repeat(9000) },
    });
    expect(json.statusCode).toBe(413);
    valid(S.ERRORS_SCHEMA, json.json());
  });

  it('answer only the configured jurisdiction_id', async () => {
    expect((await get('/services.json?jurisdiction_id=dongcheng')).statusCode).toBe(200);
    expect((await get('/services.json')).statusCode).toBe(200);
    const other = await get('/services.xml?jurisdiction_id=xicheng');
    expect(other.statusCode).toBe(404);
    expect(xmlItems(other.body, 'errors', 'error')).toEqual([
      { code: '404', description: 'jurisdiction_id xicheng is not served here' },
    ]);
    const before = await countCases();
    const posted = await post({
      jurisdiction_id: 'xicheng',
      service_code: 'M06010',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
    });
    expect(posted.statusCode).toBe(404);
    expect(await countCases()).toBe(before);
  });

  it('refuse updates without a key (403), without text or photo (400), for an unknown request (404)', async () => {
    const update = (fields: Record<string, string>) =>
      t().app.inject({ method: 'POST', url: '/open311/v2/servicerequestupdates.json', ...form(fields) });
    expect((await update({ service_request_id: '1', description: 'x' })).json()).toEqual([
      { code: 403, description: 'api_key is required' },
    ]);
    const empty = await update({ api_key: apiKey, service_request_id: '1' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()[0].description).toMatch(/description is required/);
    expect((await update({ api_key: apiKey, service_request_id: '1', description: 'x' })).statusCode).toBe(
      404,
    );
  });
});

describe('the demo key', () => {
  it('is created once by the demo seed and works like any key', async () => {
    expect(await ensureDemoApiKey(t().database.db, DEMO_API_KEY)).toBe(true);
    expect(await ensureDemoApiKey(t().database.db, DEMO_API_KEY)).toBe(false);
    const posted = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: DEMO_API_KEY,
        service_code: 'M06010',
        lat: centre.lat,
        long: centre.lng,
        description: '演示密钥',
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const stored = await t()
      .database.db.selectFrom('open311_api_keys')
      .select(['key_hash', 'prefix'])
      .where('prefix', '=', DEMO_API_KEY.slice(0, 12))
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(DEMO_API_KEY);
  });
});

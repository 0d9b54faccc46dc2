/**
 * Conformance: the API driven exactly as FixMyStreet's production client drives it (form posts with
 * attribute[...], 6-decimal lat/long, deviceid, names and email, XML GETs, token follow-up, update
 * polling and update posting), and as a JSON client with multipart media; JSON answers checked
 * against schemas written from the spec, XML answers parsed with a real XML parser. Staff act on
 * the cases through the ordinary case API and the Open311 view follows.
 */
import { randomBytes } from 'node:crypto';
import { Ajv } from 'ajv';
import { sql } from 'kysely';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, step, photoOf, type CaseBody, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { PDF_BYTES, phonePhoto } from '../../test/helpers/images.js';
import { FixMyStreetClient, parseXml, xmlItems } from '../../test/helpers/open311.js';
import * as S from '../../test/helpers/open311-schemas.js';

const t = useTestApp({ open311: { mediaMaxBytes: 300_000 } });
const ajv = new Ajv({ allErrors: true });
let cast: CaseCast;
let apiKey: string;
let fms: FixMyStreetClient;

const W3C_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

function valid(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
}

const centre = gridCentre(1, 1, 2);

async function caseByNumber(user: TestUser, number: string): Promise<CaseBody> {
  const row = await t()
    .database.db.selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return (await t().as(user, { method: 'GET', url: `/api/v1/cases/${row.id}` })).json<CaseBody>();
}

beforeAll(async () => {
  cast = await castFor(t());
  const admin = await t().user({ role: 'admin' });
  const created = await t().as(admin, {
    method: 'POST',
    url: '/api/v1/open311/keys',
    payload: { name: 'FixMyStreet' },
  });
  apiKey = created.json().key;
  fms = new FixMyStreetClient(t(), apiKey, 'shuzhi');
});

describe('FixMyStreet’s client', () => {
  it('reads the services and their definitions in XML', async () => {
    const services = xmlItems<Record<string, string>>(
      (await fms.get('services.xml')).body,
      'services',
      'service',
    );
    const garbage = services.find((s) => s.service_code === 'M06010')!;
    expect(garbage).toMatchObject({ metadata: 'true', type: 'realtime' });
    expect(services.find((s) => s.service_code === 'M06001')).toMatchObject({ type: 'batch' });
    const definition = parseXml((await fms.get('services/M06010.xml')).body);
    expect(definition.root).toBe('service_definition');
    const attributes = (definition.value.attributes as { attribute: Array<Record<string, unknown>> })
      .attribute;
    expect(attributes.map((a) => a.code)).toEqual(['urgency', 'address_detail', 'contact_consent']);
    expect((attributes[0]!.values as { value: unknown[] }).value).toEqual([
      { key: 'normal', name: '一般' },
      { key: 'urgent', name: '紧急' },
    ]);
  });

  it('sends a report, polls its updates, posts an update and sees it fixed as staff act', async () => {
    const started = new Date(Date.now() - 1000);
    // _populate_service_request_params with extended_description, always_send_latlong, a phone,
    // an image_url, use_service_as_deviceid and the report's extra fields as attribute[...].
    const sent = await fms.sendServiceRequest({
      email: 'xiaoming@example.org',
      description: '路边垃圾堆积\n\n东华门大街路口垃圾无人清理\n\nhttps://fms.example.org/report/77\n',
      service_code: 'M06010',
      first_name: '小明',
      last_name: '王',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
      phone: '13800138000',
      media_url: 'https://fms.example.org/photo/77.0.full.jpeg',
      deviceid: 'FixMyStreet iOS',
      'attribute[urgency]': 'urgent',
      'attribute[contact_consent]': 'yes',
    });
    expect(sent.response.statusCode, sent.response.body).toBe(201);
    const id = sent.id as string;
    expect(id).toMatch(/^110101\d{13}$/);

    // get_service_requests: the comma list, in XML.
    const read = async () => {
      const response = await fms.get('requests.xml', { service_request_id: id });
      expect(response.statusCode).toBe(200);
      const [request] = xmlItems<Record<string, string>>(response.body, 'service_requests', 'request');
      return request!;
    };
    expect(await read()).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'M06010',
      media_url: 'https://fms.example.org/photo/77.0.full.jpeg',
      lat: String(Number(centre.lat.toFixed(6))),
    });
    expect((await read()).requested_datetime).toMatch(W3C_OFFSET);

    let c = await caseByNumber(cast.shiftLead, id);
    expect(c).toMatchObject({ source: 'public', urgency: 'urgent', status: 'reported' });
    c = await step(t(), cast.shiftLead, c, 'file');
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    c = await step(t(), cast.handler, c, 'accept');

    // update_comments: the window since the last run, items keyed by update_id.
    let updates = (await fms.serviceRequestUpdates(started, new Date(Date.now() + 1000))).filter(
      (u) => u.service_request_id === id,
    );
    expect(updates.map((u) => [u.status, u.external_status_code, u.description])).toEqual([
      ['open', 'file', '已立案，等待派遣'],
      ['action_scheduled', 'dispatch', '已派遣至处置部门'],
      ['in_progress', 'accept', '处置部门已接收，正在处置'],
    ]);
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(3);
    for (const u of updates) expect(u.updated_datetime).toMatch(W3C_OFFSET);
    expect((await read()).agency_responsible).toMatch(/^测试城管执法局/);

    // post_service_request_update (_populate_service_request_update_params).
    const updateParams = {
      updated_datetime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      service_request_id: id,
      status: 'OPEN',
      email: 'xiaoming@example.org',
      description: '垃圾还在，而且越来越多了',
      last_name: '王',
      first_name: '小明',
      update_id: '9001',
      media_url: 'https://fms.example.org/photo/c/9001.full.jpeg',
      email_alerts_requested: 'FALSE',
      title: 'MR',
    };
    const posted = await fms.post('servicerequestupdates.xml', updateParams);
    expect(posted.statusCode, posted.body).toBe(201);
    const [answer] = xmlItems<{ update_id: string }>(
      posted.body,
      'service_request_updates',
      'request_update',
    );
    expect(answer!.update_id).toMatch(/^\d+$/);
    // A retry of the same comment (same update_id) is the same update.
    const retried = await fms.post('servicerequestupdates.xml', updateParams);
    expect(retried.statusCode).toBe(200);
    expect(
      xmlItems<{ update_id: string }>(retried.body, 'service_request_updates', 'request_update')[0]!
        .update_id,
    ).toBe(answer!.update_id);
    // The supervision centre sees it: a citizen-update event and a notification to its supervisors.
    c = await caseByNumber(cast.shiftLead, id);
    const timeline = (
      c as unknown as { timeline: Array<{ action: string; note: string | null; id: number }> }
    ).timeline;
    const citizen = timeline.filter((e) => e.action === 'citizen-update');
    expect(citizen).toHaveLength(1);
    expect(String(citizen[0]!.id)).toBe(answer!.update_id);
    expect(citizen[0]!.note).toContain('垃圾还在');
    expect(c.status).toBe('in_progress');
    const notified = await sql<{ n: number }>`
      select count(*)::int as n from notifications
      where user_id = ${cast.shiftLead.id} and title like ${`市民补充信息：${id}%`}`.execute(t().database.db);
    expect(notified.rows[0]!.n).toBe(1);
    // Its own update does not come back in the polling (FixMyStreet already has it).
    updates = await fms.serviceRequestUpdates(started, new Date(Date.now() + 1000));
    expect(updates.map((u) => u.update_id)).not.toContain(answer!.update_id);

    c = await step(t(), cast.handler, c, 'handle', {
      note: '已清理',
      afterPhotoIds: [await photoOf(t(), cast.handler)],
    });
    c = await step(t(), cast.operator, c, 'send-verify');
    c = await step(t(), cast.inspector, c, 'pass', { note: '核查通过' });
    c = await step(t(), cast.shiftLead, c, 'close');
    updates = (await fms.serviceRequestUpdates(started, new Date(Date.now() + 1000))).filter(
      (u) => u.service_request_id === id,
    );
    expect(updates.map((u) => u.status)).toEqual([
      'open',
      'action_scheduled',
      'in_progress',
      'in_progress',
      'in_progress',
      'fixed',
    ]);
    const fixed = updates.at(-1)!;
    expect(fixed.description).toBe('已结案');
    expect(fixed.media_url).toMatch(/^http:\/\/[^/]+\/open311\/v2\/media\/[0-9a-f-]{36}\.jpeg$/);
    const photo = await t().app.inject({ url: new URL(fixed.media_url!).pathname });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(photo.rawPayload).metadata()).exif).toBeUndefined();
    expect(await read()).toMatchObject({ status: 'closed', status_notes: '已结案' });

    // An empty window has no updates: an empty list, not an error.
    expect(
      await fms.serviceRequestUpdates(new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T02:00:00Z')),
    ).toEqual([]);
  });

  it('follows the token of a batch service until the on-site check has been done and the case filed', async () => {
    const batchReport = {
      email: 'li@example.org',
      description: '小区内有人私搭乱建',
      service_code: 'M06001',
      first_name: 'Li',
      last_name: 'Lei',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
    };
    const sent = await fms.sendServiceRequest(batchReport);
    expect(sent.response.statusCode, sent.response.body).toBe(201);
    const [answer] = xmlItems<Record<string, string>>(sent.response.body, 'service_requests', 'request');
    expect(answer!.service_request_id).toBeUndefined();
    expect(answer!.service_notice).toMatch(/现场核实/);
    expect(sent.id).toBe(0);
    const token = sent.token!;
    // Not a request yet: neither in searches nor by its number.
    const row = await t()
      .database.db.selectFrom('open311_tokens as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select(['c.id', 'c.number'])
      .where('t.token', '=', token)
      .executeTakeFirstOrThrow();
    expect((await fms.get(`requests/${row.number}.xml`)).statusCode).toBe(404);
    expect(
      xmlItems(
        (await fms.get('requests.xml', { service_code: 'M06001' })).body,
        'service_requests',
        'request',
      ),
    ).toEqual([]);
    const tokenJson = await t().app.inject({ url: `/open311/v2/tokens/${token}.json` });
    valid(S.TOKENS_SCHEMA, tokenJson.json());
    expect(tokenJson.json()).toEqual([{ service_request_id: null, token }]);

    // FixMyStreet re-sends a report it got no id for: the same case and token, however late.
    await sql`update open311_requests set created_at = created_at - interval '1 day' where case_id = ${row.id}`.execute(
      t().database.db,
    );
    const resent = await fms.sendServiceRequest(batchReport);
    expect(resent.response.statusCode).toBe(200);
    expect(resent.token).toBe(token);

    let c = (await t().as(cast.operator, { method: 'GET', url: `/api/v1/cases/${row.id}` })).json<CaseBody>();
    c = await step(t(), cast.operator, c, 'send-check');
    expect(await fms.serviceRequestIdFromToken(token)).toBe(0);
    c = await step(t(), cast.inspector, c, 'check', { checkResult: 'confirmed', note: '确有违建' });
    await step(t(), cast.shiftLead, c, 'file');
    expect(await fms.serviceRequestIdFromToken(token)).toBe(row.number);
    const [request] = xmlItems<Record<string, string>>(
      (await fms.get(`requests/${row.number}.xml`)).body,
      'service_requests',
      'request',
    );
    expect(request).toMatchObject({
      status: 'open',
      status_notes: '已立案，等待派遣',
      service_code: 'M06001',
    });
  });

  it('gets its errors as an XML error list it can read', async () => {
    const refused = await new FixMyStreetClient(t(), 'o311_not-a-key', 'shuzhi').post('requests.xml', {
      service_code: 'M06010',
      lat: '39.9',
      long: '116.4',
    });
    expect(refused.statusCode).toBe(403);
    expect(xmlItems(refused.body, 'errors', 'error')).toEqual([
      { code: '403', description: 'api_key is invalid or revoked' },
    ]);
    const bad = await fms.post('servicerequestupdates.xml', {
      service_request_id: '1',
      description: 'x',
      status: 'MAYBE',
    });
    expect(bad.statusCode).toBe(400);
    expect(xmlItems<{ description: string }>(bad.body, 'errors', 'error')[0]!.description).toMatch(
      /status MAYBE/,
    );
    const missing = await fms.post('servicerequestupdates.xml', {
      service_request_id: '110101209901010000001',
      description: 'x',
    });
    expect(missing.statusCode).toBe(404);
    expect(xmlItems(missing.body, 'errors', 'error')).toHaveLength(1);
    const window = await fms.get('servicerequestupdates.xml', { start_date: 'yesterday' });
    expect(window.statusCode).toBe(400);
    expect(parseXml(window.body).root).toBe('errors');
  });
});

describe('a JSON client with multipart media', () => {
  function multipart(
    fields: Record<string, string>,
    files: Array<{ data: Uint8Array; field?: string }> = [],
  ): FormData {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of files)
      form.append(file.field ?? 'media', new Blob([file.data], { type: 'image/jpeg' }), 'photo.jpg');
    return form;
  }
  const fields = () => ({
    api_key: apiKey,
    service_code: 'C01001',
    lat: String(centre.lat),
    long: String(centre.lng),
    description: '井盖缺失，很危险',
    email: 'reporter@example.org',
    'attribute[urgency]': 'urgent',
  });

  it('uploads a photo with the request; the photo is served re-encoded, without EXIF or GPS', async () => {
    const photo = await phonePhoto(640, 480);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const posted = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: multipart(fields(), [{ data: photo }]),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    valid(S.POST_RESPONSE_SCHEMA, posted.json());
    const id = posted.json()[0].service_request_id as string;

    const read = async (extensions: boolean) => {
      const response = await t().app.inject({
        url: `/open311/v2/requests/${id}.json${extensions ? '?extensions=true' : ''}`,
      });
      expect(response.statusCode).toBe(200);
      valid(S.REQUESTS_SCHEMA, response.json());
      return response.json()[0];
    };
    const plain = await read(false);
    expect(plain.extended_attributes).toBeUndefined();
    expect(plain.media_url).toMatch(/\/open311\/v2\/media\/[0-9a-f-]{36}\.jpeg$/);
    const image = await t().app.inject({ url: new URL(plain.media_url).pathname });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.width).toBe(640);

    const extended = await read(true);
    expect(extended.extended_attributes).toEqual({
      detailed_status: 'open',
      location_rounded: false,
      attributes: { urgency: 'urgent' },
      photos: [{ media_url: plain.media_url, kind: 'report' }],
      updates: [],
    });
    // The case has the photo as a before-photo (the staff see it in the case).
    const c = await caseByNumber(cast.shiftLead, id);
    expect((c as unknown as { photos: Array<{ phase: string }> }).photos.map((p) => p.phase)).toEqual([
      'before',
    ]);

    // Staff act; the JSON view follows, with the update list under extensions.
    const filed = await step(t(), cast.shiftLead, c, 'file');
    await step(t(), cast.dispatcher, filed, 'dispatch', { departmentId: cast.departmentId });
    const after = await read(true);
    expect(after.status_notes).toBe('已派遣至处置部门');
    expect(after.extended_attributes.detailed_status).toBe('action_scheduled');
    expect(after.extended_attributes.updates.map((u: { status: string }) => u.status)).toEqual([
      'open',
      'action_scheduled',
    ]);
    const xml = await t().app.inject({ url: `/open311/v2/requests/${id}.xml?extensions=true` });
    const [request] = xmlItems<Record<string, unknown>>(xml.body, 'service_requests', 'request');
    const ext = request!.extended_attributes as {
      updates: { update: unknown[] };
      photos: { photo: unknown[] };
    };
    expect(ext.updates.update).toHaveLength(2);
    expect(ext.photos.photo).toHaveLength(1);

    // A multipart update with a photo; JSON list of updates validates.
    const update = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      payload: multipart({ api_key: apiKey, service_request_id: id, description: '补充一张近照' }, [
        { data: await phonePhoto(200, 200) },
      ]),
    });
    expect(update.statusCode, update.body).toBe(201);
    valid(S.POST_UPDATE_RESPONSE_SCHEMA, update.json());
    const list = await t().app.inject({
      url: `/open311/v2/servicerequestupdates.json?service_request_id=${id}`,
    });
    expect(list.statusCode).toBe(200);
    valid(S.UPDATES_SCHEMA, list.json());
    expect(list.json().map((u: { status: string }) => u.status)).toEqual(['open', 'action_scheduled']);
    expect((await read(true)).extended_attributes.photos).toHaveLength(2);
  });

  it.each([
    ['a PDF as media', async () => [{ data: PDF_BYTES }], 415, /media is application\/pdf content/],
    [
      'media over the size limit',
      async () => [
        {
          data: await sharp(randomBytes(900 * 900 * 3), { raw: { width: 900, height: 900, channels: 3 } })
            .jpeg({ quality: 100 })
            .toBuffer(),
        },
      ],
      413,
      /media is larger than/,
    ],
    [
      'two media files',
      async () => [{ data: await phonePhoto(50, 50) }, { data: await phonePhoto(60, 60) }],
      400,
      /at most one file/,
    ],
    [
      'a file under another name',
      async () => [{ data: await phonePhoto(50, 50), field: 'photo' }],
      400,
      /photo is not a file field/,
    ],
  ] as const)('refuses %s, in JSON, and writes nothing', async (_label, files, status, message) => {
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`select (select count(*) from cases)::int + (select count(*) from files)::int as n`.execute(
          t().database.db,
        )
      ).rows[0]!.n;
    const before = await count();
    const response = await t().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: multipart({ ...fields(), description: `拒绝 ${_label}` }, await files()),
    });
    expect(response.statusCode, response.body).toBe(status);
    valid(S.ERRORS_SCHEMA, response.json());
    expect(response.json()[0].description).toMatch(message);
    expect(await count()).toBe(before);
  });
});

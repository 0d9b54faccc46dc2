import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { formOf, phonePhoto } from '../../test/helpers/images.js';
import { parseTrackingCode } from './tracking-code.js';
import {
  caseIdOf,
  GAS_COVER,
  nextDevice,
  reportBody,
  submit,
  track,
  type Submitted,
} from '../../test/helpers/citizens.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

async function upload(): Promise<{ id: string; url: string; thumbnailUrl: string }> {
  const response = await t().app.inject({
    method: 'POST',
    url: '/api/v1/public/photos',
    payload: formOf({ data: await phonePhoto(640, 480) }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function count(table: 'cases' | 'public_reports' | 'case_reporters'): Promise<number> {
  const row = await t()
    .database.db.selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function staffCase(user: TestUser, id: number) {
  return (await t().as(user, { method: 'GET', url: `/api/v1/cases/${id}` })).json<Record<string, unknown>>();
}

describe('GET /public/categories', () => {
  it('lists public names and help text in Chinese and English, without an account', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/api/v1/public/categories' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items[0]).toEqual({
      code: 'M06010',
      name: '暴露垃圾',
      nameEn: 'Exposed rubbish',
      help: expect.any(String),
      helpEn: expect.any(String),
      group: '环境卫生',
      groupEn: 'Cleanliness',
      sensitive: false,
    });
    expect(items.find((i) => i.code === GAS_COVER)).toMatchObject({ sensitive: true });
  });
});

describe('POST /public/photos', () => {
  it('stores a photo without EXIF and GPS and serves it and its thumbnail back', async () => {
    const photo = await upload();
    expect(photo.thumbnailUrl).toBe(`/api/v1/public/photos/${photo.id}/thumbnail`);
    const original = await t().app.inject({ method: 'GET', url: photo.url });
    expect(original.statusCode).toBe(200);
    const meta = await sharp(original.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    const thumb = await t().app.inject({ method: 'GET', url: photo.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    const again = await t().app.inject({
      method: 'GET',
      url: photo.url,
      headers: { 'if-none-match': original.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('does not serve staff files or unknown ids through the public door', async () => {
    const staff = await t().as(cast.inspector, {
      method: 'POST',
      url: '/api/v1/files',
      payload: formOf({ data: await phonePhoto(100, 100) }),
    });
    const staffId = staff.json<{ files: Array<{ id: string }> }>().files[0]!.id;
    expect(
      (await t().app.inject({ method: 'GET', url: `/api/v1/public/photos/${staffId}` })).statusCode,
    ).toBe(404);
    const unknown = await t().app.inject({
      method: 'GET',
      url: '/api/v1/public/photos/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/public/photos/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/id/);
  });

  it('refuses what is not an image, several images, and a missing file, naming the part', async () => {
    const text = await t().app.inject({
      method: 'POST',
      url: '/api/v1/public/photos',
      payload: formOf({ data: Buffer.from('hello, not a picture'), name: 'x.jpg' }),
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().errors[0].field).toBe('body.file[0]');
    const image = await phonePhoto(60, 60);
    const two = await t().app.inject({
      method: 'POST',
      url: '/api/v1/public/photos',
      payload: formOf({ data: image }, { data: image }),
    });
    expect(two.statusCode).toBe(413);
    expect(two.json().errors[0].field).toBe('body.file');
    const json = await t().app.inject({
      method: 'POST',
      url: '/api/v1/public/photos',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('POST /public/reports', () => {
  it('registers a public case through the intake and returns a tracking code, not the case id', async () => {
    const before = await count('cases');
    const response = await submit(t(), reportBody());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    expect(parseTrackingCode(body.trackingCode)).toBe(body.trackingCode);
    expect(body).toEqual({
      trackingCode: expect.any(String),
      caseNumber: expect.stringMatching(/^110101\d{13}$/),
      publicStatus: 'received',
      submittedAt: expect.any(String),
      expectedBy: expect.any(String),
    });
    expect(new Date(body.expectedBy!).getTime()).toBeGreaterThan(new Date(body.submittedAt).getTime());
    expect(response.headers.location).toBe(`/api/v1/public/reports/${body.trackingCode}`);
    expect(await count('cases')).toBe(before + 1);
    const id = await caseIdOf(t(), body.trackingCode);
    expect(body.trackingCode).not.toContain(String(id));
    const kase = await staffCase(cast.shiftLead, id);
    // GCJ-02 from the phone, stored in WGS 84 at the grid centre; located, routed, numbered, clocked.
    const c = gridCentre(1, 1, 1);
    const location = kase.location as { lng: number; lat: number };
    expect(Math.abs(location.lng - c.lng)).toBeLessThan(1e-5);
    expect(Math.abs(location.lat - c.lat)).toBeLessThan(1e-5);
    expect(kase).toMatchObject({
      source: 'public',
      status: 'reported',
      gridCode: '110101001001001',
      suggestedDepartmentId: cast.departmentId,
      number: body.caseNumber,
    });
    expect((kase.clocks as Array<{ clock: string }>).map((k) => k.clock)).toEqual(['filing']);
    const outbox = await t()
      .database.db.selectFrom('outbox')
      .select('topic')
      .where('aggregate_id', '=', String(id))
      .execute();
    expect(outbox.map((o) => o.topic)).toContain('case.reported');
  });

  it('attaches the uploaded photos as before-photos the staff can open', async () => {
    const photo = await upload();
    const response = await submit(t(), reportBody({ photoIds: [photo.id] }));
    expect(response.statusCode, response.body).toBe(201);
    const code = response.json<Submitted>().trackingCode;
    const view = (await track(t(), code)).json<{ photos: { before: Array<{ id: string }> } }>();
    expect(view.photos.before.map((p) => p.id)).toEqual([photo.id]);
    const staff = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/files/${photo.id}` });
    expect(staff.statusCode).toBe(200);
    // A photo belongs to one report.
    const reuse = await submit(t(), reportBody({ photoIds: [photo.id] }));
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors).toEqual([
      { field: 'body.photoIds[0]', reason: 'this photo belongs to another report' },
    ]);
  });

  it('keeps contact details encrypted, masked for departments, full for the supervision center with an audit entry, and out of the public view', async () => {
    const phone = '13912345678';
    const response = await submit(
      t(),
      reportBody({ contact: { name: '王小明', phone: '+86 139-1234-5678' }, consentToContact: true }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const code = response.json<Submitted>().trackingCode;
    const id = await caseIdOf(t(), code);
    const stored = await t()
      .database.db.selectFrom('case_reporters')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.contact_consent).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(phone);
    expect(JSON.stringify(stored)).not.toContain('王小明');
    const view = await track(t(), code);
    expect(view.body).not.toContain('5678');
    expect(view.body).not.toContain('王');
    const caseView = await staffCase(cast.dispatcher, id);
    expect(JSON.stringify(caseView)).not.toContain('5678');
    const masked = await t().as(cast.dispatcher, { method: 'GET', url: `/api/v1/cases/${id}/reporter` });
    expect(masked.json()).toMatchObject({ masked: true, phone: '139****5678', name: '王**' });
    const denied = await t().as(cast.dispatcher, {
      method: 'GET',
      url: `/api/v1/cases/${id}/reporter?full=true`,
    });
    expect(denied.statusCode).toBe(403);
    const full = await t().as(cast.operator, {
      method: 'GET',
      url: `/api/v1/cases/${id}/reporter?full=true`,
    });
    expect(full.json()).toMatchObject({ masked: false, phone, name: '王小明', contactConsent: true });
    const audits = await t()
      .database.db.selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'reporter.read')
      .where('target_id', '=', String(id))
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        { actor_id: cast.operator.id, detail: expect.objectContaining({ full: true }) },
      ]),
    );
    const logged = await t().database.db.selectFrom('audit_log').select('detail').execute();
    expect(JSON.stringify(logged)).not.toContain(phone);
  });

  it('hides the address and rounds the location of sensitive categories in the public view', async () => {
    const response = await submit(t(), reportBody({ categoryCode: GAS_COVER, address: '某小区 3 号楼东侧' }));
    expect(response.statusCode, response.body).toBe(201);
    const view = (await track(t(), response.json<Submitted>().trackingCode)).json<{
      location: { lng: number; lat: number; rounded: boolean };
      address: string | null;
      category: { code: string };
    }>();
    expect(view.category.code).toBe(GAS_COVER);
    expect(view.address).toBeNull();
    expect(view.location.rounded).toBe(true);
    expect(Math.round(view.location.lng * 1000)).toBeCloseTo(view.location.lng * 1000, 6);
    expect(Math.round(view.location.lat * 1000)).toBeCloseTo(view.location.lat * 1000, 6);
  });

  describe('refuses bad input naming the field, and registers nothing', () => {
    const c = gridCentre(1, 1, 1);
    it.each([
      ['body.categoryCode', { categoryCode: 'M99999' }],
      ['body.categoryCode', { categoryCode: undefined }],
      ['body.description', { description: '' }],
      ['body.description', { description: '     ' }],
      ['body.description', { description: '长'.repeat(2001) }],
      ['body.location', { location: { lng: 120.5, lat: 30.2 } }],
      ['body.location', { location: undefined }],
      ['body.location.lat', { location: { lng: c.lng, lat: 95 } }],
      ['body.location.crs', { location: { lng: c.lng, lat: c.lat, crs: 'EPSG:3857' } }],
      ['body.photoIds[0]', { photoIds: ['00000000-0000-4000-8000-000000000000'] }],
      ['body.photoIds.0', { photoIds: ['nope'] }],
      ['body.contact.phone', { contact: { phone: '12345' } }],
      ['body.contact.name', { contact: { name: '名'.repeat(51) } }],
      ['body.consentToContact', { consentToContact: true }],
      ['body.consentToContact', { contact: { name: '李' }, consentToContact: true }],
      ['body.extra', { extra: 1 }],
    ])('%s', async (field, overrides) => {
      const before = await count('cases');
      const response = await submit(t(), reportBody(overrides));
      expect([400, 404], response.body).toContain(response.statusCode);
      const fields = response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field);
      expect(fields).toContain(field);
      expect(await count('cases')).toBe(before);
    });

    it('refuses a malformed X-Device-Id', async () => {
      const response = await submit(t(), reportBody(), { 'x-device-id': 'short' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('header.x-device-id');
    });

    it('refuses a body over 32 KiB', async () => {
      const response = await t().app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: { ...reportBody(), padding: 'x'.repeat(40_000) },
      });
      expect(response.statusCode).toBe(413);
    });
  });

  it('replays an Idempotency-Key retry with the same tracking code and one case', async () => {
    const body = reportBody();
    const headers = { 'idempotency-key': `key-${Math.random()}` };
    const before = await count('cases');
    const first = await submit(t(), body, { ...headers, 'x-device-id': nextDevice() });
    const retry = await submit(t(), body, { ...headers, 'x-device-id': nextDevice() });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await count('cases')).toBe(before + 1);
    const other = await submit(t(), reportBody(), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers the same device sending the same category and text again with the first report', async () => {
    const device = nextDevice();
    const body = reportBody();
    const before = await count('cases');
    const first = await submit(t(), body, { 'x-device-id': device });
    const again = await submit(
      t(),
      { ...body, description: `  ${String(body.description)}  ` },
      { 'x-device-id': device },
    );
    expect(again.statusCode).toBe(201);
    expect(again.json<Submitted>().trackingCode).toBe(first.json<Submitted>().trackingCode);
    expect(await count('cases')).toBe(before + 1);
    // Another device, or another category, is another report.
    const otherDevice = await submit(t(), body, { 'x-device-id': nextDevice() });
    const otherCategory = await submit(t(), { ...body, categoryCode: 'M06042' }, { 'x-device-id': device });
    expect(otherDevice.json<Submitted>().trackingCode).not.toBe(first.json<Submitted>().trackingCode);
    expect(otherCategory.json<Submitted>().trackingCode).not.toBe(first.json<Submitted>().trackingCode);
    expect(await count('cases')).toBe(before + 3);
  });

  it('without a device id, takes the address and browser for the device', async () => {
    const body = reportBody();
    const send = (ua: string) =>
      t().app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: body,
        headers: { 'user-agent': ua },
      });
    const first = await send('PhoneBrowser/1');
    const second = await send('PhoneBrowser/1');
    const third = await send('OtherBrowser/2');
    expect(second.json<Submitted>().trackingCode).toBe(first.json<Submitted>().trackingCode);
    expect(third.json<Submitted>().trackingCode).not.toBe(first.json<Submitted>().trackingCode);
    const stored = await t()
      .database.db.selectFrom('public_reports')
      .select(['device_key', 'text_key'])
      .execute();
    expect(JSON.stringify(stored)).not.toContain('PhoneBrowser');
    expect(JSON.stringify(stored)).not.toContain('127.0.0.1');
  });

  it('ignores staff credentials: a report is never filed under a staff account', async () => {
    const response = await t().as(cast.inspector, {
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: reportBody(),
    });
    expect(response.statusCode).toBe(201);
    const id = await caseIdOf(t(), response.json<Submitted>().trackingCode);
    const row = await t()
      .database.db.selectFrom('cases')
      .select(['source', 'reported_by_user_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'public', reported_by_user_id: null });
  });
});

describe('GET /public/reports/:trackingCode', () => {
  it('accepts the code as people type it: lower case, with dashes', async () => {
    const code = (await submit(t(), reportBody())).json<Submitted>().trackingCode;
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
    const response = await track(t(), typed);
    expect(response.statusCode).toBe(200);
    expect(response.json().trackingCode).toBe(code);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers a malformed code 400 naming it, and an unknown one 404', async () => {
    const malformed = await track(t(), '12345');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('params.trackingCode');
    let unknown = 'ABCDEFGHJKM';
    unknown += '23456789ABCDEFGHJKMNPQRSTVWXYZ'.split('').find((ch) => parseTrackingCode(unknown + ch))!;
    const missing = await track(t(), unknown);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('TRACKING_CODE_NOT_FOUND');
  });

  it('shows nothing internal: no case id, department, staff, grid or internal notes', async () => {
    const code = (await submit(t(), reportBody())).json<Submitted>().trackingCode;
    const view = (await track(t(), code)).json<Record<string, unknown>>();
    expect(Object.keys(view).sort()).toEqual(
      [
        'address',
        'canRate',
        'canRequestReopen',
        'caseNumber',
        'category',
        'closedAt',
        'description',
        'expectedBy',
        'location',
        'notes',
        'photos',
        'rating',
        'reopenRequest',
        'publicStatus',
        'submittedAt',
        'trackingCode',
        'updatedAt',
      ].sort(),
    );
  });
});

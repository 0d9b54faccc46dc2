/**
 * FixMyStreet's production client against this server (issue #11 §3): each case here is a call it
 * makes that used to fail — empty answers to optional questions, its extended update statuses,
 * loading the whole catalogue at once, polling windows to the second, 1,000 ids in one GET, a
 * reused update id and zone-less datetimes.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { castFor, step, photoOf, type CaseBody, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';
import { FixMyStreetClient, parseXml, xmlItems } from '../../test/helpers/open311.js';

const t = useTestApp();
let cast: CaseCast;
let fms: FixMyStreetClient;

const centre = gridCentre(1, 1, 2);

beforeAll(async () => {
  cast = await castFor(t());
  const admin = await t().user({ role: 'admin' });
  const created = await t().as(admin, {
    method: 'POST',
    url: '/api/v1/open311/keys',
    payload: { name: 'FixMyStreet' },
  });
  fms = new FixMyStreetClient(t(), created.json().key, 'shuzhi');
});

/** A report as FixMyStreet sends it; `extra` are its category questions. */
async function sendReport(extra: Record<string, string> = {}): Promise<string> {
  const sent = await fms.sendServiceRequest({
    email: 'xiaoming@example.org',
    description: `路边垃圾堆积 ${randomBytes(4).toString('hex')}`,
    service_code: 'M06010',
    first_name: '小明',
    last_name: '王',
    lat: centre.lat.toFixed(6),
    long: centre.lng.toFixed(6),
    ...extra,
  });
  expect(sent.response.statusCode, sent.response.body).toBe(201);
  return sent.id as string;
}

async function caseByNumber(user: TestUser, number: string): Promise<CaseBody> {
  const row = await t()
    .database.db.selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return (await t().as(user, { method: 'GET', url: `/api/v1/cases/${row.id}` })).json<CaseBody>();
}

function errorsOf(xml: string): Array<{ code: string; description: string }> {
  return xmlItems<{ code: string; description: string }>(xml, 'errors', 'error');
}

describe('category questions', () => {
  it('takes an unanswered optional question (attribute[code]=) as not answered', async () => {
    const id = await sendReport({
      'attribute[urgency]': '',
      'attribute[address_detail]': '',
      'attribute[contact_consent]': '',
    });
    expect((await caseByNumber(cast.shiftLead, id)).urgency).toBe('normal');
    const [request] = xmlItems<{ extended_attributes: { attributes: unknown } }>(
      (await fms.get(`requests/${id}.xml`, { extensions: 'true' })).body,
      'service_requests',
      'request',
    );
    expect(request!.extended_attributes.attributes).toBe('');
    // An answer that is not one of the values is still refused.
    const wrong = await fms.post('requests.xml', {
      service_code: 'M06010',
      lat: centre.lat.toFixed(6),
      long: centre.lng.toFixed(6),
      'attribute[urgency]': 'soon',
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorsOf(wrong.body)[0]!.description).toMatch(/attribute\[urgency\]/);
  });
});

describe('update ids', () => {
  it('refuses an update_id already used on another request, and keeps the comment off both', async () => {
    const first = await sendReport();
    const second = await sendReport();
    const update = (service_request_id: string, description: string) =>
      fms.post('servicerequestupdates.xml', {
        service_request_id,
        update_id: `fms-${first}`,
        status: 'OPEN',
        description,
        updated_datetime: '2026-11-27T09:00:00+08:00',
      });
    expect((await update(first, '还没清理')).statusCode).toBe(201);
    const reused = await update(second, '另一个问题的评论');
    expect(reused.statusCode).toBe(409);
    expect(errorsOf(reused.body)).toEqual([
      { code: '409', description: expect.stringMatching(/update_id fms-\d+ was already used/) },
    ]);
    const timeline = (await caseByNumber(cast.shiftLead, second)) as unknown as {
      timeline: Array<{ action: string }>;
    };
    expect(timeline.timeline.filter((e) => e.action === 'citizen-update')).toEqual([]);
    // The retry on its own request is still the same update.
    expect((await update(first, '还没清理')).statusCode).toBe(200);
  });
});

describe('datetimes', () => {
  it('includes the whole second of end_date (times are stored with milliseconds)', async () => {
    const id = await sendReport();
    await sql`update cases set reported_at = '2026-11-20T01:02:03.789Z' where number = ${id}`.execute(
      t().database.db,
    );
    const [shown] = xmlItems<Record<string, string>>(
      (await fms.get('requests.xml', { service_request_id: id })).body,
      'service_requests',
      'request',
    );
    expect(shown!.requested_datetime).toBe('2026-11-20T09:02:03+08:00');
    // A window ending at the displayed time, as a client copies it, holds the request.
    const window = xmlItems<Record<string, string>>(
      (
        await fms.get('requests.xml', {
          start_date: '2026-11-20T09:00:00+08:00',
          end_date: shown!.requested_datetime!,
        })
      ).body,
      'service_requests',
      'request',
    );
    expect(window.map((r) => r.service_request_id)).toContain(id);
    // A window ending the second before does not.
    const before = xmlItems<Record<string, string>>(
      (
        await fms.get('requests.xml', {
          start_date: '2026-11-20T09:00:00+08:00',
          end_date: '2026-11-20T09:02:02+08:00',
        })
      ).body,
      'service_requests',
      'request',
    );
    expect(before.map((r) => r.service_request_id)).not.toContain(id);
  });

  it('includes the whole second of end_date in the update polling too', async () => {
    const id = await sendReport();
    // The history is append-only: act mid-second, so the event's time has milliseconds.
    while (Date.now() % 1000 < 100 || Date.now() % 1000 > 500) await new Promise((r) => setTimeout(r, 20));
    const c = await step(t(), cast.shiftLead, await caseByNumber(cast.shiftLead, id), 'file');
    const event = await t()
      .database.db.selectFrom('case_events')
      .select('at')
      .where('case_id', '=', c.id)
      .where('action', '=', 'file')
      .executeTakeFirstOrThrow();
    expect(event.at.getMilliseconds()).toBeGreaterThan(0);
    const all = await fms.get('servicerequestupdates.xml', { service_request_id: id });
    const [shown] = xmlItems<Record<string, string>>(all.body, 'service_request_updates', 'request_update');
    // A window ending at the displayed time, as a client copies it, holds the update.
    const start = new Date(event.at.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const updates = await fms.get('servicerequestupdates.xml', {
      start_date: start,
      end_date: shown!.updated_datetime!,
      service_request_id: id,
    });
    expect(updates.statusCode, updates.body).toBe(200);
    const items = xmlItems<Record<string, string>>(updates.body, 'service_request_updates', 'request_update');
    expect(items.map((u) => [u.external_status_code, u.updated_datetime])).toEqual([
      ['file', shown!.updated_datetime],
    ]);
  });

  it('refuses a time without a zone and reads a date alone as a day of the business time zone', async () => {
    const zoneless = await fms.get('requests.xml', {
      start_date: '2026-11-27T09:00:00',
      end_date: '2026-11-27T10:00:00+08:00',
    });
    expect(zoneless.statusCode).toBe(400);
    expect(errorsOf(zoneless.body)).toEqual([
      { code: '400', description: expect.stringMatching(/^start_date must end with a time zone designator/) },
    ]);
    const id = await sendReport();
    const posted = await fms.post('servicerequestupdates.xml', {
      service_request_id: id,
      description: '补充说明',
      updated_datetime: '2026-11-27T09:00:00',
    });
    // updated_datetime only informs (the server's time is the update's): read in the business zone.
    expect(posted.statusCode, posted.body).toBe(201);
    // 2026-11-22 00:30 in Beijing is still 2026-11-21 in UTC.
    await sql`update cases set reported_at = '2026-11-21T16:30:00Z' where number = ${id}`.execute(
      t().database.db,
    );
    const day = async (date: string) =>
      xmlItems<Record<string, string>>(
        (await fms.get('requests.xml', { start_date: date, end_date: date })).body,
        'service_requests',
        'request',
      ).map((r) => r.service_request_id);
    expect(await day('2026-11-22')).toContain(id);
    expect(await day('2026-11-21')).not.toContain(id);
  });
});

describe('extended update statuses', () => {
  async function closedCase(): Promise<{ id: string; c: CaseBody }> {
    const id = await sendReport();
    let c = await step(t(), cast.shiftLead, await caseByNumber(cast.shiftLead, id), 'file');
    c = await step(t(), cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    c = await step(t(), cast.handler, c, 'accept');
    c = await step(t(), cast.handler, c, 'handle', {
      note: '已清理',
      afterPhotoIds: [await photoOf(t(), cast.handler)],
    });
    c = await step(t(), cast.operator, c, 'send-verify');
    c = await step(t(), cast.inspector, c, 'pass', { note: '核查通过' });
    c = await step(t(), cast.shiftLead, c, 'close');
    return { id, c };
  }

  const notes = async (number: string) =>
    (
      (await caseByNumber(cast.shiftLead, number)) as unknown as {
        timeline: Array<{ action: string; note: string | null }>;
      }
    ).timeline
      .filter((e) => e.action === 'citizen-update')
      .map((e) => e.note);

  it('files a reopen request for the shift lead on REOPEN of a closed request, who reopens the case', async () => {
    const { id } = await closedCase();
    const posted = await fms.post('servicerequestupdates.xml', {
      service_request_id: id,
      update_id: `reopen-${id}`,
      status: 'REOPEN',
      description: '垃圾又堆起来了',
      updated_datetime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(await notes(id)).toEqual(['【申请重新办理】垃圾又堆起来了']);
    const listed = await t().as(cast.shiftLead, {
      method: 'GET',
      url: '/api/v1/reopen-requests?status=pending',
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const request = listed
      .json<{
        items: Array<{
          id: number;
          caseNumber: string;
          source: string;
          score: number | null;
          reason: string;
          version: number;
        }>;
      }>()
      .items.find((r) => r.caseNumber === id)!;
    expect(request).toMatchObject({ source: 'open311', score: null });
    expect(request.reason).toMatch(/^垃圾又堆起来了/);
    const notified = await sql<{ n: number }>`
      select count(*)::int as n from notifications
      where user_id = ${cast.shiftLead.id} and title like ${`市民经 Open311 申请重新办理：${id}%`}`.execute(
      t().database.db,
    );
    expect(notified.rows[0]!.n).toBe(1);
    // A second REOPEN while the first is pending adds its note, not a second request.
    const again = await fms.post('servicerequestupdates.xml', {
      service_request_id: id,
      status: 'REOPEN',
      description: '还是没人管',
    });
    expect(again.statusCode).toBe(201);
    const pending = await sql<{ n: number }>`
      select count(*)::int as n from reopen_requests r join cases c on c.id = r.case_id
      where c.number = ${id}`.execute(t().database.db);
    expect(pending.rows[0]!.n).toBe(1);
    const accepted = await t().as(cast.shiftLead, {
      method: 'POST',
      url: `/api/v1/reopen-requests/${request.id}/actions/accept`,
      payload: { version: request.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await caseByNumber(cast.shiftLead, id)).status).not.toBe('closed');
    const [shown] = xmlItems<Record<string, string>>(
      (await fms.get('requests.xml', { service_request_id: id })).body,
      'service_requests',
      'request',
    );
    expect(shown!.status).toBe('open');
  });

  it('takes CANCELLED as a withdrawal note and FOR_TRIAGE as a triage note; REOPEN of an open request is a note', async () => {
    const id = await sendReport();
    for (const [status, description] of [
      ['CANCELLED', '我在客户端撤回了'],
      ['FOR_TRIAGE', '分类可能不对'],
      ['REOPEN', '还没处理'],
    ] as const) {
      const posted = await fms.post('servicerequestupdates.xml', {
        service_request_id: id,
        status,
        description,
      });
      expect(posted.statusCode, `${status}: ${posted.body}`).toBe(201);
    }
    expect(await notes(id)).toEqual([
      '【报告人撤回】我在客户端撤回了',
      '【请求重新分拣】分类可能不对',
      '【申请重新办理】还没处理',
    ]);
    const requests = await sql<{ n: number }>`
      select count(*)::int as n from reopen_requests r join cases c on c.id = r.case_id
      where c.number = ${id}`.execute(t().database.db);
    expect(requests.rows[0]!.n).toBe(0);
    expect((await caseByNumber(cast.shiftLead, id)).status).toBe('reported');
  });
});

describe('loading the catalogue', () => {
  const small = useTestApp({ open311: { keyRateLimit: 2, addressRateLimit: 3, readRateLimit: 40 } });

  it('lets services.xml and every definition through back to back, while POSTs stay limited', async () => {
    const app = small();
    const services = xmlItems<{ service_code: string }>(
      (await app.app.inject({ url: '/open311/v2/services.xml', remoteAddress: '10.1.0.1' })).body,
      'services',
      'service',
    );
    expect(services.length).toBeGreaterThan(20);
    // More definitions than POSTs allowed, from one address: every one answered.
    for (const service of services.slice(0, 30)) {
      const response = await app.app.inject({
        url: `/open311/v2/services/${service.service_code}.xml`,
        remoteAddress: '10.1.0.1',
      });
      expect(response.statusCode, service.service_code).toBe(200);
    }
    // POSTs from that address are counted apart, and limited.
    const post = () =>
      app.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.xml',
        remoteAddress: '10.1.0.1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'service_code=M06010',
      });
    for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(403);
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(errorsOf(limited.body)[0]!.description).toMatch(/per client address/);
    // Reads have their own (generous) limit.
    let read = 0;
    for (let i = 0; i < 20 && read !== 429; i++)
      read = (await app.app.inject({ url: '/open311/v2/discovery.json', remoteAddress: '10.1.0.1' }))
        .statusCode;
    expect(read).toBe(429);
  });

  it('answers the catalogue with an ETag and Cache-Control, and 304 to If-None-Match', async () => {
    for (const path of ['services.xml', 'services.json', 'services/M06010.xml', 'discovery.json']) {
      const first = await t().app.inject({ url: `/open311/v2/${path}` });
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{20,}"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      const again = await t().app.inject({ url: `/open311/v2/${path}`, headers: { 'if-none-match': etag } });
      expect(again.statusCode, path).toBe(304);
      expect(again.body).toBe('');
      const changed = await t().app.inject({
        url: `/open311/v2/${path}`,
        headers: { 'if-none-match': '"something-else"' },
      });
      expect(changed.statusCode).toBe(200);
    }
    const xml = (await t().app.inject({ url: '/open311/v2/services.xml' })).headers.etag;
    const json = (await t().app.inject({ url: '/open311/v2/services.json' })).headers.etag;
    expect(xml).not.toBe(json);
  });
});

describe('long id lists over a real socket', () => {
  it('answers 1,000 ids in service_request_id, and a longer URL with an Open311 error list in its format', async () => {
    const id = await sendReport();
    const ids = [id, ...Array.from({ length: 999 }, (_, i) => `1101012026010${String(i).padStart(6, '0')}`)];
    expect(ids.every((n) => n.length === 19)).toBe(true);
    const address = await t().app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}/open311/v2/requests.xml?jurisdiction_id=shuzhi&service_request_id=${ids.join('%2C')}`;
    expect(url.length).toBeGreaterThan(20_000);
    const response = await fetch(url);
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(200);
    expect(
      xmlItems<Record<string, string>>(body, 'service_requests', 'request').map((r) => r.service_request_id),
    ).toEqual([id]);

    const tooLong = `service_request_id=${'1'.repeat(70_000)}`;
    const xml = await fetch(`${address}/open311/v2/requests.xml?${tooLong}`);
    expect(xml.status).toBe(431);
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(parseXml(await xml.text()).root).toBe('errors');
    const json = await fetch(`${address}/open311/v2/requests.json?${tooLong}`);
    expect(json.status).toBe(431);
    expect(await json.json()).toEqual([
      { code: 431, description: expect.stringMatching(/exceed 65536 bytes/) },
    ]);
    const api = await fetch(`${address}/api/v1/cases?${tooLong}`);
    expect(api.status).toBe(431);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

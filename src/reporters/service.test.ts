import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../test/helpers/app.js';
import { castFor, garbageReport, intake, type CaseCast } from '../../test/helpers/cases.js';
import { useTestServices, type TestStaff } from '../../test/helpers/services.js';
import type { StaffRole } from '../identity/index.js';
import { buildApp } from '../http/app.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { createKeyRing, envelopeKeyId, type KeyRing } from './crypto.js';
import {
  casesReportedByPhone,
  readReporter,
  reencryptAll,
  saveReporter,
  type ReporterInput,
} from './service.js';

const t = useTestServices();
const k1 = Buffer.alloc(32, 11);
const k2 = Buffer.alloc(32, 22);
const ring1 = createKeyRing([{ id: 'k1', key: k1 }], 'k1');
const ring21 = createKeyRing(
  [
    { id: 'k2', key: k2 },
    { id: 'k1', key: k1 },
  ],
  'k2',
);
const ring2 = createKeyRing([{ id: 'k2', key: k2 }], 'k2');

const ZHANG: ReporterInput = {
  name: '张三丰',
  phone: '138-1234-5678',
  idNumber: '11010519491231002x',
  contactConsent: true,
  anonymous: false,
};

let cast: CaseCast<TestStaff>;
let admin: TestStaff;
let routesApp: FastifyInstance;

beforeAll(async () => {
  cast = await castFor(t());
  admin = await t().user({ role: 'admin' });
  routesApp = await buildApp({
    database: t().database,
    geography: t().geography,
    reporterKeys: ring1,
    sessionHours: 12,
    publicRateLimit: 100_000,
  });
  await routesApp.ready();
});

afterAll(async () => {
  await routesApp.close();
});

function ctxOf(
  user: TestStaff,
  role: StaffRole,
  scope: { regions?: string[]; departmentId?: number | null } = {},
): RequestContext {
  return {
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.username,
      role,
      position: role === 'supervisor' ? 'operator' : null,
      departmentId: scope.departmentId ?? null,
      regionCodes: scope.regions ?? (role === 'admin' ? [] : ['110101']),
    },
    clientIp: '203.0.113.9',
    requestId: 'req-test',
  };
}

async function newCase(reporter: ReporterInput | null = ZHANG, ring: KeyRing = ring1): Promise<number> {
  const id = await intake(t(), cast.inspector, garbageReport(cast));
  if (reporter) await saveReporter(t().database.db, ring, id, reporter);
  return id;
}

async function readAudits(caseId: number) {
  return t()
    .database.db.selectFrom('audit_log')
    .select(['action', 'actor_id', 'detail', 'client_ip'])
    .where('action', '=', 'reporter.read')
    .where('target_id', '=', String(caseId))
    .orderBy('id')
    .execute();
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('saveReporter', () => {
  it('stores only envelopes and a blind index: no plaintext anywhere in the row or on the case', async () => {
    const id = await newCase();
    const row = await sql<Record<string, unknown>>`select r.*, row_to_json(c)::text as case_json
      from case_reporters r join cases c on c.id = r.case_id where r.case_id = ${id}`.execute(
      t().database.db,
    );
    const text = JSON.stringify(row.rows[0]);
    for (const secret of ['张三丰', '13812345678', '1234', '11010519491231002X', '19491231']) {
      expect(text).not.toContain(secret);
    }
    const stored = row.rows[0]!;
    expect(stored.name_enc).toMatch(/^v1:k1:/);
    expect(stored.phone_enc).toMatch(/^v1:k1:/);
    expect(stored.id_number_enc).toMatch(/^v1:k1:/);
    expect(stored.phone_index).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    expect(stored).toMatchObject({ contact_consent: true, anonymous: false });
  });

  it('validates and names every failing field under body.reporter', async () => {
    const id = await newCase(null);
    const error = await domainError(
      saveReporter(t().database.db, ring1, id, {
        name: '名'.repeat(51),
        phone: '12812345678',
        idNumber: '110105194912310021',
        contactConsent: false,
        anonymous: false,
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.extra.errors?.map((e) => e.field)).toEqual([
      'body.reporter.name',
      'body.reporter.phone',
      'body.reporter.idNumber',
    ]);
    expect(error.extra.errors?.[2]?.reason).toMatch(/check character should be X/);
    const anonymous = await domainError(
      saveReporter(t().database.db, ring1, id, { ...ZHANG, phone: null, anonymous: true }),
    );
    expect(anonymous.extra.errors?.map((e) => e.field)).toEqual([
      'body.reporter.name',
      'body.reporter.idNumber',
    ]);
    const count = await t()
      .database.db.selectFrom('case_reporters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('accepts landlines, +86 numbers and legacy ID numbers (upgraded), and refuses a second reporter', async () => {
    const id = await newCase({
      name: ' 李四 ',
      phone: '010-6512 3456',
      idNumber: '110105491231002',
      contactConsent: false,
      anonymous: false,
    });
    const view = await readReporter(t().database.db, ring1, ctxOf(admin, 'admin'), id, { full: true });
    expect(view).toMatchObject({ name: '李四', phone: '01065123456', idNumber: '11010519491231002X' });
    const again = await domainError(saveReporter(t().database.db, ring1, id, ZHANG));
    expect(again.code).toBe('ALREADY_EXISTS');
    const plus = await newCase({ phone: '+86 139 0000 1111', contactConsent: true, anonymous: true });
    const anonymous = await readReporter(t().database.db, ring1, ctxOf(admin, 'admin'), plus, { full: true });
    expect(anonymous).toMatchObject({ name: null, phone: '13900001111', idNumber: null, anonymous: true });
  });

  it('finds earlier reports of a phone number through the blind index, in any spelling', async () => {
    const phone = { contactConsent: false, anonymous: true };
    const a = await newCase({ ...phone, phone: '13700007777' });
    const b = await newCase({ ...phone, phone: '+86 137-0000-7777' });
    await newCase({ ...phone, phone: '13700007778' });
    expect(await casesReportedByPhone(t().database.db, ring1, '137 0000 7777')).toEqual([a, b]);
    expect(await casesReportedByPhone(t().database.db, ring1, 'not a phone')).toEqual([]);
    expect(await casesReportedByPhone(t().database.db, ring2, '13700007777')).toEqual([]);
  });
});

describe('readReporter', () => {
  it('masks by default and shows in full to supervisors and admins, auditing every read', async () => {
    const id = await newCase();
    const db = t().database.db;
    const masked = await readReporter(db, ring1, ctxOf(cast.operator, 'supervisor'), id, { full: false });
    expect(masked).toMatchObject({
      caseId: id,
      masked: true,
      name: '张**',
      phone: '138****5678',
      idNumber: '1101**********002X',
      contactConsent: true,
      anonymous: false,
    });
    const full = await readReporter(db, ring1, ctxOf(cast.operator, 'supervisor'), id, { full: true });
    expect(full).toMatchObject({
      masked: false,
      name: '张三丰',
      phone: '13812345678',
      idNumber: '11010519491231002X',
    });
    const asAdmin = await readReporter(db, ring1, ctxOf(admin, 'admin'), id, { full: true });
    expect(asAdmin.phone).toBe('13812345678');
    const dispatcher = await readReporter(db, ring1, ctxOf(cast.dispatcher, 'dispatcher'), id, {
      full: false,
    });
    expect(dispatcher.phone).toBe('138****5678');
    const departmentUser = await readReporter(db, ring1, ctxOf(cast.handler, 'department_lead'), id, {
      full: false,
    });
    expect(departmentUser.name).toBe('张**');
    expect(await readAudits(id)).toEqual([
      {
        action: 'reporter.read',
        actor_id: cast.operator.id,
        detail: { full: false, fields: ['name', 'phone', 'idNumber'] },
        client_ip: '203.0.113.9',
      },
      {
        action: 'reporter.read',
        actor_id: cast.operator.id,
        detail: { full: true, fields: ['name', 'phone', 'idNumber'] },
        client_ip: '203.0.113.9',
      },
      {
        action: 'reporter.read',
        actor_id: admin.id,
        detail: { full: true, fields: ['name', 'phone', 'idNumber'] },
        client_ip: '203.0.113.9',
      },
      {
        action: 'reporter.read',
        actor_id: cast.dispatcher.id,
        detail: { full: false, fields: ['name', 'phone', 'idNumber'] },
        client_ip: '203.0.113.9',
      },
      {
        action: 'reporter.read',
        actor_id: cast.handler.id,
        detail: { full: false, fields: ['name', 'phone', 'idNumber'] },
        client_ip: '203.0.113.9',
      },
    ]);
  });

  it('refuses by role, by jurisdiction and full for masked-only roles, auditing nothing', async () => {
    const id = await newCase();
    const db = t().database.db;
    const read = (ctx: RequestContext, full = false) =>
      domainError(readReporter(db, ring1, ctx, id, { full }));
    expect((await read(ctxOf(cast.inspector, 'inspector'))).code).toBe('FORBIDDEN');
    expect((await read(ctxOf(cast.leader, 'leader'))).code).toBe('FORBIDDEN');
    expect((await read(ctxOf(cast.dispatcher, 'dispatcher'), true)).code).toBe('FORBIDDEN');
    expect((await read(ctxOf(cast.handler, 'handler', { regions: [] }), false)).code).toBe('NOT_FOUND');
    expect(
      (await read(ctxOf(cast.handler, 'handler', { regions: [], departmentId: cast.departmentId }))).code,
    ).toBe('NOT_FOUND');
    expect((await read(ctxOf(cast.operator, 'supervisor', { regions: ['110102'] }), true)).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await domainError(readReporter(db, ring1, ctxOf(admin, 'admin'), 99_999_999, { full: true }))).code,
    ).toBe('NOT_FOUND');
    const bare = await newCase(null);
    expect(
      (await domainError(readReporter(db, ring1, ctxOf(admin, 'admin'), bare, { full: false }))).code,
    ).toBe('REPORTER_NOT_FOUND');
    expect(await readAudits(id)).toEqual([]);
    expect(await readAudits(bare)).toEqual([]);
  });

  it('sees a case assigned to its department', async () => {
    const id = await newCase();
    await t()
      .database.db.updateTable('cases')
      .set({ department_id: cast.departmentId })
      .where('id', '=', id)
      .execute();
    const view = await readReporter(
      t().database.db,
      ring1,
      ctxOf(cast.handler, 'handler', { regions: [], departmentId: cast.departmentId }),
      id,
      { full: false },
    );
    expect(view.phone).toBe('138****5678');
  });
});

describe('key rotation', () => {
  it('re-encrypts rows made with old keys, keeps lookups working, and lets the old key go', async () => {
    const db = t().database.db;
    const phone = '15900001234';
    const old = await newCase({ ...ZHANG, phone }, ring1);
    // Mid-rotation: new key active, old rows still readable and findable.
    const fresh = await newCase({ name: '王五', phone, contactConsent: true, anonymous: false }, ring21);
    expect(await casesReportedByPhone(db, ring21, phone)).toEqual([old, fresh]);
    expect((await readReporter(db, ring21, ctxOf(admin, 'admin'), old, { full: true })).phone).toBe(phone);

    const first = await reencryptAll(db, ring21, { batchSize: 2 });
    expect(first.rewritten).toBeGreaterThanOrEqual(1);
    expect(first.scanned).toBeGreaterThanOrEqual(2);
    const rows = await db.selectFrom('case_reporters').selectAll().execute();
    for (const row of rows) {
      for (const value of [row.name_enc, row.phone_enc, row.id_number_enc]) {
        if (value !== null) expect(envelopeKeyId(value)).toBe('k2');
      }
      if (row.phone_index !== null) expect(row.phone_index).toMatch(/^k2:/);
    }
    expect(await reencryptAll(db, ring21)).toMatchObject({ rewritten: 0 });

    // After re-encryption the old key can be removed from the ring.
    const view = await readReporter(db, ring2, ctxOf(admin, 'admin'), old, { full: true });
    expect(view).toMatchObject({ name: '张三丰', phone, idNumber: '11010519491231002X' });
    expect(await casesReportedByPhone(db, ring2, phone)).toEqual([old, fresh]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name', 'detail'])
      .where('action', '=', 'reporter.reencrypt')
      .orderBy('id')
      .execute();
    expect(audit[0]).toMatchObject({
      actor_id: null,
      actor_name: 'system',
      detail: { activeKeyId: 'k2', ...first },
    });
  });
});

describe('GET /api/v1/cases/{id}/reporter', () => {
  it('returns masked data by default, full for supervisors, 403 for others, never cached', async () => {
    const id = await newCase();
    const tokens = new Map<number, Promise<string>>();
    const get = async (user: TestStaff, query = '') => {
      if (!tokens.has(user.id)) tokens.set(user.id, logIn(routesApp, user.username));
      return routesApp.inject({
        method: 'GET',
        url: `/api/v1/cases/${id}/reporter${query}`,
        headers: { authorization: `Bearer ${await tokens.get(user.id)}` },
      });
    };
    const masked = await get(cast.operator);
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.headers['cache-control']).toBe('no-store');
    expect(masked.json()).toMatchObject({ caseId: id, masked: true, name: '张**', phone: '138****5678' });
    expect(masked.json().createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const full = await get(cast.shiftLead, '?full=true');
    expect(full.json()).toMatchObject({
      masked: false,
      phone: '13812345678',
      idNumber: '11010519491231002X',
    });
    expect((await get(cast.dispatcher, '?full=true')).statusCode).toBe(403);
    expect((await get(cast.dispatcher)).json().phone).toBe('138****5678');
    const inspector = await get(cast.inspector);
    expect(inspector.statusCode).toBe(403);
    expect(inspector.body).not.toContain('5678');
    expect((await get(cast.handler)).statusCode).toBe(404);
    expect((await get(cast.operator, '?full=maybe')).statusCode).toBe(400);
    const anonymous = await routesApp.inject({ method: 'GET', url: `/api/v1/cases/${id}/reporter` });
    expect(anonymous.statusCode).toBe(401);
    expect((await readAudits(id)).map((a) => a.detail)).toEqual([
      { full: false, fields: ['name', 'phone', 'idNumber'] },
      { full: true, fields: ['name', 'phone', 'idNumber'] },
      { full: false, fields: ['name', 'phone', 'idNumber'] },
    ]);
  });
});

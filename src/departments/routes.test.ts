import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { createDepartment, fieldsOf, testCreditCode } from '../../test/helpers/components.js';
import { STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { loadResponsibilities } from './repo.js';
import { responsibleDepartments } from './responsibility.js';

const t = useTestApp();
const NON_ADMIN = STAFF_ROLES.filter((role) => role !== 'admin');

function newDepartment(overrides: Record<string, unknown> = {}) {
  const creditCode = testCreditCode();
  return {
    creditCode,
    name: `区市政管理委员会-${creditCode.slice(10, 16)}`,
    shortName: '区市政',
    kind: 'municipal',
    ...overrides,
  };
}

describe('GET /departments', () => {
  it.each(STAFF_ROLES)('lets a %s read the department list', async (role) => {
    const department = await createDepartment(t());
    const user = await t().user({ role });
    const response = await t().as(user, { method: 'GET', url: '/api/v1/departments?limit=500' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((d: { id: number }) => d.id)).toContain(department.id);
  });

  it('filters by kind, activity, region and text, and pages in id order', async () => {
    const admin = await t().user({ role: 'admin' });
    const water = await createDepartment(t(), { kind: 'water', name: '区水务局-筛选', regionCode: STREET_A });
    const retired = await createDepartment(t(), { kind: 'water', active: false });
    const byKind = await t().as(admin, { method: 'GET', url: '/api/v1/departments?kind=water&limit=500' });
    expect(byKind.json().items.every((d: { kind: string }) => d.kind === 'water')).toBe(true);
    expect(byKind.json().items[0]).toMatchObject({ kind: 'water', kindLabel: '水务' });
    const active = await t().as(admin, {
      method: 'GET',
      url: '/api/v1/departments?kind=water&active=true&limit=500',
    });
    const activeIds = active.json().items.map((d: { id: number }) => d.id);
    expect(activeIds).toContain(water.id);
    expect(activeIds).not.toContain(retired.id);
    const inStreet = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/departments?regionCode=${STREET_A}`,
    });
    expect(inStreet.json().items.map((d: { id: number }) => d.id)).toEqual([water.id]);
    const byText = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/departments?q=${encodeURIComponent('水务局-筛')}`,
    });
    expect(byText.json().items.map((d: { id: number }) => d.id)).toEqual([water.id]);
    const byCode = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/departments?q=${water.creditCode.slice(0, 12).toLowerCase()}`,
    });
    expect(byCode.json().items.map((d: { id: number }) => d.id)).toContain(water.id);

    const first = await t().as(admin, { method: 'GET', url: '/api/v1/departments?limit=1' });
    const second = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/departments?limit=1&cursor=${first.json().nextCursor}`,
    });
    expect(second.json().items[0].id).toBeGreaterThan(first.json().items[0].id);
  });

  it.each([
    ['kind=police', 'querystring.kind'],
    ['regionCode=12', 'querystring.regionCode'],
    ['limit=0', 'querystring.limit'],
    ['cursor=zzz', 'querystring.cursor'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const user = await t().user({ role: 'leader' });
    const response = await t().as(user, { method: 'GET', url: `/api/v1/departments?${query}` });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('requires authentication on every department endpoint', async () => {
    const department = await createDepartment(t());
    const requests = [
      { method: 'GET', url: '/api/v1/departments' },
      { method: 'POST', url: '/api/v1/departments', payload: newDepartment() },
      { method: 'GET', url: `/api/v1/departments/${department.id}` },
      { method: 'PATCH', url: `/api/v1/departments/${department.id}`, payload: { version: 1, phone: '110' } },
      { method: 'GET', url: `/api/v1/departments/${department.id}/responsibilities` },
      {
        method: 'PUT',
        url: `/api/v1/departments/${department.id}/responsibilities`,
        payload: { version: 1, responsibilities: [] },
      },
    ] as const;
    for (const request of requests) {
      const response = await t().app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });
});

describe('POST /departments', () => {
  it('creates a department with a normalised credit code and audits it', async () => {
    const admin = await t().user({ role: 'admin' });
    const body = newDepartment({ regionCode: '110101', phone: '010-6512 3456' });
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: { ...body, creditCode: body.creditCode.toLowerCase() },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      creditCode: body.creditCode,
      name: body.name,
      kind: 'municipal',
      kindLabel: '市政',
      regionCode: '110101',
      active: true,
      version: 1,
      responsibilities: [],
    });
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'department.create')
      .where('target_id', '=', String(response.json().id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  const valid = testCreditCode(999_999);
  it.each([
    [
      'a wrong check character',
      { creditCode: valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0') },
      'body.creditCode',
    ],
    ['letters the code never uses', { creditCode: `${valid.slice(0, 16)}I${valid[17]}` }, 'body.creditCode'],
    ['an unknown kind', { kind: 'police' }, 'body.kind'],
    ['an unknown region', { regionCode: '110199' }, 'body.regionCode'],
    ['an empty name', { name: '' }, 'body.name'],
    ['a bad phone', { phone: 'call me' }, 'body.phone'],
    ['an unknown property', { budget: 1 }, 'body.budget'],
  ])('refuses %s (400)', async (_, overrides, field) => {
    const admin = await t().user({ role: 'admin' });
    const response = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: newDepartment(overrides),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('refuses a taken name or credit code (409)', async () => {
    const admin = await t().user({ role: 'admin' });
    const existing = await createDepartment(t());
    const sameName = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: newDepartment({ name: existing.name }),
    });
    expect(sameName.statusCode).toBe(409);
    expect(fieldsOf(sameName)).toEqual(['body.name']);
    const sameCode = await t().as(admin, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: newDepartment({ creditCode: existing.creditCode }),
    });
    expect(sameCode.statusCode).toBe(409);
    expect(fieldsOf(sameCode)).toEqual(['body.creditCode']);
  });

  it.each(NON_ADMIN)('refuses a %s (403)', async (role) => {
    const user = await t().user({ role });
    const response = await t().as(user, {
      method: 'POST',
      url: '/api/v1/departments',
      payload: newDepartment(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('replays an Idempotency-Key and refuses it for another body', async () => {
    const admin = await t().user({ role: 'admin' });
    const body = newDepartment();
    const send = (payload: Record<string, unknown>) =>
      t().as(admin, {
        method: 'POST',
        url: '/api/v1/departments',
        payload,
        headers: { 'idempotency-key': `dept-${body.creditCode}` },
      });
    const first = await send(body);
    const again = await send(body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t()
      .database.db.selectFrom('departments')
      .select('id')
      .where('name', '=', body.name)
      .execute();
    expect(rows).toHaveLength(1);
    const other = await send({ ...body, name: `${body.name}-2` });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('GET and PATCH /departments/{id}', () => {
  it('reads a department with its responsibilities, 404 when unknown', async () => {
    const user = await t().user({ role: 'handler', regions: [STREET_A] });
    const department = await createDepartment(t());
    const response = await t().as(user, { method: 'GET', url: `/api/v1/departments/${department.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: department.id,
      creditCode: department.creditCode,
      responsibilities: [],
    });
    const missing = await t().as(user, { method: 'GET', url: '/api/v1/departments/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DEPARTMENT_NOT_FOUND');
  });

  it('changes fields at the current version and bumps it', async () => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: {
        version: 1,
        kind: 'sanitation',
        shortName: '环卫中心',
        phone: '12319',
        active: false,
        creditCode: null,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const cleared = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: { version: 2, phone: null },
    });
    expect(response.json()).toMatchObject({
      kind: 'sanitation',
      kindLabel: '环卫',
      shortName: '环卫中心',
      phone: '12319',
      active: false,
      creditCode: null,
      version: 2,
    });
    expect(cleared.json()).toMatchObject({ phone: null, shortName: '环卫中心', version: 3 });
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t());
    await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: { version: 1, phone: '110' },
    });
    const stale = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: { version: 1, phone: '120' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const read = await t().as(admin, { method: 'GET', url: `/api/v1/departments/${department.id}` });
    expect(read.json().phone).toBe('110');
  });

  it('refuses a bad credit code (400), a taken name (409) and an unknown department (404)', async () => {
    const admin = await t().user({ role: 'admin' });
    const [department, other] = [await createDepartment(t()), await createDepartment(t())];
    const url = `/api/v1/departments/${department.id}`;
    const bad = await t().as(admin, { method: 'PATCH', url, payload: { version: 1, creditCode: '123' } });
    expect(bad.statusCode).toBe(400);
    expect(new Set(fieldsOf(bad))).toEqual(new Set(['body.creditCode']));
    const taken = await t().as(admin, { method: 'PATCH', url, payload: { version: 1, name: other.name } });
    expect(taken.statusCode).toBe(409);
    const missing = await t().as(admin, {
      method: 'PATCH',
      url: '/api/v1/departments/999999',
      payload: { version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const noVersion = await t().as(admin, { method: 'PATCH', url, payload: { phone: '110' } });
    expect(fieldsOf(noVersion)).toContain('body.version');
  });

  it.each(NON_ADMIN)('refuses a %s (403)', async (role) => {
    const user = await t().user({ role });
    const department = await createDepartment(t());
    const response = await t().as(user, {
      method: 'PATCH',
      url: `/api/v1/departments/${department.id}`,
      payload: { version: 1, phone: '110' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('/departments/{id}/responsibilities', () => {
  const url = (id: number) => `/api/v1/departments/${id}/responsibilities`;
  const GB = 'GB/T 47678.5-2026';

  it('replaces the list as a whole, and case routing finds the department', async () => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t(), { kind: 'street_office' });
    const responsibilities = [
      { kind: 'matter', standard: GB, classCodePrefix: '09', regionCode: STREET_A },
      { kind: 'component', standard: GB, classCodePrefix: '01001', regionCode: `${STREET_A}001` },
      { kind: 'component', standard: 'CJ/T 214-2007', classCodePrefix: '0101', regionCode: '110101' },
    ];
    const put = await t().as(admin, {
      method: 'PUT',
      url: url(department.id),
      payload: { version: 1, responsibilities },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(2);
    expect(put.json().responsibilities).toHaveLength(3);

    const reader = await t().user({ role: 'inspector' });
    const read = await t().as(reader, { method: 'GET', url: url(department.id) });
    expect(read.json()).toMatchObject({ departmentId: department.id, version: 2 });
    expect(read.json().responsibilities).toEqual(expect.arrayContaining(responsibilities));

    const all = await loadResponsibilities(t().database.db);
    const routed = responsibleDepartments(all, {
      kind: 'matter',
      standard: GB,
      classCode: '09006',
      regionCode: `${STREET_A}002001`,
    });
    expect(routed.map((d) => d.departmentId)).toContain(department.id);
    const elsewhere = responsibleDepartments(all, {
      kind: 'matter',
      standard: GB,
      classCode: '09006',
      regionCode: `${STREET_B}002001`,
    });
    expect(elsewhere.map((d) => d.departmentId)).not.toContain(department.id);

    const cleared = await t().as(admin, {
      method: 'PUT',
      url: url(department.id),
      payload: { version: 2, responsibilities: [] },
    });
    expect(cleared.json().responsibilities).toEqual([]);
  });

  it('leaves an inactive department out of routing', async () => {
    const department = await createDepartment(t(), { active: false });
    const admin = await t().user({ role: 'admin' });
    await t().as(admin, {
      method: 'PUT',
      url: url(department.id),
      payload: {
        version: 1,
        responsibilities: [{ kind: 'component', standard: GB, classCodePrefix: '04', regionCode: '110101' }],
      },
    });
    const active = await loadResponsibilities(t().database.db);
    expect(active.map((r) => r.departmentId)).not.toContain(department.id);
    const all = await loadResponsibilities(t().database.db, { includeInactive: true });
    expect(all.map((r) => r.departmentId)).toContain(department.id);
  });

  it('names every bad responsibility (400) and changes nothing', async () => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t());
    const responsibilities = [
      { kind: 'component', standard: GB, classCodePrefix: '01', regionCode: '110101' },
      { kind: 'component', standard: GB, classCodePrefix: '0100', regionCode: '110101' },
      { kind: 'component', standard: GB, classCodePrefix: '99', regionCode: '110101' },
      { kind: 'component', standard: GB, classCodePrefix: '01016', regionCode: '110101' },
      { kind: 'component', standard: GB, classCodePrefix: '01001', regionCode: '110199' },
      { kind: 'component', standard: GB, classCodePrefix: '01', regionCode: '110101' },
    ];
    const response = await t().as(admin, {
      method: 'PUT',
      url: url(department.id),
      payload: { version: 1, responsibilities },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      'body.responsibilities.1.classCodePrefix',
      'body.responsibilities.2.classCodePrefix',
      'body.responsibilities.3.classCodePrefix',
      'body.responsibilities.4.regionCode',
      'body.responsibilities.5',
    ]);
    const read = await t().as(admin, { method: 'GET', url: url(department.id) });
    expect(read.json()).toMatchObject({ version: 1, responsibilities: [] });
  });

  it.each([
    [
      { kind: 'event', standard: GB, classCodePrefix: '01', regionCode: '110101' },
      'body.responsibilities.0.kind',
    ],
    [
      { kind: 'matter', standard: 'GB/T 30428.2-2013', classCodePrefix: '01', regionCode: '110101' },
      'body.responsibilities.0.standard',
    ],
    [
      { kind: 'matter', standard: GB, classCodePrefix: '1', regionCode: '110101' },
      'body.responsibilities.0.classCodePrefix',
    ],
  ])('refuses a malformed responsibility %j', async (responsibility, field) => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t());
    const response = await t().as(admin, {
      method: 'PUT',
      url: url(department.id),
      payload: { version: 1, responsibilities: [responsibility] },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('refuses a stale version (409), an unknown department (404) and non-admins (403)', async () => {
    const admin = await t().user({ role: 'admin' });
    const department = await createDepartment(t());
    const body = {
      version: 1,
      responsibilities: [{ kind: 'matter', standard: GB, classCodePrefix: '06', regionCode: '110101' }],
    };
    expect((await t().as(admin, { method: 'PUT', url: url(department.id), payload: body })).statusCode).toBe(
      200,
    );
    const stale = await t().as(admin, { method: 'PUT', url: url(department.id), payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect((await t().as(admin, { method: 'PUT', url: url(999999), payload: body })).statusCode).toBe(404);
    expect((await t().as(admin, { method: 'GET', url: url(999999) })).statusCode).toBe(404);
    for (const role of NON_ADMIN) {
      const user = await t().user({ role });
      expect(
        (await t().as(user, { method: 'PUT', url: url(department.id), payload: { ...body, version: 2 } }))
          .statusCode,
      ).toBe(403);
    }
  });
});

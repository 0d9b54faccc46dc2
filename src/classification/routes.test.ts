import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { fieldsOf } from '../../test/helpers/components.js';
import { STAFF_ROLES } from '../identity/actor.js';

const t = useTestApp();
const NON_ADMIN = STAFF_ROLES.filter((role) => role !== 'admin');
const GB = 'GB/T 47678.5-2026';
const CJ = 'CJ/T 214-2007';

interface ClassView {
  id: number;
  standard: string;
  kind: string;
  majorCode: string;
  code: string;
  name: string;
  version: number;
}

async function classId(standard: string, kind: string, code: string): Promise<number> {
  const row = await t()
    .database.db.selectFrom('classifications')
    .select('id')
    .where('standard', '=', standard)
    .where('kind', '=', kind as 'component')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('GET /classifications', () => {
  it('returns the whole directory in one page of 1000, in standard, kind and code order', async () => {
    const user = await t().user({ role: 'inspector' });
    const response = await t().as(user, { method: 'GET', url: '/api/v1/classifications?limit=1000' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as ClassView[];
    expect(items.length).toBeGreaterThanOrEqual(542);
    expect(response.json().nextCursor).toBeNull();
    const keys = items.map((c) => `${c.standard}|${c.kind}|${c.code}`);
    expect(keys).toEqual([...keys].sort());
    expect(
      items.find((c) => c.standard === GB && c.kind === 'component' && c.code === '01001'),
    ).toMatchObject({
      name: '供水井盖',
      majorCode: '01',
      majorName: '市政公用设施',
      confidence: 'transcribed',
      isExtension: false,
      active: true,
      publicName: null,
      helpText: null,
      version: 1,
    });
  });

  it('pages with a cursor through the same rows', async () => {
    const user = await t().user({ role: 'leader' });
    const all = (
      await t().as(user, {
        method: 'GET',
        url: `/api/v1/classifications?standard=${encodeURIComponent(CJ)}&limit=1000`,
      })
    ).json().items as ClassView[];
    const paged: ClassView[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ClassView[]; nextCursor: string | null } = (
        await t().as(user, {
          method: 'GET',
          url: `/api/v1/classifications?standard=${encodeURIComponent(CJ)}&limit=40${cursor ? `&cursor=${cursor}` : ''}`,
        })
      ).json();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(all).toHaveLength(85 + 54);
  });

  it('filters by standard, kind, major class and text', async () => {
    const user = await t().user({ role: 'dispatcher' });
    const get = async (query: string) =>
      (await t().as(user, { method: 'GET', url: `/api/v1/classifications?limit=1000&${query}` })).json()
        .items as ClassView[];
    const gbComponents = await get(`standard=${encodeURIComponent(GB)}&kind=component`);
    expect(gbComponents).toHaveLength(153);
    const major03 = await get(`standard=${encodeURIComponent(GB)}&kind=component&majorCode=03`);
    expect(major03).toHaveLength(16);
    const matters = await get(`standard=${encodeURIComponent(GB)}&kind=matter`);
    expect(matters).toHaveLength(250);
    const byName = await get(
      `q=${encodeURIComponent('井盖')}&kind=component&standard=${encodeURIComponent(GB)}`,
    );
    expect(byName.length).toBeGreaterThan(5);
    expect(byName.every((c) => c.name.includes('井盖'))).toBe(true);
    const byCode = await get(`q=0900&kind=matter`);
    expect(byCode.every((c) => c.code.startsWith('0900'))).toBe(true);
  });

  it.each(STAFF_ROLES)('lets a %s read the directory', async (role) => {
    const user = await t().user({ role });
    expect((await t().as(user, { method: 'GET', url: '/api/v1/classifications?limit=1' })).statusCode).toBe(
      200,
    );
  });

  it.each([
    ['kind=event', 'querystring.kind'],
    ['standard=GB', 'querystring.standard'],
    ['majorCode=1', 'querystring.majorCode'],
    ['limit=1001', 'querystring.limit'],
    ['cursor=abc', 'querystring.cursor'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const user = await t().user({ role: 'leader' });
    const response = await t().as(user, { method: 'GET', url: `/api/v1/classifications?${query}` });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('requires authentication on every classification endpoint', async () => {
    const requests = [
      { method: 'GET', url: '/api/v1/classifications' },
      { method: 'GET', url: '/api/v1/classifications/1' },
      { method: 'GET', url: '/api/v1/classifications/crosswalk' },
      {
        method: 'POST',
        url: '/api/v1/classifications',
        payload: { kind: 'component', majorCode: '01', name: '防蚊闸' },
      },
      { method: 'PATCH', url: '/api/v1/classifications/1', payload: { version: 1, active: false } },
    ] as const;
    for (const request of requests) {
      expect((await t().app.inject(request)).statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });
});

describe('GET /classifications/{id} and the crosswalk', () => {
  it('links an old code to its successor and back (上水井盖 0101 → 供水井盖 01001, renamed)', async () => {
    const user = await t().user({ role: 'handler', regions: ['110101'] });
    const oldId = await classId(CJ, 'component', '0101');
    const newId = await classId(GB, 'component', '01001');
    const old = await t().as(user, { method: 'GET', url: `/api/v1/classifications/${oldId}` });
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ code: '0101', name: '上水井盖', replaces: [] });
    expect(old.json().replacedBy).toEqual([
      {
        classification: { id: newId, standard: GB, kind: 'component', code: '01001', name: '供水井盖' },
        match: 'renamed',
        note: expect.any(String),
      },
    ]);
    const current = await t().as(user, { method: 'GET', url: `/api/v1/classifications/${newId}` });
    expect(current.json().replacedBy).toEqual([]);
    expect(
      current.json().replaces.map((l: { classification: { code: string } }) => l.classification.code),
    ).toEqual(['0101']);
  });

  it('answers 404 for an unknown class and 400 for a malformed id', async () => {
    const user = await t().user({ role: 'leader' });
    const missing = await t().as(user, { method: 'GET', url: '/api/v1/classifications/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('CLASSIFICATION_NOT_FOUND');
    expect((await t().as(user, { method: 'GET', url: '/api/v1/classifications/abc' })).statusCode).toBe(400);
  });

  it('lists the crosswalk, filtered by kind and match', async () => {
    const user = await t().user({ role: 'leader' });
    const all = await t().as(user, { method: 'GET', url: '/api/v1/classifications/crosswalk' });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as Array<{ from: ClassView; to: ClassView; match: string }>;
    const stored = await t().database.db.selectFrom('classification_crosswalk').select('from_id').execute();
    expect(items).toHaveLength(stored.length);
    expect(
      items.every((x) => x.from.standard === CJ && x.to.standard === GB && x.from.kind === x.to.kind),
    ).toBe(true);
    const renamed = await t().as(user, {
      method: 'GET',
      url: '/api/v1/classifications/crosswalk?match=renamed&kind=component',
    });
    const renamedItems = renamed.json().items as Array<{ from: ClassView; match: string }>;
    expect(renamedItems.length).toBeGreaterThan(0);
    expect(renamedItems.every((x) => x.match === 'renamed' && x.from.kind === 'component')).toBe(true);
    expect(
      (await t().as(user, { method: 'GET', url: '/api/v1/classifications/crosswalk?match=none' })).statusCode,
    ).toBe(400);
  });
});

describe('POST /classifications (local extension classes)', () => {
  const post = async (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t().as(await t().user({ role: 'admin' }), {
      method: 'POST',
      url: '/api/v1/classifications',
      payload,
      headers,
    });

  it('allocates local codes from 999 down, with the （自定义） suffix', async () => {
    const first = await post({
      kind: 'component',
      majorCode: '04',
      name: '树木支撑架',
      publicName: '树木支架',
      helpText: '新植树木的支撑架',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      standard: 'LOCAL',
      kind: 'component',
      majorCode: '04',
      majorName: '园林绿化设施',
      code: '04999',
      name: '树木支撑架（自定义）',
      publicName: '树木支架',
      helpText: '新植树木的支撑架',
      confidence: 'local',
      isExtension: true,
      active: true,
      replaces: [],
      replacedBy: [],
    });
    const second = await post({ kind: 'component', majorCode: '04', name: '绿地喷灌（自定义）' });
    expect(second.json()).toMatchObject({ code: '04998', name: '绿地喷灌（自定义）' });
  });

  it('takes a free code when given one', async () => {
    const response = await post({ kind: 'matter', majorCode: '06', code: '06500', name: '共享单车乱停放' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'matter',
      code: '06500',
      name: '共享单车乱停放（自定义）',
    });
    const again = await post({ kind: 'matter', majorCode: '06', code: '06500', name: '另一个事项' });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['body.code']);
  });

  it.each([
    ['a standard code', { kind: 'component', majorCode: '01', code: '01001', name: '甲' }, 'body.code'],
    [
      'a minor kept for the standard',
      { kind: 'component', majorCode: '01', code: '01050', name: '乙' },
      'body.code',
    ],
    [
      'a code of another major',
      { kind: 'component', majorCode: '01', code: '02990', name: '丙' },
      'body.code',
    ],
    [
      'a major without standard classes',
      { kind: 'component', majorCode: '09', name: '丁' },
      'body.majorCode',
    ],
    ['the name of a standard class', { kind: 'component', majorCode: '01', name: '供水井盖' }, 'body.name'],
    ['a standard name in another major', { kind: 'component', majorCode: '04', name: '防蚊闸' }, 'body.name'],
    [
      'a name too long for GLBJMC',
      { kind: 'component', majorCode: '01', name: '长'.repeat(31) },
      'body.name',
    ],
    ['an unknown kind', { kind: 'event', majorCode: '01', name: '戊' }, 'body.kind'],
    [
      'an unknown property',
      { kind: 'component', majorCode: '01', name: '己', standard: GB },
      'body.standard',
    ],
  ])('refuses %s (400)', async (_, payload, field) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it.each(NON_ADMIN)('refuses a %s (403)', async (role) => {
    const user = await t().user({ role });
    const response = await t().as(user, {
      method: 'POST',
      url: '/api/v1/classifications',
      payload: { kind: 'component', majorCode: '01', name: '防蚊闸' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('replays an Idempotency-Key: one class for two identical requests', async () => {
    const admin = await t().user({ role: 'admin' });
    const send = (name: string) =>
      t().as(admin, {
        method: 'POST',
        url: '/api/v1/classifications',
        payload: { kind: 'component', majorCode: '03', name },
        headers: { 'idempotency-key': 'local-class-03' },
      });
    const first = await send('智能垃圾桶');
    const again = await send('智能垃圾桶');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t()
      .database.db.selectFrom('classifications')
      .select('id')
      .where('name', '=', '智能垃圾桶（自定义）')
      .execute();
    expect(rows).toHaveLength(1);
    expect((await send('别的名字')).statusCode).toBe(422);
  });
});

describe('PATCH /classifications/{id}', () => {
  it('sets the public name and help text, deactivates, and bumps the version', async () => {
    const admin = await t().user({ role: 'admin' });
    const id = await classId(GB, 'matter', '06001');
    const response = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/classifications/${id}`,
      payload: {
        version: 1,
        publicName: '违章建筑',
        helpText: '未经批准新建、改建、扩建的建筑物',
        active: false,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: '私搭乱建',
      publicName: '违章建筑',
      active: false,
      version: 2,
    });
    const inactive = await t().as(admin, {
      method: 'GET',
      url: '/api/v1/classifications?active=false&limit=1000',
    });
    expect(inactive.json().items.map((c: ClassView) => c.id)).toContain(id);
    const cleared = await t().as(admin, {
      method: 'PATCH',
      url: `/api/v1/classifications/${id}`,
      payload: { version: 2, publicName: null, active: true },
    });
    expect(cleared.json()).toMatchObject({
      publicName: null,
      helpText: '未经批准新建、改建、扩建的建筑物',
      active: true,
      version: 3,
    });
  });

  it('refuses a stale version (409), an unknown class (404), bad fields (400) and non-admins (403)', async () => {
    const admin = await t().user({ role: 'admin' });
    const id = await classId(GB, 'matter', '06002');
    const url = `/api/v1/classifications/${id}`;
    expect(
      (await t().as(admin, { method: 'PATCH', url, payload: { version: 1, helpText: '说明' } })).statusCode,
    ).toBe(200);
    const stale = await t().as(admin, {
      method: 'PATCH',
      url,
      payload: { version: 1, helpText: '另一说明' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(
      (
        await t().as(admin, {
          method: 'PATCH',
          url: '/api/v1/classifications/999999',
          payload: { version: 1 },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t().as(admin, { method: 'PATCH', url, payload: { version: 2, name: '改名' } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('body.name');
    for (const role of NON_ADMIN) {
      const user = await t().user({ role });
      expect(
        (await t().as(user, { method: 'PATCH', url, payload: { version: 2, active: false } })).statusCode,
      ).toBe(403);
    }
  });
});

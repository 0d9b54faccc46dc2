import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { createDepartment } from '../departments/index.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { systemContext } from '../shared/context.js';
import {
  publishTestBundle,
  publishTestItem,
  testForm,
  testGuide,
  testOrgCreditCode,
} from './test-support.js';

const t = useTestApp();
const NON_ADMIN = STAFF_ROLES.filter((role) => role !== 'admin');
let seq = 0;

async function department(name?: string): Promise<{ id: number; name: string }> {
  seq += 1;
  const d = await createDepartment(t().database.db, systemContext(), {
    name: name ?? `路由测试部门-${seq}-${Math.random().toString(36).slice(2, 7)}`,
    kind: 'other',
  });
  return { id: d.id, name: d.name };
}

async function itemBody(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    basicCode: `R${String(seq).padStart(3, '0')}${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
    implementationCode: `R-${Date.now().toString(36).toUpperCase()}-${seq}`,
    kind: 'licensing',
    level: 'main',
    parentId: null,
    situation: null,
    departmentId: (await department()).id,
    implementingOrgCreditCode: testOrgCreditCode(),
    competentDepartment: '区民政局',
    draft: { name: '测试许可', lifeEvents: ['residence'], guide: testGuide(), form: testForm() },
    ...overrides,
  };
}

async function admin() {
  return t().user({ role: 'admin' });
}

describe('public search (GET /service-items)', () => {
  it('finds items by Chinese keyword, name hits before alias and guide-text hits', async () => {
    const tag = `检索${Math.random().toString(36).slice(2, 6)}`;
    const byText = await publishTestItem(t().database.db, {
      name: `临时救助${tag}甲`,
      guide: { ...testGuide(), conditions: `居住证持有人可申请 ${tag}` },
    });
    const byName = await publishTestItem(t().database.db, { name: `居住证申领${tag}` });
    const byAlias = await publishTestItem(t().database.db, {
      name: `流动人口登记${tag}乙`,
      aliases: ['居住证登记'],
    });
    const response = await t().as(null, {
      method: 'GET',
      url: `/api/v1/service-items?q=${encodeURIComponent(`居住证 ${tag}`)}`,
    });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((i: { itemId: number }) => i.itemId);
    expect(ids).toEqual([byName.itemId, byAlias.itemId, byText.itemId]);
    expect(response.json().items[0]).toMatchObject({
      atMostOneVisit: true,
      applicable: true,
      kindLabel: '行政许可',
    });
  });

  it('filters by life event, department, subject, kind and channel, and pages with a cursor', async () => {
    const d = await department();
    const items = [];
    for (let i = 0; i < 3; i++)
      items.push(
        await publishTestItem(t().database.db, { departmentId: d.id, lifeEvents: ['birth', 'medical'] }),
      );
    const page1 = await t().as(null, {
      method: 'GET',
      url: `/api/v1/service-items?departmentId=${d.id}&limit=2`,
    });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await t().as(null, {
      method: 'GET',
      url: `/api/v1/service-items?departmentId=${d.id}&limit=2&cursor=${page1.json().nextCursor}`,
    });
    expect(page2.json()).toMatchObject({ nextCursor: null, items: [{ itemId: items[2]!.itemId }] });
    const filtered = async (query: string) =>
      (
        await t().as(null, { method: 'GET', url: `/api/v1/service-items?departmentId=${d.id}&${query}` })
      ).json().items.length;
    expect(await filtered('lifeEvent=birth')).toBe(3);
    expect(await filtered('lifeEvent=death')).toBe(0);
    expect(await filtered('subject=person')).toBe(3);
    expect(await filtered('subject=legal_person')).toBe(0);
    expect(await filtered('kind=licensing')).toBe(3);
    expect(await filtered('kind=public_service')).toBe(0);
    expect(await filtered('channel=hall')).toBe(3);
    expect(await filtered('channel=post')).toBe(0);
  });

  it.each([
    ['limit=0', 'querystring.limit'],
    ['kind=magic', 'querystring.kind'],
    ['subject=alien', 'querystring.subject'],
    ['departmentId=abc', 'querystring.departmentId'],
    ['lifeEvent=Not-A-Slug', 'querystring.lifeEvent'],
    ['cursor=notacursor', 'querystring.cursor'],
  ])('refuses %s naming %s', async (query, field) => {
    const response = await t().as(null, { method: 'GET', url: `/api/v1/service-items?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers facets with counts', async () => {
    await publishTestItem(t().database.db, { lifeEvents: ['elderly'] });
    const response = await t().as(null, { method: 'GET', url: '/api/v1/service-items/facets' });
    expect(response.statusCode).toBe(200);
    expect(response.json().lifeEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'elderly', label: '养老' })]),
    );
    expect(response.json().departments.length).toBeGreaterThan(0);
  });
});

describe('public item pages', () => {
  it('shows the whole guide of the version in force, its history, and a bundle’s children', async () => {
    const bundle = await publishTestBundle(t().database.db, 2);
    const page = await t().as(null, { method: 'GET', url: `/api/v1/service-items/${bundle.itemId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ itemId: bundle.itemId, versionId: bundle.id, applicable: true });
    expect(page.json().bundleItems).toHaveLength(2);
    expect(page.json().guide.materials.length).toBeGreaterThan(0);
    const history = await t().as(null, {
      method: 'GET',
      url: `/api/v1/service-items/${bundle.itemId}/versions`,
    });
    expect(history.json().items).toEqual([
      expect.objectContaining({ versionId: bundle.id, state: 'published', stateLabel: '已发布' }),
    ]);
    const version = await t().as(null, { method: 'GET', url: `/api/v1/service-item-versions/${bundle.id}` });
    expect(version.json().versionId).toBe(bundle.id);
  });

  it('answers 404 for an unknown item and a draft version', async () => {
    expect((await t().as(null, { method: 'GET', url: '/api/v1/service-items/2000000000' })).statusCode).toBe(
      404,
    );
    const a = await admin();
    const created = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      payload: await itemBody(),
    });
    const draftId = created.json().versions[0].id;
    const response = await t().as(null, { method: 'GET', url: `/api/v1/service-item-versions/${draftId}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CATALOGUE_VERSION_NOT_FOUND');
    expect(
      (await t().as(null, { method: 'GET', url: `/api/v1/service-items/${created.json().id}` })).statusCode,
    ).toBe(404);
  });
});

describe('the four lists (GET /service-lists/{list})', () => {
  it('publishes each list as JSON, CSV and XLSX', async () => {
    const power = await publishTestItem(t().database.db, { name: '权力清单测试事项' });
    const service = await publishTestItem(t().database.db, {
      name: '公共服务测试事项',
      kind: 'public_service',
      guide: { ...testGuide(), legalBases: [], visits: { online: 0, hall: 2 } },
    });
    const get = async (list: string, format = 'json') =>
      t().as(null, { method: 'GET', url: `/api/v1/service-lists/${list}?format=${format}` });
    const ids = async (list: string) =>
      (await get(list)).json().rows.map((r: { itemId: number }) => r.itemId);
    expect(await ids('power')).toContain(power.itemId);
    expect(await ids('power')).not.toContain(service.itemId);
    expect(await ids('public-service')).toContain(service.itemId);
    expect(await ids('public-service')).not.toContain(power.itemId);
    expect(await ids('one-visit')).toContain(power.itemId);
    expect(await ids('one-visit')).not.toContain(service.itemId);
    const responsibility = (await get('responsibility')).json();
    const row = responsibility.rows.find((r: { itemId: number }) => r.itemId === power.itemId);
    expect(row.duties).toContain('受理责任');
    expect(row.basis).toContain('行政许可法');
    const csv = await get('power', 'csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('权力清单测试事项');
    const xlsx = await get('one-visit', 'xlsx');
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('negative')).statusCode).toBe(400);
  });
});

describe('administration (/catalogue)', () => {
  it('creates, edits, publishes, versions and retires an item', async () => {
    const a = await admin();
    const created = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { 'idempotency-key': `create-${seq}-${Math.random()}` },
      payload: await itemBody(),
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json().versions[0];
    const edited = await t().as(a, {
      method: 'PATCH',
      url: `/api/v1/catalogue/versions/${draft.id}`,
      payload: { version: draft.rowVersion, name: '居住证签注' },
    });
    expect(edited.statusCode).toBe(200);
    const stale = await t().as(a, {
      method: 'PATCH',
      url: `/api/v1/catalogue/versions/${draft.id}`,
      payload: { version: draft.rowVersion, name: '又改' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const published = await t().as(a, {
      method: 'POST',
      url: `/api/v1/catalogue/versions/${draft.id}/publish`,
      payload: { version: edited.json().rowVersion, validFrom: '2020-01-01' },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', name: '居住证签注' });
    const frozen = await t().as(a, {
      method: 'PATCH',
      url: `/api/v1/catalogue/versions/${draft.id}`,
      payload: { version: published.json().rowVersion, name: '不可改' },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('CATALOGUE_VERSION_FROZEN');
    const v2 = await t().as(a, {
      method: 'POST',
      url: `/api/v1/catalogue/items/${created.json().id}/drafts`,
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, state: 'draft' });
    const discard = await t().as(a, {
      method: 'DELETE',
      url: `/api/v1/catalogue/versions/${v2.json().id}?version=${v2.json().rowVersion}`,
    });
    expect(discard.statusCode).toBe(204);
    const retired = await t().as(a, {
      method: 'POST',
      url: `/api/v1/catalogue/versions/${draft.id}/retire`,
      payload: { version: published.json().rowVersion },
    });
    expect(retired.json().state).toBe('retired');
    const list = await t().as(a, {
      method: 'GET',
      url: `/api/v1/catalogue/items?q=${created.json().basicCode}`,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.json().id, latestState: 'retired' }),
    ]);
  });

  it('replays a create with the same Idempotency-Key and refuses another body under it', async () => {
    const a = await admin();
    const key = `idem-${Math.random()}`;
    const body = await itemBody();
    const first = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    const again = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { 'idempotency-key': key },
      payload: await itemBody(),
    });
    expect(other.statusCode).toBe(422);
  });

  it.each([
    ['basicCode', { basicCode: 'ABCDEFGHIJK' }, 'body.basicCode'],
    ['implementation code', { implementationCode: 'x'.repeat(25) }, 'body.implementationCode'],
    ['credit code', { implementingOrgCreditCode: '91110000600037341X' }, 'body.implementingOrgCreditCode'],
    ['kind', { kind: 'tax' }, 'body.kind'],
    ['department', { departmentId: 2_000_000_000 }, 'body.departmentId'],
    ['parent of a main item', { parentId: 2_000_000_000 }, 'body.parentId'],
    ['situation on a main item', { situation: 'new' }, 'body.situation'],
  ])('refuses a bad %s naming the field', async (_what, overrides, field) => {
    const response = await t().as(await admin(), {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      payload: await itemBody(overrides),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['promise above the legal limit', { promisedDays: 30 }, 'body.draft.guide.promisedDays'],
    [
      'conditional material without condition',
      { materials: testGuide().materials.map((m) => ({ ...m, condition: null })) },
      'body.draft.guide.materials.2.condition',
    ],
    [
      'visits of an unoffered channel',
      { visits: { online: 0, hall: 1, post: 1 } },
      'body.draft.guide.visits.post',
    ],
    ['power without legal basis', { legalBases: [] }, 'body.draft.guide.legalBases'],
  ])('refuses a guide with a %s', async (_what, guide, field) => {
    const body = await itemBody();
    body.draft = { ...body.draft, guide: { ...testGuide(), ...guide } };
    const response = await t().as(await admin(), {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a form whose layout misses a field', async () => {
    const body = await itemBody();
    const form = testForm();
    form.layout.sections[0]!.fields.pop();
    body.draft = { ...body.draft, form };
    const response = await t().as(await admin(), {
      method: 'POST',
      url: '/api/v1/catalogue/items',
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(
      'body.draft.form.layout.sections',
    );
  });

  it.each(NON_ADMIN)('refuses the %s role every write, and lets staff read', async (role) => {
    const user = await t().user({ role });
    const create = await t().as(user, { method: 'POST', url: '/api/v1/catalogue/items', payload: {} });
    expect(create.statusCode).toBe(403);
    const publish = await t().as(user, {
      method: 'POST',
      url: '/api/v1/catalogue/versions/1/publish',
      payload: {},
    });
    expect(publish.statusCode).toBe(403);
    const importing = await t().as(user, { method: 'POST', url: '/api/v1/catalogue/import', payload: {} });
    expect(importing.statusCode).toBe(403);
    expect((await t().as(user, { method: 'GET', url: '/api/v1/catalogue/items' })).statusCode).toBe(200);
  });

  it('refuses anonymous administration', async () => {
    expect((await t().as(null, { method: 'GET', url: '/api/v1/catalogue/items' })).statusCode).toBe(401);
    expect(
      (await t().as(null, { method: 'POST', url: '/api/v1/catalogue/items', payload: {} })).statusCode,
    ).toBe(401);
  });
});

describe('import and export', () => {
  it('round-trips the export through import (JSON and XLSX) without changes', async () => {
    const a = await admin();
    await publishTestItem(t().database.db, { name: '导出测试事项' });
    const json = await t().as(a, { method: 'GET', url: '/api/v1/catalogue/export' });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    expect(document.format).toBe('shuzhi-catalogue');
    const again = await t().as(a, { method: 'POST', url: '/api/v1/catalogue/import', payload: document });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, versioned: 0, unchanged: document.items.length });
    const xlsx = await t().as(a, { method: 'GET', url: '/api/v1/catalogue/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const back = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/import.xlsx',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: xlsx.rawPayload,
    });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, versioned: 0, unchanged: document.items.length });
  });

  it('imports new and changed entries, dry-runs without writing, and rejects a bad row naming it', async () => {
    const a = await admin();
    const d = await department(`导入部门-${Math.random().toString(36).slice(2, 6)}`);
    const entry = (code: string, name: string) => ({
      basicCode: code,
      implementationCode: `${code}-IMPL`,
      name,
      kind: 'licensing',
      level: 'main',
      parentCode: null,
      situation: null,
      departmentName: d.name,
      implementingOrgCreditCode: testOrgCreditCode(),
      competentDepartment: '区卫健委',
      lifeEvents: ['birth'],
      validFrom: '2020-01-01',
      validTo: null,
      guide: {
        ...testGuide(),
        materials: testGuide().materials.map(({ sampleFileId: _s, blankFileId: _b, ...m }) => m),
      },
      form: testForm(),
      bundleCodes: [],
      source: null,
    });
    const code = `I${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const child = { ...entry(`${code}C`, '导入子项'), level: 'handling', parentCode: code, situation: 'new' };
    const document = {
      format: 'shuzhi-catalogue',
      formatVersion: 1,
      items: [child, entry(code, '导入主项')],
    };
    const dry = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/import?dryRun=true',
      payload: document,
    });
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2 });
    const search = async () =>
      (await t().as(null, { method: 'GET', url: `/api/v1/service-items?departmentId=${d.id}` })).json().items
        .length;
    expect(await search()).toBe(0);
    const real = await t().as(a, { method: 'POST', url: '/api/v1/catalogue/import', payload: document });
    expect(real.json()).toMatchObject({ dryRun: false, created: 2 });
    expect(await search()).toBe(2);

    const changed = structuredClone(document);
    changed.items[1]!.name = '导入主项（修订）';
    changed.items[0]!.guide.promisedDays = 99;
    changed.items[0]!.departmentName = '没有这个部门';
    const rejected = await t().as(a, { method: 'POST', url: '/api/v1/catalogue/import', payload: changed });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().code).toBe('IMPORT_REJECTED');
    expect(rejected.json().errors.map((e: { field: string }) => e.field)).toEqual(['items.0.departmentName']);
    changed.items[0]!.departmentName = d.name;
    const rejected2 = await t().as(a, { method: 'POST', url: '/api/v1/catalogue/import', payload: changed });
    expect(rejected2.json().errors.map((e: { field: string }) => e.field)).toContain(
      'items.0.guide.promisedDays',
    );
    // Nothing of the rejected import was written: the main item keeps its name.
    const main = await t().as(null, {
      method: 'GET',
      url: `/api/v1/service-items?q=${encodeURIComponent('导入主项')}&departmentId=${d.id}`,
    });
    expect(main.json().items.map((i: { name: string }) => i.name)).toEqual(['导入主项']);
    changed.items[0]!.guide.promisedDays = 5;
    const versioned = await t().as(a, { method: 'POST', url: '/api/v1/catalogue/import', payload: changed });
    expect(versioned.json()).toMatchObject({ created: 0, versioned: 1, unchanged: 1 });
  });

  it('refuses a document that is not the exchange format, and a workbook that is not one', async () => {
    const a = await admin();
    const bad = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/import',
      payload: { format: 'other', items: [] },
    });
    expect(bad.statusCode).toBe(400);
    const notXlsx = await t().as(a, {
      method: 'POST',
      url: '/api/v1/catalogue/import.xlsx',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: Buffer.from('not a workbook'),
    });
    expect(notXlsx.statusCode).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { nextCreditCode, nextIdNumber } from '../../test/helpers/applicants.js';
import { useTestApp } from '../../test/helpers/app.js';
import { bearer, citizen } from '../../test/helpers/citizens.js';
import { recordRegistryCheck } from '../citizens/index.js';
import { maskIdNumber } from '../shared/codes/index.js';

const t = useTestApp();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const inAYear = () => `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`;

/** A citizen with a declared identity, optionally registry-checked (level 3). */
async function declared(realName: string, level: 2 | 3 = 2) {
  const who = await citizen(t());
  const idNumber = nextIdNumber();
  const res = await t().app.inject({
    method: 'PUT',
    url: '/api/v1/citizens/me/identity',
    headers: bearer(who),
    payload: { realName, idNumber, version: 1 },
  });
  expect(res.statusCode, res.body).toBe(200);
  if (level === 3)
    await recordRegistryCheck(t().database.db, t().reporterKeys, who.id, {
      registry: '测试库',
      at: new Date(),
    });
  return { ...who, idNumber, realName };
}

describe('citizen routes', () => {
  it('declares identity and reads the profile, numbers masked, no-store', async () => {
    const me = await declared('孔明');
    const res = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/applicant',
      headers: bearer(me),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({
      person: { citizenId: me.id, realName: '孔明', idNumber: maskIdNumber(me.idNumber), identityLevel: 2 },
      legalPersons: [],
    });
  });

  it('answers bad identity input field by field, and a stale version with 409', async () => {
    const me = await citizen(t());
    const bad = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/citizens/me/identity',
      headers: bearer(me),
      payload: { realName: '张三', idNumber: '110101199001011230', version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'body.idNumber' })]);
    const missing = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/citizens/me/identity',
      headers: bearer(me),
      payload: { realName: '张三' },
    });
    expect(missing.statusCode).toBe(400);
    const stale = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/citizens/me/identity',
      headers: bearer(me),
      payload: { realName: '张三', idNumber: nextIdNumber(), version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('registers a legal person at level 3 (403 naming the level below), once per Idempotency-Key', async () => {
    const low = await declared('低级');
    const body = { creditCode: nextCreditCode(), name: '北京路由测试有限公司', kind: 'enterprise' };
    const refused = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/legal-persons',
      headers: bearer(low),
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'IDENTITY_LEVEL_TOO_LOW',
      requiredLevel: 3,
      currentLevel: 2,
    });
    const rep = await declared('高级', 3);
    const headers = { ...bearer(rep), 'idempotency-key': 'lp-1' };
    const first = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/legal-persons',
      headers,
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/legal-persons',
      headers,
      payload: body,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const kind = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/legal-persons',
      headers: bearer(rep),
      payload: { ...body, creditCode: nextCreditCode('92') },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors).toEqual([expect.objectContaining({ field: 'body.kind' })]);
  });

  it('grants, lists and revokes authorisations', async () => {
    const principal = await declared('老人');
    const agent = await declared('子女');
    const granted = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/authorisations',
      headers: { ...bearer(principal), 'idempotency-key': 'grant-1' },
      payload: {
        principal: 'self',
        agent: { phone: agent.phone },
        kind: 'entrust',
        allItems: true,
        itemIds: [],
        validFrom: today(),
        validTo: inAYear(),
      },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const id = granted.json().id as number;
    const received = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/authorisations',
      headers: bearer(agent),
    });
    expect(received.json().received).toEqual([expect.objectContaining({ id, state: 'active' })]);
    const revoke = await t().app.inject({
      method: 'POST',
      url: `/api/v1/citizens/me/authorisations/${id}/revoke`,
      headers: bearer(principal),
      payload: { version: 1, reason: '收回' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ state: 'revoked', revokeReason: '收回' });
    const badScope = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/authorisations',
      headers: bearer(principal),
      payload: {
        principal: 'self',
        agent: { phone: agent.phone },
        kind: 'entrust',
        allItems: false,
        itemIds: [],
        validFrom: today(),
        validTo: inAYear(),
      },
    });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json().errors).toEqual([expect.objectContaining({ field: 'body.itemIds' })]);
  });

  it('refuses staff tokens and anonymous callers', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const asStaff = await t().as(clerk, { method: 'GET', url: '/api/v1/citizens/me/applicant' });
    expect(asStaff.statusCode).toBe(403);
    const anonymous = await t().app.inject({ method: 'GET', url: '/api/v1/citizens/me/authorisations' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('window routes', () => {
  it('registers a walk-in (201, then 200 for the same card), finds and reads them, audited', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const idNumber = nextIdNumber();
    const first = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applicants/persons',
      payload: { realName: '卫老师', idNumber },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, person: { identityLevel: 4, hasAccount: false } });
    const second = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applicants/persons',
      payload: { realName: '卫老师', idNumber },
    });
    expect(second.statusCode).toBe(200);
    const found = await t().as(clerk, { method: 'GET', url: `/api/v1/applicants?idNumber=${idNumber}` });
    expect(found.statusCode).toBe(200);
    expect(found.json().persons).toEqual([expect.objectContaining({ idNumber: maskIdNumber(idNumber) })]);
    const id = first.json().person.citizenId as number;
    const full = await t().as(clerk, { method: 'GET', url: `/api/v1/applicants/persons/${id}?full=true` });
    expect(full.json().person.idNumber).toBe(idNumber);
    const admin = await t().user({ role: 'admin' });
    const audit = await t().as(admin, {
      method: 'GET',
      url: `/api/v1/audit?action=applicant.read&targetId=${id}`,
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('answers 403 to roles without the permission, and to masked roles asking in full', async () => {
    const handler = await t().user({ role: 'handler' });
    const inspector = await t().user({ role: 'inspector' });
    const idNumber = nextIdNumber();
    expect(
      (await t().as(inspector, { method: 'GET', url: `/api/v1/applicants?idNumber=${idNumber}` })).statusCode,
    ).toBe(403);
    expect(
      (
        await t().as(handler, {
          method: 'POST',
          url: '/api/v1/applicants/persons',
          payload: { realName: '甲', idNumber },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t().as(handler, { method: 'GET', url: `/api/v1/applicants?idNumber=${idNumber}` })).statusCode,
    ).toBe(200);
    expect(
      (await t().as(handler, { method: 'GET', url: `/api/v1/applicants?idNumber=${idNumber}&full=true` }))
        .statusCode,
    ).toBe(403);
    const me = await citizen(t());
    const asCitizen = await t().app.inject({
      method: 'GET',
      url: `/api/v1/applicants?idNumber=${idNumber}`,
      headers: bearer(me),
    });
    expect(asCitizen.statusCode).toBe(403);
  });

  it('registers a legal person, names bad fields, and lists authorisations by exactly one owner', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const created = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applicants/legal-persons',
      payload: {
        creditCode: nextCreditCode(),
        name: '北京窗口登记有限公司',
        kind: 'enterprise',
        representative: { realName: '魏总', idNumber: nextIdNumber() },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bad = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/applicants/legal-persons',
      payload: {
        creditCode: '123',
        name: '坏',
        kind: 'enterprise',
        representative: { realName: '魏总', idNumber: '110101199001011230' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.creditCode', 'body.representative.idNumber']);
    const listed = await t().as(clerk, {
      method: 'GET',
      url: `/api/v1/applicants/authorisations?legalPersonId=${created.json().id}`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [] });
    const neither = await t().as(clerk, { method: 'GET', url: '/api/v1/applicants/authorisations' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors).toEqual([expect.objectContaining({ field: 'querystring' })]);
  });
});

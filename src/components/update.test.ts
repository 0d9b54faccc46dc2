import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  createComponent,
  createDepartment,
  fieldsOf,
  gridCode,
  pointIn,
  type TestDepartment,
} from '../../test/helpers/components.js';
import { ORIGIN, STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { civilToday } from './rules.js';

const t = useTestApp();
let admin: TestUser;
let department: TestDepartment;

beforeAll(async () => {
  admin = await t().user({ role: 'admin' });
  department = await createDepartment(t());
});

const patch = (user: TestUser | null, id: string, payload: Record<string, unknown>) =>
  t().as(user, { method: 'PATCH', url: `/api/v1/components/${id}`, payload });

describe('PATCH /components/{id}', () => {
  it('changes fields at the current version, bumps it and audits the change', async () => {
    const component = await createComponent(t(), admin, department.id, { attributes: { 材质: '铸铁' } });
    const owner = await createDepartment(t());
    const response = await patch(admin, component.id, {
      version: 1,
      name: '改名后的井盖',
      ownerDepartmentId: owner.id,
      dataSource: 'basic_geodata',
      remarks: '复核',
      attributes: { 材质: '复合材料', 承重: 'D400' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: '改名后的井盖',
      ownerDepartment: { id: owner.id },
      dataSource: 'basic_geodata',
      dataSourceLabel: '基础地理数据',
      remarks: '复核',
      attributes: { 材质: '复合材料', 承重: 'D400' },
      status: 'intact',
      changedDate: null,
      version: 2,
      identifier: component.identifier,
    });
    const cleared = await patch(admin, component.identifier, {
      version: 2,
      ownerDepartmentId: null,
      remarks: null,
    });
    expect(cleared.json()).toMatchObject({ ownerDepartment: null, remarks: null, version: 3 });
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', component.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['component.create', 'component.update', 'component.update']);
  });

  it('dates a status change today (变更日期), or on the date given', async () => {
    const component = await createComponent(t(), admin, department.id, { geometry: pointIn([1, 1, 2]) });
    const damaged = await patch(admin, component.id, { version: 1, status: 'damaged' });
    expect(damaged.json()).toMatchObject({
      status: 'damaged',
      statusLabel: '破损',
      changedDate: civilToday('Asia/Shanghai'),
    });
    const lost = await patch(admin, component.id, { version: 2, status: 'lost', changedDate: '2024-06-01' });
    expect(lost.json()).toMatchObject({ status: 'lost', statusLabel: '丢失', changedDate: '2024-06-01' });
    const renamed = await patch(admin, component.id, { version: 3, name: '仅改名' });
    expect(renamed.json().changedDate).toBe('2024-06-01');
  });

  it('moves a component and places it again', async () => {
    const component = await createComponent(t(), admin, department.id, { geometry: pointIn([1, 1, 1]) });
    const moved = await patch(admin, component.id, { version: 1, geometry: pointIn([2, 2, 1]) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().location).toMatchObject({
      grid: { code: gridCode([2, 2, 1]) },
      street: { code: STREET_B },
    });
    expect(moved.json().identifier).toBe(component.identifier);
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const component = await createComponent(t(), admin, department.id);
    await patch(admin, component.id, { version: 1, name: '第一次' });
    const stale = await patch(admin, component.id, { version: 1, name: '第二次' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const read = await t().as(admin, { method: 'GET', url: `/api/v1/components/${component.id}` });
    expect(read.json().name).toBe('第一次');
  });

  it.each([
    ['no version', { name: '甲' }, 'body.version'],
    ['an unknown status', { version: 1, status: 'occupied' }, 'body.status'],
    ['an unknown department', { version: 1, maintainerDepartmentId: 999999 }, 'body.maintainerDepartmentId'],
    ['a change before the initial date', { version: 1, changedDate: '2020-01-01' }, 'body.changedDate'],
    ['a future initial date', { version: 1, initialDate: '2999-01-01' }, 'body.initialDate'],
    ['a bad geometry', { version: 1, geometry: { type: 'Point', coordinates: [200, 39] } }, 'body.geometry'],
    ['a long attribute', { version: 1, attributes: { 说明: 'x'.repeat(501) } }, 'body.attributes.说明'],
    ['a class change', { version: 1, classCode: '01002' }, 'body.classCode'],
    ['an identifier change', { version: 1, identifier: '11010101001000999' }, 'body.identifier'],
  ])('refuses %s (400)', async (_, payload, field) => {
    const component = await createComponent(t(), admin, department.id);
    const response = await patch(admin, component.id, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  it('refuses a move outside every grid (422)', async () => {
    const component = await createComponent(t(), admin, department.id);
    const response = await patch(admin, component.id, {
      version: 1,
      geometry: { type: 'Point', coordinates: [ORIGIN.lng + 1, ORIGIN.lat] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('LOCATION_OUTSIDE_GRIDS');
  });

  it("lets a supervisor edit their street's components but not move them out, nor touch another street's", async () => {
    const supervisor = await t().user({ role: 'supervisor', regions: [STREET_A] });
    const mine = await createComponent(t(), admin, department.id, { geometry: pointIn([1, 2, 1]) });
    const theirs = await createComponent(t(), admin, department.id, { geometry: pointIn([2, 2, 1]) });
    expect((await patch(supervisor, mine.id, { version: 1, status: 'damaged' })).statusCode).toBe(200);
    const within = await patch(supervisor, mine.id, { version: 2, geometry: pointIn([1, 1, 2]) });
    expect(within.statusCode).toBe(200);
    const out = await patch(supervisor, mine.id, { version: 3, geometry: pointIn([2, 1, 2]) });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('LOCATION_OUTSIDE_JURISDICTION');
    const other = await patch(supervisor, theirs.id, { version: 1, status: 'lost' });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('COMPONENT_NOT_FOUND');
    const unchanged = await t().as(admin, { method: 'GET', url: `/api/v1/components/${theirs.id}` });
    expect(unchanged.json()).toMatchObject({ status: 'intact', version: 1 });
  });

  it.each(STAFF_ROLES.filter((role) => role !== 'admin' && role !== 'supervisor'))(
    'refuses a %s (403)',
    async (role) => {
      const component = await createComponent(t(), admin, department.id);
      const user = await t().user({ role, regions: ['110101'], departmentId: department.id });
      const response = await patch(user, component.id, { version: 1, status: 'damaged' });
      expect(response.statusCode).toBe(403);
    },
  );

  it('requires authentication (401) and answers 404 for an unknown component', async () => {
    const component = await createComponent(t(), admin, department.id);
    expect((await patch(null, component.id, { version: 1, name: '甲' })).statusCode).toBe(401);
    const missing = await patch(admin, '00000000-0000-4000-8000-000000000000', { version: 1, name: '甲' });
    expect(missing.statusCode).toBe(404);
  });
});

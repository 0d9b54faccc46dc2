import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import { createDepartment } from '../../test/helpers/components.js';
import { STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { recipientsFor } from './recipients.js';
import { notify } from './service.js';

const t = useTestServices();

const inboxOf = (userId: number) =>
  t()
    .database.db.selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();

describe('notify', () => {
  it('writes one notification per distinct recipient inside the caller’s transaction', async () => {
    const a = await t().user({ role: 'dispatcher' });
    const b = await t().user({ role: 'dispatcher' });
    const written = await t()
      .database.db.transaction()
      .execute((tx) =>
        notify(tx, [a.id, b.id, a.id, a.id], {
          kind: 'task_new',
          title: '新案件待派遣',
          body: '东城区 测试1街道 井盖缺失',
          caseId: 'C-100',
          link: '/cases/C-100',
        }),
      );
    expect(written).toBe(2);
    expect(await inboxOf(a.id)).toEqual([
      expect.objectContaining({
        kind: 'task_new',
        title: '新案件待派遣',
        body: '东城区 测试1街道 井盖缺失',
        case_id: 'C-100',
        link: '/cases/C-100',
        read_at: null,
      }),
    ]);
    expect(await inboxOf(b.id)).toHaveLength(1);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const a = await t().user({ role: 'handler', departmentId: (await createDepartment(t())).id });
    await expect(
      t()
        .database.db.transaction()
        .execute(async (tx) => {
          await notify(tx, [a.id], { kind: 'overdue', title: '已超时' });
          throw new Error('dispatch failed');
        }),
    ).rejects.toThrow('dispatch failed');
    expect(await inboxOf(a.id)).toEqual([]);
  });

  it('cuts a long title and body instead of failing the caller’s use case', async () => {
    const a = await t().user({ role: 'leader' });
    await t()
      .database.db.transaction()
      .execute((tx) =>
        notify(tx, [a.id], { kind: 'system', title: '长'.repeat(300), body: 'x'.repeat(5000) }),
      );
    const [row] = await inboxOf(a.id);
    expect([...row!.title]).toHaveLength(200);
    expect(row!.title.endsWith('…')).toBe(true);
    expect(row!.body).toHaveLength(2000);
  });

  it('accepts an empty recipient list', async () => {
    expect(
      await t()
        .database.db.transaction()
        .execute((tx) => notify(tx, [], { kind: 'system', title: 'x' })),
    ).toBe(0);
  });

  it.each([
    [{ kind: 'Task New', title: 'x' }, /Invalid notification kind/],
    [{ kind: 'task_new', title: '   ' }, /needs a title/],
    [{ kind: 'task_new', title: 'x', link: 'https://evil.example/' }, /path inside the app/],
    [{ kind: 'task_new', title: 'x', link: '//evil.example/' }, /path inside the app/],
  ])('refuses a malformed message %j', async (message, error) => {
    const a = await t().user({ role: 'leader' });
    await expect(
      t()
        .database.db.transaction()
        .execute((tx) => notify(tx, [a.id], message)),
    ).rejects.toThrow(error);
  });
});

describe('recipientsFor', () => {
  it('finds the active staff of a role whose regions cover a place, by code prefix', async () => {
    const district = await t().user({ role: 'dispatcher', regions: ['110101'] });
    const streetA = await t().user({ role: 'dispatcher', regions: [STREET_A] });
    const streetB = await t().user({ role: 'dispatcher', regions: [STREET_B] });
    const both = await t().user({ role: 'dispatcher', regions: [`${STREET_B}001`, `${STREET_A}002`] });
    const inactive = await t().user({ role: 'dispatcher', regions: [STREET_A] });
    await t().database.db.updateTable('users').set({ active: false }).where('id', '=', inactive.id).execute();
    const otherRole = await t().user({ role: 'inspector', regions: [STREET_A] });

    const grid = `${STREET_A}002001`; // street A, community 002, grid 001
    const found = await recipientsFor(t().database.db, { role: 'dispatcher', regionCode: grid });
    expect(found).toEqual(expect.arrayContaining([district.id, streetA.id, both.id]));
    expect(found).not.toContain(streetB.id);
    expect(found).not.toContain(inactive.id);
    expect(found).not.toContain(otherRole.id);
    expect([...found].sort((x, y) => x - y)).toEqual(found);

    const inStreetB = await recipientsFor(t().database.db, {
      role: 'dispatcher',
      regionCode: `${STREET_B}002`,
    });
    expect(inStreetB).toEqual(expect.arrayContaining([district.id, streetB.id]));
    expect(inStreetB).not.toContain(both.id); // bound to community B-001 only, not B-002
  });

  it('finds the members of a department, or either with both filters', async () => {
    const roads = (await createDepartment(t())).id;
    const parks = (await createDepartment(t())).id;
    const handler = await t().user({ role: 'handler', departmentId: roads, regions: [] });
    const lead = await t().user({ role: 'department_lead', departmentId: roads, regions: [] });
    const parksHandler = await t().user({ role: 'handler', departmentId: parks, regions: [] });
    const regional = await t().user({ role: 'handler', departmentId: parks, regions: [STREET_A] });

    expect(await recipientsFor(t().database.db, { role: 'handler', departmentId: roads })).toEqual([
      handler.id,
    ]);
    expect(
      await recipientsFor(t().database.db, { role: ['handler', 'department_lead'], departmentId: roads }),
    ).toEqual([handler.id, lead.id]);
    const either = await recipientsFor(t().database.db, {
      role: 'handler',
      departmentId: roads,
      regionCode: STREET_A,
    });
    expect(either).toEqual(expect.arrayContaining([handler.id, regional.id]));
    expect(either).not.toContain(parksHandler.id);
  });

  it('counts administrators as covering every region, and with no filter finds the whole role', async () => {
    const admin = await t().user({ role: 'admin' });
    expect(await recipientsFor(t().database.db, { role: 'admin', regionCode: STREET_B })).toContain(admin.id);
    expect(await recipientsFor(t().database.db, { role: 'admin' })).toContain(admin.id);
    expect(await recipientsFor(t().database.db, { role: [] })).toEqual([]);
  });

  it('works inside the caller’s transaction', async () => {
    const d = await t().user({ role: 'dispatcher', regions: [STREET_B] });
    const found = await t()
      .database.db.transaction()
      .execute(async (tx) => {
        const ids = await recipientsFor(tx, { role: 'dispatcher', regionCode: `${STREET_B}001001` });
        await notify(tx, ids, { kind: 'task_new', title: '待派遣' });
        return ids;
      });
    expect(found).toContain(d.id);
    expect(await inboxOf(d.id)).toHaveLength(1);
  });
});

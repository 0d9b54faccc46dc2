import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import { createDepartment } from '../departments/index.js';
import { systemContext } from '../shared/context.js';
import { searchItems } from './search.js';
import { TEST_CLOCK, publishTestItem, testGuide } from './test-support.js';

const t = useTestServices();

/** Three items in a department of their own, so the searches below see only them. */
async function catalogueOfThree() {
  const department = await createDepartment(t().database.db, systemContext(), {
    name: `检索测试部门-${Math.random().toString(36).slice(2, 9)}`,
    kind: 'other',
  });
  const db = t().database.db;
  const subsistence = await publishTestItem(db, {
    departmentId: department.id,
    name: '最低生活保障金给付',
    aliases: ['低保'],
  });
  const birth = await publishTestItem(db, {
    departmentId: department.id,
    name: '生育登记',
    guide: { ...testGuide(), conditions: '夫妻双方户籍均在本区，子女出生后办理' },
  });
  const residence = await publishTestItem(db, {
    departmentId: department.id,
    name: '居住证签注',
    aliases: ['住房'],
  });
  const ids = async (q: string) =>
    (await searchItems(db, { q, departmentId: department.id, limit: 20 }, TEST_CLOCK.today)).items.map(
      (hit) => hit.itemId,
    );
  return { subsistence, birth, residence, ids };
}

describe('keyword search over the index of character pairs', () => {
  it('finds two-character words in names, aliases and guide text', async () => {
    const c = await catalogueOfThree();
    expect(await c.ids('低保')).toEqual([c.subsistence.itemId]);
    expect(await c.ids('出生')).toEqual([c.birth.itemId]);
    expect(await c.ids('签注')).toEqual([c.residence.itemId]);
  });

  it('finds one-character words and longer words, and every word of a query must match', async () => {
    const c = await catalogueOfThree();
    expect(await c.ids('育')).toEqual([c.birth.itemId]);
    expect(await c.ids('最低生活保障')).toEqual([c.subsistence.itemId]);
    expect(await c.ids('居住证 签注')).toEqual([c.residence.itemId]);
    // The test guide's conditions name 居住证 (not the birth item's own): words may match apart.
    expect(await c.ids('居住证 低保')).toEqual([c.subsistence.itemId]);
    expect(await c.ids('签注 低保')).toEqual([]);
  });

  it('does not match a word whose character pairs occur only apart', async () => {
    const c = await catalogueOfThree();
    // 居住证签注 holds 居住 and its alias 住房 holds 住房: every pair of 居住房, but not the word.
    expect(await c.ids('居住房')).toEqual([]);
    expect(await c.ids('登记生育')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../../test/helpers/services.js';
import { searchItems } from '../../catalogue/index.js';
import { seedDepartments } from '../seed.js';
import { ensureDemoCatalogue } from './seed.js';
import { buildCatalogue } from './build.js';

describe('the demo service catalogue on a database', () => {
  const services = useTestServices();

  it('refuses without the service departments, writes nothing and lets the start go on', async () => {
    const { db } = services().database;
    const said: string[] = [];
    await ensureDemoCatalogue(db, 'Asia/Shanghai', (m) => said.push(m));
    expect(said.join('\n')).toMatch(
      /service catalogue not loaded \(IMPORT_REJECTED: items\.\d+\.departmentName/,
    );
    const rows = await db
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(0);
  });

  it('imports every entry once, published, and a citizen finds 居住证 by keyword', async () => {
    const { db } = services().database;
    const streets = await db.selectFrom('regions').where('level', '=', 'street').select('code').execute();
    await seedDepartments(
      db,
      streets.map((s) => s.code),
    );
    const said: string[] = [];
    await ensureDemoCatalogue(db, 'Asia/Shanghai', (m) => said.push(m));
    const entries = buildCatalogue().items.length;
    expect(said).toEqual([`  service catalogue: ${entries} items published (政务服务事项)`]);
    const published = await db
      .selectFrom('catalogue_item_versions')
      .where('state', '=', 'published')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(published.n)).toBe(entries);

    const today = new Date().toISOString().slice(0, 10);
    const found = await searchItems(db, { q: '居住证', limit: 10 }, today);
    expect(found.items[0]?.name).toMatch(/居住证/);
    const births = await searchItems(db, { lifeEvent: 'birth', limit: 50 }, today);
    expect(births.items.map((i) => i.name)).toContain('新生儿出生一件事');

    const again: string[] = [];
    await ensureDemoCatalogue(db, 'Asia/Shanghai', (m) => again.push(m));
    expect(again).toEqual([]);
  });
});

/**
 * The synthetic city's fixed part: the demo district's geography (Dongcheng: 17 streets, about
 * 5,200 unit grids), its 26 departments with their responsibilities, components and accounts —
 * the same seed `npm start` uses — on a fresh database. The smoke run tiles one street only and
 * skips components, to stay fast; the departments and accounts are the same.
 */
import { migrate, type Database } from '../src/db/index.js';
import { buildDemoGeography } from '../src/demo/geography/index.js';
import { ensureDemo, seedAccounts, seedDepartments } from '../src/demo/seed.js';
import { generateGrids, importRegions } from '../src/geography/index.js';
import { loadReferenceData } from '../src/reference-data.js';
import { systemContext } from '../src/shared/context.js';

export async function setupCity(database: Database, options: { small?: boolean } = {}): Promise<void> {
  await migrate(database.db);
  await loadReferenceData(database.db);
  if (!options.small) {
    await ensureDemo(database, () => {});
    return;
  }
  const geography = await buildDemoGeography();
  const streets = geography.features
    .filter((f) => f.properties.level === 'street')
    .map((f) => f.properties.code);
  await database.db.transaction().execute(async (tx) => {
    const ctx = systemContext('bench');
    await importRegions(tx, ctx, geography);
    await generateGrids(tx, ctx, { streetCode: streets[0]!, cellArea: 10_000 });
    await seedAccounts(tx, await seedDepartments(tx, streets));
  });
}

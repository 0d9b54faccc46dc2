/**
 * The demo district (what `npm start` shows): Beijing Dongcheng with its real streets and
 * communities, ~10,000 m² unit grids, departments with responsibilities, components across the
 * classes, and one account per role. Seeded once, in one transaction, so an interrupted first
 * start leaves nothing half-made.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { generateGrids, importRegions } from '../geography/index.js';
import { hashPassword } from '../identity/index.js';
import { systemContext } from '../shared/context.js';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, DEMO_PASSWORD, demoCreditCode } from './departments.js';
import { buildDemoGeography, DEMO_DISTRICT_CODE } from './geography/index.js';
import { seedDemoComponents } from './components.js';
import { simulateDemoCases } from './simulation.js';
import { ensureDemoCatalogue } from './catalogue/seed.js';
import type { DemoProgress } from './progress.js';
import { DEMO_API_KEY, ensureDemoApiKey } from '../open311/index.js';
import type { CaseServiceDeps } from '../cases/index.js';

type Say = (message: string) => void;

export async function isDemoSeeded(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'inspector')
    .executeTakeFirst();
  return row !== undefined;
}

export async function ensureDemo(database: Database, say: Say, timeZone = 'Asia/Shanghai'): Promise<void> {
  const { db } = database;
  if (!(await isDemoSeeded(db))) {
    const started = Date.now();
    say('Preparing the demo district 东城区 (first start only; about a minute)…');
    const geography = await buildDemoGeography();
    await db.transaction().execute(async (tx) => {
      const ctx = systemContext();
      const regions = await importRegions(tx, ctx, geography);
      say(`  regions: ${regions.created} (1 district, streets, communities)`);
      const streets = geography.features
        .filter((f) => f.properties.level === 'street')
        .map((f) => f.properties.code);
      let grids = 0;
      for (const [i, street] of streets.entries()) {
        const report = await generateGrids(tx, ctx, { streetCode: street, cellArea: 10_000 });
        grids += report.grids;
        say(`  unit grids: street ${i + 1}/${streets.length}, ${grids} so far`);
      }
      const departmentIds = await seedDepartments(tx, streets);
      say(`  departments: ${departmentIds.size}`);
      const components = await seedDemoComponents(tx, ctx, departmentIds);
      say(`  components: ${components}`);
      await seedAccounts(tx, departmentIds);
    });
    say(`The demo district is ready (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  }
  await ensureDemoCatalogue(db, timeZone, say);
  say(`Demo accounts (password "${DEMO_PASSWORD}"; demo only — set SHUZHI_DEMO=0 for a real instance):`);
  for (const account of DEMO_ACCOUNTS) say(`  ${account.username.padEnd(16)} ${account.displayName}`);
  // A well-known Open311 key so that FixMyStreet and curl can try the API at once (demo only).
  await ensureDemoApiKey(db, DEMO_API_KEY);
  say(`Open311 API key (demo only): ${DEMO_API_KEY}`);
}

export async function seedDepartments(tx: Kysely<DB>, streetCodes: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let sequence = 1;
  for (const department of DEMO_DEPARTMENTS) {
    const row = await tx
      .insertInto('departments')
      .values({
        credit_code: demoCreditCode(sequence++),
        name: department.name,
        short_name: department.shortName,
        kind: department.kind,
        region_code: DEMO_DISTRICT_CODE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(department.key, row.id);
    const responsibilities = [
      ...department.components.map((prefix) => ({ kind: 'component' as const, prefix })),
      ...department.matters.map((prefix) => ({ kind: 'matter' as const, prefix })),
    ];
    if (responsibilities.length > 0) {
      await tx
        .insertInto('department_responsibilities')
        .values(
          responsibilities.map((r) => ({
            department_id: row.id,
            kind: r.kind,
            standard: 'GB/T 47678.5-2026',
            class_code_prefix: r.prefix,
            region_code: DEMO_DISTRICT_CODE,
          })),
        )
        .execute();
    }
  }
  // 街道办事处: each street office answers for street-order matters (09) in its own street (属地).
  const streets = await tx
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', streetCodes)
    .orderBy('code')
    .execute();
  for (const street of streets) {
    const row = await tx
      .insertInto('departments')
      .values({
        credit_code: demoCreditCode(sequence++),
        name: `北京市东城区人民政府${street.name}办事处`,
        short_name: `${street.name}办事处`,
        kind: 'street_office',
        region_code: street.code,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(`street:${street.code}`, row.id);
    await tx
      .insertInto('department_responsibilities')
      .values({
        department_id: row.id,
        kind: 'matter',
        standard: 'GB/T 47678.5-2026',
        class_code_prefix: '09',
        region_code: street.code,
      })
      .execute();
  }
  return ids;
}

export async function seedAccounts(tx: Kysely<DB>, departmentIds: Map<string, number>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const row = await tx
      .insertInto('users')
      .values({
        username: account.username,
        display_name: account.displayName,
        password_hash: passwordHash,
        role: account.role,
        position: account.position ?? null,
        department_id: account.department ? (departmentIds.get(account.department) ?? null) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (account.regions.length > 0) {
      await tx
        .insertInto('user_regions')
        .values(account.regions.map((code) => ({ user_id: row.id, region_code: code })))
        .execute();
    }
  }
}

export const DEMO_CASES = 2000;
export const DEMO_DAYS = 56;

/**
 * Fills an empty demo case register by running the real workflow over eight simulated weeks. It
 * takes a couple of minutes, so the server runs it in the background once it is listening.
 */
export async function simulateDemoIfEmpty(
  database: Database,
  deps: CaseServiceDeps,
  say: Say,
  options: { signal: AbortSignal; progress: DemoProgress; yieldTo: () => Promise<void> },
): Promise<void> {
  const any = await database.db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (any) return;
  say(`Simulating ${DEMO_CASES} demo cases over ${DEMO_DAYS / 7} weeks in the background (演示数据生成中)…`);
  options.progress.update(0, DEMO_CASES);
  const report = await simulateDemoCases(
    database.db,
    deps,
    {
      cases: DEMO_CASES,
      days: DEMO_DAYS,
      signal: options.signal,
      yieldTo: options.yieldTo,
      onProgress: (done, total) => options.progress.update(done, total),
    },
    say,
  ).finally(() => options.progress.finish());
  if (options.signal.aborted) {
    say(`Demo case simulation stopped at ${options.progress.status.done}/${DEMO_CASES} (shutdown).`);
    return;
  }
  say(
    `Demo cases ready: ${report.actions} actions; ${Object.entries(report.byStatus)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}.`,
  );
}

/**
 * The "medium" test level: a fresh test database with the test district, the dependencies the
 * services take (locate index, calendar provider, reporter keys, a clock) and staff of any role
 * as request contexts — no HTTP. For tests of services and SQL; HTTP tests use app.ts, which
 * builds the whole application on top of this.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/index.js';
import type { DB } from '../../src/db/schema.js';
import type { StaffRole, SupervisorPosition } from '../../src/identity/index.js';
import { CalendarProvider } from '../../src/calendar/index.js';
import type { CaseServiceDeps } from '../../src/cases/index.js';
import { GeographyIndex, importRegions } from '../../src/geography/index.js';
import { hashPassword, loadActor } from '../../src/identity/index.js';
import { createKeyRing, type KeyRing } from '../../src/reporters/index.js';
import { systemContext, type RequestContext } from '../../src/shared/context.js';
import { createTestDatabase } from './database.js';
import { testDistrict } from './geography.js';

/** Every test account's password, so that an app built on the same database can log them in. */
export const TEST_PASSWORD = 'correct-horse-battery';
/** A fixed test key ring (never a production key). */
export const testKeyRing = createKeyRing([{ id: 't1', key: Buffer.alloc(32, 7) }], 't1');
export const TEST_TIME_ZONE = 'Asia/Shanghai';

export interface TestServices {
  database: Database;
  geography: GeographyIndex;
  reporterKeys: KeyRing;
  /** The case loop's dependencies, as the application builds them (its `caseDeps`). */
  caseDeps: CaseServiceDeps;
  /** The case loop's dependencies with the clock stopped at `now` (simulated time). */
  at(now: Date): CaseServiceDeps;
  /** Creates a staff account; its `ctx` is the account as a request would carry it. */
  user(options: UserOptions): Promise<TestStaff>;
}

export interface UserOptions {
  role: StaffRole;
  /** Defaults to the whole test district, none for administrators. */
  regions?: string[];
  departmentId?: number | null;
  /** Defaults to shift lead for supervisors. */
  position?: SupervisorPosition | null;
  username?: string;
}

export interface TestStaff {
  id: number;
  username: string;
  /** The account as loaded when it was created (later changes to the row are not seen here). */
  ctx: RequestContext;
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** Inserts a staff account with its regions, password {@link TEST_PASSWORD}. */
async function createStaff(db: Kysely<DB>, options: UserOptions): Promise<TestStaff> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  const username = options.username ?? `${options.role}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
  const row = await db
    .insertInto('users')
    .values({
      username,
      display_name: username,
      password_hash: await passwordHash,
      role: options.role,
      position: options.position ?? (options.role === 'supervisor' ? 'shift_lead' : null),
      department_id: options.departmentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const regions = options.regions ?? (options.role === 'admin' ? [] : ['110101']);
  if (regions.length > 0) {
    await db
      .insertInto('user_regions')
      .values(regions.map((code) => ({ user_id: row.id, region_code: code })))
      .execute();
  }
  const actor = await loadActor(db, row.id);
  if (!actor) throw new Error(`test account ${username} did not load`);
  return { id: row.id, username, ctx: { actor, clientIp: null, requestId: null } };
}

export async function startTestServices(options: { district?: boolean } = {}): Promise<TestServices> {
  const database = await createTestDatabase();
  if (options.district !== false) await importRegions(database.db, systemContext(), testDistrict());
  const geography = new GeographyIndex(database.db, 0);
  const caseDeps: CaseServiceDeps = {
    reporterKeys: testKeyRing,
    geography,
    calendars: new CalendarProvider({ timeZone: TEST_TIME_ZONE }),
    timeZone: TEST_TIME_ZONE,
  };
  return {
    database,
    geography,
    reporterKeys: testKeyRing,
    caseDeps,
    at: (now) => ({ ...caseDeps, now: () => now }),
    user: (userOptions) => createStaff(database.db, userOptions),
  };
}

/** Starts the services on a fresh database per test file (beforeAll) and closes it (afterAll). */
export function useTestServices(options: Parameters<typeof startTestServices>[0] = {}): () => TestServices {
  return perTestFile(
    () => startTestServices(options),
    (services) => services.database.close(),
  );
}

/** Starts a harness before a test file's tests and closes it after them; the getter fails outside. */
export function perTestFile<T>(start: () => Promise<T>, close: (harness: T) => Promise<void>): () => T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await start();
  });
  afterAll(async () => {
    if (current !== undefined) await close(current);
  });
  return () => {
    if (current === undefined)
      throw new Error('the test harness is not started (use it inside a test or hook)');
    return current;
  };
}

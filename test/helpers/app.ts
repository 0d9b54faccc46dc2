/**
 * Builds the whole application on a fresh test database and gives tests small factories:
 * the test district, users of any role bound to any region, and their bearer tokens.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/index.js';
import type { StaffRole, SupervisorPosition } from '../../src/db/schema.js';
import { GeographyIndex, importRegions } from '../../src/geography/index.js';
import { buildApp } from '../../src/http/app.js';
import type { Open311Settings } from '../../src/open311/index.js';
import { hashPassword } from '../../src/identity/passwords.js';
import { createKeyRing } from '../../src/reporters/index.js';
import { systemContext } from '../../src/shared/context.js';
import { createTestDatabase } from './database.js';
import { testDistrict } from './geography.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  geography: GeographyIndex;
  /** Creates a staff user and returns its bearer token. */
  user(options: UserOptions): Promise<TestUser>;
  /** app.inject with a bearer token. */
  as(user: TestUser | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface UserOptions {
  role: StaffRole;
  regions?: string[];
  departmentId?: number | null;
  position?: SupervisorPosition | null;
  username?: string;
}

export interface TestUser {
  id: number;
  username: string;
  token: string;
}

let passwordHash: Promise<string> | undefined;
/** A fixed test key ring (never a production key). */
export const testKeyRing = createKeyRing([{ id: 't1', key: Buffer.alloc(32, 7) }], 't1');
let counter = 0;

export async function startTestApp(
  options: { district?: boolean; publicRateLimit?: number; open311?: Partial<Open311Settings> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.district !== false) await importRegions(database.db, systemContext(), testDistrict());
  const geography = new GeographyIndex(database.db, 0);
  const app = await buildApp({
    database,
    geography,
    reporterKeys: testKeyRing,
    sessionHours: 12,
    publicRateLimit: options.publicRateLimit ?? 100_000,
    ...(options.open311 ? { open311: options.open311 } : {}),
    // Tests submit far more than a person would; src/public/limits.test.ts checks the limits.
    citizens: { reportsPerHour: 100_000, uploadsPerHour: 100_000, signupsPerHour: 100_000 },
  });
  await app.ready();
  const testApp: TestApp = {
    app,
    database,
    geography,
    async user(userOptions) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      counter += 1;
      const username =
        userOptions.username ?? `${userOptions.role}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
      const row = await database.db
        .insertInto('users')
        .values({
          username,
          display_name: username,
          password_hash: await passwordHash,
          role: userOptions.role,
          position: userOptions.position ?? (userOptions.role === 'supervisor' ? 'shift_lead' : null),
          department_id: userOptions.departmentId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const regions = userOptions.regions ?? (userOptions.role === 'admin' ? [] : ['110101']);
      if (regions.length > 0) {
        await database.db
          .insertInto('user_regions')
          .values(regions.map((code) => ({ user_id: row.id, region_code: code })))
          .execute();
      }
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`test login failed: ${login.body}`);
      return { id: row.id, username, token: login.json<{ token: string }>().token };
    },
    as(user, injectOptions) {
      return app.inject({
        ...injectOptions,
        headers: {
          ...(injectOptions.headers ?? {}),
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        },
      });
    },
  };
  return testApp;
}

/** Starts one app per test file (beforeAll) and closes it (afterAll). */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): () => TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp(options);
  });
  afterAll(async () => {
    await current?.app.close();
    await current?.database.close();
  });
  return () => {
    if (!current) throw new Error('the test app is not started');
    return current;
  };
}

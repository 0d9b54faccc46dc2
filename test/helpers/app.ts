/**
 * Builds the whole application on the test services (services.ts: a fresh test database, the
 * test district, the services' dependencies) and drives it over HTTP with app.inject(): staff of
 * any role bound to any region, logged in with their bearer tokens.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Open311Settings } from '../../src/open311/index.js';
import {
  perTestFile,
  startTestServices,
  TEST_PASSWORD,
  type TestServices,
  type TestStaff,
  type UserOptions,
} from './services.js';

export { TEST_PASSWORD, testKeyRing, type UserOptions } from './services.js';

export interface TestApp extends TestServices {
  app: FastifyInstance;
  /** Creates a staff user and logs it in. */
  user(options: UserOptions): Promise<TestUser>;
  /** app.inject with a bearer token. */
  as(user: Omit<TestUser, 'ctx'> | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestUser extends TestStaff {
  token: string;
}

export async function startTestApp(
  options: { district?: boolean; publicRateLimit?: number; open311?: Partial<Open311Settings> } = {},
): Promise<TestApp> {
  const services = await startTestServices(options);
  const app = await buildApp({
    database: services.database,
    geography: services.geography,
    reporterKeys: services.reporterKeys,
    cases: services.caseDeps,
    sessionHours: 12,
    publicRateLimit: options.publicRateLimit ?? 100_000,
    ...(options.open311 ? { open311: options.open311 } : {}),
    // Tests submit far more than a person would; src/public/limits.test.ts checks the limits.
    citizens: { reportsPerHour: 100_000, uploadsPerHour: 100_000, signupsPerHour: 100_000 },
  });
  await app.ready();
  return {
    ...services,
    app,
    async user(userOptions) {
      const staff = await services.user(userOptions);
      return { ...staff, token: await logIn(app, staff.username) };
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
}

/** Logs a test account in through the app and returns its bearer token. */
export async function logIn(app: FastifyInstance, username: string): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`test login failed: ${login.body}`);
  return login.json<{ token: string }>().token;
}

/** Starts one app per test file (beforeAll) and closes it (afterAll). */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): () => TestApp {
  return perTestFile(
    () => startTestApp(options),
    async (t) => {
      await t.app.close();
      await t.database.close();
    },
  );
}

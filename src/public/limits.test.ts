/**
 * Abuse limits of the citizen channel, on an app built with small limits: reports, uploads and
 * sign-ups per address and hour, reads per address and minute. Each address has its own budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyRing } from '../../test/helpers/app.js';
import { createTestDatabase } from '../../test/helpers/database.js';
import { testDistrict } from '../../test/helpers/geography.js';
import type { Database } from '../db/index.js';
import { formOf, phonePhoto } from '../../test/helpers/images.js';
import { GeographyIndex, importRegions } from '../geography/index.js';
import { buildApp, type App } from '../http/app.js';
import { systemContext } from '../shared/context.js';
import { CITIZEN_PASSWORD, nextPhone, reportBody } from '../../test/helpers/citizens.js';

let app: App;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await importRegions(database.db, systemContext(), testDistrict());
  app = await buildApp({
    database,
    geography: new GeographyIndex(database.db, 0),
    reporterKeys: testKeyRing,
    sessionHours: 12,
    publicRateLimit: 3,
    citizens: { reportsPerHour: 2, uploadsPerHour: 1, signupsPerHour: 1, duplicateMinutes: 10 },
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.close();
});

const from = (address: string) => ({ remoteAddress: address });

describe('per-address limits', () => {
  it('limits reports per hour and answers 429 as a problem', async () => {
    const send = (address: string) =>
      app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: reportBody(), ...from(address) });
    expect((await send('10.0.0.1')).statusCode).toBe(201);
    expect((await send('10.0.0.1')).statusCode).toBe(201);
    const third = await send('10.0.0.1');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(third.headers['retry-after']).toBeDefined();
    expect((await send('10.0.0.2')).statusCode).toBe(201);
  });

  it('limits photo uploads per hour', async () => {
    const send = async () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/public/photos',
        payload: formOf({ data: await phonePhoto(40, 40) }),
        ...from('10.0.1.1'),
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(429);
  });

  it('limits sign-ups per hour', async () => {
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/citizens',
        payload: { phone: nextPhone(), password: CITIZEN_PASSWORD },
        ...from('10.0.2.1'),
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(429);
  });

  it('limits tracking reads per minute (guessing codes does not scale)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/public/reports/ABCDEFGHJKMN',
        ...from('10.0.3.1'),
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

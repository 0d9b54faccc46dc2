/**
 * Test support for the citizen channel: a valid report body, submitting it, reading the public
 * view, and citizen accounts with their tokens. Imports no test framework.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';
import { gridCentre } from './geography.js';
import { gcoord } from '../../src/shared/crs.js';

/** 暴露垃圾 — the matter the test department answers for. */
export const GARBAGE = 'M06010';
/** 燃气井盖 — a sensitive category. */
export const GAS_COVER = 'C01011';

let phones = 0;
let devices = 0;

/** A fresh, valid mainland mobile number per call. */
export function nextPhone(): string {
  phones += 1;
  return `139${String(10_000_000 + phones * 7919 + Math.floor(Math.random() * 1000)).slice(-8)}`;
}

export function nextDevice(): string {
  devices += 1;
  return `device-${devices}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A report at the centre of a test grid, given in GCJ-02 as a Chinese phone would send it. */
export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const c = gridCentre(1, 1, 1);
  const [lng, lat] = gcoord.transform([c.lng, c.lat], gcoord.WGS84, gcoord.GCJ02) as unknown as [
    number,
    number,
  ];
  return {
    categoryCode: GARBAGE,
    location: { lng, lat, crs: 'GCJ02' },
    address: '东华门大街 12 号门前',
    description: `路边一堆生活垃圾 ${Math.random().toString(36).slice(2, 8)}`,
    ...overrides,
  };
}

export interface Submitted {
  trackingCode: string;
  caseNumber: string;
  publicStatus: string;
  submittedAt: string;
  expectedBy: string | null;
}

export function submit(
  t: TestApp,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: body,
    headers: { 'x-device-id': nextDevice(), ...headers },
  });
}

export function track(t: TestApp, code: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${code}`, headers });
}

export async function caseIdOf(t: TestApp, trackingCode: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('public_reports')
    .select('case_id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  return row.case_id;
}

export interface TestCitizen {
  id: number;
  phone: string;
  password: string;
  token: string;
  csrfToken: string;
  cookie: string;
}

export const CITIZEN_PASSWORD = 'citizen-password-1';

/** Signs up and logs in a citizen; returns its bearer token and its cookie. */
export async function citizen(t: TestApp, extra: Record<string, unknown> = {}): Promise<TestCitizen> {
  const phone = nextPhone();
  const signup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizens',
    payload: { phone, password: CITIZEN_PASSWORD, ...extra },
  });
  if (signup.statusCode !== 201) throw new Error(`citizen signup failed: ${signup.body}`);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizens/session',
    payload: { phone, password: CITIZEN_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`citizen login failed: ${login.body}`);
  const body = login.json<{ token: string; csrfToken: string; citizen: { id: number } }>();
  const cookie = login.cookies.find((c) => c.name === 'shuzhi_citizen')!;
  return {
    id: body.citizen.id,
    phone,
    password: CITIZEN_PASSWORD,
    token: body.token,
    csrfToken: body.csrfToken,
    cookie: `${cookie.name}=${cookie.value}`,
  };
}

export const bearer = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });

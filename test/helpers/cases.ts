/**
 * Builders for case tests: a department responsible for street-order and environment matters in
 * the test district, the staff of every role, a class, and shortcuts to report and act.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp, TestUser } from './app.js';
import { gridCentre } from './geography.js';

export interface CaseCast {
  operator: TestUser;
  shiftLead: TestUser;
  dispatcher: TestUser;
  handler: TestUser;
  otherHandler: TestUser;
  inspector: TestUser;
  otherInspector: TestUser;
  leader: TestUser;
  departmentId: number;
  otherDepartmentId: number;
  /** 暴露垃圾 (GB/T 47678.5-2026 matter 06010). */
  garbageClassId: number;
  /** 供水井盖 (component 01001). */
  coverClassId: number;
}

let departments = 0;

export async function castFor(t: TestApp): Promise<CaseCast> {
  departments += 1;
  const db = t.database.db;
  const department = await db
    .insertInto('departments')
    .values({ name: `测试城管执法局${departments}`, kind: 'urban_management', region_code: '110101' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .insertInto('departments')
    .values({ name: `测试园林局${departments}`, kind: 'landscaping', region_code: '110101' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('department_responsibilities')
    .values([
      {
        department_id: department.id,
        kind: 'matter',
        standard: 'GB/T 47678.5-2026',
        class_code_prefix: '06',
        region_code: '110101',
      },
      {
        department_id: department.id,
        kind: 'component',
        standard: 'GB/T 47678.5-2026',
        class_code_prefix: '01',
        region_code: '110101',
      },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const classes = await db
    .selectFrom('classifications')
    .select(['id', 'kind', 'code'])
    .where('standard', '=', 'GB/T 47678.5-2026')
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'matter'), eb('code', '=', '06010')]),
        eb.and([eb('kind', '=', 'component'), eb('code', '=', '01001')]),
      ]),
    )
    .execute();
  return {
    operator: await t.user({ role: 'supervisor', position: 'operator' }),
    shiftLead: await t.user({ role: 'supervisor', position: 'shift_lead' }),
    dispatcher: await t.user({ role: 'dispatcher' }),
    handler: await t.user({ role: 'handler', regions: [], departmentId: department.id }),
    otherHandler: await t.user({ role: 'handler', regions: [], departmentId: other.id }),
    inspector: await t.user({ role: 'inspector', regions: ['110101001'] }),
    otherInspector: await t.user({ role: 'inspector', regions: ['110101002'] }),
    leader: await t.user({ role: 'leader' }),
    departmentId: department.id,
    otherDepartmentId: other.id,
    garbageClassId: classes.find((c) => c.kind === 'matter')!.id,
    coverClassId: classes.find((c) => c.kind === 'component')!.id,
  };
}

export interface CaseBody {
  id: number;
  number: string;
  status: string;
  version: number;
  allowedActions: string[];
  [key: string]: unknown;
}

export async function report(t: TestApp, user: TestUser, body: Record<string, unknown>): Promise<CaseBody> {
  const response = await t.as(user, { method: 'POST', url: '/api/v1/cases', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CaseBody>();
}

export function garbageReport(cast: CaseCast, overrides: Record<string, unknown> = {}) {
  const c = gridCentre(1, 1, 1);
  return {
    source: 'inspector',
    classificationId: cast.garbageClassId,
    location: { lng: c.lng, lat: c.lat },
    description: '路边暴露垃圾一堆',
    ...overrides,
  };
}

export function act(
  t: TestApp,
  user: TestUser,
  id: number,
  action: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return t.as(user, { method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, payload: body });
}

/** Acts and expects success; returns the new case body. */
export async function step(
  t: TestApp,
  user: TestUser,
  current: CaseBody,
  action: string,
  body: Record<string, unknown> = {},
): Promise<CaseBody> {
  const response = await act(t, user, current.id, action, { version: current.version, ...body });
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  return response.json<CaseBody>();
}

/** An inspector's garbage report, filed by the shift lead: the common start of loop tests. */
export async function filedCase(
  t: TestApp,
  cast: CaseCast,
  overrides: Record<string, unknown> = {},
): Promise<CaseBody> {
  const reported = await report(t, cast.inspector, garbageReport(cast, overrides));
  // Re-read as the shift lead: allowedActions and version are per caller and current.
  const current = (
    await t.as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported.id}` })
  ).json<CaseBody>();
  return step(t, cast.shiftLead, current, 'file');
}

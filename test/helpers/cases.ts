/**
 * Builders for the case loop, at both test levels: the cast (a department responsible for
 * street-order and environment matters in the test district, the staff of every role, two
 * classes), photos to attach, and reports, actions and filed cases — through the API (TestApp)
 * or through the services (TestServices).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/index.js';
import {
  loadCaseRow,
  performAction,
  reportCase,
  type ActionRequest,
  type CaseAction,
  type CaseServiceDeps,
} from '../../src/cases/index.js';
import { prepareImage, storeImage } from '../../src/files/index.js';
import type { TestApp, TestUser } from './app.js';
import { gridCentre } from './geography.js';
import { phonePhoto } from './images.js';
import type { TestServices, TestStaff, UserOptions } from './services.js';

/** The staff of every role the case loop needs; `U` is TestUser (with a token) on the app level. */
export interface CaseCast<U extends TestStaff = TestUser> {
  operator: U;
  shiftLead: U;
  dispatcher: U;
  handler: U;
  otherHandler: U;
  inspector: U;
  otherInspector: U;
  leader: U;
  departmentId: number;
  otherDepartmentId: number;
  /** 暴露垃圾 (GB/T 47678.5-2026 matter 06010). */
  garbageClassId: number;
  /** 供水井盖 (component 01001). */
  coverClassId: number;
}

let departments = 0;

/** Casts on either level: TestApp gives logged-in users, TestServices request contexts. */
export async function castFor<U extends TestStaff>(t: {
  database: Database;
  user(options: UserOptions): Promise<U>;
}): Promise<CaseCast<U>> {
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

type ReportInput = Parameters<typeof reportCase>[3];

/** An inspector's report of exposed garbage in grid 1-1-1 (spread it into a body to send invalid fields). */
export function garbageReport(cast: CaseCast<TestStaff>, overrides: Partial<ReportInput> = {}): ReportInput {
  const c = gridCentre(1, 1, 1);
  return {
    source: 'inspector',
    classificationId: cast.garbageClassId,
    location: { lng: c.lng, lat: c.lat },
    description: '路边暴露垃圾一堆',
    ...overrides,
  };
}

/** A photo the user uploaded (an after-photo to attach to a handling), stored by the files service. */
export async function photoOf(t: TestServices, user: TestStaff): Promise<string> {
  const stored = await storeImage(t.database.db, user.ctx, {
    purpose: 'case_photo',
    originalName: 'after.jpg',
    prepared: await prepareImage(await phonePhoto(320, 240)),
  });
  return stored.meta.id;
}

// Through the API (TestApp): what a client sends and reads back.

export interface CaseBody {
  id: number;
  number: string;
  status: string;
  version: number;
  allowedActions: string[];
  [key: string]: unknown;
}

/** Reports through the API and insists on 201. */
export async function report(t: TestApp, user: TestUser, body: object): Promise<CaseBody> {
  const response = await t.as(user, { method: 'POST', url: '/api/v1/cases', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CaseBody>();
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
  overrides: Partial<ReportInput> = {},
): Promise<CaseBody> {
  const reported = await report(t, cast.inspector, garbageReport(cast, overrides));
  // Re-read as the shift lead: allowedActions and version are per caller and current.
  const current = (
    await t.as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported.id}` })
  ).json<CaseBody>();
  return step(t, cast.shiftLead, current, 'file');
}

// Through the services (TestServices, or a TestApp's): ids and stored rows.

/** Reports a case through the intake service (at `deps`' clock); returns its id. */
export function intake(
  t: TestServices,
  user: TestStaff,
  input: ReportInput,
  deps: CaseServiceDeps = t.caseDeps,
): Promise<number> {
  return reportCase(t.database.db, deps, user.ctx, input);
}

/** Takes a workflow action through the service, on the case's current version. */
export async function perform(
  t: TestServices,
  user: TestStaff,
  id: number,
  action: CaseAction,
  request: Omit<ActionRequest, 'version'> = {},
  deps: CaseServiceDeps = t.caseDeps,
): Promise<void> {
  const { version } = await caseRow(t, id);
  await performAction(t.database.db, deps, user.ctx, id, action, { version, ...request });
}

/** The case as stored. */
export async function caseRow(t: TestServices, id: number) {
  const row = await loadCaseRow(t.database.db, id, false);
  if (!row) throw new Error(`no case ${id}`);
  return row;
}

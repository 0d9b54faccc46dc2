/**
 * Small builders for department, classification and component tests: valid credit codes, a
 * department row, a component request body at a test grid, a CSV file from objects.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../src/shared/codes/index.js';
import type { Database } from '../../src/db/index.js';
import type { TestApp, TestUser } from './app.js';
import { gridCentre } from './geography.js';

let sequence = 0;

/** A valid, unique 统一社会信用代码: 机构编制 / 机关, registered in 110101. */
export function testCreditCode(n: number = ++sequence): string {
  const organizationBody = `TE${String(n % 1_000_000).padStart(6, '0')}`;
  const body17 = `11110101${organizationBody}${organizationCodeCheckChar(organizationBody)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

export interface TestDepartment {
  id: number;
  name: string;
  creditCode: string;
}

/** Inserts a department directly (the builder is not the code under test), on either test level. */
export async function createDepartment(
  t: { database: Database },
  overrides: {
    name?: string;
    kind?: string;
    active?: boolean;
    shortName?: string | null;
    regionCode?: string | null;
  } = {},
): Promise<TestDepartment> {
  const creditCode = testCreditCode();
  const name = overrides.name ?? `测试部门-${creditCode.slice(8, 16)}`;
  const row = await t.database.db
    .insertInto('departments')
    .values({
      credit_code: creditCode,
      name,
      short_name: overrides.shortName ?? null,
      kind: overrides.kind ?? 'municipal',
      region_code: overrides.regionCode ?? null,
      active: overrides.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name, creditCode };
}

export type GridAddress = [street: 1 | 2, community: 1 | 2, grid: 1 | 2];

/** A point near the centre of a test grid; `offset` (in grid widths / 1000) keeps points apart. */
export function pointIn(
  [street, community, grid]: GridAddress,
  offset = 0,
): { type: 'Point'; coordinates: [number, number] } {
  const c = gridCentre(street, community, grid);
  return { type: 'Point', coordinates: [c.lng + offset * 2e-6, c.lat + offset * 1e-6] };
}

/** The code of a test grid: 110101 + street + community + grid. */
export function gridCode([street, community, grid]: GridAddress): string {
  return `110101${String(street).padStart(3, '0')}${String(community).padStart(3, '0')}00${grid}`;
}

export function componentBody(
  competentDepartmentId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    classCode: '01001',
    name: '供水井盖',
    geometry: pointIn([1, 1, 1]),
    competentDepartmentId,
    initialDate: '2024-05-01',
    dataSource: 'surveyed',
    ...overrides,
  };
}

export interface CreatedComponent {
  id: string;
  identifier: string;
  version: number;
  status: string;
  changedDate: string | null;
  location: { grid: { code: string } | null; street: { code: string } | null };
  [key: string]: unknown;
}

/** Creates a component through the API and insists on 201. */
export async function createComponent(
  t: TestApp,
  user: TestUser,
  competentDepartmentId: number,
  overrides: Record<string, unknown> = {},
): Promise<CreatedComponent> {
  const response = await t.as(user, {
    method: 'POST',
    url: '/api/v1/components',
    payload: componentBody(competentDepartmentId, overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A CSV file: the header is the union of the rows' keys, in first-seen order. */
export function csvOf(rows: ReadonlyArray<Record<string, string | number>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n') + '\n'
  );
}

/** One CSV row for the test district, complete and valid unless overridden. */
export function csvRow(
  department: TestDepartment,
  at: GridAddress,
  offset: number,
  overrides: Record<string, string | number> = {},
) {
  const [lng, lat] = pointIn(at, offset).coordinates;
  return {
    class_code: '01001',
    name: '供水井盖',
    lng,
    lat,
    status: '完好',
    competent_department: department.creditCode,
    initial_date: '20240501',
    ...overrides,
  };
}

export function fieldsOf(response: LightMyRequestResponse): string[] {
  return (response.json<{ errors?: Array<{ field: string }> }>().errors ?? []).map((e) => e.field);
}

export async function countComponents(t: { database: Database }): Promise<number> {
  const row = await t.database.db
    .selectFrom('components')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import {
  castFor,
  garbageReport,
  report,
  step,
  type CaseBody,
  type CaseCast,
} from '../../test/helpers/cases.js';
import { STREET_A, STREET_B } from '../../test/helpers/geography.js';

const t = useTestApp();
let cast: CaseCast;
let filed: CaseBody;
const from = new Date(Date.now() - 86_400_000).toISOString();
const to = new Date(Date.now() + 86_400_000).toISOString();
const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

beforeAll(async () => {
  cast = await castFor(t());
  const c = await report(t(), cast.inspector, garbageReport(cast));
  const current = (await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
  filed = await step(t(), cast.shiftLead, current, 'file');
  filed = await step(t(), cast.dispatcher, filed, 'dispatch', { departmentId: cast.departmentId });
});

describe('GET /evaluations', () => {
  it('ranks every street for a district leader, with facts, scores and grades', async () => {
    const response = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/evaluations?object=street&${period}`,
    });
    expect(response.statusCode).toBe(200);
    const rows = response.json().rows as Array<{
      subject: string;
      facts: { filed: number };
      rank: number | null;
    }>;
    expect(rows.map((r) => r.subject).sort()).toEqual([STREET_A, STREET_B]);
    expect(rows.find((r) => r.subject === STREET_A)!.facts.filed).toBeGreaterThanOrEqual(1);
  });

  it('shows a street leader only their street, keeping its rank among all', async () => {
    const streetLeader = await t().user({ role: 'leader', regions: [STREET_B] });
    const rows = (
      await t().as(streetLeader, { method: 'GET', url: `/api/v1/evaluations?object=street&${period}` })
    ).json().rows;
    expect(rows.map((r: { subject: string }) => r.subject)).toEqual([STREET_B]);
  });

  it('shows a department lead their own department only', async () => {
    const lead = await t().user({ role: 'department_lead', regions: [], departmentId: cast.departmentId });
    const rows = (
      await t().as(lead, { method: 'GET', url: `/api/v1/evaluations?object=department&${period}` })
    ).json().rows;
    expect(rows.map((r: { subject: string }) => r.subject)).toEqual([String(cast.departmentId)]);
  });

  it('refuses roles that do not steer, and anonymous callers', async () => {
    for (const user of [cast.inspector, cast.handler]) {
      const response = await t().as(user, {
        method: 'GET',
        url: `/api/v1/evaluations?object=street&${period}`,
      });
      expect(response.statusCode).toBe(403);
    }
    expect(
      (await t().app.inject({ method: 'GET', url: `/api/v1/evaluations?object=street&${period}` }))
        .statusCode,
    ).toBe(401);
  });

  it.each([
    ['object=province', 'querystring.object'],
    [`object=street&from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, 'from'],
  ])('rejects ?%s', async (query, field) => {
    const url = query.includes('from=')
      ? `/api/v1/evaluations?${query}`
      : `/api/v1/evaluations?${query}&${period}`;
    const response = await t().as(cast.leader, { method: 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain(field);
  });
});

describe('GET /evaluations/cases (drill-down)', () => {
  it('lists the cases behind a count, inside the jurisdiction only', async () => {
    const url = `/api/v1/evaluations/cases?object=street&subject=${STREET_A}&fact=filed&${period}`;
    const response = await t().as(cast.leader, { method: 'GET', url });
    expect(response.json().caseIds).toContain(filed.id);
    const streetB = await t().user({ role: 'leader', regions: [STREET_B] });
    expect((await t().as(streetB, { method: 'GET', url })).statusCode).toBe(404);
  });
});

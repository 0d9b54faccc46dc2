import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import {
  castFor,
  garbageReport,
  report,
  step,
  type CaseBody,
  type CaseCast,
} from '../../test/helpers/cases.js';
import { STREET_A, STREET_B } from '../../test/helpers/geography.js';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../shared/codes/index.js';

const t = useTestApp();
let cast: CaseCast;
let filed: CaseBody;
let admin: TestUser;
const today = DateTime.now().setZone('Asia/Shanghai');
const from = today.minus({ days: 1 }).toISODate()!;
const to = today.plus({ days: 2 }).toISODate()!;
const period = `from=${from}&to=${to}`;

beforeAll(async () => {
  cast = await castFor(t());
  admin = await t().user({ role: 'admin' });
  const c = await report(t(), cast.inspector, garbageReport(cast));
  filed = await step(t(), cast.shiftLead, c, 'file');
  filed = await step(t(), cast.dispatcher, filed, 'dispatch', { departmentId: cast.departmentId });
  // The other department has no credit code: its code cell stays empty (never its internal id).
  await t()
    .database.db.updateTable('departments')
    .set({ credit_code: OWN_CODE })
    .where('id', '=', cast.departmentId)
    .execute();
});

/** Every row of a CSV download, the report's title lines included. */
function csvRowsOf(response: LightMyRequestResponse): string[][] {
  expect(response.headers['content-type']).toContain('text/csv');
  expect(response.body.startsWith('\uFEFF')).toBe(true);
  return parse(response.body.slice(1)) as string[][];
}

/** The table of a CSV download: its header and rows, below the title and 制表单位/时间范围/制表时间. */
function csvOf(response: LightMyRequestResponse): string[][] {
  const rows = csvRowsOf(response);
  expect(rows[1]![0]).toMatch(/^制表单位：/);
  return rows.slice(4);
}

async function sheetOf(response: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** The table of an XLSX download, from its header row (row 3, under the title and the report lines). */
async function xlsxOf(response: LightMyRequestResponse): Promise<unknown[][]> {
  const sheet = await sheetOf(response);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n >= 3) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** A valid 统一社会信用代码 (GB 32100) for a test department. */
function creditCode(organisation: string): string {
  const body17 = `11110101${organisation}${organizationCodeCheckChar(organisation)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}
const OWN_CODE = creditCode('00000001');

async function departmentName(id: number): Promise<string> {
  const row = await t()
    .database.db.selectFrom('departments')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.name;
}

describe('GET /evaluations', () => {
  it('ranks every street for a district leader, with facts, scores and grades', async () => {
    const response = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/evaluations?object=street&${period}`,
    });
    expect(response.statusCode, response.body).toBe(200);
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

  it('shows department leads and handlers their own department only, and nothing else', async () => {
    const lead = await t().user({ role: 'department_lead', regions: [], departmentId: cast.departmentId });
    for (const user of [lead, cast.handler]) {
      const rows = (
        await t().as(user, { method: 'GET', url: `/api/v1/evaluations?object=department&${period}` })
      ).json().rows;
      expect(rows.map((r: { subject: string }) => r.subject)).toEqual([String(cast.departmentId)]);
      for (const object of ['street', 'inspector', 'dispatcher']) {
        const refused = await t().as(user, {
          method: 'GET',
          url: `/api/v1/evaluations?object=${object}&${period}`,
        });
        expect(refused.statusCode).toBe(403);
      }
    }
  });

  it('shows an inspector their own figures and their own grids only', async () => {
    const own = (
      await t().as(cast.inspector, { method: 'GET', url: `/api/v1/evaluations?object=inspector&${period}` })
    ).json().rows;
    expect(own.map((r: { subject: string }) => r.subject)).toEqual([String(cast.inspector.id)]);
    expect(own[0].facts.reports).toBe(1);
    const grids = (
      await t().as(cast.inspector, { method: 'GET', url: `/api/v1/evaluations?object=grid&${period}` })
    ).json().rows as Array<{ subject: string }>;
    expect(grids.length).toBe(4);
    expect(grids.every((r) => r.subject.startsWith(STREET_A))).toBe(true);
    for (const object of ['department', 'operator']) {
      const refused = await t().as(cast.inspector, {
        method: 'GET',
        url: `/api/v1/evaluations?object=${object}&${period}`,
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('evaluates the posts for the centers: the dispatcher sees its dispatch', async () => {
    const rows = (
      await t().as(cast.leader, { method: 'GET', url: `/api/v1/evaluations?object=dispatcher&${period}` })
    ).json().rows as Array<{ subject: string; facts: { dispatches: number } }>;
    expect(rows.find((r) => r.subject === String(cast.dispatcher.id))!.facts.dispatches).toBe(1);
  });

  it('gives a subject with no activity no score and no grade, and ranks it after every scored one', async () => {
    type Row = { subject: string; composite: number | null; grade: string | null; rank: number | null };
    const departments = (
      await t().as(cast.leader, { method: 'GET', url: `/api/v1/evaluations?object=department&${period}` })
    ).json().rows as Row[];
    // Own: 立案 1 → 100 ×10 %; 结案 0/1 → 0; 按期 0/1 → 0; 返工 0/1 → 100 ×30 % = 40 → D.
    const own = departments.find((r) => r.subject === String(cast.departmentId))!;
    expect(own).toMatchObject({ composite: 40, grade: 'D', rank: 1 });
    // The other department was given nothing: 0 filed used to score 100 and rank it first.
    const idle = departments.findIndex((r) => r.subject === String(cast.otherDepartmentId));
    expect(departments[idle]).toMatchObject({ composite: null, grade: null, rank: null });
    const lastScored = departments.findLastIndex((r) => r.composite !== null);
    expect(idle).toBeGreaterThan(lastScored);

    // An inspector who reported nothing, in a street where nothing was filed.
    const quiet = await t().user({ role: 'inspector', regions: [STREET_B] });
    const inspectors = (
      await t().as(cast.leader, { method: 'GET', url: `/api/v1/evaluations?object=inspector&${period}` })
    ).json().rows as Array<Row & { items: Array<{ value: number | null }> }>;
    const row = inspectors.find((r) => r.subject === String(quiet.id))!;
    expect(row).toMatchObject({ composite: null, grade: null, rank: null });
    expect(row.items.every((i) => i.value === null)).toBe(true);
    expect(inspectors.indexOf(row)).toBeGreaterThan(inspectors.findLastIndex((r) => r.composite !== null));
    expect(inspectors.find((r) => r.subject === String(cast.inspector.id))!.rank).toBe(1);
  });

  it('exports a subject with no activity as 无数据 with an empty score, never 100', async () => {
    const url = `/api/v1/evaluations?object=department&${period}`;
    const csv = csvOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=csv` }));
    const at = (header: string) => csv[0]!.indexOf(header);
    const idleName = await departmentName(cast.otherDepartmentId);
    const idle = csv.find((r) => r[2] === idleName)!;
    expect(idle[1]).toBe('');
    expect([idle[at('排名')], idle[at('综合得分')], idle[at('等级')], idle[at('立案数得分')]]).toEqual([
      '',
      '',
      '无数据',
      '',
    ]);
    expect(csv.at(-1)).toBe(idle);
    const own = csv.find((r) => r[1] === OWN_CODE)!;
    expect([own[at('排名')], own[at('综合得分')], own[at('等级')]]).toEqual(['1', '40', 'D']);
    const xlsx = await xlsxOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=xlsx` }));
    const header = xlsx[0]!;
    const row = xlsx.find((r) => r[2] === idleName)!;
    expect(row[header.indexOf('等级')]).toBe('无数据');
    expect(row[header.indexOf('综合得分')] ?? null).toBeNull();
    expect(row[header.indexOf('排名')] ?? null).toBeNull();
  });

  it('refuses anonymous callers', async () => {
    const response = await t().app.inject({
      method: 'GET',
      url: `/api/v1/evaluations?object=street&${period}`,
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    [`object=province&${period}`, 'querystring.object'],
    [`object=street&from=${to}&to=${from}`, 'querystring.from'],
    [`object=street&from=2026-02-30&to=${to}`, 'querystring.from'],
    [`object=street&from=20260101&to=${to}`, 'querystring.from'],
    [`object=street&${period}&profileKey=department-unicom`, 'querystring.profileKey'],
    [`object=street&${period}&classId=0`, 'querystring.classId'],
    [`object=inspector&${period}&classId=1`, 'querystring.classId'],
    [`object=street&${period}&compare=weekly`, 'querystring.compare'],
    [`object=street&${period}&format=pdf`, 'querystring.format'],
  ])('rejects ?%s naming %s', async (query, field) => {
    const response = await t().as(cast.leader, { method: 'GET', url: `/api/v1/evaluations?${query}` });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain(field);
  });

  it('compares month on month', async () => {
    const body = (
      await t().as(cast.leader, {
        method: 'GET',
        url: `/api/v1/evaluations?object=street&${period}&compare=mom`,
      })
    ).json();
    expect(body.compare.kind).toBe('mom');
    expect(body.rows[0]).toHaveProperty('previous');
    expect(body.rows[0]).toHaveProperty('change');
  });

  it('exports the table as CSV and as XLSX with Chinese headers, same rows as JSON', async () => {
    const url = `/api/v1/evaluations?object=department&${period}&compare=yoy`;
    const json = (await t().as(cast.leader, { method: 'GET', url })).json();
    const csvResponse = await t().as(cast.leader, { method: 'GET', url: `${url}&format=csv` });
    expect(csvResponse.headers['content-disposition']).toContain('attachment');
    const csv = csvOf(csvResponse);
    expect(csv[0]!.slice(0, 5)).toEqual(['排名', '统一社会信用代码', '名称', '立案数', '立案数得分']);
    expect(csv[0]).toContain('综合得分');
    expect(csv[0]).toContain('上年同期得分（同比）');
    // 立案数 is an indicator of the profile: not repeated among the base counts.
    expect(csv[0]!.filter((h) => h === '立案数')).toHaveLength(1);
    expect(new Set(csv[0]).size).toBe(csv[0]!.length);
    expect(csv.length - 1).toBe(json.rows.length);
    const own = csv.find((r) => r[1] === OWN_CODE)!;
    const ownJson = json.rows.find((r: { subject: string }) => r.subject === String(cast.departmentId));
    expect(Number(own[csv[0]!.indexOf('综合得分')])).toBe(ownJson.composite);
    const xlsx = await xlsxOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=xlsx` }));
    expect(xlsx[0]!.slice(0, 3)).toEqual(['排名', '统一社会信用代码', '名称']);
    expect(xlsx.length - 1).toBe(json.rows.length);
  });
});

describe('evaluation exports as printed reports', () => {
  it('head the table with 表名, 制表单位 and the inclusive 时间范围, and print counts as integers and rates as percentages', async () => {
    const url = `/api/v1/evaluations?object=department&${period}&profileKey=department-chengdu-jinniu`;
    const last = DateTime.fromISO(to).minus({ days: 1 }).toISODate()!;
    const csv = csvRowsOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=csv` }));
    expect(csv[0]![0]).toBe('专业部门综合评价表');
    expect(csv[1]![0]).toBe('制表单位：东城区');
    expect(csv[2]![0]).toBe(`时间范围：${from} 至 ${last}`);
    expect(csv[3]![0]).toMatch(/^制表时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Every row as wide as the table, so a CSV reader takes the head rows too.
    expect(new Set(csv.map((r) => r.length)).size).toBe(1);

    const sheet = await sheetOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=xlsx` }));
    expect(sheet.getCell('A1').value).toBe('专业部门综合评价表');
    expect(sheet.getCell('A2').value).toBe('制表单位：东城区');
    const line = (sheet.getRow(2).values as unknown[]).filter((v) => typeof v === 'string');
    expect(line).toContain(`时间范围：${from} 至 ${last}`);
    expect(line.join('')).not.toContain(to);
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['排名', '统一社会信用代码', '名称']);
    expect(new Set(header).size).toBe(header.length);
    expect(header).toContain('日常处置率');
    expect(header).toContain('应处置按期完成率');
    expect(header).not.toContain('按期处置率（应处置）');
    let own = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(2).value === OWN_CODE) own = n;
    });
    expect(own).toBeGreaterThan(3);
    const cell = (name: string) => sheet.getRow(own).getCell(header.indexOf(name) + 1);
    expect(cell('应处置数').numFmt).toBe('0');
    expect(cell('应处置数').value).toBe(1);
    expect(cell('日常处置率').numFmt).toBe('0.0%');
    expect(cell('排名').numFmt).toBe('0');
  });

  it('shows a region’s division code and a department without a credit code as empty, never an id', async () => {
    const streets = csvOf(
      await t().as(cast.leader, {
        method: 'GET',
        url: `/api/v1/evaluations?object=street&${period}&format=csv`,
      }),
    );
    expect(streets[0]!.slice(0, 3)).toEqual(['排名', '行政区划代码', '名称']);
    expect(streets.slice(1).map((r) => r[1])).toContain(STREET_A);
    const people = csvOf(
      await t().as(cast.leader, {
        method: 'GET',
        url: `/api/v1/evaluations?object=inspector&${period}&format=csv`,
      }),
    );
    expect(people[0]!.slice(0, 2)).toEqual(['排名', '名称']);
    const headers = people[0]!;
    expect(new Set(headers).size).toBe(headers.length);
  });
});

describe('GET /evaluations/cases (drill-down)', () => {
  it('lists the cases behind a count, inside the jurisdiction only, and exports them', async () => {
    const url = `/api/v1/evaluations/cases?object=street&subject=${STREET_A}&fact=filed&${period}`;
    const response = await t().as(cast.leader, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().caseIds).toContain(filed.id);
    expect(response.json().cases[0]).toMatchObject({
      number: expect.any(String),
      className: expect.any(String),
    });
    const csv = csvOf(await t().as(cast.leader, { method: 'GET', url: `${url}&format=csv` }));
    expect(csv[0]).toEqual(['案件编号', '问题类别', '状态', '单元网格代码', '处置部门', '上报时间']);
    const row = csv.slice(1).find((r) => r[0] === filed.number)!;
    // The status as clerks name it, the report time on the local clock.
    expect(row[2]).toBe('待接收');
    expect(row[5]).toBe(
      DateTime.fromISO(filed.reportedAt as string)
        .setZone('Asia/Shanghai')
        .toFormat('yyyy-MM-dd HH:mm'),
    );
    const streetB = await t().user({ role: 'leader', regions: [STREET_B] });
    expect((await t().as(streetB, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('rejects an unknown fact or one that counts no cases', async () => {
    const base = `/api/v1/evaluations/cases?object=street&subject=${STREET_A}&${period}`;
    const unknown = await t().as(cast.leader, { method: 'GET', url: `${base}&fact=happiness` });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('querystring.fact');
    const grids = await t().as(cast.leader, { method: 'GET', url: `${base}&fact=grids` });
    expect(grids.statusCode).toBe(400);
  });
});

describe('evaluation profiles', () => {
  const cityProfile = {
    name: '某市街道评价',
    object: 'region',
    items: [
      { indicator: 'region.close_rate', weight: 50, scoring: { kind: 'linear' } },
      {
        indicator: 'region.filed_per_km2',
        weight: 50,
        scoring: {
          kind: 'tiered',
          direction: 'at_most',
          tiers: [
            { bound: 10, score: 100 },
            { bound: 50, score: 60 },
            { bound: null, score: 0 },
          ],
        },
      },
    ],
  };

  it("lists the built-in profiles (national and a city's) and every indicator", async () => {
    const body = (await t().as(cast.leader, { method: 'GET', url: '/api/v1/evaluation-profiles' })).json();
    const keys = body.profiles.map((p: { key: string }) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining(['department-unicom', 'department-chengdu-jinniu', 'inspector-unicom']),
    );
    expect(body.indicators.length).toBeGreaterThan(30);
  });

  it('lets an administrator store a profile, use it, update it with its version, and remove it', async () => {
    const put = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/evaluation-profiles/region-city',
      payload: cityProfile,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ key: 'region-city', version: 1 });
    const evaluated = await t().as(cast.leader, {
      method: 'GET',
      url: `/api/v1/evaluations?object=street&${period}&profileKey=region-city`,
    });
    expect(evaluated.json().profile.key).toBe('region-city');
    expect(evaluated.json().rows[0].items.map((i: { indicator: string }) => i.indicator)).toEqual([
      'region.close_rate',
      'region.filed_per_km2',
    ]);
    const stale = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/evaluation-profiles/region-city',
      payload: { ...cityProfile, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const next = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/evaluation-profiles/region-city',
      payload: { ...cityProfile, name: '某市街道评价（修订）', version: 1 },
    });
    expect(next.json().version).toBe(2);
    const removed = await t().as(admin, { method: 'DELETE', url: '/api/v1/evaluation-profiles/region-city' });
    expect(removed.statusCode).toBe(204);
    const again = await t().as(admin, { method: 'DELETE', url: '/api/v1/evaluation-profiles/region-city' });
    expect(again.statusCode).toBe(404);
  });

  it.each([
    [
      { ...cityProfile, items: [{ ...cityProfile.items[0], weight: 60 }, cityProfile.items[1]] },
      'body.items',
    ],
    [
      { ...cityProfile, items: [{ ...cityProfile.items[0], indicator: 'region.joy' }] },
      'body.items.0.indicator',
    ],
    [
      { ...cityProfile, items: [{ ...cityProfile.items[0], indicator: 'department.close_rate' }] },
      'body.items.0.indicator',
    ],
    [{ ...cityProfile, object: 'planet' }, 'body.object'],
    [{ ...cityProfile, extra: 1 }, 'body.extra'],
  ])('refuses malformed profile %#, naming the field and storing nothing', async (payload, field) => {
    const response = await t().as(admin, {
      method: 'PUT',
      url: '/api/v1/evaluation-profiles/bad-one',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain(field);
    const list = (await t().as(admin, { method: 'GET', url: '/api/v1/evaluation-profiles' })).json();
    expect(list.profiles.map((p: { key: string }) => p.key)).not.toContain('bad-one');
  });

  it('refuses profile changes by anyone but an administrator', async () => {
    for (const user of [cast.leader, cast.dispatcher]) {
      const response = await t().as(user, {
        method: 'PUT',
        url: '/api/v1/evaluation-profiles/region-city',
        payload: cityProfile,
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

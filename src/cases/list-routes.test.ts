import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor, garbageReport, report, step, type CaseCast } from '../../test/helpers/cases.js';
import { gridCentre } from '../../test/helpers/geography.js';

const t = useTestApp();
let cast: CaseCast;

beforeAll(async () => {
  cast = await castFor(t());
});

interface ListItem {
  id: number;
  number: string;
  gridName: string | null;
  communityName: string | null;
  streetName: string | null;
  runningClock: { clock: string; remainingMinutes: number; dueAt: string | null } | null;
}

async function list(query: string, user = cast.shiftLead) {
  const response = await t().as(user, { method: 'GET', url: `/api/v1/cases?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: ListItem[]; nextCursor: string | null }>();
}

/** Three reports with a marker word in their description, so each test reads only its own. */
async function threeReports(marker: string) {
  const cases = [];
  const cells: Array<[1 | 2, 1 | 2]> = [
    [1, 1],
    [1, 2],
    [2, 1],
  ];
  for (const [i, cell] of cells.entries()) {
    const c = gridCentre(1, cell[0], cell[1]);
    cases.push(
      await report(
        t(),
        cast.inspector,
        garbageReport(cast, { description: `${marker} 第${i + 1}处`, location: { lng: c.lng, lat: c.lat } }),
      ),
    );
  }
  return cases;
}

describe('GET /cases: sorting and numbered pages', () => {
  it('sorts by number either way and pages by offset, matching the count', async () => {
    const made = await threeReports('排序甲');
    const numbers = made.map((c) => c.number).sort();
    const first = await list(`q=${encodeURIComponent('排序甲')}&sort=number&order=asc&limit=2&offset=0`);
    const second = await list(`q=${encodeURIComponent('排序甲')}&sort=number&order=asc&limit=2&offset=2`);
    expect([...first.items, ...second.items].map((c) => c.number)).toEqual(numbers);
    expect(first.nextCursor).toBeNull();
    const desc = await list(`q=${encodeURIComponent('排序甲')}&sort=number&order=desc&limit=5`);
    expect(desc.items.map((c) => c.number)).toEqual([...numbers].reverse());
    const count = await t().as(cast.shiftLead, {
      method: 'GET',
      url: `/api/v1/cases/count?q=${encodeURIComponent('排序甲')}`,
    });
    expect(count.json().count).toBe(3);
  });

  it('refuses a cursor with another sort, naming the field', async () => {
    const response = await t().as(cast.shiftLead, {
      method: 'GET',
      url: '/api/v1/cases?sort=number&cursor=WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLDFd',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json().errors[0].field).toBe('querystring.cursor');
  });

  it.each(['sort=deadline', 'order=up', 'offset=-1'])('answers 400 to %s', async (query) => {
    const response = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases?${query}` });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET /cases: what a queue row shows', () => {
  it('names the grid, community and street, and the filing then the dispatch clock with its remaining time', async () => {
    const [reported] = await threeReports('时限乙');
    const before = (await list(`q=${encodeURIComponent('时限乙')}&limit=5`)).items.find(
      (c) => c.id === reported!.id,
    )!;
    expect(before.gridName).toEqual(expect.any(String));
    expect(before.gridName).not.toMatch(/^\d+$/);
    expect(before.communityName).toEqual(expect.any(String));
    expect(before.streetName).toEqual(expect.any(String));
    expect(before.runningClock).toMatchObject({ clock: 'filing', dueAt: expect.any(String) });
    expect(before.runningClock!.remainingMinutes).toBeGreaterThan(0);
    const current = (
      await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported!.id}` })
    ).json();
    await step(t(), cast.shiftLead, current, 'file');
    const after = (await list(`q=${encodeURIComponent('时限乙')}&limit=5`, cast.dispatcher)).items.find(
      (c) => c.id === reported!.id,
    )!;
    expect(after.runningClock?.clock).toBe('dispatch');
  });
});

describe('GET /cases/export', () => {
  it('exports the filtered list as XLSX with 表名, 制表单位 and 时间范围 above the headers', async () => {
    const made = await threeReports('导出丙');
    const response = await t().as(cast.shiftLead, {
      method: 'GET',
      url: `/api/v1/cases/export?format=xlsx&q=${encodeURIComponent('导出丙')}&from=2020-01-01T00:00:00Z&sort=number&order=asc`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.headers['content-disposition']).toMatch(/attachment/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').text).toBe('表名：案卷查询结果');
    expect(sheet.getCell('A2').text).toMatch(/^制表单位：.+/);
    expect(sheet.getCell('A3').text).toMatch(/^时间范围：2020-01-01 \d\d:\d\d 至 不限$/);
    expect(sheet.getCell('A4').value).toBe('案卷编号');
    const numbers = [5, 6, 7].map((r) => sheet.getCell(`A${r}`).value);
    expect(numbers).toEqual(made.map((c) => c.number).sort());
    expect(sheet.getCell('E5').value).toBe('待立案');
    expect(sheet.getCell('H5').value).not.toMatch(/^\d+$/);
  });

  it('exports CSV with a BOM and the title rows, only within the caller’s jurisdiction', async () => {
    await threeReports('导出丁');
    const csv = await t().as(cast.shiftLead, {
      method: 'GET',
      url: `/api/v1/cases/export?format=csv&q=${encodeURIComponent('导出丁')}`,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(lines.slice(0, 3)).toEqual([
      '表名：案卷查询结果',
      expect.stringMatching(/^制表单位：/),
      '时间范围：不限',
    ]);
    expect(lines[3]).toMatch(/^案卷编号,上报时间,来源,类别,状态/);
    expect(lines.filter((l) => l.includes('导出丁'))).toHaveLength(3);
    // The other department's handler has none of these (not dispatched to it): an empty table.
    const other = await t().as(cast.otherHandler, {
      method: 'GET',
      url: `/api/v1/cases/export?format=csv&q=${encodeURIComponent('导出丁')}`,
    });
    expect(other.statusCode).toBe(200);
    expect(other.body.split('\r\n').filter((l) => l.includes('导出丁'))).toHaveLength(0);
  });

  it('answers 401 without a session and 400 to an unknown format', async () => {
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/cases/export' })).statusCode).toBe(401);
    const bad = await t().as(cast.shiftLead, { method: 'GET', url: '/api/v1/cases/export?format=pdf' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('来访: walk-in reports', () => {
  it('lets an operator register a walk-in with the reporter’s contact, read back in full and audited', async () => {
    const created = await report(
      t(),
      cast.operator,
      garbageReport(cast, {
        source: 'walk_in',
        description: '来访群众反映垃圾',
        reporter: { name: '李大爷', phone: '13900001111', contactConsent: true },
      }),
    );
    expect(created.source).toBe('walk_in');
    const contact = await t().as(cast.operator, {
      method: 'GET',
      url: `/api/v1/cases/${created.id}/reporter?full=true`,
    });
    expect(contact.json()).toMatchObject({ name: '李大爷', phone: '13900001111', masked: false });
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(created.id))
      .where('action', '=', 'reporter.read')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses walk-in as a source to an inspector, naming body.source', async () => {
    const response = await t().as(cast.inspector, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: garbageReport(cast, { source: 'walk_in' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.source');
  });
});

describe('GET /cases/:id: what the staff case page shows', () => {
  it('carries the citizen’s rating and comment, and the names of the grid, community and street', async () => {
    const [made] = await threeReports('评价戊');
    const before = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${made!.id}` });
    expect(before.json().rating).toBeNull();
    await sql`insert into case_ratings (case_id, score, comment, request_reopen)
      values (${made!.id}, 2, ${'处理不彻底，垃圾又堆起来了'}, true)`.execute(t().database.db);
    const after = await t().as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${made!.id}` });
    expect(after.json()).toMatchObject({
      rating: {
        score: 2,
        comment: '处理不彻底，垃圾又堆起来了',
        requestReopen: true,
        ratedAt: expect.any(String),
      },
      gridName: expect.any(String),
      communityName: expect.any(String),
      streetName: expect.any(String),
    });
  });
});

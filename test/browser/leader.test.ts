/**
 * The leader's views in a real browser: cases moved through the real API first (so the numbers
 * are not zero), then the evaluation page checked against GET /evaluations, a drill-down followed
 * to a case, the comparison switched, CSV and XLSX downloaded with the session cookie, the analytics
 * page's hotspot table and charts, the dashboard's links, English headers, and a handler refused.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/cases/sweep.js';
import { formOf, phonePhoto } from '../helpers/images.js';
import { TEST_PASSWORD } from '../helpers/app.js';
import { garbageReport, report, step, type CaseBody } from '../helpers/cases.js';
import { desktopLogin, useBrowser } from './harness.js';

const run = useBrowser();
const month = DateTime.now().setZone('Asia/Shanghai').startOf('month');
const from = month.toISODate()!;
const to = month.plus({ months: 1 }).toISODate()!;
const period = `period=month&from=${from}&to=${to}`;
let departmentName = '';
let idleDepartmentName = '';
const cases: CaseBody[] = [];

interface ApiRow {
  subject: string;
  name: string;
  facts: Record<string, number>;
  composite: number | null;
  grade: string | null;
}

beforeAll(async () => {
  const { t, cast } = run();
  const upload = await t.as(cast.handler, {
    method: 'POST',
    url: '/api/v1/files',
    payload: formOf({ data: await phonePhoto(320, 240) }),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const handle = {
    note: '已清理',
    afterPhotoIds: [upload.json<{ files: Array<{ id: string }> }>().files[0]!.id],
  };
  // Four reports of the same class at the same spot: three dispatched to the department (one
  // closed, one failing verification), which also makes a repeated problem.
  for (const description of ['领导测试A', '领导测试B', '领导测试C', '领导测试D']) {
    let c = await report(t, cast.inspector, garbageReport(cast, { description }));
    c = await step(t, cast.shiftLead, c, 'file');
    if (description !== '领导测试D')
      c = await step(t, cast.dispatcher, c, 'dispatch', { departmentId: cast.departmentId });
    if (description === '领导测试A' || description === '领导测试B') {
      c = await step(t, cast.handler, c, 'accept');
      c = await step(t, cast.handler, c, 'handle', handle);
      c = await step(t, cast.operator, c, 'send-verify');
      c =
        description === '领导测试A'
          ? await step(t, cast.shiftLead, await step(t, cast.inspector, c, 'pass'), 'close')
          : await step(t, cast.inspector, c, 'fail', { reason: '仍有残留' });
    }
    cases.push(c);
  }
  const department = await t.database.db
    .selectFrom('departments')
    .select('name')
    .where('id', '=', cast.departmentId)
    .executeTakeFirstOrThrow();
  departmentName = department.name;
  idleDepartmentName = (
    await t.database.db
      .selectFrom('departments')
      .select('name')
      .where('id', '=', cast.otherDepartmentId)
      .executeTakeFirstOrThrow()
  ).name;
  // The staff are named as people are (test accounts are named after their logins), and the
  // deadline sweep runs two weeks on, when the unhandled cases are overdue: the case history then
  // shows names, posts and departments, and the system's records (two weeks: working time passes
  // whatever the calendar).
  for (const [user, name] of [
    [cast.inspector, '王巡查'],
    [cast.shiftLead, '赵值班'],
    [cast.dispatcher, '钱派遣'],
    [cast.handler, '李处置'],
    [cast.operator, '孙受理'],
  ] as const)
    await t.database.db.updateTable('users').set({ display_name: name }).where('id', '=', user.id).execute();
  await sweepDeadlines(t.database.db, {
    ...t.app.caseDeps,
    now: () => new Date(Date.now() + 14 * 86_400_000),
  });
  // Two citizens' ratings this month (5★ and 3★): the satisfaction trend has a point.
  await t.database.db
    .insertInto('case_ratings')
    .values([
      { case_id: cases[0]!.id, score: 5 },
      { case_id: cases[1]!.id, score: 3 },
    ])
    .execute();
}, 120_000);

async function leaderPage(path: string): Promise<Page> {
  const page = await run().open('/login', { viewport: 'desktop' });
  await desktopLogin(page, run().cast.leader.username, TEST_PASSWORD);
  await page.goto(path);
  return page;
}

interface Animated {
  getAnimations(): Array<{ playState: string; effect: { getTiming(): { iterations?: number } } | null }>;
}

/** A screenshot once antd's drawer and tab transitions have finished (spinners run forever). */
async function settledShot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: Animated }).document
      .getAnimations()
      .every((a) => a.playState === 'finished' || a.effect?.getTiming().iterations === Infinity),
  );
  await run().shot(page, name);
}

async function apiRows(object: string, extra = ''): Promise<ApiRow[]> {
  const { t, cast } = run();
  const response = await t.as(cast.leader, {
    method: 'GET',
    url: `/api/v1/evaluations?object=${object}&from=${from}&to=${to}${extra}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ rows: ApiRow[] }>().rows;
}

/** The href of a download button, fetched with the page's own cookies. */
async function fetchDownload(page: Page, name: RegExp) {
  const href = await page.getByRole('link', { name }).first().getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  return { href: href!, response, body: await response.body() };
}

describe('the leader views', () => {
  it('shows a department’s numbers as the API does, with drill-down, comparison and downloads', async () => {
    const page = await leaderPage('/dashboard');
    // The menu offers the evaluation and the analytics.
    const menu = page.getByRole('menu').first();
    await menu.getByText('绩效评价').waitFor();
    await menu.getByText('统计分析').waitFor();
    await menu.getByText('绩效评价').click();
    await page.waitForURL('**/evaluation');
    await page.getByRole('tab', { name: '专业部门', selected: true }).waitFor();
    // Default: the last whole month (nothing happened then in this test database).
    const lastMonth = month.minus({ months: 1 });
    expect(new URL(page.url()).searchParams.get('from') ?? lastMonth.toISODate()).toBe(lastMonth.toISODate());

    await page.goto(`/evaluation?kind=department&${period}`);
    const row = page.getByRole('row').filter({ hasText: departmentName });
    const api = (await apiRows('department')).find((r) => r.name === departmentName)!;
    expect(api.facts).toMatchObject({ to_handle: 3, handled: 2, reworks: 1, filed: 3, closed: 1 });
    // Every count of the row as the API answered it; each non-zero one opens its cases.
    const labels: Record<string, string> = {
      to_handle: '应处置数',
      handled: '处置数',
      handled_on_time: '按期处置数',
      reworks: '返工数',
      returns: '回退数',
      overdue: '超期数',
    };
    await row.getByRole('button', { name: `查看应处置数的 3 件案卷` }).waitFor();
    for (const [fact, label] of Object.entries(labels)) {
      const n = api.facts[fact]!;
      if (n > 0)
        expect(await row.getByRole('button', { name: `查看${label}的 ${n} 件案卷` }).count()).toBe(1);
      else expect(await row.getByRole('button', { name: new RegExp(`^查看${label}的`) }).count()).toBe(0);
    }
    expect(api.composite).not.toBeNull();
    await row.getByText(api.composite!.toFixed(2)).waitFor();
    await row
      .locator('.ant-tag')
      .filter({ hasText: new RegExp(`^${api.grade}$`) })
      .waitFor();
    // The other department was given nothing this month: no score, no grade, listed last.
    expect((await apiRows('department')).find((r) => r.name === idleDepartmentName)).toMatchObject({
      composite: null,
      grade: null,
    });
    const idle = page.getByRole('row').filter({ hasText: idleDepartmentName });
    await idle.getByText('无数据').first().waitFor();
    expect(await idle.getByText('无数据', { exact: true }).count()).toBe(2);
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').last().textContent())
      .toContain(idleDepartmentName);
    await settledShot(page, 'desktop-evaluation-department');

    // Drill-down: the three dispatched cases, each linking to its detail page.
    await row.getByRole('button', { name: '查看应处置数的 3 件案卷' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(`${departmentName} · 应处置数`).waitFor();
    for (const c of cases.slice(0, 3)) await drawer.getByRole('link', { name: c.number }).waitFor();
    expect(await drawer.getByRole('link', { name: cases[3]!.number }).count()).toBe(0);
    await settledShot(page, 'desktop-evaluation-drilldown');
    const csvOfDrill = await fetchDownload(page, /^下载 CSV：.*应处置数/);
    expect(csvOfDrill.body.toString('utf8')).toContain('案件编号');
    await drawer.getByRole('link', { name: cases[1]!.number }).click();
    await page.waitForURL(`**/cases/${cases[1]!.id}`);
    await page.getByText('领导测试B').first().waitFor();
    await page.goBack();

    // 环比: the previous period's score and the change appear, and the URL keeps the choice.
    await page
      .locator('.ant-segmented-item-label')
      .filter({ hasText: /^环比$/ })
      .click();
    await page.getByRole('columnheader', { name: /上期得分/ }).waitFor();
    await page.getByRole('columnheader', { name: /得分变化/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('compare')).toBe('mom');
    await page.getByText(/对比周期：/).waitFor();
    await settledShot(page, 'desktop-evaluation-mom');

    // Downloads with the page's filters and the session cookie: CSV with BOM and Chinese header
    // row, XLSX a zip whose first sheet starts with the same headers.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载 CSV：评价表' }).click();
    const download = await downloadPromise;
    const saved = fs.readFileSync(await download.path(), 'utf8');
    // A printed report: title, 制表单位, 时间范围 (the month's last day, not the next month's first), 制表时间, header.
    const lines = saved.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^专业部门综合评价表,*$/);
    expect(lines[2]).toContain(`时间范围：${from} 至 ${month.endOf('month').toISODate()!}`);
    expect(lines[4]!.startsWith('排名,统一社会信用代码,名称')).toBe(true);
    const csv = await fetchDownload(page, /^下载 CSV：评价表$/);
    expect(csv.href).toContain('compare=mom');
    expect(csv.href).toContain(`from=${from}`);
    expect(csv.response.headers()['content-type']).toContain('text/csv');
    const text = csv.body.toString('utf8');
    expect(text.split('\r\n')[4]).toContain('上期得分（环比）');
    expect(text).toContain(departmentName);
    const xlsx = await fetchDownload(page, /^下载 Excel：评价表$/);
    expect(xlsx.response.headers()['content-type']).toContain('spreadsheetml');
    expect(xlsx.body.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('专业部门综合评价表');
    const header = (workbook.worksheets[0]!.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['排名', '统一社会信用代码', '名称']);
    expect(new Set(header).size).toBe(header.length);
    expect(header).toContain('综合得分');

    // Another kind: streets, and the people's posts.
    await page.getByRole('tab', { name: '街道' }).click();
    const streets = await apiRows('street');
    for (const s of streets) await page.getByRole('row').filter({ hasText: s.name }).first().waitFor();
    await page.getByRole('tab', { name: '受理员 / 值班长 / 派遣员' }).click();
    await page
      .locator('.ant-segmented-item-label')
      .filter({ hasText: /^值班长$/ })
      .click();
    await page.getByRole('columnheader', { name: '按时立案率' }).waitFor();
    await settledShot(page, 'desktop-evaluation-shift-leads');

    // English headers.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'On-time filing rate' }).waitFor();
    await page.getByRole('tab', { name: 'Departments' }).click();
    await page.getByRole('columnheader', { name: 'To handle' }).waitFor();
    await page.getByRole('columnheader', { name: 'Composite' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: idleDepartmentName })
      .getByText('No data')
      .first()
      .waitFor();
    await settledShot(page, 'desktop-evaluation-en');
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByRole('tab', { name: '专业部门' }).waitFor();
    expect(run().errors(page)).toEqual([]);
  });

  it('shows hotspots, charts, repeated problems and downloads on the analytics page', async () => {
    const page = await leaderPage(`/analytics?${period}`);
    const hotspots = page.locator('.ant-card').filter({ hasText: '高发网格' }).last();
    // The four reports in one grid and class.
    const spot = hotspots.getByRole('row').filter({ hasText: '110101001001001' });
    await spot.getByRole('cell', { name: '4', exact: true }).first().waitFor();
    // Charts drawn on canvases: the trend and the weekday × hour heatmap.
    await page.locator('[role="img"][aria-label="趋势"] canvas').first().waitFor();
    await page.locator('[role="img"][aria-label="时段分布（星期 × 小时）"] canvas').first().waitFor();
    // Repeated problems: the same class at one spot four times, linked to its cases.
    const repeated = page.locator('.ant-card').filter({ hasText: '重复问题' });
    for (const c of cases) await repeated.getByRole('link', { name: `#${c.id}` }).waitFor();
    await page
      .locator('.ant-segmented-item-label')
      .filter({ hasText: /^按周$/ })
      .click();
    const csv = await fetchDownload(page, /^下载 CSV：趋势$/);
    expect(csv.href).toContain('interval=week');
    // A printed report's head (表名, 制表单位, 时间范围, 制表时间), then the columns.
    const lines = csv.body.toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('\uFEFF趋势')).toBe(true);
    expect(lines[1]!.startsWith('制表单位：')).toBe(true);
    expect(lines[4]!.startsWith('周（起始日）,上报数')).toBe(true);
    const hot = await fetchDownload(page, /^下载 Excel：高发网格$/);
    expect(hot.response.headers()['content-type']).toContain('spreadsheetml');
    await settledShot(page, 'desktop-analytics');
    // Satisfaction as a monthly trend: this month's two ratings, (5 + 3) / 2 = 4.00, half satisfied.
    const satisfaction = page.locator('.ant-card').filter({ hasText: '公众满意度' }).last();
    await satisfaction
      .locator('.ant-segmented-item-label')
      .filter({ hasText: /^按月趋势$/ })
      .click();
    await page.locator('[role="img"][aria-label="公众满意度（按月趋势）"] canvas').first().waitFor();
    await satisfaction.getByRole('columnheader', { name: '月份' }).waitFor();
    const thisMonth = satisfaction.getByRole('row').filter({ hasText: month.toFormat('yyyy-MM') });
    await thisMonth.getByRole('cell', { name: '4.00', exact: true }).waitFor();
    await thisMonth.getByRole('cell', { name: '50.0%', exact: true }).waitFor();
    const trendCsv = await fetchDownload(page, /^下载 CSV：公众满意度$/);
    expect(trendCsv.href).toContain('groupBy=month');
    expect(trendCsv.body.toString('utf8').split('\r\n')[4]!.startsWith('月份,评价数,平均分')).toBe(true);
    await settledShot(page, 'desktop-analytics-satisfaction-month');
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Hotspot grids', { exact: true }).first().waitFor();
    await page.getByRole('columnheader', { name: 'On-time handling rate' }).waitFor();
    await page.getByText('简体中文', { exact: true }).click();
    expect(run().errors(page)).toEqual([]);
  });

  it('links the dashboard’s figures to the evaluation of the same days', async () => {
    const page = await leaderPage('/dashboard');
    await page.getByRole('link', { name: '上报案卷' }).waitFor();
    // The streets' KPI counts all four reports of this month (the last 30 days include today).
    await page
      .locator('.ant-statistic')
      .filter({ hasText: '上报案卷' })
      .getByText(/^[1-9]\d*$/)
      .waitFor();
    await settledShot(page, 'desktop-dashboard');
    await page.getByRole('link', { name: '上报案卷' }).click();
    await page.waitForURL(/\/evaluation\?kind=street&period=range/);
    await page.getByRole('tab', { name: '街道', selected: true }).waitFor();
    expect(run().errors(page)).toEqual([]);
  });

  it('shows a case’s history with names, posts and departments, and the system’s records in Chinese', async () => {
    const { cast } = run();
    const page = await leaderPage(`/cases/${cases[1]!.id}`);
    const card = page.locator('.ant-card').filter({ hasText: '办理过程' });
    await card.getByText('李处置（专业部门处置人员 · ').first().waitFor();
    await card.getByText('钱派遣（指挥中心派遣员）').first().waitFor();
    await card.getByText('赵值班（值班长）').first().waitFor();
    await card
      .getByText(/处置时限已超出 .+（按工作时间计）/)
      .first()
      .waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('超时');
    expect(text).toContain('系统');
    for (const user of [cast.inspector, cast.shiftLead, cast.dispatcher, cast.handler, cast.operator])
      expect(text).not.toContain(user.username);
    expect(text).not.toMatch(/overdue|handling|时限已超 |[a-z]+-\d/);
    await settledShot(page, 'desktop-case-timeline');
    expect(run().errors(page)).toEqual([]);
  });

  it('refuses a handler the menu entries and the pages', async () => {
    const { cast } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, cast.handler.username, TEST_PASSWORD);
    const menu = page.getByRole('menu').first();
    await menu.getByText('部门处置').waitFor();
    expect(await menu.getByText('绩效评价').count()).toBe(0);
    expect(await menu.getByText('统计分析').count()).toBe(0);
    for (const path of ['/evaluation', '/analytics']) {
      await page.goto(path);
      await page.getByText('无权访问').waitFor();
    }
    await settledShot(page, 'desktop-evaluation-refused-handler');
    await page.getByText('您的角色不能访问此页面。').waitFor();
    expect(run().errors(page)).toEqual([]);
  });
});

/**
 * Desktop intake and case context in a real browser: an operator registers a hotline call on the
 * 登记案件 screen; the case page shows the outlines and names around the point, the reporter's
 * contact after an audited click; 案卷查询 shows names, totals and filters; and the phone fixes —
 * 查询 stays put on blur, the tab bar leaves 上报 clear, validation messages go when fixed.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { garbageReport, report, step } from '../helpers/cases.js';
import { gridCentre } from '../helpers/geography.js';
import { button, desktopLogin, field, useBrowser } from './harness.js';

const run = useBrowser();

describe('登记案件 and the case page', () => {
  it('lets an operator register a hotline call with the caller’s contact, then read it back audited', async () => {
    const { cast, t } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, cast.operator.username, TEST_PASSWORD);
    await page.getByRole('menu').first().getByText('登记案件').click();
    await page.waitForURL('**/intake');
    // Submitting empty names what is missing, in Chinese.
    await button(page, '登记').click();
    await page.getByText('请选择案件类别').waitFor();
    await page.getByText('请填写问题描述').waitFor();
    await page.getByText('请在地图上点选问题位置').waitFor();
    await page.getByLabel('反映人姓名').fill('王先生');
    await page.getByLabel('联系电话').fill('139 0000 2222');
    await page.getByRole('combobox', { name: /类别/ }).click();
    await page.keyboard.type('暴露垃圾');
    await page.keyboard.press('Enter');
    await page.getByLabel('问题描述').fill('来电反映：胡同口垃圾无人清运');
    // The map fits the district; the test district's centre lies in a grid of street 1 or 2.
    const map = page.getByRole('region', { name: '在地图上点击问题位置' });
    await map.waitFor();
    await page.waitForTimeout(1000);
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.45);
    await page.getByText(/^已选位置：/).waitFor();
    expect(await page.getByText('请在地图上点选问题位置').count()).toBe(0);
    await run().shot(page, 'desktop-intake');
    await button(page, '登记').click();
    const done = page.getByText(/^已登记案卷 \d+$/);
    await done.waitFor();
    const number = (await done.textContent())!.replace(/\D/g, '');
    const list = await t.as(cast.operator, { method: 'GET', url: `/api/v1/cases?q=${number}` });
    const created = list.json<{ items: Array<{ id: number; source: string }> }>().items[0]!;
    expect(created.source).toBe('hotline');

    // The case page: outlines with names around the point, and the contact after a click.
    await button(page, '查看案卷').click();
    await page.waitForURL(`**/cases/${created.id}`);
    await page.locator('.shuzhi-region-label--streets span').first().waitFor();
    expect(await page.locator('.shuzhi-region-label--communities').count()).toBeGreaterThan(0);
    expect(await page.locator('.shuzhi-region-label--grids').count()).toBeGreaterThan(0);
    const gridLabels = await page.locator('.shuzhi-region-label--grids').allTextContents();
    expect(gridLabels.every((text) => !/^\d+$/.test(text))).toBe(true);
    const panel = page.getByTestId('reporter-panel');
    expect(await panel.getByText('13900002222').count()).toBe(0);
    await panel.getByRole('button', { name: /查看联系方式/ }).click();
    await panel.getByText('13900002222').waitFor();
    await panel.getByText('王先生').waitFor();
    await run().shot(page, 'desktop-case-context');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(created.id))
      .where('action', '=', 'reporter.read')
      .execute();
    expect(audit).toHaveLength(1);
    // No spaced-out two-character buttons (立 案): antd's autoInsertSpace is off.
    const labels = await page.getByRole('button').allTextContents();
    expect(labels.filter((l) => /^\p{Script=Han} \p{Script=Han}$/u.test(l.trim()))).toEqual([]);
    expect(run().errors(page)).toEqual([]);
  });

  it('shows 案卷查询 with names, a suggested department as a suggestion, the total, and filters', async () => {
    const { cast, t } = run();
    await report(t, cast.inspector, garbageReport(cast, { description: '查询页测试一' }));
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, cast.shiftLead.username, TEST_PASSWORD);
    await page.goto('/cases');
    const count = (await t.as(cast.shiftLead, { method: 'GET', url: '/api/v1/cases/count' })).json<{
      count: number;
    }>().count;
    await page.getByText(`共 ${count} 条`).waitFor();
    await page.getByTestId('suggested-department').first().waitFor();
    expect(await page.getByTestId('suggested-department').first().textContent()).toMatch(/^建议：/);
    // Filter by class: the total follows the server's count for the same filter.
    await page.getByRole('combobox', { name: /类别/ }).click();
    await page.keyboard.type('暴露垃圾');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: /超期/ }).click();
    await page.getByTitle('超时', { exact: true }).click();
    await page.getByRole('button', { name: /搜索/ }).click();
    // Fresh reports are on time: none is overdue, as the server counts too.
    await page.getByText('暂无数据').waitFor();
    const filtered = await t.as(cast.shiftLead, {
      method: 'GET',
      url: '/api/v1/cases/count?overdueTier=overdue',
    });
    expect(filtered.json<{ count: number }>().count).toBe(0);
    // The export menu opens on hover; its links carry the filter.
    await page.getByRole('button', { name: /导出/ }).hover();
    const xlsx = page.getByRole('link', { name: '导出 Excel' });
    await xlsx.waitFor();
    const href = (await xlsx.getAttribute('href'))!;
    expect(new URL(href, 'http://x').searchParams.get('overdueTier')).toBe('overdue');
    expect(new URL(href, 'http://x').searchParams.get('format')).toBe('xlsx');
    await run().shot(page, 'desktop-case-search');
    expect(run().errors(page)).toEqual([]);
  });
});

describe('phone fixes', () => {
  it('keeps the citizen’s 查询 button in place when the field loses focus', async () => {
    const page = await run().open('/m/', { viewport: 'phone' });
    const input = field(page, '查询码');
    await input.waitFor();
    await input.fill('ABCD1234');
    const track = page.getByRole('button', { name: '查询' });
    const focused = (await track.boundingBox())!;
    await input.blur();
    const blurred = (await track.boundingBox())!;
    expect(blurred.x).toBe(focused.x);
    expect(blurred.width).toBe(focused.width);
  });

  it('leaves the inspector’s 上报 button clear of the tab bar and clears validation messages when fixed', async () => {
    const { cast } = run();
    const page = await run().open('/m/inspector', { viewport: 'phone', position: gridCentre(1, 1, 2) });
    await field(page, '用户名').fill(cast.inspector.username);
    await field(page, '密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('待办任务').waitFor();
    await page.goto('/m/inspector/report');
    const submit = page.getByRole('button', { name: '上报', exact: true });
    await submit.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    const box = (await submit.boundingBox())!;
    // What a finger at the button's centre would touch: the button, not the tab bar over it.
    const hit = await page.evaluate(
      `(() => { const el = document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2}); return !!el && !!el.closest('button') && el.closest('button').textContent.trim() === '上报'; })()`,
    );
    expect(hit).toBe(true);
    await submit.click();
    const alert = page.getByRole('alert');
    await alert.getByText(/请选择案件类别/).waitFor();
    expect(await alert.textContent()).toContain('请填写问题描述');
    expect(await alert.textContent()).not.toContain('为必填项');
    await field(page, '问题描述').fill('井盖松动');
    await page.waitForFunction(
      `!(document.querySelector('[role="alert"]')?.textContent ?? '').includes('请填写问题描述')`,
    );
    await run().shot(page, 'phone-inspector-report-validation');
  });

  it('draws the grid, community and street outlines with names on the inspector’s task map', async () => {
    const { cast, t } = run();
    const reported = await report(t, cast.inspector, garbageReport(cast));
    const current = (
      await t.as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${reported.id}` })
    ).json();
    await step(t, cast.shiftLead, current, 'send-check');
    const page = await run().open('/m/inspector', { viewport: 'phone', position: gridCentre(1, 1, 2) });
    await field(page, '用户名').fill(cast.inspector.username);
    await field(page, '密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('待办任务').waitFor();
    await page.goto(`/m/inspector/cases/${reported.id}`);
    const map = page.getByTestId('phone-map');
    await map.locator('.shuzhi-region-label--streets span').first().waitFor();
    expect(await map.locator('.shuzhi-region-label--communities').count()).toBeGreaterThan(0);
    expect(await map.locator('.shuzhi-region-label--grids').count()).toBeGreaterThan(1);
    expect(await map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(4);
    await run().shot(page, 'phone-inspector-task-map');
  });
});

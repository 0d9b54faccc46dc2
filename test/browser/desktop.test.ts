/**
 * The staff desktop in a real browser (1280×800): login and its refusal, role-aware navigation,
 * the refusal of views a role may not open (in the page and by the API), and language switching.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { garbageReport, report } from '../helpers/cases.js';
import { button, desktopLogin, useBrowser } from './harness.js';

const run = useBrowser();

describe('staff desktop', () => {
  it('refuses a wrong password and logs a shift lead in to the supervision center', async () => {
    const { cast } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await page.getByText('工作人员登录').waitFor();
    await run().shot(page, 'desktop-login-zh');
    await page.getByLabel('用户名').fill(cast.shiftLead.username);
    await page.getByLabel('密码').fill('wrong-password-1');
    await button(page, '登录').click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await desktopLogin(page, cast.shiftLead.username, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/supervision');
    // Role-aware navigation: the supervision center, not the command center or administration.
    const menu = page.getByRole('menu').first();
    await menu.getByText('监督中心').waitFor();
    expect(await menu.getByText('指挥中心').count()).toBe(0);
    expect(await menu.getByText('系统管理').count()).toBe(0);
    // Queue tabs show the real counts of GET /cases/count, not "100+".
    const { t } = run();
    await report(t, cast.inspector, garbageReport(cast));
    await page.reload();
    for (const [tab, status] of [
      ['待受理', 'reported'],
      ['核实中', 'check_pending'],
      ['待结案', 'verified'],
    ] as const) {
      const api = await t.as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/count?status=${status}` });
      const count = api.json<{ count: number }>().count;
      if (status === 'reported') expect(count).toBeGreaterThan(0);
      await page
        .getByRole('tab')
        .filter({ hasText: tab })
        .locator(`.ant-badge sup[title="${count}"]`)
        .waitFor();
    }
    await run().shot(page, 'desktop-supervision');
    expect(run().errors(page)).toEqual([]);
  });

  it('says how long to wait after too many wrong passwords (429), never "locked"', async () => {
    const { t } = run();
    const user = await t.user({ role: 'leader' });
    // Five wrong passwords from the browser's address (the server listens on 127.0.0.1).
    for (let i = 0; i < 5; i++) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.0.0.1',
        payload: { username: user.username, password: 'wrong-password-1' },
      });
      expect(wrong.statusCode).toBe(401);
    }
    const page = await run().open('/login', { viewport: 'desktop' });
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await button(page, '登录').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^登录失败次数过多，请\d+秒后再试$/);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('refuses a handler the administration and the supervision center', async () => {
    const { cast, t } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, cast.handler.username, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/department');
    for (const path of ['/admin/users', '/supervision']) {
      await page.goto(path);
      await page.getByText('无权访问').waitFor();
      await page.getByText('您的角色不能访问此页面。').waitFor();
    }
    await run().shot(page, 'desktop-refused-handler-supervision');
    // The API refuses too, whatever the page shows.
    const users = await t.as(cast.handler, { method: 'GET', url: '/api/v1/users' });
    expect(users.statusCode).toBe(403);
  });

  it('switches the language on the login page and in the application, and keeps it', async () => {
    const { cast } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Staff login').waitFor();
    await page.getByLabel('Username').fill(cast.dispatcher.username);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await button(page, 'Log in').click();
    await page.waitForURL('**/command');
    await page.getByRole('menu').first().getByText('Command center').waitFor();
    await run().shot(page, 'desktop-command-en');
    await page.reload();
    await page.getByRole('menu').first().getByText('Command center').waitFor();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByRole('menu').first().getByText('指挥中心').waitFor();
    await run().shot(page, 'desktop-command');
    expect(run().errors(page)).toEqual([]);
  });
});

describe("Ant Design's own texts", () => {
  it('follow the language switch (modal buttons, calendar, date locale)', async () => {
    const admin = await run().t.user({ role: 'admin' });
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, admin.username, TEST_PASSWORD);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    // antd's default Cancel of a Modal, from its zh_CN locale ("取 消").
    await button(dialog, '取消').waitFor();
    await button(dialog, '取消').click();
    await dialog.waitFor({ state: 'hidden' });
    // The calendar's weekday heads and month select come from antd's locale and dayjs's zh-cn
    // (weeks start on Monday).
    await page.goto('/admin/calendar');
    const heads = page.locator('.ant-picker-calendar thead th');
    await heads.first().waitFor();
    expect(await heads.allTextContents()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    await page
      .locator('.ant-picker-calendar-month-select')
      .getByText(/^\d{1,2}月$/)
      .waitFor();

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menu').first().getByText('Administration').waitFor();
    await page.locator('.ant-picker-calendar thead th').getByText('Su', { exact: true }).waitFor();
    expect(await heads.allTextContents()).toEqual(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'New user' }).click();
    await button(page.getByRole('dialog'), 'Cancel').waitFor();
    expect(run().errors(page)).toEqual([]);
  });
});

/**
 * In the page (a string: the tests are compiled without the DOM library): clicks the map's zoom-in
 * button and, the moment Leaflet marks the zoom animation on the map pane, the case search link.
 */
const LEAVE_MID_ZOOM = `new Promise((resolve) => {
  const pane = document.querySelector('.leaflet-map-pane');
  const go = () => {
    document.querySelector('[role=menu] a[href="/cases"]').click();
    resolve('left mid-zoom');
  };
  if (pane.classList.contains('leaflet-zoom-anim')) return go();
  new MutationObserver((_, observer) => {
    if (!pane.classList.contains('leaflet-zoom-anim')) return;
    observer.disconnect();
    go();
  }).observe(pane, { attributes: true, attributeFilter: ['class'] });
  document.querySelector('.leaflet-control-zoom-in').click();
  setTimeout(() => resolve('no zoom animation: ' + pane.className), 2000);
})`;

describe('the workbench map', () => {
  it('raises no error when the page is left in the middle of a zoom', async () => {
    const { cast } = run();
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, cast.shiftLead.username, TEST_PASSWORD);
    const map = page.getByRole('region', { name: /^地图/ });
    for (let round = 0; round < 3; round++) {
      await map.locator('.leaflet-control-zoom-in').waitFor();
      // Zoom in, and leave for the case search as soon as the zoom animation runs: Leaflet ends
      // it in a 250 ms timer that moves the (by then removed) map panes.
      const left = await page.evaluate(LEAVE_MID_ZOOM);
      expect(left).toBe('left mid-zoom');
      await map.waitFor({ state: 'detached' });
      // Let that timer (and any animation frame) run before looking for errors.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
      expect(run().errors(page)).toEqual([]);
      await page.getByRole('menu').first().getByText('监督中心').click();
    }
  });
});

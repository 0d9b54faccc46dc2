/**
 * The inspector's phone app in a real browser (390×844, touch, geolocation): staff login, the
 * refusal of other roles, language switching, a patrol report with a photo at the current
 * position, and a verification task passed with a photo — each checked against the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePhoto } from '../helpers/images.js';
import { TEST_PASSWORD, type TestUser } from '../helpers/app.js';
import { filedCase, step, photoOf, type CaseBody } from '../helpers/cases.js';
import { gridCentre } from '../helpers/geography.js';
import { field, useBrowser } from './harness.js';

const run = useBrowser();
const HERE = gridCentre(1, 1, 2);

async function phoneLogin(user: TestUser, position = HERE): Promise<Page> {
  const page = await run().open('/m/inspector', { viewport: 'phone', position });
  await field(page, '用户名').fill(user.username);
  await field(page, '密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function caseAs(user: TestUser, id: number): Promise<CaseBody> {
  const response = await run().t.as(user, { method: 'GET', url: `/api/v1/cases/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseBody>();
}

describe('inspector phone app', () => {
  it('logs an inspector in, switches to English and back, and logs out', async () => {
    const { cast } = run();
    const page = await phoneLogin(cast.inspector);
    await page.getByText('待办任务').waitFor();
    await page.getByText('暂无核实或核查任务').waitFor();
    await run().shot(page, 'phone-inspector-tasks-zh');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByText('No check or verification tasks').waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await run().shot(page, 'phone-inspector-tasks-en');
    // The choice survives a reload.
    await page.reload();
    await page.getByText('No check or verification tasks').waitFor();
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByText('暂无核实或核查任务').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(run().errors(page)).toEqual([]);
  });

  it('refuses a wrong password and a handler, who is sent to the desktop', async () => {
    const { cast } = run();
    const page = await run().open('/m/inspector', { viewport: 'phone' });
    await field(page, '用户名').fill(cast.inspector.username);
    await field(page, '密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '登录失败' }).waitFor();

    const handlerPage = await phoneLogin(cast.handler);
    await handlerPage.getByText('此页面供监督员（网格员）使用').waitFor();
    await handlerPage.getByText('处置人员').first().waitFor();
    expect(await handlerPage.getByText('待办任务').count()).toBe(0);
    await run().shot(handlerPage, 'phone-inspector-refused-handler');
  });

  it('reports a problem at the current position with a photo', async () => {
    const { cast, t } = run();
    const page = await phoneLogin(cast.inspector);
    await page.getByText('待办任务').waitFor();
    await page.getByText('上报', { exact: true }).click();
    await page.getByText('巡查上报').waitFor();
    // The position is asked for at once (geolocation granted): the status line shows its accuracy.
    await page.getByText(/已定位/).waitFor();
    await page.getByLabel('请选择案件类别').click();
    await page.getByPlaceholder('搜索类别名称或代码').fill('暴露垃圾');
    await page.locator('.adm-popup .adm-list-item').filter({ hasText: '06010' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(640, 480) });
    await page.locator('.adm-image-uploader-cell img').first().waitFor();
    await field(page, '问题描述').fill('巡查发现路边暴露垃圾');
    await run().shot(page, 'phone-inspector-report');
    await page.getByRole('button', { name: '上报', exact: true }).click();

    await page.getByText('案件详情').waitFor();
    await page.getByText(/^110101\d{13}$/).waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const created = await caseAs(cast.shiftLead, id);
    expect(created).toMatchObject({
      source: 'inspector',
      status: 'reported',
      description: '巡查发现路边暴露垃圾',
      gridCode: '110101001001002',
    });
    expect((created.photos as Array<{ phase: string }>).map((p) => p.phase)).toEqual(['before']);
    const location = created.location as { lng: number; lat: number };
    expect(location.lng).toBeCloseTo(HERE.lng, 6);
    expect(location.lat).toBeCloseTo(HERE.lat, 6);
    // Exactly one case, although the page may have retried.
    const count = await t.database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('description', '=', '巡查发现路边暴露垃圾')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(run().errors(page)).toEqual([]);
  });

  it('shows my grids on the map and passes a verification task with a photo', async () => {
    const { cast, t } = run();
    let c = await filedCase(t, cast, { description: '待核查的暴露垃圾' });
    c = await step(t, cast.dispatcher, c, 'dispatch');
    c = await step(t, cast.handler, await caseAs(cast.handler, c.id), 'accept');
    c = await step(t, cast.handler, c, 'handle', {
      note: '已清理',
      afterPhotoIds: [await photoOf(run().t, cast.handler)],
    });
    c = await step(t, cast.shiftLead, await caseAs(cast.shiftLead, c.id), 'send-verify');
    expect(c.status).toBe('verify_pending');

    const page = await phoneLogin(cast.inspector);
    await page.getByText('我的网格').click();
    await page.getByText('共 4 个网格').waitFor();
    // The grid outlines are drawn as vector paths, with no tile server.
    expect(
      await page.locator('[data-testid=phone-map] path.leaflet-interactive').count(),
    ).toBeGreaterThanOrEqual(4);
    await run().shot(page, 'phone-inspector-grids');

    await page.getByText('任务', { exact: true }).click();
    await page.getByText(c.number).click();
    await page.getByRole('button', { name: '核查通过' }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(480, 640) });
    await page.locator('.adm-image-uploader-cell img').first().waitFor();
    await run().shot(page, 'phone-inspector-verify');
    await page.getByRole('button', { name: '核查通过' }).click();
    await page.getByText('核查通过待结案').first().waitFor();
    await page.getByText('当前没有您可以办理的操作').waitFor();

    const verified = await caseAs(cast.shiftLead, c.id);
    expect(verified.status).toBe('verified');
    expect((verified.photos as Array<{ phase: string }>).filter((p) => p.phase === 'after')).toHaveLength(2);
    expect(run().errors(page)).toEqual([]);
  });
});

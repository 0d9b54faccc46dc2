/**
 * The whole closed loop in a real browser, each step on the screen of the role that takes it:
 * a citizen reports on the phone, the supervision center's shift lead files, the command center
 * dispatches, the department accepts and handles with an after-photo, the supervision center
 * sends it for verification, the inspector verifies on the phone, the shift lead closes, and the
 * citizen follows it by tracking code and rates it — every step checked against the server. Also
 * a citizen's account (register, log in, my reports) and the phone views in English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePhoto } from '../helpers/images.js';
import { TEST_PASSWORD, type TestUser } from '../helpers/app.js';
import type { CaseBody } from '../helpers/cases.js';
import { gridCentre } from '../helpers/geography.js';
import { button, desktopLogin, field, useBrowser } from './harness.js';

const run = useBrowser();
const SPOT = gridCentre(1, 2, 1);

async function caseNow(id: number): Promise<CaseBody> {
  const { t, cast } = run();
  const response = await t.as(cast.shiftLead, { method: 'GET', url: `/api/v1/cases/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseBody>();
}

/** A desktop session of `user`, on their home view. */
async function desktopOf(user: TestUser): Promise<Page> {
  const page = await run().open('/login', { viewport: 'desktop' });
  await desktopLogin(page, user.username, TEST_PASSWORD);
  return page;
}

/**
 * On the case's detail page: clicks the action's button, lets `fill` complete its dialog, confirms,
 * and waits until the page shows the new status.
 */
async function actOnDesktop(
  page: Page,
  label: string,
  status: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await button(page.locator('.ant-card').filter({ hasText: '可执行操作' }), label).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // Until antd's zoom-in has settled, a click can land beside the moving button and do nothing
  // (seen under CI load on a dialog without fields): wait for the motion classes to go.
  await page.locator('.ant-modal:not([class*="ant-zoom"])').waitFor();
  await fill?.(dialog);
  await button(dialog, label).click();
  await dialog.waitFor({ state: 'hidden' });
  await page
    .locator('.ant-tag')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .first()
    .waitFor();
}

describe('the closed loop across the role screens', () => {
  it('goes from a phone report to closure', { timeout: 180_000 }, async () => {
    const { cast } = run();

    // 1. A citizen reports on the phone: category, current position, photo, description, contact.
    const citizen = await run().open('/m/', { viewport: 'phone', position: SPOT });
    await citizen.getByText('发现市容环境').waitFor();
    await run().shot(citizen, 'phone-citizen-home');
    // A slow phone's start page: no desktop or inspector code, well under a megabyte of script.
    const scripts = await citizen.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, bytes: (e as unknown as { decodedBodySize: number }).decodedBodySize })),
    );
    expect(scripts.filter((s) => /\/(desktop|Dashboard|Admin|Inspector)\w*-/.test(s.name))).toEqual([]);
    const scriptBytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(scriptBytes).toBeGreaterThan(0);
    expect(scriptBytes).toBeLessThan(700_000);
    console.info(`citizen start page: ${scripts.length} scripts, ${Math.round(scriptBytes / 1024)} KiB`);
    await button(citizen, '我要反映问题').click();
    await citizen.getByLabel('问题类别').click();
    await citizen.getByPlaceholder('搜索类别').fill('暴露垃圾');
    await citizen.locator('.adm-popup .adm-list-item').filter({ hasText: '暴露垃圾' }).first().click();
    await button(citizen, '使用当前位置').click();
    await citizen.getByText(/已定位/).waitFor();
    await citizen
      .locator('input[type=file]')
      .setInputFiles({ name: 'IMG_2001.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(800, 600) });
    await citizen.locator('.adm-image-uploader-cell img').first().waitFor();
    await field(citizen, '问题描述').fill('闭环测试：人行道上暴露垃圾');
    await field(citizen, '称呼').fill('王女士');
    await field(citizen, '手机号').fill('13800138000');
    await citizen.getByText('同意工作人员就此问题与我联系').click();
    await run().shot(citizen, 'phone-citizen-report');
    await button(citizen, '提交反映').click();
    await citizen.getByText('提交成功').waitFor();
    const trackingCode = (await citizen.getByTestId('tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^\w{8,}$/);
    await run().shot(citizen, 'phone-citizen-submitted');
    const row = await run()
      .t.database.db.selectFrom('cases')
      .select('id')
      .where('description', '=', '闭环测试：人行道上暴露垃圾')
      .execute();
    expect(row).toHaveLength(1);
    const id = row[0]!.id;
    const reported = await caseNow(id);
    expect(reported).toMatchObject({ status: 'reported', source: 'public', gridCode: '110101001002001' });
    const number = reported.number;

    // 2. Filed by the shift lead, from the supervision center's incoming list.
    const lead = await desktopOf(cast.shiftLead);
    await lead.getByText(number).first().click();
    await lead.waitForURL(`**/cases/${id}`);
    await lead.getByText('闭环测试：人行道上暴露垃圾').first().waitFor();
    await run().shot(lead, 'desktop-case-detail-reported');
    await actOnDesktop(lead, '立案', '待派遣');
    expect((await caseNow(id)).status).toBe('filed');

    // 3. Dispatched by the command center to the suggested department.
    const dispatcher = await desktopOf(cast.dispatcher);
    await dispatcher.getByText(number).first().waitFor();
    await run().shot(dispatcher, 'desktop-command-filed');
    await dispatcher.getByText(number).first().click();
    await dispatcher.waitForURL(`**/cases/${id}`);
    await actOnDesktop(dispatcher, '派遣', '待接收');
    expect(await caseNow(id)).toMatchObject({ status: 'dispatched', departmentId: cast.departmentId });

    // 4. Accepted and handled with an after-photo by the department.
    const handler = await desktopOf(cast.handler);
    await handler.getByText(number).first().waitFor();
    await run().shot(handler, 'desktop-department-inbox');
    await handler.getByText(number).first().click();
    await handler.waitForURL(`**/cases/${id}`);
    await actOnDesktop(handler, '接收', '处置中');
    await actOnDesktop(handler, '处理反馈', '已处置待核查', async (dialog) => {
      await dialog.getByLabel('说明').fill('垃圾已清运，路面已冲洗');
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(480, 360) });
      await dialog.getByText('after.jpg').waitFor();
    });
    const handled = await caseNow(id);
    expect(handled.status).toBe('handled');
    expect((handled.photos as Array<{ phase: string }>).map((p) => p.phase).sort()).toEqual([
      'after',
      'before',
    ]);

    // 5. Sent for verification by the supervision center, verified on the inspector's phone.
    await lead.goto(`/cases/${id}`);
    await actOnDesktop(lead, '发核查', '核查中');
    const phone = await run().open('/m/inspector', { viewport: 'phone', position: SPOT });
    await field(phone, '用户名').fill(cast.inspector.username);
    await field(phone, '密码').fill(TEST_PASSWORD);
    await button(phone, '登录').click();
    await phone.getByText('待办任务').waitFor();
    await phone.locator('.adm-list-item').filter({ hasText: number }).click();
    await button(phone, '核查通过').click();
    await phone.getByText('核查通过待结案').first().waitFor();
    expect((await caseNow(id)).status).toBe('verified');

    // 6. Closed by the shift lead; the timeline tells the whole story.
    await lead.goto(`/cases/${id}`);
    await actOnDesktop(lead, '结案', '已结案');
    await run().shot(lead, 'desktop-case-detail-closed');
    const closed = await caseNow(id);
    expect(closed.status).toBe('closed');
    expect((closed.timeline as Array<{ action: string }>).map((e) => e.action)).toEqual([
      'report',
      'file',
      'dispatch',
      'accept',
      'handle',
      'send-verify',
      'pass',
      'close',
    ]);

    // 7. The citizen follows the report by its code, sees the after-photo, and rates it: two
    //    stars and a reopen request, which reaches the supervision center.
    await citizen.goto(`/m/track/${trackingCode}`);
    await citizen.getByTestId('public-status').filter({ hasText: '已办结' }).waitFor();
    await citizen.getByText('处置后照片').waitFor();
    await run().shot(citizen, 'phone-citizen-status-closed');
    // The stars are radio buttons: a tap picks four, then the keyboard (Shift+Tab back from the
    // comment into the group, two steps left) makes it two.
    const stars = citizen.getByRole('radiogroup', { name: '满意度' });
    await stars.getByRole('radio', { name: '4 星', exact: true }).tap();
    expect(await stars.getByRole('radio', { checked: true }).getAttribute('aria-label')).toBe('4 星');
    await field(citizen, '评价内容（可选）').focus();
    await citizen.keyboard.press('Shift+Tab');
    await citizen.keyboard.press('ArrowLeft');
    await citizen.keyboard.press('ArrowLeft');
    expect(await stars.getByRole('radio', { checked: true }).getAttribute('aria-label')).toBe('2 星');
    await field(citizen, '评价内容（可选）').fill('垃圾又出现了');
    await citizen.getByText('问题没有解决，申请重新处理').click();
    await field(citizen, '未解决的原因').fill('第二天又堆满了');
    await button(citizen, '提交评价').click();
    await citizen.getByText('您的评价：2 星').waitFor();
    await citizen.getByText(/已申请重新处理/).waitFor();
    await run().shot(citizen, 'phone-citizen-rated');
    const requests = await run().t.as(cast.shiftLead, {
      method: 'GET',
      url: '/api/v1/reopen-requests?status=pending',
    });
    expect(requests.statusCode, requests.body).toBe(200);
    expect(JSON.stringify(requests.json())).toContain(number);
    for (const page of [citizen, phone, lead, dispatcher, handler]) expect(run().errors(page)).toEqual([]);
  });

  it('lets a citizen register, log in, report from the account and find it in English', async () => {
    const citizen = await run().open('/m/', { viewport: 'phone', position: gridCentre(2, 1, 1) });
    await citizen.getByText('我的反映').click();
    await citizen.getByRole('tab', { name: '注册' }).click();
    await field(citizen, '手机号').fill('13912345678');
    await field(citizen, '密码').fill('short');
    await button(citizen, '注册').click();
    // The server's refusal is shown, and nothing is created: the same number registers next.
    await citizen.locator('.adm-form-item-help, .adm-toast-main').first().waitFor();
    await field(citizen, '密码').fill('a-long-enough-password');
    await field(citizen, '昵称（可选）').fill('老李');
    await button(citizen, '注册').click();
    await citizen.getByText('已登录：老李').waitFor();
    await citizen.getByText('还没有反映记录').waitFor();

    // A report sent while logged in belongs to the account.
    await citizen.goto('/m/report');
    await citizen.getByLabel('问题类别').click();
    await citizen.locator('.adm-popup .adm-list-item').filter({ hasText: '暴露垃圾' }).first().click();
    await button(citizen, '使用当前位置').click();
    await citizen.getByText(/已定位/).waitFor();
    await field(citizen, '问题描述').fill('账号测试：路口垃圾');
    await button(citizen, '提交反映').click();
    await citizen.getByText('提交成功').waitFor();
    const code = (await citizen.getByTestId('tracking-code').textContent()) ?? '';

    await citizen.goto('/m/me');
    await citizen.getByRole('button', { name: /English/ }).click();
    await citizen.getByText('Logged in: 老李').waitFor();
    await citizen.getByText('Exposed rubbish').click();
    await citizen.waitForURL(`**/m/track/${code}`);
    await citizen.getByTestId('public-status').filter({ hasText: 'Received' }).waitFor();
    await run().shot(citizen, 'phone-citizen-status-en');
    await citizen.goto('/m/me');
    await button(citizen, 'Log out').click();
    await citizen.getByRole('tab', { name: 'Register' }).waitFor();
    expect(run().errors(citizen)).toEqual([]);
  });
});

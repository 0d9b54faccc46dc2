/**
 * The applicant portal in a real browser (issue #13 §5): a citizen applies online for 居住证 with
 * materials, on the desktop and on the phone — logs in, finds the form pre-filled from the
 * identity, is refused field by field in Chinese, has a wrong file named, saves a draft, submits,
 * and follows the application (state, number, progress); then, after the window's 一次性告知
 * (through the API), corrects once in the browser. Each step is checked against the API.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestCitizen, TEST_CITIZEN_PASSWORD } from '../helpers/applicants.js';
import { button, field, useBrowser } from './harness.js';
import { importDemoItems, pdfFile, pngFile, textFile } from './applications-fixtures.js';

const run = useBrowser();

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return (await response.json()) as T;
  }, `/api/v1${path}`);
}

describe('在线申请 on the desktop', () => {
  it('lets a citizen apply for 居住证 with materials and follow it, then correct once', async () => {
    const { t } = run();
    const shot = (page: Page, name: string) => run().shot(page, name);
    const items = await importDemoItems(t);
    const citizen = await createTestCitizen(t, { realName: '王小明', level: 3 });
    const page = await run().open(`/services/apply/${items.居住证申领}`, { viewport: 'desktop' });

    // Not logged in: the citizen's own login, not the staff one.
    await page.getByText('请先登录').waitFor();
    await shot(page, 'portal-desktop-login');
    await page.getByLabel('手机号').fill(citizen.loginPhone!);
    await page.getByLabel('密码').fill(TEST_CITIZEN_PASSWORD);
    await button(page, '登录').click();

    // The form of the item's version, sections in order, pre-filled from the declared identity.
    await page.getByText('申请人信息').waitFor();
    await page.getByText('居住信息').waitFor();
    // The pre-fill arrives after the form (its own request): wait for its note first.
    await page.getByText('已根据您的实名信息预填，可修改').first().waitFor();
    expect(await page.getByLabel('申请人姓名').inputValue()).toBe('王小明');

    // Sending empty fields is refused at each field, in Chinese; nothing is sent.
    await page.getByLabel('联系电话').fill('12345');
    await button(page, '提交申请').click();
    await page.getByText('联系电话须为11位手机号码').waitFor();
    await page.getByText('请填写现居住地址').waitFor();
    await page.getByText('请选择申领依据').waitFor();
    await page.getByText('请上传“本人近期免冠证件照片”').waitFor();
    await shot(page, 'portal-desktop-refused');

    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('现居住地址').fill('东城区东四北大街1号院2号楼301');
    await page.getByLabel('户籍地址').fill('河北省保定市莲池区东风路3号');
    await page.getByText('合法稳定就业', { exact: true }).click();
    await page.getByLabel('本市居住登记日期').fill('2026-01-05');
    await page.keyboard.press('Enter');
    await page.getByText('窗口领取', { exact: true }).click();

    // A text file is not a scan: named refused before anything is sent.
    await page.locator('[data-material="photo"] input[type=file]').setInputFiles(textFile('说明.txt'));
    await page.getByText('“说明.txt”不是 PDF 或图片，请上传 PDF、JPG 或 PNG 文件').waitFor();
    await page.locator('[data-material="photo"] input[type=file]').setInputFiles(await pngFile('照片.png'));
    await page.getByText('已上传：照片.png').waitFor();
    await page
      .locator('[data-material="residence_proof"] input[type=file]')
      .setInputFiles(pdfFile('租房合同.pdf'));
    await page.getByText('已上传：租房合同.pdf').waitFor();

    // A draft first, then the submission.
    await button(page, '保存草稿').click();
    await page.getByText('草稿已保存').waitFor();
    await page.waitForURL(/application=\d+/);
    const draftId = new URL(page.url()).searchParams.get('application')!;
    const draft = await api<{ state: string }>(page, `/citizens/me/applications/${draftId}`);
    expect(draft.state).toBe('draft');
    await shot(page, 'portal-desktop-form');

    await button(page, '提交申请').click();
    await page.getByText('申请已提交').waitFor();
    await shot(page, 'portal-desktop-submitted');
    const submitted = await api<{
      state: string;
      number: string;
      form: Record<string, unknown>;
      materials: { key: string; fileId: string | null }[];
    }>(page, `/citizens/me/applications/${draftId}`);
    expect(submitted.state).toBe('submitted');
    expect(submitted.form).toMatchObject({
      applicant_name: '王小明',
      residence_basis: '合法稳定就业',
      residence_since: '2026-01-05',
    });
    expect(
      submitted.materials
        .filter((m) => m.fileId)
        .map((m) => m.key)
        .sort(),
    ).toEqual(['photo', 'residence_proof']);

    await button(page, '办理进度').click();
    await page.getByText('已提交，等待受理').first().waitFor();
    await page.getByText(submitted.number).waitFor();
    await shot(page, 'portal-desktop-application');

    await page.goto('/my/applications');
    await page.getByRole('link', { name: submitted.number }).waitFor();
    await shot(page, 'portal-desktop-mine');

    // The window asks for one correction (一次性告知) through the API …
    const clerk = await t.user({ role: 'window_clerk' });
    const asked = await t.as(clerk, {
      method: 'POST',
      url: `/api/v1/applications/${draftId}/request-correction`,
      payload: {
        version: (await t.as(clerk, { method: 'GET', url: `/api/v1/applications/${draftId}` })).json()
          .version,
        items: [{ key: 'residence_proof', reason: '租房合同未经登记备案，请提供备案后的合同' }],
        note: '请一次补齐',
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);

    // … the citizen reads it and corrects once in the browser.
    await page.goto(`/my/applications/${draftId}`);
    await page.getByText('一次性告知：请补正以下材料').waitFor();
    await page.getByText('租房合同未经登记备案，请提供备案后的合同', { exact: false }).first().waitFor();
    await shot(page, 'portal-desktop-correction');
    await button(page, '提交补正').click();
    await page.getByText('请为每项补正上传新的材料').waitFor();
    await page
      .locator('[data-material="residence_proof"] input[type=file]')
      .setInputFiles(pdfFile('备案合同.pdf'));
    await page.getByText('已上传：备案合同.pdf').waitFor();
    await button(page, '提交补正').click();
    await page.getByText('已提交，等待受理').first().waitFor();
    const corrected = await api<{ state: string; correction: { correctedAt: string | null } }>(
      page,
      `/citizens/me/applications/${draftId}`,
    );
    expect(corrected.state).toBe('submitted');
    expect(corrected.correction.correctedAt).not.toBeNull();
    await shot(page, 'portal-desktop-corrected');
    expect(run().errors(page)).toEqual([]);
  });
});

describe('在线申请 on the phone', () => {
  it('lets a citizen apply for 居住证 with materials at 390 px and withdraw it', async () => {
    const { t } = run();
    const shot = (page: Page, name: string) => run().shot(page, name);
    const items = await importDemoItems(t);
    const citizen = await createTestCitizen(t, { realName: '李晓华', level: 3 });
    const page = await run().open(`/m/services/apply/${items.居住证申领}`, { viewport: 'phone' });
    await page.getByRole('textbox', { name: '手机号' }).fill(citizen.loginPhone!);
    await page.locator('input[aria-label="密码"]').fill(TEST_CITIZEN_PASSWORD);
    await button(page, '登录').click();
    await page.getByText('申请人信息').waitFor();
    await page.getByText('已根据您的实名信息预填，可修改').first().waitFor();
    expect(await page.locator('#form-applicant_name').inputValue()).toBe('李晓华');
    await shot(page, 'portal-phone-form-empty');

    await button(page, '提交申请').click();
    await page.getByText('请填写现居住地址').waitFor();
    await shot(page, 'portal-phone-refused');

    await page.locator('#form-applicant_phone').fill('13900139000');
    await page.locator('#form-current_address').fill('东城区和平里街道1号');
    await page.locator('#form-household_address').fill('山东省济南市历下区2号');
    await page.getByText('合法稳定住所', { exact: true }).click();
    await page.locator('#form-residence_since').fill('2025-11-20');
    await page.getByText('邮寄送达', { exact: true }).click();
    await page.locator('#form-mailing_address').fill('东城区和平里街道1号');
    await page.locator('[data-material="photo"] input[type=file]').setInputFiles(await pngFile('证件照.png'));
    await page.getByText('已上传：证件照.png').waitFor();
    await page
      .locator('[data-material="residence_proof"] input[type=file]')
      .setInputFiles(pdfFile('房产证.pdf'));
    await page.getByText('已上传：房产证.pdf').waitFor();
    await shot(page, 'portal-phone-form');
    await button(page, '提交申请').click();
    await page.getByText('申请已提交').waitFor();
    await shot(page, 'portal-phone-submitted');

    await button(page, '办理进度').click();
    await page.getByText('已提交，等待受理').first().waitFor();
    const id = /\/my\/applications\/(\d+)/.exec(page.url())![1]!;
    await shot(page, 'portal-phone-application');

    await page.goto('/m/my/applications');
    await page.getByText('居住证申领').first().waitFor();
    await shot(page, 'portal-phone-mine');

    await page.goto(`/m/my/applications/${id}`);
    await button(page, '撤回申请').click();
    await field(page, '撤回原因').fill('材料准备有误，重新申请');
    await button(page, '确定').click();
    await page.getByText('已撤回').first().waitFor();
    const withdrawn = await api<{ state: string }>(page, `/citizens/me/applications/${id}`);
    expect(withdrawn.state).toBe('withdrawn');
    await shot(page, 'portal-phone-withdrawn');

    // 我的 leads to 我的办件; the desktop portal reads at phone width too (one column).
    await page.goto('/m/me');
    await page.getByText('我的办件').click();
    await page.waitForURL('**/m/my/applications');
    await page.getByText('已撤回').first().waitFor();
    await page.goto(`/my/applications/${id}`);
    await page.getByText('已撤回').first().waitFor();
    // A string: the root tsconfig has no DOM types.
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'portal-desktop-at-390');
    expect(run().errors(page)).toEqual([]);
  });
});

/**
 * 窗口登记 in a real browser (issue #13 §3 一窗受理): a window clerk registers a walk-in company's
 * application — finds no company for the credit code, registers it from the licence, adds the
 * agent standing at the window (registered from the ID card) and sees that no authorisation
 * covers them, chooses 食品经营许可（变更）, fills the same form engine (pre-filled from the company),
 * scans the materials, and submits; the application is then the window queue's to accept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/app.js';
import { nextCreditCode, nextIdNumber } from '../helpers/applicants.js';
import { button, desktopLogin, useBrowser } from './harness.js';
import { importDemoItems, pdfFile } from './applications-fixtures.js';

const run = useBrowser();

describe('窗口登记', () => {
  it('registers a walk-in company’s application with its agent and materials', async () => {
    const { t } = run();
    const shot = (page: Page, name: string) => run().shot(page, name);
    await importDemoItems(t);
    const clerk = await t.user({ role: 'window_clerk' });
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, clerk.username, TEST_PASSWORD);
    await page.goto('/window/register');
    await page.getByRole('heading', { name: '窗口登记' }).waitFor();
    await shot(page, 'window-register-start');

    // The company, from its business licence.
    await page.getByText('企业或组织', { exact: true }).click();
    const creditCode = nextCreditCode();
    await page
      .getByLabel('统一社会信用代码')
      .first()
      .fill(creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0'));
    // The company's 查找 comes first; the person at the counter's second.
    await button(page, '查找').first().click();
    await page.getByText('统一社会信用代码校验位不正确，请核对').waitFor();
    await page.getByLabel('统一社会信用代码').first().fill(creditCode);
    await button(page, '查找').first().click();
    await page.getByText('未找到该主体，请按营业执照登记').waitFor();
    await page.getByLabel('名称', { exact: true }).fill('东城区老街坊餐饮有限公司');
    await page.getByLabel('法定代表人（负责人）').fill('赵大山');
    await page.getByLabel('法定代表人公民身份号码').fill(nextIdNumber());
    await button(page, '登记').click();
    await page.getByText('东城区老街坊餐饮有限公司').waitFor();

    // The person at the counter, from the ID card; the window sees the authorisations and records
    // the paper power of attorney with its scan.
    await page.getByText('到场办理人（法定代表人本人或经办人）').waitFor();
    await page.getByLabel('代办人公民身份号码').fill(nextIdNumber());
    await button(page, '查找').last().click();
    await page.getByText('未找到该公民，请按身份证登记').waitFor();
    await page.getByLabel('姓名', { exact: true }).fill('钱小二');
    await button(page, '登记').click();
    await page.getByText('钱小二').first().waitFor();
    await page.getByText('授权委托记录').waitFor();
    await page.getByText('该代办人没有覆盖本事项的有效授权，请核验纸质授权委托书并登记').waitFor();
    await button(page, '登记授权').click();
    await page.getByText('请先扫描上传授权委托书').waitFor();
    await page.locator('input[aria-label="扫描授权委托书"]').setInputFiles(pdfFile('授权委托书.pdf'));
    await button(page, '授权委托书.pdf').waitFor();
    await page.getByLabel('委托有效期至（年-月-日）').fill('2027-06-30');
    await button(page, '登记授权').click();
    await page.getByText('2027-06-30', { exact: false }).waitFor();
    expect(await page.getByText('该代办人没有覆盖本事项的有效授权，请核验纸质授权委托书并登记').count()).toBe(
      0,
    );
    await shot(page, 'window-register-applicant');

    // The item, and its form pre-filled from the company.
    await page.getByRole('combobox', { name: '输入事项名称搜索，如：居住证' }).click();
    await page.keyboard.type('食品经营许可');
    await page.locator('.ant-select-item-option').filter({ hasText: '食品经营许可（变更）' }).click();
    await page.getByText('扫描上传材料').waitFor();
    expect(await page.locator('#window-entity_name').inputValue()).toBe('东城区老街坊餐饮有限公司');
    expect(await page.locator('#window-credit_code').inputValue()).toBe(creditCode);
    expect(await page.locator('#window-legal_representative').inputValue()).toBe('赵大山');

    await button(page, '登记并提交').click();
    await page.getByText('请填写食品经营许可证编号').waitFor();
    await page.getByText('请上传“《食品经营许可变更申请书》”').waitFor();
    await page.locator('#window-contact_phone').fill('13700137000');
    await page.locator('#window-license_number').fill('JY11101010012345');
    await page.locator('#window-change_items').fill('经营场所面积由80平方米变更为120平方米');
    await page.getByText('窗口领取', { exact: true }).click();
    await page
      .locator('[data-material="food_license_change_application"] input[type=file]')
      .setInputFiles(pdfFile('变更申请书.pdf'));
    await page.getByText('已上传：变更申请书.pdf').waitFor();
    await page
      .locator('[data-material="change_documents"] input[type=file]')
      .setInputFiles(pdfFile('平面图.pdf'));
    await page.getByText('已上传：平面图.pdf').waitFor();
    await shot(page, 'window-register-form');
    await button(page, '登记并提交').click();
    await page.waitForURL(/\/service-desk\/applications\/\d+/);
    const id = /applications\/(\d+)/.exec(page.url())![1]!;

    const app = (await t.as(clerk, { method: 'GET', url: `/api/v1/applications/${id}` })).json();
    expect(app.state).toBe('submitted');
    expect(app.channel).toBe('window');
    expect(app.applicant).toMatchObject({
      kind: 'legal_person',
      name: '东城区老街坊餐饮有限公司',
      creditCode,
    });
    expect(app.agent.name).toBe('钱小二');
    expect(app.form).toMatchObject({ license_number: 'JY11101010012345', legal_representative: '赵大山' });
    expect(app.materials.filter((m: { fileId: string | null }) => m.fileId).length).toBe(2);
    expect(run().errors(page)).toEqual([]);
  });
});

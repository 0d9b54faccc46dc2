/**
 * The window (综合窗口) and the department review workbench in a real browser: an online
 * application (made through the citizen API) gets a 一次性告知 at the window from the material
 * marks, the citizen corrects it (API), the window accepts it, the department reviews it (特殊环节,
 * 延期 asked and approved) and decides it, and the window delivers the result — every staff step
 * on its screen, every step checked against the API. A 一件事 bundle is decided when its children are.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestApp, type TestUser } from '../helpers/app.js';
import { nextIdNumber } from '../helpers/applicants.js';
import { bearer, citizen } from '../helpers/citizens.js';
import { formOf, phonePhoto } from '../helpers/images.js';
import { publishTestBundle, publishTestItem, testGuide } from '../helpers/catalogue.js';
import { button, desktopLogin, useBrowser } from './harness.js';

const run = useBrowser();

function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n' +
      `% ${Math.random()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

interface Citizen {
  name: string;
  headers: Record<string, string>;
}

/** A citizen with a declared identity (level 2), logged in. */
async function applicant(t: TestApp, realName: string): Promise<Citizen> {
  const who = await citizen(t);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/citizens/me/identity',
    headers: bearer(who),
    payload: { realName, idNumber: nextIdNumber(), version: 1 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { name: realName, headers: bearer(who) };
}

async function upload(t: TestApp, who: Citizen, data: Buffer, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizens/me/files',
    headers: who.headers,
    payload: formOf({ data, name }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ files: Array<{ id: string }> }>().files[0]!.id;
}

/** 居住证: the test guide plus a required 居住证明 the applicant forgets at first. */
function residencePermit(t: TestApp, departmentId: number) {
  return publishTestItem(t.database.db, {
    name: '居住证申领',
    departmentId,
    guide: {
      materials: [
        ...testGuide().materials,
        {
          key: 'residence_proof',
          name: '居住证明（房屋租赁合同或产权证明）',
          form: 'copy',
          copies: 1,
          required: true,
          condition: null,
          source: 'applicant',
          sourceReference: null,
          sampleFileId: null,
          blankFileId: null,
          notes: '',
        },
      ],
      specialSteps: [{ kind: 'site_inspection', name: '现场勘查', days: 5, description: '核实居住地址' }],
      legalBases: [{ law: '《居住证暂行条例》', article: '第九条', text: '申领居住证……', kind: 'setting' }],
      resultName: '居住证',
    },
  });
}

interface AppView {
  id: number;
  number: string;
  state: string;
  version: number;
  acceptanceNumber?: string | null;
  materials: Array<{ key: string; mark: string | null; note?: string | null }>;
  correction?: { items: Array<{ key?: string; name: string; reason: string }> } | null;
  decision?: { outcome: string; delivery?: string } | null;
  children?: Array<{ id: number; state: string }>;
  history: Array<{ action: string; actorName?: string }>;
}

async function read(t: TestApp, staff: TestUser, id: number): Promise<AppView> {
  const res = await t.as(staff, { method: 'GET', url: `/api/v1/applications/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AppView>();
}

/** Opens an action's dialog by its button, fills it with `fill`, confirms with the dialog's OK. */
async function act(
  page: Page,
  label: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await button(page, label).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await button(dialog, label).click();
  await page.getByText(`已${label}`).first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

async function waitForState(page: Page, state: string) {
  await page.locator('.shuzhi-page-title').getByText(state, { exact: true }).waitFor();
}

describe('综合窗口 and 办件审查', () => {
  it('takes an online application through 一次性告知, correction, acceptance, review, decision and delivery', async () => {
    const { t, cast } = run();
    const item = await residencePermit(t, cast.departmentId);
    const clerk = await t.user({ role: 'window_clerk' });
    const lead = await t.user({ role: 'department_lead', regions: [], departmentId: cast.departmentId });
    const citizen = await applicant(t, '张秀英');
    const photo = await upload(t, citizen, await phonePhoto(), '申请表照片.jpg');
    const form = await upload(t, citizen, pdf(), '申请表.pdf');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/applications',
      headers: { ...citizen.headers, 'idempotency-key': crypto.randomUUID() },
      payload: {
        itemId: item.itemId,
        form: { applicant_name: citizen.name, phone: '13800001234', reason: '在本区就业' },
        materials: [
          { key: 'application_form', fileId: form },
          { key: 'authorization', fileId: photo },
        ],
        submit: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<AppView>().id;
    const number = created.json<AppView>().number;

    // The window: the application waits in 待受理 with its acceptance clock.
    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, clerk.username, TEST_PASSWORD);
    await page.waitForURL('**/window');
    await page.getByRole('link', { name: number }).or(page.getByText(number)).first().waitFor();
    await run().shot(page, 'service-desk-window-queue');
    await page.getByText(number).first().click();
    await page.waitForURL(`**/service-desk/applications/${id}`);
    await waitForState(page, '待受理');
    await page.getByText('居住证明（房屋租赁合同或产权证明）').first().waitFor();
    await page.getByText(citizen.name).first().waitFor();
    // The PDF is shown inline beside the requirement list; the photo too once chosen.
    await page.locator('iframe[title^="材料预览"]').waitFor();
    await page.getByText('申请表照片.jpg').click();
    await page.getByRole('img', { name: /材料预览/ }).waitFor();
    await run().shot(page, 'service-desk-application-window');

    // Marks: the form is not signed, the residence proof is missing; saved on the server.
    await page.getByTestId('material-authorization').getByText('合格', { exact: true }).click();
    await page.getByTestId('material-application_form').getByText('有误', { exact: true }).click();
    await page.getByLabel('申请表 审核意见').fill('申请表未签字');
    await page.getByTestId('material-residence_proof').getByText('缺少', { exact: true }).click();
    await page.getByLabel('居住证明（房屋租赁合同或产权证明） 审核意见').fill('请上传房屋租赁合同');
    await button(page, '保存审核结果').click();
    await page.getByText('材料审核结果已保存').waitFor();
    const marked = await read(t, clerk, id);
    expect(marked.materials.find((x) => x.key === 'authorization')?.mark).toBe('ok');
    expect(marked.materials.find((x) => x.key === 'application_form')).toMatchObject({
      mark: 'wrong',
      note: '申请表未签字',
    });
    expect(marked.materials.find((x) => x.key === 'residence_proof')).toMatchObject({
      mark: 'missing',
      note: '请上传房屋租赁合同',
    });

    // 一次性告知: the dialog lists both from the marks, in one go.
    await button(page, '一次性告知').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('correction-row').count()).toBe(2);
    expect(await dialog.getByLabel('材料或事项').first().inputValue()).toBe('申请表');
    expect(await dialog.getByLabel('补正要求').first().inputValue()).toBe('申请表未签字');
    await run().shot(page, 'service-desk-correction-dialog');
    await button(dialog, '一次性告知').click();
    await page.getByText('已一次性告知').first().waitFor();
    await waitForState(page, '待补正');
    const notified = await read(t, clerk, id);
    expect(notified.state).toBe('correction_requested');
    expect(notified.correction?.items).toEqual([
      expect.objectContaining({ key: 'application_form', name: '申请表', reason: '申请表未签字' }),
      expect.objectContaining({ key: 'residence_proof', reason: '请上传房屋租赁合同' }),
    ]);
    await page.getByTestId('correction-card').getByText('请上传房屋租赁合同').waitFor();
    await page.getByRole('button', { name: /文书/ }).hover();
    const correctionNotice = page.getByRole('link', { name: '一次性告知书' });
    await correctionNotice.waitFor();
    const noticeText = await (await page.request.get((await correctionNotice.getAttribute('href'))!)).text();
    expect(noticeText).toContain('请上传房屋租赁合同');

    // The citizen corrects once (API).
    const signed = await upload(t, citizen, pdf(), '申请表（已签字）.pdf');
    const lease = await upload(t, citizen, pdf(), '房屋租赁合同.pdf');
    const corrected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizens/me/applications/${id}/correct`,
      headers: citizen.headers,
      payload: {
        version: notified.version,
        materials: [
          { key: 'application_form', fileId: signed },
          { key: 'residence_proof', fileId: lease },
        ],
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);

    // 受理 at the window: an acceptance number and the 受理通知书.
    await page.getByRole('button', { name: /刷新/ }).click();
    await waitForState(page, '待受理');
    await act(page, '受理');
    await waitForState(page, '已受理');
    const accepted = await read(t, clerk, id);
    expect(accepted.state).toBe('accepted');
    expect(accepted.acceptanceNumber).toBeTruthy();
    await page.getByText(accepted.acceptanceNumber!).waitFor();
    await page.getByRole('button', { name: /文书/ }).hover();
    const notice = page.getByRole('link', { name: '受理通知书' });
    await notice.waitFor();
    const noticeResponse = await page.request.get((await notice.getAttribute('href'))!);
    expect(noticeResponse.status()).toBe(200);
    expect(await noticeResponse.text()).toContain('受理通知书');
    await run().shot(page, 'service-desk-accepted');

    // The department: 待审查 → 开始审查 → 现场勘查 → 申请延期 → (lead) 批准延期 → 办结.
    const desk = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(desk, cast.handler.username, TEST_PASSWORD);
    await desk.goto('/service-desk/review');
    await desk.getByText(number).first().waitFor();
    await run().shot(desk, 'service-desk-review-queue');
    await desk.getByText(number).first().click();
    await desk.waitForURL(`**/service-desk/applications/${id}`);
    await act(desk, '开始审查');
    await waitForState(desk, '审查中');
    await act(desk, '特殊环节', async (d) => {
      await d.getByText('现场勘查').click();
      await d.getByLabel('备注').fill('核实居住地址');
    });
    await waitForState(desk, '特殊环节');
    await desk.getByText('已暂停').first().waitFor();
    await run().shot(desk, 'service-desk-special-step');
    await act(desk, '结束特殊环节');
    await waitForState(desk, '审查中');
    await act(desk, '申请延期', async (d) => {
      await d.getByLabel('延期天数（工作日）').fill('3');
      await d.getByLabel('理由').fill('需补充核实社保缴纳记录');
    });

    const leadPage = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(leadPage, lead.username, TEST_PASSWORD);
    await leadPage.goto(`/service-desk/applications/${id}`);
    await leadPage.getByText('需补充核实社保缴纳记录').first().waitFor();
    await act(leadPage, '批准延期');
    await leadPage.getByText('3 个工作日').first().waitFor();

    await desk.getByRole('button', { name: /刷新/ }).click();
    await act(desk, '办结', async (d) => {
      await d.getByLabel('办理结果说明').fill('准予核发居住证');
      await d.getByLabel('法律依据').fill('《居住证暂行条例》第九条');
    });
    await waitForState(desk, '已办结');
    await desk.getByTestId('decision-card').getByText('准予核发居住证').waitFor();
    await run().shot(desk, 'service-desk-decided');
    const decided = await read(t, clerk, id);
    expect(decided.state).toBe('decided');
    expect(decided.decision?.outcome).toBe('approved');

    // 送达 at the window, from the 已办结待送达 queue.
    await page.goto('/window');
    await page.getByRole('tab', { name: /已办结待送达/ }).click();
    await page.getByText(number).first().click();
    await page.waitForURL(`**/service-desk/applications/${id}`);
    await act(page, '送达', async (d) => {
      await d.getByLabel('备注').fill('申请人窗口领取');
    });
    await waitForState(page, '已送达');
    const delivered = await read(t, clerk, id);
    expect(delivered.state).toBe('delivered');
    // The history names every step in Chinese, with who acted.
    for (const step of ['一次性告知补正', '受理', '开始审查', '启动特殊环节', '批准延期', '作出决定', '送达'])
      await page.getByText(step, { exact: true }).first().waitFor();
    await run().shot(page, 'service-desk-delivered');
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(accept|reject|decide|deliver|in_review|submitted)\b/);
    for (const p of [page, desk, leadPage]) expect(run().errors(p)).toEqual([]);
  }, 400_000);

  it('finishes a 一件事 bundle when each department has decided its child', async () => {
    const { t } = run();
    const bundle = await publishTestBundle(t.database.db, 2);
    const clerk = await t.user({ role: 'window_clerk' });
    const citizen = await applicant(t, '李明');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/applications',
      headers: { ...citizen.headers, 'idempotency-key': crypto.randomUUID() },
      payload: {
        itemId: bundle.itemId,
        form: { child_1_detail: '出生医学证明已领取', child_2_detail: '参加城乡居民医保' },
        materials: [
          { key: 'c1_application_form', fileId: await upload(t, citizen, pdf(), '申请表一.pdf') },
          { key: 'c2_application_form', fileId: await upload(t, citizen, pdf(), '申请表二.pdf') },
        ],
        submit: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<AppView>().id;

    const page = await run().open('/login', { viewport: 'desktop' });
    await desktopLogin(page, clerk.username, TEST_PASSWORD);
    await page.goto(`/service-desk/applications/${id}`);
    await act(page, '受理');
    await page.getByTestId('bundle-children').waitFor();
    const accepted = await read(t, clerk, id);
    expect(accepted.children).toHaveLength(2);
    await page.getByText('已办结 0 / 2').waitFor();
    await run().shot(page, 'service-desk-bundle-accepted');

    // Each child's department decides its child on its own screen.
    for (const child of accepted.children!) {
      const childDetail = await t.as(clerk, {
        method: 'GET',
        url: `/api/v1/applications/${child.id}`,
      });
      const departmentId = childDetail.json<{ item: { departmentId: number } }>().item.departmentId;
      const handler = await t.user({ role: 'handler', regions: [], departmentId });
      const desk = await run().open('/login', { viewport: 'desktop' });
      await desktopLogin(desk, handler.username, TEST_PASSWORD);
      await desk.goto(`/service-desk/applications/${child.id}`);
      await desk.getByText('所属一件事').waitFor();
      await act(desk, '开始审查');
      await act(desk, '办结', async (d) => {
        await d.getByLabel('办理结果说明').fill('准予办理');
      });
      await waitForState(desk, '已办结');
      expect(run().errors(desk)).toEqual([]);
    }
    await page.getByRole('button', { name: /刷新/ }).click();
    await page.getByText('已办结 2 / 2').waitFor();
    await waitForState(page, '已办结');
    expect((await read(t, clerk, id)).state).toBe('decided');
    await run().shot(page, 'service-desk-bundle-decided');
    expect(run().errors(page)).toEqual([]);
  }, 300_000);
});

/**
 * The public service guide (办事指南), as a citizen without an account: on the desktop, 居住证
 * found by keyword and its guide read section by section against the API; a life event leads to
 * a 一件事 bundle and its items; the four lists with their downloads. On the phone (390 px), the
 * same search from the citizen start page and the guide in its panels, nothing wider than the
 * screen. Screenshots `guide-*`.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoCatalogue } from '../../src/demo/catalogue/seed.js';
import { seedDepartments } from '../../src/demo/seed.js';
import { button, useBrowser } from './harness.js';

const run = useBrowser();

interface PublicItem {
  itemId: number;
  name: string;
  guide: {
    promisedDays: number;
    legalDays: number;
    materials: { name: string; source: string }[];
    legalBases: { law: string; article: string; text: string }[];
    channels: string[];
  };
  bundleItems: { name: string }[];
}

async function apiGet<T>(url: string): Promise<T> {
  const response = await run().t.as(null, { method: 'GET', url: `/api/v1${url}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

beforeAll(async () => {
  const { db } = run().t.database;
  const streets = await db.selectFrom('regions').where('level', '=', 'street').select('code').execute();
  await seedDepartments(
    db,
    streets.map((s) => s.code),
  );
  const said: string[] = [];
  await ensureDemoCatalogue(db, 'Asia/Shanghai', (m) => said.push(m));
  expect(said.join('\n')).toMatch(/items published/);
}, 120_000);

/** Nothing on the page is wider than its viewport (no sideways scrolling on a phone). */
async function overflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

describe('the service guide', () => {
  it('finds 居住证 by keyword on the desktop and shows its whole guide', async () => {
    // The first hit is the 主项 居住证办理; the citizen applies for one of its 办理项.
    const found = await apiGet<{ items: { itemId: number; name: string; applicable: boolean }[] }>(
      `/service-items?q=${encodeURIComponent('居住证')}`,
    );
    const main = found.items[0]!;
    expect(main.applicable).toBe(false);
    const mainItem = await apiGet<{ children: { itemId: number; name: string }[] }>(
      `/service-items/${main.itemId}`,
    );
    const child = mainItem.children[0]!;
    const item = await apiGet<PublicItem>(`/service-items/${child.itemId}`);

    const page = await run().open('/services', { viewport: 'desktop' });
    await page.getByRole('heading', { name: '办事指南' }).waitFor();
    await page.getByLabel('搜索事项').fill('居住证');
    // Debounced: the URL follows the typing, then the list.
    await page.waitForURL(/q=%E5%B1%85%E4%BD%8F%E8%AF%81/);
    const link = page
      .getByRole('list', { name: '搜索结果' })
      .getByRole('link', { name: main.name, exact: true });
    await link.waitFor();
    await run().shot(page, 'guide-search-desktop');
    await link.click();
    await page.getByRole('heading', { level: 1, name: main.name }).waitFor();
    await page.getByText('请选择下列具体办理项').waitFor();
    await page.locator('#guide-children').getByRole('link', { name: child.name }).click();

    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    for (const section of [
      '基本信息',
      '设定和实施依据',
      '申请条件',
      '申请材料',
      '办理流程',
      '办理时限',
      '收费标准',
      '办理地点和时间',
      '办理渠道和到现场次数',
      '常见问题',
      '咨询和投诉',
    ])
      await expect(
        page.locator('.ant-card-head-title', { hasText: section }).first().isVisible(),
      ).resolves.toBe(true);
    const materials = page.locator('#guide-materials');
    for (const m of item.guide.materials)
      await materials.getByText(m.name, { exact: true }).first().waitFor();
    const basis = item.guide.legalBases[0]!;
    await page.locator('#guide-bases').getByText(basis.text.slice(0, 20)).first().waitFor();
    const limits = page.locator('#guide-limits');
    await limits.getByText(`${item.guide.legalDays} 个工作日`).first().waitFor();
    await limits
      .getByText(item.guide.promisedDays === 0 ? '即办（当场办结）' : `${item.guide.promisedDays} 个工作日`)
      .first()
      .waitFor();
    if (item.guide.channels.includes('online')) {
      const apply = page.getByRole('link', { name: '在线申请' });
      await expect(apply.getAttribute('href')).resolves.toBe(`/services/apply/${item.itemId}`);
    }
    await run().shot(page, 'guide-item-desktop');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // English on the same page: the section names follow.
    await page.getByText('English', { exact: true }).click();
    await page.locator('.ant-card-head-title', { hasText: 'Documents' }).first().waitFor();
    await page.getByText('简体中文', { exact: true }).click();
    await page.locator('.ant-card-head-title', { hasText: '申请材料' }).first().waitFor();
    expect(run().errors(page)).toEqual([]);
  });

  it('leads from a life event to a 一件事 bundle and its items, and publishes the four lists', async () => {
    const page = await run().open('/services', { viewport: 'desktop' });
    await page.getByRole('button', { name: /^生育/ }).click();
    await page.waitForURL(/event=birth/);
    await page.getByRole('link', { name: '新生儿出生一件事', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '新生儿出生一件事' }).waitFor();
    const found = await apiGet<{ items: { itemId: number; name: string }[] }>(
      `/service-items?lifeEvent=birth&q=${encodeURIComponent('新生儿出生一件事')}`,
    );
    const bundle = await apiGet<PublicItem>(`/service-items/${found.items[0]!.itemId}`);
    expect(bundle.bundleItems.length).toBeGreaterThan(1);
    const children = page.locator('#guide-bundle');
    for (const child of bundle.bundleItems)
      await children.getByRole('link', { name: child.name }).first().waitFor();
    await run().shot(page, 'guide-bundle-desktop');

    await page.getByRole('link', { name: '事项清单' }).click();
    await page.getByRole('tab', { name: '权力清单' }).waitFor();
    const power = await apiGet<{ rows: unknown[]; columns: { header: string }[] }>('/service-lists/power');
    await page.getByText(`共 ${power.rows.length} 项`).first().waitFor();
    await page.getByRole('columnheader', { name: power.columns[0]!.header }).first().waitFor();
    await page.getByRole('tab', { name: '最多跑一次事项清单' }).click();
    await page.waitForURL(/\/services\/lists\/one-visit$/);
    // The links follow the tab once the list has rendered, a moment after the URL changes.
    const csv = page.getByRole('link', { name: /CSV/ });
    await expect.poll(() => csv.getAttribute('href')).toBe('/api/v1/service-lists/one-visit?format=csv');
    const href = await csv.getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    const body = await download.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expect(page.getByRole('link', { name: /Excel/ }).getAttribute('href')).resolves.toBe(
      '/api/v1/service-lists/one-visit?format=xlsx',
    );
    await run().shot(page, 'guide-lists-desktop');
    expect(run().errors(page)).toEqual([]);
  });

  it('finds 居住证 on the phone from the citizen start page and reads its guide', async () => {
    const found = await apiGet<{ items: { itemId: number; name: string; applicable: boolean }[] }>(
      `/service-items?q=${encodeURIComponent('居住证')}`,
    );
    const item = await apiGet<PublicItem>(`/service-items/${found.items.find((i) => i.applicable)!.itemId}`);
    const page = await run().open('/m/', { viewport: 'phone' });
    await page.locator('.adm-list-item', { hasText: '办事指南' }).click();
    await page.waitForURL(/\/m\/services$/);
    await page.getByRole('button', { name: '生育' }).waitFor();
    await run().shot(page, 'guide-home-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByPlaceholder(/事项名称或关键词/).fill('居住证');
    await page.waitForURL(/q=/);
    await page.locator('.adm-list-item-content-main', { hasText: item.name }).first().click();
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    // Basic information and materials are open; every material is listed.
    for (const m of item.guide.materials) await page.getByText(m.name).first().waitFor();
    await page.getByText('办理时限', { exact: true }).click();
    await page.getByText('承诺办结时限').waitFor();
    await page.getByText('设定和实施依据', { exact: true }).click();
    await page.getByText(item.guide.legalBases[0]!.text.slice(0, 20)).first().waitFor();
    if (item.guide.channels.includes('online')) await button(page, '在线申请').waitFor();
    await run().shot(page, 'guide-item-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(run().errors(page)).toEqual([]);
  });
});

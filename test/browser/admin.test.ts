/**
 * The administration on the desktop, as an administrator: every editor used the way an
 * administrator would, each change checked against the API, bad values answered at their field,
 * and a record changed by someone else between loading and saving turned into "reload".
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestUser } from '../helpers/app.js';
import { button, desktopLogin, useBrowser } from './harness.js';

const run = useBrowser();
let admin: TestUser;

beforeAll(async () => {
  admin = await run().t.user({ role: 'admin' });
});

async function adminAt(path: string): Promise<Page> {
  const page = await run().open('/login', { viewport: 'desktop' });
  await desktopLogin(page, admin.username, TEST_PASSWORD);
  await page.goto(path);
  return page;
}

async function apiGet<T>(url: string): Promise<T> {
  const response = await run().t.as(admin, { method: 'GET', url: `/api/v1${url}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

/** Picks `option` in the Ant Design select labelled `label`. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(option, { exact: true })
    .click();
}

/**
 * The dialog's primary button. Not by name: after a failed save antd keeps the button's "loading"
 * icon in the DOM (collapsed, waiting for a transition end that may not come), so the accessible
 * name can stay "loading 保 存".
 */
function primary(dialog: Locator): Locator {
  return dialog.locator('.ant-modal-footer .ant-btn-primary');
}

/** Saves an editor dialog and waits until it has closed. */
async function save(dialog: Locator): Promise<void> {
  await primary(dialog).click();
  await dialog.waitFor({ state: 'hidden' });
}

interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: string;
  regionCodes: string[];
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

describe('users and roles', () => {
  it('creates a user with a role (a bad region shown at its field), resets the password, deactivates', async () => {
    const page = await adminAt('/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    const username = `ui-inspector-${Date.now() % 100_000}`;
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('界面测试监督员');
    await choose(page, dialog, '角色', '监督员');
    await dialog.getByLabel('管辖区域').fill('110101999');
    await dialog.getByLabel('管辖区域').press('Enter');
    await dialog.getByLabel(/^初始密码/).fill('initial-pass-123');
    await primary(dialog).click();
    // The server's reason for `regionCodes.0`, at the jurisdiction field.
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('管辖区域') })
      .getByText('no region 110101999')
      .waitFor();
    await run().shot(page, 'admin-users-field-error');
    await dialog.locator('.ant-select-selection-item-remove').click();
    await dialog.getByLabel('管辖区域').fill('110101001');
    await dialog.getByLabel('管辖区域').press('Enter');
    await save(dialog);
    const userNow = async () =>
      (await apiGet<{ items: UserView[] }>('/users?limit=200')).items.find((u) => u.username === username)!;
    expect(await userNow()).toMatchObject({
      displayName: '界面测试监督员',
      role: 'inspector',
      regionCodes: ['110101001'],
      active: true,
      mustChangePassword: true,
    });
    await page.getByRole('cell', { name: username, exact: true }).waitFor();
    await run().shot(page, 'admin-users');

    // Reset the password: the new one logs in, and must be changed.
    await page.getByRole('button', { name: `重置密码 ${username}` }).click();
    await dialog.getByLabel(/^新密码/).fill('reset-pass-4567');
    await save(dialog);
    const login = (password: string) =>
      run().t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    const loggedIn = await login('reset-pass-4567');
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    expect((await login('initial-pass-123')).statusCode).toBe(401);

    // Deactivate: the account can no longer log in.
    await page.getByRole('switch', { name: `${username} 状态` }).click();
    await expect.poll(async () => (await userNow()).active).toBe(false);
    expect((await login('reset-pass-4567')).statusCode).not.toBe(200);
    expect(run().errors(page)).toEqual([]);
  });

  it('turns a user changed by someone else meanwhile into "reload", then saves', async () => {
    const other = await run().t.user({ role: 'supervisor' });
    const page = await adminAt('/admin/users');
    await page.getByRole('button', { name: `编辑 ${other.username}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').waitFor();
    // Someone else renames the user between loading and saving.
    const current = await apiGet<UserView>(`/users/${other.id}`);
    const patched = await run().t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${other.id}`,
      payload: { version: current.version, displayName: '别人改的名字' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await dialog.getByLabel('姓名').fill('我改的名字');
    await primary(dialog).click();
    await dialog.getByRole('alert').getByText('该记录已被他人修改').waitFor();
    await run().shot(page, 'admin-users-conflict');
    await button(dialog, '重新加载').click();
    await expect.poll(() => dialog.getByLabel('姓名').inputValue()).toBe('别人改的名字');
    await dialog.getByLabel('姓名').fill('我改的名字');
    await save(dialog);
    expect((await apiGet<UserView>(`/users/${other.id}`)).displayName).toBe('我改的名字');
    expect(run().errors(page)).toEqual([]);
  });
});

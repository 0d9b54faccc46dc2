import { describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { notify, type NotificationMessage } from './service.js';

const t = useTestApp();

async function send(
  user: TestUser,
  count: number,
  message: Partial<NotificationMessage> = {},
): Promise<void> {
  await t()
    .database.db.transaction()
    .execute(async (tx) => {
      for (let i = 1; i <= count; i++) {
        await notify(tx, [user.id], { kind: 'task_new', title: `任务 ${i}`, ...message });
      }
    });
}

const list = (user: TestUser, query = '') =>
  t().as(user, { method: 'GET', url: `/api/v1/notifications${query}` });

describe('GET /notifications', () => {
  it('lists your own notifications newest first, with the unread count', async () => {
    const user = await t().user({ role: 'dispatcher' });
    await send(user, 3, { body: '正文', caseId: 'C-9', link: '/cases/C-9' });
    const response = await list(user);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unreadCount).toBe(3);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['任务 3', '任务 2', '任务 1']);
    expect(body.items[0]).toEqual({
      id: expect.any(Number),
      kind: 'task_new',
      title: '任务 3',
      body: '正文',
      caseId: 'C-9',
      link: '/cases/C-9',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      readAt: null,
    });
  });

  it('pages with the cursor and filters unread or read', async () => {
    const user = await t().user({ role: 'handler', departmentId: null });
    await send(user, 5);
    const first = (await list(user, '?limit=2')).json();
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(['任务 5', '任务 4']);
    const second = (await list(user, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['任务 3', '任务 2']);
    const third = (await list(user, `?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third).toMatchObject({ items: [{ title: '任务 1' }], nextCursor: null });

    await t().as(user, { method: 'POST', url: `/api/v1/notifications/${first.items[0].id}/read` });
    const unread = (await list(user, '?unread=true')).json();
    expect(unread.items).toHaveLength(4);
    expect(unread.unreadCount).toBe(4);
    const read = (await list(user, '?unread=false')).json();
    expect(read.items.map((n: { id: number }) => n.id)).toEqual([first.items[0].id]);
    expect(read.unreadCount).toBe(4);
  });

  it('refuses a cursor it did not give out and answers 401 without credentials', async () => {
    const user = await t().user({ role: 'leader' });
    expect((await list(user, '?cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('marking read', () => {
  it('marks one read and keeps the first read time when marked again', async () => {
    const user = await t().user({ role: 'inspector' });
    await send(user, 1);
    const [item] = (await list(user)).json().items;
    const first = await t().as(user, { method: 'POST', url: `/api/v1/notifications/${item.id}/read` });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: item.id, readAt: expect.any(String) });
    const again = await t().as(user, { method: 'POST', url: `/api/v1/notifications/${item.id}/read` });
    expect(again.json().readAt).toBe(first.json().readAt);
    expect((await list(user)).json().unreadCount).toBe(0);
  });

  it('marks all read, or only up to the newest one you have seen', async () => {
    const user = await t().user({ role: 'supervisor' });
    await send(user, 3);
    const seen = (await list(user)).json().items[1].id; // 任务 2
    const partial = await t().as(user, {
      method: 'POST',
      url: `/api/v1/notifications/read-all?upToId=${seen}`,
    });
    expect(partial.json()).toEqual({ marked: 2 });
    expect((await list(user, '?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual([
      '任务 3',
    ]);
    const rest = await t().as(user, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(rest.json()).toEqual({ marked: 1 });
    expect((await list(user)).json().unreadCount).toBe(0);
  });
});

describe('isolation between users', () => {
  it('never shows or marks another user’s notifications: 404 as if they did not exist', async () => {
    const owner = await t().user({ role: 'dispatcher' });
    const other = await t().user({ role: 'admin' });
    await send(owner, 2);
    await send(other, 1, { title: '别人的' });
    const theirs = (await list(owner)).json().items;
    const mine = (await list(other)).json();
    expect(mine.items.map((n: { title: string }) => n.title)).toEqual(['别人的']);
    expect(mine.unreadCount).toBe(1);

    const steal = await t().as(other, { method: 'POST', url: `/api/v1/notifications/${theirs[0].id}/read` });
    expect(steal.statusCode).toBe(404);
    expect(steal.json().code).toBe('NOTIFICATION_NOT_FOUND');
    const missing = await t().as(other, { method: 'POST', url: '/api/v1/notifications/999999999/read' });
    expect(missing.json()).toMatchObject({ status: 404, code: 'NOTIFICATION_NOT_FOUND' });

    await t().as(other, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect((await list(owner)).json().unreadCount).toBe(2);
    // Paging cursors carry no authority: another user's cursor only pages the caller's own list.
    const ownerPage = (await list(owner, '?limit=1')).json();
    const viaCursor = (await list(other, `?cursor=${ownerPage.nextCursor}`)).json();
    expect(viaCursor.items.every((n: { title: string }) => n.title === '别人的')).toBe(true);
  });
});

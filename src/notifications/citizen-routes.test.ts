import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { bearer, citizen } from '../../test/helpers/citizens.js';
import { notifyCitizen } from './citizen.js';
import { logChannel } from './outbound.js';

const t = useTestApp();

describe('citizen inbox routes', () => {
  it('lists, marks read and marks all read, each citizen only their own', async () => {
    const me = await citizen(t());
    const other = await citizen(t());
    const [first] = await t()
      .database.db.transaction()
      .execute(async (tx) => [
        (await notifyCitizen(tx, me.id, { kind: 'application_accepted', title: '您的申请已受理' })).id,
        (await notifyCitizen(tx, me.id, { kind: 'application_done', title: '您的申请已办结' })).id,
      ]);
    const list = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/notifications',
      headers: bearer(me),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      unreadCount: 2,
      items: [{ title: '您的申请已办结' }, { title: '您的申请已受理' }],
    });
    const theirs = await t().app.inject({
      method: 'POST',
      url: `/api/v1/citizens/me/notifications/${first}/read`,
      headers: bearer(other),
    });
    expect(theirs.statusCode).toBe(404);
    const read = await t().app.inject({
      method: 'POST',
      url: `/api/v1/citizens/me/notifications/${first}/read`,
      headers: bearer(me),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const all = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/notifications/read-all',
      headers: bearer(me),
    });
    expect(all.json()).toEqual({ marked: 1 });
    const bad = await t().app.inject({
      method: 'GET',
      url: '/api/v1/citizens/me/notifications?limit=0',
      headers: bearer(me),
    });
    expect(bad.statusCode).toBe(400);
    const staff = await t().user({ role: 'handler' });
    expect(
      (await t().as(staff, { method: 'GET', url: '/api/v1/citizens/me/notifications' })).statusCode,
    ).toBe(403);
  });
});

describe('the outbox', () => {
  it('shows administrators what the log driver recorded, addresses masked, and nobody else', async () => {
    const me = await citizen(t());
    await t()
      .database.db.transaction()
      .execute((tx) =>
        notifyCitizen(
          tx,
          me.id,
          { kind: 'application_correction', title: '请补正' },
          {
            channel: logChannel(t().reporterKeys, () => {}),
            to: me.phone,
          },
        ),
      );
    const admin = await t().user({ role: 'admin' });
    const res = await t().as(admin, { method: 'GET', url: `/api/v1/outbound-messages?citizenId=${me.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ channel: 'sms', driver: 'log', status: 'logged', recipientCitizenId: me.id }),
    ]);
    expect(res.body).not.toContain(me.phone);
    for (const role of ['window_clerk', 'supervisor'] as const) {
      const user = await t().user({ role });
      expect((await t().as(user, { method: 'GET', url: '/api/v1/outbound-messages' })).statusCode).toBe(403);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createTestCitizen } from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { decrypt } from '../reporters/index.js';
import {
  listCitizenNotifications,
  markAllCitizenNotificationsRead,
  markCitizenNotificationRead,
  notifyCitizen,
} from './citizen.js';
import { listOutbound, logChannel, outboundChannel } from './outbound.js';

const t = useTestServices();
const db = () => t().database.db;

describe('citizen notifications', () => {
  it('writes in the caller’s transaction, lists newest first with the unread count, scoped to the owner', async () => {
    const me = await createTestCitizen(t());
    const other = await createTestCitizen(t());
    const ids = await db()
      .transaction()
      .execute(async (tx) => [
        (
          await notifyCitizen(tx, me.id, {
            kind: 'application_accepted',
            title: '已受理',
            subject: { type: 'application', id: 'A-1' },
          })
        ).id,
        (
          await notifyCitizen(tx, me.id, {
            kind: 'application_done',
            title: '已办结',
            link: '/m/applications/A-1',
          })
        ).id,
      ]);
    const page = await listCitizenNotifications(db(), me.id, { limit: 10 });
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((n) => n.id)).toEqual([ids[1], ids[0]]);
    expect(page.items[1]).toMatchObject({ subjectType: 'application', subjectId: 'A-1', readAt: null });
    await expect(markCitizenNotificationRead(db(), other.id, ids[0]!)).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
    });
    expect((await markCitizenNotificationRead(db(), me.id, ids[0]!)).readAt).toBeInstanceOf(Date);
    expect(await markAllCitizenNotificationsRead(db(), me.id)).toBe(1);
    expect((await listCitizenNotifications(db(), me.id, { limit: 10, unread: true })).items).toEqual([]);
    expect((await listCitizenNotifications(db(), other.id, { limit: 10 })).items).toEqual([]);
  });

  it('refuses to write outside a transaction, and malformed kinds, links and subjects', async () => {
    const me = await createTestCitizen(t());
    await expect(notifyCitizen(db() as never, me.id, { kind: 'x_y', title: 't' })).rejects.toThrow(
      /transaction/,
    );
    await db()
      .transaction()
      .execute(async (tx) => {
        await expect(notifyCitizen(tx, me.id, { kind: 'Bad Kind', title: 't' })).rejects.toThrow(/kind/);
        await expect(
          notifyCitizen(tx, me.id, { kind: 'ok', title: 't', link: 'https://evil' }),
        ).rejects.toThrow(/link/);
        await expect(
          notifyCitizen(tx, me.id, { kind: 'ok', title: 't', subject: { type: 'Bad', id: '1' } }),
        ).rejects.toThrow(/subject/);
        await expect(notifyCitizen(tx, me.id, { kind: 'ok', title: '  ' })).rejects.toThrow(/title/);
      });
  });

  it('sends an SMS through the log driver: recorded with the number encrypted and masked, logged without it', async () => {
    const me = await createTestCitizen(t());
    const lines: Array<Record<string, unknown>> = [];
    const channel = logChannel(t().reporterKeys, (line) => lines.push(line));
    const result = await db()
      .transaction()
      .execute((tx) =>
        notifyCitizen(
          tx,
          me.id,
          { kind: 'application_correction', title: '请补正材料' },
          {
            channel,
            to: me.loginPhone,
            text: '【数治】您的申请需要补正材料，请登录查看。',
          },
        ),
      );
    expect(result.outbound).toMatchObject({ status: 'logged', driver: 'log' });
    const [row] = await listOutbound(db(), { citizenId: me.id, limit: 5 });
    expect(row).toMatchObject({
      channel: 'sms',
      driver: 'log',
      recipientCitizenId: me.id,
      kind: 'application_correction',
      body: '【数治】您的申请需要补正材料，请登录查看。',
      status: 'logged',
    });
    expect(row!.toMasked).not.toBe(me.loginPhone);
    expect(row!.toMasked).toMatch(/\*{4}/);
    const stored = await db()
      .selectFrom('outbound_messages')
      .select(['id', 'to_enc'])
      .where('id', '=', row!.id)
      .executeTakeFirstOrThrow();
    expect(decrypt(t().reporterKeys, stored.to_enc, `outbound_messages.to_enc:${stored.id}`)).toBe(
      me.loginPhone,
    );
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(me.loginPhone!);
    expect(lines[0]).toMatchObject({ outboundId: row!.id, channel: 'sms', kind: 'application_correction' });
  });

  it('sends no SMS without a phone, and e-mail addresses are masked too', async () => {
    const walkIn = await createTestCitizen(t(), { account: false });
    const channel = outboundChannel('log', t().reporterKeys, () => {});
    const result = await db()
      .transaction()
      .execute((tx) =>
        notifyCitizen(tx, walkIn.id, { kind: 'ok', title: '已办结' }, { channel, to: walkIn.phone }),
      );
    expect(result.outbound).toBeNull();
    const receipt = await db()
      .transaction()
      .execute((tx) =>
        channel.send(tx, {
          channel: 'email',
          to: 'wang.xiaoming@example.org',
          kind: 'system',
          subject: '通知',
          body: '正文',
        }),
      );
    const [row] = await listOutbound(db(), { limit: 1 });
    expect(row).toMatchObject({
      id: receipt.id,
      channel: 'email',
      toMasked: 'w***@e***.org',
      subject: '通知',
    });
  });
});

/**
 * 市民站内消息 — in-app notifications for citizens (the applicant is told of each step of an
 * application), in their own table apart from staff notifications (docs/privacy.md): a citizen is
 * not a user, and every query here is scoped by the owner's citizen id, so another citizen's id
 * answers 404. Written inside the caller's transaction, optionally with an SMS through the
 * outbound channel (outbound.ts) to the phone the caller passes (the applicant's phone on record,
 * from the applicants module's `applicantProfile`: this module reads no citizen data).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { NOTIFICATION_KIND_PATTERN, type NotificationKind } from './kinds.js';
import type { OutboundChannel, OutboundReceipt } from './outbound.js';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from './service.js';
import type { CitizenNotificationsTable } from './tables.js';

export interface CitizenMessage {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** What it is about, e.g. `{ type: 'application', id: '2026-000123' }`. */
  subject?: { type: string; id: string } | null;
  /** A path inside the citizen app. */
  link?: string | null;
}

export interface CitizenNotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export interface SmsOptions {
  channel: OutboundChannel;
  /** The citizen's mobile number, or null when they have none (no SMS then). */
  to: string | null;
  /** The SMS text; defaults to the title. */
  text?: string;
}

/**
 * Notifies one citizen in the caller's transaction; with `sms` and a number, also hands a text
 * message to the outbound channel (`outbound` is null otherwise). A malformed kind, subject or link
 * is a programming error and throws.
 */
export async function notifyCitizen(
  tx: Transaction<DB>,
  citizenId: number,
  message: CitizenMessage,
  sms?: SmsOptions,
): Promise<{ id: number; outbound: OutboundReceipt | null }> {
  if (!tx.isTransaction)
    throw new Error('notifyCitizen must be called with the transaction of the change it reports');
  if (!NOTIFICATION_KIND_PATTERN.test(message.kind))
    throw new Error(`Invalid notification kind "${message.kind}"`);
  const link = message.link ?? null;
  if (link !== null && (!link.startsWith('/') || link.startsWith('//') || link.length > 2000))
    throw new Error(`A notification link must be a path inside the app, got "${link}"`);
  const subject = message.subject ?? null;
  if (subject !== null && (!NOTIFICATION_KIND_PATTERN.test(subject.type) || subject.id.length > 100))
    throw new Error(`Invalid notification subject ${JSON.stringify(subject)}`);
  const title = cut(message.title.trim(), MAX_TITLE_LENGTH);
  if (title.length === 0) throw new Error('A notification needs a title');
  const { id } = await tx
    .insertInto('citizen_notifications')
    .values({
      citizen_id: citizenId,
      kind: message.kind,
      title,
      body: cut(message.body ?? '', MAX_BODY_LENGTH),
      subject_type: subject?.type ?? null,
      subject_id: subject?.id ?? null,
      link,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let outbound: OutboundReceipt | null = null;
  if (sms && sms.to !== null) {
    outbound = await sms.channel.send(tx, {
      channel: 'sms',
      to: sms.to,
      recipient: { citizenId },
      kind: message.kind,
      body: sms.text ?? title,
    });
  }
  return { id, outbound };
}

function present(row: Selectable<CitizenNotificationsTable>): CitizenNotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The citizen's own notifications, newest first (keyset on id), and how many are unread. */
export async function listCitizenNotifications(
  db: Kysely<DB>,
  citizenId: number,
  filter: { unread?: boolean; cursor?: string; limit: number },
): Promise<Page<CitizenNotificationView> & { unreadCount: number }> {
  let query = db.selectFrom('citizen_notifications').selectAll().where('citizen_id', '=', citizenId);
  if (filter.unread === true) query = query.where('read_at', 'is', null);
  if (filter.unread === false) query = query.where('read_at', 'is not', null);
  if (filter.cursor) {
    const [lastId] = decodeCursor(filter.cursor, ['bigserial']);
    query = query.where('id', '<', lastId);
  }
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const { count } = await db
    .selectFrom('citizen_notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('citizen_id', '=', citizenId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...toPage(rows, filter.limit, present, (row) => [row.id]), unreadCount: Number(count) };
}

export async function markCitizenNotificationRead(
  db: Kysely<DB>,
  citizenId: number,
  id: number,
): Promise<CitizenNotificationView> {
  const row = await db
    .updateTable('citizen_notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('citizen_id', '=', citizenId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', `You have no notification ${id}`);
  return present(row);
}

export async function markAllCitizenNotificationsRead(
  db: Kysely<DB>,
  citizenId: number,
  upToId?: number,
): Promise<number> {
  let query = db
    .updateTable('citizen_notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('citizen_id', '=', citizenId)
    .where('read_at', 'is', null);
  if (upToId !== undefined) query = query.where('id', '<=', upToId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

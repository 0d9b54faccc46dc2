/**
 * 站内通知 — in-app notifications: written by other modules inside their own transaction
 * (`notify`), read and marked read by their recipient only. Every query here is scoped by the
 * recipient's user id, so one user can neither see nor mark another's notification: such an id
 * answers 404, as an id that does not exist does.
 *
 * Marking read is personal state, not a business write, so it is not audited.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { NotificationsTable } from './tables.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { NOTIFICATION_KIND_PATTERN, type NotificationKind } from './kinds.js';

export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 2000;

export interface NotificationMessage {
  kind: NotificationKind;
  /** One line, shown in the list; cut to 200 characters. */
  title: string;
  /** Optional detail; cut to 2000 characters. */
  body?: string;
  /** The case the notification is about (cases are referenced by their id, no foreign key). */
  caseId?: string | null;
  /** Where the web app goes on click: a path inside the app, e.g. `/cases/110101-20250101-0001`. */
  link?: string | null;
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Sends one message to each recipient (duplicates removed), inside the caller's transaction, so
 * a notification exists exactly when the change it reports committed. Title and body that are
 * too long are cut rather than failing the caller's use case; a malformed kind or link is a
 * programming error and throws. Returns the number of notifications written.
 */
export async function notify(
  tx: Transaction<DB>,
  recipients: readonly number[],
  message: NotificationMessage,
): Promise<number> {
  if (!tx.isTransaction)
    throw new Error('notify must be called with the transaction of the change it reports');
  if (!NOTIFICATION_KIND_PATTERN.test(message.kind)) {
    throw new Error(`Invalid notification kind "${message.kind}" (lower_snake_case, at most 50 characters)`);
  }
  const link = message.link ?? null;
  if (link !== null && (!link.startsWith('/') || link.startsWith('//') || link.length > 2000)) {
    throw new Error(`A notification link must be a path inside the app, got "${link}"`);
  }
  const title = cut(message.title.trim(), MAX_TITLE_LENGTH);
  if (title.length === 0) throw new Error('A notification needs a title');
  const userIds = [...new Set(recipients)].filter((id) => Number.isInteger(id) && id > 0);
  if (userIds.length === 0) return 0;
  const result = await tx
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: message.kind,
        title,
        body: cut(message.body ?? '', MAX_BODY_LENGTH),
        case_id: message.caseId ?? null,
        link,
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

function present(row: Selectable<NotificationsTable>): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseId: row.case_id,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export interface NotificationFilter {
  unread?: boolean;
  cursor?: string;
  limit: number;
}

/** The user's own notifications, newest first (keyset on id), and how many are unread. */
export async function listNotifications(
  db: Kysely<DB>,
  userId: number,
  filter: NotificationFilter,
): Promise<Page<NotificationView> & { unreadCount: number }> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
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
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    ...toPage(rows, filter.limit, present, (row) => [row.id]),
    unreadCount: Number(count),
  };
}

/** Marks one of the user's notifications read (again: keeps the first read time). */
export async function markRead(db: Kysely<DB>, userId: number, id: number): Promise<NotificationView> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', `You have no notification ${id}`);
  return present(row);
}

/**
 * Marks all the user's unread notifications read, or only those up to `upToId` (the newest one
 * the user has seen, so one that arrived meanwhile stays unread). Returns how many changed.
 */
export async function markAllRead(db: Kysely<DB>, userId: number, upToId?: number): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (upToId !== undefined) query = query.where('id', '<=', upToId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

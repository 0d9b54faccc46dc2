/**
 * 短信 / 邮件 — the outbound channel for SMS and e-mail. Modules hand a message to an
 * `OutboundChannel` inside their transaction; every message is recorded in `outbound_messages`
 * (address encrypted, a masked copy for operators) whatever the driver, so tests and operators see
 * what was (or would have been) sent. Drivers, chosen by configuration (SHUZHI_OUTBOUND_DRIVER):
 *  - `log` (the default and, for now, the only one): records the message as `logged` and writes one
 *    structured log line without the address in clear. No message leaves the server.
 * A real SMS gateway or SMTP driver implements `deliver` and records `sent` or `failed`; it must not
 * fail the caller's transaction (an undeliverable SMS does not undo an application's acceptance).
 */
import { sql, type Kysely } from 'kysely';
import type { OutboundDriver } from '../config.js';
import type { DB } from '../db/schema.js';
import { encrypt, maskEmail, type KeyRing } from '../reporters/index.js';
import { maskPhone } from '../shared/codes/index.js';
import { NOTIFICATION_KIND_PATTERN, type NotificationKind } from './kinds.js';

export { OUTBOUND_DRIVERS, type OutboundDriver } from '../config.js';

export type OutboundMedium = 'sms' | 'email';

export interface OutboundMessage {
  channel: OutboundMedium;
  /** A normalised mobile number or an e-mail address. */
  to: string;
  /** Who it is for, when known (shown to operators; the address alone identifies nobody here). */
  recipient?: { citizenId: number } | { userId: number } | null;
  kind: NotificationKind;
  /** E-mail only. */
  subject?: string | null;
  body: string;
}

export interface OutboundReceipt {
  id: number;
  status: 'logged' | 'sent' | 'failed';
  driver: string;
}

export interface OutboundChannel {
  readonly driver: string;
  /** Records (and, for a delivering driver, sends) the message in the caller's transaction. */
  send(db: Kysely<DB>, message: OutboundMessage): Promise<OutboundReceipt>;
}

/** What a log line gets: never the address in clear, never the body (it may name the applicant). */
export type OutboundLogger = (line: Record<string, unknown>) => void;

const maskAddress = (message: OutboundMessage) =>
  message.channel === 'sms' ? maskPhone(message.to) : maskEmail(message.to);

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Writes the outbox row; returns its id. */
async function record(
  db: Kysely<DB>,
  ring: KeyRing,
  driver: string,
  message: OutboundMessage,
  status: 'logged' | 'sent' | 'failed',
  error: string | null,
): Promise<number> {
  if (!NOTIFICATION_KIND_PATTERN.test(message.kind))
    throw new Error(`Invalid message kind "${message.kind}"`);
  const body = cut(message.body.trim(), 2000);
  if (body.length === 0) throw new Error('An outbound message needs a body');
  const { id } = await sql<{ id: number }>`select nextval('outbound_messages_id_seq')::bigint as id`
    .execute(db)
    .then((r) => r.rows[0]!);
  const recipient = message.recipient ?? null;
  await db
    .insertInto('outbound_messages')
    .values({
      id,
      channel: message.channel,
      driver,
      recipient_citizen_id: recipient && 'citizenId' in recipient ? recipient.citizenId : null,
      recipient_user_id: recipient && 'userId' in recipient ? recipient.userId : null,
      to_enc: encrypt(ring, message.to, `outbound_messages.to_enc:${id}`),
      to_masked: maskAddress(message),
      kind: message.kind,
      subject: message.subject ? cut(message.subject.trim(), 200) : null,
      body,
      status,
      error,
    })
    .execute();
  return id;
}

/** The `log` driver: records the message as `logged` and writes a structured line. */
export function logChannel(ring: KeyRing, log: OutboundLogger): OutboundChannel {
  return {
    driver: 'log',
    async send(db, message) {
      const id = await record(db, ring, 'log', message, 'logged', null);
      log({
        msg: 'outbound message (log driver: not sent)',
        outboundId: id,
        channel: message.channel,
        to: maskAddress(message),
        kind: message.kind,
        recipient: message.recipient ?? null,
      });
      return { id, status: 'logged', driver: 'log' };
    },
  };
}

/** The channel the configuration names. */
export function outboundChannel(driver: OutboundDriver, ring: KeyRing, log: OutboundLogger): OutboundChannel {
  switch (driver) {
    case 'log':
      return logChannel(ring, log);
  }
}

export interface OutboundView {
  id: number;
  channel: OutboundMedium;
  driver: string;
  recipientCitizenId: number | null;
  recipientUserId: number | null;
  toMasked: string;
  kind: string;
  subject: string | null;
  body: string;
  status: 'logged' | 'sent' | 'failed';
  error: string | null;
  createdAt: Date;
}

/** The outbox, newest first (operators; addresses masked). */
export async function listOutbound(
  db: Kysely<DB>,
  filter: { citizenId?: number; limit: number; before?: number },
): Promise<OutboundView[]> {
  let query = db.selectFrom('outbound_messages').selectAll();
  if (filter.citizenId !== undefined) query = query.where('recipient_citizen_id', '=', filter.citizenId);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    driver: row.driver,
    recipientCitizenId: row.recipient_citizen_id,
    recipientUserId: row.recipient_user_id,
    toMasked: row.to_masked,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    status: row.status,
    error: row.error,
    createdAt: row.created_at,
  }));
}

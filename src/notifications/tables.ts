/** Row types of the notifications (migrations 0005, 0023), composed into `DB` by src/db/schema.ts. */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../db/columns.js';

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  case_id: string | null;
  link: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

/** Migration 0023: a citizen's inbox. */
export interface CitizenNotificationsTable {
  id: Generated<number>;
  citizen_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  subject_type: string | null;
  subject_id: string | null;
  link: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

/** Migration 0023: every SMS and e-mail handed to the outbound channel (outbound.ts). */
export interface OutboundMessagesTable {
  id: number;
  channel: 'sms' | 'email';
  driver: string;
  recipient_citizen_id: number | null;
  recipient_user_id: number | null;
  to_enc: string;
  to_masked: string;
  kind: string;
  subject: string | null;
  body: string;
  status: 'logged' | 'sent' | 'failed';
  error: string | null;
  created_at: GeneratedTimestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  citizen_notifications: CitizenNotificationsTable;
  outbound_messages: OutboundMessagesTable;
}

/** Row type of the notifications (migration 0005), composed into `DB` by src/db/schema.ts. */
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

export interface NotificationTables {
  notifications: NotificationsTable;
}

/** Row types of the webhook tables (migration 0005), composed into `DB` by src/db/schema.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../db/columns.js';
import type { WebhookDeliveryStatus } from './rules.js';

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  topics: string[];
  department_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  outbox_id: number;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  lease_id: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface WebhookDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}

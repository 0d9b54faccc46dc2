/**
 * The messaging background jobs, for the scheduler in src/jobs: fan-out every second, delivery
 * every two, outbox retention hourly. Every process may run them: claims use SKIP LOCKED, so
 * processes share the work and never send one delivery twice at the same time.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Job } from '../jobs/index.js';
import { fanOutOutbox } from './fan-out.js';
import { DEFAULT_RETENTION_DAYS, pruneOutbox } from './retention.js';
import { deliverWebhooks, type DeliverOptions } from './sender.js';

export interface MessagingJobOptions {
  /** Passed to deliverWebhooks (an HTTP client, timeouts). */
  delivery?: DeliverOptions;
  retentionDays?: number;
}

export const FAN_OUT_JOB = 'messaging.fan_out';
export const DELIVERY_JOB = 'messaging.deliver_webhooks';
export const RETENTION_JOB = 'messaging.prune_outbox';

/** The jobs working on `db`; start them with `startJobs(db, messagingJobs(db), { log })`. */
export function messagingJobs(db: Kysely<DB>, options: MessagingJobOptions = {}): Job[] {
  return [
    { name: FAN_OUT_JOB, intervalMs: 1_000, run: () => fanOutOutbox(db) },
    { name: DELIVERY_JOB, intervalMs: 2_000, run: () => deliverWebhooks(db, options.delivery) },
    {
      name: RETENTION_JOB,
      intervalMs: 60 * 60 * 1000,
      run: () => pruneOutbox(db, { retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS }),
    },
  ];
}

/**
 * Webhooks: subscriptions of external systems to outbox events, fan-out, signed delivery with
 * retries, and the background jobs that drive them (docs/integration.md).
 */
export { fanOutOutbox, type FanOutOptions, type FanOutResult } from './fan-out.js';
export {
  deliverWebhooks,
  envelopeOf,
  type DeliverOptions,
  type DeliverResult,
  type WebhookEnvelope,
} from './sender.js';
export { messagingJobs, FAN_OUT_JOB, DELIVERY_JOB, RETENTION_JOB, type MessagingJobOptions } from './jobs.js';
export { pruneOutbox } from './retention.js';
export { PING_TOPIC } from './deliveries.js';
export {
  signature,
  verifySignature,
  topicMatches,
  MAX_ATTEMPTS,
  SIGNATURE_TOLERANCE_SECONDS,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryStatus,
} from './rules.js';
export { webhookRoutes } from './routes.js';
export { webhooksModule } from './module.js';
export type { WebhookTables } from './tables.js';

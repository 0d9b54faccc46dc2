/** Messaging: the transactional outbox that every module publishes its events through. */
export { enqueue, enqueueAll, TOPIC_PATTERN, type EnqueuedEvent, type OutboxEvent } from './outbox.js';
export {
  claimEventsToFanOut,
  markFannedOut,
  pruneFannedOutEvents,
  type ClaimedEvent,
  type PruneEvents,
} from './queue.js';
export { outboxEventRelation } from './relations.js';
export type { MessagingTables } from './tables.js';

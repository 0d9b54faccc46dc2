/** Messaging: the transactional outbox that every module publishes its events through. */
export { enqueue, enqueueAll, TOPIC_PATTERN, type EnqueuedEvent, type OutboxEvent } from './outbox.js';

-- Messaging: the transactional outbox, in-app notifications, webhook subscriptions and their
-- delivery log (docs/integration.md).

-- 发件箱 — events written in the same transaction as the state change they announce; the
-- fan-out job turns each row into one webhook delivery per matching subscription.
CREATE TABLE outbox (
  id             bigserial PRIMARY KEY,
  topic          text NOT NULL CHECK (topic ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  payload        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  fanned_out_at  timestamptz
);
-- The fan-out job scans only what is left to do.
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE fanned_out_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_type, aggregate_id, id);
CREATE INDEX outbox_fanned_out_idx ON outbox (fanned_out_at) WHERE fanned_out_at IS NOT NULL;

-- 站内通知 — a staff member's inbox. `kind` is open text (src/notifications/kinds.ts lists the
-- known ones); case_id has no foreign key because cases may be archived separately.
CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,49}$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body        text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
  case_id     text,
  link        text CHECK (length(link) <= 2000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id, id DESC) WHERE read_at IS NULL;

-- Webhook subscriptions. The secret must be readable to sign (HMAC is symmetric), so it is stored
-- as given out; see docs/integration.md for the trade-off.
CREATE TABLE webhook_subscriptions (
  id            serial PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  url           text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  secret        text NOT NULL,
  topics        text[] NOT NULL CHECK (cardinality(topics) BETWEEN 1 AND 50),
  department_id integer REFERENCES departments(id),
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One delivery per (subscription, event): the unique key makes fan-out idempotent. Status:
-- pending (not tried yet) → succeeded | failed (will retry at next_attempt_at) → dead (gave up).
-- A claimed delivery carries a lease: next_attempt_at is pushed past the send timeout and
-- lease_id fences the result, so a worker whose lease expired cannot overwrite a newer attempt.
CREATE TABLE webhook_deliveries (
  id               bigserial PRIMARY KEY,
  subscription_id  integer NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  outbox_id        bigint NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_id         text,
  last_status_code integer,
  last_error       text,
  last_duration_ms integer,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id)
  WHERE status IN ('pending', 'failed');
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (subscription_id, id DESC);
CREATE INDEX webhook_deliveries_outbox_idx ON webhook_deliveries (outbox_id);

-- Every attempt of a delivery, for the delivery log shown to administrators.
CREATE TABLE webhook_delivery_attempts (
  id           bigserial PRIMARY KEY,
  delivery_id  bigint NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempted_at timestamptz NOT NULL,
  status_code  integer,
  error        text,
  duration_ms  integer NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (delivery_id, id);

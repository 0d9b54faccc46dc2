-- Shared rate-limit counters (src/http/rate-limit-store.ts) for a PostgreSQL deployment of several
-- processes without Redis: one fixed window per key (route and client address, or API key).
-- UNLOGGED: a counter is worth nothing after a crash, and every limited request writes one, so it
-- skips the write-ahead log (and replicas). Keys are route patterns with an address or a key hash.
CREATE UNLOGGED TABLE rate_limit_counters (
  key       text PRIMARY KEY CHECK (length(key) <= 500),
  hits      integer NOT NULL CHECK (hits > 0),
  resets_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_counters_resets_idx ON rate_limit_counters (resets_at);

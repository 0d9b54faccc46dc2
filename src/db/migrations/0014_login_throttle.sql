-- 登录限速 — login throttling (docs/security.md §Login throttling). Replaces the per-account hard
-- lock (users/citizens.failed_logins, locked_until): five wrong passwords from anyone locked the
-- real owner out, and the 423 with `lockedUntil` told an outsider which usernames exist.
--
-- One row per (kind, key): `kind` is what is counted — a login name from one address (`pair`), a
-- client address (`address`), a login name from everywhere (`account`), the current-password check
-- of a signed-in user (`password`). `key` is a SHA-256 or blind index, never the name or address.
-- Counters restart after an hour without failures; `last_success_at` marks the addresses a name has
-- logged in from, which the address-wide and account-wide limits spare.
CREATE TABLE login_throttle (
  kind            text NOT NULL CHECK (kind IN ('pair', 'address', 'account', 'password')),
  key             text NOT NULL,
  failures        integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at timestamptz,
  blocked_until   timestamptz,
  last_success_at timestamptz,
  PRIMARY KEY (kind, key)
);

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
ALTER TABLE citizens DROP COLUMN failed_logins, DROP COLUMN locked_until;

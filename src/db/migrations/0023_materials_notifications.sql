-- Application materials (申请材料) and the catalogue's sample and blank forms: PDFs besides images,
-- uploaded by staff or by citizens (online applications). A PDF is stored as given, with its page
-- count when it could be read; it has no thumbnail. docs/api/files.md, src/files/materials.ts.
ALTER TABLE files
  ADD COLUMN created_by_citizen_id integer REFERENCES citizens(id),
  ADD COLUMN page_count integer CHECK (page_count > 0),
  ADD CONSTRAINT files_one_uploader CHECK (created_by_user_id IS NULL OR created_by_citizen_id IS NULL);

-- A citizen retrying an upload gets the same file back, as staff do (files_dedupe_idx).
CREATE UNIQUE INDEX files_citizen_dedupe_idx ON files (created_by_citizen_id, purpose, sha256)
  WHERE created_by_citizen_id IS NOT NULL;

-- 市民站内消息 — a citizen's inbox (application progress and the like), apart from staff
-- notifications: a citizen is not a user, and each inbox is scoped by its own owner column.
CREATE TABLE citizen_notifications (
  id            bigserial PRIMARY KEY,
  citizen_id    integer NOT NULL REFERENCES citizens(id),
  kind          text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,49}$'),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body          text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
  -- What it is about (e.g. 'application', '2026-000123'); no foreign key, like notifications.case_id.
  subject_type  text CHECK (subject_type ~ '^[a-z][a-z0-9_]{0,49}$'),
  subject_id    text CHECK (length(subject_id) <= 100),
  link          text CHECK (length(link) <= 2000),
  created_at    timestamptz NOT NULL DEFAULT now(),
  read_at       timestamptz,
  CHECK ((subject_type IS NULL) = (subject_id IS NULL))
);
CREATE INDEX citizen_notifications_citizen_idx ON citizen_notifications (citizen_id, id DESC);
CREATE INDEX citizen_notifications_unread_idx ON citizen_notifications (citizen_id, id DESC) WHERE read_at IS NULL;

-- 短信 / 邮件发件箱 — every SMS and e-mail handed to the outbound channel, whatever the driver: the
-- `log` driver only records here (and logs a line), a real driver also delivers. The address is
-- encrypted (src/reporters/crypto.ts) with a masked copy for operators.
CREATE TABLE outbound_messages (
  id                    bigserial PRIMARY KEY,
  channel               text NOT NULL CHECK (channel IN ('sms', 'email')),
  driver                text NOT NULL CHECK (driver ~ '^[a-z][a-z0-9_]{0,29}$'),
  recipient_citizen_id  integer REFERENCES citizens(id),
  recipient_user_id     integer REFERENCES users(id),
  to_enc                text NOT NULL CHECK (to_enc ~ '^v[0-9]+:'),
  to_masked             text NOT NULL CHECK (length(to_masked) <= 100),
  kind                  text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,49}$'),
  subject               text CHECK (length(subject) <= 200),
  body                  text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  status                text NOT NULL CHECK (status IN ('logged', 'sent', 'failed')),
  error                 text CHECK (length(error) <= 500),
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (recipient_citizen_id IS NULL OR recipient_user_id IS NULL),
  CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX outbound_messages_created_idx ON outbound_messages (id DESC);
CREATE INDEX outbound_messages_citizen_idx ON outbound_messages (recipient_citizen_id, id DESC) WHERE recipient_citizen_id IS NOT NULL;

-- The citizen channel (docs/api/citizens.md): citizen accounts and their sessions, public
-- categories, public reports with their tracking codes, public notes, satisfaction ratings and
-- reopen requests. Personal data (phone and ID numbers) is stored only as AES-256-GCM envelopes
-- from src/reporters/crypto.ts with a keyed blind index for login (docs/privacy.md).

-- 市民账号: a phone number and an Argon2id password; an optional resident ID number.
CREATE TABLE citizens (
  id               serial PRIMARY KEY,
  phone_enc        text NOT NULL CHECK (phone_enc ~ '^v[0-9]+:'),
  -- Blind index `<keyId>:<mac>` of the normalised number: login looks it up without decrypting.
  phone_index      text NOT NULL UNIQUE,
  id_number_enc    text CHECK (id_number_enc ~ '^v[0-9]+:'),
  display_name     text,
  password_hash    text NOT NULL,
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Citizen sessions are not staff sessions: another table, another token prefix (shc_), another
-- cookie (shuzhi_citizen). Only the SHA-256 of the token is stored.
CREATE TABLE citizen_sessions (
  token_hash  text PRIMARY KEY,
  citizen_id  integer NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);

-- 公众分类: what a citizen may report, with public names and help text in Chinese and English.
-- Loaded at every start from src/classification/data/public-categories.csv.
CREATE TABLE public_categories (
  code               text PRIMARY KEY,
  classification_id  integer NOT NULL REFERENCES classifications(id),
  name               text NOT NULL,
  name_en            text NOT NULL,
  help               text NOT NULL,
  help_en            text NOT NULL,
  group_name         text NOT NULL,
  group_en           text NOT NULL,
  -- Sensitive classes (e.g. a broken gas cover): the public view rounds the location.
  sensitive          boolean NOT NULL DEFAULT false,
  position           integer NOT NULL,
  active             boolean NOT NULL DEFAULT true
);

-- Photos uploaded through the public endpoint, before a report claims them.
CREATE TABLE public_uploads (
  file_id     uuid PRIMARY KEY,
  citizen_id  integer REFERENCES citizens(id),
  case_id     bigint REFERENCES cases(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- 市民上报: a public case and the tracking code its reporter follows it with (never the case id).
CREATE TABLE public_reports (
  case_id        bigint PRIMARY KEY REFERENCES cases(id),
  tracking_code  text NOT NULL UNIQUE CHECK (tracking_code ~ '^[2-9A-HJKMNP-TV-Z]{12}$'),
  category_code  text NOT NULL REFERENCES public_categories(code),
  citizen_id     integer REFERENCES citizens(id),
  -- Keyed HMACs (never the raw device, address or text) for answering duplicate submissions.
  device_key     text NOT NULL,
  text_key       text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_reports_citizen_idx ON public_reports (citizen_id, case_id DESC);
CREATE INDEX public_reports_duplicate_idx ON public_reports (device_key, text_key, created_at);

-- 公开说明: what the reporter reads on the tracking page. Staff write them; key transitions add
-- automatic ones. Internal notes and reasons stay in case_events.
CREATE TABLE case_public_notes (
  id          bigserial PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases(id),
  at          timestamptz NOT NULL DEFAULT now(),
  text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  -- The public status right after the note (received … rejected).
  status      text NOT NULL,
  author_id   integer REFERENCES users(id),
  -- The workflow action that wrote it automatically; null for a note written by staff.
  action      text
);
CREATE INDEX case_public_notes_case_idx ON case_public_notes (case_id, id);

-- 满意度评价: one rating per report, after closure. Read by the evaluation module.
CREATE TABLE case_ratings (
  id              bigserial PRIMARY KEY,
  case_id         bigint NOT NULL UNIQUE REFERENCES cases(id),
  score           smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment         text CHECK (length(comment) <= 1000),
  citizen_id      integer REFERENCES citizens(id),
  request_reopen  boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- 重新办理申请: a negative rating asking for the case to be reopened; the supervision center
-- accepts (the workflow's reopen) or declines (with a public note).
CREATE TABLE reopen_requests (
  id             bigserial PRIMARY KEY,
  case_id        bigint NOT NULL UNIQUE REFERENCES cases(id),
  rating_id      bigint NOT NULL REFERENCES case_ratings(id),
  reason         text CHECK (length(reason) <= 1000),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  decided_at     timestamptz,
  decided_by     integer REFERENCES users(id),
  decision_note  text,
  version        integer NOT NULL DEFAULT 1,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX reopen_requests_status_idx ON reopen_requests (status, id);

-- Open311 GeoReport v2 (src/open311, docs/api/open311.md): the API keys of client applications
-- (only the SHA-256 of each key is stored), the request tokens answered to POST /requests, and
-- what an Open311 request carried beyond the case itself. No personal data of the reporter is
-- kept here: email, names, phone and device_id are accepted and dropped (docs/api/open311.md).
CREATE TABLE open311_api_keys (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  key_hash    text NOT NULL UNIQUE,
  prefix      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- Tokens are not secret: the spec lets anyone resolve one to its service_request_id.
CREATE TABLE open311_tokens (
  token       text PRIMARY KEY,
  case_id     bigint REFERENCES cases(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open311_tokens_case_idx ON open311_tokens (case_id);

CREATE TABLE open311_requests (
  case_id     bigint PRIMARY KEY REFERENCES cases(id),
  api_key_id  bigint NOT NULL REFERENCES open311_api_keys(id),
  media_url   text,
  attributes  jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);

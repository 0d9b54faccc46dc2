-- Reporters: the personal data of whoever reported a case (citizen, hotline caller …), kept apart
-- from `cases` so that no case query, list, export, webhook or outbox payload can carry it
-- (docs/privacy.md). Every personal column holds an AES-256-GCM envelope
-- `v1:<keyId>:<iv>:<ciphertext+tag>`, never plaintext; `phone_index` is a keyed HMAC
-- (`<keyId>:<mac>`) for exact-match lookups ("has this phone reported before") without decrypting.
CREATE TABLE case_reporters (
  case_id          bigint PRIMARY KEY REFERENCES cases(id),
  name_enc         text CHECK (name_enc ~ '^v[0-9]+:'),
  phone_enc        text CHECK (phone_enc ~ '^v[0-9]+:'),
  phone_index      text,
  id_number_enc    text CHECK (id_number_enc ~ '^v[0-9]+:'),
  contact_consent  boolean NOT NULL DEFAULT false,
  anonymous        boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  -- The index exists exactly when a phone number is stored.
  CHECK ((phone_enc IS NULL) = (phone_index IS NULL))
);
CREATE INDEX case_reporters_phone_index_idx ON case_reporters (phone_index);

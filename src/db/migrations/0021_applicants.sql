-- Applicants (申请人) of government services: the window clerk role, citizens' identity level, legal
-- persons with their representatives and agents, and authorisations (委托 / 代办). Issue 13 §2;
-- docs/domain/applicants.md. Personal data is stored as envelopes of src/reporters/crypto.ts.

-- 综合窗口受理员: the service hall's 无差别综合窗口.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (
  'admin', 'supervisor', 'dispatcher', 'handler', 'department_lead', 'inspector', 'leader', 'window_clerk'));

-- Citizens as applicants: the real name (实名), a blind index of the resident ID number (found at the
-- window by exact number), and the identity level — 2 self-declared, 3 checked against a registry,
-- 4 verified in person at a window (services.md §2, 国务院令第716号 Art. 5).
-- Accounts made before this migration get their ID number index when the key rotation job rewrites
-- them (reencryptCitizens); new and changed rows always carry it.
-- A window may register a walk-in person who has no account yet (无账号的现场申请人): such a record
-- has no password (it cannot log in) and names the clerk who registered it.
ALTER TABLE citizens
  ALTER COLUMN password_hash DROP NOT NULL,
  ALTER COLUMN phone_enc DROP NOT NULL,
  ALTER COLUMN phone_index DROP NOT NULL,
  ADD COLUMN real_name_enc text CHECK (real_name_enc ~ '^v[0-9]+:'),
  ADD COLUMN id_number_index text,
  ADD COLUMN identity_level smallint NOT NULL DEFAULT 2 CHECK (identity_level BETWEEN 2 AND 4),
  ADD COLUMN identity_verified_at timestamptz,
  ADD COLUMN identity_verified_by integer REFERENCES users(id),
  ADD COLUMN identity_registry text CHECK (length(identity_registry) BETWEEN 1 AND 100),
  ADD COLUMN registered_by_user_id integer REFERENCES users(id),
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD CONSTRAINT citizens_identity_verified CHECK (
    (identity_level = 2 AND identity_verified_at IS NULL AND identity_verified_by IS NULL AND identity_registry IS NULL)
    OR (identity_level = 3 AND identity_verified_at IS NOT NULL AND identity_registry IS NOT NULL)
    OR (identity_level = 4 AND identity_verified_at IS NOT NULL AND identity_verified_by IS NOT NULL)),
  -- An account logs in by its phone number; a walk-in record (no password) was registered by a
  -- window clerk from the ID card: its phone, if any, is a contact number and not a login key.
  ADD CONSTRAINT citizens_account_has_phone CHECK (password_hash IS NULL OR (phone_enc IS NOT NULL AND phone_index IS NOT NULL)),
  ADD CONSTRAINT citizens_walk_in_identified CHECK (password_hash IS NOT NULL OR (
    registered_by_user_id IS NOT NULL AND phone_index IS NULL AND real_name_enc IS NOT NULL
    AND id_number_enc IS NOT NULL AND id_number_index IS NOT NULL));
CREATE INDEX citizens_id_number_index_idx ON citizens (id_number_index) WHERE id_number_index IS NOT NULL;

-- 法人: enterprises, social organisations, individual businesses, organs and public institutions,
-- by their unified social credit code (GB 32100-2015; a public register number, stored in clear).
CREATE TABLE legal_persons (
  id                            bigserial PRIMARY KEY,
  credit_code                   text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name                          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind                          text NOT NULL CHECK (kind IN ('enterprise', 'social_organization', 'individual_business', 'public_institution')),
  representative_name_enc       text NOT NULL CHECK (representative_name_enc ~ '^v[0-9]+:'),
  representative_id_number_enc  text NOT NULL CHECK (representative_id_number_enc ~ '^v[0-9]+:'),
  representative_id_index       text NOT NULL,
  address                       text CHECK (length(address) <= 300),
  phone_enc                     text CHECK (phone_enc ~ '^v[0-9]+:'),
  -- Who put it on record: a citizen online (declared) or a window clerk who saw the licence.
  registered_by_citizen_id      integer REFERENCES citizens(id),
  registered_by_user_id         integer REFERENCES users(id),
  version                       integer NOT NULL DEFAULT 1,
  created_at                    timestamptz NOT NULL DEFAULT now(),
  updated_at                    timestamptz NOT NULL DEFAULT now(),
  CHECK (registered_by_citizen_id IS NOT NULL OR registered_by_user_id IS NOT NULL)
);

-- The citizens who act for a legal person: its legal representative (法定代表人 / 负责人 / 经营者)
-- and its standing agents (经办人). A link is verified when a window clerk saw the licence and the
-- person's ID, or the representative granted the agent an authorisation.
CREATE TABLE legal_person_links (
  legal_person_id  bigint NOT NULL REFERENCES legal_persons(id),
  citizen_id       integer NOT NULL REFERENCES citizens(id),
  relation         text NOT NULL CHECK (relation IN ('legal_representative', 'agent')),
  verified         boolean NOT NULL DEFAULT false,
  verified_at      timestamptz,
  verified_by      integer REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  ended_at         timestamptz,
  PRIMARY KEY (legal_person_id, citizen_id, relation),
  CHECK (verified = (verified_at IS NOT NULL))
);
CREATE INDEX legal_person_links_citizen_idx ON legal_person_links (citizen_id);

-- 授权委托: a principal (a citizen or a legal person) lets an agent (a citizen) apply in its name,
-- for every item or for listed catalogue items, between two dates; granted online by the principal
-- (or the legal person's representative) or recorded at a window from a paper authorisation with
-- its scan. A revoked authorisation stays on record.
CREATE TABLE authorisations (
  id                         bigserial PRIMARY KEY,
  kind                       text NOT NULL CHECK (kind IN ('entrust', 'proxy')),
  principal_citizen_id       integer REFERENCES citizens(id),
  principal_legal_person_id  bigint REFERENCES legal_persons(id),
  agent_citizen_id           integer NOT NULL REFERENCES citizens(id),
  all_items                  boolean NOT NULL,
  valid_from                 date NOT NULL,
  valid_to                   date NOT NULL,
  document_file_id           uuid REFERENCES files(id),
  note                       text CHECK (length(note) <= 500),
  channel                    text NOT NULL CHECK (channel IN ('online', 'window')),
  recorded_by_citizen_id     integer REFERENCES citizens(id),
  recorded_by_user_id        integer REFERENCES users(id),
  revoked_at                 timestamptz,
  revoked_by_citizen_id      integer REFERENCES citizens(id),
  revoked_by_user_id         integer REFERENCES users(id),
  revoke_reason              text CHECK (length(revoke_reason) <= 500),
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK ((principal_citizen_id IS NULL) <> (principal_legal_person_id IS NULL)),
  CHECK (principal_citizen_id IS DISTINCT FROM agent_citizen_id),
  CHECK (valid_to >= valid_from),
  CHECK ((channel = 'online') = (recorded_by_citizen_id IS NOT NULL)),
  CHECK ((channel = 'window') = (recorded_by_user_id IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by_citizen_id IS NULL AND revoked_by_user_id IS NULL))
);
CREATE INDEX authorisations_agent_idx ON authorisations (agent_citizen_id, valid_to);
CREATE INDEX authorisations_principal_citizen_idx ON authorisations (principal_citizen_id) WHERE principal_citizen_id IS NOT NULL;
CREATE INDEX authorisations_principal_legal_idx ON authorisations (principal_legal_person_id) WHERE principal_legal_person_id IS NOT NULL;

-- The catalogue items (事项 ids, stable across versions) an authorisation covers when not all_items.
-- No foreign key: the catalogue module owns its tables; an item that disappears covers nothing.
CREATE TABLE authorisation_items (
  authorisation_id  bigint NOT NULL REFERENCES authorisations(id),
  item_id           bigint NOT NULL,
  PRIMARY KEY (authorisation_id, item_id)
);

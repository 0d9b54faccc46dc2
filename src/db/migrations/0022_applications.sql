-- Applications (办件) of government services: online and at the window, acceptance (受理 / 不予受理 /
-- 一次性告知), review with special steps, holds and extensions, decision and delivery; 一件事 bundles
-- with a child application per child item. Issue 13 §3, §4; docs/domain/applications.md.
-- Personal data (form values, the applicant's name and contact number, the agent's name) is stored
-- as envelopes of src/reporters/crypto.ts; masked copies are what lists show.

CREATE TABLE applications (
  id                     bigserial PRIMARY KEY,
  -- SQ + yyyymmdd + 6-digit sequence of the day (src/applications/rules/numbering.ts).
  number                 text NOT NULL UNIQUE CHECK (number ~ '^SQ[0-9]{14}$'),
  parent_id              bigint REFERENCES applications(id),
  -- The catalogue item and the version the application was made under (kept for life; no foreign
  -- key: the catalogue module owns its tables).
  item_id                bigint NOT NULL,
  item_version_id        bigint NOT NULL,
  item_name              text NOT NULL CHECK (length(item_name) BETWEEN 1 AND 200),
  is_bundle              boolean NOT NULL DEFAULT false,
  department_id          integer NOT NULL REFERENCES departments(id),
  channel                text NOT NULL CHECK (channel IN ('online', 'window')),
  state                  text NOT NULL CHECK (state IN ('draft', 'submitted', 'correction_requested', 'accepted',
                           'in_review', 'special_step', 'on_hold', 'decided', 'delivered', 'rejected', 'withdrawn')),
  applicant_kind         text NOT NULL CHECK (applicant_kind IN ('person', 'legal_person')),
  applicant_citizen_id   integer REFERENCES citizens(id),
  applicant_legal_person_id bigint REFERENCES legal_persons(id),
  -- The citizen who acts (online: the logged-in citizen; at a window: the person at the counter).
  acting_citizen_id      integer NOT NULL REFERENCES citizens(id),
  acting_capacity        text NOT NULL CHECK (acting_capacity IN ('self', 'legal_representative', 'agent')),
  authorisation_id       bigint REFERENCES authorisations(id),
  applicant_name_enc     text NOT NULL CHECK (applicant_name_enc ~ '^v[0-9]+:'),
  -- Masked resident ID number (110101********1234) or the credit code (a public register number).
  applicant_id_masked    text NOT NULL CHECK (length(applicant_id_masked) <= 30),
  contact_phone_enc      text CHECK (contact_phone_enc ~ '^v[0-9]+:'),
  agent_name_enc         text CHECK (agent_name_enc ~ '^v[0-9]+:'),
  agent_relation         text CHECK (agent_relation IN ('委托', '代办')),
  form_enc               text NOT NULL CHECK (form_enc ~ '^v[0-9]+:'),
  -- [{key, fileId, mark, note}] per material requirement of the version (no personal data).
  materials              jsonb NOT NULL DEFAULT '[]',
  -- 一次性告知: {requestedAt, requestedBy, items: [{key, name, reason}], note, correctedAt}.
  correction             jsonb,
  correction_used        boolean NOT NULL DEFAULT false,
  acceptance_number      text CHECK (acceptance_number ~ '^SL[0-9]{14}$'),
  submitted_at           timestamptz,
  accepted_at            timestamptz,
  -- Working days of the version, copied so the clock never depends on a later version.
  acceptance_days        integer NOT NULL CHECK (acceptance_days BETWEEN 0 AND 60),
  promised_days          integer NOT NULL CHECK (promised_days BETWEEN 0 AND 3650),
  legal_days             integer NOT NULL CHECK (legal_days BETWEEN 0 AND 3650),
  extension_days         integer NOT NULL DEFAULT 0 CHECK (extension_days BETWEEN 0 AND 3650),
  -- Stopped intervals of the decision clock: [{kind: special_step kind | 'hold', from, to, note}].
  pauses                 jsonb NOT NULL DEFAULT '[]',
  -- A hold or an extension asked by a handler, waiting for the department lead: {by, at, reason, days?}.
  pending_hold           jsonb,
  pending_extension      jsonb,
  accept_due_at          timestamptz,
  due_at                 timestamptz,
  -- The light as last computed (by an action or the sweep), for list filters.
  light                  text NOT NULL DEFAULT 'none' CHECK (light IN ('green', 'yellow', 'red', 'paused', 'none')),
  -- {outcome, reason, legalBasis, decidedAt, resultDescription, delivery}.
  decision               jsonb,
  delivered_at           timestamptz,
  closed_reason          text CHECK (length(closed_reason) <= 1000),
  closed_basis           text CHECK (length(closed_basis) <= 1000),
  registered_by_user_id  integer REFERENCES users(id),
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((applicant_kind = 'person') = (applicant_citizen_id IS NOT NULL)),
  CHECK ((applicant_kind = 'legal_person') = (applicant_legal_person_id IS NOT NULL)),
  CHECK ((channel = 'window') = (registered_by_user_id IS NOT NULL)),
  CHECK (state IN ('draft') OR submitted_at IS NOT NULL),
  CHECK ((acceptance_number IS NULL) = (accepted_at IS NULL))
);
CREATE INDEX applications_acting_idx ON applications (acting_citizen_id, id DESC);
CREATE INDEX applications_applicant_idx ON applications (applicant_citizen_id, id DESC) WHERE applicant_citizen_id IS NOT NULL;
CREATE INDEX applications_department_idx ON applications (department_id, id DESC);
CREATE INDEX applications_state_idx ON applications (state, id DESC);
CREATE INDEX applications_parent_idx ON applications (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX applications_running_idx ON applications (id) WHERE state IN ('submitted', 'accepted', 'in_review');
CREATE INDEX applications_materials_idx ON applications USING gin (materials jsonb_path_ops);

-- The application's history (办理过程), append-only.
CREATE TABLE application_events (
  id              bigserial PRIMARY KEY,
  application_id  bigint NOT NULL REFERENCES applications(id),
  at              timestamptz NOT NULL,
  action          text NOT NULL CHECK (action ~ '^[a-z][a-z_]{0,49}$'),
  from_state      text,
  to_state        text NOT NULL,
  actor_kind      text NOT NULL CHECK (actor_kind IN ('applicant', 'staff', 'system')),
  actor_user_id   integer REFERENCES users(id),
  actor_citizen_id integer REFERENCES citizens(id),
  actor_name      text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
  note            text CHECK (length(note) <= 2000)
);
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

-- Gap-free numbers per day: 'SQ' application numbers and 'SL' acceptance numbers.
CREATE TABLE application_counters (
  kind  text NOT NULL CHECK (kind IN ('SQ', 'SL')),
  day   text NOT NULL CHECK (day ~ '^[0-9]{8}$'),
  last  integer NOT NULL CHECK (last BETWEEN 1 AND 999999),
  PRIMARY KEY (kind, day)
);

-- Deadline alerts raised once per application, clock and light (the sweep's unique key).
CREATE TABLE application_alerts (
  application_id  bigint NOT NULL REFERENCES applications(id),
  clock           text NOT NULL CHECK (clock IN ('acceptance', 'decision')),
  light           text NOT NULL CHECK (light IN ('yellow', 'red')),
  raised_at       timestamptz NOT NULL,
  PRIMARY KEY (application_id, clock, light)
);

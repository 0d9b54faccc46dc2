-- The closed case loop: cases, their append-only history, deadline clocks, limits, routing.

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

-- Stage time limits per urgency (受理/核实/立案/派遣/核查/结案), configuration data with its source.
CREATE TABLE stage_limits (
  clock     text NOT NULL CHECK (clock IN ('filing', 'check', 'dispatch', 'verify', 'closing')),
  urgency   text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  amount    integer NOT NULL CHECK (amount > 0),
  unit      text NOT NULL,
  source    text NOT NULL,
  PRIMARY KEY (clock, urgency)
);

-- Handling time limits (处置时限) per class × filing condition (立案条件) × urgency. The most specific
-- class prefix wins; condition 'default' applies when the case names none.
CREATE TABLE handling_limits (
  id                 serial PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('component', 'matter')),
  standard           text NOT NULL,
  class_code_prefix  text NOT NULL,
  condition          text NOT NULL DEFAULT 'default',
  condition_text     text,
  urgency            text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  amount             integer NOT NULL CHECK (amount > 0),
  unit               text NOT NULL,
  closing_condition  text,
  source             text NOT NULL,
  UNIQUE (kind, standard, class_code_prefix, condition, urgency)
);

-- Admin overrides of the working calendar (a new year's official holiday schedule).
CREATE TABLE calendar_overrides (
  date  date PRIMARY KEY,
  kind  text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  name  text
);

-- Ordered routing rules: class × region → department, or the component's own maintainer.
CREATE TABLE routing_rules (
  id                 serial PRIMARY KEY,
  position           integer NOT NULL,
  name               text NOT NULL,
  kind               text CHECK (kind IN ('component', 'matter')),
  standard           text,
  class_code_prefix  text,
  region_code        text REFERENCES regions(code),
  use_component_owner boolean NOT NULL DEFAULT false,
  department_id      integer REFERENCES departments(id),
  active             boolean NOT NULL DEFAULT true,
  version            integer NOT NULL DEFAULT 1,
  CHECK (use_component_owner OR department_id IS NOT NULL)
);
CREATE INDEX routing_rules_position_idx ON routing_rules (position, id);

-- Human case numbers: district code + date + daily sequence.
CREATE TABLE case_number_counters (
  district_code text NOT NULL,
  day           date NOT NULL,
  last          integer NOT NULL,
  PRIMARY KEY (district_code, day)
);

CREATE TABLE cases (
  id                bigserial PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  source            text NOT NULL CHECK (source IN ('inspector', 'public', 'hotline', 'sensor', 'video', 'leader', 'other')),
  kind              text NOT NULL CHECK (kind IN ('component', 'matter')),
  classification_id integer NOT NULL REFERENCES classifications(id),
  filing_condition  text NOT NULL DEFAULT 'default',
  component_id      uuid REFERENCES components(id),
  location          geometry(Point, 4326) NOT NULL,
  grid_code         text NOT NULL REFERENCES regions(code),
  community_code    text NOT NULL REFERENCES regions(code),
  street_code       text NOT NULL REFERENCES regions(code),
  district_code     text NOT NULL REFERENCES regions(code),
  address           text,
  description       text NOT NULL,
  urgency           text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  status            text NOT NULL,
  stage             text NOT NULL,
  department_id     integer REFERENCES departments(id),
  suggested_department_id integer REFERENCES departments(id),
  routing_explanation text,
  reported_by_user_id integer REFERENCES users(id),
  check_result      text,
  duplicate_of      bigint REFERENCES cases(id),
  returns           integer NOT NULL DEFAULT 0,
  reworks           integer NOT NULL DEFAULT 0,
  extensions        integer NOT NULL DEFAULT 0,
  suspensions       integer NOT NULL DEFAULT 0,
  reopenings        integer NOT NULL DEFAULT 0,
  escalations       integer NOT NULL DEFAULT 0,
  escalated         boolean NOT NULL DEFAULT false,
  handling_due_at   timestamptz,
  handling_overdue  boolean NOT NULL DEFAULT false,
  overdue_tier      text NOT NULL DEFAULT 'on_time' CHECK (overdue_tier IN ('on_time', 'overdue', 'severely_overdue')),
  closure_type      text,
  closed_at         timestamptz,
  reported_at       timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_grid_idx ON cases (grid_code text_pattern_ops);
CREATE INDEX cases_status_idx ON cases (status, reported_at DESC, id DESC);
CREATE INDEX cases_department_idx ON cases (department_id, status);
CREATE INDEX cases_reported_idx ON cases (reported_at DESC, id DESC);
CREATE INDEX cases_location_idx ON cases USING gist (location);
CREATE INDEX cases_class_idx ON cases (classification_id, reported_at DESC);

-- Deadline clocks: one row per clock and round (the handling clock restarts on rework).
CREATE TABLE case_clocks (
  case_id     bigint NOT NULL REFERENCES cases(id),
  clock       text NOT NULL,
  round       integer NOT NULL,
  started_at  timestamptz NOT NULL,
  limit_amount double precision NOT NULL CHECK (limit_amount > 0),
  limit_unit  text NOT NULL,
  due_at      timestamptz,
  pauses      jsonb NOT NULL DEFAULT '[]',
  stopped_at  timestamptz,
  PRIMARY KEY (case_id, clock, round)
);
CREATE INDEX case_clocks_running_idx ON case_clocks (due_at) WHERE stopped_at IS NULL;

-- The history: the source of truth for timelines and evaluation. Append-only.
CREATE TABLE case_events (
  id           bigserial PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases(id),
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     integer,
  actor_name   text,
  actor_role   text,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  reason       text,
  note         text,
  attachments  jsonb NOT NULL DEFAULT '[]',
  changes      jsonb NOT NULL DEFAULT '{}',
  effects      jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
CREATE INDEX case_events_at_idx ON case_events (at, action);
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TABLE case_photos (
  case_id   bigint NOT NULL REFERENCES cases(id),
  file_id   uuid NOT NULL,
  phase     text NOT NULL CHECK (phase IN ('before', 'after')),
  added_by  integer REFERENCES users(id),
  added_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, file_id)
);

-- Deadline alerts raised by the sweep, once each (the unique key makes the sweep idempotent).
CREATE TABLE case_deadline_alerts (
  case_id  bigint NOT NULL REFERENCES cases(id),
  clock    text NOT NULL,
  round    integer NOT NULL,
  level    text NOT NULL CHECK (level IN ('near', 'overdue', 'severely_overdue')),
  raised_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, clock, round, level)
);

-- Foundation: geography, classification, departments, components, identity, audit, idempotency.
-- Runs unchanged on PGlite (PostgreSQL 18 + PostGIS 3.6) and PostgreSQL 15+ with PostGIS 3.

CREATE EXTENSION IF NOT EXISTS postgis;

-- Regions: 区县 (6-digit GB/T 2260) → 街道/乡镇 (9) → 社区/村 (12) → 单元网格 (15, or 14 legacy).
-- Codes are hierarchical by prefix, which is what jurisdiction scoping relies on.
CREATE TABLE regions (
  code          text PRIMARY KEY,
  name          text NOT NULL,
  short_name    text,
  level         text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  parent_code   text REFERENCES regions(code),
  code_scheme   text NOT NULL,
  geom          geometry(MultiPolygon, 4326) NOT NULL,
  area_m2       double precision NOT NULL,
  centroid      geometry(Point, 4326) NOT NULL,
  synthetic     boolean NOT NULL DEFAULT false,
  source        text,
  land_use_code text,
  management_level text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'district') = (parent_code IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_code, code);
CREATE INDEX regions_level_idx ON regions (level, code);
CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);

-- Bumped whenever grids change, so every process rebuilds its in-memory locate index.
CREATE TABLE geography_revision (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision  bigint NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO geography_revision (id, revision) VALUES (true, 0);

-- National classification of components (部件) and matters (事项, formerly 事件).
CREATE TABLE classifications (
  id            serial PRIMARY KEY,
  standard      text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('component', 'matter')),
  major_code    text NOT NULL,
  major_name    text NOT NULL,
  code          text NOT NULL,
  name          text NOT NULL,
  confidence    text NOT NULL,
  source_note   text,
  is_extension  boolean NOT NULL DEFAULT false,
  public_name   text,
  help_text     text,
  active        boolean NOT NULL DEFAULT true,
  UNIQUE (standard, kind, code)
);

CREATE TABLE classification_crosswalk (
  from_id  integer NOT NULL REFERENCES classifications(id),
  to_id    integer NOT NULL REFERENCES classifications(id),
  match    text NOT NULL CHECK (match IN ('exact', 'renamed')),
  note     text,
  PRIMARY KEY (from_id, to_id)
);

-- 专业部门 and other units (主管部门, 权属单位, 养护单位), identified by the unified social credit code.
CREATE TABLE departments (
  id            serial PRIMARY KEY,
  credit_code   text UNIQUE,
  name          text NOT NULL UNIQUE,
  short_name    text,
  kind          text NOT NULL,
  region_code   text REFERENCES regions(code),
  phone         text,
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- What a department is responsible for: a class (or a whole major class) in a region (prefix).
CREATE TABLE department_responsibilities (
  id                 serial PRIMARY KEY,
  department_id      integer NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('component', 'matter')),
  standard           text NOT NULL,
  class_code_prefix  text NOT NULL,
  region_code        text NOT NULL REFERENCES regions(code),
  UNIQUE (department_id, kind, standard, class_code_prefix, region_code)
);

-- 城市部件 instances.
CREATE TABLE components (
  id              uuid PRIMARY KEY,
  identifier      text NOT NULL UNIQUE,
  classification_id integer NOT NULL REFERENCES classifications(id),
  name            text NOT NULL,
  geom            geometry(Geometry, 4326) NOT NULL,
  grid_code       text REFERENCES regions(code),
  community_code  text REFERENCES regions(code),
  street_code     text REFERENCES regions(code),
  district_code   text NOT NULL REFERENCES regions(code),
  competent_department_id integer NOT NULL REFERENCES departments(id),
  owner_department_id     integer REFERENCES departments(id),
  maintainer_department_id integer REFERENCES departments(id),
  status          text NOT NULL CHECK (status IN ('intact', 'damaged', 'lost', 'abandoned', 'removed')),
  initial_date    date NOT NULL,
  changed_date    date,
  data_source     text CHECK (data_source IN ('surveyed', 'topographic_map', 'basic_geodata', 'other')),
  remarks         text,
  attributes      jsonb NOT NULL DEFAULT '{}',
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX components_grid_idx ON components (grid_code text_pattern_ops);
CREATE INDEX components_class_idx ON components (classification_id, id);
CREATE INDEX components_geom_idx ON components USING gist (geom);
CREATE INDEX components_dept_idx ON components (competent_department_id);
CREATE INDEX components_maint_idx ON components (maintainer_department_id);

-- Staff accounts. Role and position follow the standard split of duties (docs/domain/roles.md).
CREATE TABLE users (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'supervisor', 'dispatcher', 'handler', 'department_lead', 'inspector', 'leader')),
  position      text CHECK (position IN ('operator', 'shift_lead')),
  department_id integer REFERENCES departments(id),
  active        boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Jurisdiction: the regions a staff account works in (a code covers everything below it).
CREATE TABLE user_regions (
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  region_code text NOT NULL REFERENCES regions(code),
  PRIMARY KEY (user_id, region_code)
);

-- Sessions and personal API tokens: only a SHA-256 of the token is stored.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  client_ip   text,
  user_agent  text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id          serial PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name        text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  prefix      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz,
  last_used_at timestamptz,
  revoked_at  timestamptz
);

-- Append-only audit log: every write and every read of personal data.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    integer,
  actor_name  text,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text,
  client_ip   text,
  request_id  text,
  detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Idempotency-Key: the stored response of a committed write, replayed on retry.
CREATE TABLE idempotency_keys (
  scope         text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status_code   integer NOT NULL,
  response_body jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

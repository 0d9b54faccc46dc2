-- Evaluation rollups (统计汇总): daily base counts maintained in the same transaction as each case
-- action, so evaluation and analytics read O(subjects × days) rows instead of the history. Each
-- row is the sum, over every case, of what src/evaluation/contributions.ts derives from the
-- case's history; `shuzhi rollups rebuild` recomputes them from case_events.

-- Case facts by place × class × department × local day. Every case contributes to its grid, its
-- community and its street row (level), so a street or a community reads its own rows. The
-- department is the one in charge at the event (flows) or the last one dispatched to (cohorts);
-- 0 when none.
CREATE TABLE eval_case_rollups (
  level               text NOT NULL CHECK (level IN ('grid', 'community', 'street')),
  region_code         text NOT NULL,
  day                 date NOT NULL,
  class_id            integer NOT NULL,
  department_id       integer NOT NULL,
  reported            integer NOT NULL DEFAULT 0,
  self_handled        integer NOT NULL DEFAULT 0,
  filed               integer NOT NULL DEFAULT 0,
  filed_by_inspector  integer NOT NULL DEFAULT 0,
  filed_by_others     integer NOT NULL DEFAULT 0,
  to_close            integer NOT NULL DEFAULT 0,
  closed              integer NOT NULL DEFAULT 0,
  closed_on_time      integer NOT NULL DEFAULT 0,
  to_handle           integer NOT NULL DEFAULT 0,
  handled             integer NOT NULL DEFAULT 0,
  handled_on_time     integer NOT NULL DEFAULT 0,
  handled_late        integer NOT NULL DEFAULT 0,
  overdue             integer NOT NULL DEFAULT 0,
  returns             integer NOT NULL DEFAULT 0,
  reworks             integer NOT NULL DEFAULT 0,
  extensions          integer NOT NULL DEFAULT 0,
  suspensions         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, day, region_code, class_id, department_id)
);
-- Department evaluation sums the street rows of a period grouped by department.
CREATE INDEX eval_case_rollups_department_idx ON eval_case_rollups (department_id, level, day);

-- Facts of people (岗位) by actor × local day: what each inspector, operator, shift lead and
-- dispatcher did, and how it turned out.
CREATE TABLE eval_actor_rollups (
  actor_id                 integer NOT NULL,
  day                      date NOT NULL,
  reports                  integer NOT NULL DEFAULT 0,
  valid_reports            integer NOT NULL DEFAULT 0,
  checks                   integer NOT NULL DEFAULT 0,
  checks_on_time           integer NOT NULL DEFAULT 0,
  verifications            integer NOT NULL DEFAULT 0,
  verifications_on_time    integer NOT NULL DEFAULT 0,
  check_tasks_sent         integer NOT NULL DEFAULT 0,
  check_tasks_sent_on_time integer NOT NULL DEFAULT 0,
  verify_tasks_sent        integer NOT NULL DEFAULT 0,
  verify_tasks_sent_on_time integer NOT NULL DEFAULT 0,
  filings                  integer NOT NULL DEFAULT 0,
  filings_on_time          integer NOT NULL DEFAULT 0,
  filings_voided           integer NOT NULL DEFAULT 0,
  closings                 integer NOT NULL DEFAULT 0,
  closings_on_time         integer NOT NULL DEFAULT 0,
  dispatches               integer NOT NULL DEFAULT 0,
  dispatches_on_time       integer NOT NULL DEFAULT 0,
  dispatches_undone        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, actor_id)
);

-- Reports by local hour, for the time-of-day × weekday pattern.
CREATE TABLE eval_hour_rollups (
  level          text NOT NULL CHECK (level IN ('grid', 'community', 'street')),
  region_code    text NOT NULL,
  day            date NOT NULL,
  hour           smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
  class_id       integer NOT NULL,
  department_id  integer NOT NULL,
  reported       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, day, region_code, hour, class_id, department_id)
);

-- Evaluation profiles stored as configuration: a city's own, or an override of a built-in one.
CREATE TABLE evaluation_profiles (
  key         text PRIMARY KEY,
  object      text NOT NULL,
  definition  jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_by  integer REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

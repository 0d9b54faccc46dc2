-- 政务服务事项目录 — the service item catalogue (src/catalogue, docs/domain/service-catalogue.md).
-- An item is the stable entry with its codes and place in the 主项 → 子项 → 办理项 tree; its
-- content (name, 办事指南, application form) lives in versions: draft → published (frozen) →
-- retired. The services check every rule (src/catalogue/rules.ts); the constraints here are the
-- last line.

-- Trigram indexes for the Chinese keyword search (PGlite loads the same contrib extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE catalogue_items (
  id                          serial PRIMARY KEY,
  -- 基本编码 (≤ 10) and 实施编码 (≤ 24), GB/T 39046-2020; province layouts are kept opaque.
  basic_code                  text NOT NULL UNIQUE CHECK (basic_code ~ '^[0-9A-Z][0-9A-Z-]{0,9}$'),
  implementation_code         text NOT NULL UNIQUE CHECK (implementation_code ~ '^[0-9A-Z][0-9A-Z-]{0,23}$'),
  kind                        text NOT NULL CHECK (kind IN ('licensing', 'confirmation', 'adjudication',
                                'benefit', 'reward', 'filing', 'other_power', 'public_service')),
  level                       text NOT NULL CHECK (level IN ('main', 'sub', 'handling')),
  parent_id                   integer REFERENCES catalogue_items (id),
  situation                   text CHECK (situation IN ('new', 'change', 'renewal', 'cancellation', 'other')),
  -- 一件事 bundle: its versions list child items and their form is the union of the children's.
  is_bundle                   boolean NOT NULL DEFAULT false,
  department_id               integer NOT NULL REFERENCES departments (id),
  implementing_org_credit_code text NOT NULL
                                CHECK (implementing_org_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  competent_department        text NOT NULL CHECK (char_length(competent_department) BETWEEN 1 AND 100),
  version                     integer NOT NULL DEFAULT 1,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'main') = (parent_id IS NULL)),
  CHECK (situation IS NULL OR level = 'handling'),
  CHECK (NOT is_bundle OR level = 'main')
);
CREATE INDEX catalogue_items_parent_idx ON catalogue_items (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX catalogue_items_department_idx ON catalogue_items (department_id);

CREATE TABLE catalogue_item_versions (
  id               serial PRIMARY KEY,
  item_id          integer NOT NULL REFERENCES catalogue_items (id),
  number           integer NOT NULL CHECK (number >= 1),
  state            text NOT NULL CHECK (state IN ('draft', 'published', 'retired')),
  -- Civil dates, inclusive; a published version always has valid_from.
  valid_from       date,
  valid_to         date,
  name             text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  aliases          text[] NOT NULL DEFAULT '{}',
  life_events      text[] NOT NULL DEFAULT '{}',
  -- Copies of guide.subjects and guide.channels, for the search filters.
  subjects         text[] NOT NULL DEFAULT '{}',
  channels         text[] NOT NULL DEFAULT '{}',
  -- 最多跑一次: the most on-site visits any offered channel needs (guide.visits).
  max_visits       integer NOT NULL DEFAULT 0 CHECK (max_visits >= 0),
  guide            jsonb NOT NULL,
  form             jsonb NOT NULL,
  bundle_item_ids  integer[] NOT NULL DEFAULT '{}',
  source           text,
  -- Name, aliases and guide text, lower-cased, written by the service (catalogue/search-text.ts).
  search_text      text NOT NULL,
  published_at     timestamptz,
  retired_at       timestamptz,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, number),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
  CHECK (state = 'draft' OR (valid_from IS NOT NULL AND published_at IS NOT NULL)),
  CHECK ((state = 'retired') = (retired_at IS NOT NULL))
);
-- At most one draft per item: a change is one new draft copied from the latest version.
CREATE UNIQUE INDEX catalogue_item_versions_one_draft ON catalogue_item_versions (item_id)
  WHERE state = 'draft';
CREATE INDEX catalogue_item_versions_published_idx ON catalogue_item_versions (item_id, valid_from)
  WHERE state = 'published';
-- Keyword search over published versions (LIKE '%词%' on three or more characters uses it).
CREATE INDEX catalogue_item_versions_search_idx ON catalogue_item_versions
  USING gin (search_text gin_trgm_ops) WHERE state = 'published';
CREATE INDEX catalogue_item_versions_life_events_idx ON catalogue_item_versions
  USING gin (life_events) WHERE state = 'published';

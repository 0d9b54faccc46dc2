-- Open311, second part (src/open311, docs/api/open311.md): per-class service rules (batch services,
-- sensitive locations), uploaded media, duplicate detection, citizen updates, and the reporter's
-- e-mail address (encrypted like the other reporter fields, docs/privacy.md).

-- Service rules per class of the GB/T 47678.5-2026 directory, by code so they survive a reload of
-- the classification data. A class without a row is `realtime` and not sensitive.
--  * type = batch: the report needs an on-site check (核实) before it becomes a request; POST
--    answers with a token only, which resolves to the service_request_id once the case is filed
--    or decided (docs/api/open311.md, "Batch services").
--  * sensitive: the report points at people or homes; Open311 shows its location rounded to
--    `location_decimals` decimal degrees, no address and no photos.
CREATE TABLE open311_service_rules (
  standard           text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('component', 'matter')),
  code               text NOT NULL,
  type               text NOT NULL DEFAULT 'realtime' CHECK (type IN ('realtime', 'batch')),
  sensitive          boolean NOT NULL DEFAULT false,
  location_decimals  integer NOT NULL DEFAULT 3 CHECK (location_decimals BETWEEN 0 AND 6),
  reason             text NOT NULL,
  PRIMARY KEY (standard, kind, code)
);

INSERT INTO open311_service_rules (standard, kind, code, type, sensitive, reason) VALUES
  ('GB/T 47678.5-2026', 'matter', '06001', 'batch', false, '私搭乱建：须监督员现场核实是否违法建设后立案'),
  ('GB/T 47678.5-2026', 'matter', '06002', 'batch', false, '店面无证装修：须现场核实有无许可'),
  ('GB/T 47678.5-2026', 'matter', '06039', 'batch', false, '违章开设道口：须现场核实有无许可'),
  ('GB/T 47678.5-2026', 'matter', '06022', 'batch', false, '非法伐树：须现场核实有无伐树许可'),
  ('GB/T 47678.5-2026', 'matter', '08003', 'batch', false, '无证掘路：须现场核实有无掘路许可'),
  ('GB/T 47678.5-2026', 'matter', '08016', 'batch', false, '无证建设：须现场核实有无规划许可'),
  ('GB/T 47678.5-2026', 'matter', '09003', 'realtime', true, '流浪乞讨：指向具体的人，不公开精确位置与照片'),
  ('GB/T 47678.5-2026', 'matter', '06005', 'realtime', true, '临街阳台、屋顶脏乱差：指向住户'),
  ('GB/T 47678.5-2026', 'matter', '06007', 'realtime', true, '沿街晾挂：指向住户'),
  ('GB/T 47678.5-2026', 'matter', '06027', 'realtime', true, '油烟污染：常为邻里投诉，指向住户或商户'),
  ('GB/T 47678.5-2026', 'matter', '06028', 'realtime', true, '噪声扰民：常为邻里投诉，指向住户'),
  ('GB/T 47678.5-2026', 'matter', '06038', 'realtime', true, '擅自饲养家禽家畜：指向住户');

-- What an Open311 request carried beyond the case: batch flag, duplicate fingerprint and the
-- keyed hash of the client's device id (never the id itself).
ALTER TABLE open311_requests
  ADD COLUMN batch        boolean NOT NULL DEFAULT false,
  ADD COLUMN fingerprint  text,
  ADD COLUMN device_index text,
  ADD COLUMN client_request_id text;
CREATE INDEX open311_requests_fingerprint_idx ON open311_requests (api_key_id, fingerprint, created_at);

-- Files uploaded through Open311 (request `media`, update `media`): these, and only these (plus
-- after-photos of closed cases), are served publicly under /open311/v2/media.
CREATE TABLE open311_media (
  file_id     uuid PRIMARY KEY REFERENCES files(id),
  case_id     bigint NOT NULL REFERENCES cases(id),
  source      text NOT NULL CHECK (source IN ('request', 'update')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open311_media_case_idx ON open311_media (case_id);

-- Citizen updates posted through servicerequestupdates: the case event they became, and the
-- client's own update id so that a retried POST answers with the same update_id.
CREATE TABLE open311_updates (
  case_event_id    bigint PRIMARY KEY REFERENCES case_events(id),
  case_id          bigint NOT NULL REFERENCES cases(id),
  api_key_id       bigint NOT NULL REFERENCES open311_api_keys(id),
  client_update_id text,
  fingerprint      text NOT NULL,
  media_url        text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX open311_updates_client_idx ON open311_updates (api_key_id, client_update_id)
  WHERE client_update_id IS NOT NULL;
CREATE INDEX open311_updates_fingerprint_idx ON open311_updates (api_key_id, fingerprint, created_at);

-- The reporter's e-mail address (Open311 `email`), an AES-256-GCM envelope like the other fields.
ALTER TABLE case_reporters ADD COLUMN email_enc text CHECK (email_enc ~ '^v[0-9]+:');

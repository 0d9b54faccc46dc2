-- Reopen requests (重新办理申请) also come from Open311 clients: FixMyStreet's REOPEN update status
-- (a reporter saying a closed report is not fixed) files one for the shift lead, with no rating.
ALTER TABLE reopen_requests ALTER COLUMN rating_id DROP NOT NULL;
ALTER TABLE reopen_requests ADD COLUMN source text NOT NULL DEFAULT 'rating'
  CHECK (source IN ('rating', 'open311'));
ALTER TABLE reopen_requests ADD CONSTRAINT reopen_requests_source_rating_check
  CHECK ((source = 'rating') = (rating_id IS NOT NULL));
-- A case may be reopened, closed again and asked about again: one pending request per case, not
-- one ever (a rating still asks at most once, as a case is rated once).
ALTER TABLE reopen_requests DROP CONSTRAINT reopen_requests_case_id_key;
CREATE UNIQUE INDEX reopen_requests_pending_case_idx ON reopen_requests (case_id) WHERE status = 'pending';
CREATE INDEX reopen_requests_case_idx ON reopen_requests (case_id);

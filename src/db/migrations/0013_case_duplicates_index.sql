-- Probable duplicates (src/cases/queries.ts: an open case of the same class within 50 m and 7
-- days) are looked up whenever a case is shown, by ST_DWithin on geography. No index served it:
-- the GiST index on `location` is on geometry, so the planner walked the class's cases of those two
-- weeks and computed each distance — at 10 M cases 4,233 rows on 3,214 heap pages, 39 ms per case
-- view (docs/benchmarks.md). Open, unmerged cases are ~1 % of a register; a partial GiST index on
-- their geography finds the neighbours directly (1 ms).
CREATE INDEX cases_open_location_idx ON cases USING gist ((location::geography))
  WHERE status NOT IN ('closed', 'rejected', 'merged', 'cancelled') AND duplicate_of IS NULL;

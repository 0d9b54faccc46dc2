-- The case list of one department in one status (a department's in-progress work, 处置中) newest
-- first, keyset-paged on (reported_at, id): without this index PostgreSQL walks cases_reported_idx
-- from the newest case and filters, which grows with the register and with the page's depth
-- (1 M cases: 120–210 ms a page, docs/benchmarks.md); with it, a page is an index range scan (< 1 ms).
-- It replaces cases_department_idx (department_id, status), whose uses it covers.
CREATE INDEX cases_department_list_idx ON cases (department_id, status, reported_at DESC, id DESC);
DROP INDEX cases_department_idx;

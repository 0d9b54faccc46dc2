-- 来访: a resident who walks into the supervision centre to report a problem. The operator
-- (受理员) registers it with the reporter's contact like a hotline call, but evaluation and the
-- statistics count the channels apart, so it is a source of its own rather than 'other'.
ALTER TABLE cases DROP CONSTRAINT cases_source_check;
ALTER TABLE cases ADD CONSTRAINT cases_source_check
  CHECK (source IN ('inspector', 'public', 'hotline', 'walk_in', 'sensor', 'video', 'leader', 'other'));

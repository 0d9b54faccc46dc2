-- 应处置 cohort facts (src/evaluation/contributions.ts): of the dispatches (应处置数) of a day, those
-- handled since, and those handled on time. 日常处置率 and 应处置按期完成率 divide these by 应处置数,
-- so they cannot pass 100 % as the handlings-of-the-period did (issue #11 §5). Existing rows start
-- at 0: run `shuzhi rollups rebuild` once after this migration to fill them from the history.
ALTER TABLE eval_case_rollups
  ADD COLUMN handled_of_due integer NOT NULL DEFAULT 0,
  ADD COLUMN handled_on_time_of_due integer NOT NULL DEFAULT 0;

-- 录入全年节假日: the years whose national holiday schedule an administrator entered as a whole
-- (PUT /api/v1/calendar/years/:year). A year counts as known only through this or the packaged
-- official data, not through a single day's override (a local closure says nothing of 元旦).
create table calendar_years (
  year integer primary key check (year between 1900 and 2200),
  entered_by bigint references users(id),
  entered_at timestamptz not null default now()
);

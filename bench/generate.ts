/**
 * The synthetic city's case register, written in bulk by SQL (generate_series), not through the
 * API: one plan row per case (when, where, what, which path, how long), then the cases, their
 * history events and their clock rounds, in chunks, with the secondary indexes dropped during the
 * load and rebuilt after, foreign-key triggers off (session_replication_role = replica; the
 * generator writes consistent keys) and synchronous_commit off for the generator's sessions only.
 *
 * Fidelity: the events are the workflow's own steps with its effects (bench/paths.ts); the
 * departments come from the real routing (routeCase) per class and street; the handling limits
 * from the real limit tables. Deadlines are placed at the limit's mean natural length (working
 * days × 7/5, 8 working hours a day) instead of walking the working calendar, and the history has
 * no outbox, notification or audit rows (the fan-out and retention jobs would have consumed them).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/index.js';
import type { DB } from '../src/db/schema.js';
import { limitFor, loadLimitTables } from '../src/cases/clocks.js';
import { routeCase } from '../src/cases/routing/service.js';
import type { CityDistributions } from './distributions.js';
import { PATH_SHARES } from './distributions.js';
import { buildVariants, groupOf } from './paths.js';
import '../src/cases/tables.js';

/** Matter classes of the demo simulation, in order of weight, then component classes. */
const CLASS_ORDER = [
  '06010',
  '07001',
  '06036',
  '06012',
  '09005',
  '06011',
  '06042',
  '09001',
  '09006',
  '09010',
  '09009',
  '06013',
  '06001',
  '06007',
  '06034',
  '06035',
  '08002',
  '06040',
  '07003',
  '08004',
  '08006',
];

export interface GenerateOptions {
  cases: number;
  /** The generated present: reports spread over `months` before it. */
  end: Date;
  months: number;
  /** Cases per statement. */
  chunk?: number;
  /** Concurrent generator sessions (PostgreSQL only). */
  sessions?: number;
  seed?: number;
  say?: (message: string) => void;
}

export interface GenerateReport {
  cases: number;
  events: number;
  clocks: number;
  loadMs: number;
  indexMs: number;
  bytes: number | null;
}

function hoursMinutes(amount: number, unit: string): number {
  // Mean natural length of a working-time limit: a working day is 8 working hours and 5 of 7 days.
  switch (unit) {
    case 'working_days':
      return amount * 1440 * 1.4;
    case 'working_hours':
      return (amount / 8) * 1440 * 1.4;
    case 'working_minutes':
      return amount;
    case 'natural_days':
      return amount * 1440;
    case 'natural_hours':
      return amount * 60;
    default:
      return amount;
  }
}

const lit = (value: string | number | boolean | null): string =>
  value === null ? 'null' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);

/** Small lookup tables the generator joins: classes, grids, channels, paths, durations, routes. */
export async function prepareGenerator(db: Kysely<DB>, dist: CityDistributions): Promise<void> {
  await sql`drop table if exists bench_classes, bench_grids, bench_sources, bench_variants, bench_steps, bench_clock_tpl, bench_routes, bench_stage_limits, bench_durations, bench_hours`.execute(
    db,
  );
  const classes = await db
    .selectFrom('classifications')
    .select(['id', 'kind', 'standard', 'code', 'name'])
    .where('standard', '=', 'GB/T 47678.5-2026')
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const ordered = [
    ...CLASS_ORDER.map((code) => byCode.get(code)).filter((c) => c !== undefined),
    ...classes.filter((c) => c.kind === 'component'),
  ].slice(0, dist.typeWeights.length);
  const weights = dist.typeWeights.slice(0, ordered.length);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const limits = await db.transaction().execute((tx) => loadLimitTables(tx));
  const streets = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'street')
    .orderBy('code')
    .execute();
  const anyGrid = new Map<string, string>();
  for (const street of streets) {
    const grid = await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 'grid')
      .where('code', 'like', `${street.code}%`)
      .limit(1)
      .executeTakeFirst();
    if (grid) anyGrid.set(street.code, grid.code);
  }
  const fallback = await db.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow();
  const classRows: string[] = [];
  const routeRows: string[] = [];
  let lower = 0;
  for (const [i, cls] of ordered.entries()) {
    const subject = {
      id: 0,
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      filingCondition: 'default',
    };
    const normal = limitFor(limits, 'handling', { ...subject, urgency: 'normal' });
    const urgent = limitFor(limits, 'handling', { ...subject, urgency: 'urgent' });
    classRows.push(
      `(${i + 1}, ${lower}, ${cls.id}, ${lit(cls.kind)}, ${lit(cls.name)}, ${normal.amount}, ${lit(normal.unit)}, ${hoursMinutes(normal.amount, normal.unit)}, ${urgent.amount}, ${lit(urgent.unit)}, ${hoursMinutes(urgent.amount, urgent.unit)})`,
    );
    lower += weights[i]! / totalWeight;
    for (const street of streets) {
      const grid = anyGrid.get(street.code);
      if (!grid) continue;
      const routed = await db.transaction().execute((tx) =>
        routeCase(tx, {
          kind: cls.kind,
          standard: cls.standard,
          classCode: cls.code,
          gridCode: grid,
          componentId: null,
        }),
      );
      routeRows.push(`(${i + 1}, ${lit(street.code)}, ${routed?.departmentId ?? fallback.id})`);
    }
  }
  await sql
    .raw(
      `create table bench_classes (i int primary key, lo float8, id int, kind text, name text,
         n_amount float8, n_unit text, n_minutes float8, u_amount float8, u_unit text, u_minutes float8);
       insert into bench_classes values ${classRows.join(',')};
       create table bench_routes (i int, street_code text, department_id int, primary key (i, street_code));
       insert into bench_routes values ${routeRows.join(',')};
       create table bench_grids as
         select (row_number() over (order by md5(code)))::int as i, code, parent_code as community_code,
                left(code, 9) as street_code, ST_X(centroid) as lng, ST_Y(centroid) as lat
         from regions where level = 'grid';
       alter table bench_grids add primary key (i);`,
    )
    .execute(db);
  await prepareStaff(db);
  const sources: string[] = [];
  let cum = 0;
  for (const [source, share] of dist.channels) {
    sources.push(`(${sources.length + 1}, ${cum}, ${lit(source)}, ${lit(groupOf(source))})`);
    cum += share;
  }
  const variants = buildVariants();
  const variantRows: string[] = [];
  const stepRows: string[] = [];
  const clockRows: string[] = [];
  const cumulative = { field: 0, desk: 0 };
  for (const v of variants) {
    const handling = v.clocks.filter((c) => c.clock === 'handling');
    const h1 = handling[0];
    const h2 = handling[1];
    const k = (n: number | null | undefined) => (n === null || n === undefined ? 'null' : String(n));
    const f = (n: number | null | undefined) =>
      n === null || n === undefined ? 'null' : String(v.steps[n]!.frac);
    variantRows.push(
      `(${v.id}, ${lit(v.group)}, ${cumulative[v.group]}, ${v.steps.length}, ${k(h1?.startK)}, ${f(h1?.startK)}, ${k(h1?.stopK)}, ${f(h1?.stopK)}, ${k(h2?.startK)}, ${f(h2?.startK)}, ${k(h2?.stopK)}, ${f(h2?.stopK)}, ${k(h1?.pauseK)}, ${f(h1?.pauseK)}, ${k(h1?.resumeK)}, ${f(h1?.resumeK)}, ${k(h1?.extendK)})`,
    );
    cumulative[v.group] += v.share;
    for (const s of v.steps) {
      stepRows.push(
        `(${v.id}, ${s.k}, ${s.frac}, ${lit(s.action)}, ${lit(s.from)}, ${lit(s.to)}, ${lit(s.stage)}, ${lit(s.actorKey)}, ${lit(s.actorRole)}, ${lit(s.reason)}, ${lit(s.effects)}, ${lit(s.changes)}, ${s.dynamic}, ${s.hasDepartment}, ${s.returns}, ${s.reworks}, ${s.extensions}, ${s.suspensions}, ${lit(s.checkResult)}, ${s.closed}, ${s.handlingRound})`,
      );
    }
    for (const c of v.clocks) {
      clockRows.push(
        `(${v.id}, ${lit(c.clock)}, ${c.round}, ${c.startK}, ${f(c.startK)}, ${k(c.stopK)}, ${f(c.stopK)})`,
      );
    }
  }
  const durations = dist.closureHours;
  await sql
    .raw(
      `create table bench_sources (i int primary key, lo float8, source text, grp text);
       insert into bench_sources values ${sources.join(',')};
       create table bench_variants (id int primary key, grp text, lo float8, steps int,
         h1s int, h1s_f float8, h1e int, h1e_f float8, h2s int, h2s_f float8, h2e int, h2e_f float8,
         pz int, pz_f float8, rs int, rs_f float8, ext int);
       insert into bench_variants values ${variantRows.join(',')};
       create table bench_steps (variant int, k int, frac float8, action text, from_status text, to_status text,
         stage text, actor_key text, actor_role text, reason text, effects text, changes text, dynamic boolean,
         has_dept boolean, returns int, reworks int, extensions int, suspensions int, check_result text,
         closed boolean, handling_round int, primary key (variant, k));
       insert into bench_steps values ${stepRows.join(',')};
       alter table bench_steps add column changes_j jsonb, add column effects_j jsonb;
       update bench_steps set changes_j = changes::jsonb, effects_j = effects::jsonb where not dynamic;
       create table bench_clock_tpl (variant int, clock text, round int, start_k int, start_f float8,
         stop_k int, stop_f float8);
       insert into bench_clock_tpl values ${clockRows.join(',')};
       create table bench_stage_limits as
         select clock, urgency, amount::float8 as amount, unit from stage_limits;
       create table bench_durations (h float8[]);
       insert into bench_durations values (array[${durations.join(',')}]::float8[]);
       create table bench_hours (h float8[]);
       insert into bench_hours values (array[${dist.hours
         .reduce<number[]>((acc, share) => [...acc, (acc.at(-1) ?? 0) + share], [])
         .slice(0, 23)
         .join(',')}]::float8[]);
`,
    )
    .execute(db);
  await sql
    .raw(
      `create or replace function bench_at(t0 timestamptz, dur interval, frac float8, k int)
         returns timestamptz language sql immutable as $$ select t0 + dur * frac + make_interval(mins => k) $$`,
    )
    .execute(db);
}

/**
 * The hands of the history: one inspector per street and one handler per department (as the demo
 * simulation has), plus the demo's operator, shift lead and dispatcher, so every event names a
 * real user and the per-person evaluation has people to count.
 */
async function prepareStaff(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into users (username, display_name, password_hash, role)
    select 'bench-inspector-' || right(r.code, 3), r.name || '监督员', '!bench: no login', 'inspector'
    from regions r where r.level = 'street'
    on conflict (username) do nothing`.execute(db);
  await sql`
    insert into user_regions (user_id, region_code)
    select u.id, r.code from regions r join users u on u.username = 'bench-inspector-' || right(r.code, 3)
    where r.level = 'street'
    on conflict do nothing`.execute(db);
  await sql`
    insert into users (username, display_name, password_hash, role, department_id)
    select 'bench-handler-' || d.id, coalesce(d.short_name, d.name) || '处置人员', '!bench: no login', 'handler', d.id
    from departments d
    on conflict (username) do nothing`.execute(db);
  await sql
    .raw(
      `
    drop table if exists bench_staff;
    create table bench_staff as
      select r.code as street_code, null::int as department_id, u.id as user_id, u.username
        from regions r join users u on u.username = 'bench-inspector-' || right(r.code, 3) where r.level = 'street'
      union all
      select null, d.id, u.id, u.username from departments d join users u on u.username = 'bench-handler-' || d.id
      union all
      select null, null, u.id, u.username from users u where u.username in ('operator', 'supervisor', 'dispatcher');`,
    )
    .execute(db);
}

/** Thresholds array for width_bucket over a lookup table's `lo` column. */
function thresholds(table: string, where = ''): string {
  return `(select array_agg(lo order by lo) from ${table} ${where})`;
}

const staffId = (username: string) => `(select user_id from bench_staff where username = '${username}')`;
const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * One chunk of cases [lo, hi] in one statement: the plan (random draws, then the path's progress
 * by the generated present, the handling deadlines and whether each handling round was late) is
 * a materialized CTE that feeds the three inserts, so nothing is written twice.
 */
function chunkSql(lo: number, hi: number, options: GenerateOptions, seed: number, gridCount: number): string {
  const end = `timestamptz '${options.end.toISOString()}'`;
  const spanDays = Math.round(options.months * 30.44);
  const at = (frac: string, k: string) => `bench_at(p.t0, p.dur, ${frac}, ${k})`;
  const minutes = `make_interval(mins => (case when p.urgency = 'urgent' then c.u_minutes else c.n_minutes end)::int)`;
  return `
select setseed(${seed});
with base as materialized (
  select g.id,
    (${end} - make_interval(days => ${spanDays}))
      + make_interval(days => floor(random() * ${spanDays})::int)
      + make_interval(hours => width_bucket(random(), (select h from bench_hours)))
      + make_interval(secs => floor(random() * 3600)) - interval '8 hours' as t0,
    1 + floor(random() * ((select cardinality(h) from bench_durations) - 1))::int as dur_i,
    random() as dur_u,
    1 + floor(${gridCount} * random() ^ 2)::int as grid_i,
    width_bucket(random(), ${thresholds('bench_classes')}) as class_i,
    width_bucket(random(), ${thresholds('bench_sources')}) as source_i,
    case when random() < ${PATH_SHARES.urgent} then 'urgent' else 'normal' end as urgency,
    random() as u_path,
    (random() - 0.5) * 0.0006 as jx, (random() - 0.5) * 0.0006 as jy
  from generate_series(${lo}::bigint, ${hi}::bigint) g(id)
),
drawn as materialized (
  select b.id, b.t0, b.grid_i, b.class_i, b.urgency, b.jx, b.jy, s.source,
    -- report-to-end time: the sample's empirical closure times, interpolated in log space
    make_interval(secs => 3600 * exp(ln(greatest(d.h[b.dur_i], 0.01))
      + (ln(greatest(d.h[b.dur_i + 1], 0.01)) - ln(greatest(d.h[b.dur_i], 0.01))) * b.dur_u)) as dur,
    case when s.grp = 'field' then width_bucket(b.u_path, ${thresholds('bench_variants', "where grp = 'field'")})
         else (select count(*) from bench_variants where grp = 'field')::int
              + width_bucket(b.u_path, ${thresholds('bench_variants', "where grp = 'desk'")}) end as variant,
    coalesce(r.department_id, (select min(id) from departments)) as dept,
    ist.user_id as inspector_id
  from base b
  cross join bench_durations d
  join bench_sources s on s.i = b.source_i
  join bench_grids gr on gr.i = b.grid_i
  left join bench_routes r on r.i = b.class_i and r.street_code = gr.street_code
  left join bench_staff ist on ist.street_code = gr.street_code
),
progressed as materialized (
  select p.*, case when bench_at(p.t0, p.dur, 1, v.steps - 1) < ${end} then v.steps - 1
    else (select max(st.k) from bench_steps st
          where st.variant = p.variant and bench_at(p.t0, p.dur, st.frac, st.k) < ${end}) end as last_k
  from drawn p join bench_variants v on v.id = p.variant
),
dues as materialized (
  select p.*,
    case when v.h1s <= p.last_k then ${at('v.h1s_f', 'v.h1s')} + ${minutes}
      + case when v.ext <= p.last_k then interval '3 days' else interval '0' end
      + case when v.rs <= p.last_k then ${at('v.rs_f', 'v.rs')} - ${at('v.pz_f', 'v.pz')} else interval '0' end
    end as due1,
    case when v.h2s <= p.last_k then ${at('v.h2s_f', 'v.h2s')} + ${minutes} end as due2
  from progressed p join bench_variants v on v.id = p.variant join bench_classes c on c.i = p.class_i
),
plan as materialized (
  select p.*,
    coalesce(v.h1e <= p.last_k and ${at('v.h1e_f', 'v.h1e')} > p.due1, false) as late1,
    coalesce(v.h2e <= p.last_k and ${at('v.h2e_f', 'v.h2e')} > p.due2, false) as late2
  from dues p join bench_variants v on v.id = p.variant
),
new_cases as (
  insert into cases (id, number, source, kind, classification_id, filing_condition, location, grid_code,
    community_code, street_code, district_code, description, urgency, status, stage, department_id,
    suggested_department_id, reported_by_user_id, check_result, returns, reworks, extensions, suspensions, handling_due_at,
    handling_overdue, overdue_tier, closure_type, closed_at, reported_at, version, created_at, updated_at)
  select p.id, '110101' || to_char(p.t0 at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(p.id::text, 9, '0'),
    p.source, c.kind, c.id, 'default', ST_SetSRID(ST_MakePoint(g.lng + p.jx, g.lat + p.jy), 4326), g.code,
    g.community_code, g.street_code, '110101', c.name || '（城市规模基准）', p.urgency, s.to_status, s.stage,
    case when s.has_dept then p.dept end, p.dept,
    case when p.source = 'inspector' then p.inspector_id else ${staffId('operator')} end,
    s.check_result, s.returns, s.reworks, s.extensions,
    s.suspensions,
    case s.handling_round when 1 then p.due1 when 2 then p.due2 end,
    p.late1 or p.late2,
    case when s.handling_round = 1 and p.due1 < ${end} then 'overdue'
         when s.handling_round = 2 and p.due2 < ${end} then 'overdue' else 'on_time' end,
    case when s.closed then case when p.late1 or p.late2 then 'overdue' else 'normal' end end,
    case when s.closed then ${at('s.frac', 's.k')} end,
    p.t0, p.last_k + 1, p.t0, ${at('s.frac', 's.k')}
  from plan p
  join bench_classes c on c.i = p.class_i
  join bench_grids g on g.i = p.grid_i
  join bench_steps s on s.variant = p.variant and s.k = p.last_k
),
new_events as (
  insert into case_events (case_id, at, actor_id, actor_name, actor_role, action, from_status, to_status,
    reason, note, attachments, changes, effects)
  select p.id, ${at('s.frac', 's.k')}, a.user_id, a.username, s.actor_role, s.action,
    s.from_status, s.to_status, s.reason, case when s.k = 0 then c.name || '（城市规模基准）' end, '[]',
    case when s.dynamic then replace(replace(replace(replace(s.changes,
        '"__DEPT__"', p.dept::text),
        '__CLOSURE__', case when p.late1 or p.late2 then 'overdue' else 'normal' end),
        '__AT__', to_char(${at('s.frac', 's.k')} at time zone 'UTC', ${UTC_ISO})),
        '__SOURCE__', p.source)::jsonb else s.changes_j end,
    case when s.dynamic then replace(replace(replace(replace(s.effects,
        '"__DEPT__"', p.dept::text),
        '__CLOSURE__', case when p.late1 or p.late2 then 'overdue' else 'normal' end),
        '{"kind":"__LATE1__"},', case when p.late1 then '{"kind":"markHandlingOverdue"},' else '' end),
        '{"kind":"__LATE2__"},', case when p.late2 then '{"kind":"markHandlingOverdue"},' else '' end)::jsonb
      else s.effects_j end
  from plan p
  join bench_classes c on c.i = p.class_i
  join bench_steps s on s.variant = p.variant and s.k <= p.last_k
  left join bench_staff h on h.department_id = p.dept
  join bench_staff a on a.user_id = case
    when s.actor_key = 'inspector' or (s.actor_key = 'reporter' and p.source = 'inspector') then p.inspector_id
    when s.actor_key = 'handler' then h.user_id
    when s.actor_key = 'shift_lead' then ${staffId('supervisor')}
    when s.actor_key = 'dispatcher' then ${staffId('dispatcher')}
    else ${staffId('operator')} end
  order by p.id, s.k
)
insert into case_clocks (case_id, clock, round, started_at, limit_amount, limit_unit, due_at, pauses, stopped_at)
select p.id, t.clock, t.round, ${at('t.start_f', 't.start_k')},
  case when t.clock = 'handling' then case when p.urgency = 'urgent' then c.u_amount else c.n_amount end
       else l.amount end,
  case when t.clock = 'handling' then case when p.urgency = 'urgent' then c.u_unit else c.n_unit end
       else l.unit end,
  case when t.clock = 'handling' then case t.round when 1 then p.due1 else p.due2 end
       else ${at('t.start_f', 't.start_k')} + make_interval(mins => l.amount::int) end,
  case when t.clock = 'handling' and t.round = 1 and v.pz <= p.last_k then
    jsonb_build_array(jsonb_build_object(
      'from', to_char(${at('v.pz_f', 'v.pz')} at time zone 'UTC', ${UTC_ISO}),
      'to', case when v.rs <= p.last_k then to_char(${at('v.rs_f', 'v.rs')} at time zone 'UTC', ${UTC_ISO}) end))
    else '[]'::jsonb end,
  case when t.stop_k <= p.last_k then ${at('t.stop_f', 't.stop_k')} end
from plan p
join bench_variants v on v.id = p.variant
join bench_classes c on c.i = p.class_i
join bench_clock_tpl t on t.variant = p.variant and t.start_k <= p.last_k
left join bench_stage_limits l on l.clock = t.clock and l.urgency = p.urgency;`;
}

/** Secondary indexes of the bulk-loaded tables (primary keys and unique constraints stay). */
async function secondaryIndexes(db: Kysely<DB>): Promise<Array<{ name: string; definition: string }>> {
  const rows = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in ('cases', 'case_events', 'case_clocks')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`.execute(db);
  return rows.rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

export async function generateCases(
  database: Database,
  dist: CityDistributions,
  options: GenerateOptions,
): Promise<GenerateReport> {
  const { db } = database;
  const say = options.say ?? (() => {});
  await prepareGenerator(db, dist);
  const grids = await sql<{ n: number }>`select count(*)::int as n from bench_grids`.execute(db);
  const gridCount = grids.rows[0]!.n;
  const existing = await sql<{ n: number }>`select coalesce(max(id), 0)::bigint as n from cases`.execute(db);
  const first = Number(existing.rows[0]!.n) + 1;
  const last = first + options.cases - 1;
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await sql.raw(`drop index if exists ${index.name}`).execute(db);
  const chunk = options.chunk ?? 250_000;
  const ranges: Array<[number, number]> = [];
  for (let lo = first; lo <= last; lo += chunk) ranges.push([lo, Math.min(lo + chunk - 1, last)]);
  const sessions = database.backend === 'postgres' ? Math.max(1, options.sessions ?? 2) : 1;
  let started = performance.now();
  let done = 0;
  const worker = async () => {
    await db.connection().execute(async (conn) => {
      await sql`set synchronous_commit = off`.execute(conn);
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`set work_mem = '256MB'`.execute(conn);
      for (;;) {
        const range = ranges.shift();
        if (!range) break;
        const [lo, hi] = range;
        await sql.raw(chunkSql(lo, hi, options, (options.seed ?? 0.42) + lo / 1e12, gridCount)).execute(conn);
        done += hi - lo + 1;
        const elapsed = (performance.now() - started) / 1000;
        say(
          `  generated ${done.toLocaleString('en')} / ${options.cases.toLocaleString('en')} cases (${elapsed.toFixed(0)} s)`,
        );
      }
      await sql`set session_replication_role = origin`.execute(conn);
    });
  };
  await Promise.all(Array.from({ length: sessions }, worker));
  const loadMs = performance.now() - started;
  started = performance.now();
  say(`  rebuilding ${indexes.length} indexes…`);
  // Two sessions build indexes side by side on PostgreSQL.
  const queue = [...indexes];
  const builder = async () => {
    await db.connection().execute(async (conn) => {
      await sql`set maintenance_work_mem = '1GB'`.execute(conn);
      for (;;) {
        const index = queue.shift();
        if (!index) break;
        await sql.raw(index.definition).execute(conn);
      }
    });
  };
  await Promise.all(Array.from({ length: sessions }, builder));
  await sql`select setval(pg_get_serial_sequence('cases', 'id'), (select max(id) from cases))`.execute(db);
  await sql`select setval(pg_get_serial_sequence('case_events', 'id'), (select max(id) from case_events))`.execute(
    db,
  );
  // Case numbers of the generated days are taken (the generator's 9-digit sequence cannot collide
  // with the live 5-digit one, but the counters say how many each day has).
  await sql`
    insert into case_number_counters (district_code, day, last)
    select '110101', (reported_at at time zone 'Asia/Shanghai')::date, count(*) from cases
    group by 2
    on conflict (district_code, day) do update set last = greatest(case_number_counters.last, excluded.last)`.execute(
    db,
  );
  await sql`analyze cases`.execute(db);
  await sql`analyze case_events`.execute(db);
  await sql`analyze case_clocks`.execute(db);
  const indexMs = performance.now() - started;
  const counts = await sql<{ cases: number; events: number; clocks: number }>`
    select (select count(*) from cases)::bigint as cases, (select count(*) from case_events)::bigint as events,
           (select count(*) from case_clocks)::bigint as clocks`.execute(db);
  let bytes: number | null = null;
  if (database.backend === 'postgres') {
    const size = await sql<{ n: number }>`select pg_database_size(current_database())::bigint as n`.execute(
      db,
    );
    bytes = Number(size.rows[0]!.n);
  }
  const c = counts.rows[0]!;
  return {
    cases: Number(c.cases),
    events: Number(c.events),
    clocks: Number(c.clocks),
    loadMs,
    indexMs,
    bytes,
  };
}

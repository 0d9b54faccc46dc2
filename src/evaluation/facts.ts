/**
 * Base counts (基础数据) for evaluation, computed from the case history (`case_events`), the
 * handling clock rounds (`case_clocks`) and the case's location (`cases`), for a period
 * [from, to) and one kind of subject: departments or regions (street, community, grid).
 *
 * Every fact is a set of rows (fact, subject, ref, case_id); a count is the number of distinct
 * refs, and a drill-down lists the case ids behind it. Definitions: docs/domain/evaluation.md.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import '../cases/tables.js';
import { FACT_KEYS, type FactKey, type Facts } from './registry.js';

export type SubjectKind = 'department' | 'street' | 'community' | 'grid';

export interface Period {
  from: Date;
  to: Date;
}

const REGION_COLUMN = {
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code',
} as const;

/** The department in charge as of an event: the last department change up to and including it. */
function departmentAtEvent(event: string): RawBuilder<string | null> {
  return sql<string | null>`(
    select coalesce(d.changes->'department_id'->>'after', d.changes->'department_id'->>'before')
    from case_events d
    where d.case_id = ${sql.ref(`${event}.case_id`)} and d.id <= ${sql.ref(`${event}.id`)}
      and d.changes->'department_id' is not null
    order by d.id desc limit 1)`;
}

/** The department in charge of a case at the end of the period (the last one it was dispatched to). */
function departmentAt(caseId: RawBuilder<unknown>, to: Date): RawBuilder<string | null> {
  return sql<string | null>`(
    select coalesce(d.changes->'department_id'->>'after', d.changes->'department_id'->>'before')
    from case_events d
    where d.case_id = ${caseId} and d.at < ${to}::timestamptz and d.changes->'department_id' is not null
    order by d.id desc limit 1)`;
}

/** The fact rows of a period: (fact, subject, ref, case_id). */
export function factRows(kind: SubjectKind, period: Period): RawBuilder<unknown> {
  const { from, to } = period;
  const region = kind === 'department' ? null : sql.ref(`c.${REGION_COLUMN[kind]}`);
  const eventSubject = region ?? departmentAtEvent('e');
  const caseSubject = (caseId: RawBuilder<unknown>) => region ?? departmentAt(caseId, to);
  // A case is filed before any department has it: count it for the department in charge at the end.
  const filedSubject = region ? sql`subject` : departmentAt(sql`ev.case_id`, to);
  return sql`
    with ev as (
      select e.id, e.case_id, e.at, e.action, e.from_status, c.source, ${eventSubject} as subject
      from case_events e join cases c on c.id = e.case_id
      where e.at >= ${from}::timestamptz and e.at < ${to}::timestamptz
        and e.action in ('file', 'dispatch', 'handle', 'approve', 'fail')
    ),
    handle_ev as (
      select ev.*, (
        select k.due_at from case_clocks k
        where k.case_id = ev.case_id and k.clock = 'handling' and k.started_at <= ev.at
        order by k.round desc limit 1) as due_at
      from ev where ev.action = 'handle'
    ),
    cohort as (
      select f.case_id, ${caseSubject(sql`f.case_id`)} as subject, (
        select y.action || ':' || coalesce(y.changes->'closure_type'->>'after', '')
        from case_events y
        where y.case_id = f.case_id and y.action in ('close', 'reopen') and y.at < ${to}::timestamptz
        order by y.id desc limit 1) as last_closing
      from case_events f join cases c on c.id = f.case_id
      where f.action = 'file' and f.at >= ${from}::timestamptz and f.at < ${to}::timestamptz
        and not exists (
          select 1 from case_events x
          where x.case_id = f.case_id and x.action = 'cancel' and x.at < ${to}::timestamptz)
    )
    select 'reported' as fact, ${caseSubject(sql`c.id`)} as subject, c.id::text as ref, c.id as case_id
      from cases c where c.reported_at >= ${from}::timestamptz and c.reported_at < ${to}::timestamptz
    union all
    select 'filed', ${filedSubject}, case_id::text, case_id from ev where action = 'file'
    union all
    select 'filed_by_inspector', ${filedSubject}, case_id::text, case_id from ev
      where action = 'file' and source = 'inspector'
    union all
    select 'to_handle', subject, case_id::text, case_id from ev where action = 'dispatch'
    union all
    select 'handled', subject, id::text, case_id from handle_ev
    union all
    select 'handled_on_time', subject, id::text, case_id from handle_ev where due_at is null or at <= due_at
    union all
    select 'handled_late', subject, id::text, case_id from handle_ev where at > due_at
    union all
    select 'returns', subject, id::text, case_id from ev
      where action = 'approve' and from_status = 'return_requested'
    union all
    select 'extensions', subject, id::text, case_id from ev
      where action = 'approve' and from_status = 'extension_requested'
    union all
    select 'suspensions', subject, id::text, case_id from ev
      where action = 'approve' and from_status = 'suspension_requested'
    union all
    select 'reworks', subject, id::text, case_id from ev where action = 'fail'
    union all
    select 'overdue_open', ${caseSubject(sql`k.case_id`)}, k.case_id::text || ':' || k.round::text, k.case_id
      from case_clocks k join cases c on c.id = k.case_id
      where k.clock = 'handling' and k.started_at < ${to}::timestamptz
        and (k.stopped_at is null or k.stopped_at >= ${to}::timestamptz)
        and k.due_at < ${to}::timestamptz
        and not (k.pauses @> '[{"to": null}]'::jsonb)
    union all
    select 'to_close', subject, case_id::text, case_id from cohort
    union all
    select 'closed', subject, case_id::text, case_id from cohort where last_closing like 'close:%'
    union all
    select 'closed_on_time', subject, case_id::text, case_id from cohort where last_closing = 'close:normal'`;
}

export function emptyFacts(): Facts {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts;
}

/** The base counts of every subject that has any, keyed by subject (department id or region code). */
export async function computeFacts(
  db: Kysely<DB>,
  kind: SubjectKind,
  period: Period,
): Promise<Map<string, Facts>> {
  const counts = await sql<{ fact: FactKey; subject: string; n: number }>`
    select fact, subject, count(distinct ref)::int as n
    from (${factRows(kind, period)}) r
    where subject is not null
    group by fact, subject`.execute(db);
  const result = new Map<string, Facts>();
  const factsOf = (subject: string): Facts => {
    let facts = result.get(subject);
    if (!facts) {
      facts = emptyFacts();
      result.set(subject, facts);
    }
    return facts;
  };
  for (const row of counts.rows) factsOf(row.subject)[row.fact] = Number(row.n);
  if (kind !== 'department') {
    const grids = await sql<{ subject: string; n: number }>`
      select r.code as subject, count(g.code)::int as n
      from regions r join regions g on g.level = 'grid' and g.code like r.code || '%'
      where r.level = ${kind}
      group by r.code`.execute(db);
    for (const row of grids.rows) factsOf(row.subject).grids = Number(row.n);
  }
  return result;
}

/** The case ids behind one count of one subject. */
export async function factCaseIds(
  db: Kysely<DB>,
  kind: SubjectKind,
  period: Period,
  fact: FactKey,
  subject: string,
): Promise<number[]> {
  const rows = await sql<{ case_id: number }>`
    select distinct case_id from (${factRows(kind, period)}) r
    where fact = ${fact} and subject = ${subject}
    order by case_id`.execute(db);
  return rows.rows.map((r) => Number(r.case_id));
}

/**
 * The SQL of the public service requests: which cases are requests a client may see, and the rows
 * the request and update views are built from. The cases, their classes and departments are read
 * through their modules' relations (src/cases/channel-reads.ts …), joined here with the Open311
 * tables under the aliases every filter uses: `c` the case, `k` its class, `sr` the class's Open311
 * rules, `r` the Open311 request, `d` the department, `e` an event.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { caseEventRelation, caseRelation } from '../cases/index.js';
import { classRelation } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { departmentRelation } from '../departments/index.js';
import { INTAKE_STATUSES, PUBLIC_NOTES, UPDATE_ACTIONS } from './rules.js';
import { PUBLIC_SOURCES } from './service.js';
import './tables.js';

/** The public requests: public source, and batch requests only once they have left intake. */
export function publicCaseFilter(): RawBuilder<unknown> {
  return sql`c.source = any(${[...PUBLIC_SOURCES]})
    and not (coalesce(r.batch, false) and c.status = any(${[...INTAKE_STATUSES]}))`;
}

/** The class `k` of the case `c`, with `sr`, the class's Open311 rules (migration 0008). */
export function classWithRules(db: Kysely<DB>): RawBuilder<unknown> {
  return sql`join ${classRelation(db)} k on k.id = c.classification_id
    left join open311_service_rules sr on sr.standard = k.standard and sr.kind = k.kind and sr.code = k.code`;
}

export interface RequestRow {
  id: number;
  number: string;
  status: string;
  kind: 'component' | 'matter';
  code: string;
  name: string;
  public_name: string | null;
  description: string;
  agency: string | null;
  reported_at: Date;
  updated_at: Date;
  handling_due_at: Date | null;
  address: string | null;
  lng: number;
  lat: number;
  media_url: string | null;
  media_file: string | null;
  attributes: Record<string, string | string[]> | null;
  sensitive: boolean;
  location_decimals: number;
  last_action: string | null;
}

/** Public requests matching `where`, newest first. */
export async function selectRequests(
  db: Kysely<DB>,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<RequestRow[]> {
  const publicActions = Object.keys(PUBLIC_NOTES);
  const result = await sql<RequestRow>`
    select c.id, c.number, c.status, k.kind, k.code, k.name, k.public_name, c.description,
           d.name as agency, c.reported_at, c.updated_at, c.handling_due_at, c.address,
           c.lng, c.lat, r.media_url, r.attributes,
           coalesce(sr.sensitive, false) as sensitive, coalesce(sr.location_decimals, 3) as location_decimals,
           (select m.file_id::text from open311_media m
             where m.case_id = c.id and m.source = 'request' order by m.created_at, m.file_id limit 1) as media_file,
           (select e.action from ${caseEventRelation(db)} e
             where e.case_id = c.id and e.action = any(${publicActions})
             order by e.id desc limit 1) as last_action
    from ${caseRelation(db)} c
    ${classWithRules(db)}
    left join ${departmentRelation(db)} d on d.id = c.department_id
    left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and ${where}
    order by c.reported_at desc, c.id desc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export interface EventRow {
  id: number;
  case_id: number;
  at: Date;
  action: string;
  to_status: string;
  closure_type: string | null;
  number: string;
  sensitive: boolean;
}

/** The public events (updates) of public requests, oldest first; `where` filters `e` and `c`. */
export async function selectUpdateEvents(
  db: Kysely<DB>,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<EventRow[]> {
  const result = await sql<EventRow>`
    select e.id, e.case_id, e.at, e.action, e.to_status, e.closure_type,
           c.number, coalesce(sr.sensitive, false) as sensitive
    from ${caseEventRelation(db)} e
    join ${caseRelation(db)} c on c.id = e.case_id
    ${classWithRules(db)}
    left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and e.action = any(${[...UPDATE_ACTIONS]})
      and (e.action <> 'approve' or e.to_status in ('filed', 'suspended')) and ${where}
    order by e.at, e.id
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

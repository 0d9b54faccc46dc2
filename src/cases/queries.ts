/**
 * Reading cases: the detail view (facts, photos, clocks with remaining working time, the
 * timeline, allowed actions, probable duplicates), the filtered list with keyset paging, and
 * GeoJSON for maps. Jurisdiction is part of every query.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { deadlineStatus, type TimeLimitUnit, type WorkingCalendar } from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import { departmentNameRelation, departmentNames } from '../departments/index.js';
import { regionNames } from '../geography/index.js';
import { scopeOf, regionOrDepartmentPredicate, staffNameRelation, type Scope } from '../identity/index.js';
import { open311ApplicationRelation } from '../open311/index.js';
import { caseRating, type CaseRating } from '../public/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { allowedActionsFor } from './actions/perform.js';
import { deadlineWarning, type DeadlineWarning } from './deadlines/warning.js';
import type { CaseServiceDeps } from './deps.js';
import { CASE_COLUMNS, casesWithClass, loadCaseRow, type CaseRow } from './repo.js';
import {
  timelineActor,
  timelineDetail,
  type TimelineActor,
  type TimelineDetail,
  type TimelineRow,
} from './timeline.js';
import { visibleTo } from './visibility.js';
import type { CaseAction, CaseStatus } from './workflow/index.js';
import './tables.js';

/** Duplicate detection window (重复上报): same class, open, within this distance and age. */
export interface DuplicateSettings {
  radiusM: number;
  days: number;
}
export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { radiusM: 50, days: 7 };

export interface ClockView {
  clock: string;
  round: number;
  startedAt: Date;
  limit: { amount: number; unit: string };
  dueAt: Date | null;
  stoppedAt: Date | null;
  suspended: boolean;
  elapsedMinutes: number;
  remainingMinutes: number;
  light: 'green' | 'yellow' | 'red';
  tier: 'on_time' | 'overdue' | 'severely_overdue';
}

export interface TimelineEvent {
  id: number;
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: TimelineActor;
  /** What the system recorded (超时, 自动督办, 并入), as facts; null for people's actions. */
  detail: TimelineDetail | null;
  reason: string | null;
  note: string | null;
  attachments: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface CaseDetail {
  row: CaseRow;
  /** Names of the case's grid, community and street (a clerk reads names, not codes). */
  regionNames: { gridName: string | null; communityName: string | null; streetName: string | null };
  /** 满意度评价: the reporter's rating of a closed public case, shown to staff in full. */
  rating: CaseRating | null;
  departmentName: string | null;
  suggestedDepartmentName: string | null;
  photos: Array<{ fileId: string; phase: 'before' | 'after'; addedAt: Date }>;
  clocks: ClockView[];
  /** Set when a deadline was computed over a year without a known holiday schedule. */
  deadlineWarning: DeadlineWarning | null;
  timeline: TimelineEvent[];
  allowedActions: CaseAction[];
  probableDuplicates: Array<{
    id: number;
    number: string;
    distanceM: number;
    status: CaseStatus;
    reportedAt: Date;
  }>;
}

export async function findProbableDuplicates(
  db: Kysely<DB>,
  scope: Scope,
  row: Pick<CaseRow, 'id' | 'classification_id' | 'lng' | 'lat' | 'reported_at'>,
  settings: DuplicateSettings = DEFAULT_DUPLICATE_SETTINGS,
) {
  const result = await sql<{
    id: number;
    number: string;
    distance_m: number;
    status: CaseStatus;
    reported_at: Date;
  }>`
    select c.id, c.number, c.status, c.reported_at,
           ST_Distance(c.location::geography, ST_SetSRID(ST_MakePoint(${row.lng}, ${row.lat}), 4326)::geography) as distance_m
    from cases c
    where c.id <> ${row.id}
      and c.classification_id = ${row.classification_id}
      and c.status not in ('closed', 'rejected', 'merged', 'cancelled')
      and c.duplicate_of is null
      and c.reported_at between ${new Date(row.reported_at.getTime() - settings.days * 86_400_000)} and ${new Date(row.reported_at.getTime() + settings.days * 86_400_000)}
      and ST_DWithin(c.location::geography, ST_SetSRID(ST_MakePoint(${row.lng}, ${row.lat}), 4326)::geography, ${settings.radiusM})
      and ${regionOrDepartmentPredicate(scope, sql.ref('c.grid_code'), [sql.ref('c.department_id')])}
    order by distance_m, c.reported_at
    limit 10`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    number: r.number,
    distanceM: Math.round(r.distance_m * 10) / 10,
    status: r.status,
    reportedAt: r.reported_at,
  }));
}

export function clockView(
  calendar: WorkingCalendar,
  clock: {
    clock: string;
    round: number;
    started_at: Date;
    limit_amount: number;
    limit_unit: string;
    due_at: Date | null;
    pauses: unknown;
    stopped_at: Date | null;
  },
  now: Date,
): ClockView {
  const pauses = (clock.pauses as Array<{ from: string; to: string | null }>).map((p) => ({
    from: new Date(p.from),
    to: p.to ? new Date(p.to) : null,
  }));
  const at = clock.stopped_at ?? now;
  const status = deadlineStatus(calendar, {
    start: clock.started_at,
    limit: { amount: clock.limit_amount, unit: clock.limit_unit as TimeLimitUnit },
    at,
    pauses,
  });
  return {
    clock: clock.clock,
    round: clock.round,
    startedAt: clock.started_at,
    limit: { amount: clock.limit_amount, unit: clock.limit_unit },
    dueAt: status.deadline,
    stoppedAt: clock.stopped_at,
    suspended: status.suspended,
    elapsedMinutes: Math.round(status.elapsedMinutes),
    remainingMinutes: Math.round(status.remainingMinutes),
    light: status.light,
    tier: status.tier,
  };
}

/**
 * The history of one case with, in the same query, each staff actor's name, post and department
 * and the Open311 application that reported it (no query per event): the identity, departments
 * and open311 modules publish them as relations to join.
 */
async function loadTimelineRows(db: Kysely<DB>, caseId: number) {
  const result = await sql<
    TimelineRow & {
      id: number;
      at: Date;
      from_status: string | null;
      to_status: string;
      reason: string | null;
      attachments: string[];
    }
  >`
    select e.id, e.at, e.actor_id, e.actor_name, e.actor_role, e.action, e.from_status, e.to_status,
           e.reason, e.note, e.attachments, e.changes,
           u.display_name as user_display_name, u.position as user_position, d.name as user_department,
           k.name as open311_application
    from case_events e
    left join ${staffNameRelation(db)} u on u.id = e.actor_id
    left join ${departmentNameRelation(db)} d on d.id = u.department_id
    left join ${open311ApplicationRelation(db)} k on k.case_id = e.case_id and e.actor_name like 'open311:%'
    where e.case_id = ${caseId}
    order by e.id`.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function getCaseDetail(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<CaseDetail> {
  const row = await loadCaseRow(db, id, false);
  if (!row || !visibleTo(ctx, row)) throw new DomainError('NOT_FOUND', `No case ${id} in your jurisdiction`);
  const now = deps.now ? deps.now() : new Date();
  const [departments, photos, clocks, events, calendar, places, rating] = await Promise.all([
    departmentNames(
      db,
      [row.department_id, row.suggested_department_id].filter((d): d is number => d !== null),
    ),
    db
      .selectFrom('case_photos')
      .select(['file_id', 'phase', 'added_at'])
      .where('case_id', '=', id)
      .orderBy('added_at')
      .execute(),
    db
      .selectFrom('case_clocks')
      .selectAll()
      .where('case_id', '=', id)
      .orderBy('started_at')
      .orderBy('clock')
      .execute(),
    loadTimelineRows(db, id),
    deps.calendars.get(db),
    regionNames(db, [row.grid_code, row.community_code, row.street_code]),
    caseRating(db, id),
  ]);
  const open = !['closed', 'rejected', 'merged', 'cancelled'].includes(row.status);
  const duplicates =
    open && ['reported', 'check_pending'].includes(row.status)
      ? await findProbableDuplicates(
          db,
          scopeOf(ctx.actor),
          row,
          deps.duplicates ?? DEFAULT_DUPLICATE_SETTINGS,
        )
      : [];
  const views = clocks.map((c) => clockView(calendar, c, now));
  const nameOf = (departmentId: number | null) =>
    departmentId === null ? null : (departments.get(departmentId)?.name ?? null);
  return {
    row,
    regionNames: {
      gridName: places.get(row.grid_code) ?? null,
      communityName: places.get(row.community_code) ?? null,
      streetName: places.get(row.street_code) ?? null,
    },
    rating,
    departmentName: nameOf(row.department_id),
    suggestedDepartmentName: nameOf(row.suggested_department_id),
    photos: photos.map((p) => ({ fileId: p.file_id, phase: p.phase, addedAt: p.added_at })),
    clocks: views,
    deadlineWarning: deadlineWarning(calendar, views, now),
    timeline: events.map((e) => {
      const detail = timelineDetail(e);
      return {
        id: e.id,
        at: e.at,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        actor: timelineActor(e),
        detail,
        reason: e.reason,
        // A system event's note is its detail written out; the web writes it in the reader's language.
        note: detail ? null : e.note,
        attachments: e.attachments,
        changes: e.changes as TimelineEvent['changes'],
      };
    }),
    allowedActions: allowedActionsFor(deps, ctx, row),
    probableDuplicates: duplicates,
  };
}

export interface CaseFilter {
  status?: string[];
  stage?: string;
  classificationId?: number;
  kind?: 'component' | 'matter';
  regionCode?: string;
  departmentId?: number;
  source?: string;
  overdueTier?: string;
  escalated?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  bbox?: [number, number, number, number];
}

function filterSql(scope: Scope, filter: CaseFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`${regionOrDepartmentPredicate(scope, sql.ref('c.grid_code'), [sql.ref('c.department_id')])}`,
  ];
  // One status as `=`, not `= any(array)`: PostgreSQL reads an index in (reported_at, id) order
  // after an equality only, so this keeps keyset pages an index range scan (docs/benchmarks.md).
  if (filter.status && filter.status.length === 1) parts.push(sql`c.status = ${filter.status[0]}`);
  else if (filter.status && filter.status.length > 1) parts.push(sql`c.status = any(${filter.status})`);
  if (filter.stage) parts.push(sql`c.stage = ${filter.stage}`);
  if (filter.classificationId !== undefined)
    parts.push(sql`c.classification_id = ${filter.classificationId}`);
  if (filter.kind) parts.push(sql`c.kind = ${filter.kind}`);
  if (filter.regionCode) parts.push(sql`c.grid_code like ${`${filter.regionCode}%`}`);
  if (filter.departmentId !== undefined) parts.push(sql`c.department_id = ${filter.departmentId}`);
  if (filter.source) parts.push(sql`c.source = ${filter.source}`);
  if (filter.overdueTier) parts.push(sql`c.overdue_tier = ${filter.overdueTier}`);
  if (filter.escalated !== undefined) parts.push(sql`c.escalated = ${filter.escalated}`);
  if (filter.from) parts.push(sql`c.reported_at >= ${filter.from}`);
  if (filter.to) parts.push(sql`c.reported_at < ${filter.to}`);
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, '\\$&');
    parts.push(
      sql`(c.number like ${`${q}%`} or c.description like ${`%${q}%`} or c.address like ${`%${q}%`})`,
    );
  }
  if (filter.bbox) {
    const [a, b, c, d] = filter.bbox;
    parts.push(sql`c.location && ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326)`);
  }
  return sql.join(parts, sql` and `);
}

export type CaseSort = 'reportedAt' | 'handlingDueAt' | 'number' | 'status' | 'class';

/** Sort expressions; `id` breaks ties so numbered pages never repeat or skip a row. */
const SORT_SQL: Record<CaseSort, RawBuilder<unknown>> = {
  reportedAt: sql`c.reported_at`,
  handlingDueAt: sql`c.handling_due_at`,
  number: sql`c.number`,
  status: sql`c.status`,
  class: sql`k.code`,
};

export interface ListOptions {
  cursor?: string;
  limit: number;
  sort?: CaseSort;
  order?: 'asc' | 'desc';
  /** Numbered pages (页码): rows to skip. Works with any sort; a cursor only with the default. */
  offset?: number;
}

/**
 * Newest first, keyset-paged on (reported_at, id); or sorted by another key and paged by
 * offset, for the numbered pages of 案卷查询 (a clerk jumps to page 7; the total is /cases/count).
 */
export async function listCases(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: CaseFilter & ListOptions,
): Promise<Page<CaseRow>> {
  const sort = filter.sort ?? 'reportedAt';
  const order = filter.order ?? 'desc';
  const keyset = sort === 'reportedAt' && order === 'desc' && filter.offset === undefined;
  if (filter.cursor && !keyset) {
    throw new DomainError('VALIDATION_FAILED', 'cursor pages only the default order', {
      errors: [{ field: 'querystring.cursor', reason: 'only with the default sort and no offset' }],
    });
  }
  let after = sql``;
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, ['timestamp', 'bigserial']);
    after = sql`and (c.reported_at, c.id) < (${new Date(at)}, ${id})`;
  }
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  // Cases without a handling deadline (not yet dispatched) sort last either way.
  const nulls = sort === 'handlingDueAt' ? sql` nulls last` : sql``;
  const rows = await sql<CaseRow>`
    select ${CASE_COLUMNS} from ${casesWithClass(db)}
    where ${filterSql(scopeOf(ctx.actor), filter)} ${after}
    order by ${SORT_SQL[sort]} ${direction}${nulls}, c.id ${direction}
    limit ${filter.limit + 1} ${keyset ? sql`` : sql`offset ${filter.offset ?? 0}`}`.execute(db);
  if (!keyset) {
    return { items: rows.rows.slice(0, filter.limit), nextCursor: null };
  }
  return toPage(
    rows.rows,
    filter.limit,
    (row) => row,
    (row) => [row.reported_at.toISOString(), row.id],
  );
}

/**
 * How many cases match: the list's predicates and jurisdiction over `cases` alone (no join with
 * the classes, no ordering), so a queue's count reads the same index as its first page.
 */
export async function countCases(db: Kysely<DB>, ctx: RequestContext, filter: CaseFilter): Promise<number> {
  const result = await sql<{ count: string | number }>`
    select count(*) as count from cases c where ${filterSql(scopeOf(ctx.actor), filter)}`.execute(db);
  return Number(result.rows[0]!.count);
}

/** GeoJSON points of the matching cases, newest first, at most `limit`. */
export async function casesGeoJson(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: CaseFilter,
  limit: number,
): Promise<string> {
  const result = await sql<{ json: string }>`
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
      'type', 'Feature', 'id', x.id,
      'geometry', ST_AsGeoJSON(x.location, 7)::json,
      'properties', json_build_object('id', x.id, 'number', x.number, 'status', x.status, 'stage', x.stage,
        'kind', x.kind, 'classCode', x.class_code, 'className', x.class_name, 'urgency', x.urgency,
        'overdueTier', x.overdue_tier, 'escalated', x.escalated, 'gridCode', x.grid_code,
        'departmentId', x.department_id, 'reportedAt', x.reported_at)
    )), '[]'::json))::text as json
    from (select c.*, k.code as class_code, k.name as class_name from ${casesWithClass(db)}
          where ${filterSql(scopeOf(ctx.actor), filter)} order by c.reported_at desc, c.id desc limit ${limit}) x`.execute(
    db,
  );
  return result.rows[0]!.json;
}

/**
 * GET /requests: the search of service requests, by ids or by a window of requested_datetime with
 * status and service filters, a page at a time.
 */
import { sql, type Kysely } from 'kysely';
import type { CaseServiceDeps } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { dateWindow } from './dates.js';
import { invalidParameters, parsePositive, splitList, type ParameterProblem } from './params.js';
import { presentRequests, type RequestView, type ViewOptions } from './presenter.js';
import { selectRequests } from './queries.js';
import { CLOSED_STATUSES } from './rules.js';
import { DEFAULT_RANGE_DAYS, MAX_RESULTS, parseServiceCode } from './service.js';

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: string;
  page_size?: string;
}

/**
 * With service_request_id, exactly those requests (other filters ignored, as the spec allows).
 * Otherwise requested_datetime in [start_date, end_date], by default the 90 days up to now, at most
 * 90 days wide; newest first, at most 1000, `page`/`page_size` beyond that.
 */
export async function listRequests(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  query: RequestQuery,
  options: ViewOptions,
): Promise<RequestView[]> {
  const problems: ParameterProblem[] = [];
  const page = parsePositive(query.page, 'page', 1_000_000, problems) ?? 1;
  const pageSize = parsePositive(query.page_size, 'page_size', MAX_RESULTS, problems) ?? MAX_RESULTS;
  if (query.service_request_id !== undefined) {
    if (problems.length > 0) throw invalidParameters(problems);
    const ids = splitList(query.service_request_id).slice(0, MAX_RESULTS);
    if (ids.length === 0) return [];
    const rows = await selectRequests(db, sql`c.number = any(${ids})`, pageSize, (page - 1) * pageSize);
    return presentRequests(db, rows, options);
  }
  const now = deps.now ? deps.now() : new Date();
  const { from, to } = dateWindow(
    query,
    { now, defaultDays: DEFAULT_RANGE_DAYS, maxDays: DEFAULT_RANGE_DAYS, timeZone: deps.timeZone },
    problems,
  );
  const statuses = query.status ? splitList(query.status) : [];
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed') problems.push({ description: `status ${s} is not open or closed` });
  const codes = query.service_code ? splitList(query.service_code) : [];
  const classes = codes.map((code) => parseServiceCode(code));
  codes.forEach((code, i) => {
    if (!classes[i]) problems.push({ description: `service_code ${code} is not a service code` });
  });
  if (problems.length > 0) throw invalidParameters(problems);

  const parts = [sql`c.reported_at >= ${from}`, sql`c.reported_at < ${to}`];
  const wanted = new Set(statuses);
  if (wanted.size === 1) {
    parts.push(
      wanted.has('closed')
        ? sql`c.status = any(${[...CLOSED_STATUSES]})`
        : sql`not (c.status = any(${[...CLOSED_STATUSES]}))`,
    );
  }
  const pairs = classes.filter((c) => c !== null);
  if (pairs.length > 0) {
    parts.push(
      sql`(${sql.join(
        pairs.map((p) => sql`(k.kind = ${p.kind} and k.code = ${p.code})`),
        sql` or `,
      )})`,
    );
  }
  const rows = await selectRequests(db, sql.join(parts, sql` and `), pageSize, (page - 1) * pageSize);
  return presentRequests(db, rows, options);
}

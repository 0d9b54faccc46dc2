/**
 * Open311 GeoReport v2 over the case loop: services are the active GB/T 47678.5-2026 classes, a
 * request is a `public` case registered through reportCase, and the public view of a case is
 * reduced to what the spec names (status open/closed, a canned status note, the department).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import { recordAudit } from '../audit/service.js';
import { reportCase, type CaseServiceDeps, type Urgency } from '../cases/service.js';
import type { DB } from '../db/schema.js';
import { newToken, tokenHash } from '../identity/tokens.js';
import type { RequestContext } from '../shared/context.js';
import { inTransaction } from '../shared/transaction.js';
import '../cases/tables.js';
import './tables.js';

export const OPEN311_STANDARD = 'GB/T 47678.5-2026';
/** Cases of these sources are public requests; inspector, hotline, sensor … cases are not shown. */
export const PUBLIC_SOURCES = ['public'] as const;
/** Internal statuses Open311 reports as `closed`; every other status is `open`. */
export const CLOSED_STATUSES = ['closed', 'rejected', 'merged', 'cancelled'] as const;
export const MAX_DESCRIPTION = 4000;
export const MAX_RESULTS = 1000;
export const DEFAULT_RANGE_DAYS = 90;

/** One error of an Open311 error list; `code` is the HTTP status, as in the spec's examples. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }
}

export function open311Error(status: number, description: string): Open311Error {
  return new Open311Error(status, [{ code: status, description }]);
}

// ---------------------------------------------------------------- services

export interface ServiceAttributeValue {
  key: string;
  name: string;
}

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: ServiceAttributeValue[];
}

/** The attributes every service takes (metadata=true): the reporter's urgency and a location detail. */
export const SERVICE_ATTRIBUTES: readonly ServiceAttribute[] = [
  {
    variable: true,
    code: 'urgency',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'normal 或 urgent',
    order: 1,
    description: '紧急程度（立案时由值班长复核）',
    values: [
      { key: 'normal', name: '一般' },
      { key: 'urgent', name: '紧急' },
    ],
  },
  {
    variable: true,
    code: 'address_detail',
    datatype: 'string',
    required: false,
    datatype_description: '不超过 200 个字符',
    order: 2,
    description: '位置补充说明（门牌、楼栋、参照物）',
  },
];
const MAX_ADDRESS_DETAIL = 200;

export interface ServiceView {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

interface ClassRow {
  id: number;
  kind: 'component' | 'matter';
  code: string;
  name: string;
  public_name: string | null;
  major_name: string;
  help_text: string | null;
}

export function serviceCodeOf(kind: 'component' | 'matter', code: string): string {
  return `${kind === 'matter' ? 'M' : 'C'}${code}`;
}

function parseServiceCode(serviceCode: string): { kind: 'component' | 'matter'; code: string } | null {
  const match = /^([MC])([0-9A-Za-z]{1,20})$/.exec(serviceCode);
  if (!match) return null;
  return { kind: match[1] === 'M' ? 'matter' : 'component', code: match[2]! };
}

function presentService(row: ClassRow): ServiceView {
  const keywords = [...new Set([row.public_name, row.name].filter((k): k is string => !!k))];
  return {
    service_code: serviceCodeOf(row.kind, row.code),
    service_name: row.public_name ?? row.name,
    description: row.help_text ?? row.name,
    metadata: true,
    type: 'realtime',
    keywords: keywords.join(','),
    group: row.major_name,
  };
}

function classQuery(db: Kysely<DB>) {
  return db
    .selectFrom('classifications')
    .select(['id', 'kind', 'code', 'name', 'public_name', 'major_name', 'help_text'])
    .where('standard', '=', OPEN311_STANDARD)
    .where('active', '=', true);
}

export async function listServices(db: Kysely<DB>): Promise<ServiceView[]> {
  const rows = await classQuery(db).orderBy('kind', 'desc').orderBy('code').execute();
  return rows.map(presentService);
}

async function findService(db: Kysely<DB>, serviceCode: string): Promise<ClassRow | null> {
  const parsed = parseServiceCode(serviceCode);
  if (!parsed) return null;
  const row = await classQuery(db)
    .where('kind', '=', parsed.kind)
    .where('code', '=', parsed.code)
    .executeTakeFirst();
  return row ?? null;
}

export async function serviceDefinition(
  db: Kysely<DB>,
  serviceCode: string,
): Promise<{ service_code: string; attributes: ServiceAttribute[] }> {
  const row = await findService(db, serviceCode);
  if (!row) throw open311Error(404, `service_code ${serviceCode} not found`);
  return { service_code: serviceCodeOf(row.kind, row.code), attributes: [...SERVICE_ATTRIBUTES] };
}

// ---------------------------------------------------------------- API keys

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function createApiKey(
  db: Kysely<DB>,
  ctx: RequestContext,
  name: string,
): Promise<ApiKeyView & { key: string }> {
  const key = newToken('o311');
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('open311_api_keys')
      .values({ name, key_hash: tokenHash(key), prefix: key.slice(0, 12) })
      .returning(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'open311.key.create',
      targetType: 'open311_api_key',
      targetId: row.id,
      detail: { name, prefix: row.prefix },
    });
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
      key,
    };
  });
}

export async function listApiKeys(db: Kysely<DB>): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom('open311_api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a key; false when there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom('open311_api_keys')
      .select(['id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    if (row.revoked_at) return true;
    await tx.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'open311.key.revoke',
      targetType: 'open311_api_key',
      targetId: id,
    });
    return true;
  });
}

export async function verifyApiKey(
  db: Kysely<DB>,
  key: string | undefined,
): Promise<{ id: number; name: string; prefix: string }> {
  if (!key) throw open311Error(403, 'api_key is required');
  const row = await db
    .selectFrom('open311_api_keys')
    .select(['id', 'name', 'prefix'])
    .where('key_hash', '=', tokenHash(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw open311Error(403, 'api_key is invalid or revoked');
  return row;
}

// ---------------------------------------------------------------- POST requests

/** A form or JSON body after parsing: plain fields, and `attribute` by code. */
export interface RequestFields {
  fields: Record<string, string | undefined>;
  attributes: Record<string, string | string[]>;
}

export interface CreatedRequest {
  service_request_id: string;
  token: string;
  service_notice: string;
  account_id: null;
}

function parseCoordinate(
  value: string | undefined,
  name: 'lat' | 'long',
  errors: Open311ErrorItem[],
): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const limit = name === 'lat' ? 90 : 180;
  const n = /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    errors.push({
      code: 400,
      description: `${name} must be a WGS-84 decimal degree in [-${limit}, ${limit}]`,
    });
    return undefined;
  }
  return n;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * POST /requests: checks the fields the way the spec names them, then registers a `public` case
 * as `ctx` (the system, on behalf of the API key). Contact fields (email, names, phone,
 * device_id, account_id) are accepted and not stored: the reporters module will take them.
 */
export async function createRequest(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  apiKeyId: number,
  input: RequestFields,
): Promise<CreatedRequest> {
  const f = input.fields;
  const errors: Open311ErrorItem[] = [];
  const serviceCode = f.service_code?.trim();
  if (!serviceCode) errors.push({ code: 400, description: 'service_code is required' });
  const lat = parseCoordinate(f.lat, 'lat', errors);
  const lng = parseCoordinate(f.long, 'long', errors);
  if ((lat === undefined) !== (lng === undefined) && errors.length === 0) {
    errors.push({ code: 400, description: 'lat and long must be given together' });
  }
  const hasCoordinates = lat !== undefined && lng !== undefined;
  if (!hasCoordinates && errors.every((e) => !/^(lat|long)/.test(e.description))) {
    errors.push({
      code: 400,
      description:
        f.address_string || f.address_id
          ? 'lat and long are required: this server does not geocode address_string or address_id'
          : 'lat and long are required',
    });
  }
  const description = f.description?.trim() ?? '';
  if (description.length > MAX_DESCRIPTION)
    errors.push({ code: 400, description: `description must not exceed ${MAX_DESCRIPTION} characters` });
  const address = f.address_string?.trim() ?? '';
  if (address.length > 500)
    errors.push({ code: 400, description: 'address_string must not exceed 500 characters' });
  const mediaUrl = f.media_url?.trim() || null;
  if (mediaUrl && (mediaUrl.length > 2048 || !isHttpUrl(mediaUrl)))
    errors.push({ code: 400, description: 'media_url must be an http(s) URL of at most 2048 characters' });

  const attributes: Record<string, string> = {};
  const urgency = input.attributes.urgency;
  if (urgency !== undefined) {
    if (typeof urgency !== 'string' || !['normal', 'urgent'].includes(urgency))
      errors.push({ code: 400, description: 'attribute[urgency] must be normal or urgent' });
    else attributes.urgency = urgency;
  }
  const detail = input.attributes.address_detail;
  if (detail !== undefined) {
    if (typeof detail !== 'string' || detail.length > MAX_ADDRESS_DETAIL)
      errors.push({
        code: 400,
        description: `attribute[address_detail] must be one string of at most ${MAX_ADDRESS_DETAIL} characters`,
      });
    else if (detail.trim()) attributes.address_detail = detail.trim();
  }

  const service = serviceCode ? await findService(db, serviceCode) : null;
  if (serviceCode && !service)
    errors.push({ code: 400, description: `service_code ${serviceCode} not found` });
  if (errors.length > 0 || !service || !hasCoordinates) throw new Open311Error(400, errors);

  const fullAddress =
    [address, attributes.address_detail ? `（${attributes.address_detail}）` : ''].join('').trim() || null;
  return inTransaction(db, async (tx) => {
    const caseId = await reportCase(tx, deps, ctx, {
      source: 'public',
      classificationId: service.id,
      location: { lng, lat, crs: 'wgs84' },
      address: fullAddress,
      description: description || (service.public_name ?? service.name),
      urgency: (attributes.urgency as Urgency | undefined) ?? 'normal',
    });
    await tx
      .insertInto('open311_requests')
      .values({
        case_id: caseId,
        api_key_id: apiKeyId,
        media_url: mediaUrl,
        attributes: JSON.stringify(attributes),
      })
      .execute();
    const token = randomBytes(16).toString('base64url');
    await tx.insertInto('open311_tokens').values({ token, case_id: caseId }).execute();
    const { number } = await tx
      .selectFrom('cases')
      .select('number')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return {
      service_request_id: number,
      token,
      service_notice: '已受理，将在立案审核后派遣处置部门',
      account_id: null,
    };
  });
}

// ---------------------------------------------------------------- GET requests

export interface RequestView {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number;
  long: number;
  media_url: string | null;
}

/** Actions whose outcome a citizen may see, with the note shown for the latest of them. */
export const PUBLIC_NOTES: Readonly<Record<string, string>> = {
  report: '已受理，等待立案审核',
  file: '已立案，等待派遣',
  reject: '不予立案',
  merge: '与同一问题的其他案卷合并处理',
  dispatch: '已派遣至处置部门',
  accept: '处置部门已接收，正在处置',
  handle: '处置部门已反馈处置结果，等待核查',
  fail: '核查未通过，处置部门正在返工',
  pass: '核查通过，等待结案',
  close: '已结案',
  cancel: '已撤销',
  reopen: '已重新打开，继续处置',
};

export function open311Status(status: string): 'open' | 'closed' {
  return (CLOSED_STATUSES as readonly string[]).includes(status) ? 'closed' : 'open';
}

/** W3C datetime with the business time zone's offset, e.g. 2026-11-27T14:24:44+08:00. */
export function w3cDateTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone })
    .startOf('second')
    .toISO({ suppressMilliseconds: true })!;
}

interface RequestRow {
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
  last_action: string | null;
}

function presentRequest(row: RequestRow, timeZone: string): RequestView {
  return {
    service_request_id: row.number,
    status: open311Status(row.status),
    status_notes: row.last_action ? (PUBLIC_NOTES[row.last_action] ?? null) : null,
    service_name: row.public_name ?? row.name,
    service_code: serviceCodeOf(row.kind, row.code),
    description: row.description,
    agency_responsible: row.agency,
    service_notice: null,
    requested_datetime: w3cDateTime(row.reported_at, timeZone),
    updated_datetime: w3cDateTime(row.updated_at, timeZone),
    expected_datetime: row.handling_due_at ? w3cDateTime(row.handling_due_at, timeZone) : null,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: Math.round(row.lat * 1e6) / 1e6,
    long: Math.round(row.lng * 1e6) / 1e6,
    media_url: row.media_url,
  };
}

async function selectRequests(
  db: Kysely<DB>,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<RequestRow[]> {
  const publicActions = Object.keys(PUBLIC_NOTES);
  const result = await sql<RequestRow>`
    select c.id, c.number, c.status, k.kind, k.code, k.name, k.public_name, c.description,
           d.name as agency, c.reported_at, c.updated_at, c.handling_due_at, c.address,
           ST_X(c.location) as lng, ST_Y(c.location) as lat, r.media_url,
           (select e.action from case_events e
             where e.case_id = c.id and e.action = any(${publicActions})
             order by e.id desc limit 1) as last_action
    from cases c
    join classifications k on k.id = c.classification_id
    left join departments d on d.id = c.department_id
    left join open311_requests r on r.case_id = c.id
    where c.source = any(${[...PUBLIC_SOURCES]}) and ${where}
    order by c.reported_at desc, c.id desc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: string;
  page_size?: string;
}

const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDate(value: string | undefined, name: string, errors: Open311ErrorItem[]): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = W3C.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    errors.push({ code: 400, description: `${name} must be a W3C datetime, e.g. 2026-11-27T09:00:00+08:00` });
    return undefined;
  }
  return new Date(ms);
}

function parsePositive(value: string | undefined, name: string, max: number, errors: Open311ErrorItem[]) {
  if (value === undefined || value === '') return undefined;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    errors.push({ code: 400, description: `${name} must be an integer from 1 to ${max}` });
    return undefined;
  }
  return n;
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * GET /requests. With service_request_id, exactly those requests (other filters ignored, as the
 * spec allows). Otherwise requested_datetime in [start_date, end_date), by default the 90 days up
 * to now, at most 90 days wide; newest first, at most 1000, `page`/`page_size` beyond that.
 */
export async function listRequests(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  query: RequestQuery,
): Promise<RequestView[]> {
  const errors: Open311ErrorItem[] = [];
  const page = parsePositive(query.page, 'page', 1_000_000, errors) ?? 1;
  const pageSize = parsePositive(query.page_size, 'page_size', MAX_RESULTS, errors) ?? MAX_RESULTS;
  if (query.service_request_id !== undefined) {
    if (errors.length > 0) throw new Open311Error(400, errors);
    const ids = splitList(query.service_request_id).slice(0, MAX_RESULTS);
    if (ids.length === 0) return [];
    const rows = await selectRequests(db, sql`c.number = any(${ids})`, pageSize, (page - 1) * pageSize);
    return rows.map((r) => presentRequest(r, deps.timeZone));
  }
  const start = parseDate(query.start_date, 'start_date', errors);
  const end = parseDate(query.end_date, 'end_date', errors);
  const statuses = query.status ? splitList(query.status) : [];
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed')
      errors.push({ code: 400, description: `status ${s} is not open or closed` });
  const codes = query.service_code ? splitList(query.service_code) : [];
  const classes = codes.map((code) => parseServiceCode(code));
  codes.forEach((code, i) => {
    if (!classes[i]) errors.push({ code: 400, description: `service_code ${code} is not a service code` });
  });
  const rangeMs = DEFAULT_RANGE_DAYS * 86_400_000;
  const now = deps.now ? deps.now() : new Date();
  const to = end ?? (start ? new Date(start.getTime() + rangeMs) : now);
  const from = start ?? new Date(to.getTime() - rangeMs);
  if (from.getTime() > to.getTime())
    errors.push({ code: 400, description: 'start_date must not be after end_date' });
  else if (to.getTime() - from.getTime() > rangeMs)
    errors.push({
      code: 400,
      description: `start_date and end_date must not span more than ${DEFAULT_RANGE_DAYS} days`,
    });
  if (errors.length > 0) throw new Open311Error(400, errors);

  const parts = [sql`c.reported_at >= ${from}`, sql`c.reported_at <= ${to}`];
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
  return rows.map((r) => presentRequest(r, deps.timeZone));
}

export async function getRequest(db: Kysely<DB>, deps: CaseServiceDeps, id: string): Promise<RequestView> {
  const rows = await selectRequests(db, sql`c.number = ${id}`, 1, 0);
  const row = rows[0];
  if (!row) throw open311Error(404, `service_request_id ${id} not found`);
  return presentRequest(row, deps.timeZone);
}

export async function resolveRequestToken(
  db: Kysely<DB>,
  token: string,
): Promise<{ service_request_id: string | null; token: string }> {
  const row = await db
    .selectFrom('open311_tokens as t')
    .leftJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.token', 'c.number'])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (!row) throw open311Error(404, `token ${token} not found`);
  return { service_request_id: row.number, token: row.token };
}

/**
 * Service requests: POST (a `public` case registered through reportCase, with media, the
 * reporter's contact data and duplicate detection), GET (search and one request, with the
 * `extensions=true` view) and tokens. The public view of a case is reduced to what the spec names;
 * sensitive classes are shown rounded (rules.ts, open311_service_rules).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { reportCase, type CaseServiceDeps, type Urgency } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { prepareImage, storeImages, type PreparedImage } from '../files/index.js';
import { blindIndex, type KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { dateWindow, w3cDateTime } from './dates.js';
import {
  CLOSED_STATUSES,
  INTAKE_STATUSES,
  PUBLIC_NOTES,
  UPDATE_ACTIONS,
  open311Status,
  parseYesNo,
  publicUpdate,
  reporterName,
  requestFingerprint,
  roundCoordinate,
  type UpdateStatus,
} from './rules.js';
import {
  DEFAULT_RANGE_DAYS,
  MAX_ADDRESS_DETAIL,
  MAX_DESCRIPTION,
  MAX_RESULTS,
  Open311Error,
  PUBLIC_SOURCES,
  findService,
  open311Error,
  parseServiceCode,
  serviceCodeOf,
  type Open311ErrorItem,
} from './service.js';
import type { Open311Settings } from './settings.js';
import '../cases/tables.js';
import './tables.js';

/** One uploaded file of a multipart body (`media`), as received. */
export interface MediaUpload {
  data: Buffer;
  filename: string | null;
}

/** A form, JSON or multipart body after parsing: plain fields, `attribute` by code, and files. */
export interface RequestFields {
  fields: Record<string, string | undefined>;
  attributes: Record<string, string | string[]>;
  media?: MediaUpload[];
}

export interface CreatedRequest {
  /** Absent for a batch service: the client follows the token. */
  service_request_id?: string;
  token: string;
  service_notice: string;
  account_id: null;
}

export interface RequestDeps {
  cases: CaseServiceDeps;
  reporterKeys: KeyRing;
  settings: Open311Settings;
}

// ---------------------------------------------------------------- parameters

export function parseCoordinate(
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

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function parsePositive(
  value: string | undefined,
  name: string,
  max: number,
  errors: Open311ErrorItem[],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    errors.push({ code: 400, description: `${name} must be an integer from 1 to ${max}` });
    return undefined;
  }
  return n;
}

export const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Images of a request or update: decoded, re-encoded without metadata (EXIF, GPS), bounded. */
export async function prepareMedia(
  media: MediaUpload[] | undefined,
  maxBytes: number,
): Promise<PreparedImage[]> {
  const prepared: PreparedImage[] = [];
  for (const [i, file] of (media ?? []).entries()) {
    try {
      prepared.push(await prepareImage(file.data, { maxBytes }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status =
        error.code === 'PAYLOAD_TOO_LARGE' || error.code === 'IMAGE_TOO_MANY_PIXELS'
          ? 413
          : error.code === 'UNSUPPORTED_MEDIA_TYPE'
            ? 415
            : 400;
      const name = media!.length > 1 ? `media[${i}]` : 'media';
      throw open311Error(status, `${name} ${error.detail ?? error.message}`);
    }
  }
  return prepared;
}

// ---------------------------------------------------------------- POST requests

interface CheckedRequest {
  service: NonNullable<Awaited<ReturnType<typeof findService>>>;
  lat: number;
  lng: number;
  description: string;
  address: string;
  mediaUrl: string | null;
  attributes: Record<string, string>;
  reporter: {
    name: string | null;
    phone: string | null;
    email: string | null;
    contactConsent: boolean;
  } | null;
  deviceId: string | null;
  clientRequestId: string | null;
}

async function checkRequest(db: Kysely<DB>, input: RequestFields): Promise<CheckedRequest> {
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
  // Every attribute of SERVICE_ATTRIBUTES is optional, and FixMyStreet sends each question of the
  // category, an unanswered one as `attribute[code]=`: an empty value means "not answered".
  const answered = (value: string | string[] | undefined) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value;
  const urgency = answered(input.attributes.urgency);
  if (urgency !== undefined) {
    if (typeof urgency !== 'string' || !['normal', 'urgent'].includes(urgency))
      errors.push({ code: 400, description: 'attribute[urgency] must be normal or urgent' });
    else attributes.urgency = urgency;
  }
  const detail = answered(input.attributes.address_detail);
  if (detail !== undefined) {
    if (typeof detail !== 'string' || detail.length > MAX_ADDRESS_DETAIL)
      errors.push({
        code: 400,
        description: `attribute[address_detail] must be one string of at most ${MAX_ADDRESS_DETAIL} characters`,
      });
    else if (detail.trim()) attributes.address_detail = detail.trim();
  }
  // Consent: the service attribute, or a plain contact_consent field (JSON clients).
  const consentRaw = answered(input.attributes.contact_consent) ?? answered(f.contact_consent);
  let contactConsent = false;
  if (consentRaw !== undefined) {
    const parsed = typeof consentRaw === 'string' ? parseYesNo(consentRaw) : null;
    if (parsed === null)
      errors.push({ code: 400, description: 'attribute[contact_consent] must be yes or no' });
    else contactConsent = parsed;
  }

  // Contact data: kept encrypted in the reporters module, never answered (docs/privacy.md).
  const name = reporterName(f.first_name, f.last_name);
  const phone = f.phone?.trim() || null;
  const email = f.email?.trim() || null;
  const deviceId = (f.device_id ?? f.deviceid)?.trim() || null;
  if (deviceId && deviceId.length > 200)
    errors.push({ code: 400, description: 'device_id must not exceed 200 characters' });
  const clientRequestId = f.service_request_id_ext?.trim() || null;
  if (clientRequestId && clientRequestId.length > 100)
    errors.push({ code: 400, description: 'service_request_id_ext must not exceed 100 characters' });
  if ((input.media?.length ?? 0) > 1)
    errors.push({ code: 400, description: 'media: send at most one file (use updates for more photos)' });

  const service = serviceCode ? await findService(db, serviceCode) : null;
  if (serviceCode && !service)
    errors.push({ code: 400, description: `service_code ${serviceCode} not found` });
  if (errors.length > 0 || !service || !hasCoordinates) throw new Open311Error(400, errors);
  return {
    service,
    lat,
    lng,
    description,
    address,
    mediaUrl,
    attributes,
    reporter: name || phone || email ? { name, phone, email, contactConsent } : null,
    deviceId,
    clientRequestId,
  };
}

/** Field names of the reporters module's validation errors, as the Open311 client sent them. */
const REPORTER_FIELDS: Readonly<Record<string, string>> = {
  'body.reporter.name': 'first_name/last_name',
  'body.reporter.phone': 'phone',
  'body.reporter.email': 'email',
};

function createdView(row: { number: string; batch: boolean; token: string }, notice: string): CreatedRequest {
  return {
    ...(row.batch ? {} : { service_request_id: row.number }),
    token: row.token,
    service_notice: notice,
    account_id: null,
  };
}

const NOTICE_REALTIME = '已受理，将在立案审核后派遣处置部门';
const NOTICE_BATCH = '已受理。此类问题须监督员现场核实后立案，请凭 token 查询受理编号';

/**
 * POST /requests: checks the fields the way the spec names them, then registers a `public` case
 * as `ctx` (the system, on behalf of the API key), with the uploaded photo (re-encoded, metadata
 * stripped) and the reporter's contact data (encrypted). The same report from the same key within
 * `duplicateMinutes` answers the first one's ids (`duplicate: true`) and changes nothing.
 */
export async function createRequest(
  db: Kysely<DB>,
  deps: RequestDeps,
  ctx: RequestContext,
  apiKeyId: number,
  input: RequestFields,
): Promise<{ created: CreatedRequest; duplicate: boolean }> {
  const checked = await checkRequest(db, input);
  const prepared = await prepareMedia(input.media, deps.settings.mediaMaxBytes);
  const { service } = checked;
  const deviceIndex = checked.deviceId
    ? blindIndex(deps.reporterKeys, `open311-device:${checked.deviceId}`)
    : null;
  const fingerprint = requestFingerprint({
    serviceCode: serviceCodeOf(service.kind, service.code),
    lat: checked.lat,
    long: checked.lng,
    description: `${checked.description}\u0000${checked.clientRequestId ?? ''}`,
    deviceIndex,
  });
  const now = deps.cases.now ? deps.cases.now() : new Date();
  const notice = service.type === 'batch' ? NOTICE_BATCH : NOTICE_REALTIME;
  return inTransaction(db, async (tx) => {
    if (deps.settings.duplicateMinutes > 0) {
      // Serialises identical submissions, so a retry racing the original still finds it.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`open311:${apiKeyId}:${fingerprint}`}, 0))`.execute(
        tx,
      );
      const since = new Date(now.getTime() - deps.settings.duplicateMinutes * 60_000);
      const earlier = await tx
        .selectFrom('open311_requests as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .innerJoin('open311_tokens as t', 't.case_id', 'r.case_id')
        .select(['c.number', 'r.batch', 't.token'])
        .where('r.api_key_id', '=', apiKeyId)
        .where('r.fingerprint', '=', fingerprint)
        // A batch request is not answered with an id while in intake, so its client keeps
        // re-sending it (FixMyStreet retries a send without an id): the window stays open until then.
        .where((eb) =>
          eb.or([
            eb('r.created_at', '>=', since),
            eb.and([eb('r.batch', '=', true), eb('c.status', 'in', [...INTAKE_STATUSES])]),
          ]),
        )
        .orderBy('r.created_at')
        .executeTakeFirst();
      if (earlier) return { created: createdView(earlier, notice), duplicate: true };
    }
    const files = await storeImages(
      tx,
      ctx,
      prepared.map((p) => ({
        purpose: 'open311_media' as const,
        prepared: p,
        originalName: input.media?.[0]?.filename ?? null,
      })),
    );
    const fullAddress =
      [checked.address, checked.attributes.address_detail ? `（${checked.attributes.address_detail}）` : '']
        .join('')
        .trim() || null;
    let caseId: number;
    try {
      caseId = await reportCase(tx, deps.cases, ctx, {
        source: 'public',
        classificationId: service.id,
        location: { lng: checked.lng, lat: checked.lat, crs: 'wgs84' },
        address: fullAddress,
        description: checked.description || (service.public_name ?? service.name),
        urgency: (checked.attributes.urgency as Urgency | undefined) ?? 'normal',
        beforePhotoIds: files.map((f) => f.meta.id),
        reporter: checked.reporter,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
        const fields = error.extra.errors ?? [];
        if (fields.length > 0 && fields.every((e) => e.field in REPORTER_FIELDS))
          throw new Open311Error(
            400,
            fields.map((e) => ({ code: 400, description: `${REPORTER_FIELDS[e.field]}: ${e.reason}` })),
          );
      }
      throw error;
    }
    await tx
      .insertInto('open311_requests')
      .values({
        case_id: caseId,
        api_key_id: apiKeyId,
        media_url: checked.mediaUrl,
        attributes: JSON.stringify(checked.attributes),
        batch: service.type === 'batch',
        fingerprint,
        device_index: deviceIndex,
        client_request_id: checked.clientRequestId,
        created_at: now,
      })
      .execute();
    if (files.length > 0)
      await tx
        .insertInto('open311_media')
        .values(files.map((f) => ({ file_id: f.meta.id, case_id: caseId, source: 'request' as const })))
        .execute();
    const token = randomBytes(16).toString('base64url');
    await tx.insertInto('open311_tokens').values({ token, case_id: caseId }).execute();
    const { number } = await tx
      .selectFrom('cases')
      .select('number')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return {
      created: createdView({ number, batch: service.type === 'batch', token }, notice),
      duplicate: false,
    };
  });
}

// ---------------------------------------------------------------- GET requests

export interface PhotoView {
  media_url: string;
  /** `report`: sent with the request or an update; `after`: the handling result (处置后), once closed. */
  kind: 'report' | 'after';
}

export interface UpdateView {
  update_id: string;
  status: UpdateStatus;
  description: string;
  updated_datetime: string;
}

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
  extended_attributes?: {
    /** The FixMyStreet-style status of the latest public update (open before any). */
    detailed_status: UpdateStatus;
    /** Whether the location was rounded (a sensitive class). */
    location_rounded: boolean;
    attributes: Record<string, string | string[]>;
    photos: PhotoView[];
    updates: UpdateView[];
  };
}

/** How a view is written: the business time zone, the absolute URL of /open311/v2, extensions. */
export interface ViewOptions {
  timeZone: string;
  baseUrl: string;
  extensions: boolean;
}

export const mediaUrlOf = (baseUrl: string, fileId: string) => `${baseUrl}/media/${fileId}.jpeg`;

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
  media_file: string | null;
  attributes: Record<string, string | string[]> | null;
  sensitive: boolean;
  location_decimals: number;
  last_action: string | null;
}

/** The public requests: public source, and batch requests only once they have left intake. */
export function publicCaseFilter(): RawBuilder<unknown> {
  return sql`c.source = any(${[...PUBLIC_SOURCES]})
    and not (coalesce(r.batch, false) and c.status = any(${[...INTAKE_STATUSES]}))`;
}

/** The join that gives `sr` (the class's Open311 rules) for `k` (its class). */
export const RULES_JOIN = sql`left join open311_service_rules sr
  on sr.standard = k.standard and sr.kind = k.kind and sr.code = k.code`;

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
           ST_X(c.location) as lng, ST_Y(c.location) as lat, r.media_url, r.attributes,
           coalesce(sr.sensitive, false) as sensitive, coalesce(sr.location_decimals, 3) as location_decimals,
           (select m.file_id::text from open311_media m
             where m.case_id = c.id and m.source = 'request' order by m.created_at, m.file_id limit 1) as media_file,
           (select e.action from case_events e
             where e.case_id = c.id and e.action = any(${publicActions})
             order by e.id desc limit 1) as last_action
    from cases c
    join classifications k on k.id = c.classification_id
    ${RULES_JOIN}
    left join departments d on d.id = c.department_id
    left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and ${where}
    order by c.reported_at desc, c.id desc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

function presentRequest(row: RequestRow, options: ViewOptions): RequestView {
  const decimals = row.sensitive ? row.location_decimals : 6;
  const ownMedia = row.media_file ? mediaUrlOf(options.baseUrl, row.media_file) : null;
  return {
    service_request_id: row.number,
    status: open311Status(row.status),
    status_notes: row.last_action ? (PUBLIC_NOTES[row.last_action] ?? null) : null,
    service_name: row.public_name ?? row.name,
    service_code: serviceCodeOf(row.kind, row.code),
    description: row.description,
    agency_responsible: row.agency,
    service_notice: null,
    requested_datetime: w3cDateTime(row.reported_at, options.timeZone),
    updated_datetime: w3cDateTime(row.updated_at, options.timeZone),
    expected_datetime: row.handling_due_at ? w3cDateTime(row.handling_due_at, options.timeZone) : null,
    address: row.sensitive ? null : row.address,
    address_id: null,
    zipcode: null,
    lat: roundCoordinate(row.lat, decimals),
    long: roundCoordinate(row.lng, decimals),
    media_url: row.sensitive ? null : (row.media_url ?? ownMedia),
  };
}

interface EventRow {
  id: number;
  case_id: number;
  at: Date;
  action: string;
  to_status: string;
  closure_type: string | null;
}

/** The public events (updates) of some cases, oldest first; `where` filters `e`. */
export async function selectUpdateEvents(
  db: Kysely<DB>,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<Array<EventRow & { number: string; sensitive: boolean }>> {
  const result = await sql<EventRow & { number: string; sensitive: boolean }>`
    select e.id, e.case_id, e.at, e.action, e.to_status, e.changes->'closure_type'->>'after' as closure_type,
           c.number, coalesce(sr.sensitive, false) as sensitive
    from case_events e
    join cases c on c.id = e.case_id
    join classifications k on k.id = c.classification_id
    ${RULES_JOIN}
    left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and e.action = any(${[...UPDATE_ACTIONS]})
      and (e.action <> 'approve' or e.to_status in ('filed', 'suspended')) and ${where}
    order by e.at, e.id
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

/** extensions=true: attributes, photos and the public updates of each request. */
async function extend(
  db: Kysely<DB>,
  rows: RequestRow[],
  views: RequestView[],
  options: ViewOptions,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const [events, media, after] = await Promise.all([
    selectUpdateEvents(db, sql`e.case_id = any(${ids})`, 100_000, 0),
    db
      .selectFrom('open311_media')
      .select(['case_id', 'file_id'])
      .where('case_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('file_id')
      .execute(),
    db
      .selectFrom('case_photos as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select(['p.case_id', 'p.file_id'])
      .where('p.case_id', 'in', ids)
      .where('p.phase', '=', 'after')
      .where('c.status', '=', 'closed')
      .orderBy('p.added_at')
      .execute(),
  ]);
  rows.forEach((row, i) => {
    const updates = events
      .filter((e) => e.case_id === row.id)
      .map((e) => ({
        event: e,
        update: publicUpdate({ action: e.action, toStatus: e.to_status, closureType: e.closure_type }),
      }))
      .filter(
        (u): u is { event: (typeof events)[number]; update: NonNullable<typeof u.update> } =>
          u.update !== null,
      )
      .map(({ event, update }) => ({
        update_id: String(event.id),
        status: update.status,
        description: update.description,
        updated_datetime: w3cDateTime(event.at, options.timeZone),
      }));
    const photos: PhotoView[] = row.sensitive
      ? []
      : [
          ...media
            .filter((m) => m.case_id === row.id)
            .map((m) => ({ media_url: mediaUrlOf(options.baseUrl, m.file_id), kind: 'report' as const })),
          ...after
            .filter((p) => p.case_id === row.id)
            .map((p) => ({ media_url: mediaUrlOf(options.baseUrl, p.file_id), kind: 'after' as const })),
        ];
    views[i]!.extended_attributes = {
      detailed_status: updates.at(-1)?.status ?? 'open',
      location_rounded: row.sensitive,
      attributes: row.attributes ?? {},
      photos,
      updates,
    };
  });
}

async function present(db: Kysely<DB>, rows: RequestRow[], options: ViewOptions): Promise<RequestView[]> {
  const views = rows.map((r) => presentRequest(r, options));
  if (options.extensions) await extend(db, rows, views, options);
  return views;
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

/**
 * GET /requests. With service_request_id, exactly those requests (other filters ignored, as the
 * spec allows). Otherwise requested_datetime in [start_date, end_date], by default the 90 days up
 * to now, at most 90 days wide; newest first, at most 1000, `page`/`page_size` beyond that.
 */
export async function listRequests(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  query: RequestQuery,
  options: ViewOptions,
): Promise<RequestView[]> {
  const errors: Open311ErrorItem[] = [];
  const page = parsePositive(query.page, 'page', 1_000_000, errors) ?? 1;
  const pageSize = parsePositive(query.page_size, 'page_size', MAX_RESULTS, errors) ?? MAX_RESULTS;
  if (query.service_request_id !== undefined) {
    if (errors.length > 0) throw new Open311Error(400, errors);
    const ids = splitList(query.service_request_id).slice(0, MAX_RESULTS);
    if (ids.length === 0) return [];
    const rows = await selectRequests(db, sql`c.number = any(${ids})`, pageSize, (page - 1) * pageSize);
    return present(db, rows, options);
  }
  const now = deps.now ? deps.now() : new Date();
  const { from, to } = dateWindow(
    query,
    { now, defaultDays: DEFAULT_RANGE_DAYS, maxDays: DEFAULT_RANGE_DAYS, timeZone: deps.timeZone },
    errors,
  );
  const statuses = query.status ? splitList(query.status) : [];
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed')
      errors.push({ code: 400, description: `status ${s} is not open or closed` });
  const codes = query.service_code ? splitList(query.service_code) : [];
  const classes = codes.map((code) => parseServiceCode(code));
  codes.forEach((code, i) => {
    if (!classes[i]) errors.push({ code: 400, description: `service_code ${code} is not a service code` });
  });
  if (errors.length > 0) throw new Open311Error(400, errors);

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
  return present(db, rows, options);
}

export async function getRequest(db: Kysely<DB>, id: string, options: ViewOptions): Promise<RequestView> {
  const rows = await selectRequests(db, sql`c.number = ${id}`, 1, 0);
  if (rows.length === 0) throw open311Error(404, `service_request_id ${id} not found`);
  return (await present(db, rows, options))[0]!;
}

/**
 * GET /tokens/{token}: the id of the request the token was given for; null while a batch
 * service's case is still in intake (the on-site check and the filing decision).
 */
export async function resolveRequestToken(
  db: Kysely<DB>,
  token: string,
): Promise<{ service_request_id: string | null; token: string }> {
  const row = await db
    .selectFrom('open311_tokens as t')
    .leftJoin('cases as c', 'c.id', 't.case_id')
    .leftJoin('open311_requests as r', 'r.case_id', 't.case_id')
    .select(['t.token', 'c.number', 'c.status', 'r.batch'])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (!row) throw open311Error(404, `token ${token} not found`);
  const pending = row.batch === true && (INTAKE_STATUSES as readonly string[]).includes(row.status ?? '');
  return { service_request_id: pending ? null : row.number, token: row.token };
}

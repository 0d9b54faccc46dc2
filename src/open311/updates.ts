/**
 * FixMyStreet's `servicerequestupdates` (mySociety's Open311 extension): GET lists the public
 * updates of requests — built from the case history, one per public-facing event, with a status
 * FixMyStreet understands and the canned public note, never a staff note — and POST takes a
 * citizen's comment or photo on a request, which lands on the case as a `citizen-update` event
 * the supervision centre is notified of.
 */
import { sql, type Kysely } from 'kysely';
import {
  addCitizenUpdate,
  caseRelation,
  listAfterPhotos,
  loadCaseRow,
  type CaseServiceDeps,
} from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { storeImages } from '../files/index.js';
import { fileReopenRequest } from '../public/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { dateWindow, parseW3cSpan, w3cDateTime } from './dates.js';
import { invalidParameters, isHttpUrl, parsePositive, splitList, type ParameterProblem } from './params.js';
import { mediaUrlOf, type ViewOptions } from './presenter.js';
import { publicCaseFilter, selectUpdateEvents } from './queries.js';
import {
  claimEffect,
  parseClaimedStatus,
  publicUpdate,
  updateFingerprint,
  type ClaimedStatus,
  type UpdateStatus,
} from './rules.js';
import { DEFAULT_RANGE_DAYS, MAX_RESULTS } from './service.js';
import type { Open311Settings } from './settings.js';
import { prepareMedia, type RequestFields } from './uploads.js';
import './tables.js';

/** Updates without dates: the last day (FixMyStreet always sends a window, of two hours). */
export const DEFAULT_UPDATE_DAYS = 1;
export const MAX_UPDATE_DESCRIPTION = 2000;

export interface ServiceRequestUpdateView {
  update_id: string;
  service_request_id: string;
  status: UpdateStatus;
  /** The workflow action behind the update, for clients' response templates (FixMyStreet). */
  external_status_code: string;
  description: string;
  updated_datetime: string;
  media_url: string | null;
}

export interface UpdateQuery {
  start_date?: string;
  end_date?: string;
  service_request_id?: string;
  page?: string;
  page_size?: string;
}

/**
 * GET /servicerequestupdates: public updates whose time lies in [start_date, end_date] (by default
 * the last day; at most 90 days wide), oldest first, at most 1000 a page; optionally of some
 * requests only. A closing update carries the after-photo (not for sensitive classes).
 */
export async function listUpdates(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  query: UpdateQuery,
  options: ViewOptions,
): Promise<ServiceRequestUpdateView[]> {
  const problems: ParameterProblem[] = [];
  const page = parsePositive(query.page, 'page', 1_000_000, problems) ?? 1;
  const pageSize = parsePositive(query.page_size, 'page_size', MAX_RESULTS, problems) ?? MAX_RESULTS;
  const now = deps.now ? deps.now() : new Date();
  const { from, to } = dateWindow(
    query,
    { now, defaultDays: DEFAULT_UPDATE_DAYS, maxDays: DEFAULT_RANGE_DAYS, timeZone: deps.timeZone },
    problems,
  );
  if (problems.length > 0) throw invalidParameters(problems);
  const parts = [sql`e.at >= ${from}`, sql`e.at < ${to}`];
  if (query.service_request_id !== undefined)
    parts.push(sql`c.number = any(${splitList(query.service_request_id).slice(0, MAX_RESULTS)})`);
  const events = await selectUpdateEvents(db, sql.join(parts, sql` and `), pageSize, (page - 1) * pageSize);
  const closing = events.filter((e) => e.action === 'close' && !e.sensitive).map((e) => e.case_id);
  const afterPhotos = closing.length === 0 ? [] : await listAfterPhotos(db, closing, { newestFirst: true });
  const views: ServiceRequestUpdateView[] = [];
  for (const e of events) {
    const update = publicUpdate({ action: e.action, toStatus: e.to_status, closureType: e.closure_type });
    if (!update) continue;
    const photo =
      e.action === 'close' && !e.sensitive ? afterPhotos.find((p) => p.case_id === e.case_id) : undefined;
    views.push({
      update_id: String(e.id),
      service_request_id: e.number,
      status: update.status,
      external_status_code: e.action,
      description: update.description,
      updated_datetime: w3cDateTime(e.at, options.timeZone),
      media_url: photo ? mediaUrlOf(options.baseUrl, photo.file_id) : null,
    });
  }
  return views;
}

export interface PostedUpdate {
  update_id: string;
}

/**
 * POST /servicerequestupdates: a citizen's comment (`description`) and/or photo (`media` file or
 * `media_url`) on a public request. The client's own update id (`update_id`/`update_id_ext`), or
 * failing that the same text and photo within the duplicate window, makes a retry answer the first
 * update_id. Contact fields of updates (email, names) are not stored: the request's reporter is.
 */
export async function postUpdate(
  db: Kysely<DB>,
  deps: { cases: CaseServiceDeps; settings: Open311Settings },
  ctx: RequestContext,
  apiKeyId: number,
  input: RequestFields,
): Promise<{ created: PostedUpdate; duplicate: boolean }> {
  const f = input.fields;
  const problems: ParameterProblem[] = [];
  const requestId = f.service_request_id?.trim();
  if (!requestId) problems.push({ description: 'service_request_id is required' });
  const description = f.description?.trim() ?? '';
  if (description.length > MAX_UPDATE_DESCRIPTION)
    problems.push({ description: `description must not exceed ${MAX_UPDATE_DESCRIPTION} characters` });
  const mediaUrl = f.media_url?.trim() || null;
  if (mediaUrl && (mediaUrl.length > 2048 || !isHttpUrl(mediaUrl)))
    problems.push({ description: 'media_url must be an http(s) URL of at most 2048 characters' });
  const media = input.media ?? [];
  if (media.length > 1) problems.push({ description: 'media: send at most one file per update' });
  if (!description && !mediaUrl && media.length === 0)
    problems.push({ description: 'description is required (or a media file or media_url)' });
  let claimed: ClaimedStatus | null = null;
  if (f.status !== undefined && f.status.trim() !== '') {
    claimed = parseClaimedStatus(f.status);
    if (!claimed) problems.push({ description: `status ${f.status} is not an update status` });
  }
  parseW3cSpan(f.updated_datetime, 'updated_datetime', problems, deps.cases.timeZone, 'business');
  const clientId = (f.update_id_ext ?? f.update_id)?.trim() || null;
  if (clientId && clientId.length > 100)
    problems.push({ description: 'update_id must not exceed 100 characters' });
  if (problems.length > 0) throw invalidParameters(problems);

  const target = await sql<{ id: number }>`
    select c.id from ${caseRelation(db)} c left join open311_requests r on r.case_id = c.id
    where ${publicCaseFilter()} and c.number = ${requestId!}`.execute(db);
  const caseId = target.rows[0]?.id;
  if (caseId === undefined) throw new DomainError('NOT_FOUND', `service_request_id ${requestId} not found`);
  const prepared = await prepareMedia(media, deps.settings.mediaMaxBytes);
  const fingerprint = updateFingerprint({
    caseId,
    description: `${description}\u0000${mediaUrl ?? ''}`,
    mediaSha256: prepared[0]?.image.sha256 ?? '',
  });
  const now = deps.cases.now ? deps.cases.now() : new Date();
  return inTransaction(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`open311-update:${apiKeyId}:${clientId ?? fingerprint}`}, 0))`.execute(
      tx,
    );
    const since = new Date(now.getTime() - deps.settings.duplicateMinutes * 60_000);
    const earlier = await tx
      .selectFrom('open311_updates')
      .select(['case_event_id', 'case_id'])
      .where('api_key_id', '=', apiKeyId)
      .where((eb) =>
        clientId
          ? eb('client_update_id', '=', clientId)
          : eb.and([
              eb('fingerprint', '=', fingerprint),
              eb('created_at', '>=', since),
              eb('case_id', '=', caseId),
            ]),
      )
      .executeTakeFirst();
    // The client's update id names one update of one request: on another request it is a client
    // error, and answering the first update would drop this comment without telling anyone.
    if (earlier && clientId && Number(earlier.case_id) !== Number(caseId))
      throw new DomainError(
        'ALREADY_EXISTS',
        `update_id ${clientId} was already used for an update of another service_request_id`,
      );
    if (earlier && (clientId || deps.settings.duplicateMinutes > 0))
      return { created: { update_id: String(earlier.case_event_id) }, duplicate: true };
    const files = await storeImages(
      tx,
      ctx,
      prepared.map((p) => ({
        purpose: 'open311_media' as const,
        prepared: p,
        originalName: media[0]?.filename ?? null,
      })),
    );
    // The case, locked: what a claimed status asks (a reopen request …) depends on its state now.
    const kase = (await loadCaseRow(tx, caseId, true))!;
    const effect = claimEffect(
      claimed,
      { status: kase.status, closedAt: kase.closed_at },
      now,
      (deps.cases.workflow ?? { reopenWindowDays: 30 }).reopenWindowDays,
    );
    const note = [`${effect.prefix ?? ''}${description}`, mediaUrl ? `（照片链接：${mediaUrl}）` : '']
      .filter(Boolean)
      .join('\n');
    const eventId = await addCitizenUpdate(tx, deps.cases, ctx, caseId, {
      note,
      photoIds: files.map((f) => f.meta.id),
      claimedStatus: claimed,
    });
    if (files.length > 0)
      await tx
        .insertInto('open311_media')
        .values(files.map((file) => ({ file_id: file.meta.id, case_id: caseId, source: 'update' as const })))
        .execute();
    await tx
      .insertInto('open311_updates')
      .values({
        case_event_id: eventId,
        case_id: caseId,
        api_key_id: apiKeyId,
        client_update_id: clientId,
        fingerprint,
        media_url: mediaUrl,
        created_at: now,
      })
      .execute();
    if (effect.reopenRequest)
      await fileReopenRequest(tx, ctx, kase, {
        ratingId: null,
        reason: `${description || '（无文字说明）'}（Open311 更新 #${eventId}）`,
        now,
        title: `市民经 Open311 申请重新办理：${kase.number} ${kase.class_name}`,
        body: description,
      });
    return { created: { update_id: String(eventId) }, duplicate: false };
  });
}

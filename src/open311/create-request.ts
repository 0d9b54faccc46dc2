/**
 * POST /requests: a service request becomes a `public` case registered through reportCase, with
 * its photo, the reporter's contact data (encrypted by the reporters module) and duplicate
 * detection; the client gets the case number (not for a batch service) and a token.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  caseNumberOf,
  caseRelation,
  reportCase,
  type CaseServiceDeps,
  type Urgency,
} from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { storeImages } from '../files/index.js';
import { blindIndex, type KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { invalidParameters, isHttpUrl, parseCoordinate, type ParameterProblem } from './params.js';
import { INTAKE_STATUSES, parseYesNo, reporterName, requestFingerprint } from './rules.js';
import { MAX_ADDRESS_DETAIL, MAX_DESCRIPTION, findService, serviceCodeOf } from './service.js';
import type { Open311Settings } from './settings.js';
import { prepareMedia, type RequestFields } from './uploads.js';
import './tables.js';

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
  const problems: ParameterProblem[] = [];
  const serviceCode = f.service_code?.trim();
  if (!serviceCode) problems.push({ description: 'service_code is required' });
  const lat = parseCoordinate(f.lat, 'lat', problems);
  const lng = parseCoordinate(f.long, 'long', problems);
  if ((lat === undefined) !== (lng === undefined) && problems.length === 0) {
    problems.push({ description: 'lat and long must be given together' });
  }
  const hasCoordinates = lat !== undefined && lng !== undefined;
  if (!hasCoordinates && problems.every((p) => !/^(lat|long)/.test(p.description))) {
    problems.push({
      description:
        f.address_string || f.address_id
          ? 'lat and long are required: this server does not geocode address_string or address_id'
          : 'lat and long are required',
    });
  }
  const description = f.description?.trim() ?? '';
  if (description.length > MAX_DESCRIPTION)
    problems.push({ description: `description must not exceed ${MAX_DESCRIPTION} characters` });
  const address = f.address_string?.trim() ?? '';
  if (address.length > 500) problems.push({ description: 'address_string must not exceed 500 characters' });
  const mediaUrl = f.media_url?.trim() || null;
  if (mediaUrl && (mediaUrl.length > 2048 || !isHttpUrl(mediaUrl)))
    problems.push({ description: 'media_url must be an http(s) URL of at most 2048 characters' });

  const attributes: Record<string, string> = {};
  // Every attribute of SERVICE_ATTRIBUTES is optional, and FixMyStreet sends each question of the
  // category, an unanswered one as `attribute[code]=`: an empty value means "not answered".
  const answered = (value: string | string[] | undefined) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value;
  const urgency = answered(input.attributes.urgency);
  if (urgency !== undefined) {
    if (typeof urgency !== 'string' || !['normal', 'urgent'].includes(urgency))
      problems.push({ description: 'attribute[urgency] must be normal or urgent' });
    else attributes.urgency = urgency;
  }
  const detail = answered(input.attributes.address_detail);
  if (detail !== undefined) {
    if (typeof detail !== 'string' || detail.length > MAX_ADDRESS_DETAIL)
      problems.push({
        description: `attribute[address_detail] must be one string of at most ${MAX_ADDRESS_DETAIL} characters`,
      });
    else if (detail.trim()) attributes.address_detail = detail.trim();
  }
  // Consent: the service attribute, or a plain contact_consent field (JSON clients).
  const consentRaw = answered(input.attributes.contact_consent) ?? answered(f.contact_consent);
  let contactConsent = false;
  if (consentRaw !== undefined) {
    const parsed = typeof consentRaw === 'string' ? parseYesNo(consentRaw) : null;
    if (parsed === null) problems.push({ description: 'attribute[contact_consent] must be yes or no' });
    else contactConsent = parsed;
  }

  // Contact data: kept encrypted in the reporters module, never answered (docs/privacy.md).
  const name = reporterName(f.first_name, f.last_name);
  const phone = f.phone?.trim() || null;
  const email = f.email?.trim() || null;
  const deviceId = (f.device_id ?? f.deviceid)?.trim() || null;
  if (deviceId && deviceId.length > 200)
    problems.push({ description: 'device_id must not exceed 200 characters' });
  const clientRequestId = f.service_request_id_ext?.trim() || null;
  if (clientRequestId && clientRequestId.length > 100)
    problems.push({ description: 'service_request_id_ext must not exceed 100 characters' });
  if ((input.media?.length ?? 0) > 1)
    problems.push({ description: 'media: send at most one file (use updates for more photos)' });

  const service = serviceCode ? await findService(db, serviceCode) : null;
  if (serviceCode && !service) problems.push({ description: `service_code ${serviceCode} not found` });
  if (problems.length > 0 || !service || !hasCoordinates) throw invalidParameters(problems);
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
        .innerJoin(caseRelation(tx).as('c'), 'c.id', 'r.case_id')
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
          throw invalidParameters(
            fields.map((e) => ({ description: `${REPORTER_FIELDS[e.field]}: ${e.reason}` })),
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
    const number = await caseNumberOf(tx, caseId);
    return {
      created: createdView({ number, batch: service.type === 'batch', token }, notice),
      duplicate: false,
    };
  });
}

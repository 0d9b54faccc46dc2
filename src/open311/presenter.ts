/**
 * How a service request is shown: the fields the spec names, reduced for sensitive classes (the
 * location rounded, no address, no photos; rules.ts, open311_service_rules), and with
 * `extensions=true` its attributes, photos and public updates, which are loaded for the whole page
 * at once.
 */
import { sql, type Kysely } from 'kysely';
import { listAfterPhotos } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { w3cDateTime } from './dates.js';
import { selectUpdateEvents, type RequestRow } from './queries.js';
import { PUBLIC_NOTES, open311Status, publicUpdate, roundCoordinate, type UpdateStatus } from './rules.js';
import { serviceCodeOf } from './service.js';
import './tables.js';

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
    listAfterPhotos(db, ids, { closedCasesOnly: true }),
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

export async function presentRequests(
  db: Kysely<DB>,
  rows: RequestRow[],
  options: ViewOptions,
): Promise<RequestView[]> {
  const views = rows.map((r) => presentRequest(r, options));
  if (options.extensions) await extend(db, rows, views, options);
  return views;
}

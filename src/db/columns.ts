/** Column types the modules' table files (src/<module>/tables.ts) share, for Kysely. */
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (DEFAULT now()). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/**
 * Geometry columns are never selected raw: queries convert them with ST_AsGeoJSON, so they are
 * typed as opaque strings.
 */
export type Geometry = ColumnType<string, string, string>;
export type Json<T> = ColumnType<T, string, string>;
/** Bytes as written (Buffer is a Uint8Array) and as read (pg: Buffer, PGlite: Uint8Array). */
export type Bytes = ColumnType<Uint8Array, Uint8Array, never>;

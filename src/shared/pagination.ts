/**
 * Keyset (cursor) pagination: the cursor is the sort key of the last row, opaque to clients
 * (base64url JSON). Stable under inserts, O(limit) at any depth, unlike OFFSET.
 */
import { DomainError } from './errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The type of each key of a list's sort order. A cursor is decoded against them precisely, so a
 * forged one (`["x",1]`, `[date,1.5]`, an id no column holds) is a 400, never a database error.
 * - `serial`: an id of an int4 (serial) table, 1..2147483647;
 * - `bigserial`: an id of a bigint table, 1..2^53-1 (exact as a JavaScript number);
 * - `timestamp`: an ISO 8601 instant as toISOString() writes it, in the years 1900–2200;
 * - `text`: a string of at most 200 characters, no NUL, no lone surrogate.
 */
export type KeyType = 'serial' | 'bigserial' | 'timestamp' | 'text';
type KeyValues<T extends readonly KeyType[]> = {
  [I in keyof T]: T[I] extends 'serial' | 'bigserial' ? number : string;
};

const INT4_MAX = 2_147_483_647;
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function keyFits(value: unknown, type: KeyType): boolean {
  switch (type) {
    case 'serial':
      return Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= INT4_MAX;
    case 'bigserial':
      return Number.isSafeInteger(value) && (value as number) >= 1;
    case 'timestamp': {
      if (typeof value !== 'string') return false;
      const match = ISO_INSTANT.exec(value);
      const year = Number(match?.[1]);
      return match !== null && year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(value));
    }
    case 'text':
      return (
        typeof value === 'string' &&
        value.length <= 200 &&
        !value.includes('\u0000') &&
        !LONE_SURROGATE.test(value)
      );
  }
}

export function decodeCursor<const T extends readonly KeyType[]>(cursor: string, types: T): KeyValues<T> {
  const invalid = new DomainError('VALIDATION_FAILED', 'cursor is not valid', {
    errors: [{ field: 'querystring.cursor', reason: 'is not a cursor this list returned' }],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length) throw invalid;
  parsed.forEach((value, i) => {
    if (!keyFits(value, types[i]!)) throw invalid;
  });
  return parsed as KeyValues<T>;
}

/** Splits a `limit + 1` fetch into a page and the cursor of its last row. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  keyOf: (row: Row) => readonly (string | number)[],
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

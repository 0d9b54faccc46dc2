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

type KeyType = 'string' | 'number';
type KeyValues<T extends readonly KeyType[]> = { [I in keyof T]: T[I] extends 'number' ? number : string };

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
    if (typeof value !== types[i]) throw invalid;
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

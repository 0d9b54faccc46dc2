/**
 * The input boundary (issue #11 §1): checks every request once, before any route sees it, so a
 * new route cannot forget them. Strings refuse NUL (PostgreSQL text cannot hold it) and lone UTF-16
 * surrogates (they would reach the database as U+FFFD, silently); JSON is at most MAX_JSON_DEPTH
 * deep; dates lie in DATE_RANGE; the framework's own refusals (bad URL encoding, over-long path
 * parameters) leave as problem+json like every other error. docs/api/conventions.md, "Input limits".
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import type { Ajv } from 'ajv';
import { DomainError, type FieldError } from '../shared/errors.js';
import { problemFor } from './problem.js';

/** Nesting deeper than this is no GeoJSON or attribute list we accept (a MultiPolygon is 6). */
export const MAX_JSON_DEPTH = 32;

/** The years a date or timestamp may name: older or later ones are typing errors, not records. */
export const DATE_RANGE = { firstYear: 1900, lastYear: 2200 } as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null. */
export function stringDefect(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return null;
}

/** The first defect of a parsed value (strings, keys, depth), named by its path. */
function findDefect(value: unknown, field: string, depth: number): FieldError | null {
  if (typeof value === 'string') {
    const reason = stringDefect(value);
    return reason ? { field, reason } : null;
  }
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return null;
  if (depth >= MAX_JSON_DEPTH)
    return { field, reason: `must not be nested more than ${MAX_JSON_DEPTH} deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findDefect(value[i], `${field}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const keyReason = stringDefect(key);
    if (keyReason) return { field: `${field}.${key.replace(/[^\x20-\x7e]/g, '?')}`, reason: keyReason };
    const found = findDefect(item, `${field}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A query string whose percent-encoding is not UTF-8 (`%ED%A0%80`, a lone surrogate; `%FF`) would
 * be decoded to U+FFFD without a word; refuse it instead.
 */
function queryDefect(url: string): FieldError | null {
  const start = url.indexOf('?');
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    const [name = '', value = ''] = pair.split('=', 2);
    for (const part of [name, value]) {
      try {
        decodeURIComponent(part.replaceAll('+', ' '));
      } catch {
        return { field: `querystring.${safeName(name)}`, reason: 'is not valid UTF-8 percent-encoding' };
      }
    }
  }
  return null;
}

function safeName(name: string): string {
  try {
    return decodeURIComponent(name).replace(/[^\x20-\x7e]/g, '?');
  } catch {
    return '?';
  }
}

/** preValidation hook of every route: the defects no schema keyword catches, as a 400. */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const found =
    queryDefect(request.url) ??
    findDefect(request.params, 'params', 0) ??
    findDefect(request.query, 'querystring', 0) ??
    findDefect(request.body, 'body', 0);
  if (found)
    throw new DomainError('VALIDATION_FAILED', `${found.field} ${found.reason}`, { errors: [found] });
}

/**
 * preHandler hook of every route: the body once more, for routes that read it themselves in their
 * own preValidation (Open311's multipart form), after this module's first look.
 */
export async function guardReadBody(request: FastifyRequest): Promise<void> {
  const found = findDefect(request.body, 'body', 0);
  if (found)
    throw new DomainError('VALIDATION_FAILED', `${found.field} ${found.reason}`, { errors: [found] });
}

/** Whether a date or timestamp text (starting YYYY) lies within DATE_RANGE. */
export function isDateInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= DATE_RANGE.firstYear && year <= DATE_RANGE.lastYear;
}

/**
 * Ajv plugin run after ajv-formats: `date` and `date-time` also require a year in DATE_RANGE, so
 * `0000-01-01` is a 400 at every route that declares the format, not a database error later.
 */
export function boundedDateFormats(ajv: Ajv): void {
  for (const name of ['date', 'date-time'] as const) {
    const original = ajv.formats[name];
    const check =
      typeof original === 'object' && original !== null && 'validate' in original
        ? original.validate
        : original;
    if (typeof check !== 'function') throw new Error(`ajv-formats did not define the ${name} format`);
    ajv.addFormat(name, {
      type: 'string',
      validate: (text: string) => (check as (text: string) => boolean)(text) && isDateInRange(text),
    });
  }
}

/**
 * Fastify answers a URL it cannot decode, or a path parameter longer than maxParamLength, before
 * any route or hook runs; this gives those answers the problem format (Open311: its error list).
 */
/** Fastify's default maxParamLength: a longer path parameter never reaches a route. */
export const MAX_PARAM_LENGTH = 100;

/**
 * Whether a path has a segment longer than any path parameter may be. Fastify's router refuses
 * those only where a parametric route matched; behind the web app's catch-all route they would
 * fall through to "not found" and echo the whole URL, so the not-found handler asks this too.
 */
export function hasOverlongSegment(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH);
}

export function frameworkRefusal(
  error: Pick<FastifyError, 'code'>,
  url: string,
  open311: (url: string, status: number, description: string) => { contentType: string; body: string },
): { status: number; contentType: string; body: string } {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const reason = tooLong
    ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`
    : 'is not a valid URL encoding';
  if (url.startsWith('/open311/v2/')) return { status, ...open311(url, status, `path: ${reason}`) };
  const errors = [{ field: 'params', reason }];
  // VALIDATION_FAILED with the HTTP status 414, as the error handler does for other framework 4xx.
  const problem = {
    ...problemFor('VALIDATION_FAILED', `params ${reason}`, { errors }),
    status,
    instance: url.slice(0, 200),
  };
  return { status, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify(problem) };
}

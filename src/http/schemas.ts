/** TypeBox schemas shared by routes: problem responses, paging, versions. */
import { Type, type TSchema } from 'typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/pagination.js';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);

const problemRef = Type.Ref('Problem');

/** The error responses a route can give, by status. */
export function problems(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemRef]));
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
};

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.Null(), Type.String()]) });
}

export const RegionCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3}([0-9]{3}([0-9A-Z]{2,3})?)?)?$' });
/**
 * Input primitives (docs/api/conventions.md, "Input limits"): every id, version, date and name a
 * client sends is declared with one of these, so its bounds are those of the column it meets.
 */
type IntegerOptions = NonNullable<Parameters<typeof Type.Integer>[0]>;
type StringOptions = NonNullable<Parameters<typeof Type.String>[0]>;

/** The largest value of a PostgreSQL integer (int4) column: serial ids and versions. */
export const INT4_MAX = 2_147_483_647;
/**
 * bigserial columns hold up to 2^63-1, but ids travel as JavaScript numbers, exact only up to
 * 2^53-1; no row reaches that, so a larger id is refused rather than silently rounded.
 */
export const BIGINT_ID_MAX = Number.MAX_SAFE_INTEGER;

/** An id of a serial (int4) table: users, departments, classifications, API tokens, routing rules, webhook subscriptions, citizens. */
export const SerialId = (options: IntegerOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: INT4_MAX, ...options });
/** An id of a bigserial table: cases, audit entries, notifications, webhook deliveries, Open311 keys, reopen requests. */
export const BigSerialId = (options: IntegerOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: BIGINT_ID_MAX, ...options });

export const IdParam = Type.Object({ id: SerialId() });
export const BigIdParam = Type.Object({ id: BigSerialId() });
export const Version = Type.Integer({
  minimum: 1,
  maximum: INT4_MAX,
  description: 'The version you read; 409 if it changed since',
});
/** An instant, ISO 8601 with offset; its year lies in 1900–2200 (http/boundary.ts DATE_RANGE). */
export const Timestamp = Type.String({ format: 'date-time' });
/** A civil date YYYY-MM-DD in 1900–2200. */
export const CivilDate = (options: StringOptions = {}) => Type.String({ format: 'date', ...options });

/**
 * C0/C1 control characters and the bidi embedding/override/isolate marks: a name containing them
 * can hide or reorder what an administrator reads (U+202E shows the rest of a name reversed).
 */
export const NAME_PATTERN = '^[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]*$';
/** A name people read (API keys, applications, departments, users): no control or bidi characters. */
export const Name = (options: StringOptions = {}) => Type.String({ pattern: NAME_PATTERN, ...options });

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
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Version = Type.Integer({
  minimum: 1,
  description: 'The version you read; 409 if it changed since',
});
export const Timestamp = Type.String({ format: 'date-time' });

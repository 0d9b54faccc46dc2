/**
 * A case in a path: its numeric id or its 19-digit case number (案卷编号, numbering.ts), which staff
 * and citizens quote. The number is read as a string, never through Number (it exceeds 2^53 and
 * would be rounded to another case's number); an id beyond what a JavaScript number holds exactly
 * is a 400, not a lookup of a rounded id.
 */
import type { Kysely, Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../db/schema.js';
import { BIGINT_ID_MAX } from '../http/schemas.js';
import { DomainError } from '../shared/errors.js';
import './tables.js';

const CASE_NUMBER_LENGTH = 19;

export const CaseRef = Type.String({
  pattern: '^(?:[1-9][0-9]{0,15}|[0-9]{19})$',
  description: 'The case id, or its 19-digit case number (案卷编号), e.g. 1101012026120700031',
});
export const CaseRefParam = Type.Object({ id: CaseRef });

/** The case id a reference names; 404 when no case has that number, 400 when the id is too large. */
export async function resolveCaseRef(db: Kysely<DB> | Transaction<DB>, ref: string): Promise<number> {
  if (ref.length === CASE_NUMBER_LENGTH) {
    const row = await db.selectFrom('cases').select('id').where('number', '=', ref).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', `No case ${ref}`);
    return Number(row.id);
  }
  const id = Number(ref);
  if (!Number.isSafeInteger(id) || id > BIGINT_ID_MAX)
    throw new DomainError('VALIDATION_FAILED', `params.id ${ref} is larger than any case id`, {
      errors: [{ field: 'params.id', reason: `must be at most ${BIGINT_ID_MAX} or a 19-digit case number` }],
    });
  return id;
}

/**
 * Who should be told: the active staff of a role whose jurisdiction covers a place, or who
 * belong to a department — e.g. the dispatchers (派遣员) of a case's district, or the handlers of
 * the department a case was dispatched to. Identity owns the accounts and answers the question.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { activeStaffFor, type StaffQuery } from '../identity/index.js';

export type RecipientQuery = StaffQuery;

/**
 * User ids (ascending) of active staff with the role(s) who cover `regionCode` OR belong to
 * `departmentId`; with neither given, every active user of the role(s). Pass the caller's
 * transaction when there is one (on the embedded database the outer handle would wait for it).
 */
export function recipientsFor(db: Kysely<DB>, query: RecipientQuery): Promise<number[]> {
  return activeStaffFor(db, query);
}

/**
 * Staff accounts as other modules show them: a case history names who acted (姓名, 岗位 and, through
 * the departments module, 部门). A relation to join, so a history is one statement, not one per event.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Every account's id, display name, supervisor position and department id (`.as('u')`). */
export function staffNameRelation(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'display_name', 'position', 'department_id']);
}

/**
 * Staff accounts as other modules need them: who covers a place or belongs to a department (the
 * recipients of a notification), and dropping the bindings to regions that are replaced.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import type { StaffRole } from './actor.js';

export interface StaffQuery {
  role: StaffRole | readonly StaffRole[];
  /**
   * A region or grid code; a user bound to a code that is a prefix of it covers it (bound to
   * 110101 covers 110101001002003). Administrators cover every region.
   */
  regionCode?: string;
  /** Members of this department. */
  departmentId?: number;
}

/**
 * User ids (ascending) of active staff with the role(s) who cover `regionCode` OR belong to
 * `departmentId`; with neither given, every active user of the role(s). Pass the caller's
 * transaction when there is one (on the embedded database the outer handle would wait for it).
 */
export async function activeStaffFor(db: Kysely<DB>, query: StaffQuery): Promise<number[]> {
  const roles: readonly StaffRole[] = typeof query.role === 'string' ? [query.role] : query.role;
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.active', '=', true)
    .where('u.role', 'in', roles)
    .where((eb) => {
      const covers: RawBuilder<SqlBool>[] = [];
      if (query.regionCode !== undefined) {
        covers.push(sql<SqlBool>`(u.role = 'admin' or exists (
          select 1 from user_regions ur
          where ur.user_id = u.id and starts_with(${query.regionCode}, ur.region_code)))`);
      }
      if (query.departmentId !== undefined)
        covers.push(sql<SqlBool>`u.department_id = ${query.departmentId}`);
      return covers.length === 0 ? sql<SqlBool>`true` : eb.or(covers);
    })
    .orderBy('u.id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Removes every account's binding to these regions (unit grids being regenerated); run it in the
 * transaction that deletes them.
 */
export async function unbindRegions(db: Kysely<DB>, regionCodes: readonly string[]): Promise<void> {
  if (regionCodes.length === 0) return;
  await db
    .deleteFrom('user_regions')
    .where('region_code', 'in', [...regionCodes])
    .execute();
}

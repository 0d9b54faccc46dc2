/**
 * Case photos are readable by whoever may read the case: staff whose jurisdiction covers the
 * case's grid, or the department it is assigned to (the files module asks every registered rule).
 */
import { sql } from 'kysely';
import { registerFileAccessRule } from '../files/index.js';
import { scopeOf, regionOrDepartmentPredicate } from '../identity/index.js';
import './tables.js';

export function registerCasePhotoAccess(): () => void {
  return registerFileAccessRule('cases', async (db, actor, file) => {
    const scope = scopeOf(actor);
    const result = await sql<{ one: number }>`
      select 1 as one from case_photos p join cases c on c.id = p.case_id
      where p.file_id = ${file.id}::uuid
        and ${regionOrDepartmentPredicate(scope, sql.ref('c.grid_code'), [sql.ref('c.department_id')])}
      limit 1`.execute(db);
    return result.rows.length > 0;
  });
}

/**
 * Jurisdiction in the data layer: SQL predicates that every scoped query applies, so no endpoint
 * can forget it. Region codes are digit strings validated on the way in, so a LIKE prefix needs
 * no escaping and uses the text_pattern_ops indexes.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Scope } from './actor.js';

const ALWAYS = sql<SqlBool>`true`;
const NEVER = sql<SqlBool>`false`;

function assertCode(code: string): string {
  if (!/^[0-9A-Z]{1,20}$/.test(code)) throw new Error(`Invalid region code in scope: ${code}`);
  return code;
}

/** `column` starts with one of the scope's region codes. */
export function regionPrefixPredicate(scope: Scope, column: Expression<string | null>): Expression<SqlBool> {
  if (scope.kind === 'all') return ALWAYS;
  if (scope.regionCodes.length === 0) return NEVER;
  const parts = scope.regionCodes.map((code) => sql<SqlBool>`${column} like ${`${assertCode(code)}%`}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * A region row is visible when it lies inside the scope or is an ancestor of a bound region
 * (a street user sees the district it belongs to, but not the sibling streets).
 */
export function regionVisiblePredicate(scope: Scope, codeColumn: Expression<string>): Expression<SqlBool> {
  if (scope.kind === 'all') return ALWAYS;
  if (scope.regionCodes.length === 0) return NEVER;
  const inside = regionPrefixPredicate(scope, codeColumn);
  const ancestors = scope.regionCodes.map(
    (code) => sql<SqlBool>`${assertCode(code)} like ${codeColumn} || '%'`,
  );
  return sql<SqlBool>`(${inside} or ${sql.join(ancestors, sql` or `)})`;
}

/** Inside the scope's regions, or tied to the scope's department through one of `departmentColumns`. */
export function regionOrDepartmentPredicate(
  scope: Scope,
  regionColumn: Expression<string | null>,
  departmentColumns: Expression<number | null>[],
): Expression<SqlBool> {
  if (scope.kind === 'all') return ALWAYS;
  const parts: Expression<SqlBool>[] = [];
  if (scope.regionCodes.length > 0) parts.push(regionPrefixPredicate(scope, regionColumn));
  if (scope.departmentId !== null) {
    for (const column of departmentColumns) parts.push(sql<SqlBool>`${column} = ${scope.departmentId}`);
  }
  if (parts.length === 0) return NEVER;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Row types of the department tables (migrations 0001, 0002), composed into `DB` by
 * src/db/schema.ts.
 */
import type { Generated } from 'kysely';
import type { ClassKind } from '../classification/index.js';
import type { GeneratedTimestamp } from '../db/columns.js';

export interface DepartmentsTable {
  id: Generated<number>;
  credit_code: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  region_code: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DepartmentResponsibilitiesTable {
  id: Generated<number>;
  department_id: number;
  kind: ClassKind;
  standard: string;
  class_code_prefix: string;
  region_code: string;
}

export interface DepartmentTables {
  departments: DepartmentsTable;
  department_responsibilities: DepartmentResponsibilitiesTable;
}

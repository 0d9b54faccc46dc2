/** The departments module's public door. */
export { departmentRoutes } from './routes.js';
export { DEPARTMENT_KINDS, DEPARTMENT_KIND_LABELS, isDepartmentKind, type DepartmentKind } from './kinds.js';
export {
  responsibleDepartments,
  responsibilityMatches,
  standardCovers,
  type Responsibility,
  type ResponsibilityQuery,
  type ResponsibleDepartment,
} from './responsibility.js';
export {
  departmentExists,
  listDepartmentSummaries,
  loadResponsibilities,
  type DepartmentRecord,
  type DepartmentSummary,
  type ResponsibilityRecord,
} from './repo.js';
export {
  departmentRelation,
  departmentsForReporting,
  activeResponsibilityRelation,
  departmentNameRelation,
  departmentNames,
  type DepartmentName,
} from './relations.js';
export {
  createDepartment,
  getDepartment,
  listDepartments,
  setResponsibilities,
  updateDepartment,
  type DepartmentDetail,
  type DepartmentInput,
  type DepartmentPatch,
} from './service.js';
export { departmentsModule } from './module.js';
export type { DepartmentTables } from './tables.js';

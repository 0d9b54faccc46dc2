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
export { loadResponsibilities, type DepartmentRecord, type ResponsibilityRecord } from './repo.js';
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
export {
  activeResponsibilityRelation,
  departmentNameRelation,
  departmentNames,
  type DepartmentName,
} from './lookups.js';

/** The components module's public door. */
export { componentRoutes } from './routes.js';
export {
  createComponentsBulk,
  DEFAULT_TIME_ZONE,
  type BulkOptions,
  type BulkReport,
  type ComponentRow,
  type CreatedComponent,
  type DepartmentRef,
  type RowError,
} from './bulk.js';
export { importComponents, MAX_IMPORT_ROWS, type ImportFormat, type ImportReport } from './import.js';
export {
  createComponent,
  getComponent,
  listComponents,
  updateComponent,
  type ComponentCreateInput,
  type ComponentPatch,
} from './service.js';
export type { ComponentView } from './presenter.js';
export {
  COMPONENT_STATUSES,
  DATA_SOURCES,
  DATA_SOURCE_LABELS,
  STATUS_LABELS,
  type ComponentDataSource,
  type ComponentStatus,
} from './rules.js';
export { componentFacts, type ComponentFacts } from './repo.js';
export { componentsModule } from './module.js';
export { detachComponentsFromGrids, placeComponentsOnGrids } from './placement.js';
export type { ComponentTables } from './tables.js';

/** The audit module's door: the append-only audit log (审计日志), written inside other modules' transactions, and its API. */
export { auditRoutes } from './routes.js';
export {
  listAudit,
  recordAudit,
  recordAudits,
  type AuditContext,
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
} from './service.js';
export { auditModule } from './module.js';
export type { AuditTables } from './tables.js';

/**
 * The case loop's use cases, one transaction each: intake (intake.ts), workflow actions
 * (actions/perform.ts) and citizen updates (citizen-updates.ts). Each writes the case, one
 * append-only history event, the deadline clocks, an outbox message and the inbox notifications
 * together, or nothing. The decisions themselves are the pure workflow table's (src/cases/workflow).
 */
export { reportCase, type ReportInput } from './intake.js';
export { allowedActionsFor, performAction } from './actions/perform.js';
export type { ActionRequest } from './actions/inputs.js';
export { addCitizenUpdate, type CitizenUpdateInput } from './citizen-updates.js';
export { nowOf, type CaseServiceDeps, type PointInput, type Urgency } from './deps.js';
export { visibleTo } from './visibility.js';
export { CASE_SOURCES, type CaseSource, type CaseStatus } from './workflow/index.js';

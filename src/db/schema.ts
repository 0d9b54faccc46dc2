/**
 * The database as Kysely sees it: `DB` composed from the tables each module owns, whose row
 * types live in the module (src/<module>/tables.ts) and come here through its door. The modules
 * whose tables.ts merges itself into `DB` (cases, citizens, public, open311, reporters,
 * evaluation) need no line here.
 */
import type { AuditTables } from '../audit/index.js';
import type { ClassificationTables } from '../classification/index.js';
import type { ComponentTables } from '../components/index.js';
import type { DepartmentTables } from '../departments/index.js';
import type { FileTables } from '../files/index.js';
import type { GeographyTables } from '../geography/index.js';
import type { HttpTables } from '../http/tables.js';
import type { IdentityTables } from '../identity/index.js';
import type { MessagingTables } from '../messaging/index.js';
import type { NotificationTables } from '../notifications/index.js';
import type { WebhookTables } from '../webhooks/index.js';

export interface DB
  extends
    GeographyTables,
    ClassificationTables,
    DepartmentTables,
    ComponentTables,
    IdentityTables,
    AuditTables,
    HttpTables,
    MessagingTables,
    NotificationTables,
    WebhookTables,
    FileTables {}

// The names below moved to their modules; they stay importable from here until the importers
// are rewritten to the owning module's door (issue #12).
export type { ClassKind } from '../classification/index.js';
export type { ComponentDataSource, ComponentStatus } from '../components/index.js';
export type { RegionLevel } from '../geography/index.js';
export type { StaffRole, SupervisorPosition } from '../identity/index.js';
export type { WebhookDeliveryStatus } from '../webhooks/index.js';
export type RegionsTable = DB['regions'];
export type GeographyRevisionTable = DB['geography_revision'];
export type ClassificationsTable = DB['classifications'];
export type ClassificationCrosswalkTable = DB['classification_crosswalk'];
export type DepartmentsTable = DB['departments'];
export type DepartmentResponsibilitiesTable = DB['department_responsibilities'];
export type ComponentsTable = DB['components'];
export type ComponentIdentifierSequencesTable = DB['component_identifier_sequences'];
export type UsersTable = DB['users'];
export type UserRegionsTable = DB['user_regions'];
export type SessionsTable = DB['sessions'];
export type ApiTokensTable = DB['api_tokens'];
export type AuditLogTable = DB['audit_log'];
export type IdempotencyKeysTable = DB['idempotency_keys'];
export type OutboxTable = DB['outbox'];
export type NotificationsTable = DB['notifications'];
export type WebhookSubscriptionsTable = DB['webhook_subscriptions'];
export type WebhookDeliveriesTable = DB['webhook_deliveries'];
export type WebhookDeliveryAttemptsTable = DB['webhook_delivery_attempts'];
export type FilesTable = DB['files'];

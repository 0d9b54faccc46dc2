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

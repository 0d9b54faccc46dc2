/**
 * What a module contributes to the application (issue #12 "a module manifest"), and the
 * dependencies its routes receive. Each module's door exports one `ShuzhiModule`; src/modules.ts
 * lists them, and the app (http/app.ts), the server's jobs and the reference-data loader read that
 * list. Adding a module is one line there. No module imports the app: routes get `RouteDeps` from
 * here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { CaseServiceDeps } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/database.js';
import type { DemoProgress } from '../demo/progress.js';
import type { GeographyIndex } from '../geography/index.js';
import type { Permission } from '../identity/index.js';
import type { Job } from '../jobs/index.js';
import type { Open311Settings } from '../open311/index.js';
import type { PublicChannelSettings } from '../public/index.js';
import type { KeyRing } from '../reporters/index.js';
import type { MaterialUploadLimits } from '../files/index.js';
import type { OutboundChannel } from '../notifications/index.js';

/** What every module's routes receive. */
export interface RouteDeps {
  db: Database['db'];
  database: Database;
  geography: GeographyIndex;
  sessionHours: number;
  publicRateLimit: number;
  secureCookies: boolean;
  cases: CaseServiceDeps;
  reporterKeys: KeyRing;
  citizens: PublicChannelSettings;
  open311: Open311Settings;
  /** The background demo simulation's progress (null outside the demo). */
  demoProgress: DemoProgress | null;
  /** Limits of application-material uploads (PDFs and images). */
  materialLimits: MaterialUploadLimits;
  /** SMS and e-mail (the configured driver; `log` records without sending). */
  outbound: OutboundChannel;
}

export type ModuleRoutes = FastifyPluginAsyncTypebox<RouteDeps>;

/** What background jobs are built from. */
export interface JobContext {
  db: Kysely<DB>;
  cases: CaseServiceDeps;
}

export interface ShuzhiModule {
  /** The folder under src/. */
  readonly name: string;
  /** Routes under /api/v1, in registration order. */
  readonly routes?: readonly ModuleRoutes[];
  /** Routes under a prefix of their own (Open311 GeoReport v2 at /open311/v2). */
  readonly mounts?: readonly { readonly prefix: string; readonly routes: ModuleRoutes }[];
  /** Background jobs the server runs (jobs/ schedules them, singleton by name). */
  readonly jobs?: (context: JobContext) => readonly Job[];
  /** National reference data and defaults, loaded at every start inside one transaction (idempotent). */
  readonly referenceData?: (tx: Kysely<DB>) => Promise<unknown>;
  /** The permissions of identity/policy.ts this module's routes and services ask for (each owned by one module). */
  readonly permissions?: readonly Permission[];
  /** OpenAPI tags of its routes, with their descriptions. */
  readonly tags?: readonly { readonly name: string; readonly description: string }[];
  /** Run once when an app is built (e.g. registering a file-access rule with files/). */
  readonly setup?: () => void;
}

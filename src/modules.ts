/**
 * The modules of the application, in the order their routes, jobs and reference data are
 * registered. Adding a module is one line here (its door exports its `ShuzhiModule`).
 */
import { analyticsModule } from './analytics/index.js';
import { applicantsModule } from './applicants/index.js';
import { applicationsModule } from './applications/index.js';
import { auditModule } from './audit/index.js';
import { casesModule } from './cases/index.js';
import { catalogueModule } from './catalogue/index.js';
import { citizensModule } from './citizens/index.js';
import { classificationModule } from './classification/index.js';
import { componentsModule } from './components/index.js';
import { demoModule } from './demo/module.js';
import { departmentsModule } from './departments/index.js';
import { evaluationModule } from './evaluation/index.js';
import { filesModule } from './files/index.js';
import { geographyModule } from './geography/index.js';
import type { ShuzhiModule } from './http/module.js';
import { identityModule } from './identity/index.js';
import { notificationsModule } from './notifications/index.js';
import { open311Module } from './open311/index.js';
import { publicModule } from './public/index.js';
import { reportersModule } from './reporters/index.js';
import { webhooksModule } from './webhooks/index.js';

export const MODULES: readonly ShuzhiModule[] = [
  identityModule,
  auditModule,
  geographyModule,
  classificationModule,
  departmentsModule,
  componentsModule,
  filesModule,
  notificationsModule,
  webhooksModule,
  casesModule,
  reportersModule,
  open311Module,
  evaluationModule,
  publicModule,
  citizensModule,
  applicantsModule,
  analyticsModule,
  catalogueModule,
  applicationsModule,
  demoModule,
];

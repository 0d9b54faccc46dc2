/** What the cases module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { caseAdminRoutes } from './admin-routes.js';
import { registerCasePhotoAccess } from './photo-access.js';
import { publicNoteRoutes } from './public-notes-routes.js';
import { loadCaseDefaults } from './reference-data.js';
import { caseRoutes } from './routes.js';
import { sweepDeadlines } from './sweep.js';

export const casesModule: ShuzhiModule = {
  name: 'cases',
  routes: [caseRoutes, caseAdminRoutes, publicNoteRoutes],
  jobs: ({ cases }) => [
    { name: 'case-deadline-sweep', intervalMs: 60_000, run: (db) => sweepDeadlines(db, cases) },
  ],
  referenceData: loadCaseDefaults,
  permissions: [
    'cases:read',
    'cases:report',
    'cases:act',
    'case-notes:write',
    'case-config:read',
    'case-config:write',
  ],
  tags: [
    { name: 'cases', description: '案件：上报、立案、派遣、处置、核查、结案' },
    { name: 'case configuration', description: '处置时限、工作日历、派遣规则' },
  ],
  setup: registerCasePhotoAccess,
};

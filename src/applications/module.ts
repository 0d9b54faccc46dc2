/** What the applications module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { registerApplicationFileAccess } from './file-access.js';
import { applicationRoutes } from './routes.js';
import { sweepApplications } from './sweep.js';

export const applicationsModule: ShuzhiModule = {
  name: 'applications',
  routes: [applicationRoutes],
  jobs: ({ cases }) => [
    {
      name: 'application-deadline-sweep',
      intervalMs: 60_000,
      run: (db) =>
        sweepApplications(db, { calendars: cases.calendars, ...(cases.now ? { now: cases.now } : {}) }),
    },
  ],
  permissions: ['applications:read', 'applications:window', 'applications:review'],
  tags: [
    {
      name: 'applications',
      description:
        '办件：网上申请、窗口登记、受理、一次性告知、审查、特殊环节、挂起、延期、办结、送达、一件事',
    },
  ],
  setup: registerApplicationFileAccess,
};

/**
 * Who sees an application's material files besides their uploader: staff who reach the
 * application (the window: all; the department: its own), and the citizens who act in or apply by
 * it. Registered with the files module when the app is built (module.ts `setup`).
 */
import { registerCitizenFileAccessRule, registerFileAccessRule } from '../files/index.js';
import { grantOf } from '../identity/index.js';
import { citizenSeesMaterial, reachOf, staffSeesMaterial } from './repo.js';

export function registerApplicationFileAccess(): void {
  registerFileAccessRule('applications', async (db, actor, file) => {
    const scope = grantOf(actor.role, 'applications:read');
    if (scope === null || file.purpose !== 'application_material') return false;
    return staffSeesMaterial(db, reachOf(actor, scope), file.id);
  });
  registerCitizenFileAccessRule('applications', async (db, citizenId, file) =>
    file.purpose === 'application_material' ? citizenSeesMaterial(db, citizenId, file.id) : false,
  );
}

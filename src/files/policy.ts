/**
 * Who may upload and who may read a file. A file has no jurisdiction of its own: it is seen
 * through the record it belongs to (a case, a citizen report). Until it is linked, only its
 * uploader and administrators see it; a module that links files registers a `FileAccessRule`
 * answering "may this actor see this file through my records?", e.g. the case module: "the file
 * is a photo of a case in the actor's jurisdiction". Refusals read as 404, like records outside
 * one's jurisdiction, so a file id reveals nothing.
 */
import type { Kysely } from 'kysely';
import type { DB, StaffRole } from '../db/schema.js';
import type { Actor } from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import type { FileMeta } from './store.js';

/** Staff who take photos in the field or at the desk; `leader` is a read-only role. */
const UPLOADERS: readonly StaffRole[] = [
  'admin',
  'supervisor',
  'dispatcher',
  'handler',
  'department_lead',
  'inspector',
];

export function mayUploadFiles(actor: Actor): boolean {
  return UPLOADERS.includes(actor.role);
}

export function authorizeUpload(actor: Actor): void {
  if (!mayUploadFiles(actor)) {
    throw new DomainError('FORBIDDEN', `The ${actor.role} role may not upload files`, {
      permission: 'files:write',
    });
  }
}

/** Whether `actor` may see `file` through records of the registering module. */
export type FileAccessRule = (db: Kysely<DB>, actor: Actor, file: FileMeta) => Promise<boolean>;

const accessRules = new Map<string, FileAccessRule>();

/**
 * Registers (or replaces) the rule of a module that links files to its records. Returns a
 * function that removes it again (tests).
 */
export function registerFileAccessRule(name: string, rule: FileAccessRule): () => void {
  accessRules.set(name, rule);
  return () => {
    if (accessRules.get(name) === rule) accessRules.delete(name);
  };
}

/** Admins, the uploader, or anyone a registered module lets see it. */
export async function mayReadFile(db: Kysely<DB>, actor: Actor, file: FileMeta): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (file.createdByUserId !== null && file.createdByUserId === actor.id) return true;
  for (const rule of accessRules.values()) {
    if (await rule(db, actor, file)) return true;
  }
  return false;
}

/**
 * Who may read a file (uploading is the `files:write` permission of identity/policy.ts). A file has no jurisdiction of its own: it is seen
 * through the record it belongs to (a case, a citizen report). Until it is linked, only its
 * uploader and administrators see it; a module that links files registers a `FileAccessRule`
 * answering "may this actor see this file through my records?", e.g. the case module: "the file
 * is a photo of a case in the actor's jurisdiction". Refusals read as 404, like records outside
 * one's jurisdiction, so a file id reveals nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../identity/index.js';
import type { FileMeta } from './store.js';

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

/**
 * Whether citizen `citizenId` may see `file` through records of the registering module (the
 * applications module: materials and results of the citizen's own applications).
 */
export type CitizenFileAccessRule = (db: Kysely<DB>, citizenId: number, file: FileMeta) => Promise<boolean>;

const citizenRules = new Map<string, CitizenFileAccessRule>();

/** Registers (or replaces) a module's citizen rule; returns a function that removes it (tests). */
export function registerCitizenFileAccessRule(name: string, rule: CitizenFileAccessRule): () => void {
  citizenRules.set(name, rule);
  return () => {
    if (citizenRules.get(name) === rule) citizenRules.delete(name);
  };
}

/** The uploader, or anyone a registered citizen rule lets see it. */
export async function citizenMayReadFile(
  db: Kysely<DB>,
  citizenId: number,
  file: FileMeta,
): Promise<boolean> {
  if (file.createdByCitizenId !== null && file.createdByCitizenId === citizenId) return true;
  for (const rule of citizenRules.values()) {
    if (await rule(db, citizenId, file)) return true;
  }
  return false;
}

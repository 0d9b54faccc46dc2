/**
 * How the catalogue's use cases find what they change: an item with its versions, a version, the
 * version locked under its item's row lock, and the errors they share (not found, a stale row
 * version, an action the version's state forbids).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { findItem, lockItem, type ItemRecord } from './item-repo.js';
import { findVersionRecord, versionsOfItem, type VersionRecord } from './repo.js';
import { nextVersionState, refusedActionReason, type VersionAction } from './rules.js';

export interface ItemDetail extends ItemRecord {
  versions: VersionRecord[];
}

export const itemNotFound = (id: number) =>
  new DomainError('CATALOGUE_ITEM_NOT_FOUND', `No service item ${id}`);
export const versionNotFound = (id: number) =>
  new DomainError('CATALOGUE_VERSION_NOT_FOUND', `No service item version ${id}`);

export function conflict(what: string, id: number, current: number, given: number): DomainError {
  return new DomainError('VERSION_CONFLICT', `${what} ${id} is at version ${current}, not ${given}`, {
    currentVersion: current,
  });
}

export async function getItem(db: Kysely<DB>, id: number): Promise<ItemDetail> {
  const item = await findItem(db, id);
  if (!item) throw itemNotFound(id);
  return { ...item, versions: await versionsOfItem(db, id) };
}

export async function getVersion(db: Kysely<DB>, id: number): Promise<VersionRecord> {
  const version = await findVersionRecord(db, id);
  if (!version) throw versionNotFound(id);
  return version;
}

export function refuse(version: VersionRecord, action: VersionAction): void {
  if (nextVersionState(version.state, action) !== null) return;
  throw new DomainError(
    version.state === 'published' && action === 'edit'
      ? 'CATALOGUE_VERSION_FROZEN'
      : 'CATALOGUE_ILLEGAL_ACTION',
    refusedActionReason(version.state, action),
    { state: version.state, action },
  );
}

export async function lockedVersion(
  tx: Kysely<DB>,
  versionId: number,
): Promise<{ item: ItemRecord; version: VersionRecord }> {
  const found = await findVersionRecord(tx, versionId);
  if (!found) throw versionNotFound(versionId);
  const item = await lockItem(tx, found.itemId);
  if (!item) throw itemNotFound(found.itemId);
  // Re-read under the item's lock: a concurrent publish of the same item has finished by now.
  const version = await findVersionRecord(tx, versionId);
  if (!version) throw versionNotFound(versionId);
  return { item, version };
}

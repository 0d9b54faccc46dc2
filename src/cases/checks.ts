/** Checks the case use cases share: a point lies in a unit grid, photos are the actor's uploads. */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { filesNotAttachableBy } from '../files/index.js';
import type { Location } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import type { CaseServiceDeps } from './deps.js';

/** The unit grid (and its community, street, district) of a WGS 84 point, or a 422 naming the point. */
export async function locatePoint(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  point: { lng: number; lat: number },
): Promise<Location> {
  const location = await deps.geography.locate(point.lng, point.lat, tx);
  if (!location) {
    throw new DomainError(
      'LOCATION_OUTSIDE_DISTRICT',
      `(${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}) lies in no unit grid`,
      {
        errors: [{ field: 'body.location', reason: 'lies in no unit grid of this district' }],
      },
    );
  }
  return location;
}

/** Photos must be uploads this actor may attach (their own; any for administrators). */
export async function checkPhotos(
  tx: Transaction<DB>,
  ctx: RequestContext,
  ids: readonly string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const refused = await filesNotAttachableBy(tx, ctx.actor, ids);
  if (refused.length > 0)
    throw validationError(refused.map((id) => ({ field, reason: `no uploaded file ${id} of yours` })));
}

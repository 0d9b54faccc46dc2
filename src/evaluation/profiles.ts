/**
 * Evaluation profiles as configuration: the built-in ones (builtin-profiles.ts: national defaults
 * and a city's own) and those an administrator stores as JSON (table evaluation_profiles), which
 * add a city's profile or override a built-in one with the same key. Every stored profile is validated
 * like the built-ins: known indicators of one object, weights > 0 summing to 100, tiers in order.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { PROFILES } from './builtin-profiles.js';
import { INDICATORS_BY_KEY } from './indicators.js';
import { validateProfile, type Profile, type ProfileItem, type Scoring } from './scoring.js';
import { EVALUATION_OBJECTS, type EvaluationObject } from './vocabulary.js';
import './tables.js';

/** A profile as stored and exchanged: indicator keys, and `null` for an open-ended tier bound. */
export interface ProfileDefinition {
  name: string;
  object: EvaluationObject;
  items: Array<{
    indicator: string;
    weight: number;
    scoring:
      | { kind: 'linear' }
      | {
          kind: 'tiered';
          direction: 'at_most' | 'at_least';
          tiers: Array<{ bound: number | null; score: number }>;
        };
  }>;
}

export interface StoredProfile {
  profile: Profile;
  /** 0 for a built-in profile never stored. */
  version: number;
  stored: boolean;
  builtIn: boolean;
}

/** A profile from its definition, or a 400 naming the field at fault. */
export function profileFromDefinition(key: string, definition: ProfileDefinition): Profile {
  if (!(EVALUATION_OBJECTS as readonly string[]).includes(definition.object))
    throw validationError([
      { field: 'body.object', reason: `must be one of ${EVALUATION_OBJECTS.join(', ')}` },
    ]);
  const items: ProfileItem[] = definition.items.map((item, i) => {
    const indicator = INDICATORS_BY_KEY.get(item.indicator);
    if (!indicator)
      throw validationError([
        { field: `body.items.${i}.indicator`, reason: `no indicator ${item.indicator}` },
      ]);
    if (indicator.object !== definition.object)
      throw validationError([
        { field: `body.items.${i}.indicator`, reason: `${item.indicator} evaluates ${indicator.object}` },
      ]);
    const scoring: Scoring =
      item.scoring.kind === 'linear'
        ? { kind: 'linear' }
        : {
            kind: 'tiered',
            direction: item.scoring.direction,
            tiers: item.scoring.tiers.map((t) => ({
              bound:
                t.bound ??
                (item.scoring.kind === 'tiered' && item.scoring.direction === 'at_least'
                  ? -Infinity
                  : Infinity),
              score: t.score,
            })),
          };
    return { indicator, weight: item.weight, scoring };
  });
  const profile: Profile = {
    key,
    name: definition.name,
    object: definition.object,
    mark: 'I',
    origin: 'city',
    items,
  };
  try {
    validateProfile(profile);
  } catch (error) {
    throw validationError([
      { field: 'body.items', reason: (error as Error).message.replace(/^profile [^:]+: /, '') },
    ]);
  }
  return profile;
}

/** The definition of a profile (for the API and for storing). */
export function definitionOf(profile: Profile): ProfileDefinition {
  return {
    name: profile.name,
    object: profile.object,
    items: profile.items.map((item) => ({
      indicator: item.indicator.key,
      weight: item.weight,
      scoring:
        item.scoring.kind === 'linear'
          ? { kind: 'linear' }
          : {
              kind: 'tiered',
              direction: item.scoring.direction,
              tiers: item.scoring.tiers.map((t) => ({
                bound: Number.isFinite(t.bound) ? t.bound : null,
                score: t.score,
              })),
            },
    })),
  };
}

/** Every profile in force: the stored ones, and the built-ins they do not override. */
export async function loadProfiles(db: Kysely<DB>): Promise<Map<string, StoredProfile>> {
  const result = new Map<string, StoredProfile>();
  for (const profile of Object.values(PROFILES))
    result.set(profile.key, { profile, version: 0, stored: false, builtIn: true });
  const rows = await db.selectFrom('evaluation_profiles').selectAll().orderBy('key').execute();
  for (const row of rows) {
    const definition = (
      typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
    ) as ProfileDefinition;
    result.set(row.key, {
      profile: { ...profileFromDefinition(row.key, definition), origin: PROFILES[row.key]?.origin ?? 'city' },
      version: row.version,
      stored: true,
      builtIn: row.key in PROFILES,
    });
  }
  return result;
}

/** Stores a profile (new, or a new version of a stored one); `expectedVersion` guards against lost updates. */
export async function saveProfile(
  db: Kysely<DB>,
  ctx: RequestContext,
  key: string,
  definition: ProfileDefinition,
  expectedVersion: number | undefined,
): Promise<StoredProfile> {
  const profile = profileFromDefinition(key, definition);
  return inTransaction(db, async (tx) => {
    const current = await tx
      .selectFrom('evaluation_profiles')
      .select(['version', 'object'])
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== currentVersion)
      throw new DomainError(
        'VERSION_CONFLICT',
        `Profile ${key} is at version ${currentVersion}, not ${expectedVersion}`,
        {
          currentVersion,
        },
      );
    const builtIn = PROFILES[key];
    if (builtIn && builtIn.object !== profile.object)
      throw validationError([{ field: 'body.object', reason: `${key} evaluates ${builtIn.object}` }]);
    const stored = JSON.stringify(definitionOf(profile));
    if (current) {
      await tx
        .updateTable('evaluation_profiles')
        .set({
          definition: stored,
          object: profile.object,
          version: sql<number>`version + 1`,
          updated_by: ctx.actor.id || null,
          updated_at: new Date(),
        })
        .where('key', '=', key)
        .execute();
    } else {
      await tx
        .insertInto('evaluation_profiles')
        .values({ key, object: profile.object, definition: stored, updated_by: ctx.actor.id || null })
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'evaluation_profile.save',
      targetType: 'evaluation_profile',
      targetId: key,
      detail: { version: currentVersion + 1 },
    });
    return { profile, version: currentVersion + 1, stored: true, builtIn: Boolean(builtIn) };
  });
}

/** Removes a stored profile; a built-in one it overrode is in force again. */
export async function deleteProfile(db: Kysely<DB>, ctx: RequestContext, key: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.deleteFrom('evaluation_profiles').where('key', '=', key).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new DomainError('NOT_FOUND', `No stored profile ${key}`);
    await recordAudit(tx, ctx, {
      action: 'evaluation_profile.delete',
      targetType: 'evaluation_profile',
      targetId: key,
    });
  });
}

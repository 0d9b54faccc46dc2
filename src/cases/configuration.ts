/**
 * Case-loop configuration (办理配置): routing rules (ordered, explainable), stage and handling time
 * limits. Each change is one transaction with its audit entry. Read by any staff member
 * (dispatchers see why a department is suggested); the routes let administrators change it.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { classFacts } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { departmentNames } from '../departments/index.js';
import { regionExists } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  deleteRoutingRule as deleteRuleRow,
  insertRoutingRule,
  listHandlingLimits,
  listStageLimits,
  routingRuleVersion,
  updateRoutingRule as updateRuleRow,
  upsertHandlingLimit,
  upsertStageLimit,
  type HandlingLimitFields,
  type HandlingLimitRecord,
  type RoutingRuleFields,
  type RoutingRuleRecord,
  type StageLimitRecord,
  type StageLimitValue,
} from './configuration-repo.js';
import { routeCase } from './routing/service.js';

export { listRoutingRules, type RoutingRuleRecord } from './configuration-repo.js';

/** A routing rule as an administrator sends it: what is left out takes its default. */
export interface RoutingRuleInput {
  position: number;
  name: string;
  kind?: 'component' | 'matter' | null;
  standard?: string | null;
  classCodePrefix?: string | null;
  regionCode?: string | null;
  useComponentOwner?: boolean;
  departmentId?: number | null;
  active?: boolean;
}

function ruleFields(input: RoutingRuleInput): RoutingRuleFields {
  return {
    position: input.position,
    name: input.name,
    kind: input.kind ?? null,
    standard: input.standard ?? null,
    classCodePrefix: input.classCodePrefix ?? null,
    regionCode: input.regionCode ?? null,
    useComponentOwner: input.useComponentOwner ?? false,
    departmentId: input.departmentId ?? null,
    active: input.active ?? true,
  };
}

/** A rule names a department that exists (unless it routes to the component owner) and a known region. */
async function checkRuleRefs(db: Kysely<DB>, input: RoutingRuleInput): Promise<void> {
  if (!input.useComponentOwner && !input.departmentId) {
    throw validationError([
      {
        field: 'body.departmentId',
        reason: 'a rule needs a department unless it routes to the component owner',
      },
    ]);
  }
  if (input.departmentId && !(await departmentNames(db, [input.departmentId])).has(input.departmentId))
    throw validationError([{ field: 'body.departmentId', reason: `no department ${input.departmentId}` }]);
  if (input.regionCode && !(await regionExists(db, input.regionCode)))
    throw validationError([{ field: 'body.regionCode', reason: `no region ${input.regionCode}` }]);
}

export async function createRoutingRule(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: RoutingRuleInput,
): Promise<RoutingRuleRecord> {
  await checkRuleRefs(db, input);
  return inTransaction(db, async (tx) => {
    const rule = await insertRoutingRule(tx, ruleFields(input));
    await recordAudit(tx, ctx, {
      action: 'routing_rule.create',
      targetType: 'routing_rule',
      targetId: rule.id,
      detail: { ...input },
    });
    return rule;
  });
}

/** Replaces a rule at the version the administrator read (409 when it changed since). */
export async function updateRoutingRule(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: RoutingRuleInput & { version: number },
): Promise<RoutingRuleRecord> {
  await checkRuleRefs(db, input);
  return inTransaction(db, async (tx) => {
    const updated = await updateRuleRow(tx, id, input.version, ruleFields(input));
    if (!updated) {
      const version = await routingRuleVersion(tx, id);
      if (version === undefined) throw new DomainError('NOT_FOUND', `No routing rule ${id}`);
      throw new DomainError('VERSION_CONFLICT', `Routing rule ${id} is at version ${version}`, {
        currentVersion: version,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'routing_rule.update',
      targetType: 'routing_rule',
      targetId: updated.id,
      detail: { ...input },
    });
    return updated;
  });
}

export async function deleteRoutingRule(db: Kysely<DB>, ctx: RequestContext, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (!(await deleteRuleRow(tx, id))) throw new DomainError('NOT_FOUND', `No routing rule ${id}`);
    await recordAudit(tx, ctx, { action: 'routing_rule.delete', targetType: 'routing_rule', targetId: id });
  });
}

/** Which department the rules suggest for a class at a grid (and a component), and why. */
export async function explainRouting(
  db: Kysely<DB>,
  query: { classificationId: number; gridCode: string; componentId: string | null },
): Promise<{ departmentId: number | null; explanation: string }> {
  const cls = await classFacts(db, query.classificationId);
  if (!cls) throw new DomainError('CLASSIFICATION_NOT_FOUND', `No classification ${query.classificationId}`);
  const routed = await db.transaction().execute((tx) =>
    routeCase(tx, {
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      gridCode: query.gridCode,
      componentId: query.componentId,
    }),
  );
  return {
    departmentId: routed?.departmentId ?? null,
    explanation: routed?.explanation ?? '没有规则或职责匹配：请派遣员选择部门',
  };
}

/** The stage and handling time limits with their sources. */
export async function timeLimits(
  db: Kysely<DB>,
): Promise<{ stage: StageLimitRecord[]; handling: HandlingLimitRecord[] }> {
  const [stage, handling] = await Promise.all([listStageLimits(db), listHandlingLimits(db)]);
  return { stage, handling };
}

export async function setStageLimit(
  db: Kysely<DB>,
  ctx: RequestContext,
  clock: string,
  urgency: string,
  limit: StageLimitValue,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await upsertStageLimit(tx, clock, urgency, limit);
    await recordAudit(tx, ctx, {
      action: 'time_limit.stage',
      targetType: 'stage_limit',
      targetId: `${clock}:${urgency}`,
      detail: { ...limit },
    });
  });
}

/** A handling limit as an administrator sends it: no condition text or closing condition is null. */
export type HandlingLimitInput = Omit<HandlingLimitFields, 'conditionText' | 'closingCondition'> & {
  conditionText?: string | null;
  closingCondition?: string | null;
};

/** Sets the handling limit of a class prefix × filing condition × urgency. */
export async function setHandlingLimit(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: HandlingLimitInput,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await upsertHandlingLimit(tx, {
      ...input,
      conditionText: input.conditionText ?? null,
      closingCondition: input.closingCondition ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'time_limit.handling',
      targetType: 'handling_limit',
      detail: { ...input },
    });
  });
}

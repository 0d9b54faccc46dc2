/**
 * SQL of the case-loop configuration: routing rules (ordered, versioned) and the stage and
 * handling time limits.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RoutingRule } from './routing/rules.js';
import './tables.js';

/** A rule's editable fields: the pure rule (routing/rules.ts) without its id. */
export type RoutingRuleFields = Omit<RoutingRule, 'id'>;

export interface RoutingRuleRecord extends RoutingRule {
  version: number;
}

function toRule(r: Selectable<DB['routing_rules']>): RoutingRuleRecord {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    kind: r.kind,
    standard: r.standard,
    classCodePrefix: r.class_code_prefix,
    regionCode: r.region_code,
    useComponentOwner: r.use_component_owner,
    departmentId: r.department_id,
    active: r.active,
    version: r.version,
  };
}

function ruleColumns(f: RoutingRuleFields) {
  return {
    position: f.position,
    name: f.name,
    kind: f.kind,
    standard: f.standard,
    class_code_prefix: f.classCodePrefix,
    region_code: f.regionCode,
    use_component_owner: f.useComponentOwner,
    department_id: f.departmentId,
    active: f.active,
  };
}

export async function listRoutingRules(db: Kysely<DB>): Promise<RoutingRuleRecord[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toRule);
}

export async function insertRoutingRule(
  db: Kysely<DB>,
  fields: RoutingRuleFields,
): Promise<RoutingRuleRecord> {
  const row = await db
    .insertInto('routing_rules')
    .values(ruleColumns(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

/** Replaces a rule at the version given; undefined when no rule has that id and version. */
export async function updateRoutingRule(
  db: Kysely<DB>,
  id: number,
  version: number,
  fields: RoutingRuleFields,
): Promise<RoutingRuleRecord | undefined> {
  const row = await db
    .updateTable('routing_rules')
    .set({ ...ruleColumns(fields), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && toRule(row);
}

export async function routingRuleVersion(db: Kysely<DB>, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('routing_rules').select('version').where('id', '=', id).executeTakeFirst();
  return row?.version;
}

/** Whether there was a rule with that id to delete. */
export async function deleteRoutingRule(db: Kysely<DB>, id: number): Promise<boolean> {
  const deleted = await db.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export interface StageLimitRecord {
  clock: string;
  urgency: string;
  amount: number;
  unit: string;
  source: string;
}

export interface HandlingLimitFields {
  kind: 'component' | 'matter';
  standard: string;
  classCodePrefix: string;
  condition: string;
  conditionText: string | null;
  urgency: string;
  amount: number;
  unit: string;
  closingCondition: string | null;
  source: string;
}

export interface HandlingLimitRecord extends HandlingLimitFields {
  id: number;
}

export function listStageLimits(db: Kysely<DB>): Promise<StageLimitRecord[]> {
  return db.selectFrom('stage_limits').selectAll().orderBy('clock').orderBy('urgency').execute();
}

export async function listHandlingLimits(db: Kysely<DB>): Promise<HandlingLimitRecord[]> {
  const rows = await db
    .selectFrom('handling_limits')
    .selectAll()
    .orderBy('kind')
    .orderBy('standard')
    .orderBy('class_code_prefix')
    .orderBy('condition')
    .orderBy('urgency')
    .execute();
  return rows.map((h) => ({
    id: h.id,
    kind: h.kind,
    standard: h.standard,
    classCodePrefix: h.class_code_prefix,
    condition: h.condition,
    conditionText: h.condition_text,
    urgency: h.urgency,
    amount: h.amount,
    unit: h.unit,
    closingCondition: h.closing_condition,
    source: h.source,
  }));
}

export type StageLimitValue = Omit<StageLimitRecord, 'clock' | 'urgency'>;

export async function upsertStageLimit(
  db: Kysely<DB>,
  clock: string,
  urgency: string,
  limit: StageLimitValue,
): Promise<void> {
  await db
    .insertInto('stage_limits')
    .values({ clock, urgency, ...limit })
    .onConflict((oc) => oc.columns(['clock', 'urgency']).doUpdateSet({ ...limit }))
    .execute();
}

export async function upsertHandlingLimit(db: Kysely<DB>, limit: HandlingLimitFields): Promise<void> {
  const values = {
    kind: limit.kind,
    standard: limit.standard,
    class_code_prefix: limit.classCodePrefix,
    condition: limit.condition,
    condition_text: limit.conditionText,
    urgency: limit.urgency,
    amount: limit.amount,
    unit: limit.unit,
    closing_condition: limit.closingCondition,
    source: limit.source,
  };
  await db
    .insertInto('handling_limits')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['kind', 'standard', 'class_code_prefix', 'condition', 'urgency']).doUpdateSet({
        condition_text: values.condition_text,
        amount: values.amount,
        unit: values.unit,
        closing_condition: values.closing_condition,
        source: values.source,
      }),
    )
    .execute();
}

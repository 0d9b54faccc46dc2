/**
 * Default time limits and the default routing rule, written only into empty tables: once a district
 * has its own numbers, a restart never overwrites them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { HANDLING_LIMIT_DEFAULTS, STAGE_LIMIT_DEFAULTS } from './deadlines/defaults.js';
import './tables.js';

export async function loadCaseDefaults(db: Kysely<DB>): Promise<void> {
  const stage = await db.selectFrom('stage_limits').select('clock').limit(1).execute();
  if (stage.length === 0) await db.insertInto('stage_limits').values(STAGE_LIMIT_DEFAULTS).execute();
  const handling = await db.selectFrom('handling_limits').select('id').limit(1).execute();
  if (handling.length === 0) {
    await db
      .insertInto('handling_limits')
      .values(
        HANDLING_LIMIT_DEFAULTS.map((r) => ({
          kind: r.kind,
          standard: r.standard,
          class_code_prefix: r.classCodePrefix,
          condition: r.condition,
          condition_text: r.conditionText,
          urgency: r.urgency,
          amount: r.amount,
          unit: r.unit,
          closing_condition: r.closingCondition,
          source: r.source,
        })),
      )
      .execute();
  }
  const rules = await db.selectFrom('routing_rules').select('id').limit(1).execute();
  if (rules.length === 0) {
    await db
      .insertInto('routing_rules')
      .values({
        position: 10,
        name: '部件案件派遣至部件养护单位（无养护单位时为主管部门）',
        kind: 'component',
        use_component_owner: true,
        department_id: null,
      })
      .execute();
  }
}

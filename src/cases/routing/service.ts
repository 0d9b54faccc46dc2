/**
 * Routing with its explanation in words a dispatcher reads: "规则 1：部件案件派遣至部件养护单位 →
 * 区城管委（养护单位）" or "职责：区城管委负责 01 类，东城区".
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { componentFacts } from '../../components/index.js';
import { activeResponsibilityRelation, departmentNames } from '../../departments/index.js';
import { regionNameRelation } from '../../geography/index.js';
import { listRoutingRules } from '../configuration-repo.js';
import { suggestDepartment, type Responsibility, type RoutingRule } from './rules.js';
import '../tables.js';

export interface RoutingQuery {
  kind: 'component' | 'matter';
  standard: string;
  classCode: string;
  gridCode: string;
  componentId: string | null;
}

export interface RoutedCase {
  departmentId: number;
  explanation: string;
}

/** The ordered rules, as the configuration lists them (one query, one row mapping). */
export async function loadRoutingRules(tx: Transaction<DB>): Promise<RoutingRule[]> {
  return listRoutingRules(tx);
}

export async function routeCase(tx: Transaction<DB>, query: RoutingQuery): Promise<RoutedCase | null> {
  const [rules, responsibilities] = await Promise.all([
    loadRoutingRules(tx),
    // With the names an explanation needs, so that routing is two statements, not four: the
    // departments and geography modules publish them as relations to join.
    tx
      .selectFrom(activeResponsibilityRelation(tx).as('r'))
      .leftJoin(regionNameRelation(tx).as('g'), 'g.code', 'r.region_code')
      .select([
        'r.department_id',
        'r.kind',
        'r.standard',
        'r.class_code_prefix',
        'r.region_code',
        'r.department_name',
        'r.department_short_name',
        'g.name as region_name',
      ])
      .execute(),
  ]);
  let component: { maintainerDepartmentId: number | null; competentDepartmentId: number } | null = null;
  if (query.componentId) {
    const found = await componentFacts(tx, query.componentId);
    if (found) {
      component = {
        maintainerDepartmentId: found.maintainerDepartmentId,
        competentDepartmentId: found.competentDepartmentId,
      };
    }
  }
  const suggestion = suggestDepartment(
    rules,
    responsibilities.map((r): Responsibility => ({
      departmentId: r.department_id,
      kind: r.kind,
      standard: r.standard,
      classCodePrefix: r.class_code_prefix,
      regionCode: r.region_code,
    })),
    {
      kind: query.kind,
      standard: query.standard,
      classCode: query.classCode,
      gridCode: query.gridCode,
      component,
    },
  );
  if (!suggestion) return null;
  const known = responsibilities.find((r) => r.department_id === suggestion.departmentId);
  const department = known
    ? { name: known.department_name, shortName: known.department_short_name }
    : (await departmentNames(tx, [suggestion.departmentId])).get(suggestion.departmentId);
  const departmentName = department?.shortName ?? department?.name ?? `#${suggestion.departmentId}`;
  const reason = suggestion.reason;
  let explanation: string;
  if (reason.source === 'rule') {
    const via =
      reason.viaComponent === 'maintainer'
        ? '（部件养护单位）'
        : reason.viaComponent === 'competent'
          ? '（部件主管部门）'
          : '';
    explanation = `规则 ${reason.position}：${reason.ruleName} → ${departmentName}${via}`;
  } else {
    const region = responsibilities.find((r) => r.region_code === reason.regionCode)?.region_name;
    explanation = `职责：${departmentName}负责 ${reason.classCodePrefix || '全部'} 类，${region ?? reason.regionCode}`;
  }
  return { departmentId: suggestion.departmentId, explanation };
}

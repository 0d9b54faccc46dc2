/**
 * 派遣建议 — which department a case should go to, and why. Pure: ordered routing rules first
 * (the first active rule that matches wins; a rule may say "the component's own maintainer", which
 * the default rule set puts first), then the departments' declared responsibilities (most specific
 * class, then deepest region). The dispatcher may always choose another department.
 */

export interface RoutingRule {
  id: number;
  position: number;
  name: string;
  kind: 'component' | 'matter' | null;
  standard: string | null;
  classCodePrefix: string | null;
  regionCode: string | null;
  useComponentOwner: boolean;
  departmentId: number | null;
  active: boolean;
}

export interface Responsibility {
  departmentId: number;
  kind: 'component' | 'matter';
  standard: string;
  classCodePrefix: string;
  regionCode: string;
}

export interface RoutingInput {
  kind: 'component' | 'matter';
  standard: string;
  classCode: string;
  gridCode: string;
  /** The linked component's 养护单位 and 主管部门, for component cases. */
  component: { maintainerDepartmentId: number | null; competentDepartmentId: number } | null;
}

export type RoutingReason =
  | {
      source: 'rule';
      ruleId: number;
      ruleName: string;
      position: number;
      viaComponent: 'maintainer' | 'competent' | null;
    }
  | { source: 'responsibility'; classCodePrefix: string; regionCode: string };

export interface RoutingSuggestion {
  departmentId: number;
  reason: RoutingReason;
}

function ruleMatches(rule: RoutingRule, input: RoutingInput): boolean {
  if (!rule.active) return false;
  if (rule.kind !== null && rule.kind !== input.kind) return false;
  if (rule.standard !== null && rule.standard !== input.standard) return false;
  if (rule.classCodePrefix !== null && !input.classCode.startsWith(rule.classCodePrefix)) return false;
  if (rule.regionCode !== null && !input.gridCode.startsWith(rule.regionCode)) return false;
  return true;
}

export function suggestDepartment(
  rules: readonly RoutingRule[],
  responsibilities: readonly Responsibility[],
  input: RoutingInput,
): RoutingSuggestion | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const rule of ordered) {
    if (!ruleMatches(rule, input)) continue;
    if (rule.useComponentOwner) {
      if (!input.component) continue;
      const viaMaintainer = input.component.maintainerDepartmentId !== null;
      const departmentId = input.component.maintainerDepartmentId ?? input.component.competentDepartmentId;
      return {
        departmentId,
        reason: {
          source: 'rule',
          ruleId: rule.id,
          ruleName: rule.name,
          position: rule.position,
          viaComponent: viaMaintainer ? 'maintainer' : 'competent',
        },
      };
    }
    if (rule.departmentId !== null) {
      return {
        departmentId: rule.departmentId,
        reason: {
          source: 'rule',
          ruleId: rule.id,
          ruleName: rule.name,
          position: rule.position,
          viaComponent: null,
        },
      };
    }
  }
  let best: Responsibility | null = null;
  for (const r of responsibilities) {
    if (r.kind !== input.kind || r.standard !== input.standard) continue;
    if (!input.classCode.startsWith(r.classCodePrefix) || !input.gridCode.startsWith(r.regionCode)) continue;
    if (
      !best ||
      r.classCodePrefix.length > best.classCodePrefix.length ||
      (r.classCodePrefix.length === best.classCodePrefix.length &&
        r.regionCode.length > best.regionCode.length) ||
      (r.classCodePrefix.length === best.classCodePrefix.length &&
        r.regionCode.length === best.regionCode.length &&
        r.departmentId < best.departmentId)
    ) {
      best = r;
    }
  }
  return best
    ? {
        departmentId: best.departmentId,
        reason: {
          source: 'responsibility',
          classCodePrefix: best.classCodePrefix,
          regionCode: best.regionCode,
        },
      }
    : null;
}

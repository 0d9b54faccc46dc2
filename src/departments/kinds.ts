/**
 * 部门类型 — the kinds of department a city-management platform dispatches to. A fixed list,
 * mirrored by the CHECK constraint of migration 0002; the Chinese labels are for display and docs.
 */
export const DEPARTMENT_KINDS = [
  'urban_management',
  'municipal',
  'landscaping',
  'sanitation',
  'transport',
  'water',
  'traffic_police',
  'housing',
  'market_regulation',
  'street_office',
  'utility',
  'other',
] as const;

export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_LABELS: Readonly<Record<DepartmentKind, string>> = {
  urban_management: '城管',
  municipal: '市政',
  landscaping: '园林绿化',
  sanitation: '环卫',
  transport: '交通',
  water: '水务',
  traffic_police: '公安交管',
  housing: '房管',
  market_regulation: '市场监管',
  street_office: '街道办事处',
  utility: '公用企业',
  other: '其他',
};

export function isDepartmentKind(value: string): value is DepartmentKind {
  return (DEPARTMENT_KINDS as readonly string[]).includes(value);
}

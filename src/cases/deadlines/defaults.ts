/**
 * Default time limits (时限), loaded into `stage_limits` and `handling_limits` when those tables
 * are empty; administrators change them through the API. The national standards leave the numbers
 * to local rules (CJ/T 315-2009 defines the kinds of limit; each city's 《立案、处置和结案标准》 sets
 * them), so every default names its source and confidence: [V] verified in an implementation,
 * [I] a typical value, to be replaced by the district's own table (docs/domain/deadlines.md).
 */
import type { TimeLimitUnit } from '../../calendar/index.js';

export interface StageLimitDefault {
  clock: 'filing' | 'check' | 'dispatch' | 'verify' | 'closing';
  urgency: 'normal' | 'urgent';
  amount: number;
  unit: TimeLimitUnit;
  source: string;
}

const TYPICAL = '[I] typical value of local standards (docs/domain/deadlines.md)';
const EGOVA = '[V] eGova (Ningbo) sysConst.py: verify_limit/check_limit = 30 minutes';

export const STAGE_LIMIT_DEFAULTS: StageLimitDefault[] = [
  { clock: 'filing', urgency: 'normal', amount: 60, unit: 'working_minutes', source: TYPICAL },
  { clock: 'filing', urgency: 'urgent', amount: 30, unit: 'working_minutes', source: TYPICAL },
  { clock: 'check', urgency: 'normal', amount: 30, unit: 'working_minutes', source: EGOVA },
  { clock: 'check', urgency: 'urgent', amount: 15, unit: 'working_minutes', source: TYPICAL },
  { clock: 'dispatch', urgency: 'normal', amount: 30, unit: 'working_minutes', source: TYPICAL },
  { clock: 'dispatch', urgency: 'urgent', amount: 15, unit: 'working_minutes', source: TYPICAL },
  // The verify clock runs from the department's feedback, so it includes sending the task.
  {
    clock: 'verify',
    urgency: 'normal',
    amount: 60,
    unit: 'working_minutes',
    source: `${EGOVA}, plus 30 for sending the task [I]`,
  },
  { clock: 'verify', urgency: 'urgent', amount: 30, unit: 'working_minutes', source: TYPICAL },
  { clock: 'closing', urgency: 'normal', amount: 60, unit: 'working_minutes', source: TYPICAL },
  { clock: 'closing', urgency: 'urgent', amount: 30, unit: 'working_minutes', source: TYPICAL },
];

export interface HandlingLimitDefault {
  kind: 'component' | 'matter';
  standard: string;
  /** A major class ('01'), a full code ('01001'), or '' for every class of the standard. */
  classCodePrefix: string;
  condition: string;
  conditionText: string | null;
  urgency: 'normal' | 'urgent';
  amount: number;
  unit: TimeLimitUnit;
  closingCondition: string | null;
  source: string;
}

const GB = 'GB/T 47678.5-2026';

function both(
  kind: HandlingLimitDefault['kind'],
  standard: string,
  prefix: string,
  normal: [number, TimeLimitUnit],
  urgent: [number, TimeLimitUnit],
  condition = 'default',
  conditionText: string | null = null,
  closingCondition: string | null = null,
): HandlingLimitDefault[] {
  return [
    {
      kind,
      standard,
      classCodePrefix: prefix,
      condition,
      conditionText,
      urgency: 'normal',
      amount: normal[0],
      unit: normal[1],
      closingCondition,
      source: TYPICAL,
    },
    {
      kind,
      standard,
      classCodePrefix: prefix,
      condition,
      conditionText,
      urgency: 'urgent',
      amount: urgent[0],
      unit: urgent[1],
      closingCondition,
      source: TYPICAL,
    },
  ];
}

export const HANDLING_LIMIT_DEFAULTS: HandlingLimitDefault[] = [
  // Fallbacks for every class of each standard.
  ...both('component', GB, '', [3, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '', [1, 'working_days'], [2, 'working_hours']),
  ...both('component', 'CJ/T 214-2007', '', [3, 'working_days'], [4, 'working_hours']),
  ...both('matter', 'CJ/T 214-2007', '', [1, 'working_days'], [2, 'working_hours']),
  ...both('component', 'LOCAL', '', [3, 'working_days'], [4, 'working_hours']),
  ...both('matter', 'LOCAL', '', [1, 'working_days'], [2, 'working_hours']),
  // Components by major class (01 市政公用 … 05 其他) and their "异常" matters (same majors).
  ...both('component', GB, '03', [2, 'working_days'], [4, 'working_hours']),
  ...both('component', GB, '04', [5, 'working_days'], [1, 'working_days']),
  ...both('component', GB, '05', [5, 'working_days'], [1, 'working_days']),
  ...both('matter', GB, '01', [3, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '02', [3, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '03', [2, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '04', [5, 'working_days'], [1, 'working_days']),
  ...both('matter', GB, '05', [5, 'working_days'], [1, 'working_days']),
  // Matters 06 市容环境, 07 宣传广告, 08 施工管理, 09 街面秩序, 10 其他.
  ...both('matter', GB, '07', [2, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '08', [2, 'working_days'], [4, 'working_hours']),
  ...both('matter', GB, '09', [4, 'working_hours'], [1, 'working_hours']),
  // Filing conditions (立案条件) of common classes, as local standards write them.
  ...both(
    'component',
    GB,
    '01001',
    [1, 'working_days'],
    [2, 'working_hours'],
    'missing',
    '井盖缺失、移位',
    '井盖已补装或复位',
  ),
  ...both(
    'component',
    GB,
    '01002',
    [1, 'working_days'],
    [2, 'working_hours'],
    'missing',
    '井盖缺失、移位',
    '井盖已补装或复位',
  ),
  ...both(
    'component',
    GB,
    '01003',
    [1, 'working_days'],
    [2, 'working_hours'],
    'missing',
    '井盖缺失、移位',
    '井盖已补装或复位',
  ),
  ...both(
    'matter',
    GB,
    '06010',
    [4, 'working_hours'],
    [2, 'working_hours'],
    'default',
    '暴露垃圾',
    '垃圾已清运',
  ),
];

/**
 * The demo district's departments and what each is responsible for. Names follow Dongcheng's
 * real bodies; the unified social credit codes are synthetic (valid check characters, registered
 * under 机构编制 / 机关 with the district's code) and marked so in docs/demo-district.md.
 */
import { creditCodeCheckChar, organizationCodeCheckChar } from '../shared/codes/index.js';

export interface DemoDepartment {
  key: string;
  name: string;
  shortName: string;
  kind: string;
  /** GB/T 47678.5-2026 major classes (or full codes) this department handles: components then matters. */
  components: string[];
  matters: string[];
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    key: 'cgw',
    name: '北京市东城区城市管理委员会',
    shortName: '区城管委',
    kind: 'municipal',
    components: ['01'],
    matters: ['01', '10'],
  },
  {
    key: 'zf',
    name: '北京市东城区城市管理综合行政执法局',
    shortName: '区城管执法局',
    kind: 'urban_management',
    components: [],
    matters: ['06', '07', '08', '09'],
  },
  {
    key: 'yl',
    name: '北京市东城区园林绿化局',
    shortName: '区园林绿化局',
    kind: 'landscaping',
    components: ['04'],
    matters: ['04'],
  },
  {
    key: 'hw',
    name: '北京市东城区环境卫生服务中心',
    shortName: '区环卫中心',
    kind: 'sanitation',
    components: ['03'],
    matters: ['03'],
  },
  {
    key: 'jt',
    name: '北京市东城区交通委员会',
    shortName: '区交通委',
    kind: 'transport',
    components: ['02'],
    matters: ['02'],
  },
  {
    key: 'sw',
    name: '北京市东城区水务局',
    shortName: '区水务局',
    kind: 'water',
    components: [],
    matters: [],
  },
  {
    key: 'jg',
    name: '北京市公安局公安交通管理局东城交通支队',
    shortName: '东城交通支队',
    kind: 'traffic_police',
    components: [],
    matters: [],
  },
  {
    key: 'zj',
    name: '北京市东城区住房和城市建设委员会',
    shortName: '区住建委',
    kind: 'housing',
    components: ['05'],
    matters: ['05'],
  },
  {
    key: 'sj',
    name: '北京市东城区市场监督管理局',
    shortName: '区市场监管局',
    kind: 'market_regulation',
    components: [],
    matters: [],
  },
  // 政务服务 (issue #13): the departments the demo service catalogue names; they take no city-management cases.
  {
    key: 'ga',
    name: '北京市公安局东城分局',
    shortName: '东城公安分局',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'wjw',
    name: '北京市东城区卫生健康委员会',
    shortName: '区卫生健康委',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'yb',
    name: '北京市东城区医疗保障局',
    shortName: '区医保局',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'mz',
    name: '北京市东城区民政局',
    shortName: '区民政局',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'rs',
    name: '北京市东城区人力资源和社会保障局',
    shortName: '区人力社保局',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'cl',
    name: '北京市东城区残疾人联合会',
    shortName: '区残联',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'jw',
    name: '北京市东城区教育委员会',
    shortName: '区教委',
    kind: 'other',
    components: [],
    matters: [],
  },
  {
    key: 'sthj',
    name: '北京市生态环境局东城分局',
    shortName: '区生态环境局',
    kind: 'other',
    components: [],
    matters: [],
  },
];

/** A synthetic but valid credit code: 1 (机构编制) 1 (机关) + 110101 + organization code + check. */
export function demoCreditCode(sequence: number): string {
  const orgBody = `DC${String(sequence).padStart(6, '0')}`;
  const body17 = `11110101${orgBody}${organizationCodeCheckChar(orgBody)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

export const DEMO_PASSWORD = 'shuzhi-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role:
    | 'admin'
    | 'supervisor'
    | 'dispatcher'
    | 'handler'
    | 'department_lead'
    | 'inspector'
    | 'leader'
    | 'window_clerk';
  position?: 'operator' | 'shift_lead';
  /** Key of a DEMO_DEPARTMENTS entry. */
  department?: string;
  regions: string[];
}

/** One account per role, username = role (README lists them), with a synthetic Chinese name. Demo only. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', regions: [] },
  {
    username: 'supervisor',
    displayName: '王建华',
    role: 'supervisor',
    position: 'shift_lead',
    regions: ['110101'],
  },
  {
    username: 'operator',
    displayName: '李秀英',
    role: 'supervisor',
    position: 'operator',
    regions: ['110101'],
  },
  { username: 'dispatcher', displayName: '张志强', role: 'dispatcher', regions: ['110101'] },
  { username: 'handler', displayName: '刘海燕', role: 'handler', department: 'cgw', regions: [] },
  {
    username: 'department_lead',
    displayName: '陈国庆',
    role: 'department_lead',
    department: 'cgw',
    regions: [],
  },
  { username: 'inspector', displayName: '赵晓东', role: 'inspector', regions: ['110101001'] },
  { username: 'leader', displayName: '孙立新', role: 'leader', regions: ['110101'] },
  { username: 'window_clerk', displayName: '周丽娟', role: 'window_clerk', regions: ['110101'] },
];

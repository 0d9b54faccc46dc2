/**
 * What the demo catalogue's items share: the implementing departments with their credit codes, the
 * district service centre's place and hours, the consultation and complaint lines, and the builder
 * that fills an entry's defaults. The numbers 010-6700xxxx are illustrative (docs/demo-district.md
 * "服务事项目录"); 12345 is Beijing's real service hotline.
 */
import { DEMO_DEPARTMENTS, demoCreditCode } from '../departments.js';
import type {
  Channel,
  DeliveryMethod,
  Entry,
  FaqEntry,
  Form,
  ItemKind,
  ItemLevel,
  ItemSituation,
  LegalBasis,
  Material,
  ProcessStep,
  SpecialStep,
  SubjectKind,
} from './types.js';

/** Departments the catalogue names, by their DEMO_DEPARTMENTS key. */
export type DeptKey =
  'cgw' | 'yl' | 'jt' | 'sw' | 'zj' | 'sj' | 'ga' | 'wjw' | 'yb' | 'mz' | 'rs' | 'cl' | 'jw' | 'sthj';

/** 主管部门 (as the national catalogue names it) and the consultation line of each department. */
const DEPARTMENT_SERVICE: Record<DeptKey, { competent: string; phone: string; window: string }> = {
  cgw: { competent: '城市管理部门', phone: '010-67001301', window: '三层 城市管理综合窗口' },
  yl: { competent: '园林绿化部门', phone: '010-67001302', window: '三层 城市管理综合窗口' },
  jt: { competent: '交通运输部门', phone: '010-67001303', window: '三层 城市管理综合窗口' },
  sw: { competent: '水务部门', phone: '010-67001304', window: '三层 工程建设综合窗口' },
  zj: { competent: '住房和城乡建设部门', phone: '010-67001305', window: '三层 工程建设综合窗口' },
  sj: { competent: '市场监督管理部门', phone: '010-67001306', window: '一层 市场准入准营服务专区' },
  ga: { competent: '公安部门', phone: '010-67001307', window: '二层 公安综合窗口' },
  wjw: { competent: '卫生健康部门', phone: '010-67001308', window: '二层 社会事务综合窗口' },
  yb: { competent: '医疗保障部门', phone: '010-67001309', window: '二层 社会保障综合窗口' },
  mz: { competent: '民政部门', phone: '010-67001310', window: '二层 社会事务综合窗口' },
  rs: { competent: '人力资源社会保障部门', phone: '010-67001311', window: '二层 社会保障综合窗口' },
  cl: { competent: '残疾人联合会', phone: '010-67001312', window: '二层 社会事务综合窗口' },
  jw: { competent: '教育部门', phone: '010-67001313', window: '二层 社会事务综合窗口' },
  sthj: { competent: '生态环境部门', phone: '010-67001314', window: '三层 工程建设综合窗口' },
};

/** The department's name and its credit code exactly as the demo seed gives it (sequence = list position + 1). */
export function department(key: DeptKey): { name: string; creditCode: string } {
  const index = DEMO_DEPARTMENTS.findIndex((d) => d.key === key);
  const found = DEMO_DEPARTMENTS[index];
  if (!found) throw new Error(`unknown demo department ${key}`);
  return { name: found.name, creditCode: demoCreditCode(index + 1) };
}

/** 东城区政务服务中心: moved to 珠市口东大街12号 on 2024-03-18 (bjdch.gov.cn, 2024-03-26). */
export const CENTRE = '北京市东城区政务服务中心（东城区珠市口东大街12号）';
export const OFFICE_HOURS = '周一至周五 上午9:00-12:00，下午13:30-17:00（法定节假日除外）';
export const COMPLAINT =
  '12345政务服务便民热线；东城区政务服务和数据管理局监督电话 010-67001399；北京市政务服务网“好差评”';

export function hallPlace(key: DeptKey): string {
  return `${CENTRE}${DEPARTMENT_SERVICE[key].window}`;
}

export function consultation(key: DeptKey): string {
  return `${department(key).name} 咨询电话 ${DEPARTMENT_SERVICE[key].phone}；12345政务服务便民热线；北京市政务服务网在线咨询`;
}

/** GB/T 39046-2020 Annex A.1 type codes; 行政备案 has none there and takes 10 (其他). */
const TYPE_CODE: Record<ItemKind, string> = {
  licensing: '01',
  benefit: '05',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  other_power: '10',
  filing: '10',
  public_service: '20',
};

/** 基本编码: type code (2) + main item serial (5) + sub / 办理项 serial (3) = 10 characters. */
export function basicCode(kind: ItemKind, main: number, sub = 0): string {
  return `${TYPE_CODE[kind]}${String(main).padStart(5, '0')}${String(sub).padStart(3, '0')}`;
}

/** 实施编码: basic code + the district's division code 110101 + implementing serial 01 = 18 ≤ 24. */
export function implementationCode(basic: string): string {
  return `${basic}11010101`;
}

export const FREE = { amount: 0, basis: null, description: '不收费' };

export interface ItemSpec {
  code: string;
  name: string;
  kind: ItemKind;
  level?: ItemLevel;
  parent?: string;
  situation?: ItemSituation;
  dept: DeptKey;
  competent?: string;
  lifeEvents: string[];
  subjects: SubjectKind[];
  conditions: string;
  materials: Material[];
  steps: ProcessStep[];
  specialSteps?: SpecialStep[];
  legalDays: number;
  promisedDays: number;
  acceptanceDays?: number;
  fee?: { amount: number; basis: string | null; description: string };
  place?: string;
  hours?: string;
  channels: Channel[];
  visits?: Partial<Record<Channel, number>>;
  deliveryMethods: DeliveryMethod[];
  onlineDepth: 1 | 2 | 3 | 4;
  faq: FaqEntry[];
  consultation?: string;
  legalBases: LegalBasis[];
  resultName: string;
  form: Form;
  bundleCodes?: string[];
  source?: string | null;
}

/** 到现场次数 by channel when the item does not say: online 0 at depth 4 (全程网办), else 1. */
function defaultVisits(channels: Channel[], depth: number): Partial<Record<Channel, number>> {
  const visits: Partial<Record<Channel, number>> = {};
  for (const channel of channels) {
    visits[channel] = channel === 'online' ? (depth === 4 ? 0 : 1) : channel === 'post' ? 0 : 1;
  }
  return visits;
}

export function item(spec: ItemSpec): Entry {
  const dept = department(spec.dept);
  const level = spec.level ?? (spec.parent ? 'handling' : 'main');
  return {
    basicCode: spec.code,
    implementationCode: implementationCode(spec.code),
    name: spec.name,
    kind: spec.kind,
    level,
    parentCode: spec.parent ?? null,
    situation: spec.situation ?? null,
    departmentName: dept.name,
    implementingOrgCreditCode: dept.creditCode,
    competentDepartment: spec.competent ?? DEPARTMENT_SERVICE[spec.dept].competent,
    lifeEvents: spec.lifeEvents,
    validFrom: '2025-01-01',
    validTo: null,
    guide: {
      subjects: spec.subjects,
      conditions: spec.conditions,
      materials: spec.materials,
      steps: spec.steps,
      specialSteps: spec.specialSteps ?? [],
      legalDays: spec.legalDays,
      promisedDays: spec.promisedDays,
      acceptanceDays: spec.acceptanceDays ?? (spec.promisedDays === 0 ? 0 : 5),
      fee: spec.fee ?? FREE,
      place: spec.place ?? hallPlace(spec.dept),
      hours: spec.hours ?? OFFICE_HOURS,
      visits: { ...defaultVisits(spec.channels, spec.onlineDepth), ...spec.visits },
      channels: spec.channels,
      deliveryMethods: spec.deliveryMethods,
      onlineDepth: spec.onlineDepth,
      faq: spec.faq,
      consultation: spec.consultation ?? consultation(spec.dept),
      complaint: COMPLAINT,
      legalBases: spec.legalBases,
      resultName: spec.resultName,
    },
    form: spec.form,
    bundleCodes: spec.bundleCodes ?? [],
    source: spec.source ?? null,
  };
}

/** 办理流程 steps in the usual order; days add up to the promised limit. */
export function step(key: string, name: string, days: number, description: string): ProcessStep {
  return { key, name, days, description };
}

export const steps = {
  /** 受理 → 审查 → 决定 → 送达 with the given days. */
  standard(review: number, decision: number, delivery: number, what: string): ProcessStep[] {
    return [
      step(
        'acceptance',
        '受理',
        0,
        '窗口或网上预审申请材料，材料齐全、符合法定形式的当场受理并出具受理通知书；不齐全的一次性告知需补正的全部内容。',
      ),
      step('review', '审查', review, `承办科室对申请材料进行审查，核实${what}。`),
      step(
        'decision',
        '决定',
        decision,
        '作出准予或者不予的决定；不予的，书面说明理由，并告知申请行政复议或者提起行政诉讼的权利。',
      ),
      step(
        'delivery',
        '送达',
        delivery,
        '按申请人选择的方式送达办理结果（窗口领取、免费邮寄或网上获取电子结果）。',
      ),
    ];
  },
  /** 即办件: accepted, checked and finished at the window. */
  instant(what: string): ProcessStep[] {
    return [
      step('acceptance', '受理', 0, '窗口核验申请人身份和申请材料，符合条件的当场受理。'),
      step('review', '审核', 0, `当场审核${what}。`),
      step('decision', '办结', 0, '当场办结并出具办理结果。'),
    ];
  },
};

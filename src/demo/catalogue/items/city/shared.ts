/** What the city items share: the hall, the site inspection step, the applicant unit's fields, their own form fields and the `city` item builder. */
import { item, steps, type DeptKey } from '../../common.js';
import { NO_FORM, choice, form, longText, text, type FieldDef } from '../../fields.js';
import { businessLicense, legalRepresentativeId, proxy } from '../../materials.js';
import type { Entry, ItemKind, LegalBasis, Material, SpecialStep } from '../../types.js';

export const CITY_HALL = '东城区政务服务中心三层城市管理综合窗口；北京市政务服务网（网上申请）';
export const inspection = (what: string, days = 3): SpecialStep => ({
  kind: 'site_inspection',
  name: '现场勘查',
  days,
  description: `工作人员到现场勘查${what}（不计入办理时限）。`,
});
export const own: Record<string, FieldDef> = {
  sign_text: text('牌匾标识文字内容', 50),
  sign_size: text('尺寸（长×高，米）', 30, { placeholder: '如：6×0.8' }),
  sign_material: choice('材质与照明方式', ['金属字无照明', '金属字内透光', '灯箱', '其他']),
  purpose: longText('用途及施工（占用）方案说明', 1000),
  road_name: text('道路名称', 50),
  excavation_length: {
    schema: { type: 'number', title: '挖掘长度（米）', minimum: 0.1, maximum: 10000 },
    hint: { widget: 'number' },
  },
  permit_number: text('原许可文号', 40),
  tree_count: {
    schema: { type: 'integer', title: '树木株数', minimum: 1, maximum: 10000 },
    hint: { widget: 'number' },
  },
  tree_species: text('树种及胸径', 200, { placeholder: '如：国槐 2株 胸径25厘米' }),
  waste_volume: {
    schema: { type: 'number', title: '建筑垃圾数量（立方米）', minimum: 1, maximum: 10000000 },
    hint: { widget: 'number' },
  },
  disposal_site: text('消纳场所名称', 100),
  vehicle_count: {
    schema: { type: 'integer', title: '运输车辆数', minimum: 1, maximum: 1000 },
    hint: { widget: 'number' },
  },
  project_name: text('工程名称', 100),
  night_hours: text('夜间施工时段', 50, { placeholder: '如：22:00至次日6:00' }),
  night_reason: choice('夜间连续施工原因', ['抢修、抢险', '生产工艺要求', '其他特殊需要']),
  daily_discharge: {
    schema: { type: 'number', title: '日排水量（立方米）', minimum: 0.1, maximum: 1000000 },
    hint: { widget: 'number' },
  },
  drainage_type: choice('排水户类型', ['餐饮', '医疗', '建筑施工', '洗车', '工业', '其他']),
  parking_spaces: {
    schema: { type: 'integer', title: '停车泊位数', minimum: 1, maximum: 100000 },
    hint: { widget: 'number' },
  },
  parking_type: choice('停车场类型', ['公共停车场', '配建停车场（对外开放）', '临时停车场']),
  purifier_model: text('油烟净化设施型号', 50),
  purifier_efficiency: {
    schema: { type: 'number', title: '净化效率（%）', minimum: 0, maximum: 100 },
    hint: { widget: 'number' },
  },
  stoves: {
    schema: { type: 'integer', title: '灶头数', minimum: 1, maximum: 200 },
    hint: { widget: 'number' },
  },
};
export const UNIT: [string, string[]] = [
  '申请单位',
  ['entity_name', 'credit_code', 'legal_representative', 'contact_name', 'contact_phone'],
];
export const UNIT_REQUIRED = [
  'entity_name',
  'credit_code',
  'legal_representative',
  'contact_name',
  'contact_phone',
];
export const PLACE: [string, string[]] = [
  '位置和期限',
  ['location_description', 'area_square_meters', 'start_date', 'end_date'],
];
export const unitMaterials = (): Material[] => [
  businessLicense(),
  legalRepresentativeId(),
  ...proxy('申请单位'),
];

export interface CitySpec {
  code: string;
  parent?: string;
  situation?: 'new' | 'change' | 'renewal' | 'cancellation' | 'other';
  name: string;
  kind: ItemKind;
  dept: DeptKey;
  lifeEvents: string[];
  conditions: string;
  materials: Material[];
  review: number;
  decision: number;
  what: string;
  special?: SpecialStep[];
  legalDays: number;
  promisedDays: number;
  faq: { question: string; answer: string }[];
  legalBases: LegalBasis[];
  resultName: string;
  sections: [string, string[]][];
  required: string[];
  place?: string;
  depth?: 1 | 2 | 3 | 4;
  persons?: boolean;
}

export const city = (s: CitySpec): Entry =>
  item({
    code: s.code,
    ...(s.parent ? { parent: s.parent } : {}),
    ...(s.situation ? { situation: s.situation } : {}),
    name: s.name,
    kind: s.kind,
    dept: s.dept,
    lifeEvents: s.lifeEvents,
    subjects: s.persons ? ['legal_person', 'person'] : ['legal_person'],
    conditions: s.conditions,
    materials: s.materials,
    steps:
      s.promisedDays === 0
        ? steps.instant(s.what)
        : steps.standard(s.review, s.decision, s.promisedDays - s.review - s.decision, s.what),
    specialSteps: s.special ?? [],
    legalDays: s.legalDays,
    promisedDays: s.promisedDays,
    place: s.place ?? CITY_HALL,
    channels: ['online', 'hall'],
    visits: { online: 0, hall: 1 },
    deliveryMethods: ['online', 'pickup', 'post'],
    onlineDepth: s.depth ?? 4,
    faq: s.faq,
    legalBases: s.legalBases,
    resultName: s.resultName,
    form: s.sections.length === 0 ? NO_FORM : form(s.sections, s.required, own),
  });

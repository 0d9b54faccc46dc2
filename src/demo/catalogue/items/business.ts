/** 开办企业 and 经营许可: 个体工商户登记, 食品经营许可, 仅销售预包装食品备案, 公共场所卫生许可, 举报奖励. */
import { basicCode, item, step, steps } from '../common.js';
import {
  APPLICANT,
  DELIVERY,
  NO_FORM,
  choice,
  decimal,
  form,
  longText,
  text,
  type FieldDef,
} from '../fields.js';
import { LAW } from '../laws.js';
import { businessLicense, idCard, legalRepresentativeId, material, proxy } from '../materials.js';
import type { Entry, Material } from '../types.js';

const MARKET_HALL = '东城区政务服务中心一层市场准入准营服务专区；北京市企业服务e窗通平台（全程网办）';

/** Fields the 开办餐饮店一件事 children share. */
export const SHOP: [string, string[]] = [
  '经营主体',
  ['entity_name', 'business_address', 'legal_representative', 'applicant_id_number', 'contact_phone'],
];
export const SHOP_REQUIRED = [
  'entity_name',
  'business_address',
  'legal_representative',
  'applicant_id_number',
  'contact_phone',
];

const own: Record<string, FieldDef> = {
  business_scope: longText('经营范围', 500, { help: '按《经营范围规范表述目录》选择规范表述' }),
  capital: decimal('资金数额（万元）', 0, 100000),
  employees: {
    schema: { type: 'integer', title: '从业人数', minimum: 0, maximum: 10000 },
    hint: { widget: 'number' },
  },
  premises_area: decimal('经营场所面积（平方米）', 1, 100000),
  food_business_type: choice(
    '食品经营项目',
    ['热食类食品制售', '冷食类食品制售', '生食类食品制售', '半成品制售', '自制饮品制售', '散装食品销售'],
    'select',
  ),
  main_format: choice('主体业态', ['餐饮服务经营者', '单位食堂', '食品销售经营者'], 'select'),
  change_items: longText('变更事项及变更前后内容', 1000),
  cancellation_reason: choice('注销原因', ['歇业', '经营期限届满', '主体资格终止', '其他'], 'select'),
  license_number: text('食品经营许可证编号', 20),
};

const INDIVIDUAL = basicCode('licensing', 60);
const individualFaq = [
  {
    question: '个体工商户可以不起名字吗？',
    answer: '可以。个体工商户可以使用名称，也可以不使用名称；使用名称的须符合名称登记管理规定。',
  },
  { question: '办理营业执照收费吗？', answer: '不收费。营业执照和电子营业执照同步发放。' },
];

const individualMain = item({
  code: INDIVIDUAL,
  name: '个体工商户登记',
  kind: 'licensing',
  dept: 'sj',
  lifeEvents: ['business_start'],
  subjects: ['person'],
  conditions: '有经营能力的公民从事工商业经营，依法办理个体工商户设立、变更、注销登记，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 3,
  promisedDays: 1,
  acceptanceDays: 0,
  place: MARKET_HALL,
  channels: ['online', 'hall'],
  deliveryMethods: ['online', 'pickup', 'post'],
  onlineDepth: 4,
  faq: individualFaq,
  legalBases: [LAW.marketRegistration, LAW.individualBusiness, LAW.marketRegistrationTime],
  resultName: '营业执照',
  form: NO_FORM,
});

export const individualSetup = item({
  code: basicCode('licensing', 60, 1),
  parent: INDIVIDUAL,
  situation: 'new',
  name: '个体工商户设立登记',
  kind: 'licensing',
  dept: 'sj',
  lifeEvents: ['business_start'],
  subjects: ['person'],
  conditions:
    '有经营能力的公民；有固定的经营场所（住所）；经营范围不属于法律、行政法规禁止的项目，需要许可的项目在取得许可后经营。',
  materials: [
    material('registration_application', '《个体工商户登记（备案）申请书》', {
      notes: 'e窗通平台在线填写并电子签名，窗口申请的经营者签字。',
    }),
    material('operator_id', '经营者身份证明', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '实名认证后由电子证照核验。',
    }),
    material('premises_proof', '经营场所使用证明', {
      notes: '房屋产权证明或租赁合同；产权信息可由不动产登记共享获取的无需提交。',
    }),
    ...proxy('经营者'),
  ],
  steps: [
    step('acceptance', '受理', 0, '对申请材料进行形式审查。'),
    step('decision', '登记', 1, '材料齐全、符合法定形式的当场或1个工作日内登记。'),
    step('delivery', '发照', 0, '发放电子营业执照，纸质执照可邮寄或窗口领取。'),
  ],
  legalDays: 3,
  promisedDays: 1,
  acceptanceDays: 0,
  place: MARKET_HALL,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'pickup', 'post'],
  onlineDepth: 4,
  faq: individualFaq,
  legalBases: [LAW.marketRegistration, LAW.individualBusiness, LAW.marketRegistrationTime],
  resultName: '营业执照（个体工商户）',
  form: form(
    [SHOP, ['经营信息', ['business_scope', 'capital', 'employees']], DELIVERY],
    [...SHOP_REQUIRED, 'business_scope', 'capital', 'result_delivery'],
    own,
  ),
});

const individualChange = item({
  code: basicCode('licensing', 60, 2),
  parent: INDIVIDUAL,
  situation: 'change',
  name: '个体工商户变更登记',
  kind: 'licensing',
  dept: 'sj',
  lifeEvents: ['business_operation'],
  subjects: ['person', 'legal_person'],
  conditions:
    '个体工商户名称、经营者、经营场所、经营范围等登记事项发生变化的，自变化之日起30日内申请变更登记；经营者变更的可直接申请变更登记。',
  materials: [
    material('registration_application', '《个体工商户变更登记（备案）申请书》', {
      notes: '在线填写并电子签名。',
    }),
    businessLicense(),
    material('premises_proof', '新经营场所使用证明', {
      condition: '变更经营场所的',
      notes: '房屋产权证明或租赁合同。',
    }),
    ...proxy('经营者'),
  ],
  steps: [
    step('acceptance', '受理', 0, '形式审查。'),
    step('decision', '登记', 1, '当场或1个工作日内办理变更登记，换发营业执照。'),
  ],
  legalDays: 3,
  promisedDays: 1,
  acceptanceDays: 0,
  place: MARKET_HALL,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'pickup', 'post'],
  onlineDepth: 4,
  faq: individualFaq,
  legalBases: [LAW.marketRegistrationChange, LAW.marketRegistrationTime],
  resultName: '营业执照（个体工商户，变更后）',
  form: form(
    [
      ['经营主体', ['entity_name', 'credit_code', 'legal_representative', 'contact_phone']],
      ['变更事项', ['change_items']],
      DELIVERY,
    ],
    [
      'entity_name',
      'credit_code',
      'legal_representative',
      'contact_phone',
      'change_items',
      'result_delivery',
    ],
    own,
  ),
});

const individualCancel = item({
  code: basicCode('licensing', 60, 3),
  parent: INDIVIDUAL,
  situation: 'cancellation',
  name: '个体工商户注销登记',
  kind: 'licensing',
  dept: 'sj',
  lifeEvents: ['business_closure'],
  subjects: ['person', 'legal_person'],
  conditions:
    '个体工商户不再从事经营活动的；未发生债权债务或已将债权债务清偿完结、未发生或已结清清偿费用、职工工资和社会保险费用、应缴纳税款等的，可以适用简易注销。',
  materials: [
    material('cancellation_application', '《个体工商户注销登记申请书》', { notes: '在线填写并电子签名。' }),
    businessLicense(),
    material('simple_cancellation_commitment', '《简易注销全体投资人承诺书》', {
      condition: '适用简易注销的',
      notes: '在线签署。',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '形式审查。'),
    step('decision', '注销', 1, '作出注销登记决定，收缴纸质营业执照。'),
  ],
  legalDays: 3,
  promisedDays: 1,
  acceptanceDays: 0,
  place: MARKET_HALL,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    {
      question: '注销前要先办税务清税吗？',
      answer: '未办理涉税事宜或无欠税的可直接申请；税务信息通过部门共享核查，无需另行提交清税证明。',
    },
  ],
  legalBases: [LAW.marketRegistrationCancellation],
  resultName: '《准予注销登记通知书》',
  form: form(
    [
      ['经营主体', ['entity_name', 'credit_code', 'legal_representative', 'contact_phone']],
      ['注销信息', ['cancellation_reason']],
    ],
    ['entity_name', 'credit_code', 'legal_representative', 'contact_phone', 'cancellation_reason'],
    own,
  ),
});

const FOOD = basicCode('licensing', 61);
const foodFaq = [
  {
    question: '食品经营许可证有效期多久？',
    answer: '有效期为5年；需要延续的，在有效期届满前90个工作日至15个工作日期间申请。',
  },
  { question: '只卖预包装食品需要办许可证吗？', answer: '不需要，办理“仅销售预包装食品备案”即可。' },
  {
    question: '现场核查什么？',
    answer: '经营场所布局、设施设备、食品安全管理制度等是否与申请材料一致，是否符合食品安全要求。',
  },
];
const foodInspection = {
  kind: 'site_inspection' as const,
  name: '现场核查',
  days: 5,
  description: '两名以上核查人员对经营场所进行现场核查，必要时进行（不计入办理时限）。',
};
const foodMaterials = (): Material[] => [
  material('food_license_application', '《食品经营许可申请书》', { notes: '在线填写并电子签名。' }),
  businessLicense(),
  legalRepresentativeId(),
  material('premises_layout', '经营场所和设备布局、操作流程等文件', {
    form: 'electronic',
    notes: '平面图标明加工制作区、清洗消毒、冷藏冷冻设施等位置。',
  }),
  material('food_safety_rules', '食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度', {
    form: 'electronic',
  }),
  material('food_safety_manager', '食品安全管理人员信息', {
    form: 'electronic',
    notes: '姓名、身份证号、培训考核情况。',
  }),
  ...proxy('法定代表人（负责人）'),
];

const foodBase = {
  kind: 'licensing' as const,
  dept: 'sj' as const,
  lifeEvents: ['business_operation'],
  subjects: ['legal_person' as const],
  place: MARKET_HALL,
  channels: ['online' as const, 'hall' as const],
  deliveryMethods: ['online' as const, 'pickup' as const, 'post' as const],
  faq: foodFaq,
};

const foodMain = item({
  ...foodBase,
  code: FOOD,
  name: '食品经营许可',
  conditions:
    '从事食品销售和餐饮服务的经营者（仅销售预包装食品、销售食用农产品的除外），见各办理项：新办、变更、延续、注销。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 10,
  promisedDays: 5,
  onlineDepth: 4,
  legalBases: [LAW.foodLicensing, LAW.foodLicenseTime],
  resultName: '《食品经营许可证》',
  form: NO_FORM,
});

export const foodNew = item({
  ...foodBase,
  code: basicCode('licensing', 61, 1),
  parent: FOOD,
  situation: 'new',
  name: '食品经营许可（新办）',
  lifeEvents: ['business_start', 'business_operation'],
  subjects: ['legal_person', 'person'],
  conditions:
    '已取得营业执照等主体资格；具有与经营的食品品种、数量相适应的经营场所，并与有毒有害场所以及其他污染源保持规定距离；具有相应的设施设备和食品安全管理人员、规章制度；具有合理的设备布局和工艺流程。',
  materials: foodMaterials(),
  steps: steps.standard(2, 2, 1, '申请材料与许可条件'),
  specialSteps: [foodInspection],
  legalDays: 10,
  promisedDays: 5,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  legalBases: [LAW.foodLicensing, LAW.foodLicenseTime, LAW.licensingSpecialSteps],
  resultName: '《食品经营许可证》',
  form: form(
    [SHOP, ['经营项目', ['credit_code', 'main_format', 'food_business_type', 'premises_area']], DELIVERY],
    [...SHOP_REQUIRED, 'main_format', 'food_business_type', 'premises_area', 'result_delivery'],
    own,
  ),
});

const foodFollowForm = (extra: [string, string[]], required: string[]) =>
  form(
    [
      ['经营主体', ['entity_name', 'credit_code', 'legal_representative', 'contact_phone']],
      ['许可证', ['license_number']],
      extra,
      DELIVERY,
    ],
    [
      'entity_name',
      'credit_code',
      'legal_representative',
      'contact_phone',
      'license_number',
      'result_delivery',
      ...required,
    ],
    own,
  );

const foodChange = item({
  ...foodBase,
  code: basicCode('licensing', 61, 2),
  parent: FOOD,
  situation: 'change',
  name: '食品经营许可（变更）',
  conditions:
    '食品经营许可证载明的许可事项发生变化的，应当在变化后10个工作日内申请变更；经营场所改变的，重新申请许可。',
  materials: [
    material('food_license_change_application', '《食品经营许可变更申请书》', { notes: '在线填写。' }),
    material('food_license', '《食品经营许可证》', {
      source: 'certificate',
      sourceReference: '食品经营许可证电子证照',
      notes: '由电子证照调取。',
    }),
    material('change_documents', '与变更事项有关的材料', {
      form: 'electronic',
      notes: '如新增经营项目的布局图和设施设备情况。',
    }),
  ],
  steps: steps.standard(2, 1, 1, '变更事项'),
  specialSteps: [foodInspection],
  legalDays: 10,
  promisedDays: 4,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  legalBases: [LAW.foodLicensing, LAW.foodLicenseTime],
  resultName: '《食品经营许可证》（变更后）',
  form: foodFollowForm(['变更信息', ['change_items']], ['change_items']),
});

const foodRenewal = item({
  ...foodBase,
  code: basicCode('licensing', 61, 3),
  parent: FOOD,
  situation: 'renewal',
  name: '食品经营许可（延续）',
  conditions:
    '食品经营许可有效期届满需要继续经营的，在有效期届满前90个工作日至15个工作日期间向原发证部门申请延续；许可条件未发生变化的可以告知承诺方式办理。',
  materials: [
    material('food_license_renewal_application', '《食品经营许可延续申请书》', { notes: '在线填写。' }),
    material('food_license', '《食品经营许可证》', {
      source: 'certificate',
      sourceReference: '食品经营许可证电子证照',
      notes: '由电子证照调取。',
    }),
    material('renewal_commitment', '许可条件未发生变化的承诺书', {
      condition: '以告知承诺方式申请的',
      notes: '在线签署。',
    }),
  ],
  steps: steps.standard(1, 1, 1, '许可条件是否变化'),
  legalDays: 10,
  promisedDays: 3,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  legalBases: [LAW.foodLicensing, LAW.foodLicenseRenewal],
  resultName: '《食品经营许可证》（延续）',
  form: foodFollowForm(
    ['延续信息', ['main_format', 'food_business_type']],
    ['main_format', 'food_business_type'],
  ),
});

const foodCancel = item({
  ...foodBase,
  code: basicCode('licensing', 61, 4),
  parent: FOOD,
  situation: 'cancellation',
  name: '食品经营许可（注销）',
  lifeEvents: ['business_closure'],
  conditions:
    '食品经营者终止食品经营，食品经营许可被撤回、撤销或者许可证被吊销，应当在30个工作日内申请注销。',
  materials: [
    material('food_license_cancel_application', '《食品经营许可注销申请书》', { notes: '在线填写。' }),
    material('food_license', '《食品经营许可证》', {
      source: 'certificate',
      sourceReference: '食品经营许可证电子证照',
      notes: '纸质证正副本交回。',
    }),
  ],
  steps: steps.instant('许可证状态'),
  legalDays: 10,
  promisedDays: 0,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  legalBases: [LAW.foodLicensing],
  resultName: '食品经营许可注销通知',
  form: foodFollowForm(['注销信息', ['cancellation_reason']], ['cancellation_reason']),
});

const prepackaged = item({
  code: basicCode('filing', 62),
  name: '仅销售预包装食品备案',
  kind: 'filing',
  dept: 'sj',
  lifeEvents: ['business_operation'],
  subjects: ['legal_person', 'person'],
  conditions:
    '已取得营业执照，仅销售预包装食品（含保健食品、特殊医学用途配方食品、婴幼儿配方乳粉以外的婴幼儿配方食品等按规定备案的品种）的经营者，在办理营业执照后或开展销售活动之日起5个工作日内备案。',
  materials: [
    material('filing_form', '《仅销售预包装食品备案信息采集表》', { notes: '在线填写。' }),
    businessLicense(),
    legalRepresentativeId(),
  ],
  steps: steps.instant('备案信息完整性'),
  legalDays: 0,
  promisedDays: 0,
  place: MARKET_HALL,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    { question: '备案后还需要领证吗？', answer: '不需要，备案信息在备案当日通过网上公示，可打印备案回执。' },
    { question: '备案需要现场核查吗？', answer: '备案不需现场核查，市场监管部门将在日常监督检查中核查。' },
  ],
  legalBases: [LAW.foodLicensing],
  resultName: '仅销售预包装食品备案回执（电子）',
  form: form(
    [
      [
        '经营主体',
        ['entity_name', 'credit_code', 'legal_representative', 'business_address', 'contact_phone'],
      ],
      ['经营信息', ['premises_area']],
    ],
    ['entity_name', 'credit_code', 'legal_representative', 'business_address', 'contact_phone'],
    own,
  ),
});

const HYGIENE = basicCode('licensing', 63);
const hygieneBase = {
  kind: 'licensing' as const,
  dept: 'wjw' as const,
  lifeEvents: ['business_operation'],
  subjects: ['legal_person' as const],
  place: '东城区政务服务中心一层市场准入准营服务专区（卫生健康窗口）；东城区卫生健康监督所',
  channels: ['online' as const, 'hall' as const],
  deliveryMethods: ['online' as const, 'pickup' as const, 'post' as const],
  faq: [
    {
      question: '开饭馆需要办公共场所卫生许可证吗？',
      answer:
        '不需要。国务院2016年已取消饭馆、咖啡馆、酒吧、茶座4类公共场所卫生许可；宾馆、美容美发、游泳场所、沐浴场所等仍需办理。',
    },
    {
      question: '可以告知承诺办理吗？',
      answer: '可以。申请人承诺符合卫生要求的，当场作出许可决定，事后核查。',
    },
  ],
  legalBases: [LAW.publicPlaceHygiene, LAW.licensingTime],
};
const hygieneForm = (extra: [string, string[]], required: string[]) =>
  form(
    [
      [
        '经营主体',
        ['entity_name', 'credit_code', 'legal_representative', 'business_address', 'contact_phone'],
      ],
      extra,
      DELIVERY,
    ],
    [
      'entity_name',
      'credit_code',
      'legal_representative',
      'business_address',
      'contact_phone',
      'result_delivery',
      ...required,
    ],
    {
      ...own,
      venue_type: choice('公共场所类别', [
        '住宿场所',
        '沐浴场所',
        '美容美发场所',
        '游泳场所',
        '影剧院、歌舞厅等文化娱乐场所',
        '商场（店）',
        '候车（机、船）室',
      ]),
    },
  );

const hygieneMain = item({
  ...hygieneBase,
  code: HYGIENE,
  name: '公共场所卫生许可',
  conditions: '经营住宿、沐浴、美容美发、游泳等公共场所的经营单位，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 20,
  promisedDays: 5,
  onlineDepth: 4,
  resultName: '《公共场所卫生许可证》',
  form: NO_FORM,
});

const hygieneNew = item({
  ...hygieneBase,
  code: basicCode('licensing', 63, 1),
  parent: HYGIENE,
  situation: 'new',
  name: '公共场所卫生许可（新办）',
  conditions:
    '已取得营业执照；经营场所选址、设计和布局符合卫生标准和规范要求；具有与经营规模相适应的卫生设施；从业人员持有效健康合格证明；具有卫生管理制度和卫生管理人员。',
  materials: [
    material('hygiene_application', '《公共场所卫生许可申请表》', { notes: '在线填写。' }),
    businessLicense(),
    legalRepresentativeId(),
    material('layout_plan', '公共场所地址方位示意图、平面图和卫生设施平面布局图', { form: 'electronic' }),
    material('hygiene_testing_report', '公共场所卫生检测或者评价报告', {
      condition: '不选择告知承诺方式的',
      form: 'copy',
      notes: '具有资质的检测机构出具。',
    }),
  ],
  steps: steps.standard(3, 1, 1, '卫生设施、管理制度和检测报告'),
  specialSteps: [
    {
      kind: 'site_inspection',
      name: '现场审查',
      days: 5,
      description: '卫生监督员对营业场所卫生条件进行现场审查（不计入办理时限）。',
    },
  ],
  legalDays: 20,
  promisedDays: 5,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  resultName: '《公共场所卫生许可证》',
  form: hygieneForm(
    ['场所信息', ['venue_type', 'premises_area', 'employees']],
    ['venue_type', 'premises_area'],
  ),
});

const hygieneRenewal = item({
  ...hygieneBase,
  code: basicCode('licensing', 63, 2),
  parent: HYGIENE,
  situation: 'renewal',
  name: '公共场所卫生许可（延续）',
  conditions: '公共场所卫生许可证有效期满需继续经营的，在有效期届满30日前提出延续申请。',
  materials: [
    material('hygiene_renewal_application', '《公共场所卫生许可延续申请表》', { notes: '在线填写。' }),
    material('hygiene_license', '《公共场所卫生许可证》', {
      source: 'certificate',
      sourceReference: '公共场所卫生许可证电子证照',
      notes: '由电子证照调取。',
    }),
  ],
  steps: steps.standard(1, 1, 1, '卫生条件是否变化'),
  legalDays: 20,
  promisedDays: 3,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  resultName: '《公共场所卫生许可证》（延续）',
  form: hygieneForm(['场所信息', ['venue_type']], ['venue_type']),
});

const reportReward = item({
  code: basicCode('reward', 64),
  name: '食品安全违法行为举报奖励',
  kind: 'reward',
  dept: 'sj',
  lifeEvents: ['business_operation'],
  subjects: ['person', 'legal_person'],
  conditions:
    '实名举报食品安全违法行为，举报事项经查证属实并立案查处，举报人为最先举报人，且举报前市场监管部门未掌握该违法行为的。',
  materials: [
    idCard(),
    material('report_receipt', '举报受理告知或查处结果告知', {
      source: 'issued_by_government',
      notes: '由市场监管部门办案系统提供，无需提交。',
    }),
    material('bank_account', '举报人本人银行账户信息', { form: 'copy', notes: '用于发放奖励资金。' }),
  ],
  steps: [
    step('acceptance', '受理', 0, '举报人在收到奖励告知后申请。'),
    step('review', '审核', 10, '核实举报人身份、举报与立案查处的对应关系。'),
    step('decision', '认定', 5, '按违法情节和罚没款金额确定奖励等级和金额。'),
    step('delivery', '发放', 5, '转账发放奖励。'),
  ],
  legalDays: 60,
  promisedDays: 20,
  place: '东城区市场监督管理局投诉举报处理科（illustrative）',
  channels: ['online', 'hall', 'post'],
  visits: { online: 0, hall: 1, post: 0 },
  deliveryMethods: ['online'],
  onlineDepth: 3,
  faq: [
    {
      question: '举报人信息会保密吗？',
      answer: '会。市场监管部门对举报人信息严格保密，奖励发放不公开举报人身份。',
    },
    {
      question: '匿名举报能领奖吗？',
      answer: '匿名举报人提供了可以辨别其身份的联系方式并查证属实的，可以凭举报编号领取。',
    },
  ],
  legalBases: [LAW.foodReportReward],
  resultName: '举报奖励资金',
  form: form(
    [
      APPLICANT,
      ['举报信息', ['report_number', 'report_summary']],
      ['银行账户', ['bank_name', 'bank_account_number']],
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'report_number',
      'bank_name',
      'bank_account_number',
    ],
    {
      report_number: text('举报编号', 40),
      report_summary: longText('举报事项摘要', 1000),
    },
  ),
});

export const BUSINESS_ITEMS: Entry[] = [
  individualMain,
  individualSetup,
  individualChange,
  individualCancel,
  foodMain,
  foodNew,
  foodChange,
  foodRenewal,
  foodCancel,
  prepackaged,
  hygieneMain,
  hygieneNew,
  hygieneRenewal,
  reportReward,
];

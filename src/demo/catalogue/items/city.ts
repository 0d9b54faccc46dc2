/** 市容环境 and 工程建设: 招牌, 户外广告, 道路占用挖掘, 绿地, 树木, 建筑垃圾, 夜间施工, 排水, 门前三包, 停车场, 油烟. */
import { basicCode, item, steps, type DeptKey } from '../common.js';
import { DELIVERY, NO_FORM, choice, form, longText, text, type FieldDef } from '../fields.js';
import { LAW } from '../laws.js';
import { businessLicense, legalRepresentativeId, material, proxy, siteLayout } from '../materials.js';
import type { Entry, ItemKind, LegalBasis, Material, SpecialStep } from '../types.js';
import { SHOP, SHOP_REQUIRED } from './business/shared.js';

const CITY_HALL = '东城区政务服务中心三层城市管理综合窗口；北京市政务服务网（网上申请）';
const inspection = (what: string, days = 3): SpecialStep => ({
  kind: 'site_inspection',
  name: '现场勘查',
  days,
  description: `工作人员到现场勘查${what}（不计入办理时限）。`,
});
const own: Record<string, FieldDef> = {
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
const UNIT: [string, string[]] = [
  '申请单位',
  ['entity_name', 'credit_code', 'legal_representative', 'contact_name', 'contact_phone'],
];
const UNIT_REQUIRED = ['entity_name', 'credit_code', 'legal_representative', 'contact_name', 'contact_phone'];
const PLACE: [string, string[]] = [
  '位置和期限',
  ['location_description', 'area_square_meters', 'start_date', 'end_date'],
];
const unitMaterials = (): Material[] => [businessLicense(), legalRepresentativeId(), ...proxy('申请单位')];

interface CitySpec {
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

const city = (s: CitySpec): Entry =>
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

export const signage = city({
  code: basicCode('filing', 70),
  name: '户外招牌（牌匾标识）设置告知承诺',
  kind: 'filing',
  dept: 'cgw',
  lifeEvents: ['business_start', 'city_appearance'],
  persons: true,
  conditions:
    '在本单位办公、经营场所的建筑物外立面设置牌匾标识，符合《北京市牌匾标识设置管理规范》：一个建筑立面原则上只设置一块、一行牌匾标识，不得遮挡窗户、通风口，文字使用规范汉字；申请人书面承诺按规范设置并接受核查。',
  materials: [
    material('signage_commitment', '《牌匾标识设置承诺书》', { notes: '在线签署。' }),
    siteLayout('设置位置效果图（标注尺寸、材质、照明方式）和建筑立面现状照片。'),
    material('premises_proof', '经营场所使用证明', {
      notes: '房屋产权证明或租赁合同；营业执照登记的经营场所与设置地点一致的可不提交。',
      condition: '设置位置与营业执照登记地址不一致的',
    }),
  ],
  review: 1,
  decision: 1,
  what: '设置位置、尺寸、材质与设置规范的一致性',
  special: [inspection('牌匾标识的设置位置和安全状况')],
  legalDays: 5,
  promisedDays: 3,
  faq: [
    {
      question: '设置招牌需要审批吗？',
      answer:
        '在本单位经营场所设置符合规范的牌匾标识实行告知承诺，提交承诺后即可设置，城市管理部门事后核查；设置户外广告设施需另行申请许可。',
    },
    { question: '招牌可以用外文吗？', answer: '应当使用规范汉字；同时使用外文的，外文不得大于汉字。' },
  ],
  legalBases: [LAW.beijingSignage, LAW.largeOutdoorAdvertising],
  resultName: '牌匾标识设置告知承诺确认（电子）',
  sections: [SHOP, ['招牌信息', ['sign_text', 'sign_size', 'sign_material']], DELIVERY],
  required: [...SHOP_REQUIRED, 'sign_text', 'sign_size', 'sign_material', 'result_delivery'],
});

const ROAD = basicCode('licensing', 72);
const roadFaq = [
  {
    question: '占道施工需要找交管部门吗？',
    answer: '占用、挖掘城市道路影响交通安全的，由本窗口一并征求公安交通管理部门意见，申请人无需另行申请。',
  },
  {
    question: '新建道路能挖吗？',
    answer:
      '新建、扩建、改建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘；特殊情况须经区政府批准。',
  },
];
const TREES = basicCode('licensing', 74);
const WASTE = basicCode('licensing', 75);

export const CITY_ITEMS: Entry[] = [
  signage,
  city({
    code: basicCode('licensing', 71),
    name: '户外广告设施设置许可',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['city_appearance', 'business_operation'],
    conditions:
      '设置位置符合本市户外广告设施设置规划；设施结构安全，有设计方案和安全检测报告；大型户外广告设施征得市容环境卫生主管部门同意。',
    materials: [
      ...unitMaterials(),
      siteLayout('设置地点位置图、效果图和现状照片。'),
      material('structure_design', '设施结构设计图及安全技术说明', {
        form: 'electronic',
        notes: '大型设施需有资质的设计单位出具。',
      }),
      material('owner_consent', '设施载体所有权人或使用权人同意设置的证明', {}),
    ],
    review: 8,
    decision: 2,
    what: '设置规划符合性、结构安全和设置方案',
    special: [
      inspection('户外广告设施设置地点'),
      {
        kind: 'expert_review',
        name: '专家评审',
        days: 10,
        description: '大型户外广告设施组织城市规划、结构安全方面专家评审。',
      },
    ],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '户外广告设施许可期限多长？',
        answer: '按批准文件载明的设置期限执行，期满需继续设置的应重新申请。',
      },
      { question: '楼顶可以设广告吗？', answer: '应符合户外广告设施设置规划；规划禁止区域不予许可。' },
    ],
    legalBases: [
      LAW.largeOutdoorAdvertising,
      LAW.beijingAdvertising,
      LAW.licensingTime,
      LAW.licensingSpecialSteps,
    ],
    resultName: '户外广告设施设置许可决定书',
    sections: [
      UNIT,
      ['设施信息', ['location_description', 'sign_size', 'sign_material', 'start_date', 'end_date']],
    ],
    required: [...UNIT_REQUIRED, 'location_description', 'sign_size', 'start_date', 'end_date'],
  }),
  city({
    code: ROAD,
    name: '城市道路占用、挖掘许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    conditions: '因特殊情况需要临时占用城市道路，或者因工程建设需要挖掘城市道路的单位和个人，见各办理项。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: roadFaq,
    legalBases: [LAW.roadOccupation, LAW.roadExcavation],
    resultName: '城市道路占用（挖掘）许可决定书',
    sections: [],
    required: [],
  }),
  city({
    code: basicCode('licensing', 72, 1),
    parent: ROAD,
    situation: 'new',
    name: '临时占用城市道路许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction', 'city_appearance'],
    persons: true,
    conditions:
      '因建设施工、搭建临时设施、举办活动等特殊情况确需临时占用城市道路；占用期满后清理现场、恢复原状；占用期限一般不超过一年。',
    materials: [
      ...unitMaterials(),
      siteLayout('占用位置平面图（标注占用范围、面积）和现场照片。'),
      material('traffic_plan', '交通组织及安全防护方案', {
        form: 'electronic',
        notes: '影响交通安全的，由窗口征求公安交通管理部门意见。',
      }),
    ],
    review: 3,
    decision: 1,
    what: '占用位置、面积、期限和交通安全影响',
    special: [inspection('拟占用道路的位置和交通状况')],
    legalDays: 20,
    promisedDays: 5,
    faq: roadFaq,
    legalBases: [LAW.roadOccupation, LAW.licensingTime],
    resultName: '临时占用城市道路许可决定书',
    sections: [
      UNIT,
      [
        '占用信息',
        ['road_name', 'location_description', 'area_square_meters', 'start_date', 'end_date', 'purpose'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'road_name',
      'location_description',
      'area_square_meters',
      'start_date',
      'end_date',
      'purpose',
    ],
  }),
  city({
    code: basicCode('licensing', 72, 2),
    parent: ROAD,
    situation: 'new',
    name: '挖掘城市道路许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    conditions:
      '因工程建设需要挖掘城市道路，持规划部门批准文件和有关设计文件；不属于新建道路交付5年内、大修道路竣工3年内（特殊情况经区政府批准的除外）。',
    materials: [
      ...unitMaterials(),
      material('planning_approval', '规划部门批准文件', {
        source: 'sharing',
        sourceReference: '北京市工程建设项目审批管理系统（共享）',
        notes: '由工程建设审批系统共享获取。',
      }),
      material('design_documents', '挖掘施工设计图和施工方案', { form: 'electronic' }),
      material('restoration_commitment', '道路修复承诺书', { notes: '承诺按原结构、原标准修复或委托修复。' }),
    ],
    review: 5,
    decision: 2,
    what: '挖掘方案、修复方案和交通影响',
    special: [inspection('挖掘路段现状')],
    legalDays: 20,
    promisedDays: 10,
    faq: roadFaq,
    legalBases: [LAW.roadExcavation, LAW.licensingTime],
    resultName: '挖掘城市道路许可决定书',
    sections: [
      UNIT,
      [
        '挖掘信息',
        [
          'project_name',
          'road_name',
          'location_description',
          'excavation_length',
          'area_square_meters',
          'start_date',
          'end_date',
        ],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'road_name',
      'location_description',
      'excavation_length',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 72, 3),
    parent: ROAD,
    situation: 'renewal',
    name: '城市道路占用、挖掘延期',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    persons: true,
    conditions: '经批准占用或者挖掘城市道路，需要延长时间的，在原许可期限届满前提前办理变更审批手续。',
    materials: [
      material('original_permit', '原许可决定书', {
        source: 'issued_by_government',
        notes: '由审批系统调取。',
      }),
      material('extension_reason', '延期理由说明及施工进度情况', { form: 'electronic' }),
    ],
    review: 2,
    decision: 1,
    what: '延期理由和现场施工进度',
    legalDays: 20,
    promisedDays: 3,
    faq: roadFaq,
    legalBases: [LAW.roadPermitChange],
    resultName: '城市道路占用（挖掘）延期决定书',
    sections: [UNIT, ['延期信息', ['permit_number', 'end_date', 'purpose']]],
    required: [...UNIT_REQUIRED, 'permit_number', 'end_date', 'purpose'],
  }),
  city({
    code: basicCode('licensing', 73),
    name: '临时占用城市绿地审批',
    kind: 'licensing',
    dept: 'yl',
    lifeEvents: ['construction', 'city_appearance'],
    conditions:
      '因建设或者其他特殊需要临时占用城市绿化用地；占用期限一般不超过一年，期满及时清场退地、恢复绿地；按规定缴纳临时占用绿地补偿费。',
    materials: [
      ...unitMaterials(),
      siteLayout('占用绿地位置图、面积测量图和现状照片（含树木情况）。'),
      material('restoration_plan', '绿地恢复方案', { form: 'electronic' }),
    ],
    review: 8,
    decision: 2,
    what: '占用必要性、面积、期限和恢复方案',
    special: [inspection('拟占用绿地的植被和树木状况')],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '占用绿地要交钱吗？',
        answer: '按本市规定缴纳临时占用绿地补偿费（补偿性收费，另行核定），专用于绿化建设和恢复。',
      },
      {
        question: '能占用公园绿地吗？',
        answer: '公园绿地原则上不得占用；确需占用的按本市规定报有权机关审批。',
      },
    ],
    legalBases: [LAW.greenSpaceOccupation, LAW.licensingTime],
    resultName: '临时占用城市绿地审批决定书',
    sections: [UNIT, PLACE, ['占用说明', ['purpose']]],
    required: [
      ...UNIT_REQUIRED,
      'location_description',
      'area_square_meters',
      'start_date',
      'end_date',
      'purpose',
    ],
  }),
  city({
    code: TREES,
    name: '城市树木移植、砍伐审批',
    kind: 'licensing',
    dept: 'yl',
    lifeEvents: ['construction', 'city_appearance'],
    conditions: '因建设、严重影响居住安全等原因确需移植或砍伐城市树木的，见各办理项；古树名木不得砍伐。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: [
      {
        question: '自家院里的树能砍吗？',
        answer:
          '城市树木（含单位和居民庭院内的树木）砍伐均须经园林绿化部门批准，并补植树木或采取其他补救措施。',
      },
    ],
    legalBases: [LAW.treeFelling],
    resultName: '树木移植（砍伐）审批决定书',
    sections: [],
    required: [],
  }),
  ...(['移植', '砍伐'] as const).map((what, i) =>
    city({
      code: basicCode('licensing', 74, i + 1),
      parent: TREES,
      situation: 'new',
      name: `城市树木${what}审批`,
      kind: 'licensing',
      dept: 'yl',
      lifeEvents: ['construction', 'city_appearance'],
      persons: true,
      conditions:
        what === '移植'
          ? '因城市建设或者严重影响居住安全确需移植树木；有移植地点和养护方案，确保成活。'
          : '树木严重影响居住安全或采光、危及建筑物和管线安全、已死亡或病虫害严重等，确需砍伐；按规定补植树木或采取其他补救措施。',
      materials: [
        ...unitMaterials(),
        siteLayout('树木位置图、现状照片（每株）。'),
        material(
          what === '移植' ? 'transplant_plan' : 'replanting_plan',
          what === '移植' ? '移植方案（移植地点、养护措施）' : '补植方案',
          { form: 'electronic' },
        ),
        material('owner_consent', '树木权属单位或管护单位意见', {
          notes: '居住区树木需征求业主或物业意见。',
        }),
      ],
      review: 8,
      decision: 2,
      what: `${what}理由、株数和${what === '移植' ? '移植养护' : '补植'}方案`,
      special: [
        inspection(`拟${what}树木的位置、树种、胸径和生长状况`),
        {
          kind: 'publicity',
          name: '现场公示',
          days: 5,
          description: `在${what}现场公示原因和株数，接受公众监督，不少于5个工作日。`,
        },
      ],
      legalDays: 20,
      promisedDays: 12,
      faq: [
        { question: `${what}树木要公示吗？`, answer: `审批前在现场公示${what}原因和株数，不少于5个工作日。` },
        {
          question: '可以自己找人施工吗？',
          answer: '取得批准后由具备相应能力的绿化施工单位按技术规范实施。',
        },
      ],
      legalBases: [LAW.treeFelling, LAW.licensingTime, LAW.licensingSpecialSteps],
      resultName: `城市树木${what}审批决定书`,
      sections: [UNIT, ['树木信息', ['location_description', 'tree_count', 'tree_species', 'purpose']]],
      required: [...UNIT_REQUIRED, 'location_description', 'tree_count', 'tree_species', 'purpose'],
    }),
  ),
  city({
    code: WASTE,
    name: '城市建筑垃圾处置核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions: '处置建筑垃圾的单位（排放、运输、消纳），见各办理项。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: [
      {
        question: '装修垃圾需要办理吗？',
        answer: '居民家庭装修垃圾按物业或社区指定地点投放，由有资质单位清运，无需个人申请核准。',
      },
    ],
    legalBases: [LAW.constructionWaste],
    resultName: '建筑垃圾处置核准文件',
    sections: [],
    required: [],
  }),
  city({
    code: basicCode('licensing', 75, 1),
    parent: WASTE,
    situation: 'new',
    name: '建筑垃圾排放（消纳）核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions: '建设单位、施工单位在工程开工前，已与具备资质的运输企业签订运输合同，并明确合规的消纳场所。',
    materials: [
      ...unitMaterials(),
      material('waste_plan', '建筑垃圾处置方案', {
        form: 'electronic',
        notes: '写明产生量、分类、运输路线和消纳场所。',
      }),
      material('transport_contract', '与运输企业签订的运输合同', { form: 'copy' }),
      material('disposal_agreement', '与消纳场所签订的消纳协议', { form: 'copy' }),
    ],
    review: 5,
    decision: 2,
    what: '处置方案、运输企业资质和消纳场所',
    legalDays: 20,
    promisedDays: 10,
    faq: [{ question: '核准文件有效期多久？', answer: '按工程施工期限核定，工程延期的应办理变更。' }],
    legalBases: [LAW.constructionWaste, LAW.licensingTime],
    resultName: '建筑垃圾排放（消纳）核准文件',
    sections: [
      UNIT,
      [
        '工程信息',
        ['project_name', 'location_description', 'waste_volume', 'disposal_site', 'start_date', 'end_date'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'location_description',
      'waste_volume',
      'disposal_site',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 75, 2),
    parent: WASTE,
    situation: 'new',
    name: '建筑垃圾运输核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions:
      '从事建筑垃圾运输的企业；运输车辆全密闭、安装卫星定位装置，取得道路运输经营许可；有固定的停车场所。',
    materials: [
      ...unitMaterials(),
      material('road_transport_license', '道路运输经营许可证', {
        source: 'certificate',
        sourceReference: '道路运输经营许可证电子证照',
        notes: '由电子证照调取。',
      }),
      material('vehicle_list', '运输车辆清单及行驶证', {
        form: 'electronic',
        notes: '车辆密闭和卫星定位装置情况。',
      }),
    ],
    review: 5,
    decision: 2,
    what: '运输企业资质和车辆条件',
    legalDays: 20,
    promisedDays: 10,
    faq: [
      {
        question: '运输时要随车携带什么？',
        answer: '随车携带建筑垃圾处置核准文件，按规定的路线和时间运行，不得丢弃、遗撒。',
      },
    ],
    legalBases: [LAW.constructionWaste, LAW.constructionWasteTransport],
    resultName: '建筑垃圾运输核准文件及车辆标识',
    sections: [UNIT, ['运输信息', ['vehicle_count', 'start_date', 'end_date']]],
    required: [...UNIT_REQUIRED, 'vehicle_count', 'start_date', 'end_date'],
  }),
  city({
    code: basicCode('other_power', 76),
    name: '夜间施工证明',
    kind: 'other_power',
    dept: 'zj',
    lifeEvents: ['construction'],
    conditions:
      '在噪声敏感建筑物集中区域，因抢修、抢险或生产工艺要求、其他特殊需要必须夜间（22:00至次日6:00）连续施工作业的建设工程；取得证明后在施工现场显著位置公示并公告附近居民。',
    materials: [
      ...unitMaterials(),
      material('construction_permit', '建筑工程施工许可证', {
        source: 'certificate',
        sourceReference: '建筑工程施工许可证电子证照',
        notes: '由电子证照调取。',
      }),
      material('noise_measures', '夜间施工降噪措施方案', { form: 'electronic' }),
      material('process_proof', '连续施工工艺要求说明', {
        condition: '因生产工艺要求连续施工的',
        form: 'electronic',
      }),
    ],
    review: 1,
    decision: 1,
    what: '夜间连续施工的必要性和降噪措施',
    legalDays: 5,
    promisedDays: 2,
    faq: [
      {
        question: '抢修抢险也要先办证明吗？',
        answer: '抢修、抢险作业可先行施工，事后及时补办并公告附近居民。',
      },
      { question: '证明有效期多长？', answer: '按申请的施工时段核定，一般不超过施工工序所需时间。' },
    ],
    legalBases: [LAW.nightConstruction],
    resultName: '夜间施工证明',
    sections: [
      UNIT,
      [
        '施工信息',
        ['project_name', 'location_description', 'night_reason', 'night_hours', 'start_date', 'end_date'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'location_description',
      'night_reason',
      'night_hours',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 77),
    name: '城镇污水排入排水管网许可',
    kind: 'licensing',
    dept: 'sw',
    lifeEvents: ['business_operation', 'construction'],
    persons: true,
    conditions:
      '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水的；排水水质符合国家和本市排放标准；按规定建设预处理设施（餐饮单位设置隔油池）。',
    materials: [
      ...unitMaterials(),
      material('drainage_plan', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明', {
        form: 'electronic',
      }),
      material('pretreatment', '预处理设施说明', {
        condition: '按规定需要建设预处理设施的',
        form: 'electronic',
        notes: '餐饮单位提交隔油池设置情况。',
      }),
      material('water_quality_report', '排水水质检测报告', {
        condition: '排放工业废水或医疗污水的',
        form: 'copy',
      }),
    ],
    review: 8,
    decision: 2,
    what: '排水水质、水量和预处理设施',
    special: [inspection('排水户排水设施和接管位置', 5)],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '小餐馆也要办排水许可吗？',
        answer:
          '向城镇排水设施排放污水的餐饮个体工商户属于排水户，应当申请；本市对部分小型排水户实行告知承诺。',
      },
      { question: '许可证有效期多久？', answer: '排水许可证有效期为5年。' },
    ],
    legalBases: [LAW.drainagePermit, LAW.licensingTime],
    resultName: '《城镇污水排入排水管网许可证》',
    sections: [UNIT, ['排水信息', ['business_address', 'drainage_type', 'daily_discharge']]],
    required: [...UNIT_REQUIRED, 'business_address', 'drainage_type', 'daily_discharge'],
  }),
  city({
    code: basicCode('filing', 78),
    name: '门前三包责任书签订',
    kind: 'filing',
    dept: 'cgw',
    lifeEvents: ['business_start', 'city_appearance'],
    persons: true,
    conditions:
      '临街的机关、团体、企业事业单位、个体工商户等责任人，对门前责任区承担包环境卫生、包秩序、包绿化的责任；新开业的临街商户在开业时签订责任书。',
    materials: [
      material('responsibility_agreement', '《门前三包责任书》', { notes: '在线签署或在街道城管科签署。' }),
      businessLicense(),
    ],
    review: 0,
    decision: 0,
    what: '责任区范围',
    legalDays: 0,
    promisedDays: 0,
    place: '所在地街道办事处城市管理办公室；北京市政务服务网',
    faq: [
      {
        question: '门前三包包什么？',
        answer:
          '包环境卫生（清扫保洁、垃圾分类投放）、包秩序（不乱摆卖、不乱堆物）、包绿化（爱护门前绿地树木）。',
      },
      {
        question: '不履行责任会怎样？',
        answer: '由城市管理综合执法部门责令改正，依照《北京市市容环境卫生条例》处理。',
      },
    ],
    legalBases: [LAW.beijingFrontage],
    resultName: '门前三包责任书',
    sections: [SHOP, ['责任区', ['location_description']]],
    required: [...SHOP_REQUIRED, 'location_description'],
  }),
  city({
    code: basicCode('filing', 79),
    name: '经营性停车设施备案',
    kind: 'filing',
    dept: 'jt',
    lifeEvents: ['business_operation'],
    conditions:
      '在本区从事经营性停车服务的经营者，取得营业执照后办理备案；停车设施符合设置标准，公示收费标准和监督电话，接入本市停车资源平台。',
    materials: [
      ...unitMaterials(),
      material('parking_layout', '停车场平面布局图（标注泊位、出入口）', { form: 'electronic' }),
      material('site_right', '场地权属证明或租赁协议', { form: 'copy' }),
      material('management_rules', '停车管理制度和应急预案', { form: 'electronic' }),
    ],
    review: 3,
    decision: 1,
    what: '停车设施条件和备案信息',
    special: [inspection('停车场设施、标志标线和收费公示')],
    legalDays: 10,
    promisedDays: 5,
    faq: [
      {
        question: '备案后信息变化怎么办？',
        answer: '泊位数、收费标准等备案事项变化的，应当在变化后办理备案变更。',
      },
    ],
    legalBases: [LAW.beijingParking],
    resultName: '经营性停车设施备案回执',
    sections: [UNIT, ['停车场信息', ['business_address', 'parking_type', 'parking_spaces']]],
    required: [...UNIT_REQUIRED, 'business_address', 'parking_type', 'parking_spaces'],
  }),
  city({
    code: basicCode('filing', 80),
    name: '餐饮服务单位油烟净化设施登记',
    kind: 'filing',
    dept: 'sthj',
    lifeEvents: ['business_operation', 'city_appearance'],
    persons: true,
    conditions:
      '排放油烟的餐饮服务经营者，安装油烟净化设施并保持正常使用，定期清洗维护；不得在居民住宅楼、未配套设立专用烟道的商住综合楼等新建产生油烟的餐饮项目。',
    materials: [
      material('purifier_info', '油烟净化设施型号、处理能力和检测报告', { form: 'electronic' }),
      material('maintenance_contract', '油烟净化设施清洗维护合同或记录', { form: 'copy' }),
      businessLicense(),
    ],
    review: 2,
    decision: 1,
    what: '油烟净化设施与排放要求',
    legalDays: 10,
    promisedDays: 3,
    place: '北京市生态环境局东城分局（illustrative）；北京市政务服务网',
    faq: [
      {
        question: '油烟净化设施多久清洗一次？',
        answer: '按本市餐饮业大气污染物排放标准和设备说明定期清洗维护，保存记录备查。',
      },
    ],
    legalBases: [LAW.cookingFumes],
    resultName: '油烟净化设施登记回执',
    sections: [SHOP, ['设施信息', ['purifier_model', 'purifier_efficiency', 'stoves']]],
    required: [...SHOP_REQUIRED, 'purifier_model', 'stoves'],
  }),
];

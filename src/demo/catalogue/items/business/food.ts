/** 食品经营许可 (new, change, renewal, cancellation), 仅销售预包装食品备案, 食品安全违法行为举报奖励. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, DELIVERY, NO_FORM, form, longText, text } from '../../fields.js';
import { LAW } from '../../laws.js';
import { businessLicense, idCard, legalRepresentativeId, material, proxy } from '../../materials.js';
import type { Material } from '../../types.js';
import { MARKET_HALL, SHOP, SHOP_REQUIRED, own } from './shared.js';

const FOOD = basicCode('licensing', 61);
const foodFaq = [
  {
    question: '食品经营许可证有效期多久？',
    answer: '有效期为5年；需要延续的，在有效期届满前90个工作日至15个工作日期间申请。',
  },
  {
    question: '只卖预包装食品需要办许可证吗？',
    answer: '不需要，办理“仅销售预包装食品备案”即可。',
  },
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
  material('food_license_application', '《食品经营许可申请书》', {
    notes: '在线填写并电子签名。',
  }),
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

export const foodMain = item({
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

export const foodChange = item({
  ...foodBase,
  code: basicCode('licensing', 61, 2),
  parent: FOOD,
  situation: 'change',
  name: '食品经营许可（变更）',
  conditions:
    '食品经营许可证载明的许可事项发生变化的，应当在变化后10个工作日内申请变更；经营场所改变的，重新申请许可。',
  materials: [
    material('food_license_change_application', '《食品经营许可变更申请书》', {
      notes: '在线填写。',
    }),
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

export const foodRenewal = item({
  ...foodBase,
  code: basicCode('licensing', 61, 3),
  parent: FOOD,
  situation: 'renewal',
  name: '食品经营许可（延续）',
  conditions:
    '食品经营许可有效期届满需要继续经营的，在有效期届满前90个工作日至15个工作日期间向原发证部门申请延续；许可条件未发生变化的可以告知承诺方式办理。',
  materials: [
    material('food_license_renewal_application', '《食品经营许可延续申请书》', {
      notes: '在线填写。',
    }),
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

export const foodCancel = item({
  ...foodBase,
  code: basicCode('licensing', 61, 4),
  parent: FOOD,
  situation: 'cancellation',
  name: '食品经营许可（注销）',
  lifeEvents: ['business_closure'],
  conditions:
    '食品经营者终止食品经营，食品经营许可被撤回、撤销或者许可证被吊销，应当在30个工作日内申请注销。',
  materials: [
    material('food_license_cancel_application', '《食品经营许可注销申请书》', {
      notes: '在线填写。',
    }),
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

export const prepackaged = item({
  code: basicCode('filing', 62),
  name: '仅销售预包装食品备案',
  kind: 'filing',
  dept: 'sj',
  lifeEvents: ['business_operation'],
  subjects: ['legal_person', 'person'],
  conditions:
    '已取得营业执照，仅销售预包装食品（含保健食品、特殊医学用途配方食品、婴幼儿配方乳粉以外的婴幼儿配方食品等按规定备案的品种）的经营者，在办理营业执照后或开展销售活动之日起5个工作日内备案。',
  materials: [
    material('filing_form', '《仅销售预包装食品备案信息采集表》', {
      notes: '在线填写。',
    }),
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
    {
      question: '备案后还需要领证吗？',
      answer: '不需要，备案信息在备案当日通过网上公示，可打印备案回执。',
    },
    {
      question: '备案需要现场核查吗？',
      answer: '备案不需现场核查，市场监管部门将在日常监督检查中核查。',
    },
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

export const reportReward = item({
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
    material('bank_account', '举报人本人银行账户信息', {
      form: 'copy',
      notes: '用于发放奖励资金。',
    }),
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

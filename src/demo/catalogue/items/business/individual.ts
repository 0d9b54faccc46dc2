/** 个体工商户登记: establishment, change, cancellation. */
import { basicCode, item, step } from '../../common.js';
import { DELIVERY, NO_FORM, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { businessLicense, material, proxy } from '../../materials.js';
import { MARKET_HALL, SHOP, SHOP_REQUIRED, own } from './shared.js';

const INDIVIDUAL = basicCode('licensing', 60);
const individualFaq = [
  {
    question: '个体工商户可以不起名字吗？',
    answer: '可以。个体工商户可以使用名称，也可以不使用名称；使用名称的须符合名称登记管理规定。',
  },
  {
    question: '办理营业执照收费吗？',
    answer: '不收费。营业执照和电子营业执照同步发放。',
  },
];

export const individualMain = item({
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

export const individualChange = item({
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

export const individualCancel = item({
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
    material('cancellation_application', '《个体工商户注销登记申请书》', {
      notes: '在线填写并电子签名。',
    }),
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

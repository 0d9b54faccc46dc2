/** 居住证: 申领, 签注, 换领, 补领. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, DELIVERY, NO_FORM, choice, date, form, text } from '../../fields.js';
import { LAW } from '../../laws.js';
import { idCard, material, photo, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';

const PERMIT = basicCode('other_power', 10);
const POLICE_PLACE =
  '居住地公安派出所户籍窗口，或受公安机关委托的社区（村）居住证受理点；东城区政务服务中心二层公安综合窗口';

const permitFaq = [
  {
    question: '居住不满半年可以申领居住证吗？',
    answer:
      '不可以。须在本市居住半年以上，并已办理居住登记，且符合合法稳定就业、合法稳定住所、连续就读条件之一。',
  },
  {
    question: '居住证多久签注一次？',
    answer:
      '每年签注1次，应在居住每满1年之日前1个月内办理；逾期未签注的，居住证使用功能中止，补办签注后恢复。',
  },
  {
    question: '可以让别人代办吗？',
    answer:
      '未满16周岁的未成年人和行动不便的老年人、残疾人等，可由监护人、近亲属代为申领，需提供委托人、代办人的合法有效身份证件。',
  },
];

const permitBases = [
  LAW.residencePermitConditions,
  LAW.residencePermitApplication,
  LAW.residencePermitEndorsement,
  LAW.residencePermitReplacement,
];

const permitForm = (extra: [string, string[]][] = [], required: string[] = []) =>
  form(
    [
      APPLICANT,
      ['居住信息', ['current_address', 'household_address', 'residence_basis', 'residence_since']],
      ...extra,
      DELIVERY,
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'current_address',
      'household_address',
      'residence_basis',
      'residence_since',
      'result_delivery',
      ...required,
    ],
    {
      residence_basis: choice('申领依据', ['合法稳定就业', '合法稳定住所', '连续就读'], 'radio'),
      residence_since: date('本市居住登记日期', { help: '以居住登记凭证上的日期为准' }),
      old_permit_number: text('原居住证号码', 30),
      replacement_reason: choice('补换领原因', ['损坏难以辨认', '丢失'], 'radio'),
    },
  );

export const permitMain = item({
  code: PERMIT,
  name: '居住证办理',
  kind: 'other_power',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['residence'],
  subjects: ['person'],
  conditions:
    '公民离开常住户口所在地，到本市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。具体办理情形见各办理项：申领、签注、换领、补领。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 15,
  promisedDays: 10,
  place: POLICE_PLACE,
  channels: ['online', 'hall'],
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 3,
  faq: permitFaq,
  legalBases: permitBases,
  resultName: '《北京市居住证》',
  form: NO_FORM,
});

export const permitApply = item({
  code: basicCode('other_power', 10, 1),
  parent: PERMIT,
  situation: 'new',
  name: '居住证申领',
  kind: 'other_power',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['residence'],
  subjects: ['person'],
  conditions:
    '1. 非本市户籍，在本市居住半年以上并已办理居住登记；2. 符合下列条件之一：在本市有合法稳定就业（劳动合同、营业执照等），有合法稳定住所（自有房屋或租赁登记的房屋），在本市连续就读；3. 本人（或监护人、近亲属代办）申领。',
  materials: [
    idCard(),
    photo('可现场免费采集；自行提交的须为近6个月内白色背景免冠正面照片，JPG格式，不小于358×441像素。'),
    material('residence_proof', '居住地住址证明', {
      copies: 1,
      notes:
        '房屋租赁合同（已办理租赁登记备案的由共享获取）、房屋产权证明文件、购房合同，或房屋出租人、用人单位、就读学校出具的住宿证明，任选其一。',
    }),
    material('employment_proof', '就业证明', {
      condition: '以合法稳定就业申领的',
      notes: '劳动合同、用人单位出具的劳动关系证明、营业执照等；在本市参加社会保险的由共享获取。',
    }),
    material('study_proof', '就读证明', {
      condition: '以连续就读申领的',
      notes: '学生证或就读学校出具的在读证明。',
    }),
    material('guardian_relation_proof', '监护关系或亲属关系证明', {
      condition: '监护人、近亲属代为申领的',
      source: 'sharing',
      sourceReference: '公安人口基础信息（共享）',
      notes: '户口簿、出生医学证明等能证明关系的材料，可由共享获取的无需提交。',
    }),
    ...proxy(),
  ],
  steps: [
    step(
      'acceptance',
      '受理',
      0,
      '派出所或社区受理点核验身份、采集照片和指纹信息，材料齐全的当场受理；不全的一次性告知。',
    ),
    step('review', '审核', 3, '公安派出所核实居住登记、就业或就读信息。'),
    step('decision', '签发', 2, '县级公安机关签发居住证。'),
    step('production', '制证', 5, '制作居住证并下发至受理点。'),
  ],
  legalDays: 15,
  promisedDays: 10,
  acceptanceDays: 0,
  place: POLICE_PLACE,
  channels: ['online', 'hall'],
  visits: { online: 1, hall: 2 },
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 3,
  faq: permitFaq,
  fee: {
    amount: 0,
    basis: '《居住证暂行条例》：首次申领居住证，免收证件工本费',
    description: '首次申领免费',
  },
  legalBases: permitBases,
  resultName: '《北京市居住证》',
  form: permitForm(),
});

export const permitEndorse = item({
  code: basicCode('other_power', 10, 2),
  parent: PERMIT,
  situation: 'renewal',
  name: '居住证签注',
  kind: 'other_power',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['residence'],
  subjects: ['person'],
  conditions:
    '持有本市居住证，在居住地连续居住，居住每满1年之日前1个月内办理；已逾期的可补办签注，居住年限自补办之日起连续计算。',
  materials: [
    idCard(),
    material('residence_permit', '本人居住证', { notes: '窗口签注的出示原件；网上签注的无需提交。' }),
    material('residence_proof', '居住地住址证明', {
      condition: '居住地址发生变化的',
      notes: '新居住地的房屋租赁合同、产权证明或住宿证明。',
    }),
  ],
  steps: steps.instant('居住登记信息和居住证状态'),
  legalDays: 0,
  promisedDays: 0,
  place: POLICE_PLACE,
  channels: ['online', 'hall', 'self_service'],
  visits: { online: 0, hall: 1, self_service: 1 },
  deliveryMethods: ['online', 'pickup'],
  onlineDepth: 4,
  faq: permitFaq,
  fee: { amount: 0, basis: '《居住证暂行条例》：办理签注手续不得收取费用', description: '不收费' },
  legalBases: [LAW.residencePermitEndorsement],
  resultName: '居住证签注记录',
  form: form(
    [APPLICANT, ['居住信息', ['current_address', 'address_changed']]],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'current_address', 'address_changed'],
    {
      address_changed: choice('居住地址是否变化', ['未变化', '已变化'], 'radio'),
    },
  ),
});

export const replacement = (sub: number, name: string, reason: string): Entry =>
  item({
    code: basicCode('other_power', 10, sub),
    parent: PERMIT,
    situation: 'other',
    name,
    kind: 'other_power',
    dept: 'ga',
    competent: '公安机关',
    lifeEvents: ['residence'],
    subjects: ['person'],
    conditions: `持有本市居住证，${reason}。换领新证时应当交回原证。`,
    materials: [
      idCard(),
      photo('可现场免费采集。'),
      ...(sub === 3
        ? [material('residence_permit', '原居住证', { notes: '损坏的原证须交回。' })]
        : [material('loss_statement', '居住证遗失声明', { notes: '本人签字的遗失情况说明，现场填写。' })]),
    ],
    steps: [
      step('acceptance', '受理', 0, '核验身份，收回原证或登记遗失。'),
      step('decision', '签发', 2, '公安机关签发新证。'),
      step('production', '制证', 5, '制作居住证并下发至受理点。'),
    ],
    legalDays: 15,
    promisedDays: 7,
    acceptanceDays: 0,
    place: POLICE_PLACE,
    channels: ['online', 'hall'],
    visits: { online: 1, hall: 2 },
    deliveryMethods: ['pickup', 'post'],
    onlineDepth: 3,
    faq: permitFaq,
    fee: {
      amount: 20,
      basis: '《居住证暂行条例》：换领、补领居住证，应当缴纳证件工本费；北京市价格主管部门核定标准',
      description: '证件工本费每证20元',
    },
    legalBases: [LAW.residencePermitReplacement, LAW.residencePermitApplication],
    resultName: '《北京市居住证》',
    form: permitForm(
      [['补换领信息', ['old_permit_number', 'replacement_reason']]],
      ['old_permit_number', 'replacement_reason'],
    ),
  });

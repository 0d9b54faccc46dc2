/** 户籍居住 and 出生: 居住证, 户口登记, 生育登记, 出生医学证明, 预防接种证, 结婚登记, 义务教育入学. */
import { basicCode, item, step, steps } from '../common.js';
import { APPLICANT, DELIVERY, NO_FORM, choice, date, form, idNumber, text } from '../fields.js';
import { LAW } from '../laws.js';
import { householdRegister, idCard, material, photo, proxy } from '../materials.js';
import type { Entry } from '../types.js';

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

const permitMain = item({
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

const permitApply = item({
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

const permitEndorse = item({
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

const replacement = (sub: number, name: string, reason: string): Entry =>
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

const HUKOU = basicCode('confirmation', 20);
const hukouPlace = '户籍所在地公安派出所户籍窗口；东城区政务服务中心二层公安综合窗口';

const hukouMain = item({
  code: HUKOU,
  name: '户口登记',
  kind: 'confirmation',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['residence', 'birth', 'death'],
  subjects: ['person'],
  conditions: '本市常住户口的出生登记、死亡注销等户口登记事项，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 5,
  promisedDays: 0,
  acceptanceDays: 0,
  place: hukouPlace,
  channels: ['online', 'hall'],
  deliveryMethods: ['pickup'],
  onlineDepth: 3,
  faq: [
    {
      question: '户口登记在哪里办？',
      answer: '在户籍所在地公安派出所办理；新生儿出生登记可通过“新生儿出生一件事”网上一次申请。',
    },
    { question: '户口登记收费吗？', answer: '不收费。' },
  ],
  legalBases: [LAW.birthRegistration, LAW.deathRegistration],
  resultName: '居民户口簿（户口登记页）',
  form: NO_FORM,
});

/** Fields of the 新生儿出生一件事 children: shared names, asked once in the bundle. */
export const NEWBORN: [string, string[]] = [
  '新生儿信息',
  ['newborn_name', 'newborn_gender', 'newborn_birth_date', 'birth_hospital'],
];
export const PARENTS: [string, string[]] = [
  '父母信息',
  ['mother_name', 'mother_id_number', 'father_name', 'father_id_number'],
];
export const NEWBORN_REQUIRED = [
  'newborn_name',
  'newborn_gender',
  'newborn_birth_date',
  'birth_hospital',
  'mother_name',
  'mother_id_number',
];

export const birthRegistration = item({
  code: basicCode('confirmation', 20, 1),
  parent: HUKOU,
  situation: 'new',
  name: '出生登记（新生儿落户）',
  kind: 'confirmation',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['birth', 'residence'],
  subjects: ['person'],
  conditions:
    '婴儿出生后一个月以内，由户主、亲属、抚养人向婴儿常住地（随父或随母落户的户口所在地）户口登记机关申报出生登记；父母一方为本市东城区常住户口。超过一个月的，按补报出生登记办理。',
  materials: [
    material('birth_medical_certificate', '《出生医学证明》', {
      source: 'certificate',
      sourceReference: '出生医学证明电子证照',
      notes: '已签发电子证照的由证照库调取。',
    }),
    material('parents_id_cards', '父母双方居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验原件或由电子证照调取。',
    }),
    householdRegister('落户方的户口簿由共享获取；户主非父母的，需户主同意。'),
    material('marriage_certificate', '父母结婚证', {
      source: 'certificate',
      sourceReference: '结婚证电子证照',
      notes: '非婚生育的，提交有关情况说明，不影响落户。',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '派出所户籍民警核验出生医学证明和父母身份。'),
    step('review', '审核', 0, '核对落户地址与户主信息。'),
    step('decision', '登记', 0, '录入常住人口信息，打印户口簿户口页，当场办结。'),
  ],
  legalDays: 5,
  promisedDays: 0,
  acceptanceDays: 0,
  place: hukouPlace,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 4,
  faq: [
    { question: '孩子可以随父落户还是随母落户？', answer: '可自愿选择随父或随母落户。' },
    {
      question: '出生超过一个月还能落户吗？',
      answer: '可以，按补报出生登记办理，需另行说明未及时申报的原因。',
    },
    { question: '需要先起名字吗？', answer: '需要。户口登记的姓名与出生医学证明上的姓名应一致。' },
  ],
  legalBases: [LAW.birthRegistration],
  resultName: '居民户口簿（新生儿户口页）',
  form: form(
    [
      NEWBORN,
      PARENTS,
      ['落户信息', ['household_address', 'settle_with']],
      ['联系方式', ['applicant_phone']],
      DELIVERY,
    ],
    [...NEWBORN_REQUIRED, 'household_address', 'settle_with', 'applicant_phone', 'result_delivery'],
    { settle_with: choice('随父或随母落户', ['随父', '随母'], 'radio') },
  ),
});

const deathCancellation = item({
  code: basicCode('confirmation', 20, 2),
  parent: HUKOU,
  situation: 'cancellation',
  name: '死亡注销户口',
  kind: 'confirmation',
  dept: 'ga',
  competent: '公安机关',
  lifeEvents: ['death', 'residence'],
  subjects: ['person'],
  conditions:
    '本市户籍公民死亡的，城市在葬前，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。',
  materials: [
    material('death_certificate', '《居民死亡医学证明（推断）书》', {
      source: 'sharing',
      sourceReference: '卫生健康部门死亡医学证明信息（共享）',
      notes: '在医疗机构死亡的由共享获取；非正常死亡的提供公安机关出具的死亡证明。',
    }),
    householdRegister('逝者户口页由共享获取，注销后在户口簿上加盖注销章。'),
    material('deceased_id_card', '逝者居民身份证', { notes: '交回注销；遗失的在申请中说明。' }),
    material('applicant_id_card', '申报人居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验原件。',
    }),
  ],
  steps: steps.instant('死亡信息与户籍信息'),
  legalDays: 5,
  promisedDays: 0,
  place: hukouPlace,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['pickup', 'online'],
  onlineDepth: 4,
  faq: [
    {
      question: '注销户口后还要办理哪些事？',
      answer: '可同时申请身后事联办：社会保险待遇停发、丧葬补助金和抚恤金申领、丧葬补贴等。',
    },
    { question: '逝者身份证找不到了怎么办？', answer: '在申请中说明遗失情况即可，公安机关注销身份证信息。' },
  ],
  legalBases: [LAW.deathRegistration],
  resultName: '户口注销证明',
  form: form(
    [
      APPLICANT,
      ['逝者信息', ['deceased_name', 'deceased_id_number', 'death_date', 'relation_to_deceased']],
      DELIVERY,
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'deceased_name',
      'deceased_id_number',
      'death_date',
      'relation_to_deceased',
      'result_delivery',
    ],
  ),
});

const birthPlanning = item({
  code: basicCode('public_service', 30),
  name: '生育登记',
  kind: 'public_service',
  dept: 'wjw',
  lifeEvents: ['birth', 'marriage'],
  subjects: ['person'],
  conditions:
    '夫妻双方或一方为本市户籍，或在本市居住并持有居住证，生育第一、二、三个子女的，可自愿进行生育登记，怀孕前后或子女出生后均可办理。',
  materials: [
    material('spouses_id_cards', '夫妻双方居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '网上办理经实名认证的无需提交。',
    }),
    material('marriage_certificate', '结婚证', {
      source: 'certificate',
      sourceReference: '结婚证电子证照',
      notes: '由电子证照库调取。',
    }),
    material('residence_permit', '居住证', {
      condition: '夫妻双方均非本市户籍的',
      source: 'certificate',
      sourceReference: '北京市居住证电子证照',
      notes: '由共享获取。',
    }),
  ],
  steps: steps.instant('婚姻、户籍或居住信息'),
  legalDays: 0,
  promisedDays: 0,
  place: '北京市政务服务网或“京通”小程序在线办理；户籍地或居住地街道社区服务中心计生窗口',
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    {
      question: '生育登记是必须办的吗？',
      answer: '生育登记实行自愿登记，不作为办理出生医学证明、落户等的前置条件。',
    },
    { question: '生育登记有什么用？', answer: '便于享受孕产期保健、生育保险待遇等服务。' },
  ],
  legalBases: [LAW.threeChildren],
  resultName: '生育服务登记信息（电子）',
  form: form(
    [
      APPLICANT,
      ['配偶信息', ['spouse_name', 'spouse_id_number']],
      ['生育信息', ['child_order', 'expected_date']],
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'spouse_name',
      'spouse_id_number',
      'child_order',
    ],
    {
      child_order: choice('本次登记为第几个子女', ['第一个', '第二个', '第三个'], 'radio'),
      expected_date: date('预产期或出生日期'),
    },
  ),
});

export const birthCertificate = item({
  code: basicCode('public_service', 31),
  name: '出生医学证明首次签发',
  kind: 'public_service',
  dept: 'wjw',
  lifeEvents: ['birth'],
  subjects: ['person'],
  conditions: '在本市具有助产资质的医疗机构内出生的新生儿，由其父母（监护人）申请首次签发《出生医学证明》。',
  materials: [
    material('mother_id_card', '母亲居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验原件或由电子证照调取。',
    }),
    material('father_id_card', '父亲居民身份证', {
      condition: '填写父亲信息的',
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验原件或由电子证照调取。',
    }),
    material('birth_record', '新生儿出生记录', {
      source: 'issued_by_government',
      notes: '由出生医院产科提供，无需申请人提交。',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '出生医院出生医学证明签发窗口核对父母身份与新生儿姓名。'),
    step('review', '核对', 1, '核对出生记录、父母信息。'),
    step('decision', '签发', 1, '打印并签发《出生医学证明》，同步生成电子证照。'),
  ],
  legalDays: 5,
  promisedDays: 2,
  place: '新生儿出生医院出生医学证明签发窗口（东城区辖区内助产机构）',
  channels: ['online', 'hall'],
  visits: { online: 1, hall: 1 },
  deliveryMethods: ['pickup', 'online'],
  onlineDepth: 3,
  faq: [
    {
      question: '孩子还没起名字能办吗？',
      answer: '《出生医学证明》须填写新生儿姓名，请起好名字后申请；信息一经签发不得随意更改。',
    },
    { question: '父母一方信息可以不填吗？', answer: '父亲信息不详的可以空缺，由母亲申请。' },
  ],
  legalBases: [LAW.birthCertificate],
  resultName: '《出生医学证明》',
  form: form([NEWBORN, PARENTS, ['联系方式', ['applicant_phone']]], [...NEWBORN_REQUIRED, 'applicant_phone']),
});

export const vaccinationCertificate = item({
  code: basicCode('public_service', 32),
  name: '预防接种证办理',
  kind: 'public_service',
  dept: 'wjw',
  lifeEvents: ['birth', 'medical'],
  subjects: ['person'],
  conditions:
    '在儿童出生后一个月内，其监护人到儿童居住地承担预防接种工作的接种单位（社区卫生服务中心）或出生医院为其办理预防接种证。',
  materials: [
    material('birth_medical_certificate', '《出生医学证明》', {
      source: 'certificate',
      sourceReference: '出生医学证明电子证照',
      notes: '由电子证照库调取。',
    }),
    material('hepatitis_b_record', '新生儿首针乙肝疫苗和卡介苗接种记录', {
      source: 'issued_by_government',
      notes: '出生医院已录入免疫规划信息系统的无需提交。',
    }),
  ],
  steps: steps.instant('新生儿信息和出生医院接种记录'),
  legalDays: 0,
  promisedDays: 0,
  place: '居住地社区卫生服务中心预防接种门诊（东城区各社区卫生服务中心）',
  hours: '周一至周五 8:00-11:30，13:30-16:30（以各接种门诊公告为准）',
  channels: ['online', 'hall'],
  visits: { online: 1, hall: 1 },
  deliveryMethods: ['pickup'],
  onlineDepth: 2,
  faq: [
    { question: '接种证丢了怎么办？', answer: '到原接种单位补办，接种单位根据免疫规划信息系统记录补记。' },
    {
      question: '不在户籍地居住的孩子在哪里建证？',
      answer: '在实际居住地的社区卫生服务中心建证接种，享受同等免疫规划服务。',
    },
  ],
  legalBases: [LAW.vaccinationCertificate],
  resultName: '《预防接种证》',
  form: form(
    [NEWBORN, PARENTS, ['接种信息', ['current_address', 'applicant_phone']]],
    [...NEWBORN_REQUIRED, 'current_address', 'applicant_phone'],
  ),
});

const marriage = item({
  code: basicCode('confirmation', 21),
  name: '内地居民结婚登记',
  kind: 'confirmation',
  dept: 'mz',
  lifeEvents: ['marriage'],
  subjects: ['person'],
  conditions:
    '男女双方完全自愿；男年满22周岁、女年满20周岁；双方均无配偶；双方不属于直系血亲或者三代以内旁系血亲；双方亲自到婚姻登记机关申请。',
  materials: [
    material('both_id_cards', '双方居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验原件。',
    }),
    material('both_household_registers', '双方户口簿', {
      source: 'sharing',
      sourceReference: '公安人口基础信息（共享）',
      notes: '实行“全国通办”的，凭身份证即可办理；共享信息不全的提供户口簿原件。',
    }),
    material('photos', '双方近期半身免冠合影照片', {
      copies: 3,
      notes: '2寸红底合影照片3张，可在登记处现场拍摄。',
    }),
    material('declaration', '《申请结婚登记声明书》', { notes: '双方在婚姻登记员面前亲自签署。' }),
  ],
  steps: steps.instant('双方身份、婚姻状况和声明'),
  legalDays: 0,
  promisedDays: 0,
  place: '东城区婚姻登记处（东城区政务服务中心二层婚姻登记专区）',
  hours: '周一至周五 9:00-12:00，13:30-17:00；“5·20”等特殊日期以公告为准',
  channels: ['online', 'hall'],
  visits: { online: 1, hall: 1 },
  deliveryMethods: ['pickup'],
  onlineDepth: 1,
  faq: [
    {
      question: '需要预约吗？',
      answer: '建议通过北京市政务服务网或“京通”预约婚姻登记时段，现场也可取号办理。',
    },
    { question: '结婚登记收费吗？', answer: '不收费，结婚证工本费已取消。' },
    {
      question: '一方是外省户口可以在东城登记吗？',
      answer: '按婚姻登记“全国通办”规定，双方可凭身份证在任一婚姻登记机关办理。',
    },
  ],
  legalBases: [LAW.marriage],
  resultName: '《结婚证》',
  form: form(
    [APPLICANT, ['对方信息', ['spouse_name', 'spouse_id_number']], ['预约', ['appointment_date']]],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'spouse_name', 'spouse_id_number'],
    {
      appointment_date: date('预约登记日期'),
    },
  ),
});

const schoolEntry = item({
  code: basicCode('public_service', 33),
  name: '义务教育阶段小学入学登记',
  kind: 'public_service',
  dept: 'jw',
  lifeEvents: ['schooling'],
  subjects: ['person'],
  conditions:
    '当年8月31日前年满6周岁的适龄儿童，由父母或其他法定监护人按本市义务教育入学工作意见进行信息采集，区教委按学区（片）划分就近入学；非本市户籍适龄儿童须提供在京就学所需证明材料（“五证”或区教委规定的材料）。',
  materials: [
    householdRegister('本市户籍儿童的户籍信息由共享获取。'),
    material('housing_proof', '居住房屋产权证明或租赁合同', {
      copies: 1,
      notes: '按区教委当年入学工作实施细则提供。',
    }),
    material('parents_residence_permit', '父母或其他法定监护人的北京市居住证', {
      condition: '非本市户籍适龄儿童',
      source: 'certificate',
      sourceReference: '北京市居住证电子证照',
      notes: '由共享获取。',
    }),
    material('parents_work_proof', '父母或其他法定监护人在京务工就业证明', {
      condition: '非本市户籍适龄儿童',
      notes: '劳动合同或营业执照，在京参加社会保险的由共享获取。',
    }),
    material('household_register_origin', '全家户口簿', {
      condition: '非本市户籍适龄儿童',
      form: 'copy',
      notes: '户籍所在地户口簿首页及儿童、父母页。',
    }),
  ],
  steps: [
    step('acceptance', '信息采集', 0, '在“北京市义务教育入学服务平台”填报入学信息。'),
    step('review', '信息审核', 10, '区教委和学校审核户籍、住址及非京籍“五证”材料。'),
    step('decision', '派位或分配', 10, '按学区就近原则登记入学或派位。'),
    step('delivery', '发放入学通知', 5, '学校发放入学通知书（电子或纸质）。'),
  ],
  legalDays: 30,
  promisedDays: 25,
  place: '北京市义务教育入学服务平台在线填报；东城区教委学区办（按学区现场审核）',
  hours: '以当年东城区义务教育入学工作实施细则公布的时间为准（一般为每年5-7月）',
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'pickup'],
  onlineDepth: 3,
  faq: [
    {
      question: '非京籍孩子需要准备哪些材料？',
      answer:
        '一般为父母在京务工就业证明、在京实际住所居住证明、全家户口簿、北京市居住证、户籍所在地无监护条件证明等，以当年东城区规定为准。',
    },
    { question: '入学需要考试吗？', answer: '不需要。义务教育阶段适龄儿童免试就近入学。' },
  ],
  legalBases: [LAW.schoolAge, LAW.schoolNearby],
  resultName: '小学入学通知书',
  form: form(
    [
      ['儿童信息', ['child_name', 'child_id_number', 'child_household_type']],
      ['监护人信息', ['applicant_name', 'applicant_id_number', 'applicant_phone', 'current_address']],
    ],
    [
      'child_name',
      'child_id_number',
      'child_household_type',
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'current_address',
    ],
    {
      child_name: text('儿童姓名', 20),
      child_id_number: idNumber('儿童公民身份号码'),
      child_household_type: choice('儿童户籍类别', ['东城区户籍', '本市其他区户籍', '非本市户籍'], 'select'),
    },
  ),
});

export const RESIDENCE_ITEMS: Entry[] = [
  permitMain,
  permitApply,
  permitEndorse,
  replacement(3, '居住证换领', '居住证损坏难以辨认'),
  replacement(4, '居住证补领', '居住证丢失'),
  hukouMain,
  birthRegistration,
  deathCancellation,
  birthPlanning,
  birthCertificate,
  vaccinationCertificate,
  marriage,
  schoolEntry,
];

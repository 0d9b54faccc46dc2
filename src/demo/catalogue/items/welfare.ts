/** 社会保障 and 社会救助: 医保参保, 社保卡, 就业失业登记, 灵活就业, 遗属待遇, 劳动仲裁, 低保, 临时救助, 残疾人证, 养老. */
import { basicCode, item, step, steps } from '../common.js';
import {
  APPLICANT,
  DELIVERY,
  NO_FORM,
  choice,
  date as dateField,
  decimal,
  form,
  idNumber as idNumberField,
  integer,
  longText,
  text,
  type FieldDef,
} from '../fields.js';
import { LAW } from '../laws.js';
import {
  bankAccount,
  businessLicense,
  householdRegister,
  idCard,
  material,
  photo,
  proxy,
} from '../materials.js';
import type { Entry, Material } from '../types.js';
import { NEWBORN, NEWBORN_REQUIRED, PARENTS } from './residence/shared.js';

const STREET = '户籍所在地街道办事处社会保障事务所（东城区17个街道社区服务中心）';
const BANK = ['银行账户', ['bank_name', 'bank_account_number']] as [string, string[]];

const MEDICAL = basicCode('public_service', 40);
const medicalFaq = [
  {
    question: '城乡居民医保什么时候缴费？',
    answer: '每年9月至12月集中缴纳下一年度费用；新生儿、新落户人员等可随时参保。',
  },
  {
    question: '低保、残疾人等困难群体个人缴费怎么办？',
    answer:
      '享受最低生活保障的人员、丧失劳动能力的残疾人、低收入家庭60周岁以上老年人和未成年人等，个人缴费部分由政府补贴。',
  },
];

const medicalMain = item({
  code: MEDICAL,
  name: '城乡居民基本医疗保险参保登记',
  kind: 'public_service',
  dept: 'yb',
  lifeEvents: ['medical', 'social_security'],
  subjects: ['person'],
  conditions:
    '本市户籍且未参加职工基本医疗保险的城乡居民，以及在京就读的非京籍学生、持居住证的非京籍未成年人等，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 5,
  promisedDays: 0,
  acceptanceDays: 0,
  place: STREET,
  channels: ['online', 'hall'],
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: medicalFaq,
  legalBases: [LAW.residentMedicalInsurance],
  resultName: '城乡居民基本医疗保险参保信息',
  form: NO_FORM,
});

export const newbornMedical = item({
  code: basicCode('public_service', 40, 1),
  parent: MEDICAL,
  situation: 'new',
  name: '新生儿城乡居民基本医疗保险参保登记',
  kind: 'public_service',
  dept: 'yb',
  lifeEvents: ['birth', 'medical', 'social_security'],
  subjects: ['person'],
  conditions:
    '父母一方为本市户籍或持有本市居住证的新生儿，出生后（含落户前）即可参保，出生当年参保缴费的，自出生之日起享受待遇。',
  materials: [
    material('birth_medical_certificate', '《出生医学证明》', {
      source: 'certificate',
      sourceReference: '出生医学证明电子证照',
      notes: '由电子证照库调取。',
    }),
    householdRegister('新生儿已落户的，户籍信息由共享获取。'),
  ],
  steps: steps.instant('新生儿身份和参保资格'),
  legalDays: 5,
  promisedDays: 0,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    ...medicalFaq,
    {
      question: '新生儿没有落户能参保吗？',
      answer: '可以，凭出生医学证明先行参保，落户后自动关联公民身份号码。',
    },
  ],
  legalBases: [LAW.residentMedicalInsurance],
  resultName: '城乡居民基本医疗保险参保信息',
  form: form([NEWBORN, PARENTS, ['联系方式', ['applicant_phone']]], [...NEWBORN_REQUIRED, 'applicant_phone']),
});

const residentMedical = item({
  code: basicCode('public_service', 40, 2),
  parent: MEDICAL,
  situation: 'new',
  name: '城乡居民基本医疗保险参保登记（学生儿童、劳动年龄内居民、老年人）',
  kind: 'public_service',
  dept: 'yb',
  lifeEvents: ['medical', 'social_security'],
  subjects: ['person'],
  conditions:
    '本市户籍未参加职工医保的学生儿童、劳动年龄内居民和老年人；在京就读的非京籍学生和持居住证的非京籍未成年人。在校学生一般由学校统一办理。',
  materials: [
    idCard(),
    householdRegister(),
    material('residence_permit', '北京市居住证', {
      condition: '非本市户籍未成年人',
      source: 'certificate',
      sourceReference: '北京市居住证电子证照',
      notes: '由共享获取。',
    }),
    ...proxy(),
  ],
  steps: steps.instant('户籍和参保状态'),
  legalDays: 5,
  promisedDays: 0,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: medicalFaq,
  legalBases: [LAW.residentMedicalInsurance],
  resultName: '城乡居民基本医疗保险参保信息',
  form: form(
    [APPLICANT, ['参保信息', ['household_address', 'insured_category']]],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'household_address', 'insured_category'],
    {
      insured_category: choice('参保人员类别', ['学生儿童', '劳动年龄内居民', '老年人'], 'radio'),
    },
  ),
});

const CARD = basicCode('public_service', 41);
const cardPlace = '东城区政务服务中心二层社会保障综合窗口；社会保障卡服务银行网点';

const cardMain = item({
  code: CARD,
  name: '社会保障卡申领',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['social_security'],
  subjects: ['person'],
  conditions: '在本市参加社会保险或享受社会保障待遇的人员申领社会保障卡，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 20,
  promisedDays: 15,
  place: cardPlace,
  channels: ['online', 'hall'],
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 3,
  faq: [
    { question: '社会保障卡有什么用？', answer: '就医结算、社保待遇领取、公共交通及“一卡通”惠民服务等。' },
    { question: '卡号是什么？', answer: '社会保障号码为公民身份号码。' },
  ],
  legalBases: [LAW.socialSecurityNumber],
  resultName: '社会保障卡',
  form: NO_FORM,
});

export const newbornCard = item({
  code: basicCode('public_service', 41, 1),
  parent: CARD,
  situation: 'new',
  name: '社会保障卡申领（新生儿）',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['birth', 'social_security'],
  subjects: ['person'],
  conditions: '已参加本市城乡居民基本医疗保险并已落户取得公民身份号码的新生儿，由监护人申领。',
  materials: [
    material('newborn_photo', '新生儿照片', {
      form: 'electronic',
      condition: '选择制作带照片社会保障卡的',
      notes: '白色背景正面免冠，JPG格式；不满1周岁可申领无照片卡。',
    }),
    material('guardian_id_card', '监护人居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '核验或由电子证照调取。',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '核验监护关系与参保信息。'),
    step('production', '制卡', 12, '制卡机构制作社会保障卡并激活金融功能。'),
    step('delivery', '发卡', 3, '邮寄或在服务网点领取。'),
  ],
  legalDays: 20,
  promisedDays: 15,
  place: cardPlace,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['post', 'pickup'],
  onlineDepth: 4,
  faq: [
    {
      question: '新生儿可以申领电子社保卡吗？',
      answer: '实体卡制卡完成后，监护人可在“京通”或“掌上12333”为其申领电子社保卡。',
    },
  ],
  legalBases: [LAW.socialSecurityNumber],
  resultName: '社会保障卡',
  form: form(
    [NEWBORN, PARENTS, ['联系方式', ['applicant_phone']], DELIVERY],
    [...NEWBORN_REQUIRED, 'applicant_phone', 'result_delivery'],
  ),
});

const cardReplace = item({
  code: basicCode('public_service', 41, 2),
  parent: CARD,
  situation: 'other',
  name: '社会保障卡补领、换领',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['social_security'],
  subjects: ['person'],
  conditions: '社会保障卡丢失、损坏或信息变更的持卡人；丢失的应先办理挂失。',
  materials: [
    idCard(),
    photo('需要更换照片的提交；可现场采集。'),
    material('old_card', '原社会保障卡', { condition: '换领（损坏、信息变更）的', notes: '交回原卡。' }),
    ...proxy('持卡人'),
  ],
  steps: [
    step('acceptance', '受理', 0, '核验身份，办理挂失或收回原卡。'),
    step('production', '制卡', 5, '即时制卡网点当场制卡；其他网点集中制卡。'),
  ],
  legalDays: 20,
  promisedDays: 5,
  place: cardPlace,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 4,
  fee: { amount: 0, basis: '北京市社会保障卡补换卡免收工本费（illustrative）', description: '不收费' },
  faq: [{ question: '补卡期间能看病吗？', answer: '可以使用电子社保卡或医保电子凭证就医结算。' }],
  legalBases: [LAW.socialSecurityNumber],
  resultName: '社会保障卡',
  form: form(
    [APPLICANT, ['补换原因', ['card_replacement_reason']], DELIVERY],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'card_replacement_reason',
      'result_delivery',
    ],
    {
      card_replacement_reason: choice('补换卡原因', ['丢失', '损坏', '个人信息变更', '照片更新'], 'select'),
    },
  ),
});

const jobFaq = [
  {
    question: '在哪里可以查到登记结果？',
    answer: '登记完成后可在北京市人力资源和社会保障局网站或“京通”查询就业失业登记信息。',
  },
];

const employment = item({
  code: basicCode('public_service', 42),
  name: '就业登记',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['employment'],
  subjects: ['legal_person', 'person'],
  conditions:
    '用人单位招用劳动者的，应于录用之日起30日内为其办理就业登记；与劳动者终止或解除劳动关系后15日内办理登记。个体经营、灵活就业人员可由本人办理。',
  materials: [
    businessLicense(),
    material('labor_contract', '劳动合同或录用证明', { form: 'electronic', notes: '网上办理上传扫描件。' }),
    material('employee_id_card', '劳动者居民身份证', {
      source: 'certificate',
      sourceReference: '居民身份证电子证照',
      notes: '由电子证照库核验。',
    }),
  ],
  steps: steps.instant('劳动关系信息'),
  legalDays: 0,
  promisedDays: 0,
  place: '北京市人力资源和社会保障局网上服务平台；东城区政务服务中心二层社会保障综合窗口',
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: jobFaq,
  legalBases: [LAW.employmentRegistration],
  resultName: '就业登记信息',
  form: form(
    [
      ['单位信息', ['entity_name', 'credit_code', 'contact_name', 'contact_phone']],
      ['劳动者信息', ['employee_name', 'employee_id_number', 'employment_start_date', 'contract_type']],
    ],
    [
      'entity_name',
      'credit_code',
      'contact_name',
      'contact_phone',
      'employee_name',
      'employee_id_number',
      'employment_start_date',
      'contract_type',
    ],
    {
      employee_name: text('劳动者姓名'),
      employee_id_number: idNumberField('劳动者公民身份号码'),
      employment_start_date: dateField('录用日期'),
      contract_type: choice('劳动合同类型', [
        '固定期限',
        '无固定期限',
        '以完成一定工作任务为期限',
        '非全日制用工',
      ]),
    },
  ),
});

const unemployment = item({
  code: basicCode('public_service', 43),
  name: '失业登记',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['employment'],
  subjects: ['person'],
  conditions:
    '在法定劳动年龄内，有劳动能力，有就业要求，处于无业状态的城镇常住人员，可以到常住地的公共就业服务机构进行失业登记。',
  materials: [
    idCard(),
    material('termination_proof', '解除或终止劳动关系证明', {
      condition: '原有用人单位的',
      form: 'copy',
      notes: '已由用人单位办理就业登记注销的由共享获取。',
    }),
  ],
  steps: steps.instant('劳动年龄、就业状态'),
  legalDays: 0,
  promisedDays: 0,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    ...jobFaq,
    {
      question: '失业登记后能享受什么服务？',
      answer: '免费职业介绍、职业指导、职业培训补贴；符合条件的可申领失业保险金。',
    },
  ],
  legalBases: [LAW.unemploymentRegistration],
  resultName: '失业登记信息（《就业创业证》记载）',
  form: form(
    [APPLICANT, ['就业意向', ['current_address', 'desired_occupation']]],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'current_address'],
    {
      desired_occupation: text('求职意向', 100),
    },
  ),
});

const flexible = item({
  code: basicCode('public_service', 44),
  name: '灵活就业人员社会保险参保登记',
  kind: 'public_service',
  dept: 'rs',
  lifeEvents: ['employment', 'social_security'],
  subjects: ['person'],
  conditions:
    '本市户籍（或按规定可在本市参保的）无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员以及其他灵活就业人员，在法定劳动年龄内。',
  materials: [idCard(), householdRegister(), bankAccount()],
  steps: [
    step('acceptance', '受理', 0, '核验身份和参保状态。'),
    step('review', '审核', 1, '社保经办机构核定缴费基数和险种。'),
    step('decision', '登记', 0, '办理参保登记并签订委托扣款协议。'),
  ],
  legalDays: 5,
  promisedDays: 1,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    {
      question: '灵活就业可以参加哪些险种？',
      answer: '基本养老保险、失业保险和职工基本医疗保险，缴费基数可在本市规定的上下限之间自选。',
    },
  ],
  legalBases: [LAW.flexiblePension, LAW.flexibleMedical],
  resultName: '社会保险参保登记信息',
  form: form(
    [APPLICANT, ['参保信息', ['household_address', 'insurance_types', 'contribution_base']], BANK],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'household_address',
      'insurance_types',
      'contribution_base',
      'bank_name',
      'bank_account_number',
    ],
    {
      insurance_types: choice('参保险种', ['养老、失业、医疗', '养老、医疗', '养老', '医疗'], 'select'),
      contribution_base: decimal('月缴费基数（元）', 1, 100000, { help: '在本市当年度缴费基数上下限之间' }),
    },
  ),
});

const survivor = item({
  code: basicCode('benefit', 45),
  name: '企业职工基本养老保险遗属待遇申领',
  kind: 'benefit',
  dept: 'rs',
  lifeEvents: ['death', 'social_security'],
  subjects: ['person'],
  conditions: '参加本市企业职工基本养老保险的人员因病或者非因工死亡的，其遗属可以领取丧葬补助金和抚恤金。',
  materials: [
    material('death_certificate', '死亡证明', {
      source: 'sharing',
      sourceReference: '公安户籍注销信息、卫生健康死亡医学证明信息（共享）',
      notes: '由共享获取，无需提交。',
    }),
    idCard(),
    material('kinship_proof', '申领人与逝者的亲属关系证明', {
      notes: '户口簿、结婚证、出生医学证明等；可由共享获取的无需提交。',
      source: 'sharing',
      sourceReference: '公安人口基础信息、婚姻登记信息（共享）',
    }),
    bankAccount(),
  ],
  steps: steps.standard(5, 3, 2, '参保缴费记录、死亡原因和遗属关系'),
  legalDays: 20,
  promisedDays: 10,
  place: '东城区社会保险事业管理中心（东城区政务服务中心二层社会保障综合窗口）',
  channels: ['online', 'hall'],
  deliveryMethods: ['online'],
  onlineDepth: 3,
  fee: { amount: 0, basis: null, description: '不收费' },
  faq: [
    { question: '遗属待遇包括哪些？', answer: '丧葬补助金和抚恤金，按本市规定的标准一次性发放。' },
    { question: '多名遗属怎么领取？', answer: '遗属协商一致后由一人申领，并提交其他遗属的同意书。' },
  ],
  legalBases: [LAW.survivorBenefits],
  resultName: '遗属待遇核定结果',
  form: form(
    [
      APPLICANT,
      ['逝者信息', ['deceased_name', 'deceased_id_number', 'death_date', 'relation_to_deceased']],
      BANK,
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'deceased_name',
      'deceased_id_number',
      'death_date',
      'relation_to_deceased',
      'bank_name',
      'bank_account_number',
    ],
  ),
});

const arbitration = item({
  code: basicCode('adjudication', 46),
  name: '劳动人事争议仲裁申请',
  kind: 'adjudication',
  dept: 'rs',
  competent: '劳动人事争议仲裁委员会',
  lifeEvents: ['employment'],
  subjects: ['person', 'legal_person'],
  conditions:
    '劳动者与用人单位发生劳动争议，属于东城区劳动人事争议仲裁委员会管辖（劳动合同履行地或用人单位所在地在东城区），自知道或者应当知道其权利被侵害之日起一年内申请。',
  materials: [
    material('arbitration_application', '仲裁申请书', {
      copies: 2,
      notes: '按被申请人人数提交副本，写明请求事项和事实理由。',
    }),
    idCard(),
    material('respondent_info', '被申请人主体信息', {
      form: 'electronic',
      notes: '被申请人为单位的，由市场主体登记信息共享获取。',
      source: 'sharing',
      sourceReference: '市场主体登记信息（共享）',
    }),
    material('evidence', '证据材料及证据目录', { form: 'copy', notes: '劳动合同、工资条、考勤记录等。' }),
    ...proxy(),
  ],
  steps: [
    step('acceptance', '立案审查', 0, '收到仲裁申请之日起五日内决定是否受理（受理时限）。'),
    step('hearing', '开庭审理', 20, '组成仲裁庭，开庭前通知当事人，先行调解。'),
    step('decision', '裁决', 9, '调解不成的作出裁决；法定45日（自然日，约31个工作日），复杂案件可延长15日。'),
    step('delivery', '送达', 2, '送达调解书或裁决书。'),
  ],
  legalDays: 31,
  promisedDays: 31,
  place: '东城区劳动人事争议仲裁院立案窗口（illustrative）',
  channels: ['online', 'hall', 'post'],
  visits: { online: 1, hall: 2, post: 1 },
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 2,
  faq: [
    { question: '仲裁收费吗？', answer: '劳动人事争议仲裁不收费，经费由财政予以保障。' },
    {
      question: '对裁决不服怎么办？',
      answer: '除终局裁决外，可自收到裁决书之日起十五日内向人民法院提起诉讼。',
    },
  ],
  legalBases: [LAW.laborArbitrationAcceptance, LAW.laborArbitrationTime],
  resultName: '仲裁调解书或仲裁裁决书',
  form: form(
    [
      APPLICANT,
      ['被申请人', ['entity_name', 'credit_code', 'business_address']],
      ['仲裁请求', ['claims', 'facts', 'claim_amount']],
    ],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'entity_name', 'claims', 'facts'],
    {
      claims: longText('仲裁请求', 1000),
      facts: longText('事实和理由', 3000),
      claim_amount: decimal('请求金额（元）', 0, 100000000),
    },
  ),
});

const LIVING = basicCode('benefit', 50);
const livingMaterials = [
  idCard(),
  householdRegister('共同生活家庭成员的户籍信息由共享获取。'),
  material('income_statement', '家庭收入和财产状况申报及授权核对书', {
    notes: '共同生活的成年家庭成员签字，授权民政部门核对经济状况。',
  }),
  material('special_proof', '残疾、重病等特殊情况证明', {
    condition: '家庭成员有残疾、重病等情况的',
    source: 'certificate',
    sourceReference: '残疾人证电子证照',
    notes: '残疾人证由电子证照调取；病历、诊断证明复印件。',
  }),
  bankAccount(),
  ...proxy('申请人'),
];
const livingFaq = [
  {
    question: '东城区低保标准是多少？',
    answer: '按北京市当年公布的城乡统一低保标准执行（2024年7月起为每人每月1450元，以最新公布为准）。',
  },
  { question: '公示多长时间？', answer: '在申请人所在社区公示7天，公示期间有异议的重新调查核实。' },
];

const livingMain = item({
  code: LIVING,
  name: '最低生活保障',
  kind: 'benefit',
  dept: 'mz',
  lifeEvents: ['assistance'],
  subjects: ['person'],
  conditions:
    '共同生活的家庭成员人均收入低于本市最低生活保障标准，且符合本市最低生活保障家庭财产状况规定的家庭，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 30,
  promisedDays: 20,
  place: STREET,
  channels: ['online', 'hall'],
  deliveryMethods: ['online'],
  onlineDepth: 3,
  faq: livingFaq,
  legalBases: [LAW.minimumLivingSecurity, LAW.minimumLivingProcedure],
  resultName: '最低生活保障金',
  form: NO_FORM,
});

const livingForm = (extra: Record<string, FieldDef> = {}, extraNames: string[] = []) =>
  form(
    [
      APPLICANT,
      [
        '家庭情况',
        ['household_address', 'household_size', 'monthly_income', 'hardship_reason', ...extraNames],
      ],
      BANK,
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'household_address',
      'household_size',
      'monthly_income',
      'hardship_reason',
      'bank_name',
      'bank_account_number',
    ],
    {
      household_size: integer('共同生活家庭成员人数', 1, 20),
      monthly_income: decimal('家庭月总收入（元）', 0, 1000000),
      hardship_reason: longText('申请理由', 1000),
      ...extra,
    },
  );

const livingApply = item({
  code: basicCode('benefit', 50, 1),
  parent: LIVING,
  situation: 'new',
  name: '最低生活保障审核确认',
  kind: 'benefit',
  dept: 'mz',
  lifeEvents: ['assistance'],
  subjects: ['person'],
  conditions:
    '本市户籍，共同生活的家庭成员人均月收入低于本市低保标准，家庭财产状况符合本市规定；由共同生活的家庭成员向户籍所在地街道办事处提出书面申请。',
  materials: livingMaterials,
  steps: [
    step('acceptance', '受理', 0, '街道办事处受理申请，材料不全的一次性告知。'),
    step(
      'investigation',
      '调查核实',
      10,
      '通过入户调查、邻里访问、信息查询（家庭经济状况核对）等方式调查核实。',
    ),
    step('review', '审核', 5, '街道办事处提出审核意见。'),
    step(
      'decision',
      '确认',
      5,
      '区民政局（或受委托的街道办事处）作出确认决定，符合条件的在社区公布，不符合的书面说明理由。',
    ),
  ],
  specialSteps: [
    {
      kind: 'site_inspection',
      name: '入户调查',
      days: 5,
      description: '两名以上工作人员入户核查家庭人口、收入和财产状况。',
    },
    {
      kind: 'publicity',
      name: '社区公示',
      days: 7,
      description: '审核意见在申请人所在社区公示7天，接受群众监督。',
    },
  ],
  legalDays: 30,
  promisedDays: 20,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'pickup'],
  onlineDepth: 3,
  faq: livingFaq,
  legalBases: [LAW.minimumLivingSecurity, LAW.minimumLivingProcedure],
  resultName: '最低生活保障确认通知书',
  form: livingForm(),
});

const livingChange = item({
  code: basicCode('benefit', 50, 2),
  parent: LIVING,
  situation: 'change',
  name: '最低生活保障金增发、减发、停发',
  kind: 'benefit',
  dept: 'mz',
  lifeEvents: ['assistance'],
  subjects: ['person'],
  conditions:
    '最低生活保障家庭的人口、收入或财产状况发生变化的，应当及时告知街道办事处，由民政部门作出增发、减发、停发决定。',
  materials: [
    idCard(),
    material('change_proof', '家庭人口、收入或财产变化的证明', {
      notes: '就业合同、出生或死亡证明等；能共享获取的无需提交。',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '受理变化申报。'),
    step('investigation', '核查', 5, '核对家庭经济状况变化。'),
    step('decision', '决定', 5, '作出增发、减发或停发决定并告知。'),
  ],
  legalDays: 30,
  promisedDays: 10,
  place: STREET,
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'pickup'],
  onlineDepth: 3,
  faq: livingFaq,
  legalBases: [LAW.minimumLivingChange],
  resultName: '最低生活保障金变更通知书',
  form: livingForm({ change_description: longText('变化情况说明', 1000) }, ['change_description']),
});

const temporary = item({
  code: basicCode('benefit', 51),
  name: '临时救助',
  kind: 'benefit',
  dept: 'mz',
  lifeEvents: ['assistance'],
  subjects: ['person'],
  conditions:
    '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭；因生活必需支出突然增加超出家庭承受能力的最低生活保障家庭；遭遇其他特殊困难的家庭或个人。情况紧急的可先行救助、后补手续。',
  materials: [
    ...livingMaterials.filter((m) => m.key !== 'special_proof'),
    material('hardship_proof', '突发事件或大额支出证明', {
      notes: '医疗费用票据、事故证明、火灾证明等。',
      form: 'copy',
    }),
  ],
  steps: [
    step('acceptance', '受理', 0, '街道办事处受理；紧急情况先行救助。'),
    step('review', '审核', 5, '调查核实困难情况并在社区公示。'),
    step('decision', '审批', 5, '区民政局审批，小额救助可由街道办事处审批。'),
  ],
  specialSteps: [
    {
      kind: 'publicity',
      name: '社区公示',
      days: 3,
      description: '审核结果在社区公示；紧急情况事后补充公示。',
    },
  ],
  legalDays: 20,
  promisedDays: 10,
  place: STREET,
  channels: ['online', 'hall', 'hotline'],
  visits: { online: 0, hall: 1, hotline: 0 },
  deliveryMethods: ['online'],
  onlineDepth: 3,
  faq: [
    {
      question: '非本市户籍可以申请吗？',
      answer: '遭遇急难的非本市户籍人员可向急难发生地街道办事处申请临时救助。',
    },
    { question: '救助金额是多少？', answer: '根据困难程度和本市标准确定，救助金直接发放到本人账户。' },
  ],
  legalBases: [LAW.temporaryAssistance, LAW.temporaryAssistanceProcedure],
  resultName: '临时救助金',
  form: livingForm(),
});

const DISABILITY = basicCode('public_service', 52);
const disabilityPlace =
  '东城区残疾人联合会服务大厅（东城区政务服务中心二层社会事务综合窗口代收）；户籍所在地街道残联';
const disabilityFaq = [
  { question: '残疾评定在哪里做？', answer: '到区残联指定的评残医院进行残疾评定，评定费用按规定减免。' },
  { question: '残疾人证有效期多久？', answer: '第二代残疾人证有效期一般为10年，到期前换领。' },
];
const disabilityForm = (extraNames: string[] = [], extra: Record<string, FieldDef> = {}) =>
  form(
    [APPLICANT, ['残疾信息', ['household_address', 'disability_category', ...extraNames]], DELIVERY],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'household_address',
      'disability_category',
      'result_delivery',
    ],
    {
      disability_category: choice('残疾类别', [
        '视力残疾',
        '听力残疾',
        '言语残疾',
        '肢体残疾',
        '智力残疾',
        '精神残疾',
        '多重残疾',
      ]),
      ...extra,
    },
  );

const disabilityMain = item({
  code: DISABILITY,
  name: '残疾人证办理',
  kind: 'public_service',
  dept: 'cl',
  lifeEvents: ['disability'],
  subjects: ['person'],
  conditions:
    '本市户籍，符合国家残疾标准的视力、听力、言语、肢体、智力、精神及多重残疾人，见各办理项：新办、换领、迁移、补办、注销。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 30,
  promisedDays: 20,
  place: disabilityPlace,
  channels: ['online', 'hall'],
  deliveryMethods: ['pickup', 'post'],
  onlineDepth: 3,
  faq: disabilityFaq,
  legalBases: [LAW.disabilityDefinition, LAW.disabledPersonsFederation],
  resultName: '《中华人民共和国残疾人证》',
  form: NO_FORM,
});

const disability = (
  sub: number,
  situation: 'new' | 'renewal' | 'change' | 'other' | 'cancellation',
  name: string,
  conditions: string,
  extra: Material[],
  assessed: boolean,
  promised: number,
): Entry =>
  item({
    code: basicCode('public_service', 52, sub),
    parent: DISABILITY,
    situation,
    name,
    kind: 'public_service',
    dept: 'cl',
    lifeEvents: ['disability'],
    subjects: ['person'],
    conditions,
    materials: [idCard(), householdRegister(), ...extra, ...proxy('残疾人本人或其监护人')],
    steps: assessed
      ? [
          step('acceptance', '受理', 0, '区残联或街道残联受理申请，开具评残通知。'),
          step('review', '审核', 5, '区残联审核评定结论。'),
          step('decision', '发证', 5, '符合标准的核发残疾人证，不符合的书面告知。'),
          step('delivery', '送达', 2, '邮寄或窗口领取。'),
        ]
      : [
          step('acceptance', '受理', 0, '受理申请。'),
          step('review', '审核', promised > 0 ? promised - 1 : 0, '核对原证信息。'),
          step('decision', '发证', promised > 0 ? 1 : 0, '核发或注销。'),
        ],
    specialSteps: assessed
      ? [
          {
            kind: 'expert_review',
            name: '残疾评定',
            days: 15,
            description: '到区残联指定的评残医院由评定医师进行残疾类别和等级评定（不计入办理时限）。',
          },
        ]
      : [],
    legalDays: 30,
    promisedDays: promised,
    place: disabilityPlace,
    channels: ['online', 'hall'],
    visits: assessed ? { online: 1, hall: 2 } : { online: 0, hall: 1 },
    deliveryMethods: ['pickup', 'post'],
    onlineDepth: assessed ? 3 : 4,
    faq: disabilityFaq,
    legalBases: [LAW.disabilityDefinition, LAW.disabledPersonsFederation],
    resultName: situation === 'cancellation' ? '残疾人证注销证明' : '《中华人民共和国残疾人证》',
    form:
      situation === 'change'
        ? disabilityForm(['previous_household_address'], {
            previous_household_address: text('迁出地户籍地址', 200),
          })
        : disabilityForm(),
  });

const elderlyForm = (extraNames: string[] = [], extra: Record<string, FieldDef> = {}) =>
  form(
    [APPLICANT, ['老年人信息', ['household_address', ...extraNames]], BANK],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'household_address',
      'bank_name',
      'bank_account_number',
    ],
    extra,
  );

const elderlyBase = {
  dept: 'mz' as const,
  lifeEvents: ['elderly'],
  subjects: ['person' as const],
  place: STREET,
  channels: ['online' as const, 'hall' as const],
};

const elderlyCard = item({
  ...elderlyBase,
  code: basicCode('public_service', 53),
  name: '老年人优待证（北京通—养老助残卡）办理',
  kind: 'public_service',
  conditions:
    '本市户籍年满60周岁的老年人；在本市居住并持有居住证的年满65周岁非本市户籍老年人办理老年人优待卡，享受同等优待。',
  materials: [
    idCard(),
    photo('可使用身份证照片，或现场采集。'),
    material('residence_permit', '北京市居住证', {
      condition: '非本市户籍老年人',
      source: 'certificate',
      sourceReference: '北京市居住证电子证照',
      notes: '由共享获取。',
    }),
    ...proxy('老年人本人'),
  ],
  steps: [
    step('acceptance', '受理', 0, '核验年龄、户籍或居住信息。'),
    step('production', '制卡', 12, '制卡并开通金融、乘车等功能。'),
    step('delivery', '发卡', 3, '邮寄或社区领取。'),
  ],
  legalDays: 20,
  promisedDays: 15,
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['post', 'pickup'],
  onlineDepth: 4,
  faq: [
    {
      question: '优待卡有哪些优待？',
      answer: '市域内公交免费乘车、公园景区免费或优惠、养老服务补贴津贴发放载体等。',
    },
    { question: '可以邮寄到家吗？', answer: '可以，网上申请选择邮寄送达，免费寄递。' },
  ],
  legalBases: [LAW.elderlyPreference],
  resultName: '北京通—养老助残卡（老年人优待卡）',
  form: form(
    [APPLICANT, ['老年人信息', ['household_address']], DELIVERY],
    ['applicant_name', 'applicant_id_number', 'applicant_phone', 'household_address', 'result_delivery'],
  ),
});

const careSubsidy = item({
  ...elderlyBase,
  code: basicCode('benefit', 54),
  name: '困难老年人养老服务补贴申领',
  kind: 'benefit',
  conditions:
    '本市户籍年满60周岁，属于最低生活保障家庭、低收入家庭或特困供养人员的老年人，按本市标准按月发放养老服务补贴，用于购买养老服务。',
  materials: [
    idCard(),
    material('hardship_status', '低保、低收入或特困人员身份', {
      source: 'sharing',
      sourceReference: '北京市社会救助信息（共享）',
      notes: '由民政救助系统共享获取，无需提交。',
    }),
    bankAccount(),
    ...proxy('老年人本人'),
  ],
  steps: [
    step('acceptance', '受理', 0, '社区或街道受理。'),
    step('review', '审核', 5, '核对困难身份和年龄。'),
    step('decision', '确认', 3, '区民政局确认，次月起发放。'),
  ],
  legalDays: 20,
  promisedDays: 8,
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    { question: '补贴发到哪里？', answer: '按月发放至老年人本人的北京通—养老助残卡，限于购买养老服务。' },
  ],
  legalBases: [LAW.elderlyWelfare],
  resultName: '养老服务补贴发放确认',
  form: elderlyForm(['hardship_type'], {
    hardship_type: choice('困难类别', ['最低生活保障家庭', '低收入家庭', '特困供养人员']),
  }),
});

const longevity = item({
  ...elderlyBase,
  code: basicCode('benefit', 55),
  name: '高龄老年人津贴申领',
  kind: 'benefit',
  conditions:
    '本市户籍年满80周岁的老年人。80至89周岁每人每月100元，90至99周岁每人每月500元，100周岁及以上每人每月800元（按本市规定标准）。',
  materials: [idCard(), bankAccount(), ...proxy('老年人本人')],
  steps: [
    step('acceptance', '受理', 0, '社区或街道受理；年满80周岁前系统主动提醒。'),
    step('review', '审核', 3, '核对年龄与户籍。'),
    step('decision', '确认', 2, '区民政局确认，次月起按月发放。'),
  ],
  legalDays: 20,
  promisedDays: 5,
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    {
      question: '需要每年重新申请吗？',
      answer: '不需要。确认后按月发放，跨年龄段自动调整标准；老年人去世的停止发放。',
    },
  ],
  legalBases: [LAW.elderlyWelfare],
  resultName: '高龄津贴发放确认',
  form: elderlyForm(),
});

const funeral = item({
  ...elderlyBase,
  lifeEvents: ['death'],
  code: basicCode('benefit', 56),
  name: '城乡居民丧葬补贴申领',
  kind: 'benefit',
  conditions:
    '本市户籍的城乡居民死亡后，未享受企业职工基本养老保险丧葬补助金等同类待遇的，其亲属可申领一次性丧葬补贴（标准以本市规定为准）。',
  materials: [
    material('death_certificate', '死亡证明或户口注销证明', {
      source: 'sharing',
      sourceReference: '公安户籍注销信息（共享）',
      notes: '由共享获取。',
    }),
    material('cremation_certificate', '火化证明', {
      source: 'sharing',
      sourceReference: '殡葬服务信息（共享）',
      notes: '在本市殡仪馆火化的由共享获取。',
    }),
    idCard(),
    bankAccount(),
  ],
  steps: [
    step('acceptance', '受理', 0, '街道受理。'),
    step('review', '审核', 5, '核对待遇重复享受情况。'),
    step('decision', '确认', 3, '区民政局确认并发放。'),
  ],
  legalDays: 20,
  promisedDays: 8,
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online'],
  onlineDepth: 4,
  faq: [
    {
      question: '和社保的丧葬补助金能同时领吗？',
      answer: '不能重复享受；已领取企业职工养老保险丧葬补助金的不再发放丧葬补贴。',
    },
  ],
  legalBases: [LAW.survivorBenefits],
  resultName: '丧葬补贴',
  form: form(
    [
      APPLICANT,
      ['逝者信息', ['deceased_name', 'deceased_id_number', 'death_date', 'relation_to_deceased']],
      BANK,
    ],
    [
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'deceased_name',
      'deceased_id_number',
      'death_date',
      'relation_to_deceased',
      'bank_name',
      'bank_account_number',
    ],
  ),
});

export const WELFARE_ITEMS: Entry[] = [
  medicalMain,
  newbornMedical,
  residentMedical,
  cardMain,
  newbornCard,
  cardReplace,
  employment,
  unemployment,
  flexible,
  survivor,
  arbitration,
  livingMain,
  livingApply,
  livingChange,
  temporary,
  disabilityMain,
  disability(
    1,
    'new',
    '残疾人证新办',
    '本市户籍，经区残联指定医院评定符合国家残疾标准的残疾人（含未成年人，由监护人代为申请）。',
    [photo('2寸白底免冠彩色照片电子版。')],
    true,
    12,
  ),
  disability(
    2,
    'renewal',
    '残疾人证换领',
    '残疾人证有效期满、残疾等级变化或证件损坏的；等级变化的需重新评定。',
    [
      material('old_disability_card', '原残疾人证', { notes: '交回原证。' }),
      photo('2寸白底免冠彩色照片电子版。'),
    ],
    true,
    12,
  ),
  disability(
    3,
    'change',
    '残疾人证迁移',
    '持证残疾人户籍在本市区县之间迁移至东城区的，办理残疾人证迁入。',
    [
      material('old_disability_card', '原残疾人证', {
        notes: '核验原证。',
        source: 'certificate',
        sourceReference: '残疾人证电子证照',
      }),
    ],
    false,
    5,
  ),
  disability(
    4,
    'other',
    '残疾人证补办',
    '残疾人证遗失的持证人。',
    [photo('2寸白底免冠彩色照片电子版。')],
    false,
    10,
  ),
  disability(
    5,
    'cancellation',
    '残疾人证注销',
    '持证人死亡、户籍迁出本市或经复核不再符合残疾标准的，由本人或亲属申请注销。',
    [],
    false,
    3,
  ),
  elderlyCard,
  careSubsidy,
  longevity,
  funeral,
];

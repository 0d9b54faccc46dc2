/** 就业和社会保险: 就业登记, 失业登记, 灵活就业人员参保登记, 遗属待遇, 劳动人事争议仲裁. */
import { basicCode, item, step, steps } from '../../common.js';
import {
  APPLICANT,
  choice,
  date as dateField,
  decimal,
  form,
  idNumber as idNumberField,
  longText,
  text,
} from '../../fields.js';
import { LAW } from '../../laws.js';
import { bankAccount, businessLicense, householdRegister, idCard, material, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';
import { STREET, BANK } from './shared.js';

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

export const EMPLOYMENT_ITEMS: Entry[] = [employment, unemployment, flexible, survivor, arbitration];

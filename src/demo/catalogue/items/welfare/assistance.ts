/** 社会救助: 最低生活保障 (申请, 变更), 临时救助. */
import { basicCode, item, step } from '../../common.js';
import { APPLICANT, NO_FORM, decimal, form, integer, longText, type FieldDef } from '../../fields.js';
import { LAW } from '../../laws.js';
import { bankAccount, householdRegister, idCard, material, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';
import { STREET, BANK } from './shared.js';

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

export const ASSISTANCE_ITEMS: Entry[] = [livingMain, livingApply, livingChange, temporary];

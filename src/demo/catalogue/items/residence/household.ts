/** 户口登记: 出生登记, 死亡注销. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, DELIVERY, NO_FORM, choice, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { householdRegister, material } from '../../materials.js';
import { NEWBORN, PARENTS, NEWBORN_REQUIRED } from './shared.js';

const HUKOU = basicCode('confirmation', 20);
const hukouPlace = '户籍所在地公安派出所户籍窗口；东城区政务服务中心二层公安综合窗口';

export const hukouMain = item({
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

export const deathCancellation = item({
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

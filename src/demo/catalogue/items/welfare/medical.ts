/** 城乡居民基本医疗保险参保登记: 新生儿, 城乡居民. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, NO_FORM, choice, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { householdRegister, idCard, material, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';
import { NEWBORN, NEWBORN_REQUIRED, PARENTS } from '../residence/shared.js';
import { STREET } from './shared.js';

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

export const MEDICAL_ITEMS: Entry[] = [medicalMain, newbornMedical, residentMedical];

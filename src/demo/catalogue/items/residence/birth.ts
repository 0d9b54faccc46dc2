/** 生育登记, 出生医学证明, 预防接种证. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, choice, date, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { material } from '../../materials.js';
import { NEWBORN, PARENTS, NEWBORN_REQUIRED } from './shared.js';

export const birthPlanning = item({
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

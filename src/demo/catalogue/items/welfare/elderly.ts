/** 养老: 老年人优待卡, 困难老年人养老服务补贴, 高龄津贴, 丧葬补贴. */
import { basicCode, item, step } from '../../common.js';
import { APPLICANT, DELIVERY, choice, form, type FieldDef } from '../../fields.js';
import { LAW } from '../../laws.js';
import { bankAccount, idCard, material, photo, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';
import { STREET, BANK } from './shared.js';

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

export const ELDERLY_ITEMS: Entry[] = [elderlyCard, careSubsidy, longevity, funeral];

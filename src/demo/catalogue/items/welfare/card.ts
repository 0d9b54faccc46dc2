/** 社会保障卡: 新生儿申领, 补领、换领. */
import { basicCode, item, step } from '../../common.js';
import { APPLICANT, DELIVERY, NO_FORM, choice, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { idCard, material, photo, proxy } from '../../materials.js';
import type { Entry } from '../../types.js';
import { NEWBORN, NEWBORN_REQUIRED, PARENTS } from '../residence/shared.js';

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

export const CARD_ITEMS: Entry[] = [cardMain, newbornCard, cardReplace];

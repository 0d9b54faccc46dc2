/** 结婚登记, 义务教育入学. */
import { basicCode, item, step, steps } from '../../common.js';
import { APPLICANT, choice, date, form, idNumber, text } from '../../fields.js';
import { LAW } from '../../laws.js';
import { householdRegister, material } from '../../materials.js';

export const marriage = item({
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

export const schoolEntry = item({
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

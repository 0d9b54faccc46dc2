/** 市容: 牌匾标识设置, 户外广告设施设置许可. */
import { basicCode } from '../../common.js';
import { DELIVERY } from '../../fields.js';
import { LAW } from '../../laws.js';
import { material, siteLayout } from '../../materials.js';
import type { Entry } from '../../types.js';
import { SHOP, SHOP_REQUIRED } from '../business/shared.js';
import { inspection, UNIT, UNIT_REQUIRED, unitMaterials, city } from './shared.js';

export const signage = city({
  code: basicCode('filing', 70),
  name: '户外招牌（牌匾标识）设置告知承诺',
  kind: 'filing',
  dept: 'cgw',
  lifeEvents: ['business_start', 'city_appearance'],
  persons: true,
  conditions:
    '在本单位办公、经营场所的建筑物外立面设置牌匾标识，符合《北京市牌匾标识设置管理规范》：一个建筑立面原则上只设置一块、一行牌匾标识，不得遮挡窗户、通风口，文字使用规范汉字；申请人书面承诺按规范设置并接受核查。',
  materials: [
    material('signage_commitment', '《牌匾标识设置承诺书》', { notes: '在线签署。' }),
    siteLayout('设置位置效果图（标注尺寸、材质、照明方式）和建筑立面现状照片。'),
    material('premises_proof', '经营场所使用证明', {
      notes: '房屋产权证明或租赁合同；营业执照登记的经营场所与设置地点一致的可不提交。',
      condition: '设置位置与营业执照登记地址不一致的',
    }),
  ],
  review: 1,
  decision: 1,
  what: '设置位置、尺寸、材质与设置规范的一致性',
  special: [inspection('牌匾标识的设置位置和安全状况')],
  legalDays: 5,
  promisedDays: 3,
  faq: [
    {
      question: '设置招牌需要审批吗？',
      answer:
        '在本单位经营场所设置符合规范的牌匾标识实行告知承诺，提交承诺后即可设置，城市管理部门事后核查；设置户外广告设施需另行申请许可。',
    },
    { question: '招牌可以用外文吗？', answer: '应当使用规范汉字；同时使用外文的，外文不得大于汉字。' },
  ],
  legalBases: [LAW.beijingSignage, LAW.largeOutdoorAdvertising],
  resultName: '牌匾标识设置告知承诺确认（电子）',
  sections: [SHOP, ['招牌信息', ['sign_text', 'sign_size', 'sign_material']], DELIVERY],
  required: [...SHOP_REQUIRED, 'sign_text', 'sign_size', 'sign_material', 'result_delivery'],
});

export const SIGN_ITEMS: Entry[] = [
  signage,
  city({
    code: basicCode('licensing', 71),
    name: '户外广告设施设置许可',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['city_appearance', 'business_operation'],
    conditions:
      '设置位置符合本市户外广告设施设置规划；设施结构安全，有设计方案和安全检测报告；大型户外广告设施征得市容环境卫生主管部门同意。',
    materials: [
      ...unitMaterials(),
      siteLayout('设置地点位置图、效果图和现状照片。'),
      material('structure_design', '设施结构设计图及安全技术说明', {
        form: 'electronic',
        notes: '大型设施需有资质的设计单位出具。',
      }),
      material('owner_consent', '设施载体所有权人或使用权人同意设置的证明', {}),
    ],
    review: 8,
    decision: 2,
    what: '设置规划符合性、结构安全和设置方案',
    special: [
      inspection('户外广告设施设置地点'),
      {
        kind: 'expert_review',
        name: '专家评审',
        days: 10,
        description: '大型户外广告设施组织城市规划、结构安全方面专家评审。',
      },
    ],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '户外广告设施许可期限多长？',
        answer: '按批准文件载明的设置期限执行，期满需继续设置的应重新申请。',
      },
      { question: '楼顶可以设广告吗？', answer: '应符合户外广告设施设置规划；规划禁止区域不予许可。' },
    ],
    legalBases: [
      LAW.largeOutdoorAdvertising,
      LAW.beijingAdvertising,
      LAW.licensingTime,
      LAW.licensingSpecialSteps,
    ],
    resultName: '户外广告设施设置许可决定书',
    sections: [
      UNIT,
      ['设施信息', ['location_description', 'sign_size', 'sign_material', 'start_date', 'end_date']],
    ],
    required: [...UNIT_REQUIRED, 'location_description', 'sign_size', 'start_date', 'end_date'],
  }),
];

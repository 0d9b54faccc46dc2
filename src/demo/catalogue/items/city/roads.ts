/** 城市道路占用、挖掘许可: 临时占用, 挖掘, 延期. */
import { basicCode } from '../../common.js';
import { LAW } from '../../laws.js';
import { material, siteLayout } from '../../materials.js';
import type { Entry } from '../../types.js';
import { inspection, UNIT, UNIT_REQUIRED, unitMaterials, city } from './shared.js';

const ROAD = basicCode('licensing', 72);
const roadFaq = [
  {
    question: '占道施工需要找交管部门吗？',
    answer: '占用、挖掘城市道路影响交通安全的，由本窗口一并征求公安交通管理部门意见，申请人无需另行申请。',
  },
  {
    question: '新建道路能挖吗？',
    answer:
      '新建、扩建、改建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘；特殊情况须经区政府批准。',
  },
];

export const ROAD_ITEMS: Entry[] = [
  city({
    code: ROAD,
    name: '城市道路占用、挖掘许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    conditions: '因特殊情况需要临时占用城市道路，或者因工程建设需要挖掘城市道路的单位和个人，见各办理项。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: roadFaq,
    legalBases: [LAW.roadOccupation, LAW.roadExcavation],
    resultName: '城市道路占用（挖掘）许可决定书',
    sections: [],
    required: [],
  }),
  city({
    code: basicCode('licensing', 72, 1),
    parent: ROAD,
    situation: 'new',
    name: '临时占用城市道路许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction', 'city_appearance'],
    persons: true,
    conditions:
      '因建设施工、搭建临时设施、举办活动等特殊情况确需临时占用城市道路；占用期满后清理现场、恢复原状；占用期限一般不超过一年。',
    materials: [
      ...unitMaterials(),
      siteLayout('占用位置平面图（标注占用范围、面积）和现场照片。'),
      material('traffic_plan', '交通组织及安全防护方案', {
        form: 'electronic',
        notes: '影响交通安全的，由窗口征求公安交通管理部门意见。',
      }),
    ],
    review: 3,
    decision: 1,
    what: '占用位置、面积、期限和交通安全影响',
    special: [inspection('拟占用道路的位置和交通状况')],
    legalDays: 20,
    promisedDays: 5,
    faq: roadFaq,
    legalBases: [LAW.roadOccupation, LAW.licensingTime],
    resultName: '临时占用城市道路许可决定书',
    sections: [
      UNIT,
      [
        '占用信息',
        ['road_name', 'location_description', 'area_square_meters', 'start_date', 'end_date', 'purpose'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'road_name',
      'location_description',
      'area_square_meters',
      'start_date',
      'end_date',
      'purpose',
    ],
  }),
  city({
    code: basicCode('licensing', 72, 2),
    parent: ROAD,
    situation: 'new',
    name: '挖掘城市道路许可',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    conditions:
      '因工程建设需要挖掘城市道路，持规划部门批准文件和有关设计文件；不属于新建道路交付5年内、大修道路竣工3年内（特殊情况经区政府批准的除外）。',
    materials: [
      ...unitMaterials(),
      material('planning_approval', '规划部门批准文件', {
        source: 'sharing',
        sourceReference: '北京市工程建设项目审批管理系统（共享）',
        notes: '由工程建设审批系统共享获取。',
      }),
      material('design_documents', '挖掘施工设计图和施工方案', { form: 'electronic' }),
      material('restoration_commitment', '道路修复承诺书', { notes: '承诺按原结构、原标准修复或委托修复。' }),
    ],
    review: 5,
    decision: 2,
    what: '挖掘方案、修复方案和交通影响',
    special: [inspection('挖掘路段现状')],
    legalDays: 20,
    promisedDays: 10,
    faq: roadFaq,
    legalBases: [LAW.roadExcavation, LAW.licensingTime],
    resultName: '挖掘城市道路许可决定书',
    sections: [
      UNIT,
      [
        '挖掘信息',
        [
          'project_name',
          'road_name',
          'location_description',
          'excavation_length',
          'area_square_meters',
          'start_date',
          'end_date',
        ],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'road_name',
      'location_description',
      'excavation_length',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 72, 3),
    parent: ROAD,
    situation: 'renewal',
    name: '城市道路占用、挖掘延期',
    kind: 'licensing',
    dept: 'jt',
    lifeEvents: ['construction'],
    persons: true,
    conditions: '经批准占用或者挖掘城市道路，需要延长时间的，在原许可期限届满前提前办理变更审批手续。',
    materials: [
      material('original_permit', '原许可决定书', {
        source: 'issued_by_government',
        notes: '由审批系统调取。',
      }),
      material('extension_reason', '延期理由说明及施工进度情况', { form: 'electronic' }),
    ],
    review: 2,
    decision: 1,
    what: '延期理由和现场施工进度',
    legalDays: 20,
    promisedDays: 3,
    faq: roadFaq,
    legalBases: [LAW.roadPermitChange],
    resultName: '城市道路占用（挖掘）延期决定书',
    sections: [UNIT, ['延期信息', ['permit_number', 'end_date', 'purpose']]],
    required: [...UNIT_REQUIRED, 'permit_number', 'end_date', 'purpose'],
  }),
];

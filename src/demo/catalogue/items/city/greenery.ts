/** 园林绿化: 临时占用城市绿地, 城市树木移植、砍伐. */
import { basicCode } from '../../common.js';
import { LAW } from '../../laws.js';
import { material, siteLayout } from '../../materials.js';
import type { Entry } from '../../types.js';
import { inspection, UNIT, UNIT_REQUIRED, PLACE, unitMaterials, city } from './shared.js';

const TREES = basicCode('licensing', 74);

export const GREENERY_ITEMS: Entry[] = [
  city({
    code: basicCode('licensing', 73),
    name: '临时占用城市绿地审批',
    kind: 'licensing',
    dept: 'yl',
    lifeEvents: ['construction', 'city_appearance'],
    conditions:
      '因建设或者其他特殊需要临时占用城市绿化用地；占用期限一般不超过一年，期满及时清场退地、恢复绿地；按规定缴纳临时占用绿地补偿费。',
    materials: [
      ...unitMaterials(),
      siteLayout('占用绿地位置图、面积测量图和现状照片（含树木情况）。'),
      material('restoration_plan', '绿地恢复方案', { form: 'electronic' }),
    ],
    review: 8,
    decision: 2,
    what: '占用必要性、面积、期限和恢复方案',
    special: [inspection('拟占用绿地的植被和树木状况')],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '占用绿地要交钱吗？',
        answer: '按本市规定缴纳临时占用绿地补偿费（补偿性收费，另行核定），专用于绿化建设和恢复。',
      },
      {
        question: '能占用公园绿地吗？',
        answer: '公园绿地原则上不得占用；确需占用的按本市规定报有权机关审批。',
      },
    ],
    legalBases: [LAW.greenSpaceOccupation, LAW.licensingTime],
    resultName: '临时占用城市绿地审批决定书',
    sections: [UNIT, PLACE, ['占用说明', ['purpose']]],
    required: [
      ...UNIT_REQUIRED,
      'location_description',
      'area_square_meters',
      'start_date',
      'end_date',
      'purpose',
    ],
  }),
  city({
    code: TREES,
    name: '城市树木移植、砍伐审批',
    kind: 'licensing',
    dept: 'yl',
    lifeEvents: ['construction', 'city_appearance'],
    conditions: '因建设、严重影响居住安全等原因确需移植或砍伐城市树木的，见各办理项；古树名木不得砍伐。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: [
      {
        question: '自家院里的树能砍吗？',
        answer:
          '城市树木（含单位和居民庭院内的树木）砍伐均须经园林绿化部门批准，并补植树木或采取其他补救措施。',
      },
    ],
    legalBases: [LAW.treeFelling],
    resultName: '树木移植（砍伐）审批决定书',
    sections: [],
    required: [],
  }),
  ...(['移植', '砍伐'] as const).map((what, i) =>
    city({
      code: basicCode('licensing', 74, i + 1),
      parent: TREES,
      situation: 'new',
      name: `城市树木${what}审批`,
      kind: 'licensing',
      dept: 'yl',
      lifeEvents: ['construction', 'city_appearance'],
      persons: true,
      conditions:
        what === '移植'
          ? '因城市建设或者严重影响居住安全确需移植树木；有移植地点和养护方案，确保成活。'
          : '树木严重影响居住安全或采光、危及建筑物和管线安全、已死亡或病虫害严重等，确需砍伐；按规定补植树木或采取其他补救措施。',
      materials: [
        ...unitMaterials(),
        siteLayout('树木位置图、现状照片（每株）。'),
        material(
          what === '移植' ? 'transplant_plan' : 'replanting_plan',
          what === '移植' ? '移植方案（移植地点、养护措施）' : '补植方案',
          { form: 'electronic' },
        ),
        material('owner_consent', '树木权属单位或管护单位意见', {
          notes: '居住区树木需征求业主或物业意见。',
        }),
      ],
      review: 8,
      decision: 2,
      what: `${what}理由、株数和${what === '移植' ? '移植养护' : '补植'}方案`,
      special: [
        inspection(`拟${what}树木的位置、树种、胸径和生长状况`),
        {
          kind: 'publicity',
          name: '现场公示',
          days: 5,
          description: `在${what}现场公示原因和株数，接受公众监督，不少于5个工作日。`,
        },
      ],
      legalDays: 20,
      promisedDays: 12,
      faq: [
        { question: `${what}树木要公示吗？`, answer: `审批前在现场公示${what}原因和株数，不少于5个工作日。` },
        {
          question: '可以自己找人施工吗？',
          answer: '取得批准后由具备相应能力的绿化施工单位按技术规范实施。',
        },
      ],
      legalBases: [LAW.treeFelling, LAW.licensingTime, LAW.licensingSpecialSteps],
      resultName: `城市树木${what}审批决定书`,
      sections: [UNIT, ['树木信息', ['location_description', 'tree_count', 'tree_species', 'purpose']]],
      required: [...UNIT_REQUIRED, 'location_description', 'tree_count', 'tree_species', 'purpose'],
    }),
  ),
];

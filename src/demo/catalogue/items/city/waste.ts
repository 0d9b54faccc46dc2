/** 城市建筑垃圾处置核准: 排放（消纳）, 运输. */
import { basicCode } from '../../common.js';
import { LAW } from '../../laws.js';
import { material } from '../../materials.js';
import type { Entry } from '../../types.js';
import { UNIT, UNIT_REQUIRED, unitMaterials, city } from './shared.js';

const WASTE = basicCode('licensing', 75);

export const WASTE_ITEMS: Entry[] = [
  city({
    code: WASTE,
    name: '城市建筑垃圾处置核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions: '处置建筑垃圾的单位（排放、运输、消纳），见各办理项。',
    materials: [],
    review: 0,
    decision: 0,
    what: '',
    legalDays: 20,
    promisedDays: 0,
    faq: [
      {
        question: '装修垃圾需要办理吗？',
        answer: '居民家庭装修垃圾按物业或社区指定地点投放，由有资质单位清运，无需个人申请核准。',
      },
    ],
    legalBases: [LAW.constructionWaste],
    resultName: '建筑垃圾处置核准文件',
    sections: [],
    required: [],
  }),
  city({
    code: basicCode('licensing', 75, 1),
    parent: WASTE,
    situation: 'new',
    name: '建筑垃圾排放（消纳）核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions: '建设单位、施工单位在工程开工前，已与具备资质的运输企业签订运输合同，并明确合规的消纳场所。',
    materials: [
      ...unitMaterials(),
      material('waste_plan', '建筑垃圾处置方案', {
        form: 'electronic',
        notes: '写明产生量、分类、运输路线和消纳场所。',
      }),
      material('transport_contract', '与运输企业签订的运输合同', { form: 'copy' }),
      material('disposal_agreement', '与消纳场所签订的消纳协议', { form: 'copy' }),
    ],
    review: 5,
    decision: 2,
    what: '处置方案、运输企业资质和消纳场所',
    legalDays: 20,
    promisedDays: 10,
    faq: [{ question: '核准文件有效期多久？', answer: '按工程施工期限核定，工程延期的应办理变更。' }],
    legalBases: [LAW.constructionWaste, LAW.licensingTime],
    resultName: '建筑垃圾排放（消纳）核准文件',
    sections: [
      UNIT,
      [
        '工程信息',
        ['project_name', 'location_description', 'waste_volume', 'disposal_site', 'start_date', 'end_date'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'location_description',
      'waste_volume',
      'disposal_site',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 75, 2),
    parent: WASTE,
    situation: 'new',
    name: '建筑垃圾运输核准',
    kind: 'licensing',
    dept: 'cgw',
    lifeEvents: ['construction'],
    conditions:
      '从事建筑垃圾运输的企业；运输车辆全密闭、安装卫星定位装置，取得道路运输经营许可；有固定的停车场所。',
    materials: [
      ...unitMaterials(),
      material('road_transport_license', '道路运输经营许可证', {
        source: 'certificate',
        sourceReference: '道路运输经营许可证电子证照',
        notes: '由电子证照调取。',
      }),
      material('vehicle_list', '运输车辆清单及行驶证', {
        form: 'electronic',
        notes: '车辆密闭和卫星定位装置情况。',
      }),
    ],
    review: 5,
    decision: 2,
    what: '运输企业资质和车辆条件',
    legalDays: 20,
    promisedDays: 10,
    faq: [
      {
        question: '运输时要随车携带什么？',
        answer: '随车携带建筑垃圾处置核准文件，按规定的路线和时间运行，不得丢弃、遗撒。',
      },
    ],
    legalBases: [LAW.constructionWaste, LAW.constructionWasteTransport],
    resultName: '建筑垃圾运输核准文件及车辆标识',
    sections: [UNIT, ['运输信息', ['vehicle_count', 'start_date', 'end_date']]],
    required: [...UNIT_REQUIRED, 'vehicle_count', 'start_date', 'end_date'],
  }),
];

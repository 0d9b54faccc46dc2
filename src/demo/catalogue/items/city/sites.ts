/** 工程建设 and 经营场所: 夜间施工证明, 污水排入排水管网许可, 门前三包, 经营性停车设施备案, 油烟净化设施登记. */
import { basicCode } from '../../common.js';
import { LAW } from '../../laws.js';
import { businessLicense, material } from '../../materials.js';
import type { Entry } from '../../types.js';
import { SHOP, SHOP_REQUIRED } from '../business/shared.js';
import { inspection, UNIT, UNIT_REQUIRED, unitMaterials, city } from './shared.js';

export const SITE_ITEMS: Entry[] = [
  city({
    code: basicCode('other_power', 76),
    name: '夜间施工证明',
    kind: 'other_power',
    dept: 'zj',
    lifeEvents: ['construction'],
    conditions:
      '在噪声敏感建筑物集中区域，因抢修、抢险或生产工艺要求、其他特殊需要必须夜间（22:00至次日6:00）连续施工作业的建设工程；取得证明后在施工现场显著位置公示并公告附近居民。',
    materials: [
      ...unitMaterials(),
      material('construction_permit', '建筑工程施工许可证', {
        source: 'certificate',
        sourceReference: '建筑工程施工许可证电子证照',
        notes: '由电子证照调取。',
      }),
      material('noise_measures', '夜间施工降噪措施方案', { form: 'electronic' }),
      material('process_proof', '连续施工工艺要求说明', {
        condition: '因生产工艺要求连续施工的',
        form: 'electronic',
      }),
    ],
    review: 1,
    decision: 1,
    what: '夜间连续施工的必要性和降噪措施',
    legalDays: 5,
    promisedDays: 2,
    faq: [
      {
        question: '抢修抢险也要先办证明吗？',
        answer: '抢修、抢险作业可先行施工，事后及时补办并公告附近居民。',
      },
      { question: '证明有效期多长？', answer: '按申请的施工时段核定，一般不超过施工工序所需时间。' },
    ],
    legalBases: [LAW.nightConstruction],
    resultName: '夜间施工证明',
    sections: [
      UNIT,
      [
        '施工信息',
        ['project_name', 'location_description', 'night_reason', 'night_hours', 'start_date', 'end_date'],
      ],
    ],
    required: [
      ...UNIT_REQUIRED,
      'project_name',
      'location_description',
      'night_reason',
      'night_hours',
      'start_date',
      'end_date',
    ],
  }),
  city({
    code: basicCode('licensing', 77),
    name: '城镇污水排入排水管网许可',
    kind: 'licensing',
    dept: 'sw',
    lifeEvents: ['business_operation', 'construction'],
    persons: true,
    conditions:
      '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水的；排水水质符合国家和本市排放标准；按规定建设预处理设施（餐饮单位设置隔油池）。',
    materials: [
      ...unitMaterials(),
      material('drainage_plan', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明', {
        form: 'electronic',
      }),
      material('pretreatment', '预处理设施说明', {
        condition: '按规定需要建设预处理设施的',
        form: 'electronic',
        notes: '餐饮单位提交隔油池设置情况。',
      }),
      material('water_quality_report', '排水水质检测报告', {
        condition: '排放工业废水或医疗污水的',
        form: 'copy',
      }),
    ],
    review: 8,
    decision: 2,
    what: '排水水质、水量和预处理设施',
    special: [inspection('排水户排水设施和接管位置', 5)],
    legalDays: 20,
    promisedDays: 12,
    faq: [
      {
        question: '小餐馆也要办排水许可吗？',
        answer:
          '向城镇排水设施排放污水的餐饮个体工商户属于排水户，应当申请；本市对部分小型排水户实行告知承诺。',
      },
      { question: '许可证有效期多久？', answer: '排水许可证有效期为5年。' },
    ],
    legalBases: [LAW.drainagePermit, LAW.licensingTime],
    resultName: '《城镇污水排入排水管网许可证》',
    sections: [UNIT, ['排水信息', ['business_address', 'drainage_type', 'daily_discharge']]],
    required: [...UNIT_REQUIRED, 'business_address', 'drainage_type', 'daily_discharge'],
  }),
  city({
    code: basicCode('filing', 78),
    name: '门前三包责任书签订',
    kind: 'filing',
    dept: 'cgw',
    lifeEvents: ['business_start', 'city_appearance'],
    persons: true,
    conditions:
      '临街的机关、团体、企业事业单位、个体工商户等责任人，对门前责任区承担包环境卫生、包秩序、包绿化的责任；新开业的临街商户在开业时签订责任书。',
    materials: [
      material('responsibility_agreement', '《门前三包责任书》', { notes: '在线签署或在街道城管科签署。' }),
      businessLicense(),
    ],
    review: 0,
    decision: 0,
    what: '责任区范围',
    legalDays: 0,
    promisedDays: 0,
    place: '所在地街道办事处城市管理办公室；北京市政务服务网',
    faq: [
      {
        question: '门前三包包什么？',
        answer:
          '包环境卫生（清扫保洁、垃圾分类投放）、包秩序（不乱摆卖、不乱堆物）、包绿化（爱护门前绿地树木）。',
      },
      {
        question: '不履行责任会怎样？',
        answer: '由城市管理综合执法部门责令改正，依照《北京市市容环境卫生条例》处理。',
      },
    ],
    legalBases: [LAW.beijingFrontage],
    resultName: '门前三包责任书',
    sections: [SHOP, ['责任区', ['location_description']]],
    required: [...SHOP_REQUIRED, 'location_description'],
  }),
  city({
    code: basicCode('filing', 79),
    name: '经营性停车设施备案',
    kind: 'filing',
    dept: 'jt',
    lifeEvents: ['business_operation'],
    conditions:
      '在本区从事经营性停车服务的经营者，取得营业执照后办理备案；停车设施符合设置标准，公示收费标准和监督电话，接入本市停车资源平台。',
    materials: [
      ...unitMaterials(),
      material('parking_layout', '停车场平面布局图（标注泊位、出入口）', { form: 'electronic' }),
      material('site_right', '场地权属证明或租赁协议', { form: 'copy' }),
      material('management_rules', '停车管理制度和应急预案', { form: 'electronic' }),
    ],
    review: 3,
    decision: 1,
    what: '停车设施条件和备案信息',
    special: [inspection('停车场设施、标志标线和收费公示')],
    legalDays: 10,
    promisedDays: 5,
    faq: [
      {
        question: '备案后信息变化怎么办？',
        answer: '泊位数、收费标准等备案事项变化的，应当在变化后办理备案变更。',
      },
    ],
    legalBases: [LAW.beijingParking],
    resultName: '经营性停车设施备案回执',
    sections: [UNIT, ['停车场信息', ['business_address', 'parking_type', 'parking_spaces']]],
    required: [...UNIT_REQUIRED, 'business_address', 'parking_type', 'parking_spaces'],
  }),
  city({
    code: basicCode('filing', 80),
    name: '餐饮服务单位油烟净化设施登记',
    kind: 'filing',
    dept: 'sthj',
    lifeEvents: ['business_operation', 'city_appearance'],
    persons: true,
    conditions:
      '排放油烟的餐饮服务经营者，安装油烟净化设施并保持正常使用，定期清洗维护；不得在居民住宅楼、未配套设立专用烟道的商住综合楼等新建产生油烟的餐饮项目。',
    materials: [
      material('purifier_info', '油烟净化设施型号、处理能力和检测报告', { form: 'electronic' }),
      material('maintenance_contract', '油烟净化设施清洗维护合同或记录', { form: 'copy' }),
      businessLicense(),
    ],
    review: 2,
    decision: 1,
    what: '油烟净化设施与排放要求',
    legalDays: 10,
    promisedDays: 3,
    place: '北京市生态环境局东城分局（illustrative）；北京市政务服务网',
    faq: [
      {
        question: '油烟净化设施多久清洗一次？',
        answer: '按本市餐饮业大气污染物排放标准和设备说明定期清洗维护，保存记录备查。',
      },
    ],
    legalBases: [LAW.cookingFumes],
    resultName: '油烟净化设施登记回执',
    sections: [SHOP, ['设施信息', ['purifier_model', 'purifier_efficiency', 'stoves']]],
    required: [...SHOP_REQUIRED, 'purifier_model', 'stoves'],
  }),
];

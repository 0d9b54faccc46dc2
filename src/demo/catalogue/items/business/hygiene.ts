/** 公共场所卫生许可: new and renewal. */
import { basicCode, item, step, steps } from '../../common.js';
import { DELIVERY, NO_FORM, choice, form } from '../../fields.js';
import { LAW } from '../../laws.js';
import { businessLicense, legalRepresentativeId, material } from '../../materials.js';
import { own } from './shared.js';

const HYGIENE = basicCode('licensing', 63);
const hygieneBase = {
  kind: 'licensing' as const,
  dept: 'wjw' as const,
  lifeEvents: ['business_operation'],
  subjects: ['legal_person' as const],
  place: '东城区政务服务中心一层市场准入准营服务专区（卫生健康窗口）；东城区卫生健康监督所',
  channels: ['online' as const, 'hall' as const],
  deliveryMethods: ['online' as const, 'pickup' as const, 'post' as const],
  faq: [
    {
      question: '开饭馆需要办公共场所卫生许可证吗？',
      answer:
        '不需要。国务院2016年已取消饭馆、咖啡馆、酒吧、茶座4类公共场所卫生许可；宾馆、美容美发、游泳场所、沐浴场所等仍需办理。',
    },
    {
      question: '可以告知承诺办理吗？',
      answer: '可以。申请人承诺符合卫生要求的，当场作出许可决定，事后核查。',
    },
  ],
  legalBases: [LAW.publicPlaceHygiene, LAW.licensingTime],
};
const hygieneForm = (extra: [string, string[]], required: string[]) =>
  form(
    [
      [
        '经营主体',
        ['entity_name', 'credit_code', 'legal_representative', 'business_address', 'contact_phone'],
      ],
      extra,
      DELIVERY,
    ],
    [
      'entity_name',
      'credit_code',
      'legal_representative',
      'business_address',
      'contact_phone',
      'result_delivery',
      ...required,
    ],
    {
      ...own,
      venue_type: choice('公共场所类别', [
        '住宿场所',
        '沐浴场所',
        '美容美发场所',
        '游泳场所',
        '影剧院、歌舞厅等文化娱乐场所',
        '商场（店）',
        '候车（机、船）室',
      ]),
    },
  );

export const hygieneMain = item({
  ...hygieneBase,
  code: HYGIENE,
  name: '公共场所卫生许可',
  conditions: '经营住宿、沐浴、美容美发、游泳等公共场所的经营单位，见各办理项。',
  materials: [],
  steps: [step('acceptance', '受理', 0, '按办理项受理。')],
  legalDays: 20,
  promisedDays: 5,
  onlineDepth: 4,
  resultName: '《公共场所卫生许可证》',
  form: NO_FORM,
});

export const hygieneNew = item({
  ...hygieneBase,
  code: basicCode('licensing', 63, 1),
  parent: HYGIENE,
  situation: 'new',
  name: '公共场所卫生许可（新办）',
  conditions:
    '已取得营业执照；经营场所选址、设计和布局符合卫生标准和规范要求；具有与经营规模相适应的卫生设施；从业人员持有效健康合格证明；具有卫生管理制度和卫生管理人员。',
  materials: [
    material('hygiene_application', '《公共场所卫生许可申请表》', {
      notes: '在线填写。',
    }),
    businessLicense(),
    legalRepresentativeId(),
    material('layout_plan', '公共场所地址方位示意图、平面图和卫生设施平面布局图', { form: 'electronic' }),
    material('hygiene_testing_report', '公共场所卫生检测或者评价报告', {
      condition: '不选择告知承诺方式的',
      form: 'copy',
      notes: '具有资质的检测机构出具。',
    }),
  ],
  steps: steps.standard(3, 1, 1, '卫生设施、管理制度和检测报告'),
  specialSteps: [
    {
      kind: 'site_inspection',
      name: '现场审查',
      days: 5,
      description: '卫生监督员对营业场所卫生条件进行现场审查（不计入办理时限）。',
    },
  ],
  legalDays: 20,
  promisedDays: 5,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  resultName: '《公共场所卫生许可证》',
  form: hygieneForm(
    ['场所信息', ['venue_type', 'premises_area', 'employees']],
    ['venue_type', 'premises_area'],
  ),
});

export const hygieneRenewal = item({
  ...hygieneBase,
  code: basicCode('licensing', 63, 2),
  parent: HYGIENE,
  situation: 'renewal',
  name: '公共场所卫生许可（延续）',
  conditions: '公共场所卫生许可证有效期满需继续经营的，在有效期届满30日前提出延续申请。',
  materials: [
    material('hygiene_renewal_application', '《公共场所卫生许可延续申请表》', {
      notes: '在线填写。',
    }),
    material('hygiene_license', '《公共场所卫生许可证》', {
      source: 'certificate',
      sourceReference: '公共场所卫生许可证电子证照',
      notes: '由电子证照调取。',
    }),
  ],
  steps: steps.standard(1, 1, 1, '卫生条件是否变化'),
  legalDays: 20,
  promisedDays: 3,
  onlineDepth: 4,
  visits: { online: 0, hall: 1 },
  resultName: '《公共场所卫生许可证》（延续）',
  form: hygieneForm(['场所信息', ['venue_type']], ['venue_type']),
});

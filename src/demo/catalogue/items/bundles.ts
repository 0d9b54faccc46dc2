/**
 * 一件事一次办 bundles (国办发〔2024〕3号 first batch: 新生儿出生, 开办餐饮店): one form that is the
 * union of the children's fields (asked once), one set of materials, one acceptance. 公共场所卫生许可
 * is not a child of 开办餐饮店: the State Council cancelled it for 饭馆、咖啡馆、酒吧、茶座 in 2016.
 */
import { basicCode, item, step } from '../common.js';
import type { Entry, FieldHint, Form, Material } from '../types.js';
import { foodNew } from './business/food.js';
import { individualSetup } from './business/individual.js';
import { signage } from './city/signs.js';
import { birthCertificate, vaccinationCertificate } from './residence/birth.js';
import { birthRegistration } from './residence/household.js';
import { newbornCard } from './welfare/card.js';
import { newbornMedical } from './welfare/medical.js';

/** The union of the children's forms: each child's new fields as one section under its name. */
export function unionForm(children: Entry[]): Form {
  const properties: Record<string, unknown> = {};
  const hints: Record<string, FieldHint> = {};
  const required = new Set<string>();
  const sections: { title: string; fields: string[] }[] = [];
  for (const child of children) {
    const schema = child.form.schema as { properties: Record<string, unknown>; required: string[] };
    const fresh = child.form.layout.sections.flatMap((s) => s.fields).filter((name) => !(name in properties));
    for (const name of fresh) {
      properties[name] = schema.properties[name];
      const hint = child.form.layout.fields[name];
      if (hint) hints[name] = hint;
    }
    for (const name of schema.required) required.add(name);
    if (fresh.length > 0) sections.push({ title: child.name, fields: fresh });
  }
  return {
    schema: { type: 'object', properties, required: [...required], additionalProperties: false },
    layout: { sections, fields: hints },
  };
}

/** One set of materials: the union by key (the first child's wording wins). */
function unionMaterials(children: Entry[]): Material[] {
  const byKey = new Map<string, Material>();
  for (const child of children)
    for (const m of child.guide.materials) if (!byKey.has(m.key)) byKey.set(m.key, m);
  return [...byKey.values()];
}

const newbornChildren = [
  birthCertificate,
  vaccinationCertificate,
  birthRegistration,
  newbornMedical,
  newbornCard,
];
const restaurantChildren = [individualSetup, foodNew, signage];

const newborn = item({
  code: basicCode('public_service', 90),
  name: '新生儿出生一件事',
  kind: 'public_service',
  dept: 'wjw',
  lifeEvents: ['birth'],
  subjects: ['person'],
  conditions:
    '在本市助产机构出生、父母一方为本市户籍或持有本市居住证的新生儿，由父母一次申请，联办出生医学证明、预防接种证、户口登记、城乡居民医保参保登记和社会保障卡申领。',
  materials: unionMaterials(newbornChildren),
  steps: [
    step('acceptance', '一次受理', 0, '一张表单、一套材料，由综合窗口或网上一次受理，分送各部门。'),
    step('parallel', '并联办理', 13, '卫生健康、公安、医保、人力社保部门并联办理各子事项。'),
    step('completion', '统一办结', 2, '各子事项办结后统一反馈，结果分别送达。'),
  ],
  legalDays: 20,
  promisedDays: 15,
  place: '北京市政务服务网“新生儿出生一件事”专区；东城区政务服务中心二层社会事务综合窗口；出生医院',
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'post', 'pickup'],
  onlineDepth: 4,
  faq: [
    {
      question: '一件事和分别办理有什么区别？',
      answer: '只需填一张表、交一套材料，出生医学证明、落户、医保参保、社保卡等由部门之间流转，不用分别跑。',
    },
    {
      question: '能只办其中几项吗？',
      answer: '可以，在申请时勾选需要办理的事项；已办理的事项系统自动跳过。',
    },
  ],
  legalBases: newbornChildren
    .flatMap((c) => c.guide.legalBases)
    .filter((b, i, all) => all.findIndex((o) => o.law === b.law && o.article === b.article) === i),
  resultName: '出生医学证明、预防接种证、户口簿（新生儿页）、医保参保信息、社会保障卡',
  form: unionForm(newbornChildren),
  bundleCodes: newbornChildren.map((c) => c.basicCode),
});

const restaurant = item({
  code: basicCode('public_service', 91),
  name: '开办餐饮店一件事',
  kind: 'public_service',
  dept: 'sj',
  lifeEvents: ['business_start', 'business_operation'],
  subjects: ['person', 'legal_person'],
  conditions:
    '在东城区开办餐饮店（个体工商户），一次申请联办个体工商户设立登记、食品经营许可和户外招牌设置；经营场所符合食品安全和市容要求。饭馆不需要公共场所卫生许可（国务院2016年取消）；向城镇排水设施排放污水的另行申请排水许可。',
  materials: unionMaterials(restaurantChildren),
  steps: [
    step('acceptance', '一次受理', 0, '市场准入准营服务专区一窗受理，表单和材料一次提交。'),
    step('parallel', '并联办理', 4, '营业执照先行核发，食品经营许可与招牌告知承诺并联办理。'),
    step('completion', '统一办结', 1, '统一出件，营业执照和许可证可一并邮寄。'),
  ],
  specialSteps: [
    {
      kind: 'site_inspection',
      name: '联合现场核查',
      days: 5,
      description: '市场监管和城市管理部门一次联合到场核查经营场所和招牌（不计入办理时限）。',
    },
  ],
  legalDays: 13,
  promisedDays: 5,
  place: '东城区政务服务中心一层市场准入准营服务专区；北京市企业服务e窗通平台',
  channels: ['online', 'hall'],
  visits: { online: 0, hall: 1 },
  deliveryMethods: ['online', 'post', 'pickup'],
  onlineDepth: 4,
  faq: [
    {
      question: '需要先拿到营业执照再申请食品经营许可吗？',
      answer: '一件事中一次提交，营业执照核发后系统自动推送至食品经营许可审批，无需再次申请。',
    },
    {
      question: '要办公共场所卫生许可证吗？',
      answer: '饭馆、咖啡馆、酒吧、茶座不需要办理公共场所卫生许可证。',
    },
  ],
  legalBases: restaurantChildren
    .flatMap((c) => c.guide.legalBases)
    .filter((b, i, all) => all.findIndex((o) => o.law === b.law && o.article === b.article) === i),
  resultName: '营业执照、《食品经营许可证》、牌匾标识设置告知承诺确认',
  form: unionForm(restaurantChildren),
  bundleCodes: restaurantChildren.map((c) => c.basicCode),
});

export const BUNDLE_ITEMS: Entry[] = [newborn, restaurant];

/**
 * Catalogue search at scale (issue #13 §6: p95 < 50 ms with 5,000 items): a catalogue of N published
 * items with Chinese names, aliases and guides built from a district's vocabulary, written in bulk
 * (the search columns computed by the catalogue's own searchTextOf / maxVisits), then the public
 * search (src/catalogue/search.ts) timed on typical citizens' queries, alone and with filters.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { maxVisits, searchItems, type SearchFilter } from '../src/catalogue/index.js';
import { searchTextOf } from '../src/catalogue/search-text.js';
import type { ItemKind, ServiceGuide } from '../src/catalogue/model.js';
import { createDepartment } from '../src/departments/index.js';
import { systemContext } from '../src/shared/context.js';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../src/shared/codes/index.js';

const OBJECTS = [
  '居住证',
  '生育登记',
  '城乡居民基本医疗保险',
  '最低生活保障',
  '临时救助',
  '残疾人证',
  '老年人优待证',
  '个体工商户',
  '食品经营许可证',
  '户外招牌',
  '城市道路占用',
  '临时占用绿地',
  '树木移伐',
  '建筑垃圾消纳',
  '夜间施工',
  '社会保障卡',
  '失业保险金',
  '就业创业证',
  '高龄津贴',
  '困难残疾人生活补贴',
  '独生子女父母奖励',
  '出生医学证明',
  '婚姻登记',
  '公共租赁住房',
  '住房公积金',
  '义务教育入学',
  '营业执照',
  '药品经营许可',
  '排水许可',
  '燃气经营许可',
  '殡葬补贴',
  '养老服务机构备案',
  '民办非企业单位',
  '社会团体',
  '慈善组织',
  '医疗机构执业',
  '卫生许可证',
  '广告设置',
  '停车场备案',
  '犬只登记',
];
const ACTIONS = [
  '申领',
  '核发',
  '变更',
  '延续',
  '注销',
  '补办',
  '登记',
  '备案',
  '审批',
  '认定',
  '发放',
  '给付',
];
const LIFE = [
  'birth',
  'schooling',
  'employment',
  'housing',
  'marriage',
  'social_security',
  'medical',
  'assistance',
  'disability',
  'elderly',
  'death',
  'residence',
  'business_start',
  'business_operation',
  'construction',
  'city_appearance',
  'business_closure',
];
const KINDS: ItemKind[] = ['licensing', 'confirmation', 'benefit', 'filing', 'other_power', 'public_service'];
const ALIASES: Record<string, string> = {
  最低生活保障: '低保',
  社会保障卡: '社保卡',
  城乡居民基本医疗保险: '居民医保',
  营业执照: '开办企业',
};

/** Typical queries: one or two words, names, aliases and guide words. */
export const CATALOGUE_QUERIES: SearchFilter[] = [
  { q: '居住证', limit: 20 },
  { q: '低保', limit: 20 },
  { q: '食品经营', limit: 20 },
  { q: '社保卡 补办', limit: 20 },
  { q: '残疾人', limit: 20 },
  { q: '营业执照 变更', limit: 20 },
  { q: '出生', limit: 20 },
  { q: '建筑垃圾', limit: 20 },
  { q: '身份证', limit: 20 },
  { q: '户外招牌设置', limit: 20 },
  { lifeEvent: 'birth', limit: 20 },
  { lifeEvent: 'elderly', subject: 'person', limit: 20 },
  { q: '许可', kind: 'licensing', limit: 20 },
  { q: '养老', channel: 'online', limit: 20 },
  { limit: 20 },
];

function creditCode(n: number): string {
  const body = `BK${String(n).padStart(6, '0')}`;
  const body17 = `11110101${body}${organizationCodeCheckChar(body)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

function guideOf(i: number, object: string, action: string): ServiceGuide {
  const legal = 20;
  return {
    subjects: i % 5 === 0 ? ['legal_person'] : ['person'],
    conditions: `申请${object}${action}应当符合《${object}管理办法》规定的条件，本区户籍居民或持有居住证的常住人口。`,
    materials: [
      {
        key: 'id_card',
        name: '居民身份证',
        form: 'original',
        copies: 1,
        required: true,
        condition: null,
        source: 'certificate',
        sourceReference: '111',
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      },
      {
        key: 'application',
        name: `${object}${action}申请表`,
        form: 'original',
        copies: 1,
        required: true,
        condition: null,
        source: 'applicant',
        sourceReference: null,
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      },
      {
        key: 'authorization',
        name: '授权委托书',
        form: 'original',
        copies: 1,
        required: false,
        condition: '委托他人代办的',
        source: 'applicant',
        sourceReference: null,
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      },
    ],
    steps: [
      { key: 'acceptance', name: '受理', days: 1, description: '' },
      { key: 'review', name: '审查', days: 2, description: '' },
      { key: 'decision', name: '决定', days: 2, description: '' },
    ],
    specialSteps: [],
    legalDays: legal,
    promisedDays: 5,
    acceptanceDays: 5,
    fee: { amount: 0, basis: null, description: '不收费' },
    place: '区政务服务中心',
    hours: '工作日 9:00-17:00',
    visits: i % 3 === 0 ? { online: 0 } : { online: 0, hall: 1 },
    channels: i % 3 === 0 ? ['online'] : ['online', 'hall'],
    deliveryMethods: ['pickup'],
    onlineDepth: 3,
    faq: [{ question: `${object}${action}需要多长时间？`, answer: '5 个工作日。' }],
    consultation: '12345',
    complaint: '12345',
    legalBases: [{ law: `《${object}管理办法》`, article: '第十条', text: '……', kind: 'setting' }],
    resultName: `${object}`,
  };
}

/** Writes `count` published items (in force since 2020) in chunks; returns how long it took. */
export async function seedCatalogue(db: Kysely<DB>, count: number): Promise<number> {
  const started = performance.now();
  const departments: number[] = [];
  for (let d = 0; d < 20; d++) {
    const created = await createDepartment(db, systemContext(), {
      name: `检索基准部门${d + 1}-${process.pid}`,
      creditCode: creditCode(900_000 + d + (process.pid % 1000) * 20),
      kind: 'other',
    });
    departments.push(created.id);
  }
  const form = JSON.stringify({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { applicant_name: { type: 'string' } },
      required: ['applicant_name'],
    },
    layout: { sections: [{ title: '申请信息', fields: ['applicant_name'] }], fields: {} },
  });
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const items = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const object = OBJECTS[i % OBJECTS.length]!;
      const action = ACTIONS[Math.floor(i / OBJECTS.length) % ACTIONS.length]!;
      items.push({ i, object, action });
    }
    const rows = await db
      .insertInto('catalogue_items')
      .values(
        items.map(({ i }) => ({
          basic_code: `B${process.pid % 1000}${String(i).padStart(6, '0')}`.slice(0, 10),
          implementation_code: `BENCH-${process.pid}-${i}`,
          kind: KINDS[i % KINDS.length]!,
          level: 'main',
          parent_id: null,
          situation: null,
          department_id: departments[i % departments.length]!,
          implementing_org_credit_code: creditCode(i + 1),
          competent_department: '区政府',
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('catalogue_item_versions')
      .values(
        items.map(({ i, object, action }, k) => {
          const guide = guideOf(i, object, action);
          const name = `${object}${action}${i >= OBJECTS.length * ACTIONS.length ? `（${Math.floor(i / (OBJECTS.length * ACTIONS.length)) + 1}）` : ''}`;
          const aliases = ALIASES[object] ? [ALIASES[object]] : [];
          const lifeEvents = [LIFE[i % LIFE.length]!, LIFE[(i * 7) % LIFE.length]!].filter(
            (v, j, a) => a.indexOf(v) === j,
          );
          return {
            item_id: rows[k]!.id,
            number: 1,
            state: 'published',
            valid_from: '2020-01-01',
            valid_to: null,
            name,
            aliases,
            life_events: lifeEvents,
            subjects: guide.subjects,
            channels: guide.channels,
            max_visits: maxVisits(guide),
            guide: JSON.stringify(guide),
            form,
            bundle_item_ids: [],
            source: null,
            search_text: searchTextOf({ name, aliases, lifeEvents, guide }),
            published_at: new Date(),
          };
        }),
      )
      .execute();
  }
  await sql`analyze catalogue_items`.execute(db);
  await sql`analyze catalogue_item_versions`.execute(db);
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Runs every query `rounds` times (after one warm-up round); p50 / p95 / max in ms and the hit counts. */
export async function measureCatalogueSearch(
  db: Kysely<DB>,
  rounds: number,
): Promise<{ p50: number; p95: number; max: number; samples: number; hits: Record<string, number> }> {
  const today = '2026-06-01';
  const hits: Record<string, number> = {};
  for (const q of CATALOGUE_QUERIES) hits[JSON.stringify(q)] = (await searchItems(db, q, today)).items.length;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of CATALOGUE_QUERIES) {
      const started = performance.now();
      await searchItems(db, q, today);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    samples: times.length,
    hits,
  };
}

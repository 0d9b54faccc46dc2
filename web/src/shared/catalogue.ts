/**
 * The service catalogue (政务服务事项) as the web reads it: the shapes of the public item page and
 * search (docs/api/services.md), their words in both languages, and the public calls. Shared by
 * the desktop guide, the phone guide and the catalogue editor; no antd, so the phone stays small.
 *
 * The word lists restate src/catalogue/model.ts: ESLint lets web/src import only a few server
 * files, and a catalogue word the server adds shows here as its slug until it gets a label.
 */
import { api, type Page } from './api.js';
import { defineMessages, getLang, type Lang } from './i18n.js';

export type ItemKind =
  | 'licensing'
  | 'confirmation'
  | 'adjudication'
  | 'benefit'
  | 'reward'
  | 'filing'
  | 'other_power'
  | 'public_service';
export type ItemLevel = 'main' | 'sub' | 'handling';
export type ItemSituation = 'new' | 'change' | 'renewal' | 'cancellation' | 'other';
export type SubjectKind = 'person' | 'legal_person';
export type Channel = 'online' | 'hall' | 'self_service' | 'hotline' | 'post';
export type VersionState = 'draft' | 'published' | 'retired';
export type MaterialForm = 'original' | 'copy' | 'electronic';
export type MaterialSource = 'applicant' | 'issued_by_government' | 'sharing' | 'certificate';
export type SpecialStepKind = 'site_inspection' | 'expert_review' | 'publicity' | 'hearing' | 'testing';
export type DeliveryMethod = 'pickup' | 'post' | 'online';

export const ITEM_KINDS: readonly ItemKind[] = [
  'licensing',
  'confirmation',
  'adjudication',
  'benefit',
  'reward',
  'filing',
  'other_power',
  'public_service',
];
export const ITEM_LEVELS: readonly ItemLevel[] = ['main', 'sub', 'handling'];
export const SITUATIONS: readonly ItemSituation[] = ['new', 'change', 'renewal', 'cancellation', 'other'];
export const SUBJECTS: readonly SubjectKind[] = ['person', 'legal_person'];
export const CHANNELS: readonly Channel[] = ['online', 'hall', 'self_service', 'hotline', 'post'];
export const MATERIAL_FORMS: readonly MaterialForm[] = ['original', 'copy', 'electronic'];
export const MATERIAL_SOURCES: readonly MaterialSource[] = [
  'applicant',
  'issued_by_government',
  'sharing',
  'certificate',
];
export const SPECIAL_STEP_KINDS: readonly SpecialStepKind[] = [
  'site_inspection',
  'expert_review',
  'publicity',
  'hearing',
  'testing',
];
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['pickup', 'post', 'online'];
/** The life events offered as tiles, in the order a citizen's life meets them. */
export const LIFE_EVENTS = [
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
] as const;

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
  kind: 'setting' | 'implementing';
}

export interface Material {
  key: string;
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  condition: string | null;
  source: MaterialSource;
  sourceReference: string | null;
  sampleFileId?: string | null;
  blankFileId?: string | null;
  notes: string;
}

export interface ProcessStep {
  key: string;
  name: string;
  days: number;
  description: string;
}

export interface SpecialStep {
  kind: SpecialStepKind;
  name: string;
  days: number;
  description: string;
}

export interface Guide {
  subjects: SubjectKind[];
  conditions: string;
  materials: Material[];
  steps: ProcessStep[];
  specialSteps: SpecialStep[];
  legalDays: number;
  promisedDays: number;
  acceptanceDays: number;
  fee: { amount: number; basis: string | null; description: string };
  place: string;
  hours: string;
  visits: Partial<Record<Channel, number>>;
  channels: Channel[];
  deliveryMethods: DeliveryMethod[];
  onlineDepth: number;
  faq: { question: string; answer: string }[];
  consultation: string;
  complaint: string;
  legalBases: LegalBasis[];
  resultName: string;
  accountability?: { situations: string[]; basis: string };
}

export interface FieldHint {
  widget?: string;
  placeholder?: string;
  help?: string;
  prefill?: string;
}

export interface ApplicationForm {
  schema: Record<string, unknown>;
  layout: { sections: { title: string; fields: string[] }[]; fields: Record<string, FieldHint> };
}

export interface SearchHit {
  itemId: number;
  versionId: number;
  name: string;
  aliases: string[];
  basicCode: string;
  kind: ItemKind;
  kindLabel: string;
  departmentId: number;
  departmentName: string;
  lifeEvents: string[];
  subjects: SubjectKind[];
  channels: Channel[];
  maxVisits: number;
  atMostOneVisit: boolean;
  promisedDays: number;
  legalDays: number;
  onlineDepth: number;
  isBundle: boolean;
  applicable: boolean;
}

export interface Facets {
  lifeEvents: { value: string; label: string; count: number }[];
  departments: { value: number; label: string; count: number }[];
}

export interface PublicItem {
  itemId: number;
  versionId: number;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  name: string;
  aliases: string[];
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  kindLabel: string;
  level: ItemLevel;
  situation: ItemSituation | null;
  department: { id: number; name: string };
  implementingOrgCreditCode: string;
  competentDepartment: string;
  lifeEvents: { value: string; label: string }[];
  guide: Guide;
  form: ApplicationForm;
  atMostOneVisit: boolean;
  applicable: boolean;
  parent: { itemId: number; name: string } | null;
  children: { itemId: number; name: string; level: ItemLevel; situation: ItemSituation | null }[];
  bundleItems: { itemId: number; name: string; departmentName: string }[];
  publishedAt: string | null;
}

export interface ListTable {
  title: string;
  date: string;
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | null>[];
}

export const LIST_KINDS = ['power', 'responsibility', 'public-service', 'one-visit'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface SearchQuery {
  q?: string;
  lifeEvent?: string;
  departmentId?: number;
  subject?: SubjectKind;
  cursor?: string;
  limit?: number;
}

/** The public calls: no session needed, so both apps use the plain client. */
export const publicCatalogue = {
  search: (query: SearchQuery, signal?: AbortSignal) =>
    api.get<Page<SearchHit>>('/service-items', { limit: 20, ...query }, signal),
  facets: (signal?: AbortSignal) => api.get<Facets>('/service-items/facets', undefined, signal),
  item: (id: number, signal?: AbortSignal) => api.get<PublicItem>(`/service-items/${id}`, undefined, signal),
  list: (list: ListKind, signal?: AbortSignal) =>
    api.get<ListTable>(`/service-lists/${list}`, undefined, signal),
  listUrl: (list: ListKind, format: 'json' | 'csv' | 'xlsx') =>
    api.url(`/service-lists/${list}`, format === 'json' ? undefined : { format }),
};

/**
 * Where the citizen portal (its own pages) takes an application for an item: the same path in
 * both routers (the phone's is based at /m).
 */
export function applyPath(itemId: number): string {
  return `/services/apply/${itemId}`;
}

/** The catalogue's words in both languages. */
export const catalogueWords = defineMessages(
  {
    kind_licensing: '行政许可',
    kind_confirmation: '行政确认',
    kind_adjudication: '行政裁决',
    kind_benefit: '行政给付',
    kind_reward: '行政奖励',
    kind_filing: '行政备案',
    kind_other_power: '其他行政权力',
    kind_public_service: '公共服务',
    level_main: '主项',
    level_sub: '子项',
    level_handling: '办理项',
    situation_new: '新设',
    situation_change: '变更',
    situation_renewal: '延续',
    situation_cancellation: '注销',
    situation_other: '其他',
    subject_person: '个人',
    subject_legal_person: '法人',
    channel_online: '网上办理',
    channel_hall: '大厅办理',
    channel_self_service: '自助终端',
    channel_hotline: '12345热线',
    channel_post: '邮寄办理',
    state_draft: '草稿',
    state_published: '已发布',
    state_retired: '已废止',
    form_original: '原件',
    form_copy: '复印件',
    form_electronic: '电子',
    source_applicant: '申请人自备',
    source_issued_by_government: '政府部门核发',
    source_sharing: '由共享获取',
    source_certificate: '由电子证照获取',
    special_site_inspection: '现场勘查',
    special_expert_review: '专家评审',
    special_publicity: '公示',
    special_hearing: '听证',
    special_testing: '检验检测',
    delivery_pickup: '窗口领取',
    delivery_post: '邮寄送达',
    delivery_online: '网上送达',
    basis_setting: '设定依据',
    basis_implementing: '实施依据',
    event_birth: '生育',
    event_schooling: '上学',
    event_employment: '就业',
    event_housing: '住房',
    event_marriage: '婚姻',
    event_social_security: '社保',
    event_medical: '医疗',
    event_assistance: '社会救助',
    event_disability: '残疾人',
    event_elderly: '养老',
    event_death: '身后事',
    event_residence: '户籍居住',
    event_business_start: '开办企业',
    event_business_operation: '经营许可',
    event_construction: '工程建设',
    event_city_appearance: '市容环境',
    event_business_closure: '企业注销',
    list_power: '权力清单',
    list_responsibility: '责任清单',
    list_public_service: '公共服务事项清单',
    list_one_visit: '最多跑一次事项清单',
    depth_1: '一级（网上咨询）',
    depth_2: '二级（网上预审）',
    depth_3: '三级（网上受理）',
    depth_4: '四级（全程网办）',
  },
  {
    kind_licensing: 'Licensing',
    kind_confirmation: 'Confirmation',
    kind_adjudication: 'Adjudication',
    kind_benefit: 'Benefit',
    kind_reward: 'Reward',
    kind_filing: 'Filing',
    kind_other_power: 'Other power',
    kind_public_service: 'Public service',
    level_main: 'Main item',
    level_sub: 'Sub-item',
    level_handling: 'Handling item',
    situation_new: 'New',
    situation_change: 'Change',
    situation_renewal: 'Renewal',
    situation_cancellation: 'Cancellation',
    situation_other: 'Other',
    subject_person: 'Individuals',
    subject_legal_person: 'Organisations',
    channel_online: 'Online',
    channel_hall: 'Service hall',
    channel_self_service: 'Self-service kiosk',
    channel_hotline: '12345 hotline',
    channel_post: 'By post',
    state_draft: 'Draft',
    state_published: 'Published',
    state_retired: 'Retired',
    form_original: 'Original',
    form_copy: 'Copy',
    form_electronic: 'Electronic',
    source_applicant: 'Brought by the applicant',
    source_issued_by_government: 'Issued by a government office',
    source_sharing: 'Obtained through data sharing',
    source_certificate: 'Obtained as an e-certificate',
    special_site_inspection: 'Site inspection',
    special_expert_review: 'Expert review',
    special_publicity: 'Public notice',
    special_hearing: 'Hearing',
    special_testing: 'Testing',
    delivery_pickup: 'Pick-up at the window',
    delivery_post: 'By post',
    delivery_online: 'Online',
    basis_setting: 'Establishing basis',
    basis_implementing: 'Implementing basis',
    event_birth: 'Having a baby',
    event_schooling: 'Going to school',
    event_employment: 'Employment',
    event_housing: 'Housing',
    event_marriage: 'Marriage',
    event_social_security: 'Social insurance',
    event_medical: 'Health care',
    event_assistance: 'Social assistance',
    event_disability: 'Disability',
    event_elderly: 'Old age',
    event_death: 'After a death',
    event_residence: 'Residence',
    event_business_start: 'Starting a business',
    event_business_operation: 'Business permits',
    event_construction: 'Construction',
    event_city_appearance: 'City appearance',
    event_business_closure: 'Closing a business',
    list_power: 'List of powers',
    list_responsibility: 'List of responsibilities',
    list_public_service: 'List of public services',
    list_one_visit: 'At-most-one-visit list',
    depth_1: 'Level 1 (online enquiry)',
    depth_2: 'Level 2 (online pre-check)',
    depth_3: 'Level 3 (online acceptance)',
    depth_4: 'Level 4 (fully online)',
  },
);
type WordKey = Parameters<typeof catalogueWords.t>[0];

/** A catalogue word by its prefix and slug; an unknown slug shows as the server's label or itself. */
export function word(prefix: string, slug: string, lang: Lang = getLang(), fallback?: string): string {
  const key = `${prefix}_${slug.replace(/-/g, '_')}`;
  if (key in catalogueWords.zh) return catalogueWords.t(key as WordKey, undefined, lang);
  return fallback ?? slug;
}

/**
 * The server's reasons are written "中文 English" (承诺时限不得超过法定时限 the promised limit …):
 * the part in the reader's language, or the whole reason when it is in one language only.
 */
export function reasonIn(reason: string, lang: Lang = getLang()): string {
  const split = /^(.*[\u3000-\u9fff\uff00-\uffef][^a-zA-Z]*?)\s+([a-zA-Z(].*)$/.exec(reason);
  if (!split) return reason;
  return lang === 'en' ? split[2]! : split[1]!.trim();
}

/** 到现场次数 of the channel needing most; ≤ 1 is 最多跑一次 (src/catalogue/guide-validation.ts). */
export function maxVisits(guide: Pick<Guide, 'visits' | 'channels'>): number {
  return Math.max(0, ...guide.channels.map((c) => guide.visits[c] ?? 0));
}

/** How long a search waits for the typing to pause: short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 250;

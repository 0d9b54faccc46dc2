/**
 * 政务服务事项 — the shapes of a service item and its 办事指南 (guide), as the catalogue stores a
 * published version and as applications read it. Pure types and word lists, no I/O. Sources:
 * the shared digest services.md §1 (six basic elements, guide sections, GB/T 39046-2020 codes) and
 * docs/domain/service-catalogue.md.
 *
 * An item (事项) is the stable catalogue entry with its codes and place in the 主项 → 子项 →
 * 办理项 tree; everything an applicant relies on lives in a version (版本), which is frozen once
 * published: a change is a new version, and an application keeps the version it was made under.
 */

/** 事项类型 — the kinds of item in the national lists. */
export const ITEM_KINDS = [
  'licensing', // 行政许可
  'confirmation', // 行政确认
  'adjudication', // 行政裁决
  'benefit', // 行政给付
  'reward', // 行政奖励
  'filing', // 行政备案
  'other_power', // 其他行政权力
  'public_service', // 公共服务
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** 主项 / 子项 / 办理项: where an item sits in its tree. Only 办理项 (and items without children) are applied for. */
export const ITEM_LEVELS = ['main', 'sub', 'handling'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];

/** 办理情形 of a 办理项: 新设 / 变更 / 延续 / 注销, or another situation named in the guide. */
export const ITEM_SITUATIONS = ['new', 'change', 'renewal', 'cancellation', 'other'] as const;
export type ItemSituation = (typeof ITEM_SITUATIONS)[number];

/** 服务对象. */
export const SUBJECT_KINDS = ['person', 'legal_person'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** 办理渠道: 网上 / 大厅 / 自助 / 12345 / 邮寄. */
export const CHANNELS = ['online', 'hall', 'self_service', 'hotline', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 人生事件 (个人) and 企业生命周期 (法人) themes citizens browse by. Open list: a theme is a slug. */
export const LIFE_EVENTS = [
  'birth', // 生育
  'schooling', // 上学
  'employment', // 就业
  'housing', // 住房
  'marriage', // 婚姻
  'social_security', // 社保
  'medical', // 医疗
  'assistance', // 社会救助
  'disability', // 残疾人
  'elderly', // 养老
  'death', // 身后事
  'residence', // 户籍居住
  'business_start', // 开办企业
  'business_operation', // 经营许可
  'construction', // 工程建设
  'city_appearance', // 市容环境
  'business_closure', // 注销
] as const;

/** 版本状态: 草稿 → 已发布 (frozen) → 已废止. */
export const VERSION_STATES = ['draft', 'published', 'retired'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** 材料形式: 原件 / 复印件 / 电子. */
export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/**
 * 来源渠道 — where a material comes from. `sharing` (由共享获取) and `certificate` (由电子证照获取)
 * mean the government obtains it itself (国务院令第716号 Art. 7, 11); the certificates issue
 * uses them to skip the upload.
 */
export const MATERIAL_SOURCES = ['applicant', 'issued_by_government', 'sharing', 'certificate'] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];

/** 特殊环节: not counted in the time limit (行政许可法 Art. 45). */
export const SPECIAL_STEP_KINDS = [
  'site_inspection',
  'expert_review',
  'publicity',
  'hearing',
  'testing',
] as const;
export type SpecialStepKind = (typeof SPECIAL_STEP_KINDS)[number];

/** 送达方式 of the result. */
export const DELIVERY_METHODS = ['pickup', 'post', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** 设定和实施依据: a law or regulation, its article, and the article's text. */
export interface LegalBasis {
  /** e.g. 《居住证暂行条例》 */
  law: string;
  /** e.g. 第九条 */
  article: string;
  text: string;
  /** 设定依据 (creates the power) or 实施依据 (governs its exercise). */
  kind: 'setting' | 'implementing';
}

/** One 申请材料 of the guide. `key` is stable within an item across versions and names the upload slot. */
export interface MaterialRequirement {
  /** lower_snake_case, unique in the version; applications reference materials by it. */
  key: string;
  name: string;
  form: MaterialForm;
  copies: number;
  /** Required, or required only when `condition` holds (e.g. 委托他人代办的). */
  required: boolean;
  condition: string | null;
  source: MaterialSource;
  /** 电子证照类型代码 or 共享资源代码 when the government obtains it (the certificates issue). */
  sourceReference: string | null;
  /** File ids (catalogue_files) of the sample (样表) and the blank form (空白表格), if any. */
  sampleFileId: string | null;
  blankFileId: string | null;
  /** 填报须知 / 要求, shown beside the upload. */
  notes: string;
}

/** One step of 办理流程 as the department works it (受理 → 审查 → 决定 …). */
export interface ProcessStep {
  /** lower_snake_case, unique in the version: 'acceptance', 'review', 'decision', … */
  key: string;
  name: string;
  /** Working days this step may take, within the promised limit. */
  days: number;
  description: string;
}

/** A 特殊环节 with its own duration, which stops the item's clock while it runs. */
export interface SpecialStep {
  kind: SpecialStepKind;
  name: string;
  /** Its own limit in working days (专家评审 30 …). */
  days: number;
  description: string;
}

export interface Fee {
  /** Yuan, two decimals; 0 means free (不收费), `basis` then optionally citing the rule that makes it free. */
  amount: number;
  basis: string | null;
  description: string;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

/**
 * The whole 办事指南 of a version: everything the public item page shows. Time limits are in
 * working days on the district's working-time calendar; 即办件 have 0; 承诺 ≤ 法定.
 */
export interface ServiceGuide {
  subjects: SubjectKind[];
  conditions: string;
  materials: MaterialRequirement[];
  steps: ProcessStep[];
  specialSteps: SpecialStep[];
  /** 法定办结时限 (working days). */
  legalDays: number;
  /** 承诺办结时限 (working days), ≤ legalDays; 0 = 即办件. */
  promisedDays: number;
  /** 受理时限: working days to accept, refuse or issue the 一次性告知 (行政许可法 Art. 32: 5). */
  acceptanceDays: number;
  fee: Fee;
  /** 办理地点 and 办理时间. */
  place: string;
  hours: string;
  /** 到现场次数 per channel it is offered on (0 = 全程网办, 1 = 最多跑一次). */
  visits: Partial<Record<Channel, number>>;
  channels: Channel[];
  deliveryMethods: DeliveryMethod[];
  /** 网办深度 1–4 as the national platform grades it. */
  onlineDepth: 1 | 2 | 3 | 4;
  faq: FaqEntry[];
  consultation: string;
  complaint: string;
  legalBases: LegalBasis[];
  /** Result of the service: 证照 / 批文 / 其他, and its name (e.g. 《居住证》). */
  resultName: string;
  /**
   * 追责情形 and 追责依据 of a power for the 责任清单 (added by the catalogue; optional: the list
   * shows the default of its kind when absent, src/catalogue/lists.ts).
   */
  accountability?: Accountability;
}

/** 追责情形 and their legal basis, as the 责任清单 lists them per power. */
export interface Accountability {
  situations: string[];
  basis: string;
}

/**
 * The application form of a version: a JSON Schema (draft 2020-12 subset that Ajv validates) of
 * an object, and layout hints for the one form engine (web/src/shared/form). Field names are
 * lower_snake_case; a field bound to the applicant's profile pre-fills from it.
 */
export interface ApplicationForm {
  schema: Record<string, unknown>;
  layout: FormLayout;
}

export interface FormLayout {
  /** Sections in order, each listing field names; every schema property appears exactly once. */
  sections: { title: string; fields: string[] }[];
  /** Per field: widget and hints. */
  fields: Record<string, FormFieldHint>;
}

export interface FormFieldHint {
  widget?: 'text' | 'textarea' | 'select' | 'radio' | 'date' | 'number' | 'phone' | 'id_number' | 'address';
  placeholder?: string;
  help?: string;
  /** Pre-fill from the applicant: 'person.name' | 'person.id_number' | 'person.phone' | 'legal_person.name' | 'legal_person.credit_code' | 'legal_person.representative'. */
  prefill?: string;
}

/** A published (or draft) version as applications read it. */
export interface ItemVersion {
  id: number;
  itemId: number;
  version: number;
  state: VersionState;
  validFrom: string | null; // civil date YYYY-MM-DD, inclusive
  validTo: string | null; // inclusive
  name: string;
  /** Other names citizens search by (俗称, e.g. 低保 for 最低生活保障); added by the catalogue. */
  aliases: string[];
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  situation: ItemSituation | null;
  /** 实施机关: the department that accepts and decides, and its 统一社会信用代码. */
  departmentId: number;
  implementingOrgCreditCode: string;
  /** 主管部门, as named in the national catalogue. */
  competentDepartment: string;
  lifeEvents: string[];
  guide: ServiceGuide;
  form: ApplicationForm;
  /** For a 一件事 bundle: the child items (their current published versions at application time). */
  bundleItemIds: number[];
  publishedAt: string | null;
}

/**
 * One item in the catalogue's exchange format (JSON import/export, the demo catalogue): an item
 * with the content of one version. Departments are named (the importing district maps names to
 * its departments); file ids are left out. `parentCode` places a 子项 / 办理项 under its parent's
 * `basicCode`; `bundleCodes` lists a 一件事 bundle's child items by `basicCode`.
 */
export interface CatalogueEntry {
  basicCode: string;
  implementationCode: string;
  name: string;
  kind: ItemKind;
  level: ItemLevel;
  parentCode: string | null;
  situation: ItemSituation | null;
  departmentName: string;
  implementingOrgCreditCode: string;
  competentDepartment: string;
  lifeEvents: string[];
  validFrom: string | null;
  validTo: string | null;
  guide: Omit<ServiceGuide, 'materials'> & {
    materials: Omit<MaterialRequirement, 'sampleFileId' | 'blankFileId'>[];
  };
  form: ApplicationForm;
  bundleCodes: string[];
  /** Where the content was taken from (a public 办事指南's address), or null when illustrative. */
  source: string | null;
  /** Other names citizens search by (added by the catalogue; optional, empty when absent). */
  aliases?: string[];
}

export interface CatalogueDocument {
  format: 'shuzhi-catalogue';
  formatVersion: 1;
  items: CatalogueEntry[];
}

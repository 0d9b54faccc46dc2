/** TypeBox schemas of the catalogue's routes (/api/v1/service-items, /service-lists, /catalogue). */
import { Type, type TSchema } from 'typebox';
import { CivilDate, Name, SerialId, Timestamp, Version } from '../http/schemas.js';
import {
  CHANNELS,
  DELIVERY_METHODS,
  ITEM_KINDS,
  ITEM_LEVELS,
  ITEM_SITUATIONS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  SPECIAL_STEP_KINDS,
  SUBJECT_KINDS,
  VERSION_STATES,
} from './model.js';

/** Null first: with Ajv's coerceTypes a string branch tried first would turn null into "". */
function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}
const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, minLength });
const Key = Type.String({ pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$', maxLength: 60 });
const Days = Type.Integer({ minimum: 0, maximum: 3650 });

export const Kind = Type.Enum(ITEM_KINDS, {
  description:
    'licensing 行政许可, confirmation 行政确认, adjudication 行政裁决, benefit 行政给付, reward 行政奖励, filing 行政备案, other_power 其他行政权力, public_service 公共服务',
});
export const Level = Type.Enum(ITEM_LEVELS, { description: 'main 主项, sub 子项, handling 办理项' });
export const Situation = Type.Enum(ITEM_SITUATIONS, {
  description: 'new 新设, change 变更, renewal 延续, cancellation 注销, other 其他',
});
export const Subject = Type.Enum(SUBJECT_KINDS, { description: 'person 自然人, legal_person 法人' });
export const Channel = Type.Enum(CHANNELS, {
  description: 'online 网上, hall 大厅, self_service 自助, hotline 12345, post 邮寄',
});
export const State = Type.Enum(VERSION_STATES, {
  description: 'draft 草稿, published 已发布, retired 已废止',
});
const BasicCode = Type.String({
  minLength: 1,
  maxLength: 10,
  description: '基本编码 (GB/T 39046-2020), ≤ 10 characters',
});
const ImplementationCode = Type.String({
  minLength: 1,
  maxLength: 24,
  description: '实施编码 (GB/T 39046-2020), ≤ 24 characters',
});
const CreditCode = Type.String({
  minLength: 18,
  maxLength: 18,
  description: '实施机关统一社会信用代码 (GB 32100-2015); check characters are verified',
});
const LifeEvent = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,39}$',
  description: '人生事件 slug (birth, business_start …)',
});

const MaterialFields = {
  key: Key,
  name: Text(200, 1),
  form: Type.Enum(MATERIAL_FORMS, { description: 'original 原件, copy 复印件, electronic 电子' }),
  copies: Type.Integer({ minimum: 0, maximum: 99 }),
  required: Type.Boolean(),
  condition: Nullable(Text(500)),
  source: Type.Enum(MATERIAL_SOURCES, {
    description:
      'applicant 申请人自备, issued_by_government 政府部门核发, sharing 由共享获取, certificate 由电子证照获取',
  }),
  sourceReference: Nullable(Text(100)),
  notes: Text(2000),
};

export const Material = Type.Object(
  { ...MaterialFields, sampleFileId: Nullable(Text(100)), blankFileId: Nullable(Text(100)) },
  { additionalProperties: false },
);
export const ExchangeMaterial = Type.Object(MaterialFields, { additionalProperties: false });

const Visits = Type.Object(
  Object.fromEntries(CHANNELS.map((c) => [c, Type.Optional(Type.Integer({ minimum: 0, maximum: 20 }))])),
  {
    additionalProperties: false,
    description: '到现场次数 per offered channel (0 = 全程网办, 1 = 最多跑一次)',
  },
);

const guideFields = {
  subjects: Type.Array(Subject, { maxItems: 2 }),
  conditions: Text(5000),
  steps: Type.Array(
    Type.Object(
      { key: Key, name: Text(100, 1), days: Days, description: Text(2000) },
      { additionalProperties: false },
    ),
    { maxItems: 30 },
  ),
  specialSteps: Type.Array(
    Type.Object(
      { kind: Type.Enum(SPECIAL_STEP_KINDS), name: Text(100, 1), days: Days, description: Text(2000) },
      { additionalProperties: false },
    ),
    { maxItems: 10 },
  ),
  legalDays: Days,
  promisedDays: Days,
  acceptanceDays: Days,
  fee: Type.Object(
    {
      amount: Type.Number({ minimum: 0, maximum: 10_000_000 }),
      basis: Nullable(Text(500)),
      description: Text(1000),
    },
    { additionalProperties: false },
  ),
  place: Text(500),
  hours: Text(500),
  visits: Visits,
  channels: Type.Array(Channel, { maxItems: 5 }),
  deliveryMethods: Type.Array(Type.Enum(DELIVERY_METHODS), { maxItems: 3 }),
  onlineDepth: Type.Integer({ minimum: 1, maximum: 4, description: '网办深度 1–4' }),
  faq: Type.Array(
    Type.Object({ question: Text(500, 1), answer: Text(5000, 1) }, { additionalProperties: false }),
    {
      maxItems: 50,
    },
  ),
  consultation: Text(500),
  complaint: Text(500),
  legalBases: Type.Array(
    Type.Object(
      {
        law: Text(200, 1),
        article: Text(50, 1),
        text: Text(5000, 1),
        kind: Type.Enum(['setting', 'implementing'], {
          description: 'setting 设定依据, implementing 实施依据',
        }),
      },
      { additionalProperties: false },
    ),
    { maxItems: 30 },
  ),
  resultName: Text(200),
  accountability: Type.Optional(
    Type.Object(
      { situations: Type.Array(Text(1000, 1), { maxItems: 20 }), basis: Text(1000, 1) },
      { additionalProperties: false, description: '追责情形 and 依据 (责任清单)' },
    ),
  ),
};

export const Guide = Type.Object(
  { ...guideFields, materials: Type.Array(Material, { maxItems: 60 }) },
  { additionalProperties: false, description: '办事指南' },
);
export const ExchangeGuide = Type.Object(
  { ...guideFields, materials: Type.Array(ExchangeMaterial, { maxItems: 60 }) },
  { additionalProperties: false },
);

export const Form = Type.Object(
  {
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description: 'JSON Schema (draft 2020-12) of an object with lower_snake_case properties',
    }),
    layout: Type.Object(
      {
        sections: Type.Array(
          Type.Object(
            { title: Text(100, 1), fields: Type.Array(Text(60), { maxItems: 200 }) },
            { additionalProperties: false },
          ),
          { maxItems: 50 },
        ),
        fields: Type.Record(
          Type.String(),
          Type.Object(
            {
              widget: Type.Optional(Text(20)),
              placeholder: Type.Optional(Text(200)),
              help: Type.Optional(Text(1000)),
              prefill: Type.Optional(Text(50)),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: '申请表单: JSON Schema and layout hints' },
);

const contentFields = {
  name: Name({ minLength: 1, maxLength: 200 }),
  aliases: Type.Optional(Type.Array(Name({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  lifeEvents: Type.Array(LifeEvent, { maxItems: 20 }),
  validFrom: Type.Optional(Nullable(CivilDate())),
  validTo: Type.Optional(Nullable(CivilDate())),
  guide: Guide,
  form: Form,
  bundleItemIds: Type.Optional(Type.Array(SerialId(), { maxItems: 30 })),
  source: Type.Optional(Nullable(Text(500))),
};

export const DraftContent = Type.Object(contentFields, { additionalProperties: false });

const itemFields = {
  basicCode: BasicCode,
  implementationCode: ImplementationCode,
  kind: Kind,
  level: Level,
  parentId: Nullable(SerialId()),
  situation: Nullable(Situation),
  departmentId: SerialId(),
  implementingOrgCreditCode: CreditCode,
  competentDepartment: Name({ minLength: 1, maxLength: 100 }),
};

export const CreateItemBody = Type.Object(
  { ...itemFields, draft: DraftContent },
  { additionalProperties: false },
);

export const UpdateItemBody = Type.Object(
  {
    version: Version,
    basicCode: Type.Optional(itemFields.basicCode),
    implementationCode: Type.Optional(itemFields.implementationCode),
    kind: Type.Optional(itemFields.kind),
    level: Type.Optional(itemFields.level),
    parentId: Type.Optional(itemFields.parentId),
    situation: Type.Optional(itemFields.situation),
    departmentId: Type.Optional(itemFields.departmentId),
    implementingOrgCreditCode: Type.Optional(itemFields.implementingOrgCreditCode),
    competentDepartment: Type.Optional(itemFields.competentDepartment),
  },
  { additionalProperties: false },
);

export const UpdateDraftBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(contentFields.name),
    aliases: contentFields.aliases,
    lifeEvents: Type.Optional(contentFields.lifeEvents),
    validFrom: contentFields.validFrom,
    validTo: contentFields.validTo,
    guide: Type.Optional(Guide),
    form: Type.Optional(Form),
    bundleItemIds: contentFields.bundleItemIds,
    source: contentFields.source,
  },
  { additionalProperties: false },
);

export const PublishBody = Type.Object(
  {
    version: Version,
    validFrom: Type.Optional(
      Nullable(CivilDate({ description: 'Defaults to the draft’s validFrom, else today' })),
    ),
    validTo: Type.Optional(Nullable(CivilDate())),
  },
  { additionalProperties: false },
);
export const VersionOnlyBody = Type.Object({ version: Version }, { additionalProperties: false });
export const VersionQuery = Type.Object({ version: Version }, { additionalProperties: false });

export const ItemView = Type.Object({
  id: Type.Integer(),
  basicCode: Type.String(),
  implementationCode: Type.String(),
  kind: Kind,
  kindLabel: Type.String(),
  level: Level,
  parentId: Nullable(Type.Integer()),
  situation: Nullable(Situation),
  isBundle: Type.Boolean(),
  departmentId: Type.Integer(),
  implementingOrgCreditCode: Type.String(),
  competentDepartment: Type.String(),
  version: Type.Integer({ description: 'Optimistic-locking version of the item' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const VersionView = Type.Object({
  id: Type.Integer(),
  itemId: Type.Integer(),
  version: Type.Integer({ description: '版本号 (1, 2, …)' }),
  state: State,
  stateLabel: Type.String(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  basicCode: Type.String(),
  implementationCode: Type.String(),
  kind: Kind,
  level: Level,
  situation: Nullable(Situation),
  departmentId: Type.Integer(),
  implementingOrgCreditCode: Type.String(),
  competentDepartment: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  guide: Guide,
  form: Form,
  bundleItemIds: Type.Array(Type.Integer()),
  publishedAt: Nullable(Timestamp),
  retiredAt: Nullable(Timestamp),
  source: Nullable(Type.String()),
  rowVersion: Type.Integer({
    description: 'Optimistic-locking version of the row: send it as `version` to change it',
  }),
});

export const ItemListView = Type.Object({
  id: Type.Integer(),
  basicCode: Type.String(),
  implementationCode: Type.String(),
  kind: Kind,
  kindLabel: Type.String(),
  level: Level,
  parentId: Nullable(Type.Integer()),
  isBundle: Type.Boolean(),
  departmentId: Type.Integer(),
  latestVersionId: Type.Integer(),
  latestVersion: Type.Integer(),
  latestState: State,
  latestStateLabel: Type.String(),
  name: Type.String(),
  hasDraft: Type.Boolean(),
});

export const ItemDetailView = Type.Intersect([ItemView, Type.Object({ versions: Type.Array(VersionView) })]);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Keywords in Chinese (space-separated words all match)' }),
    ),
    lifeEvent: Type.Optional(LifeEvent),
    departmentId: Type.Optional(SerialId()),
    subject: Type.Optional(Subject),
    kind: Type.Optional(Kind),
    channel: Type.Optional(Channel),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const SearchHitView = Type.Object({
  itemId: Type.Integer(),
  versionId: Type.Integer(),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  basicCode: Type.String(),
  kind: Kind,
  kindLabel: Type.String(),
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  subjects: Type.Array(Subject),
  channels: Type.Array(Channel),
  maxVisits: Type.Integer({ description: '到现场次数 of the channel needing most; ≤ 1 = 最多跑一次' }),
  atMostOneVisit: Type.Boolean(),
  promisedDays: Type.Integer(),
  legalDays: Type.Integer(),
  onlineDepth: Type.Integer(),
  isBundle: Type.Boolean(),
  applicable: Type.Boolean({ description: 'false for a 主项/子项 heading over 办理项' }),
});

export const SearchPage = Type.Object({
  items: Type.Array(SearchHitView),
  nextCursor: Nullable(Type.String()),
});

export const PublicItemView = Type.Object({
  itemId: Type.Integer(),
  versionId: Type.Integer(),
  version: Type.Integer(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  basicCode: Type.String(),
  implementationCode: Type.String(),
  kind: Kind,
  kindLabel: Type.String(),
  level: Level,
  situation: Nullable(Situation),
  department: Type.Object({ id: Type.Integer(), name: Type.String() }),
  implementingOrgCreditCode: Type.String(),
  competentDepartment: Type.String(),
  lifeEvents: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  guide: Guide,
  form: Form,
  atMostOneVisit: Type.Boolean(),
  applicable: Type.Boolean(),
  parent: Nullable(Type.Object({ itemId: Type.Integer(), name: Type.String() })),
  children: Type.Array(
    Type.Object({
      itemId: Type.Integer(),
      name: Type.String(),
      level: Level,
      situation: Nullable(Situation),
    }),
  ),
  bundleItems: Type.Array(
    Type.Object({ itemId: Type.Integer(), name: Type.String(), departmentName: Type.String() }),
  ),
  publishedAt: Nullable(Timestamp),
});

export const PublicVersionSummary = Type.Object({
  versionId: Type.Integer(),
  version: Type.Integer(),
  state: State,
  stateLabel: Type.String(),
  name: Type.String(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  publishedAt: Nullable(Timestamp),
  retiredAt: Nullable(Timestamp),
});

export const Facets = Type.Object({
  lifeEvents: Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() })),
  departments: Type.Array(
    Type.Object({ value: Type.Integer(), label: Type.String(), count: Type.Integer() }),
  ),
});

export const ExchangeEntry = Type.Object(
  {
    basicCode: BasicCode,
    implementationCode: ImplementationCode,
    name: Name({ minLength: 1, maxLength: 200 }),
    kind: Kind,
    level: Level,
    parentCode: Nullable(BasicCode),
    situation: Nullable(Situation),
    departmentName: Text(100, 1),
    implementingOrgCreditCode: CreditCode,
    competentDepartment: Text(100, 1),
    lifeEvents: Type.Array(LifeEvent, { maxItems: 20 }),
    validFrom: Nullable(CivilDate()),
    validTo: Nullable(CivilDate()),
    guide: ExchangeGuide,
    form: Form,
    bundleCodes: Type.Array(BasicCode, { maxItems: 30 }),
    source: Nullable(Text(500)),
    aliases: Type.Optional(Type.Array(Text(100, 1), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const CatalogueDocumentSchema = Type.Object(
  {
    format: Type.Literal('shuzhi-catalogue'),
    formatVersion: Type.Literal(1),
    items: Type.Array(ExchangeEntry, { maxItems: 20_000 }),
  },
  {
    additionalProperties: false,
    description: 'The catalogue exchange format (src/catalogue/model.ts CatalogueDocument)',
  },
);

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({
      default: false,
      description: 'Check every row and answer what would change, writing nothing',
    }),
  },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  created: Type.Integer({ description: 'new items, published' }),
  versioned: Type.Integer({ description: 'existing items that got a new published version' }),
  unchanged: Type.Integer(),
  items: Type.Array(
    Type.Object({
      basicCode: Type.String(),
      outcome: Type.Enum(['created', 'versioned', 'unchanged']),
      itemId: Nullable(Type.Integer()),
      versionId: Nullable(Type.Integer()),
    }),
  ),
});

export const ExportQuery = Type.Object(
  { format: Type.Enum(['json', 'xlsx'], { default: 'json' }) },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  { format: Type.Enum(['json', 'csv', 'xlsx'], { default: 'json' }) },
  { additionalProperties: false },
);

export const ListTable = Type.Object({
  title: Type.String(),
  date: Type.String({ description: 'The day the list is in force on' }),
  columns: Type.Array(Type.Object({ key: Type.String(), header: Type.String() })),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
});

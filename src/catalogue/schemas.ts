/**
 * TypeBox schemas of the catalogue administrators' routes (/api/v1/catalogue): item and draft
 * bodies, the editor's views, and the exchange format with its import and export options.
 */
import { Type } from 'typebox';
import { CivilDate, Name, SerialId, Timestamp, Version } from '../http/schemas.js';
import {
  BasicCode,
  CreditCode,
  ExchangeGuide,
  Form,
  Guide,
  ImplementationCode,
  Kind,
  Level,
  LifeEvent,
  Nullable,
  Situation,
  State,
  Text,
} from './content-schemas.js';

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

/** TypeBox schemas of the catalogue's public routes (/api/v1/service-items, /service-item-versions, /service-lists). */
import { Type } from 'typebox';
import { SerialId, Timestamp } from '../http/schemas.js';
import {
  Channel,
  Form,
  Guide,
  Kind,
  Level,
  LifeEvent,
  Nullable,
  Situation,
  State,
  Subject,
} from './content-schemas.js';

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

/** TypeBox schemas of /api/v1/components. */
import { Type, type TSchema } from 'typebox';
import { Name, PageQuery, RegionCode, SerialId, Timestamp, Version } from '../http/schemas.js';
import { INPUT_CRS } from '../shared/crs.js';
import {
  ATTRIBUTES_MAX,
  ATTRIBUTE_KEY_MAX,
  ATTRIBUTE_VALUE_MAX,
  COMPONENT_STATUSES,
  DATA_SOURCES,
  GEOMETRY_TYPES,
  NAME_MAX,
  REMARKS_MAX,
} from './rules.js';

/** Null first: with Ajv's coerceTypes a string branch tried first would turn null into "". */
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const Crs = Type.Enum(INPUT_CRS, {
  default: 'wgs84',
  description:
    'Coordinate system of the input: wgs84 (GPS, 天地图 CGCS2000), gcj02 (Amap, Tencent, WeChat) or bd09 (Baidu)',
});
export const Status = Type.Enum(COMPONENT_STATUSES, {
  description: '管理部件状态: intact 完好, damaged 破损, lost 丢失, abandoned 废弃, removed 移除',
});
export const DataSource = Type.Enum(DATA_SOURCES, {
  description: '数据来源: surveyed 实测, topographic_map 地形图, basic_geodata 基础地理数据, other 其他',
});
export const Standard = Type.Enum(['GB/T 47678.5-2026', 'CJ/T 214-2007', 'LOCAL']);
export const BBoxParam = Type.String({
  pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
  description: 'minLng,minLat,maxLng,maxLat in WGS 84',
});

const Identifier = Type.String({
  pattern: '^[0-9]{16,17}$',
  description:
    '管理部件标识码: 17 digits (6 county + 5 type + 6 sequence) or 16 digits (CJ/T 214: 4-digit type)',
});
const CivilDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const GeometryInput = Type.Object(
  { type: Type.Enum(GEOMETRY_TYPES), coordinates: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON geometry in `crs`; lines and polygons are placed by their ST_PointOnSurface' },
);
// Values are checked by the service (rules.attributesProblem): a schema union of string/number/…
// would let Ajv's type coercion turn 0.7 into "0.7" or "" into null.
const AttributesInput = Type.Record(
  Type.String({ minLength: 1, maxLength: ATTRIBUTE_KEY_MAX }),
  Type.Unknown(),
  {
    maxProperties: ATTRIBUTES_MAX,
    description: `扩展属性 — local attributes (GB/T 47678.5 clause 4.4.2): values are strings of at most ${ATTRIBUTE_VALUE_MAX} characters, numbers, booleans or null`,
  },
);
const DepartmentId = SerialId();
const ComponentName = Name({ minLength: 1, maxLength: NAME_MAX, description: '管理部件名称' });
const Remarks = Type.String({ maxLength: REMARKS_MAX });

export const ComponentIdParam = Type.Object({
  id: Type.String({
    pattern: '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]{16,17})$',
    description: 'The component id (uuid) or its 管理部件标识码',
  }),
});

export const CreateComponentBody = Type.Object(
  {
    identifier: Type.Optional(Identifier),
    classificationId: Type.Optional(SerialId()),
    classCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{4,5}$', description: 'Instead of classificationId' }),
    ),
    standard: Type.Optional(Standard),
    name: ComponentName,
    geometry: GeometryInput,
    crs: Crs,
    competentDepartmentId: DepartmentId,
    ownerDepartmentId: Type.Optional(nullable(DepartmentId)),
    maintainerDepartmentId: Type.Optional(nullable(DepartmentId)),
    status: Type.Optional(Status),
    initialDate: CivilDate,
    changedDate: Type.Optional(nullable(CivilDate)),
    dataSource: Type.Optional(nullable(DataSource)),
    remarks: Type.Optional(nullable(Remarks)),
    attributes: Type.Optional(AttributesInput),
  },
  { additionalProperties: false },
);

export const UpdateComponentBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(ComponentName),
    geometry: Type.Optional(GeometryInput),
    crs: Crs,
    competentDepartmentId: Type.Optional(DepartmentId),
    ownerDepartmentId: Type.Optional(nullable(DepartmentId)),
    maintainerDepartmentId: Type.Optional(nullable(DepartmentId)),
    status: Type.Optional(Status),
    initialDate: Type.Optional(CivilDate),
    changedDate: Type.Optional(nullable(CivilDate)),
    dataSource: Type.Optional(nullable(DataSource)),
    remarks: Type.Optional(nullable(Remarks)),
    attributes: Type.Optional(AttributesInput),
  },
  { additionalProperties: false },
);

export const FilterQuery = {
  classificationId: Type.Optional(SerialId()),
  classCode: Type.Optional(
    Type.String({ pattern: '^[0-9]{2,5}$', description: 'A class code or a prefix (01 = major class)' }),
  ),
  standard: Type.Optional(Standard),
  status: Type.Optional(Status),
  regionCode: Type.Optional(RegionCode),
  departmentId: Type.Optional(SerialId({ description: 'Competent, owner or maintainer department' })),
  bbox: Type.Optional(BBoxParam),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 50, description: 'Name contains, or identifier starts with' }),
  ),
};

export const ListQuery = Type.Object({ ...FilterQuery, ...PageQuery });
export const ExportQuery = Type.Object({
  ...FilterQuery,
  limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 20_000 }),
});

export const ImportQuery = Type.Object({
  crs: Crs,
  skipInvalid: Type.Boolean({ default: false, description: 'Create the good rows and report the bad ones' }),
});

const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
const DepartmentRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  creditCode: nullable(Type.String()),
});

export const ComponentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  identifier: Type.String(),
  name: Type.String(),
  classification: Type.Object({
    id: Type.Integer(),
    standard: Type.String(),
    code: Type.String(),
    name: Type.String(),
    majorCode: Type.String(),
    majorName: Type.String(),
  }),
  geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }),
  location: Type.Object({
    grid: nullable(RegionRef),
    community: nullable(RegionRef),
    street: nullable(RegionRef),
    district: RegionRef,
  }),
  competentDepartment: DepartmentRef,
  ownerDepartment: nullable(DepartmentRef),
  maintainerDepartment: nullable(DepartmentRef),
  status: Status,
  statusLabel: Type.String(),
  initialDate: Type.String(),
  changedDate: nullable(Type.String()),
  dataSource: nullable(DataSource),
  dataSourceLabel: nullable(Type.String()),
  remarks: nullable(Type.String()),
  attributes: Type.Object({}, { additionalProperties: true }),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const RowErrorView = Type.Object({
  row: Type.Optional(Type.Integer({ description: 'CSV: the line in the file (the header is line 1)' })),
  index: Type.Optional(Type.Integer({ description: 'GeoJSON: the index in features, from 0' })),
  identifier: nullable(Type.String()),
  field: Type.String(),
  reason: Type.String(),
});

export const ImportReportView = Type.Object({
  format: Type.Enum(['csv', 'geojson']),
  total: Type.Integer(),
  created: Type.Integer(),
  rejected: Type.Array(RowErrorView),
});

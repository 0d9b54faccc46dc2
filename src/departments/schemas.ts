/** TypeBox schemas of /api/v1/departments. */
import { Type, type TSchema } from 'typebox';
import { Name, RegionCode, Timestamp, Version } from '../http/schemas.js';
import { DEPARTMENT_KINDS } from './kinds.js';
import { CLASS_STANDARDS } from './service.js';

export const Kind = Type.Enum(DEPARTMENT_KINDS, {
  description:
    'urban_management 城管, municipal 市政, landscaping 园林绿化, sanitation 环卫, transport 交通, water 水务, ' +
    'traffic_police 公安交管, housing 房管, market_regulation 市场监管, street_office 街道办事处, utility 公用企业, other 其他',
});
export const ClassKindSchema = Type.Enum(['component', 'matter']);
export const StandardSchema = Type.Enum(CLASS_STANDARDS);

const CreditCode = Type.String({
  minLength: 18,
  maxLength: 18,
  description: '统一社会信用代码 (GB 32100-2015), 18 characters; check characters are verified',
});
const Phone = Type.String({ pattern: '^[0-9+()\\- ]{3,30}$' });
/** Null first: with Ajv's coerceTypes a string branch tried first would turn null into "". */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}

export const ResponsibilitySchema = Type.Object(
  {
    kind: ClassKindSchema,
    standard: StandardSchema,
    classCodePrefix: Type.String({
      pattern: '^[0-9]{2}([0-9]{2,3})?$',
      description: "A 2-digit major class ('01') or a full class code ('01001'; '0101' in CJ/T 214)",
    }),
    regionCode: RegionCode,
  },
  { additionalProperties: false },
);

export const DepartmentView = Type.Object({
  id: Type.Integer(),
  creditCode: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: Kind,
  kindLabel: Type.String({ description: 'Chinese name of the kind' }),
  regionCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const DepartmentDetailView = Type.Intersect([
  DepartmentView,
  Type.Object({ responsibilities: Type.Array(ResponsibilitySchema) }),
]);

export const CreateDepartmentBody = Type.Object(
  {
    creditCode: Type.Optional(Nullable(CreditCode)),
    name: Name({ minLength: 1, maxLength: 100 }),
    shortName: Type.Optional(Nullable(Name({ minLength: 1, maxLength: 50 }))),
    kind: Kind,
    regionCode: Type.Optional(Nullable(RegionCode)),
    phone: Type.Optional(Nullable(Phone)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateDepartmentBody = Type.Object(
  {
    version: Version,
    creditCode: Type.Optional(Nullable(CreditCode)),
    name: Type.Optional(Name({ minLength: 1, maxLength: 100 })),
    shortName: Type.Optional(Nullable(Name({ minLength: 1, maxLength: 50 }))),
    kind: Type.Optional(Kind),
    regionCode: Type.Optional(Nullable(RegionCode)),
    phone: Type.Optional(Nullable(Phone)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PutResponsibilitiesBody = Type.Object(
  {
    version: Version,
    responsibilities: Type.Array(ResponsibilitySchema, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const ResponsibilitiesView = Type.Object({
  departmentId: Type.Integer(),
  version: Type.Integer({ description: "The department's version, bumped by every change of the list" }),
  responsibilities: Type.Array(ResponsibilitySchema),
});

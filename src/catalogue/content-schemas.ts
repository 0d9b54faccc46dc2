/**
 * TypeBox schemas of what a catalogue version holds, shared by the administrators' bodies, the public
 * views and the exchange format: codes, enums, materials, the guide (办事指南) and the form.
 */
import { Type, type TSchema } from 'typebox';
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
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}
export const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, minLength });
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
export const BasicCode = Type.String({
  minLength: 1,
  maxLength: 10,
  description: '基本编码 (GB/T 39046-2020), ≤ 10 characters',
});
export const ImplementationCode = Type.String({
  minLength: 1,
  maxLength: 24,
  description: '实施编码 (GB/T 39046-2020), ≤ 24 characters',
});
export const CreditCode = Type.String({
  minLength: 18,
  maxLength: 18,
  description: '实施机关统一社会信用代码 (GB 32100-2015); check characters are verified',
});
export const LifeEvent = Type.String({
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

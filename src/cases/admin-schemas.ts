/** TypeBox schemas of the case-loop configuration routes (admin-routes.ts): requests and answers. */
import { Type } from 'typebox';
import { TIME_LIMIT_UNITS } from '../calendar/index.js';
import { Name, SerialId, Version } from '../http/schemas.js';

const Kind = Type.Enum(['component', 'matter']);
const Unit = Type.Enum(TIME_LIMIT_UNITS);
const Urgency = Type.Enum(['normal', 'urgent']);
const NullableString = Type.Union([Type.Null(), Type.String()]);

export const RuleBody = Type.Object(
  {
    position: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    name: Name({ minLength: 1, maxLength: 200 }),
    kind: Type.Optional(Type.Union([Type.Null(), Kind])),
    standard: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 50 })])),
    classCodePrefix: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{1,5}$' })])),
    regionCode: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{6,15}$' })])),
    useComponentOwner: Type.Optional(Type.Boolean()),
    departmentId: Type.Optional(Type.Union([Type.Null(), SerialId()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
// One object, not an intersection: allOf with additionalProperties: false would refuse `version`.
export const RuleUpdateBody = Type.Object(
  { ...RuleBody.properties, version: Version },
  { additionalProperties: false },
);

export const RuleView = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  name: Type.String(),
  kind: Type.Union([Type.Null(), Type.String()]),
  standard: NullableString,
  classCodePrefix: NullableString,
  regionCode: NullableString,
  useComponentOwner: Type.Boolean(),
  departmentId: Type.Union([Type.Null(), Type.Integer()]),
  active: Type.Boolean(),
  version: Type.Integer(),
});

export const ExplainQuery = Type.Object({
  classificationId: SerialId(),
  gridCode: Type.String({ pattern: '^[0-9A-Z]{14,15}$' }),
  componentId: Type.Optional(Type.String({ format: 'uuid' })),
});

export const ExplainView = Type.Object({
  departmentId: Type.Union([Type.Null(), Type.Integer()]),
  explanation: Type.String(),
});

export const StageLimitParams = Type.Object({
  clock: Type.Enum(['filing', 'check', 'dispatch', 'verify', 'closing']),
  urgency: Urgency,
});

export const StageLimitBody = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 100_000 }),
    unit: Unit,
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const StageLimitView = Type.Object({
  clock: Type.String(),
  urgency: Type.String(),
  amount: Type.Integer(),
  unit: Type.String(),
  source: Type.String(),
});

export const HandlingLimitBody = Type.Object(
  {
    kind: Kind,
    standard: Type.String({ minLength: 1, maxLength: 50 }),
    classCodePrefix: Type.String({ pattern: '^[0-9]{0,5}$' }),
    condition: Type.String({ minLength: 1, maxLength: 50 }),
    conditionText: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
    urgency: Urgency,
    amount: Type.Integer({ minimum: 1, maximum: 100_000 }),
    unit: Unit,
    closingCondition: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const TimeLimitsView = Type.Object({
  stage: Type.Array(StageLimitView),
  handling: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      standard: Type.String(),
      classCodePrefix: Type.String(),
      condition: Type.String(),
      conditionText: NullableString,
      urgency: Type.String(),
      amount: Type.Integer(),
      unit: Type.String(),
      closingCondition: NullableString,
      source: Type.String(),
    }),
  ),
});

export const CalendarQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
});

const Override = Type.Object({
  date: Type.String(),
  kind: Type.Enum(['workday', 'holiday']),
  name: NullableString,
});

export const CalendarViewSchema = Type.Object({
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      weekday: Type.Integer({ minimum: 1, maximum: 7 }),
      working: Type.Boolean(),
      reason: Type.String({
        description:
          'regular_workday, weekend, public_holiday, adjusted_workday, override_workday or override_holiday',
      }),
      name: Type.Optional(Type.String({ description: 'The festival or override name, when there is one' })),
    }),
  ),
  overrides: Type.Array(Override),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      holidaySchedule: Type.Enum(['official', 'administrator', 'none']),
    }),
  ),
});

export const DateParam = Type.Object({ date: Type.String({ format: 'date' }) });

export const OverrideBody = Type.Object(
  { kind: Type.Enum(['workday', 'holiday']), name: Type.Optional(Name({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const OverrideView = Override;

const LocalDate = Type.String({ format: 'date' });
const HolidayName = Type.String({ minLength: 1, maxLength: 100 });
export const YearScheduleBody = Type.Object(
  {
    holidays: Type.Array(
      Type.Object({ from: LocalDate, to: LocalDate, name: HolidayName }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 60,
      },
    ),
    workdays: Type.Array(
      Type.Object({ date: LocalDate, name: HolidayName }, { additionalProperties: false }),
      {
        maxItems: 30,
      },
    ),
  },
  { additionalProperties: false },
);

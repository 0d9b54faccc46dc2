import { Type } from 'typebox';
import { BigSerialId, INT4_MAX, Name, PageQuery, SerialId, Timestamp } from '../http/schemas.js';
import { INPUT_CRS } from '../shared/crs.js';
import { CaseRef } from './case-ref.js';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES, STAGES } from './workflow/index.js';

const Point = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Type.Enum(INPUT_CRS)),
  },
  { additionalProperties: false },
);
const Urgency = Type.Enum(['normal', 'urgent']);
const FileId = Type.String({ format: 'uuid' });

export const ReportBody = Type.Object(
  {
    source: Type.Enum(CASE_SOURCES),
    classificationId: SerialId(),
    filingCondition: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    componentId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
    location: Type.Optional(Type.Union([Type.Null(), Point])),
    address: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 256 })])),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    urgency: Type.Optional(Urgency),
    beforePhotoIds: Type.Optional(Type.Array(FileId, { maxItems: 10, uniqueItems: true })),
    reporter: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.Object(
          {
            name: Type.Optional(Type.Union([Type.Null(), Name({ maxLength: 50 })])),
            phone: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 30 })])),
            idNumber: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 18 })])),
            contactConsent: Type.Optional(Type.Boolean()),
            anonymous: Type.Optional(Type.Boolean()),
          },
          {
            additionalProperties: false,
            description: 'The caller; stored encrypted, shown masked (docs/privacy.md)',
          },
        ),
      ]),
    ),
    selfHandled: Type.Optional(
      Type.Union([
        Type.Object(
          {
            note: Type.String({ minLength: 1, maxLength: 2000 }),
            afterPhotoIds: Type.Array(FileId, { minItems: 1, maxItems: 10, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      maximum: INT4_MAX,
      description: 'The case version you read; 409 if it changed since',
    }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    departmentId: Type.Optional(SerialId()),
    checkResult: Type.Optional(Type.Enum(['confirmed', 'not_found'])),
    afterPhotoIds: Type.Optional(Type.Array(FileId, { maxItems: 10, uniqueItems: true })),
    requestedDueAt: Type.Optional(Timestamp),
    targetCaseId: Type.Optional(BigSerialId()),
    closureType: Type.Optional(Type.Enum(['erroneous', 'special'])),
    publicNote: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description:
          'Shown to the reporter of a public case with this transition (for reject: the public reason); internal reasons and notes never are',
      }),
    ),
    corrections: Type.Optional(
      Type.Object(
        {
          classificationId: Type.Optional(SerialId()),
          filingCondition: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          urgency: Type.Optional(Urgency),
          location: Type.Optional(Point),
          address: Type.Optional(Type.String({ maxLength: 256 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActionParams = Type.Object({
  id: CaseRef,
  action: Type.Enum(CASE_ACTIONS),
});

const StatusList = Type.String({
  pattern: `^(${CASE_STATUSES.join('|')})(,(${CASE_STATUSES.join('|')}))*$`,
  description: 'one status or several, comma-separated',
});

export const FilterQuery = {
  status: Type.Optional(StatusList),
  stage: Type.Optional(Type.Enum(STAGES)),
  classificationId: Type.Optional(SerialId()),
  kind: Type.Optional(Type.Enum(['component', 'matter'])),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$' })),
  departmentId: Type.Optional(SerialId()),
  source: Type.Optional(Type.Enum(CASE_SOURCES)),
  overdueTier: Type.Optional(Type.Enum(['on_time', 'overdue', 'severely_overdue'])),
  escalated: Type.Optional(Type.Boolean()),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  bbox: Type.Optional(Type.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$' })),
};

/** Sort keys of the case list (案卷查询, queues); the default is newest first. */
export const CASE_SORTS = ['reportedAt', 'handlingDueAt', 'number', 'status', 'class'] as const;

export const ListQuery = Type.Object({
  ...FilterQuery,
  ...PageQuery,
  sort: Type.Optional(Type.Enum(CASE_SORTS, { description: 'Sort key; default reportedAt' })),
  order: Type.Optional(Type.Enum(['asc', 'desc'], { description: 'Default desc' })),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 100_000,
      description: 'Numbered pages: skip this many rows (instead of a cursor; any sort)',
    }),
  ),
});
export const ExportQuery = Type.Object({
  ...FilterQuery,
  sort: Type.Optional(Type.Enum(CASE_SORTS)),
  order: Type.Optional(Type.Enum(['asc', 'desc'])),
  format: Type.Enum(['csv', 'xlsx'], { default: 'xlsx', description: 'csv (UTF-8 with BOM) or xlsx' }),
});
export const CountQuery = Type.Object(FilterQuery);
export const GeoJsonQuery = Type.Object({
  ...FilterQuery,
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 5_000 }),
});

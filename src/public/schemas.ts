/** TypeBox schemas of the citizen channel (docs/api/citizens.md; the contract is docs/api/citizens.md §Contract). */
import { Type } from 'typebox';
import { BigSerialId, INT4_MAX, Name, PageQuery } from '../http/schemas.js';
import { PUBLIC_STATUSES } from '../cases/index.js';
import { COMMENT_MAX_LENGTH, MAX_SCORE, MIN_SCORE } from './rating-rules.js';
import { REOPEN_REQUEST_STATUSES } from './reopen.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([Type.Null(), schema]);
const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Type.Null(), Instant]);
const PublicStatus = Type.Enum(PUBLIC_STATUSES);
/** Contract spelling (upper case) and the staff API's (lower case) are both accepted. */
export const PUBLIC_CRS = ['WGS84', 'GCJ02', 'BD09', 'wgs84', 'gcj02', 'bd09'] as const;

export const Category = Type.Object({
  code: Type.String({ description: 'M + matter code or C + component code (GB/T 47678.5-2026)' }),
  name: Type.String(),
  nameEn: Type.String(),
  help: Type.String(),
  helpEn: Type.String(),
  group: Type.String(),
  groupEn: Type.String(),
  sensitive: Type.Boolean({
    description: 'The public view rounds the location (about 100 m) and hides the address',
  }),
});
export const CategoryList = Type.Object({ items: Type.Array(Category) });

export const PhotoUploaded = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  thumbnailUrl: Type.String(),
});
export const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ReportBody = Type.Object(
  {
    categoryCode: Type.String({
      minLength: 1,
      maxLength: 10,
      description: 'A code from GET /public/categories',
    }),
    location: Type.Object(
      {
        lng: Type.Number({ minimum: -180, maximum: 180 }),
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        crs: Type.Optional(
          Type.Enum(PUBLIC_CRS, { description: 'Phones in China report GCJ-02; default WGS84' }),
        ),
      },
      { additionalProperties: false },
    ),
    address: Type.Optional(Nullable(Type.String({ maxLength: 256 }))),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 6, uniqueItems: true })),
    contact: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.Object(
          {
            name: Type.Optional(Nullable(Name({ maxLength: 50 }))),
            phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
          },
          {
            additionalProperties: false,
            description: 'Kept encrypted; never shown publicly (docs/privacy.md)',
          },
        ),
      ]),
    ),
    consentToContact: Type.Optional(
      Type.Boolean({ description: 'May the supervision center call you back?' }),
    ),
  },
  { additionalProperties: false },
);

export const Submitted = Type.Object({
  trackingCode: Type.String({ description: '12 characters; keep it to follow the report' }),
  caseNumber: Type.String(),
  publicStatus: PublicStatus,
  submittedAt: Instant,
  expectedBy: NullableInstant,
});

export const TrackingParams = Type.Object({ trackingCode: Type.String({ minLength: 1, maxLength: 30 }) });
export const TrackingPhotoParams = Type.Object({
  trackingCode: Type.String({ minLength: 1, maxLength: 30 }),
  id: Type.String({ format: 'uuid' }),
});

const Photo = Type.Object({ id: Type.String(), url: Type.String(), thumbnailUrl: Type.String() });
const CategoryRef = Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() });
const Rating = Type.Union([
  Type.Null(),
  Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), at: Instant }),
]);

export const PublicViewSchema = Type.Object({
  trackingCode: Type.String(),
  caseNumber: Type.String(),
  category: CategoryRef,
  publicStatus: PublicStatus,
  submittedAt: Instant,
  updatedAt: Instant,
  expectedBy: NullableInstant,
  closedAt: NullableInstant,
  location: Type.Object({ lng: Type.Number(), lat: Type.Number(), rounded: Type.Boolean() }),
  address: Nullable(Type.String()),
  description: Type.String(),
  notes: Type.Array(Type.Object({ at: Instant, text: Type.String(), status: PublicStatus })),
  photos: Type.Object({ before: Type.Array(Photo), after: Type.Array(Photo) }),
  rating: Rating,
  canRate: Type.Boolean(),
  canRequestReopen: Type.Boolean(),
  reopenRequest: Type.Union([
    Type.Null(),
    Type.Object({ status: Type.Enum(REOPEN_REQUEST_STATUSES), at: Instant }),
  ]),
});

export const ReportSummary = Type.Object({
  trackingCode: Type.String(),
  caseNumber: Type.String(),
  category: CategoryRef,
  publicStatus: PublicStatus,
  submittedAt: Instant,
  updatedAt: Instant,
  expectedBy: NullableInstant,
  closedAt: NullableInstant,
  description: Type.String(),
  thumbnailUrl: Nullable(Type.String()),
  rating: Rating,
  canRate: Type.Boolean(),
  canRequestReopen: Type.Boolean(),
});

export const RatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: MIN_SCORE, maximum: MAX_SCORE }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: COMMENT_MAX_LENGTH }))),
    requestReopen: Type.Optional(
      Type.Boolean({ description: 'Only with a score of 1 or 2, within the reopen window' }),
    ),
    reason: Type.Optional(Nullable(Type.String({ maxLength: COMMENT_MAX_LENGTH }))),
  },
  { additionalProperties: false },
);

export const ReopenQuery = Type.Object({
  status: Type.Optional(Type.Enum(REOPEN_REQUEST_STATUSES)),
  ...PageQuery,
});
export const ReopenParams = Type.Object({
  id: BigSerialId(),
  action: Type.Enum(['accept', 'decline']),
});
export const ReopenDecisionBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: INT4_MAX,
        description: 'The request version you read; 409 if it changed',
      }),
    ),
    note: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Shown to the reporter; required to decline',
      }),
    ),
  },
  { additionalProperties: false },
);
export const ReopenRequestSchema = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  caseNumber: Type.String(),
  caseStatus: Type.String(),
  gridCode: Type.String(),
  source: Type.Union([Type.Literal('rating'), Type.Literal('open311')], {
    description: 'A negative rating, or an Open311 client (REOPEN update status)',
  }),
  score: Type.Union([Type.Null(), Type.Integer()]),
  comment: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  status: Type.Enum(REOPEN_REQUEST_STATUSES),
  at: Instant,
  decidedAt: NullableInstant,
  decisionNote: Nullable(Type.String()),
  version: Type.Integer(),
});

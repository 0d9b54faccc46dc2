import { Type } from 'typebox';
import { BigSerialId, Name, PageQuery, SerialId, Timestamp, Version } from '../http/schemas.js';
import { TOPIC_PATTERN_SOURCE, WEBHOOK_DELIVERY_STATUSES } from './rules.js';

export const DeliveryStatus = Type.Enum(WEBHOOK_DELIVERY_STATUSES);

const Topic = Type.String({
  pattern: TOPIC_PATTERN_SOURCE,
  maxLength: 100,
  description: 'A topic or a pattern where * matches anything: case.filed, case.*, *.overdue, *',
});
const Topics = Type.Array(Topic, { minItems: 1, maxItems: 50 });
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'http(s) URL receiving POSTs; no user name or password in it',
});
const SubscriptionName = Name({ minLength: 1, maxLength: 100 });
const DepartmentId = Type.Union([SerialId(), Type.Null()], {
  description: 'Only events of cases assigned to this department (payload.departmentId)',
});

export const SubscriptionView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  url: Type.String(),
  topics: Type.Array(Type.String()),
  departmentId: Type.Union([Type.Null(), Type.Integer()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreatedSubscription = Type.Intersect([
  SubscriptionView,
  Type.Object({
    secret: Type.String({
      description: 'The HMAC signing secret. Shown only in this response: store it now.',
    }),
  }),
]);

export const CreateSubscriptionBody = Type.Object(
  {
    name: SubscriptionName,
    url: Url,
    topics: Topics,
    departmentId: Type.Optional(DepartmentId),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const UpdateSubscriptionBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(SubscriptionName),
    url: Type.Optional(Url),
    topics: Type.Optional(Topics),
    departmentId: Type.Optional(DepartmentId),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SubscriptionListQuery = Type.Object({ active: Type.Optional(Type.Boolean()), ...PageQuery });

export const DeliveryView = Type.Object({
  id: Type.Integer({ description: 'Sent as X-Shuzhi-Delivery' }),
  eventId: Type.Integer({ description: 'The outbox event; the body id' }),
  topic: Type.String(),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.Null(), Timestamp]),
  lastStatusCode: Type.Union([Type.Null(), Type.Integer()]),
  lastError: Type.Union([Type.Null(), Type.String()]),
  lastDurationMs: Type.Union([Type.Null(), Type.Integer()]),
  deliveredAt: Type.Union([Type.Null(), Timestamp]),
  createdAt: Timestamp,
});

export const DeliveryDetail = Type.Intersect([
  DeliveryView,
  Type.Object({
    attemptLog: Type.Array(
      Type.Object({
        attemptedAt: Timestamp,
        statusCode: Type.Union([Type.Null(), Type.Integer()]),
        error: Type.Union([Type.Null(), Type.String()]),
        durationMs: Type.Integer(),
      }),
    ),
  }),
]);

export const DeliveryListQuery = Type.Object({ status: Type.Optional(DeliveryStatus), ...PageQuery });

export const DeliveryParams = Type.Object({
  id: SerialId(),
  deliveryId: BigSerialId(),
});

export const PingResponse = Type.Object({ eventId: Type.Integer(), deliveryId: Type.Integer() });

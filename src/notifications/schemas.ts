import { Type } from 'typebox';
import { BigSerialId, PageQuery, SerialId, Timestamp } from '../http/schemas.js';

export const NotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String({
    description: 'task_new, deadline_near, overdue, escalated, returned, reminded, closed, system, …',
  }),
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Type.Null(), Type.String()]),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A path inside the web app' }),
  createdAt: Timestamp,
  readAt: Type.Union([Type.Null(), Timestamp]),
});

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'true: only unread; false: only read' })),
  ...PageQuery,
});

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationView),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
  unreadCount: Type.Integer({ description: 'All your unread notifications, whatever the filter' }),
});

export const ReadAllQuery = Type.Object({
  upToId: Type.Optional(
    BigSerialId({ description: 'Only up to this id (the newest you have seen); default all' }),
  ),
});

export const ReadAllResponse = Type.Object({ marked: Type.Integer() });

export const CitizenNotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  subjectType: Type.Union([Type.Null(), Type.String()], { description: 'e.g. application' }),
  subjectId: Type.Union([Type.Null(), Type.String()]),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A path inside the citizen app' }),
  createdAt: Timestamp,
  readAt: Type.Union([Type.Null(), Timestamp]),
});

export const CitizenNotificationPage = Type.Object({
  items: Type.Array(CitizenNotificationView),
  nextCursor: Type.Union([Type.Null(), Type.String()]),
  unreadCount: Type.Integer(),
});

export const OutboundQuery = Type.Object({
  citizenId: Type.Optional(SerialId()),
  before: Type.Optional(BigSerialId({ description: 'Only messages older than this id' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const OutboundView = Type.Object({
  id: Type.Integer(),
  channel: Type.Enum(['sms', 'email'] as const),
  driver: Type.String({ description: 'log: recorded and logged, not sent' }),
  recipientCitizenId: Type.Union([Type.Null(), Type.Integer()]),
  recipientUserId: Type.Union([Type.Null(), Type.Integer()]),
  toMasked: Type.String(),
  kind: Type.String(),
  subject: Type.Union([Type.Null(), Type.String()]),
  body: Type.String(),
  status: Type.Enum(['logged', 'sent', 'failed'] as const),
  error: Type.Union([Type.Null(), Type.String()]),
  createdAt: Timestamp,
});

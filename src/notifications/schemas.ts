import { Type } from 'typebox';
import { BigSerialId, PageQuery, Timestamp } from '../http/schemas.js';

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

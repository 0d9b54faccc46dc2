/**
 * /api/v1/notifications: the caller's own inbox (any staff member; nobody sees another's); the
 * citizen's own inbox at /api/v1/citizens/me/notifications; the SMS / e-mail outbox for
 * administrators at /api/v1/outbound-messages.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { requireActor, requireCitizen } from '../http/auth.js';
import { BigIdParam, problems } from '../http/schemas.js';
import * as schemas from './schemas.js';
import {
  listCitizenNotifications,
  markAllCitizenNotificationsRead,
  markCitizenNotificationRead,
  type CitizenNotificationView,
} from './citizen.js';
import { listOutbound } from './outbound.js';
import { listNotifications, markAllRead, markRead, type NotificationView } from './service.js';

function present<T extends NotificationView | CitizenNotificationView>(view: T) {
  return { ...view, createdAt: view.createdAt.toISOString(), readAt: view.readAt?.toISOString() ?? null };
}

const citizenSecurity: Array<Record<string, string[]>> = [{ citizenBearer: [] }, { citizenSession: [] }];

export const notificationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/notifications',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the number unread',
        querystring: schemas.NotificationListQuery,
        response: { 200: schemas.NotificationPage, ...problems(400, 401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listNotifications(db, actor.id, request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read',
        params: BigIdParam,
        response: { 200: schemas.NotificationView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => present(await markRead(db, requireActor(request).id, request.params.id)),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your unread notifications read (optionally only up to an id)',
        querystring: schemas.ReadAllQuery,
        response: { 200: schemas.ReadAllResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, requireActor(request).id, request.query.upToId) }),
  );

  app.get(
    '/citizens/me/notifications',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['notifications'],
        security: citizenSecurity,
        summary: 'Your notifications as a citizen (application progress), newest first',
        querystring: schemas.NotificationListQuery,
        response: { 200: schemas.CitizenNotificationPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const citizen = requireCitizen(request);
      const page = await listCitizenNotifications(db, citizen.id, request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
    },
  );

  app.post(
    '/citizens/me/notifications/:id/read',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['notifications'],
        security: citizenSecurity,
        summary: 'Mark one of your notifications read (citizens)',
        params: BigIdParam,
        response: { 200: schemas.CitizenNotificationView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      present(await markCitizenNotificationRead(db, requireCitizen(request).id, request.params.id)),
  );

  app.post(
    '/citizens/me/notifications/read-all',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['notifications'],
        security: citizenSecurity,
        summary: 'Mark all your unread notifications read (citizens; optionally only up to an id)',
        querystring: schemas.ReadAllQuery,
        response: { 200: schemas.ReadAllResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      marked: await markAllCitizenNotificationsRead(db, requireCitizen(request).id, request.query.upToId),
    }),
  );

  app.get(
    '/outbound-messages',
    {
      config: { access: 'outbound:read' },
      schema: {
        tags: ['notifications'],
        summary: 'SMS and e-mail handed to the outbound channel, newest first (addresses masked)',
        querystring: schemas.OutboundQuery,
        response: {
          200: Type.Object({ items: Type.Array(schemas.OutboundView) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const items = await listOutbound(db, request.query);
      return { items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })) };
    },
  );
};

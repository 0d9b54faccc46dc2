/** /api/v1/notifications: the caller's own inbox. Any staff member; nobody sees another's. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../http/module.js';
import { requireActor } from '../http/auth.js';
import { BigIdParam, problems } from '../http/schemas.js';
import * as schemas from './schemas.js';
import { listNotifications, markAllRead, markRead, type NotificationView } from './service.js';

function present(view: NotificationView) {
  return { ...view, createdAt: view.createdAt.toISOString(), readAt: view.readAt?.toISOString() ?? null };
}

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
};

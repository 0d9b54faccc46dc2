/** /api/v1/webhooks: subscriptions, their delivery log, redelivery and ping (administrators only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { IdParam, pageOf, problems } from '../http/schemas.js';
import {
  getDelivery,
  listDeliveries,
  ping,
  redeliver,
  type DeliveryDetail,
  type DeliveryView,
} from './deliveries.js';
import * as schemas from './schemas.js';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
  type SubscriptionView,
} from './subscriptions.js';

function presentSubscription(view: SubscriptionView) {
  return { ...view, createdAt: view.createdAt.toISOString(), updatedAt: view.updatedAt.toISOString() };
}

function presentDelivery(view: DeliveryView) {
  return {
    ...view,
    nextAttemptAt: view.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: view.deliveredAt?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
  };
}

function presentDeliveryDetail(view: DeliveryDetail) {
  return {
    ...presentDelivery(view),
    attemptLog: view.attemptLog.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
  };
}

export const webhookRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['webhooks'];

  app.get(
    '/webhooks',
    {
      config: { access: 'webhooks:read' },
      schema: {
        tags,
        summary: 'List webhook subscriptions (admin)',
        querystring: schemas.SubscriptionListQuery,
        response: { 200: pageOf(schemas.SubscriptionView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listSubscriptions(db, request.query);
      return { items: page.items.map(presentSubscription), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/webhooks',
    {
      config: { access: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Subscribe a URL to events (admin); the signing secret is shown once',
        body: schemas.CreateSubscriptionBody,
        response: { 201: schemas.CreatedSubscription, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) => {
        const created = await createSubscription(tx, ctx, request.body);
        return { ...presentSubscription(created), secret: created.secret };
      });
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:read' },
      schema: {
        tags,
        summary: 'Read a webhook subscription (admin; without its secret)',
        params: IdParam,
        response: { 200: schemas.SubscriptionView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return presentSubscription(await getSubscription(db, request.params.id));
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Change URL, topics, department filter, name or activation (admin; optimistic version)',
        params: IdParam,
        body: schemas.UpdateSubscriptionBody,
        response: { 200: schemas.SubscriptionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentSubscription(await updateSubscription(db, ctx, request.params.id, request.body));
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Delete a webhook subscription and its delivery log (admin)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await deleteSubscription(db, ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { access: 'webhooks:read' },
      schema: {
        tags,
        summary: 'The delivery log of a subscription, newest first (admin)',
        params: IdParam,
        querystring: schemas.DeliveryListQuery,
        response: { 200: pageOf(schemas.DeliveryView), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await listDeliveries(db, request.params.id, request.query);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/webhooks/:id/deliveries/:deliveryId',
    {
      config: { access: 'webhooks:read' },
      schema: {
        tags,
        summary: 'One delivery with every attempt (admin)',
        params: schemas.DeliveryParams,
        response: { 200: schemas.DeliveryDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return presentDeliveryDetail(await getDelivery(db, request.params.id, request.params.deliveryId));
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: { access: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Send a delivery again, with a fresh budget of attempts (admin)',
        params: schemas.DeliveryParams,
        response: { 202: schemas.DeliveryView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const delivery = await redeliver(db, ctx, request.params.id, request.params.deliveryId);
      return reply.code(202).send(presentDelivery(delivery));
    },
  );

  app.post(
    '/webhooks/:id/ping',
    {
      config: { access: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Send a webhook.ping event to this subscription only (admin)',
        params: IdParam,
        response: { 202: schemas.PingResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 202, (tx) => ping(tx, ctx, request.params.id));
      return reply.code(result.status as 202).send(result.body);
    },
  );
};

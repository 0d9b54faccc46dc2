import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { STAFF_ROLES } from '../identity/actor.js';
import { fanOutOutbox } from './fan-out.js';
import { deliverWebhooks } from './sender.js';
import { caseEvent, publish, startReceiver, testClock } from '../../test/helpers/webhooks.js';
import { createDepartment } from '../../test/helpers/components.js';

const t = useTestApp();

// Each test creates what it needs; none inherits active subscriptions (deliveries are global).
afterEach(async () => {
  await t().database.db.updateTable('webhook_subscriptions').set({ active: false }).execute();
});

const validBody = {
  name: '城管局案件系统',
  url: 'https://cg.example.gov.cn/hooks/shuzhi',
  topics: ['case.*'],
};

async function admin(): Promise<TestUser> {
  return t().user({ role: 'admin' });
}

async function create(
  user: TestUser,
  body: Record<string, unknown> = validBody,
  headers: Record<string, string> = {},
) {
  return t().as(user, { method: 'POST', url: '/api/v1/webhooks', payload: body, headers });
}

describe('who may manage webhooks', () => {
  const others = STAFF_ROLES.filter((role) => role !== 'admin');

  it.each(others)('refuses the %s role everywhere with 403', async (role) => {
    const user = await t().user({
      role,
      ...(role === 'handler' || role === 'department_lead'
        ? { departmentId: (await createDepartment(t())).id }
        : {}),
    });
    const id = (await create(await admin())).json().id as number;
    const calls = [
      { method: 'GET', url: '/api/v1/webhooks' },
      { method: 'POST', url: '/api/v1/webhooks', payload: validBody },
      { method: 'GET', url: `/api/v1/webhooks/${id}` },
      { method: 'PATCH', url: `/api/v1/webhooks/${id}`, payload: { version: 1, active: false } },
      { method: 'DELETE', url: `/api/v1/webhooks/${id}` },
      { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` },
      { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries/1` },
      { method: 'POST', url: `/api/v1/webhooks/${id}/deliveries/1/redeliver` },
      { method: 'POST', url: `/api/v1/webhooks/${id}/ping` },
    ] as const;
    for (const call of calls) {
      const response = await t().as(user, call);
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(401);
  });
});

describe('subscriptions', () => {
  it('creates a subscription and shows its secret only once', async () => {
    const user = await admin();
    const created = await create(user, { ...validBody, topics: ['case.filed', 'case.closed', 'case.filed'] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toEqual({
      id: expect.any(Number),
      name: '城管局案件系统',
      url: 'https://cg.example.gov.cn/hooks/shuzhi',
      topics: ['case.filed', 'case.closed'],
      departmentId: null,
      active: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_/),
    });
    const read = await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.body).not.toContain(body.secret);
    const list = await t().as(user, { method: 'GET', url: '/api/v1/webhooks?limit=500' });
    expect(list.json().items.map((s: { id: number }) => s.id)).toContain(body.id);
    expect(list.body).not.toContain(body.secret);
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'webhook_subscription')
      .where('target_id', '=', String(body.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create']);
    expect(JSON.stringify(audit)).not.toContain(body.secret);
  });

  it('replays a retried creation with the same Idempotency-Key instead of creating twice', async () => {
    const user = await admin();
    const key = { 'idempotency-key': `create-${Math.random()}` };
    const first = await create(user, { ...validBody, name: 'retried' }, key);
    const again = await create(user, { ...validBody, name: 'retried' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const rows = await t()
      .database.db.selectFrom('webhook_subscriptions')
      .select('id')
      .where('name', '=', 'retried')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['ftp://files.example/hook', 'must use http or https'],
    ['https://user:secret@example.com/hook', 'must not contain a user name or password'],
    ['not a url', 'is not an absolute URL'],
    ['https://example.com/hook#x', 'must not contain a #fragment'],
  ])('refuses the URL %s with 400', async (url, reason) => {
    const response = await create(await admin(), { ...validBody, url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.url', reason }],
    });
  });

  it.each([[['Case.Filed']], [['case..filed']], [['case filed']], [['']], [[]], [['case.fil*']]])(
    'refuses the topics %j with 400',
    async (topics) => {
      const response = await create(await admin(), { ...validBody, topics });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors[0].field).toMatch(/^body\.topics/);
    },
  );

  it('refuses an unknown department and unknown fields with 400', async () => {
    const user = await admin();
    const unknownDepartment = await create(user, { ...validBody, departmentId: 999_999 });
    expect(unknownDepartment.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'body.departmentId', reason: 'no department 999999' }],
    });
    const extra = await create(user, { ...validBody, secret: 'mine' });
    expect(extra.statusCode).toBe(400);
  });

  it('updates with the version read, and answers 409 to a stale version', async () => {
    const user = await admin();
    const department = (await createDepartment(t())).id;
    const { id } = (await create(user)).json();
    const patched = await t().as(user, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: {
        version: 1,
        topics: ['case.overdue'],
        departmentId: department,
        url: 'http://10.0.0.8:8080/in',
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      version: 2,
      topics: ['case.overdue'],
      departmentId: department,
      url: 'http://10.0.0.8:8080/in',
    });
    const stale = await t().as(user, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: { version: 1, active: false },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${id}` })).json().active).toBe(true);
    const badUrl = await t().as(user, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: { version: 2, url: 'https://a:b@x.example/' },
    });
    expect(badUrl.statusCode).toBe(400);
    const missing = await t().as(user, {
      method: 'PATCH',
      url: '/api/v1/webhooks/999999',
      payload: { version: 1, active: false },
    });
    expect(missing.json()).toMatchObject({ status: 404, code: 'WEBHOOK_NOT_FOUND' });
  });

  it('deletes a subscription with its delivery log', async () => {
    const user = await admin();
    const { id } = (await create(user)).json();
    await t().as(user, { method: 'POST', url: `/api/v1/webhooks/${id}/ping` });
    expect((await t().as(user, { method: 'DELETE', url: `/api/v1/webhooks/${id}` })).statusCode).toBe(204);
    expect((await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${id}` })).json().code).toBe(
      'WEBHOOK_NOT_FOUND',
    );
    expect((await t().as(user, { method: 'DELETE', url: `/api/v1/webhooks/${id}` })).statusCode).toBe(404);
    const left = await t()
      .database.db.selectFrom('webhook_deliveries')
      .select('id')
      .where('subscription_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });
});

describe('ping, delivery log and redelivery', () => {
  it('pings one subscription only, and the receiver gets a signed webhook.ping', async () => {
    const user = await admin();
    const receiver = await startReceiver(200);
    try {
      const target = (await create(user, { ...validBody, url: receiver.url })).json();
      const bystander = (await create(user, { ...validBody, topics: ['*'] })).json();
      const ping = await t().as(user, { method: 'POST', url: `/api/v1/webhooks/${target.id}/ping` });
      expect(ping.statusCode).toBe(202);
      const { eventId, deliveryId } = ping.json();
      await fanOutOutbox(t().database.db);
      const ofBystander = await t().as(user, {
        method: 'GET',
        url: `/api/v1/webhooks/${bystander.id}/deliveries`,
      });
      expect(ofBystander.json().items).toEqual([]);
      await t().as(user, {
        method: 'PATCH',
        url: `/api/v1/webhooks/${bystander.id}`,
        payload: { version: 1, active: false },
      });

      await deliverWebhooks(t().database.db, { now: testClock().now });
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.headers['x-shuzhi-event']).toBe('webhook.ping');
      expect(receiver.requests[0]!.headers['x-shuzhi-delivery']).toBe(String(deliveryId));
      expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({
        id: String(eventId),
        topic: 'webhook.ping',
        aggregate: { type: 'webhook_subscription', id: String(target.id) },
        data: { subscriptionId: target.id },
      });
      const log = await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${target.id}/deliveries` });
      expect(log.json()).toMatchObject({
        items: [
          {
            id: deliveryId,
            eventId,
            topic: 'webhook.ping',
            status: 'succeeded',
            attempts: 1,
            lastStatusCode: 200,
          },
        ],
        nextCursor: null,
      });
      await t().as(user, {
        method: 'PATCH',
        url: `/api/v1/webhooks/${target.id}`,
        payload: { version: 1, active: false },
      });
      const inactive = await t().as(user, { method: 'POST', url: `/api/v1/webhooks/${target.id}/ping` });
      expect(inactive.json()).toMatchObject({ status: 409, code: 'WEBHOOK_INACTIVE' });
    } finally {
      await receiver.close();
    }
  });

  it('pages and filters the delivery log, and redelivers a dead delivery with a fresh budget', async () => {
    const user = await admin();
    const sub = (
      await create(user, { ...validBody, url: 'http://127.0.0.1:9/nowhere', topics: ['case.reported'] })
    ).json();
    await publish(t().database.db, ...['L-1', 'L-2', 'L-3'].map((id) => caseEvent('case.reported', id)));
    await fanOutOutbox(t().database.db);
    const first = (
      await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${sub.id}/deliveries?limit=2` })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t().as(user, {
        method: 'GET',
        url: `/api/v1/webhooks/${sub.id}/deliveries?limit=2&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(second).toMatchObject({ items: [{ status: 'pending' }], nextCursor: null });
    const ids = [...first.items, ...second.items].map((d: { id: number }) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const deadId = ids[0]!;
    await t()
      .database.db.updateTable('webhook_deliveries')
      .set({ status: 'dead', attempts: 10 })
      .where('id', '=', deadId)
      .execute();
    const dead = (
      await t().as(user, { method: 'GET', url: `/api/v1/webhooks/${sub.id}/deliveries?status=dead` })
    ).json();
    expect(dead.items.map((d: { id: number }) => d.id)).toEqual([deadId]);
    expect(dead.items[0].nextAttemptAt).toBeNull();

    const again = await t().as(user, {
      method: 'POST',
      url: `/api/v1/webhooks/${sub.id}/deliveries/${deadId}/redeliver`,
    });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({
      id: deadId,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: expect.any(String),
    });

    const other = (await create(user)).json();
    const wrongSub = await t().as(user, {
      method: 'POST',
      url: `/api/v1/webhooks/${other.id}/deliveries/${deadId}/redeliver`,
    });
    expect(wrongSub.json()).toMatchObject({ status: 404, code: 'WEBHOOK_DELIVERY_NOT_FOUND' });
    const wrongRead = await t().as(user, {
      method: 'GET',
      url: `/api/v1/webhooks/${other.id}/deliveries/${deadId}`,
    });
    expect(wrongRead.statusCode).toBe(404);
    expect(
      (await t().as(user, { method: 'GET', url: '/api/v1/webhooks/999999/deliveries' })).json().code,
    ).toBe('WEBHOOK_NOT_FOUND');
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'webhook_subscription')
      .where('target_id', '=', String(sub.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.redeliver']);
    for (const id of [sub.id, other.id]) {
      await t().as(user, { method: 'DELETE', url: `/api/v1/webhooks/${id}` });
    }
  });
});

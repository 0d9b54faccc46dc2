import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.js';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { enqueue, enqueueAll } from './outbox.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const rowsOf = (aggregateId: string) =>
  database.db
    .selectFrom('outbox')
    .selectAll()
    .where('aggregate_id', '=', aggregateId)
    .orderBy('id')
    .execute();

describe('enqueue', () => {
  it('writes the event with the state change when the transaction commits', async () => {
    const event = await database.db.transaction().execute((tx) =>
      enqueue(tx, {
        topic: 'case.filed',
        aggregateType: 'case',
        aggregateId: 'C-1',
        payload: { caseId: 'C-1', departmentId: 3, title: '井盖缺失' },
      }),
    );
    const [row] = await rowsOf('C-1');
    expect(row).toMatchObject({
      id: event.id,
      topic: 'case.filed',
      aggregate_type: 'case',
      aggregate_id: 'C-1',
      payload: { caseId: 'C-1', departmentId: 3, title: '井盖缺失' },
      fanned_out_at: null,
    });
    expect(row!.occurred_at).toEqual(event.occurredAt);
  });

  it('leaves no event behind when the transaction rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueue(tx, { topic: 'case.filed', aggregateType: 'case', aggregateId: 'C-2', payload: {} });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await rowsOf('C-2')).toEqual([]);
  });

  it('writes several events in one statement, in order', async () => {
    const events = await database.db.transaction().execute((tx) =>
      enqueueAll(tx, [
        { topic: 'case.dispatched', aggregateType: 'case', aggregateId: 'C-3', payload: { step: 1 } },
        { topic: 'case.handled', aggregateType: 'case', aggregateId: 'C-3', payload: { step: 2 } },
      ]),
    );
    expect(events).toHaveLength(2);
    expect((await rowsOf('C-3')).map((r) => r.topic)).toEqual(['case.dispatched', 'case.handled']);
  });

  it('refuses to run outside a transaction', async () => {
    const notATransaction = database.db as unknown as Transaction<DB>;
    await expect(
      enqueue(notATransaction, {
        topic: 'case.filed',
        aggregateType: 'case',
        aggregateId: 'C-4',
        payload: {},
      }),
    ).rejects.toThrow(/transaction of the state change/);
    expect(await rowsOf('C-4')).toEqual([]);
  });

  it.each(['case', 'Case.Filed', 'case.', 'case filed', '.filed'])(
    'refuses the malformed topic %j',
    async (topic) => {
      await expect(
        database.db
          .transaction()
          .execute((tx) => enqueue(tx, { topic, aggregateType: 'case', aggregateId: 'C-5', payload: {} })),
      ).rejects.toThrow(/Invalid outbox topic/);
    },
  );

  it('is typed to demand a transaction', () => {
    const event = { topic: 'a.b', aggregateType: 'x', aggregateId: 1, payload: {} };
    // @ts-expect-error a database handle is not a transaction
    const call = (db: Kysely<DB>) => enqueue(db, event);
    expect(typeof call).toBe('function');
  });
});

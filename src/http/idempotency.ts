/**
 * Idempotency-Key for creating writes (phones retry): the key row is inserted in the same
 * transaction as the write and holds its response, so a retry replays the committed answer and
 * never writes twice. The same key with another request body is refused (422); a retry that
 * arrives while the first is still running waits for it on PostgreSQL (unique-index lock) and is
 * answered 409 if it cannot.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';

const IN_FLIGHT = 0;

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

function keyOf(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1–255 visible ASCII characters', {
      errors: [{ field: 'header.idempotency-key', reason: 'must be 1–255 visible ASCII characters' }],
    });
  }
  return key;
}

/**
 * Runs `run` in a transaction under the request's Idempotency-Key (if any). With `present`, the
 * response body is made from run's result: after commit when there is no key (so the write's
 * locks are not held while the answer is read), inside the transaction when there is one (the
 * stored answer must be committed with the write).
 */
export async function idempotent<T>(
  request: FastifyRequest,
  db: Kysely<DB>,
  status: number,
  run: (tx: Transaction<DB>) => Promise<T>,
): Promise<IdempotentResult<T>>;
export async function idempotent<V, T>(
  request: FastifyRequest,
  db: Kysely<DB>,
  status: number,
  run: (tx: Transaction<DB>) => Promise<V>,
  present: (db: Kysely<DB> | Transaction<DB>, value: V) => Promise<T>,
): Promise<IdempotentResult<T>>;
export async function idempotent<V, T>(
  request: FastifyRequest,
  db: Kysely<DB>,
  status: number,
  run: (tx: Transaction<DB>) => Promise<V>,
  present?: (db: Kysely<DB> | Transaction<DB>, value: V) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const answer = present ?? (async (_db: unknown, value: V) => value as unknown as T);
  const key = keyOf(request);
  if (key === null) {
    const value = await db.transaction().execute(run);
    return { status, body: await answer(db, value), replayed: false };
  }
  const scope = request.credential
    ? `user:${request.credential.actor.id}`
    : request.citizen
      ? `citizen:${request.citizen.citizen.id}`
      : `ip:${request.ip}`;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: requestHash, status_code: IN_FLIGHT, response_body: null })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (stored.status_code === IN_FLIGHT) throw new DomainError('IDEMPOTENCY_KEY_IN_FLIGHT');
      return { status: stored.status_code, body: stored.response_body as T, replayed: true };
    }
    const body = await answer(tx, await run(tx));
    await tx
      .updateTable('idempotency_keys')
      .set({ status_code: status, response_body: JSON.stringify(body) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { status, body, replayed: false };
  });
}

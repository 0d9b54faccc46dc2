/**
 * 限流计数 — where the per-address and per-key rate limits (`@fastify/rate-limit`: route
 * `config.rateLimit` and `createRateLimit`) keep their counters, so that every process of a
 * deployment counts together (docs/security.md §Rate limits):
 *
 * - `memory`: in this process (the plugin's LRU map). Right for the embedded database, which is
 *   one process by construction (the data-folder lock).
 * - `postgres`: a fixed-window counter per key in the UNLOGGED table `rate_limit_counters`
 *   (migration 0024), one upsert per limited request. For a PostgreSQL deployment without Redis.
 * - `redis`: the plugin's own Redis store (an atomic Lua INCR + PEXPIRE per request). What a
 *   production deployment of several processes should use: a counter is one round trip to memory,
 *   never a write to the database that serves the cases.
 *
 * The login throttle and lockout (identity/throttle.ts) are not kept here: they live in
 * PostgreSQL (`login_throttle`), transactional with the login, whatever the store.
 *
 * A store that fails (Redis down) lets the request through and the failure is logged: a rate limit
 * protects the service, and must not take it down. The login throttle stays enforced.
 */
import type {
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
  RateLimitPluginOptions,
} from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export type RateLimitStoreKind = 'memory' | 'postgres' | 'redis';

export type RateLimitStore =
  | { kind: 'memory' }
  | { kind: 'postgres' }
  | {
      kind: 'redis';
      redis: Redis;
      /** Prefix of every counter's key; tests give each run its own. */
      prefix?: string;
    };

export const DEFAULT_REDIS_PREFIX = 'shuzhi:rate-limit:';

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/** What the rate-limit plugin's options need for the chosen store. */
export function rateLimitStoreOptions(
  store: RateLimitStore,
  db: Kysely<DB>,
): Pick<RateLimitPluginOptions, 'store' | 'redis' | 'nameSpace' | 'skipOnError'> {
  switch (store.kind) {
    case 'memory':
      return {};
    case 'redis':
      return { redis: store.redis, nameSpace: store.prefix ?? DEFAULT_REDIS_PREFIX, skipOnError: true };
    case 'postgres':
      return { store: postgresStore(db), skipOnError: true };
  }
}

/** A fixed-window counter: the first hit opens a window of `timeWindow` ms; hits past `max` are refused. */
export async function hitCounter(
  db: Kysely<DB>,
  key: string,
  timeWindowMs: number,
): Promise<{ current: number; ttl: number }> {
  // Keys are short (a route and an address); a long one is kept as its hash.
  const stored = key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
  const { rows } = await sql<{ hits: number; ttl: number }>`
    insert into rate_limit_counters as c (key, hits, resets_at)
    values (${stored}, 1, now() + make_interval(secs => ${timeWindowMs / 1000}::float8))
    on conflict (key) do update set
      hits = case when c.resets_at <= now() then 1 else c.hits + 1 end,
      resets_at = case when c.resets_at <= now()
        then now() + make_interval(secs => ${timeWindowMs / 1000}::float8) else c.resets_at end
    returning hits, greatest(0, extract(epoch from (resets_at - now())) * 1000)::float8 as ttl`.execute(db);
  const row = rows[0]!;
  return { current: row.hits, ttl: Math.ceil(row.ttl) };
}

/** Deletes counters whose window has ended (a background job when the store is `postgres`). */
export async function purgeRateLimitCounters(db: Kysely<DB>): Promise<number> {
  const result = await sql`delete from rate_limit_counters where resets_at < now()`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

function routePrefix(routeInfo: RouteInfo | undefined): string {
  if (!routeInfo?.url) return '';
  const method = Array.isArray(routeInfo.method) ? routeInfo.method.join(',') : (routeInfo.method ?? '');
  return `${method}${routeInfo.url}-`;
}

/** The plugin's store interface (incr with a callback, child per route) over `hitCounter`. */
function postgresStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    /** The plugin constructs the root store with its options (unused) and children per route. */
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
    ): void {
      hitCounter(db, `${this.prefix}${key}`, timeWindow ?? 60_000).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error as Error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const { routeInfo } = routeOptions as unknown as { routeInfo?: RouteInfo };
      return new PostgresRateLimitStore(undefined, routePrefix(routeInfo));
    }
  }
  return PostgresRateLimitStore;
}

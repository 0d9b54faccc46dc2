/**
 * 登录限速 — the login throttle's state, kept in PostgreSQL so that every process of a deployment
 * counts together (`login_throttle`, migration 0014; the decisions are in ./throttle-rules.ts and
 * the design in docs/security.md §Login throttling). Used by the staff login, the citizen login and
 * the current-password check.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  FAILURE_WINDOW_SECONDS,
  KNOWN_ADDRESS_DAYS,
  THROTTLE_LIMITS,
  backoffSeconds,
  retryAfterSeconds,
  type ThrottleKind,
} from './throttle-rules.js';

export interface Counter {
  kind: ThrottleKind;
  key: string;
}

/** Staff and citizens log in with different names; their counters never mix. */
export type LoginChannel = 'staff' | 'citizen';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The three counters of a login attempt. `name` is what the client typed (or, for citizens, a
 * blind index of it): whether an account has that name plays no part, so an unknown name is
 * counted exactly like a known one. Names and addresses are stored only hashed.
 */
export function loginCounters(channel: LoginChannel, name: string, clientIp: string | null): Counter[] {
  const address = clientIp ?? 'unknown';
  return [
    { kind: 'pair', key: `${channel}:${sha256(`${name}\n${address}`)}` },
    { kind: 'address', key: sha256(address) },
    { kind: 'account', key: `${channel}:${sha256(name)}` },
  ];
}

/** The counter of the current-password check of one signed-in staff account. */
export function passwordCheckCounter(userId: number): Counter {
  return { kind: 'password', key: `staff:${userId}` };
}

function matching(counters: readonly Counter[]) {
  return sql.join(
    counters.map((c) => sql`(kind = ${c.kind} and key = ${c.key})`),
    sql` or `,
  );
}

/**
 * Refuses with `RATE_LIMITED` (429, `retryAfter` seconds) while any of the counters is blocked.
 * The same answer whether or not the name belongs to an account, and it costs no password hash.
 */
export async function assertNotThrottled(db: Kysely<DB>, counters: readonly Counter[]): Promise<void> {
  const result = await sql<{ kind: ThrottleKind; blocked_seconds: number | null; known: boolean | null }>`
    select kind,
      extract(epoch from (blocked_until - now()))::float8 as blocked_seconds,
      last_success_at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS}) as known
    from login_throttle where ${matching(counters)}`.execute(db);
  const wait = retryAfterSeconds(
    result.rows.map((row) => ({
      kind: row.kind,
      blockedSeconds: row.blocked_seconds ?? 0,
      knownAddress: row.known === true,
    })),
  );
  if (wait > 0) {
    throw new DomainError('RATE_LIMITED', `Too many failed attempts; try again in ${wait} seconds`, {
      retryAfter: wait,
    });
  }
}

/**
 * Counts one failure on each counter (restarting a counter idle for FAILURE_WINDOW_SECONDS) and
 * blocks those past their free failures. Returns the longest block it started, in seconds.
 */
export async function recordFailure(db: Kysely<DB>, counters: readonly Counter[]): Promise<number> {
  return inTransaction(db, async (tx) => {
    let longest = 0;
    for (const counter of counters) {
      const { rows } = await sql<{ failures: number }>`
        insert into login_throttle as t (kind, key, failures, last_failure_at)
        values (${counter.kind}, ${counter.key}, 1, now())
        on conflict (kind, key) do update set
          failures = case
            when t.last_failure_at > now() - make_interval(secs => ${FAILURE_WINDOW_SECONDS}::float8)
            then t.failures + 1 else 1 end,
          last_failure_at = now()
        returning failures`.execute(tx);
      const seconds = backoffSeconds(rows[0]!.failures, THROTTLE_LIMITS[counter.kind]);
      if (seconds === 0) continue;
      longest = Math.max(longest, seconds);
      await sql`
        update login_throttle
        set blocked_until = greatest(blocked_until, now() + make_interval(secs => ${seconds}::float8))
        where kind = ${counter.kind} and key = ${counter.key}`.execute(tx);
    }
    return longest;
  });
}

/**
 * A successful login from this address: its pair counter starts again and the address becomes
 * one of the name's own. The address and account counters are left alone — an attacker who owns
 * one account must not be able to reset them by logging into it between guesses.
 */
export async function recordSuccess(db: Kysely<DB>, counters: readonly Counter[]): Promise<void> {
  const pair = counters.find((c) => c.kind === 'pair');
  if (!pair) return;
  await sql`
    insert into login_throttle as t (kind, key, failures, last_success_at)
    values (${pair.kind}, ${pair.key}, 0, now())
    on conflict (kind, key) do update set
      failures = 0, last_failure_at = null, blocked_until = null, last_success_at = now()`.execute(db);
}

/** Forgets a counter (the current-password check after a right password). */
export async function clearCounter(db: Kysely<DB>, counter: Counter): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('kind', '=', counter.kind)
    .where('key', '=', counter.key)
    .execute();
}

/** Deletes rows that no longer count, block or mark a known address (a background job, hourly). */
export async function purgeThrottle(db: Kysely<DB>): Promise<number> {
  const result = await sql`
    delete from login_throttle
    where (last_failure_at is null or last_failure_at < now() - make_interval(secs => ${FAILURE_WINDOW_SECONDS}::float8))
      and (blocked_until is null or blocked_until < now())
      and (last_success_at is null or last_success_at < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS}))`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0n);
}

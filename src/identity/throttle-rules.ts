/**
 * 登录限速 — the login throttle's decisions, pure (docs/security.md §Login throttling).
 *
 * Wrong passwords are counted per login name from one address (`pair`), per client address
 * (`address`) and per login name from everywhere (`account`). Each counter has a number of free
 * failures; every failure beyond it blocks that counter for a delay that doubles, up to a cap
 * (exponential backoff, OWASP Authentication Cheat Sheet §"Login Throttling"). Nothing is a hard
 * lock: a block always ends, and the owner's own addresses are spared the limits an outsider can
 * drive up from elsewhere. The keys are derived from what the client sent, never from whether the
 * account exists, so a known and an unknown name are throttled — and answered — alike.
 */

/** 限速计数 — what a counter counts. */
export type ThrottleKind = 'pair' | 'address' | 'account' | 'password';

export interface ThrottleLimit {
  /** Failures answered normally before the first block. */
  free: number;
  /** The first block; each further failure doubles it. */
  baseSeconds: number;
  capSeconds: number;
}

export const THROTTLE_LIMITS: Readonly<Record<ThrottleKind, ThrottleLimit>> = {
  // One name from one address: a person mistyping gets 5 tries, then 30 s, 1 min, 2 min … 15 min.
  pair: { free: 5, baseSeconds: 30, capSeconds: 900 },
  // One address trying many names (password spraying); an office behind one NAT shares it, hence
  // the higher allowance, and addresses a name has logged in from are spared.
  address: { free: 30, baseSeconds: 30, capSeconds: 900 },
  // One name from many addresses (a botnet). Soft on purpose: at most 2 minutes, and never for an
  // address the name has logged in from — the real owner's usual addresses keep working.
  account: { free: 50, baseSeconds: 10, capSeconds: 120 },
  // The current-password check of `PUT /auth/password`, per signed-in user (a stolen session must
  // not become a password oracle).
  password: { free: 5, baseSeconds: 30, capSeconds: 900 },
};

/** A counter restarts after this long without a failure. Longer than every cap, so backoff grows. */
export const FAILURE_WINDOW_SECONDS = 3600;
/** An address a name logged in from within this many days is that name's own (spared above). */
export const KNOWN_ADDRESS_DAYS = 30;

/** How long a counter is blocked after its `failures`-th failure in a row; 0 while still free. */
export function backoffSeconds(failures: number, limit: ThrottleLimit): number {
  if (failures < limit.free) return 0;
  const doublings = failures - limit.free;
  // 2^doublings overflows to Infinity long after the cap is reached; min() keeps it finite.
  return Math.min(limit.capSeconds, limit.baseSeconds * 2 ** Math.min(doublings, 30));
}

export interface CounterState {
  kind: ThrottleKind;
  /** Seconds until the block ends; 0 or less when not blocked. */
  blockedSeconds: number;
  /** Whether the pair row shows a successful login within KNOWN_ADDRESS_DAYS. */
  knownAddress?: boolean;
}

/**
 * Seconds the client must wait before trying again, or 0. The pair's block always applies; the
 * address's and the account's do not when the name has logged in from this address before.
 */
export function retryAfterSeconds(states: readonly CounterState[]): number {
  const known = states.some((s) => s.kind === 'pair' && s.knownAddress === true);
  let wait = 0;
  for (const state of states) {
    if (known && (state.kind === 'address' || state.kind === 'account')) continue;
    wait = Math.max(wait, Math.ceil(state.blockedSeconds));
  }
  return wait;
}

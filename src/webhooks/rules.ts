/**
 * Pure rules of webhook delivery: which topics a subscription wants, which URLs are acceptable,
 * the retry schedule, and the signature. No I/O; tested in rules.test.ts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldError } from '../shared/errors.js';

/** Where a delivery stands: waiting or retrying (pending, failed), or done (succeeded, dead). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * A topic pattern: dot-separated lower-case words, where `*` matches any run of characters
 * (dots included). `case.*` → every case event; `*.overdue`; `*` → everything; `case.filed`.
 */
export const TOPIC_PATTERN_SOURCE = '^(\\*|[a-z0-9_]+)(\\.(\\*|[a-z0-9_]+))*$';
const TOPIC_PATTERN_RE = new RegExp(TOPIC_PATTERN_SOURCE);

export function isTopicPattern(pattern: string): boolean {
  return pattern.length <= 100 && TOPIC_PATTERN_RE.test(pattern);
}

export function topicMatches(pattern: string, topic: string): boolean {
  if (pattern === topic) return true;
  if (!pattern.includes('*')) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(topic);
}

export function subscribesTo(patterns: readonly string[], topic: string): boolean {
  return patterns.some((pattern) => topicMatches(pattern, topic));
}

/** Why a webhook URL is refused, or null: http(s) only, a host, no credentials, no fragment. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.hostname === '') return 'needs a host';
  // The secret authenticates Shuzhi to the receiver; credentials in a URL leak into logs.
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.hash !== '') return 'must not contain a #fragment';
  if (raw.length > 2000) return 'must be at most 2000 characters';
  return null;
}

export function urlFieldErrors(raw: string | undefined, field = 'body.url'): FieldError[] {
  if (raw === undefined) return [];
  const problem = urlProblem(raw);
  return problem ? [{ field, reason: problem }] : [];
}

export const MAX_ATTEMPTS = 10;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
/** ± this share of the delay is random, so receivers that come back are not hit by a herd. */
export const RETRY_JITTER = 0.2;

/**
 * Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, 4 min, …
 * doubled each time, capped at 6 h, each ±20 % at random. With at most 10 attempts the last
 * retry comes about 4¼ hours after the first attempt.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(exponent, 30));
  return Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random()));
}

export type AttemptOutcome = { kind: 'succeeded' } | { kind: 'retry'; delayMs: number } | { kind: 'dead' };

/** What follows an attempt: 2xx succeeds; anything else retries until MAX_ATTEMPTS, then dead. */
export function outcomeOf(
  statusCode: number | null,
  attempts: number,
  random: () => number = Math.random,
): AttemptOutcome {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { kind: 'succeeded' };
  if (attempts >= MAX_ATTEMPTS) return { kind: 'dead' };
  return { kind: 'retry', delayMs: retryDelayMs(attempts, random) };
}

/** A new signing secret: 32 random bytes, shown once to the administrator. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** hex HMAC-SHA256(secret, `${timestamp}.${body}`), the value after `sha256=`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The receiver's check (also what docs/integration.md shows): the signature matches and the
 * timestamp is within the tolerance, which stops a captured request from being replayed later.
 */
export function verifySignature(
  secret: string,
  header: { timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(`sha256=${signature(secret, timestamp, body)}`);
  const given = Buffer.from(header.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

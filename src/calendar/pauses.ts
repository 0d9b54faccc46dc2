/**
 * Pauses of the deadline clock: 挂账 / 缓办 (suspension) and any other interval during which a
 * case's time limit does not run. Overlapping and unordered pauses are merged first.
 */
import { instantMs, type MsInterval } from './calendar.js';
import { CalendarError } from './errors.js';

/** A pause from `from` (inclusive) to `to` (exclusive); `to: null` is a pause that has not ended yet. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** Pauses merged into ascending, disjoint intervals. */
export interface NormalizedPauses {
  /** Ended pauses, ascending and disjoint, none touching `openFrom`. */
  closed: readonly MsInterval[];
  /** Start of the pause that has not ended (merged with any pause overlapping it), else +∞. */
  openFrom: number;
}

export const NO_PAUSES: NormalizedPauses = Object.freeze({ closed: Object.freeze([]), openFrom: Infinity });

export function normalizePauses(pauses: readonly Pause[] | undefined): NormalizedPauses {
  if (pauses === undefined || pauses.length === 0) return NO_PAUSES;
  const intervals = pauses.map((pause, index): MsInterval => {
    const from = instantMs(pause.from, `pauses[${index}].from`);
    const to = pause.to === null ? Infinity : instantMs(pause.to, `pauses[${index}].to`);
    if (to < from) {
      throw new CalendarError('CALENDAR_INVALID_PAUSE', `pauses[${index}] ends before it starts`);
    }
    return [from, to];
  });
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) merged.push([from, to]);
  }
  const last = merged.at(-1);
  if (last !== undefined && last[1] === Infinity) {
    merged.pop();
    return { closed: merged, openFrom: last[0] };
  }
  return { closed: merged, openFrom: Infinity };
}

/**
 * Walks the unpaused pieces of [start, end) in time order, calling `visit(pieceStart, pieceEnd)`;
 * stops early when `visit` returns true. Time at or after `openFrom` is never visited.
 *
 * `cursor.index` lets a caller that walks forward through many intervals resume the pause scan
 * where it left off, so a long walk costs O(days + pauses), not O(days × pauses).
 */
export function forEachUnpausedPiece(
  start: number,
  end: number,
  pauses: NormalizedPauses,
  cursor: { index: number },
  visit: (pieceStart: number, pieceEnd: number) => boolean,
): boolean {
  const stop = Math.min(end, pauses.openFrom);
  let position = start;
  const closed = pauses.closed;
  while (cursor.index < closed.length && (closed[cursor.index]?.[1] ?? Infinity) <= position) cursor.index++;
  for (let i = cursor.index; position < stop && i < closed.length; i++) {
    const pause = closed[i];
    if (pause === undefined || pause[0] >= stop) break;
    if (pause[0] > position && visit(position, pause[0])) return true;
    position = Math.max(position, pause[1]);
  }
  if (position < stop) return visit(position, stop);
  return false;
}

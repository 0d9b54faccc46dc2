/**
 * 办理过程 — how the history of a case is presented to staff: who acted (姓名, 岗位, 部门 of a staff
 * member; 市民 for a citizen, never a phone number or an account; the Open311 application's name;
 * 系统) and what the system recorded, as structured facts the web turns into a sentence in the
 * reader's language. Pure: the rows come joined from queries.ts.
 *
 * The stored `actor_name` is the login name (`inspector-016`), `citizen:1` or `open311:<prefix>`:
 * it identifies the account for audit and never reaches the screen.
 */
import { CASE_CLOCKS, type CaseClock, type TimelineActor, type TimelineDetail } from './workflow/index.js';

export type { TimelineActor, TimelineDetail };

/** A history row with the actor's account, department and Open311 application joined in. */
export interface TimelineRow {
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  note: string | null;
  changes: Record<string, { before?: unknown; after?: unknown } | undefined>;
  user_display_name: string | null;
  user_position: string | null;
  user_department: string | null;
  open311_application: string | null;
}

export function timelineActor(row: TimelineRow): TimelineActor {
  if (row.actor_id !== null)
    return {
      kind: 'staff',
      id: row.actor_id,
      name: row.user_display_name,
      role: row.actor_role,
      position: row.user_position,
      department: row.user_department,
    };
  const account = row.actor_name ?? '';
  if (account === 'public' || account.startsWith('citizen:')) return { kind: 'citizen' };
  if (account.startsWith('open311:')) return { kind: 'open311', application: row.open311_application };
  return { kind: 'system' };
}

const asClock = (value: unknown): CaseClock | null =>
  (CASE_CLOCKS as readonly unknown[]).includes(value) ? (value as CaseClock) : null;

// Rows written before the sweep stored its facts structurally carry them in the note only.
const OLD_OVERDUE_NOTE = /^(\w+) 时限已超 (-?\d+) 分钟$/;
const OLD_ESCALATION_NOTE = /^(\w+) 时限已超三倍，自动督办$/;
const OLD_MERGED_NOTE = /^(\S+) merged into this case$/;

/**
 * The structured detail of a system-written event, or null for the others (their note and reason
 * are people's words and are shown as written).
 */
export function timelineDetail(row: TimelineRow): TimelineDetail | null {
  const after = (key: string) => row.changes[key]?.after;
  const note = row.note ?? '';
  if (row.action === 'overdue') {
    const old = OLD_OVERDUE_NOTE.exec(note);
    const minutes = after('overdue_minutes') ?? old?.[2];
    return {
      kind: 'deadline_overdue',
      clock: asClock(after('clock') ?? old?.[1]),
      overdueMinutes: minutes === undefined ? null : Number(minutes),
    };
  }
  if (row.action === 'escalate' && row.actor_id === null) {
    const old = OLD_ESCALATION_NOTE.exec(note);
    if (old || after('clock') !== undefined)
      return { kind: 'deadline_escalation', clock: asClock(after('clock') ?? old?.[1]) };
  }
  if (row.action === 'merged-in') {
    const number = after('merged_case_number') ?? OLD_MERGED_NOTE.exec(note)?.[1];
    return { kind: 'merged_in', caseNumber: typeof number === 'string' ? number : null };
  }
  return null;
}

/**
 * 通知类型 — the kinds of in-app notification. `kind` is open text so a new module can add one
 * without a migration; these are the kinds the case workflow sends, and what the web app has an
 * icon and a filter for. A kind is lower_snake_case, at most 50 characters.
 */
export const NOTIFICATION_KINDS = {
  /** 新任务 — a case arrived in your queue (to file, to dispatch, to handle, to verify). */
  task_new: 'A new task is waiting for you',
  /** 即将超时 — a case in your queue reaches its working-time limit soon. */
  deadline_near: 'A deadline is near',
  /** 已超时 — a case in your queue passed its limit. */
  overdue: 'A deadline has passed',
  /** 督办 / 升级 — a case was escalated to you or above you. */
  escalated: 'A case was escalated',
  /** 退回 — a case you sent on was returned (by the department or the command center). */
  returned: 'A case was returned',
  /** 催办 — someone urged you to act on a case. */
  reminded: 'You were reminded of a case',
  /** 结案 — a case you worked on was closed. */
  closed: 'A case was closed',
  /** 系统 — announcements by the administrators. */
  system: 'System notice',
} as const;

export type KnownNotificationKind = keyof typeof NOTIFICATION_KINDS;
/** A known kind, or any other lower_snake_case word (kept open on purpose). */
export type NotificationKind = KnownNotificationKind | (string & {});

export const NOTIFICATION_KIND_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;

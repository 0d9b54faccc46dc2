/**
 * 办理过程 — a case's history as people read it, for the desktop case page and the phone: each
 * event's name (workflow actions and the system's own events: 上报, 超时, 并入 …), who acted (姓名,
 * 岗位 and 部门 of staff; 市民; the Open311 application; 系统) and the system's records written as
 * sentences from their facts (the server sends facts, not text: src/cases/timeline.ts).
 */
import { defineMessages, getLang, type Lang } from './i18n.js';
import {
  actionLabels,
  CASE_ACTIONS,
  clockLabels,
  positionLabels,
  roleLabels,
  ROLES,
  POSITIONS,
  type CaseAction,
  type Position,
  type Role,
} from './labels.js';
import type { TimelineActor, TimelineDetail } from '../../../src/cases/workflow/model.js';

export type { TimelineActor, TimelineDetail };

const history = defineMessages(
  {
    report: '上报',
    'merged-in': '并入重复案卷',
    overdue: '超时',
    'citizen-update': '市民补充信息',
    other: '其他记录',
    citizen: '市民',
    system: '系统',
    open311: '{app}（Open311）',
    open311Unnamed: 'Open311 接入系统',
    staff: '{name}（{post}）',
    staffWithDepartment: '{name}（{post} · {department}）',
    unnamed: '工作人员',
    someClock: '办理时限',
    overdueBy: '{clock}已超出 {duration}（按工作时间计）',
    overdueUnknown: '{clock}已超时',
    escalation: '已超过{clock}的三倍，系统自动督办',
    mergedIn: '重复案卷 {number} 已并入本案',
    mergedInUnknown: '一件重复案卷已并入本案',
    hours: '{h}小时',
    hoursMinutes: '{h}小时{m}分钟',
    minutes: '{m}分钟',
  },
  {
    report: 'Reported',
    'merged-in': 'Duplicate merged in',
    overdue: 'Overdue',
    'citizen-update': 'Citizen added information',
    other: 'Other record',
    citizen: 'Citizen',
    system: 'System',
    open311: '{app} (Open311)',
    open311Unnamed: 'Open311 client',
    staff: '{name} ({post})',
    staffWithDepartment: '{name} ({post}, {department})',
    unnamed: 'Staff member',
    someClock: 'Case',
    overdueBy: '{clock} time limit exceeded by {duration} of working time',
    overdueUnknown: '{clock} time limit exceeded',
    escalation: 'Three times the {clock} time limit passed: escalated automatically',
    mergedIn: 'Duplicate case {number} was merged into this case',
    mergedInUnknown: 'A duplicate case was merged into this case',
    hours: '{h} h',
    hoursMinutes: '{h} h {m} min',
    minutes: '{m} min',
  },
);

const SYSTEM_EVENTS = ['report', 'merged-in', 'overdue', 'citizen-update'] as const;
type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/** The name of a history event: a workflow action or one of the events the system writes. */
export function eventLabel(action: string, lang: Lang = getLang()): string {
  if ((CASE_ACTIONS as readonly string[]).includes(action))
    return actionLabels.t(action as CaseAction, undefined, lang);
  if ((SYSTEM_EVENTS as readonly string[]).includes(action))
    return history.t(action as SystemEvent, undefined, lang);
  return history.t('other', undefined, lang);
}

/** 岗位: a supervisor's post (受理员, 值班长) where known, else the role. */
function postOf(actor: Extract<TimelineActor, { kind: 'staff' }>, lang: Lang): string | null {
  if (actor.position && (POSITIONS as readonly string[]).includes(actor.position))
    return positionLabels.t(actor.position as Position, undefined, lang);
  if (actor.role && (ROLES as readonly string[]).includes(actor.role))
    return roleLabels.t(actor.role as Role, undefined, lang);
  return null;
}

/** 姓名（岗位 · 部门）, 市民, the Open311 application, or 系统. */
export function actorLabel(actor: TimelineActor, lang: Lang = getLang()): string {
  switch (actor.kind) {
    case 'citizen':
      return history.t('citizen', undefined, lang);
    case 'system':
      return history.t('system', undefined, lang);
    case 'open311':
      return actor.application
        ? history.t('open311', { app: actor.application }, lang)
        : history.t('open311Unnamed', undefined, lang);
    case 'staff': {
      const name = actor.name ?? history.t('unnamed', undefined, lang);
      const post = postOf(actor, lang);
      if (!post) return name;
      return actor.department
        ? history.t('staffWithDepartment', { name, post, department: actor.department }, lang)
        : history.t('staff', { name, post }, lang);
    }
  }
}

/** Working minutes as hours and minutes (6小时, 1小时30分钟, 45分钟). */
export function durationLabel(minutes: number, lang: Lang = getLang()): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return history.t('minutes', { m }, lang);
  return m === 0 ? history.t('hours', { h }, lang) : history.t('hoursMinutes', { h, m }, lang);
}

/** The system's record as a sentence in the reader's language. */
export function detailLabel(detail: TimelineDetail, lang: Lang = getLang()): string {
  switch (detail.kind) {
    case 'deadline_overdue': {
      const clock = detail.clock
        ? clockLabels.t(detail.clock, undefined, lang)
        : history.t('someClock', undefined, lang);
      return detail.overdueMinutes === null
        ? history.t('overdueUnknown', { clock }, lang)
        : history.t('overdueBy', { clock, duration: durationLabel(detail.overdueMinutes, lang) }, lang);
    }
    case 'deadline_escalation': {
      const clock = detail.clock
        ? clockLabels.t(detail.clock, undefined, lang)
        : history.t('someClock', undefined, lang);
      return history.t('escalation', { clock }, lang);
    }
    case 'merged_in':
      return detail.caseNumber
        ? history.t('mergedIn', { number: detail.caseNumber }, lang)
        : history.t('mergedInUnknown', undefined, lang);
  }
}

/** The text under an event: the system's sentence, else the person's reason or note. */
export function eventText(
  event: { detail: TimelineDetail | null; reason: string | null; note: string | null },
  lang: Lang = getLang(),
): string | null {
  if (event.detail) return detailLabel(event.detail, lang);
  return event.reason ?? event.note;
}

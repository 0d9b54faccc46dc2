/**
 * 办件 — applications for government services: the words of the lifecycle and the shapes the API
 * returns. Pure types and word lists, no I/O. Sources: issue 13 §3–§4, the shared digest
 * services.md §1 (申请 → 预审 → 受理 / 不予受理 / 补正 → 审查 → 特殊环节 → 决定 → 办结 → 送达), and
 * docs/domain/applications.md.
 */
import type { DeliveryMethod, SpecialStepKind } from '../catalogue/index.js';

/** 办件状态. */
export const APPLICATION_STATES = [
  'draft', // 草稿
  'submitted', // 待受理
  'correction_requested', // 待补正
  'accepted', // 已受理
  'in_review', // 审查中
  'special_step', // 特殊环节
  'on_hold', // 挂起
  'decided', // 已办结
  'delivered', // 已送达
  'rejected', // 不予受理
  'withdrawn', // 已撤回
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_NAMES: Readonly<Record<ApplicationState, string>> = {
  draft: '草稿',
  submitted: '待受理',
  correction_requested: '待补正',
  accepted: '已受理',
  in_review: '审查中',
  special_step: '特殊环节',
  on_hold: '挂起',
  decided: '已办结',
  delivered: '已送达',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

/** States after which nothing more happens to the application (送达 of a decided one excepted). */
export const FINAL_STATES: readonly ApplicationState[] = ['delivered', 'rejected', 'withdrawn'];

/** What can be done to an application (the lifecycle table, rules/lifecycle.ts). */
export const APPLICATION_ACTIONS = [
  'save', // 保存草稿
  'submit', // 提交
  'correct', // 补正
  'withdraw', // 撤回
  'mark_materials', // 材料核验
  'accept', // 受理
  'reject', // 不予受理
  'request_correction', // 一次性告知
  'instant', // 即办
  'start_review', // 开始审查
  'start_special_step', // 启动特殊环节
  'end_special_step', // 结束特殊环节
  'request_hold', // 申请挂起
  'approve_hold', // 批准挂起
  'resume', // 恢复办理
  'request_extension', // 申请延期
  'approve_extension', // 批准延期
  'decide', // 作出决定
  'deliver', // 送达
  'complete_bundle', // 一件事办结（系统）
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const APPLICATION_ACTION_NAMES: Readonly<Record<ApplicationAction | 'create' | 'register', string>> = {
  create: '创建申请',
  register: '窗口登记',
  save: '保存草稿',
  submit: '提交申请',
  correct: '补正材料',
  withdraw: '撤回申请',
  mark_materials: '材料核验',
  accept: '受理',
  reject: '不予受理',
  request_correction: '一次性告知补正',
  instant: '即办',
  start_review: '开始审查',
  start_special_step: '启动特殊环节',
  end_special_step: '结束特殊环节',
  request_hold: '申请挂起',
  approve_hold: '批准挂起',
  resume: '恢复办理',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  decide: '作出决定',
  deliver: '送达',
  complete_bundle: '一件事办结',
};

/**
 * Who acts, as the lifecycle sees it: the applicant (online), the 综合窗口 (window clerk), the
 * implementing department's 承办人 (handler) or 审批人 (department lead), an administrator, or the
 * system (a bundle completing when its children are decided).
 */
export const ACTOR_KINDS = ['applicant', 'window', 'handler', 'lead', 'admin', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const CHANNELS = ['online', 'window'] as const;
export type ApplicationChannel = (typeof CHANNELS)[number];

export const MATERIAL_MARKS = ['ok', 'missing', 'wrong'] as const;
export type MaterialMark = (typeof MATERIAL_MARKS)[number];
export const MATERIAL_MARK_NAMES: Readonly<Record<MaterialMark, string>> = {
  ok: '合格',
  missing: '缺少',
  wrong: '不符合要求',
};

export const OUTCOMES = ['approved', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = { approved: '准予', refused: '不予' };

export const SPECIAL_STEP_NAMES: Readonly<Record<SpecialStepKind, string>> = {
  site_inspection: '现场勘查',
  expert_review: '专家评审',
  publicity: '公示',
  hearing: '听证',
  testing: '检验检测',
};

export const DELIVERY_NAMES: Readonly<Record<DeliveryMethod, string>> = {
  pickup: '窗口领取',
  post: '邮寄送达',
  online: '网上送达',
};

export type Light = 'green' | 'yellow' | 'red' | 'paused' | 'none';

/** A material slot of an application: one per requirement of its version. */
export interface ApplicationMaterial {
  key: string;
  fileId: string | null;
  mark: MaterialMark | null;
  note: string | null;
}

/** A stopped interval of the decision clock. */
export interface ClockPause {
  kind: SpecialStepKind | 'hold';
  /** ISO instants; `to` null while it runs. */
  from: string;
  to: string | null;
  note: string | null;
}

export interface CorrectionRecord {
  requestedAt: string;
  items: { key: string | null; name: string; reason: string }[];
  note: string | null;
  correctedAt: string | null;
}

export interface DecisionRecord {
  outcome: Outcome;
  reason: string | null;
  legalBasis: string | null;
  decidedAt: string;
  resultDescription: string;
  delivery: DeliveryMethod;
}

export interface PendingRequest {
  byUserId: number;
  byName: string;
  at: string;
  reason: string;
  days?: number;
}

/**
 * Names of the domain's vocabulary in both languages: the 17 case statuses, actions, stages,
 * clocks, roles, positions, sources, urgency, overdue tiers and the error catalogue's codes
 * (src/shared/errors.ts). The server's lists are the truth (src/cases/workflow/model.ts); these
 * are their labels.
 */
import { defineMessages, getLang, type Lang } from './i18n.js';
import type { ApiError } from './api.js';
// The server's own lists, from modules without I/O (ESLint allows only these from web/): a status,
// action, role or error code added there must get its labels here, or the web app does not compile.
import {
  CASE_ACTIONS,
  CASE_CLOCKS,
  CASE_SOURCES,
  CASE_SOURCE_NAMES,
  CASE_STATUSES,
  CASE_STATUS_NAMES,
  STAGES,
  TERMINAL_STATUSES as SERVER_TERMINAL_STATUSES,
  type CaseAction,
  type CaseClock,
  type CaseSource,
  type CaseStatus,
  type Stage,
} from '../../../src/cases/workflow/model.js';
import { STAFF_ROLES, SUPERVISOR_POSITIONS } from '../../../src/identity/actor.js';
import type { ErrorCode as ServerErrorCode } from '../../../src/shared/errors.js';

export { CASE_ACTIONS, CASE_STATUSES, STAGES };
export type { CaseAction, CaseStatus, Stage };
export const TERMINAL_STATUSES: readonly CaseStatus[] = SERVER_TERMINAL_STATUSES;
export const ROLES = STAFF_ROLES;
export type Role = (typeof ROLES)[number];
export const POSITIONS = SUPERVISOR_POSITIONS;
export type Position = (typeof POSITIONS)[number];

type Dict<K extends string> = Record<K, string>;

const statusZh: Dict<CaseStatus> = { ...CASE_STATUS_NAMES };
const statusEn: Dict<CaseStatus> = {
  reported: 'Awaiting filing',
  check_pending: 'Check sent',
  self_handled: 'Self-handled, in review',
  filed: 'Awaiting dispatch',
  dispatched: 'Awaiting acceptance',
  return_requested: 'Return requested',
  in_progress: 'In progress',
  extension_requested: 'Extension requested',
  suspension_requested: 'Suspension requested',
  suspended: 'Suspended',
  handled: 'Handled, awaiting verification',
  verify_pending: 'Verification sent',
  verified: 'Verified, awaiting closure',
  closed: 'Closed',
  rejected: 'Not filed',
  merged: 'Merged',
  cancelled: 'Cancelled',
};

const actionZh: Dict<CaseAction> = {
  'send-check': '发核实',
  check: '核实',
  'self-handle': '自处理',
  file: '立案',
  reject: '不予立案',
  merge: '合并',
  dispatch: '派遣',
  accept: '接收',
  return: '申请回退',
  handle: '处理反馈',
  'request-extension': '申请延期',
  'request-suspension': '申请挂账',
  approve: '审批通过',
  deny: '审批不通过',
  resume: '恢复处置',
  'send-verify': '发核查',
  pass: '核查通过',
  fail: '核查不通过',
  close: '结案',
  cancel: '作废',
  reopen: '重新打开',
  escalate: '督办',
};
const actionEn: Dict<CaseAction> = {
  'send-check': 'Send check',
  check: 'Check on site',
  'self-handle': 'Self-handle',
  file: 'File',
  reject: 'Reject',
  merge: 'Merge',
  dispatch: 'Dispatch',
  accept: 'Accept',
  return: 'Request return',
  handle: 'Report handled',
  'request-extension': 'Request extension',
  'request-suspension': 'Request suspension',
  approve: 'Approve',
  deny: 'Deny',
  resume: 'Resume',
  'send-verify': 'Send verification',
  pass: 'Pass verification',
  fail: 'Fail verification',
  close: 'Close',
  cancel: 'Cancel',
  reopen: 'Reopen',
  escalate: 'Escalate',
};

export const statusLabels = defineMessages(statusZh, statusEn);
export const actionLabels = defineMessages(actionZh, actionEn);

export const roleLabels = defineMessages<Role>(
  {
    admin: '系统管理员',
    supervisor: '监督中心',
    dispatcher: '指挥中心派遣员',
    handler: '专业部门处置人员',
    department_lead: '专业部门负责人',
    inspector: '监督员',
    leader: '区领导',
    window_clerk: '综合窗口受理员',
  },
  {
    admin: 'Administrator',
    supervisor: 'Supervision center',
    dispatcher: 'Dispatcher',
    handler: 'Department handler',
    department_lead: 'Department lead',
    inspector: 'Inspector',
    leader: 'Leader',
    window_clerk: 'Service window clerk',
  },
);

export const positionLabels = defineMessages<Position>(
  { operator: '受理员', shift_lead: '值班长' },
  { operator: 'Operator', shift_lead: 'Shift lead' },
);

export const SOURCES = CASE_SOURCES;
export type Source = CaseSource;
export const sourceLabels = defineMessages<Source>(CASE_SOURCE_NAMES, {
  inspector: 'Inspector',
  public: 'Citizen',
  hotline: '12345 hotline',
  walk_in: 'Walk-in',
  sensor: 'Sensor',
  video: 'Video patrol',
  leader: 'Leader',
  other: 'Other',
});

export const stageLabels = defineMessages<Stage>(
  {
    collection: '信息收集',
    filing: '立案',
    dispatch: '派遣',
    handling: '处置',
    feedback: '反馈',
    verification: '核查',
    closure: '结案',
  },
  {
    collection: 'Collection',
    filing: 'Filing',
    dispatch: 'Dispatch',
    handling: 'Handling',
    feedback: 'Feedback',
    verification: 'Verification',
    closure: 'Closure',
  },
);

export const CLOCKS = CASE_CLOCKS;
export type Clock = CaseClock;
export const clockLabels = defineMessages<Clock>(
  {
    filing: '立案时限',
    check: '核实时限',
    dispatch: '派遣时限',
    handling: '处置时限',
    verify: '核查时限',
    closing: '结案时限',
  },
  {
    filing: 'Filing',
    check: 'Check',
    dispatch: 'Dispatch',
    handling: 'Handling',
    verify: 'Verification',
    closing: 'Closure',
  },
);

export type Urgency = 'normal' | 'urgent';
export const urgencyLabels = defineMessages<Urgency>(
  { normal: '一般', urgent: '紧急' },
  { normal: 'Normal', urgent: 'Urgent' },
);

export type OverdueTier = 'on_time' | 'overdue' | 'severely_overdue';
export const tierLabels = defineMessages<OverdueTier>(
  { on_time: '按时', overdue: '超时', severely_overdue: '严重超时' },
  { on_time: 'On time', overdue: 'Overdue', severely_overdue: 'Severely overdue' },
);

export type CaseKind = 'component' | 'matter';
export const kindLabels = defineMessages<CaseKind>(
  { component: '部件', matter: '事件' },
  { component: 'Component', matter: 'Matter' },
);

/** The server's codes and the client's own (no answer at all). */
type ErrorCode = ServerErrorCode | 'NETWORK';

export const errorLabels = defineMessages<ErrorCode>(
  {
    VALIDATION_FAILED: '提交的内容不完整或格式不对',
    AUTH_REQUIRED: '请先登录',
    AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
    CSRF_TOKEN_INVALID: '会话已失效，请刷新页面后重试',
    FORBIDDEN: '您没有执行此操作的权限',
    PASSWORD_CHANGE_REQUIRED: '请先修改密码',
    LOCATION_OUTSIDE_JURISDICTION: '该位置不在您的管辖范围内',
    OUT_OF_JURISDICTION: '在您的管辖范围内未找到',
    NOT_FOUND: '未找到',
    LOCATION_OUTSIDE_DISTRICT: '该位置不在任何单元网格内',
    LOCATION_OUTSIDE_GRIDS: '该位置不在任何单元网格内',
    VERSION_CONFLICT: '记录已被他人修改，请刷新后重试',
    ALREADY_EXISTS: '记录已存在',
    IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致',
    IDEMPOTENCY_KEY_IN_FLIGHT: '上一次提交仍在处理中',
    IMPORT_REJECTED: '导入被拒绝',
    UNSUPPORTED_MEDIA_TYPE: '不支持的文件类型',
    PAYLOAD_TOO_LARGE: '文件过大',
    IMAGE_UNREADABLE: '图片已损坏或不完整',
    IMAGE_TOO_MANY_PIXELS: '图片像素过多',
    RATE_LIMITED: '操作过于频繁，请稍后再试',
    API_KEY_INVALID: '接口密钥缺失、无效或已吊销',
    CASE_ILLEGAL_ACTION: '案卷当前状态不允许此操作',
    CASE_FORBIDDEN_ROLE: '您的角色不能对案卷执行此操作',
    CASE_GUARD_FAILED: '此案卷不归您处理',
    CASE_INPUT_INVALID: '缺少必要的说明、原因或照片',
    ALREADY_RATED: '这条反映已经评价过了',
    CLASSIFICATION_NOT_FOUND: '没有这个类别',
    COMPONENT_NOT_FOUND: '没有这个部件',
    DEPARTMENT_NOT_FOUND: '没有这个部门',
    FILE_NOT_FOUND: '文件不存在',
    GRID_GENERATION_FAILED: '无法生成单元网格',
    NOTIFICATION_NOT_FOUND: '没有这条通知',
    RATING_NOT_OPEN: '现在还不能评价',
    REGION_NOT_FOUND: '没有这个区域',
    REOPEN_REQUEST_DECIDED: '这个重新处理申请已经处理过了',
    CATALOGUE_ITEM_NOT_FOUND: '没有这个服务事项',
    CATALOGUE_VERSION_NOT_FOUND: '没有这个事项版本',
    CATALOGUE_VERSION_FROZEN: '已发布的版本不能修改，请新建草稿',
    CATALOGUE_ILLEGAL_ACTION: '该版本当前状态下不能这样操作',
    CATALOGUE_DRAFT_EXISTS: '该事项已有草稿版本',
    CATALOGUE_VALIDITY_OVERLAP: '有效期与另一个已发布版本重叠',
    CATALOGUE_ITEM_FIXED: '事项已发布，编码和实施机关不能再改',
    REOPEN_REQUEST_NOT_FOUND: '没有这个重新处理申请',
    REOPEN_WINDOW_PASSED: '已超过申请重新处理的期限',
    REPORTER_NOT_FOUND: '案卷没有登记上报人',
    TRACKING_CODE_NOT_FOUND: '没有这个查询码的反映',
    USER_NOT_FOUND: '没有这个用户',
    WEBHOOK_DELIVERY_NOT_FOUND: '没有这条推送记录',
    WEBHOOK_INACTIVE: '推送订阅未启用',
    APPLICANT_NOT_FOUND: '没有这个申请人',
    LEGAL_PERSON_NOT_FOUND: '没有这个法人',
    AUTHORISATION_NOT_FOUND: '没有这份授权委托',
    AUTHORISATION_REQUIRED: '代他人或企业办理需要有效的授权委托，且委托范围包含该事项',
    IDENTITY_LEVEL_TOO_LOW: '您的身份认证等级不够，请先完成实名核验',
    APPLICANT_INCOMPLETE: '申请人尚未登记真实姓名和身份证号',
    FILE_CONTENT_REFUSED: '文件内容不安全或无法读取，已拒收',
    // Applications (办件)
    APPLICATION_NOT_FOUND: '没有这件申请',
    APPLICATION_ILLEGAL_ACTION: '申请当前状态下不能这样办理',
    APPLICATION_FORBIDDEN_ROLE: '您的岗位不能办理这一步',
    APPLICATION_CORRECTION_ALREADY_USED: '已经一次性告知过补正，不能再次要求补正',
    APPLICATION_NOT_INSTANT: '该事项不是即办件',
    APPLICATION_ITEM_NOT_AVAILABLE: '该事项今天不能通过这一渠道申请',
    APPLICATION_NOTICE_UNAVAILABLE: '这件申请还没有这份文书',
    WEBHOOK_NOT_FOUND: '没有这个推送订阅',
    NETWORK: '网络连接失败，请检查网络',
    INTERNAL: '服务器内部错误',
  },
  {
    VALIDATION_FAILED: 'Some input is missing or malformed',
    AUTH_REQUIRED: 'Please log in',
    AUTH_INVALID_CREDENTIALS: 'Wrong username or password',
    CSRF_TOKEN_INVALID: 'Your session expired; reload the page and retry',
    FORBIDDEN: 'You may not do this',
    PASSWORD_CHANGE_REQUIRED: 'Change your password first',
    LOCATION_OUTSIDE_JURISDICTION: 'The location is outside your jurisdiction',
    OUT_OF_JURISDICTION: 'Not found in your jurisdiction',
    NOT_FOUND: 'Not found',
    LOCATION_OUTSIDE_DISTRICT: 'The location is outside every unit grid',
    LOCATION_OUTSIDE_GRIDS: 'The location is outside every unit grid',
    VERSION_CONFLICT: 'Someone else changed this record; reload and retry',
    ALREADY_EXISTS: 'The record already exists',
    IDEMPOTENCY_KEY_REUSED: 'A retry did not match the original request',
    IDEMPOTENCY_KEY_IN_FLIGHT: 'The previous submission is still in progress',
    IMPORT_REJECTED: 'The import was rejected',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported file type',
    PAYLOAD_TOO_LARGE: 'The file is too large',
    IMAGE_UNREADABLE: 'The image is damaged or incomplete',
    IMAGE_TOO_MANY_PIXELS: 'The image has too many pixels',
    RATE_LIMITED: 'Too many requests; try again later',
    API_KEY_INVALID: 'The API key is missing, unknown or revoked',
    CASE_ILLEGAL_ACTION: "This action is not possible in the case's status",
    CASE_FORBIDDEN_ROLE: 'Your role may not take this action',
    CASE_GUARD_FAILED: 'This case is not yours to act on',
    CASE_INPUT_INVALID: 'A note, reason or photo is missing',
    ALREADY_RATED: 'The report has already been rated',
    CLASSIFICATION_NOT_FOUND: 'Classification not found',
    COMPONENT_NOT_FOUND: 'Component not found',
    DEPARTMENT_NOT_FOUND: 'Department not found',
    FILE_NOT_FOUND: 'File not found',
    GRID_GENERATION_FAILED: 'The unit grids could not be generated',
    NOTIFICATION_NOT_FOUND: 'Notification not found',
    RATING_NOT_OPEN: 'The report cannot be rated now',
    REGION_NOT_FOUND: 'Region not found',
    REOPEN_REQUEST_DECIDED: 'The reopen request has already been decided',
    CATALOGUE_ITEM_NOT_FOUND: 'Service item not found',
    CATALOGUE_VERSION_NOT_FOUND: 'Service item version not found',
    CATALOGUE_VERSION_FROZEN: 'A published version cannot be changed; create a new draft',
    CATALOGUE_ILLEGAL_ACTION: "This action is not possible in the version's state",
    CATALOGUE_DRAFT_EXISTS: 'The item already has a draft version',
    CATALOGUE_VALIDITY_OVERLAP: "The validity overlaps another published version's",
    CATALOGUE_ITEM_FIXED: 'The codes and implementing organ of a published item are fixed',
    REOPEN_REQUEST_NOT_FOUND: 'Reopen request not found',
    REOPEN_WINDOW_PASSED: 'The time to ask for a reopening has passed',
    REPORTER_NOT_FOUND: 'The case has no reporter on record',
    TRACKING_CODE_NOT_FOUND: 'No report has this tracking code',
    USER_NOT_FOUND: 'User not found',
    WEBHOOK_DELIVERY_NOT_FOUND: 'Webhook delivery not found',
    WEBHOOK_INACTIVE: 'The webhook subscription is not active',
    APPLICANT_NOT_FOUND: 'Applicant not found',
    LEGAL_PERSON_NOT_FOUND: 'Legal person not found',
    AUTHORISATION_NOT_FOUND: 'Authorisation not found',
    AUTHORISATION_REQUIRED: 'Acting for someone else needs a valid authorisation covering this item',
    IDENTITY_LEVEL_TOO_LOW: 'Your identity is not verified to the level this needs',
    APPLICANT_INCOMPLETE: "The applicant's real name and ID number are not on record",
    FILE_CONTENT_REFUSED: 'The file content is unsafe or unreadable and was refused',
    // Applications
    APPLICATION_NOT_FOUND: 'Application not found',
    APPLICATION_ILLEGAL_ACTION: "This action is not possible in the application's state",
    APPLICATION_FORBIDDEN_ROLE: 'Your post may not take this step',
    APPLICATION_CORRECTION_ALREADY_USED: 'The one correction was already asked for',
    APPLICATION_NOT_INSTANT: 'The item is not handled on the spot',
    APPLICATION_ITEM_NOT_AVAILABLE: 'The item cannot be applied for through this channel today',
    APPLICATION_NOTICE_UNAVAILABLE: 'The application has no such notice yet',
    WEBHOOK_NOT_FOUND: 'Webhook subscription not found',
    NETWORK: 'Network error; check your connection',
    INTERNAL: 'Internal server error',
  },
);

/** A message for any error, in the user's language; the server's detail is appended for field-less errors. */
export function errorMessage(error: unknown, lang: Lang = getLang()): string {
  const e = error as Partial<ApiError> | undefined;
  const code = typeof e?.code === 'string' ? e.code : 'INTERNAL';
  const known = code in errorLabels.zh;
  const base = known ? errorLabels.t(code as ErrorCode, undefined, lang) : (e?.title ?? String(error));
  return base;
}

/**
 * The one policy: every permission of every module, and for each staff role the scope in which it
 * holds. Routes declare the permission they need (`config.permission`, checked by
 * http/access.ts before validation, so a refused caller learns nothing of the schema); a few
 * services ask `authorize` again for a finer decision inside one route (a role that reads
 * reporter data masked only, a department-bound evaluation reader). The record-level half —
 * which rows — is the jurisdiction predicate in the queries (identity/jurisdiction.ts).
 *
 * Rules that are not role × permission stay in their module as rules and are documented there:
 * the case workflow's transition table (who may take which action in which state, with the
 * supervisor's position), and the shift lead alone deciding reopen requests.
 *
 * docs/security.md's permission table is generated from POLICY (policy-docs.test.ts), and
 * test/policy-matrix.test.ts walks every route × role against it.
 */
import type { StaffRole } from './actor.js';
import { DomainError } from '../shared/errors.js';
import type { Actor } from './actor.js';

/**
 * How far a grant reaches.
 * - `all`: every record.
 * - `jurisdiction`: records inside the actor's regions, or tied to the actor's department (the
 *   data layer applies `scopeOf(actor)`).
 * - `department`: only the actor's own department's records.
 * - `own`: only the actor's own records (their account, their notifications, their uploads).
 * - `masked`: personal data with its identifying parts masked.
 */
export type GrantScope = 'all' | 'jurisdiction' | 'department' | 'own' | 'masked';

export const GRANT_SCOPES: readonly GrantScope[] = ['all', 'jurisdiction', 'department', 'own', 'masked'];

export const GRANT_SCOPE_NAMES: Readonly<Record<GrantScope, string>> = {
  all: '全部',
  jurisdiction: '辖区内',
  department: '本部门',
  own: '本人',
  masked: '脱敏',
};

interface PermissionEntry {
  /** What it allows, in Chinese (docs/security.md). */
  readonly name: string;
  readonly grants: Readonly<Partial<Record<StaffRole, GrantScope>>>;
}

const everyStaff = (scope: GrantScope, admin: GrantScope = 'all'): Record<StaffRole, GrantScope> => ({
  admin,
  supervisor: scope,
  dispatcher: scope,
  handler: scope,
  department_lead: scope,
  inspector: scope,
  leader: scope,
  window_clerk: scope,
});

/**
 * The roles of the urban-management case loop (城市管理): every staff role but the service hall's
 * window clerk, who registers applications and has no place in the case workflow.
 */
const caseStaff = (scope: GrantScope, admin: GrantScope = 'all'): Partial<Record<StaffRole, GrantScope>> => {
  const { window_clerk: _windowClerk, ...grants } = everyStaff(scope, admin);
  return grants;
};

const adminOnly = { admin: 'all' } as const;

/**
 * Role grants. Reference data (regions, departments, classes) is read by all staff and written by
 * administrators; component census data (部件普查) is kept by the supervision center; the case loop
 * is read in one's jurisdiction; personal data of reporters is seen in full by the supervision
 * center only (docs/privacy.md).
 */
export const POLICY = {
  'account:self': { name: '本人账号：会话、令牌、修改密码', grants: everyStaff('own', 'own') },
  'users:read': { name: '查看用户', grants: adminOnly },
  'users:write': { name: '管理用户（新建、修改、重置密码、停用）', grants: adminOnly },
  'audit:read': { name: '查看审计日志', grants: adminOnly },
  'regions:write': { name: '导入区域、生成单元网格', grants: adminOnly },
  'departments:read': { name: '查看部门及其职责', grants: everyStaff('all') },
  'departments:write': { name: '管理部门及其职责', grants: adminOnly },
  'classifications:read': { name: '查看部件事件分类', grants: everyStaff('all') },
  'classifications:write': { name: '管理部件事件分类', grants: adminOnly },
  'components:read': { name: '查看部件', grants: caseStaff('jurisdiction') },
  'components:write': {
    name: '登记、导入、修改部件',
    grants: { admin: 'all', supervisor: 'jurisdiction' },
  },
  'files:write': {
    name: '上传照片和申请材料',
    grants: {
      admin: 'own',
      supervisor: 'own',
      dispatcher: 'own',
      handler: 'own',
      department_lead: 'own',
      inspector: 'own',
      window_clerk: 'own',
    },
  },
  'files:read': {
    name: '查看照片和材料（本人上传或所见案件、办件的文件）',
    grants: everyStaff('jurisdiction'),
  },
  'notifications:read': { name: '查看和标记本人消息', grants: everyStaff('own', 'own') },
  'outbound:read': { name: '查看短信、邮件发件箱（地址脱敏）', grants: adminOnly },
  'webhooks:read': { name: '查看 Webhook 订阅和投递', grants: adminOnly },
  'webhooks:write': { name: '管理 Webhook 订阅、重投', grants: adminOnly },
  'cases:read': { name: '查看、查询、导出案件', grants: caseStaff('jurisdiction') },
  'cases:report': {
    name: '登记案件（上报）',
    grants: { admin: 'all', supervisor: 'jurisdiction', inspector: 'jurisdiction', leader: 'jurisdiction' },
  },
  'cases:act': {
    name: '办理案件（按流程表的环节和岗位）',
    grants: caseStaff('jurisdiction'),
  },
  'case-notes:write': {
    name: '发布案件公开说明',
    grants: {
      admin: 'all',
      supervisor: 'jurisdiction',
      dispatcher: 'jurisdiction',
      handler: 'jurisdiction',
      department_lead: 'jurisdiction',
    },
  },
  'reporters:read': {
    name: '查看上报人联系方式（读取即记审计）',
    grants: {
      admin: 'all',
      supervisor: 'jurisdiction',
      dispatcher: 'masked',
      handler: 'masked',
      department_lead: 'masked',
    },
  },
  'case-config:read': { name: '查看处置时限、工作日历、派遣规则', grants: everyStaff('all') },
  'case-config:write': { name: '修改处置时限、工作日历、派遣规则', grants: adminOnly },
  'reopen-requests:read': {
    name: '查看市民重新办理申请',
    grants: { admin: 'all', supervisor: 'jurisdiction' },
  },
  'reopen-requests:decide': {
    name: '决定市民重新办理申请（值班长）',
    grants: { supervisor: 'jurisdiction' },
  },
  'evaluations:read': {
    name: '查看绩效评价和统计分析',
    grants: {
      admin: 'all',
      leader: 'jurisdiction',
      supervisor: 'jurisdiction',
      dispatcher: 'jurisdiction',
      inspector: 'jurisdiction',
      department_lead: 'department',
      handler: 'department',
    },
  },
  'evaluation-profiles:write': { name: '修改评价方案', grants: adminOnly },
  'open311:keys': { name: '管理 Open311 接口密钥', grants: adminOnly },
  'catalogue:read': { name: '查看政务服务事项目录（含草稿和历史版本）', grants: everyStaff('all') },
  'catalogue:write': { name: '编辑、发布、废止、导入导出政务服务事项', grants: adminOnly },
  'applicants:read': {
    name: '查询申请人（自然人、法人）及其授权委托（读取即记审计）',
    grants: { admin: 'all', window_clerk: 'all', handler: 'masked', department_lead: 'masked' },
  },
  'applicants:write': {
    name: '登记申请人、现场核验身份、登记纸质授权委托书',
    grants: { admin: 'all', window_clerk: 'all' },
  },
  'applications:read': {
    name: '查看办件（窗口全部，部门本部门；领导脱敏；读取个人信息即记审计）',
    grants: {
      admin: 'all',
      window_clerk: 'all',
      handler: 'department',
      department_lead: 'department',
      leader: 'masked',
    },
  },
  'applications:window': {
    name: '综合窗口：登记、材料核验、受理、不予受理、一次性告知、即办、送达',
    grants: { admin: 'all', window_clerk: 'all' },
  },
  'applications:review': {
    name: '实施部门：审查、特殊环节、挂起、延期（审批人批准）、作出决定',
    grants: { admin: 'all', handler: 'department', department_lead: 'department' },
  },
} as const satisfies Record<string, PermissionEntry>;

export type Permission = keyof typeof POLICY;

export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/** The scope of `role`'s grant of `permission`, or null when it has none. */
export function grantOf(role: StaffRole, permission: Permission): GrantScope | null {
  const grants: Partial<Record<StaffRole, GrantScope>> = POLICY[permission].grants;
  return grants[role] ?? null;
}

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return grantOf(actor.role, permission) !== null;
}

/** The actor's scope for `permission`; FORBIDDEN (naming the permission) when the role has none. */
export function authorize(actor: Pick<Actor, 'role'>, permission: Permission): GrantScope {
  const scope = grantOf(actor.role, permission);
  if (scope === null) {
    throw new DomainError('FORBIDDEN', `The ${actor.role} role may not ${permission.replace(':', ' ')}`, {
      permission,
    });
  }
  return scope;
}

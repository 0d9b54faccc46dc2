/**
 * The one policy, walked whole (issue #12): every route of the app declares its access, every
 * permission belongs to one module and is used by a route, and every route × role answers as
 * identity/policy.ts says — a role without the grant gets the policy's 403 naming the permission,
 * a role with it never does; nobody logged in gets 401; a citizen session is refused on staff
 * routes and a staff session on citizen routes. docs/security.md's permission table is generated
 * from the same data (SHUZHI_WRITE_POLICY_DOCS=1 rewrites it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuardedRoute } from '../src/http/access.js';
import { STAFF_ROLES } from '../src/identity/actor.js';
import { GRANT_SCOPE_NAMES, PERMISSIONS, POLICY, grantOf, type Permission } from '../src/identity/index.js';
import { MODULES } from '../src/modules.js';
import type { StaffRole } from '../src/identity/index.js';
import { citizen } from './helpers/citizens.js';
import { useTestApp, type TestUser } from './helpers/app.js';

const t = useTestApp();
const users = new Map<StaffRole, TestUser>();

beforeAll(async () => {
  for (const role of STAFF_ROLES) users.set(role, await t().user({ role }));
});

const PARAM_VALUES: Record<string, string> = {
  code: '110101',
  date: '2026-10-01',
  year: '2026',
  format: 'json',
  file: '1.json',
  clock: 'handling',
  urgency: 'normal',
  action: 'accept',
  trackingCode: 'X0000000',
};

/** A concrete path for a route pattern (the values need not exist: refusals come first). */
function pathOf(url: string): string {
  return url.replace(/:(\w+)/g, (_all, name: string) => PARAM_VALUES[name] ?? '999999');
}

function request(route: GuardedRoute, authorization?: string) {
  const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
  return t().app.inject({
    method: route.method as 'GET',
    url: pathOf(route.url),
    ...(body ? { payload: body } : {}),
    headers: authorization ? { authorization } : {},
  });
}

/** Every guarded route; logging out ends the session the walk uses, so it comes last. */
const routes = (): readonly GuardedRoute[] => {
  const last = (r: GuardedRoute) =>
    r.url.endsWith('/auth/logout') || r.url.endsWith('/citizens/session') ? 1 : 0;
  return [...t().app.routeAccess].sort((a, b) => last(a) - last(b));
};
const permissionRoutes = () =>
  routes().filter(
    (r): r is GuardedRoute & { access: Permission } => r.access !== 'public' && r.access !== 'citizen',
  );

describe('the policy', () => {
  it('gives every permission to exactly one module', () => {
    const owners = new Map<string, string[]>();
    for (const module of MODULES)
      for (const permission of module.permissions ?? [])
        owners.set(permission, [...(owners.get(permission) ?? []), module.name]);
    expect([...owners.keys()].sort()).toEqual([...PERMISSIONS].sort());
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
  });

  it('uses every permission on some route, and every route declares its access', () => {
    const used = new Set(permissionRoutes().map((r) => r.access));
    expect(PERMISSIONS.filter((p) => !used.has(p))).toEqual([]);
    // Built at all: the app refuses a guarded route without config.access (http/access.ts).
    expect(routes().length).toBeGreaterThan(100);
  });

  it('answers every route × role as the policy says', async () => {
    const wrong: string[] = [];
    for (const route of permissionRoutes()) {
      for (const role of STAFF_ROLES) {
        const response = await request(route, `Bearer ${users.get(role)!.token}`);
        const body = String(response.headers['content-type'] ?? '').includes('json') ? response.json() : {};
        const refusedByPolicy =
          response.statusCode === 403 &&
          body.permission === route.access &&
          body.detail === `The ${role} role may not ${route.access.replace(':', ' ')}`;
        const granted = grantOf(role, route.access) !== null;
        if (granted === refusedByPolicy)
          wrong.push(
            `${route.method} ${route.url} as ${role}: ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('asks for a login on every staff and citizen route, and keeps the two kinds of session apart', async () => {
    const wrong: string[] = [];
    // Fresh sessions: the walk above logged its users out at its end.
    const staff = await t().user({ role: 'admin' });
    const resident = await citizen(t());
    for (const route of routes()) {
      if (route.access === 'public') continue;
      const anonymous = await request(route);
      if (anonymous.statusCode !== 401)
        wrong.push(`${route.method} ${route.url} anonymous: ${anonymous.statusCode}`);
      const other = route.access === 'citizen' ? `Bearer ${staff.token}` : `Bearer ${resident.token}`;
      const crossed = await request(route, other);
      if (crossed.statusCode !== 403)
        wrong.push(`${route.method} ${route.url} with the other kind of session: ${crossed.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves public routes open to callers without a session (Open311 writes ask for an API key)', async () => {
    const refused: string[] = [];
    for (const route of routes().filter((r) => r.access === 'public')) {
      const response = await request(route);
      const apiKeyAsked =
        route.method === 'POST' &&
        route.url.startsWith('/open311/v2/') &&
        response.statusCode === 403 &&
        /api_key/.test(response.body);
      if ((response.statusCode === 401 || response.statusCode === 403) && !apiKeyAsked)
        refused.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    expect(refused).toEqual([]);
  });

  it('is the table docs/security.md shows', () => {
    const doc = path.resolve(import.meta.dirname, '../docs/security.md');
    const text = fs.readFileSync(doc, 'utf8');
    const begin = '<!-- policy table: generated by test/policy.test.ts -->';
    const end = '<!-- end of policy table -->';
    const generated = `${begin}\n${policyTable()}\n${end}`;
    const current = text.slice(text.indexOf(begin), text.indexOf(end) + end.length);
    if (process.env.SHUZHI_WRITE_POLICY_DOCS === '1') {
      fs.writeFileSync(doc, text.replace(current, generated));
      return;
    }
    expect(current).toBe(generated);
  });
});

const ROLE_NAMES: Record<StaffRole, string> = {
  admin: '管理员',
  supervisor: '监督中心',
  dispatcher: '指挥派遣',
  handler: '处置人员',
  department_lead: '部门负责人',
  inspector: '监督员',
  leader: '领导',
  window_clerk: '综合窗口',
};

function policyTable(): string {
  const owner = new Map<string, string>();
  for (const module of MODULES) for (const p of module.permissions ?? []) owner.set(p, module.name);
  const head = `| permission | module | 允许 | ${STAFF_ROLES.map((r) => `${ROLE_NAMES[r]} \`${r}\``).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + STAFF_ROLES.length)}`;
  const rows = PERMISSIONS.map((p) => {
    const cells = STAFF_ROLES.map((role) => {
      const scope = grantOf(role, p);
      return scope ? GRANT_SCOPE_NAMES[scope] : '—';
    });
    return `| \`${p}\` | ${owner.get(p) ?? ''} | ${POLICY[p].name} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

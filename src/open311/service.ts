/**
 * Open311 GeoReport v2 over the case loop: the error list of the spec, services (the active
 * GB/T 47678.5-2026 classes with their Open311 rules) and the API keys of client applications.
 * Requests are in create-request.ts, read-request.ts and list-requests.ts, FixMyStreet's updates
 * in updates.ts, public media in media.ts; http.ts writes errors in the spec's format.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { classRelation } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { newToken, tokenHash } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import './tables.js';

export const OPEN311_STANDARD = 'GB/T 47678.5-2026';
/** Cases of these sources are public requests; inspector, hotline, sensor … cases are not shown. */
export const PUBLIC_SOURCES = ['public'] as const;
export const MAX_DESCRIPTION = 4000;
export const MAX_RESULTS = 1000;
export const DEFAULT_RANGE_DAYS = 90;

// ---------------------------------------------------------------- services

export interface ServiceAttributeValue {
  key: string;
  name: string;
}

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: ServiceAttributeValue[];
}

/**
 * The attributes every service takes (metadata=true): the reporter's urgency, a location detail
 * and whether the reporter agrees to be called back (the contact data itself is sent as the
 * spec's email/first_name/last_name/phone fields and kept encrypted, docs/privacy.md).
 */
export const SERVICE_ATTRIBUTES: readonly ServiceAttribute[] = [
  {
    variable: true,
    code: 'urgency',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'normal 或 urgent',
    order: 1,
    description: '紧急程度（立案时由值班长复核）',
    values: [
      { key: 'normal', name: '一般' },
      { key: 'urgent', name: '紧急' },
    ],
  },
  {
    variable: true,
    code: 'address_detail',
    datatype: 'string',
    required: false,
    datatype_description: '不超过 200 个字符',
    order: 2,
    description: '位置补充说明（门牌、楼栋、参照物）',
  },
  {
    variable: true,
    code: 'contact_consent',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'yes 或 no（默认 no）',
    order: 3,
    description: '是否同意工作人员就此问题回访联系（需同时提供 phone 或 email）',
    values: [
      { key: 'yes', name: '同意回访' },
      { key: 'no', name: '不需回访' },
    ],
  },
];
export const MAX_ADDRESS_DETAIL = 200;

export interface ServiceView {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface ClassRow {
  id: number;
  kind: 'component' | 'matter';
  code: string;
  name: string;
  public_name: string | null;
  major_name: string;
  help_text: string | null;
  /** From open311_service_rules (migration 0008); realtime and not sensitive without a row. */
  type: 'realtime' | 'batch';
  sensitive: boolean;
}

export function serviceCodeOf(kind: 'component' | 'matter', code: string): string {
  return `${kind === 'matter' ? 'M' : 'C'}${code}`;
}

export function parseServiceCode(serviceCode: string): { kind: 'component' | 'matter'; code: string } | null {
  const match = /^([MC])([0-9A-Za-z]{1,20})$/.exec(serviceCode);
  if (!match) return null;
  return { kind: match[1] === 'M' ? 'matter' : 'component', code: match[2]! };
}

function presentService(row: ClassRow): ServiceView {
  const keywords = [...new Set([row.public_name, row.name].filter((k): k is string => !!k))];
  return {
    service_code: serviceCodeOf(row.kind, row.code),
    service_name: row.public_name ?? row.name,
    description: row.help_text ?? row.name,
    metadata: true,
    type: row.type,
    keywords: keywords.join(','),
    group: row.major_name,
  };
}

function classQuery(db: Kysely<DB>) {
  return db
    .selectFrom(classRelation(db).as('k'))
    .leftJoin('open311_service_rules as r', (join) =>
      join
        .onRef('r.standard', '=', 'k.standard')
        .onRef('r.kind', '=', 'k.kind')
        .onRef('r.code', '=', 'k.code'),
    )
    .select([
      'k.id',
      'k.kind',
      'k.code',
      'k.name',
      'k.public_name',
      'k.major_name',
      'k.help_text',
      sql<'realtime' | 'batch'>`coalesce(r.type, 'realtime')`.as('type'),
      sql<boolean>`coalesce(r.sensitive, false)`.as('sensitive'),
    ])
    .where('k.standard', '=', OPEN311_STANDARD)
    .where('k.active', '=', true);
}

export async function listServices(db: Kysely<DB>): Promise<ServiceView[]> {
  const rows = await classQuery(db).orderBy('k.kind', 'desc').orderBy('k.code').execute();
  return rows.map(presentService);
}

export async function findService(db: Kysely<DB>, serviceCode: string): Promise<ClassRow | null> {
  const parsed = parseServiceCode(serviceCode);
  if (!parsed) return null;
  const row = await classQuery(db)
    .where('k.kind', '=', parsed.kind)
    .where('k.code', '=', parsed.code)
    .executeTakeFirst();
  return row ?? null;
}

export async function serviceDefinition(
  db: Kysely<DB>,
  serviceCode: string,
): Promise<{ service_code: string; attributes: ServiceAttribute[] }> {
  const row = await findService(db, serviceCode);
  if (!row) throw new DomainError('CLASSIFICATION_NOT_FOUND', `service_code ${serviceCode} not found`);
  return { service_code: serviceCodeOf(row.kind, row.code), attributes: [...SERVICE_ATTRIBUTES] };
}

// ---------------------------------------------------------------- API keys

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function createApiKey(
  db: Kysely<DB>,
  ctx: RequestContext,
  name: string,
): Promise<ApiKeyView & { key: string }> {
  const key = newToken('o311');
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('open311_api_keys')
      .values({ name, key_hash: tokenHash(key), prefix: key.slice(0, 12) })
      .returning(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'open311.key.create',
      targetType: 'open311_api_key',
      targetId: row.id,
      detail: { name, prefix: row.prefix },
    });
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
      key,
    };
  });
}

export async function listApiKeys(db: Kysely<DB>): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom('open311_api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a key; false when there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom('open311_api_keys')
      .select(['id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    if (row.revoked_at) return true;
    await tx.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'open311.key.revoke',
      targetType: 'open311_api_key',
      targetId: id,
    });
    return true;
  });
}

export async function verifyApiKey(
  db: Kysely<DB>,
  key: string | undefined,
): Promise<{ id: number; name: string; prefix: string }> {
  if (!key) throw new DomainError('API_KEY_INVALID', 'api_key is required');
  const row = await db
    .selectFrom('open311_api_keys')
    .select(['id', 'name', 'prefix'])
    .where('key_hash', '=', tokenHash(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('API_KEY_INVALID', 'api_key is invalid or revoked');
  return row;
}

/**
 * The demo instance's well-known key (settings.ts DEMO_API_KEY), created once; called by the demo
 * seed only, never on a real instance. Returns false when it already existed.
 */
export async function ensureDemoApiKey(db: Kysely<DB>, key: string): Promise<boolean> {
  const inserted = await db
    .insertInto('open311_api_keys')
    .values({ name: '演示客户端（仅演示环境）', key_hash: tokenHash(key), prefix: key.slice(0, 12) })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

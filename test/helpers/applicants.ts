/**
 * Applicants of government services, built through the real services on a test database: citizens
 * with a real name and ID number at an identity level (accounts that can log in, or walk-in records),
 * legal persons with their representative, and authorisations. For any module's tests (the
 * applications module's too), hence here and not in src/applicants/test-support.ts.
 */
import type { Kysely } from 'kysely';
import {
  citizenIdentity,
  declareIdentity,
  recordRegistryCheck,
  registerWalkIn,
  verifyIdentityInPerson,
  type CitizenIdentity,
  type IdentityLevel,
} from '../../src/citizens/index.js';
import type { DB } from '../../src/db/schema.js';
import { hashPassword } from '../../src/identity/index.js';
import { blindIndex, encrypt, type KeyRing } from '../../src/reporters/index.js';
import {
  creditCodeCheckChar,
  organizationCodeCheckChar,
  residentIdCheckChar,
} from '../../src/shared/codes/index.js';
import { inTransaction } from '../../src/shared/transaction.js';
import {
  grantAuthorisation,
  registerLegalPersonAtWindow,
  type LegalPersonKind,
} from '../../src/applicants/index.js';
import type { TestServices } from './services.js';

/** Every test citizen account's password. */
export const TEST_CITIZEN_PASSWORD = 'correct-horse-battery';

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence * 7919 + Math.floor(Math.random() * 997);
};

/** A valid, fresh resident ID number (GB 11643) of someone born in 1985 in 东城区. */
export function nextIdNumber(): string {
  const n = next();
  const body = `110101198${n % 10}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return `${body}${residentIdCheckChar(body)}`;
}

/** A valid, fresh unified social credit code; `authority` + `category` default to 91 (企业). */
export function nextCreditCode(prefix = '91'): string {
  const n = next();
  const org = `T${String(n % 10_000_000).padStart(7, '0')}`;
  const body = `${prefix}110101${org}${organizationCodeCheckChar(org)}`;
  return `${body}${creditCodeCheckChar(body)}`;
}

let phones = 0;
/** A fresh mainland mobile number. */
export function nextMobile(): string {
  phones += 1;
  return `137${String(10_000_000 + phones * 104_729 + Math.floor(Math.random() * 1000)).slice(-8)}`;
}

let passwordHash: Promise<string> | undefined;

export interface TestCitizenOptions {
  realName?: string;
  idNumber?: string;
  /** Default 2 (self-declared); 3 records a registry check, 4 an in-person check by a window clerk. */
  level?: IdentityLevel;
  /** Default true: an account with a phone and a password; false builds a walk-in record. */
  account?: boolean;
  phone?: string;
  /** Without real name and ID number (an account that declared nothing yet). */
  anonymous?: boolean;
}

export interface TestCitizen extends CitizenIdentity {
  /** The account's phone (login) or null for a walk-in record. */
  loginPhone: string | null;
}

/** A citizen at an identity level, made through the citizens module's services. */
export async function createTestCitizen(
  t: TestServices,
  options: TestCitizenOptions = {},
): Promise<TestCitizen> {
  const db = t.database.db;
  const ring = t.reporterKeys;
  const realName = options.realName ?? `测试${['张', '王', '李', '赵'][next() % 4]}${next() % 100}`;
  const idNumber = options.idNumber ?? nextIdNumber();
  const clerk =
    options.level === 4 || options.account === false ? await t.user({ role: 'window_clerk' }) : null;
  const id = await inTransaction(db, async (tx) => {
    if (options.account === false) {
      const walkIn = await registerWalkIn(tx, ring, {
        realName,
        idNumber,
        phone: options.phone ?? null,
        staffId: clerk!.id,
      });
      return walkIn.citizen.id;
    }
    const phone = options.phone ?? nextMobile();
    passwordHash ??= hashPassword(TEST_CITIZEN_PASSWORD);
    const row = await insertAccount(tx, ring, phone, await passwordHash);
    if (options.anonymous) return row;
    await declareIdentity(tx, ring, row, { realName, idNumber, version: 1 });
    return row;
  });
  await inTransaction(db, async (tx) => {
    const current = await citizenIdentity(tx, ring, id);
    if (options.level === 3)
      await recordRegistryCheck(tx, ring, id, { registry: '测试人口库', at: new Date() });
    if (options.level === 4)
      await verifyIdentityInPerson(tx, ring, id, {
        realName,
        idNumber,
        version: current.version,
        staffId: clerk!.id,
        at: new Date(),
      });
  });
  const citizen = await citizenIdentity(db, ring, id);
  return { ...citizen, loginPhone: citizen.hasAccount ? citizen.phone : null };
}

async function insertAccount(db: Kysely<DB>, ring: KeyRing, phone: string, hash: string): Promise<number> {
  const { id } = await db
    .insertInto('citizens')
    .values({ phone_enc: 'v1:pending', phone_index: blindIndex(ring, phone), password_hash: hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('citizens')
    .set({ phone_enc: encrypt(ring, phone, `citizens.phone_enc:${id}`) })
    .where('id', '=', id)
    .execute();
  return id;
}

export interface TestLegalPersonOptions {
  name?: string;
  kind?: LegalPersonKind;
  creditCode?: string;
  /** The legal representative; a level-4 citizen is created when not given. */
  representative?: TestCitizen;
}

/** A legal person registered at a window, its representative linked and verified. */
export async function createTestLegalPerson(t: TestServices, options: TestLegalPersonOptions = {}) {
  const representative = options.representative ?? (await createTestCitizen(t, { level: 4 }));
  const clerk = await t.user({ role: 'window_clerk' });
  const kind = options.kind ?? 'enterprise';
  const view = await registerLegalPersonAtWindow(t.database.db, t.reporterKeys, clerk.ctx, {
    creditCode: options.creditCode ?? nextCreditCode(kind === 'individual_business' ? '92' : '91'),
    name: options.name ?? `北京测试${next() % 1000}有限公司`,
    kind,
    representative: { realName: representative.realName!, idNumber: representative.idNumber! },
    address: '北京市东城区测试路1号',
    phone: null,
  });
  return { ...view, representative };
}

export interface TestAuthorisationOptions {
  /** A citizen (person) or a legal person (its representative grants). */
  principal: { citizenId: number } | { legalPersonId: number; representativeId: number };
  agentCitizenId: number;
  itemIds?: number[];
  validFrom?: string;
  validTo?: string;
}

/** An authorisation granted online by the principal (or the legal person's representative). */
export async function grantTestAuthorisation(t: TestServices, options: TestAuthorisationOptions) {
  const agent = await citizenIdentity(t.database.db, t.reporterKeys, options.agentCitizenId);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const granter =
    'citizenId' in options.principal ? options.principal.citizenId : options.principal.representativeId;
  return grantAuthorisation(
    t.database.db,
    t.reporterKeys,
    { citizenId: granter, clientIp: null, requestId: null },
    {
      principal:
        'legalPersonId' in options.principal ? { legalPersonId: options.principal.legalPersonId } : 'self',
      agent: { realName: agent.realName!, idNumber: agent.idNumber! },
      kind: 'entrust',
      allItems: options.itemIds === undefined,
      itemIds: options.itemIds ?? [],
      validFrom: options.validFrom ?? today,
      validTo: options.validTo ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      note: null,
    },
    { today: options.validFrom && options.validFrom < today ? options.validFrom : today },
  );
}

import { describe, expect, it } from 'vitest';
import { nextIdNumber, nextMobile } from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { createKeyRing } from '../reporters/index.js';
import { getCitizen, reencryptCitizens, registerCitizen } from './accounts.js';
import {
  citizenIdentity,
  declareIdentity,
  findCitizensByIdNumber,
  parseIdNumber,
  realNameProblem,
  recordRegistryCheck,
  registerWalkIn,
  verifyIdentityInPerson,
} from './identity.js';

const t = useTestServices();
const meta = { clientIp: null, requestId: null, timeZone: 'Asia/Shanghai' };

describe('identity input', () => {
  it.each([
    ['王小明', null],
    ['  欧阳娜娜 ', null],
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['名'.repeat(51), 'must be at most 50 characters'],
    ['王\u0000明', 'must not contain control characters'],
    ['王\u202E明', 'must not contain control characters'],
  ])('real name %j → %s', (name, problem) => {
    expect(realNameProblem(name)).toBe(problem);
  });

  it('parses ID numbers (lower-case x accepted), naming the field otherwise', () => {
    expect(parseIdNumber(' 11010519491231002x ', 'body.idNumber', '2026-06-01')).toEqual({
      idNumber: '11010519491231002X',
      error: null,
    });
    expect(parseIdNumber('110105194912310021', 'body.idNumber', '2026-06-01')).toMatchObject({
      idNumber: null,
      error: { field: 'body.idNumber' },
    });
  });
});

describe('identity levels', () => {
  it('records a registry check as level 3, never lowering an in-person level 4', async () => {
    const db = t().database.db;
    const ring = t().reporterKeys;
    const clerk = await t().user({ role: 'window_clerk' });
    const account = await registerCitizen(
      db,
      ring,
      { phone: nextMobile(), password: 'identity-password' },
      meta,
    );
    await expect(
      recordRegistryCheck(db, ring, account.id, { registry: '人口库', at: new Date() }),
    ).rejects.toMatchObject({ code: 'APPLICANT_INCOMPLETE' });
    const idNumber = nextIdNumber();
    const declared = await declareIdentity(db, ring, account.id, { realName: '陶然', idNumber, version: 1 });
    expect(declared).toMatchObject({ identityLevel: 2, realName: '陶然', idNumber, hasAccount: true });
    const checked = await recordRegistryCheck(db, ring, account.id, { registry: '人口库', at: new Date() });
    expect(checked).toMatchObject({ identityLevel: 3, identityRegistry: '人口库', identityVerifiedBy: null });
    const inPerson = await verifyIdentityInPerson(db, ring, account.id, {
      realName: '陶然',
      idNumber,
      version: checked.version,
      staffId: clerk.id,
      at: new Date(),
    });
    expect(inPerson).toMatchObject({
      identityLevel: 4,
      identityVerifiedBy: clerk.id,
      identityRegistry: null,
    });
    const again = await recordRegistryCheck(db, ring, account.id, { registry: '人口库', at: new Date() });
    expect(again).toMatchObject({ identityLevel: 4, version: inPerson.version });
  });

  it('keeps a walk-in record out of logins and account reads, and finds it by ID number after accounts', async () => {
    const db = t().database.db;
    const ring = t().reporterKeys;
    const clerk = await t().user({ role: 'window_clerk' });
    const idNumber = nextIdNumber();
    const { citizen: walkIn, created } = await registerWalkIn(db, ring, {
      realName: '史大娘',
      idNumber,
      phone: null,
      staffId: clerk.id,
    });
    expect(created).toBe(true);
    expect(walkIn).toMatchObject({
      hasAccount: false,
      phone: null,
      registeredByUserId: clerk.id,
      identityLevel: 2,
    });
    await expect(getCitizen(db, ring, walkIn.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The same person signs up online later with the same number: an account of its own, listed first.
    const account = await registerCitizen(
      db,
      ring,
      { phone: nextMobile(), password: 'identity-password', idNumber },
      meta,
    );
    expect(await findCitizensByIdNumber(db, ring, idNumber)).toEqual([account.id, walkIn.id]);
  });

  // Last in this file: it rewrites every account under another key.
  it('re-encrypts real names and writes the ID-number index of accounts made before it existed', async () => {
    const db = t().database.db;
    const k1 = createKeyRing([{ id: 'r1', key: Buffer.alloc(32, 11) }], 'r1');
    const idNumber = nextIdNumber();
    const account = await registerCitizen(
      db,
      k1,
      { phone: nextMobile(), password: 'identity-password' },
      meta,
    );
    await declareIdentity(db, k1, account.id, { realName: '岑参', idNumber, version: 1 });
    // As an account from before migration 0021: an ID number without its index.
    await db.updateTable('citizens').set({ id_number_index: null }).where('id', '=', account.id).execute();
    expect(await findCitizensByIdNumber(db, k1, idNumber)).toEqual([]);
    // The rest of this file's accounts are under the test ring (t1): keep it, or their rows cannot be read.
    const k2 = createKeyRing(
      [
        { id: 'r2', key: Buffer.alloc(32, 12) },
        { id: 'r1', key: Buffer.alloc(32, 11) },
        { id: 't1', key: Buffer.alloc(32, 7) },
      ],
      'r2',
    );
    await reencryptCitizens(db, k2);
    const row = await db
      .selectFrom('citizens')
      .select(['real_name_enc', 'id_number_index'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.real_name_enc).toMatch(/^v1:r2:/);
    expect(row.id_number_index).toMatch(/^r2:/);
    expect(await findCitizensByIdNumber(db, k2, idNumber)).toEqual([account.id]);
    expect(
      await citizenIdentity(db, createKeyRing([{ id: 'r2', key: Buffer.alloc(32, 12) }], 'r2'), account.id),
    ).toMatchObject({
      realName: '岑参',
      idNumber,
    });
  });
});

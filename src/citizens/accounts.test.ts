import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.js';
import type { Database } from '../db/index.js';
import { createKeyRing } from '../reporters/index.js';
import { getCitizen, loginCitizen, normalizeMobile, reencryptCitizens, registerCitizen } from './accounts.js';

const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };
const meta = { clientIp: null, requestId: null, timeZone: 'Asia/Shanghai' };
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['010-65123456', null],
    ['12812345678', null],
    ['1381234567', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });
});

describe('key rotation of citizen accounts', () => {
  it('re-encrypts phone, index and ID number under the new key; logins keep working throughout', async () => {
    const old = createKeyRing([k1], 'k1');
    const account = await registerCitizen(
      database.db,
      old,
      { phone: '13712345678', password: 'rotation-password', idNumber: '110101199003076632' },
      meta,
    );
    const both = createKeyRing([k2, k1], 'k2');
    // During the rotation: the old index still finds the account under the new ring.
    await expect(
      loginCitizen(
        database.db,
        both,
        { phone: '13712345678', password: 'rotation-password' },
        { ...meta, sessionHours: 1 },
      ),
    ).resolves.toMatchObject({ citizen: { id: account.id } });
    const first = await reencryptCitizens(database.db, both, { batchSize: 1 });
    expect(first.rewritten).toBe(1);
    expect((await reencryptCitizens(database.db, both)).rewritten).toBe(0);
    const row = await database.db
      .selectFrom('citizens')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^v1:k2:/);
    expect(row.id_number_enc).toMatch(/^v1:k2:/);
    expect(row.phone_index).toMatch(/^k2:/);
    const onlyNew = createKeyRing([k2], 'k2');
    expect(await getCitizen(database.db, onlyNew, account.id)).toMatchObject({
      phoneMasked: '137****5678',
      idNumberMasked: '1101**********6632',
    });
    await expect(
      loginCitizen(
        database.db,
        onlyNew,
        { phone: '137 1234 5678', password: 'rotation-password' },
        { ...meta, sessionHours: 1 },
      ),
    ).resolves.toMatchObject({ citizen: { id: account.id } });
  });
});

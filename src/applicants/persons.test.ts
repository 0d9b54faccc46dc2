import { describe, expect, it } from 'vitest';
import { createTestCitizen, nextIdNumber } from '../../test/helpers/applicants.js';
import { useTestServices } from '../../test/helpers/services.js';
import { listAudit } from '../audit/index.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { declareMyIdentity, registerWalkInApplicant, verifyApplicantInPerson } from './persons.js';
import type { CitizenContext } from './presenters.js';

const t = useTestServices();
const db = () => t().database.db;
const ring = () => t().reporterKeys;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const cc = (citizenId: number): CitizenContext => ({ citizenId, clientIp: null, requestId: null });

describe('walk-in applicants at the window', () => {
  it('creates a walk-in record verified in person, audited, and finds it again by ID number', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const idNumber = nextIdNumber();
    const first = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '周大爷', idNumber, phone: '13911112222' },
      today(),
    );
    expect(first).toMatchObject({
      created: true,
      person: { realName: '周大爷', idNumber, phone: '13911112222', identityLevel: 4, hasAccount: false },
    });
    const again = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '周大爷', idNumber },
      today(),
    );
    expect(again).toMatchObject({ created: false, person: { citizenId: first.person.citizenId } });
    const audit = await listAudit(db(), {
      targetType: 'citizen',
      targetId: String(first.person.citizenId),
      limit: 10,
    });
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'applicant.register_walk_in',
      'applicant.verify_in_person',
    ]);
    expect(JSON.stringify(audit.items)).not.toContain(idNumber);
  });

  it('uses the account of that ID number and verifies it, and refuses another name for it', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const account = await createTestCitizen(t(), { realName: '吴敏' });
    const found = await registerWalkInApplicant(
      db(),
      ring(),
      clerk.ctx,
      { realName: '吴敏', idNumber: account.idNumber! },
      today(),
    );
    expect(found).toMatchObject({
      created: false,
      person: { citizenId: account.id, hasAccount: true, identityLevel: 4 },
    });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: '吴小敏', idNumber: account.idNumber! },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', extra: { errors: [{ field: 'body.realName' }] } });
  });

  it('names each bad field and refuses roles without applicants:write', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: ' ', idNumber: '110101199001011234', phone: '12' },
        today(),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { errors: [{ field: 'body.realName' }, { field: 'body.idNumber' }] },
    });
    await expect(
      registerWalkInApplicant(
        db(),
        ring(),
        clerk.ctx,
        { realName: '张三', idNumber: nextIdNumber(), phone: '12' },
        today(),
      ),
    ).rejects.toMatchObject({ extra: { errors: [{ field: 'body.phone' }] } });
    for (const role of ['handler', 'dispatcher', 'leader'] as const) {
      const other = await t().user({ role });
      await expect(
        registerWalkInApplicant(
          db(),
          ring(),
          other.ctx,
          { realName: '张三', idNumber: nextIdNumber() },
          today(),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('verifying identity in person', () => {
  it('raises a declared identity to level 4 and refuses a card that does not match or a stale version', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const citizen = await createTestCitizen(t(), { realName: '郑洁' });
    await expect(
      verifyApplicantInPerson(
        db(),
        ring(),
        clerk.ctx,
        citizen.id,
        { realName: '郑洁', idNumber: nextIdNumber(), version: citizen.version },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', extra: { errors: [{ field: 'body.idNumber' }] } });
    await expect(
      verifyApplicantInPerson(
        db(),
        ring(),
        clerk.ctx,
        citizen.id,
        { realName: '郑洁', idNumber: citizen.idNumber!, version: citizen.version + 5 },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const verified = await verifyApplicantInPerson(
      db(),
      ring(),
      clerk.ctx,
      citizen.id,
      { realName: '郑洁', idNumber: citizen.idNumber!, version: citizen.version },
      today(),
    );
    expect(verified).toMatchObject({
      identityLevel: 4,
      identityLevelName: '窗口现场核验',
      version: citizen.version + 1,
    });
  });
});

describe('a citizen’s identity', () => {
  it('declares name and number at level 2; a change drops a verified level back to 2', async () => {
    const citizen = await createTestCitizen(t(), { level: 4, realName: '韩梅' });
    const same = await declareMyIdentity(
      db(),
      ring(),
      cc(citizen.id),
      { realName: '韩梅', idNumber: citizen.idNumber!, version: citizen.version },
      today(),
    );
    expect(same).toMatchObject({ identityLevel: 4, idNumber: maskIdNumber(citizen.idNumber!) });
    const changed = await declareMyIdentity(
      db(),
      ring(),
      cc(citizen.id),
      { realName: '韩梅梅', idNumber: citizen.idNumber!, version: same.version },
      today(),
    );
    expect(changed).toMatchObject({ identityLevel: 2, realName: '韩梅梅', identityVerifiedAt: null });
  });

  it('refuses an ID number another account declared, and a stale version', async () => {
    const other = await createTestCitizen(t());
    const me = await createTestCitizen(t(), { anonymous: true });
    await expect(
      declareMyIdentity(
        db(),
        ring(),
        cc(me.id),
        { realName: '某人', idNumber: other.idNumber!, version: me.version },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', extra: { errors: [{ field: 'body.idNumber' }] } });
    await expect(
      declareMyIdentity(
        db(),
        ring(),
        cc(me.id),
        { realName: '某人', idNumber: nextIdNumber(), version: 99 },
        today(),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});

import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import type { StaffRole } from '../identity/index.js';
import type { Actor } from '../identity/actor.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import {
  filesNotAttachableBy,
  getReadableFile,
  prepareImage,
  readFile,
  storeImage,
  storeImages,
} from './service.js';
import { databaseFileStore, type FileStore } from './store.js';
import { halves } from '../../test/helpers/images.js';

const t = useTestServices();

async function staff(role: StaffRole = 'inspector'): Promise<RequestContext> {
  const user = await t().user({ role });
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.username,
    role,
    position: null,
    departmentId: null,
    regionCodes: ['110101'],
  };
  return { actor, clientIp: '192.0.2.1', requestId: 'test' };
}

let made = 0;
async function prepared(size = 48) {
  made += 1;
  const png = await halves(size + made, size)
    .png()
    .toBuffer();
  return prepareImage(png);
}

async function auditCount(targetId: string): Promise<number> {
  const rows = await t()
    .database.db.selectFrom('audit_log')
    .select('id')
    .where('target_type', '=', 'file')
    .where('target_id', '=', targetId)
    .execute();
  return rows.length;
}

describe('storeImages', () => {
  it('stores nothing and audits nothing when one of several files fails', async () => {
    const ctx = await staff();
    let calls = 0;
    const failingSecond: FileStore = {
      ...databaseFileStore,
      async insert(db, file) {
        calls += 1;
        if (calls === 2) throw new Error('disk on fire');
        return databaseFileStore.insert(db, file);
      },
    };
    const inputs = [await prepared(), await prepared()].map((p) => ({
      purpose: 'case_photo' as const,
      prepared: p,
    }));
    await expect(storeImages(t().database.db, ctx, inputs, failingSecond)).rejects.toThrow('disk on fire');
    const rows = await t()
      .database.db.selectFrom('files')
      .select('id')
      .where('created_by_user_id', '=', ctx.actor.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('gives one file to two identical uploads by the same user, even at the same moment', async () => {
    const ctx = await staff();
    const image = await prepared();
    const input = { purpose: 'case_photo' as const, prepared: image, originalName: 'a.jpg' };
    const results = await Promise.all([
      storeImage(t().database.db, ctx, input),
      storeImage(t().database.db, ctx, input),
    ]);
    const [a, b] = results;
    expect(a.meta.id).toBe(b.meta.id);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await auditCount(a.meta.id)).toBe(2);
  });

  it('never merges anonymous uploads (citizens, Open311): nobody could be shown the other one', async () => {
    const image = await prepared();
    const input = { purpose: 'report_photo' as const, prepared: image };
    const a = await storeImage(t().database.db, systemContext(), input);
    const b = await storeImage(t().database.db, systemContext(), input);
    expect(a.meta.id).not.toBe(b.meta.id);
    expect([a.meta.createdByUserId, a.created, b.created]).toEqual([null, true, true]);
  });

  it('sanitizes the original name', async () => {
    const ctx = await staff();
    const { meta } = await storeImage(t().database.db, ctx, {
      purpose: 'case_photo',
      prepared: await prepared(),
      originalName: 'C:\\fakepath\\\u202Egpj.exe',
    });
    expect(meta.originalName).toBe('gpj.exe');
  });
});

describe('readFile', () => {
  it('returns the same bytes as a Buffer on either backend, and the thumbnail on request', async () => {
    const ctx = await staff();
    const image = await prepared(400);
    const { meta } = await storeImage(t().database.db, ctx, { purpose: 'case_photo', prepared: image });
    const original = await readFile(t().database.db, meta.id);
    expect(Buffer.isBuffer(original.data)).toBe(true);
    expect(original.data.equals(image.image.data)).toBe(true);
    expect(original.meta).toMatchObject({
      sha256: image.image.sha256,
      byteSize: image.image.data.byteLength,
    });
    const thumbnail = await readFile(t().database.db, meta.id, 'thumbnail');
    expect(thumbnail.data.equals(image.thumbnail.data)).toBe(true);
    expect(thumbnail.meta.sha256).toBe(image.thumbnail.sha256);
  });

  it('throws FILE_NOT_FOUND for an unknown id', async () => {
    await expect(readFile(t().database.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });
});

describe('getReadableFile and filesNotAttachableBy', () => {
  it('hide a file from staff who neither uploaded it nor administer', async () => {
    const [uploader, other, admin] = [await staff('inspector'), await staff('handler'), await staff('admin')];
    const { meta } = await storeImage(t().database.db, uploader, {
      purpose: 'case_photo',
      prepared: await prepared(),
    });
    await expect(getReadableFile(t().database.db, uploader.actor, meta.id)).resolves.toMatchObject({
      id: meta.id,
    });
    await expect(getReadableFile(t().database.db, admin.actor, meta.id)).resolves.toMatchObject({
      id: meta.id,
    });
    const hidden = await getReadableFile(t().database.db, other.actor, meta.id).catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(DomainError);
    expect((hidden as DomainError).code).toBe('FILE_NOT_FOUND');

    const unknown = '00000000-0000-4000-8000-000000000000';
    const ids = [meta.id, unknown, 'not-a-uuid', meta.id.toUpperCase()];
    expect(await filesNotAttachableBy(t().database.db, uploader.actor, ids)).toEqual([unknown, 'not-a-uuid']);
    expect(await filesNotAttachableBy(t().database.db, other.actor, [meta.id])).toEqual([meta.id]);
    expect(await filesNotAttachableBy(t().database.db, admin.actor, [meta.id])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestServices } from '../../test/helpers/services.js';
import { createDepartment } from '../departments/index.js';
import { systemContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { currentPublishedVersion, getItemVersion } from './repo.js';
import { createDraft, discardDraft, updateDraft } from './drafts.js';
import { getItem, getVersion } from './records.js';
import { createItem, publishVersion, retireVersion, updateItem } from './service.js';
import {
  TEST_CLOCK,
  TEST_VALID_FROM,
  publishTestBundle,
  publishTestItem,
  testForm,
  testGuide,
  testOrgCreditCode,
} from './test-support.js';

const t = useTestServices();

async function department(): Promise<number> {
  const created = await createDepartment(t().database.db, systemContext(), {
    name: `部门-${Math.random().toString(36).slice(2, 9)}`,
    kind: 'other',
  });
  return created.id;
}

let codeSeq = 0;
async function newItemInput(overrides: Record<string, unknown> = {}) {
  codeSeq += 1;
  return {
    basicCode: `S${String(codeSeq).padStart(4, '0')}${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    implementationCode: `IMPL-${Date.now().toString(36).toUpperCase()}-${codeSeq}`,
    kind: 'licensing' as const,
    level: 'main' as const,
    parentId: null,
    situation: null,
    departmentId: await department(),
    implementingOrgCreditCode: testOrgCreditCode(),
    competentDepartment: '区民政局',
    draft: {
      name: '居住证申领',
      lifeEvents: ['residence'],
      guide: testGuide(),
      form: testForm(),
    },
    ...overrides,
  };
}

async function expectError(promise: Promise<unknown>, code: string, field?: string): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (field) expect(((error as DomainError).extra.errors ?? []).map((e) => e.field)).toContain(field);
  return error as DomainError;
}

describe('publishTestItem and the door', () => {
  it('publishes a valid item that applications read by version id and by day', async () => {
    const published = await publishTestItem(t().database.db);
    expect(published.state).toBe('published');
    expect(published.validFrom).toBe(TEST_VALID_FROM);
    expect(published.guide.materials.filter((m) => !m.required)).toHaveLength(1);
    expect(await getItemVersion(t().database.db, published.id)).toEqual(published);
    expect(await currentPublishedVersion(t().database.db, published.itemId, '2026-01-01')).toEqual(published);
    expect(await currentPublishedVersion(t().database.db, published.itemId, '2019-12-31')).toBeNull();
    expect(await getItemVersion(t().database.db, 2_000_000_000)).toBeNull();
  });

  it('publishes a bundle whose form and materials are the union of its children', async () => {
    const bundle = await publishTestBundle(t().database.db, 3);
    expect(bundle.bundleItemIds).toHaveLength(3);
    // jsonb orders object keys its own way: the layout carries the order.
    const fields = bundle.form.layout.sections.flatMap((section) => section.fields);
    expect(Object.keys(bundle.form.schema.properties as object).sort()).toEqual([...fields].sort());
    expect(fields).toEqual([
      'applicant_name',
      'phone',
      'reason',
      'child_1_detail',
      'child_2_detail',
      'child_3_detail',
    ]);
    expect(bundle.form.layout.sections).toHaveLength(3);
    const keys = bundle.guide.materials.map((m) => m.key);
    expect(keys.filter((k) => k === 'id_card')).toHaveLength(1);
    expect(keys).toContain('c3_application_form');
  });
});

describe('the version lifecycle', () => {
  it('creates an item with draft 1, refuses editing it once published, and versions a change', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const item = await createItem(db, ctx, await newItemInput(), TEST_CLOCK);
    const v1 = item.versions[0]!;
    expect(v1).toMatchObject({ version: 1, state: 'draft', validFrom: null });

    const edited = await updateDraft(
      db,
      ctx,
      v1.id,
      { version: v1.rowVersion, name: '居住证签发' },
      TEST_CLOCK,
    );
    expect(edited.name).toBe('居住证签发');
    await expectError(
      updateDraft(db, ctx, v1.id, { version: v1.rowVersion, name: 'x' }, TEST_CLOCK),
      'VERSION_CONFLICT',
    );

    const published = await publishVersion(db, ctx, v1.id, { version: edited.rowVersion }, TEST_CLOCK);
    expect(published).toMatchObject({ state: 'published', validFrom: TEST_CLOCK.today, validTo: null });
    await expectError(
      updateDraft(db, ctx, v1.id, { version: published.rowVersion, name: 'x' }, TEST_CLOCK),
      'CATALOGUE_VERSION_FROZEN',
    );
    await expectError(
      updateItem(db, ctx, item.id, { version: item.version, competentDepartment: '别的' }),
      'CATALOGUE_ITEM_FIXED',
    );

    const v2 = await createDraft(db, ctx, item.id);
    expect(v2).toMatchObject({ version: 2, state: 'draft', name: '居住证签发', validFrom: null });
    await expectError(createDraft(db, ctx, item.id), 'CATALOGUE_DRAFT_EXISTS');
    const changed = await updateDraft(
      db,
      ctx,
      v2.id,
      {
        version: v2.rowVersion,
        guide: {
          ...testGuide(),
          promisedDays: 3,
          steps: [{ key: 'decision', name: '决定', days: 3, description: '' }],
        },
      },
      TEST_CLOCK,
    );
    const later = { ...TEST_CLOCK, today: '2026-04-01' };
    const p2 = await publishVersion(db, ctx, v2.id, { version: changed.rowVersion }, later);
    expect(p2.validFrom).toBe('2026-04-01');
    // The first version now ends the day before; an application made under it keeps it.
    expect(await getVersion(db, v1.id)).toMatchObject({ state: 'published', validTo: '2026-03-31' });
    expect((await currentPublishedVersion(db, item.id, '2026-03-31'))?.id).toBe(v1.id);
    expect((await currentPublishedVersion(db, item.id, '2026-04-01'))?.guide.promisedDays).toBe(3);

    const retired = await retireVersion(db, ctx, p2.id, p2.rowVersion, later);
    expect(retired.state).toBe('retired');
    expect(await currentPublishedVersion(db, item.id, '2026-04-01')).toBeNull();
    await expectError(retireVersion(db, ctx, p2.id, retired.rowVersion, later), 'CATALOGUE_ILLEGAL_ACTION');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', 'in', ['catalogue_item', 'catalogue_version'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'catalogue.item_create',
        'catalogue.publish',
        'catalogue.draft_create',
        'catalogue.retire',
      ]),
    );
  });

  it('refuses a publication whose validity overlaps a later published version', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const item = await createItem(db, ctx, await newItemInput(), TEST_CLOCK);
    const v1 = item.versions[0]!;
    await publishVersion(db, ctx, v1.id, { version: v1.rowVersion, validFrom: '2026-06-01' }, TEST_CLOCK);
    const v2 = await createDraft(db, ctx, item.id);
    await expectError(
      publishVersion(db, ctx, v2.id, { version: v2.rowVersion, validFrom: '2026-05-01' }, TEST_CLOCK),
      'CATALOGUE_VALIDITY_OVERLAP',
      'body.validFrom',
    );
    // Nothing was written: the draft is still a draft and the first version still open.
    expect((await getVersion(db, v2.id)).state).toBe('draft');
    expect((await getVersion(db, v1.id)).validTo).toBeNull();
    const p2 = await publishVersion(
      db,
      ctx,
      v2.id,
      { version: v2.rowVersion, validFrom: '2026-05-01', validTo: '2026-05-31' },
      TEST_CLOCK,
    );
    expect(p2.validTo).toBe('2026-05-31');
    expect((await currentPublishedVersion(db, item.id, '2026-05-15'))?.id).toBe(p2.id);
    expect((await currentPublishedVersion(db, item.id, '2026-06-15'))?.id).toBe(v1.id);
  });

  it('discards a draft, but not the only version of an item', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const item = await createItem(db, ctx, await newItemInput(), TEST_CLOCK);
    const v1 = item.versions[0]!;
    await expectError(discardDraft(db, ctx, v1.id, v1.rowVersion), 'CATALOGUE_ILLEGAL_ACTION');
    const p1 = await publishVersion(db, ctx, v1.id, { version: v1.rowVersion }, TEST_CLOCK);
    const v2 = await createDraft(db, ctx, item.id);
    await discardDraft(db, ctx, v2.id, v2.rowVersion);
    expect((await getItem(db, item.id)).versions.map((v) => v.id)).toEqual([p1.id]);
    await expectError(discardDraft(db, ctx, p1.id, p1.rowVersion), 'CATALOGUE_ILLEGAL_ACTION');
  });
});

describe('creating items', () => {
  it('names every bad field at once and writes nothing', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const before = await db
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const input = await newItemInput({
      basicCode: 'TOO-LONG-BASIC',
      implementingOrgCreditCode: 'ZZ1101010000000000',
      departmentId: 2_000_000_000,
    });
    input.draft = { ...input.draft, guide: { ...testGuide(), promisedDays: 30 } };
    const error = await expectError(createItem(db, ctx, input, TEST_CLOCK), 'VALIDATION_FAILED');
    expect(error.extra.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.basicCode', 'body.implementingOrgCreditCode', 'body.departmentId']),
    );
    const after = await db
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a bad guide of a valid item naming the guide field', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const input = await newItemInput();
    input.draft = { ...input.draft, guide: { ...testGuide(), promisedDays: 30 } };
    await expectError(
      createItem(db, ctx, input, TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.draft.guide.promisedDays',
    );
  });

  it('refuses a taken code with 409 naming it', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const first = await newItemInput();
    await createItem(db, ctx, first, TEST_CLOCK);
    const second = await newItemInput({ basicCode: first.basicCode });
    await expectError(createItem(db, ctx, second, TEST_CLOCK), 'ALREADY_EXISTS', 'body.basicCode');
  });

  it('places sub and handling items in the tree and refuses a misplaced one', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const main = await createItem(db, ctx, await newItemInput(), TEST_CLOCK);
    const sub = await createItem(
      db,
      ctx,
      await newItemInput({ level: 'sub', parentId: main.id }),
      TEST_CLOCK,
    );
    const handling = await createItem(
      db,
      ctx,
      await newItemInput({ level: 'handling', parentId: sub.id, situation: 'new' }),
      TEST_CLOCK,
    );
    expect(handling.parentId).toBe(sub.id);
    await expectError(
      createItem(db, ctx, await newItemInput({ level: 'sub', parentId: handling.id }), TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.parentId',
    );
    await expectError(
      createItem(db, ctx, await newItemInput({ level: 'main', situation: 'change' }), TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.situation',
    );
  });

  it('refuses a bundle of unpublished or bundle children, and conflicting fields by name', async () => {
    const db = t().database.db;
    const ctx = (await t().user({ role: 'admin' })).ctx;
    const unpublished = await createItem(db, ctx, await newItemInput(), TEST_CLOCK);
    const published = await publishTestItem(db);
    const input = await newItemInput({ kind: 'public_service' });
    input.draft = { ...input.draft, bundleItemIds: [published.itemId, unpublished.id] } as typeof input.draft;
    await expectError(
      createItem(db, ctx, input, TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.draft.bundleItemIds.1',
    );

    const bundle = await publishTestBundle(db, 2);
    const nested = await newItemInput({ kind: 'public_service' });
    nested.draft = {
      ...nested.draft,
      bundleItemIds: [published.itemId, bundle.itemId],
    } as typeof nested.draft;
    await expectError(
      createItem(db, ctx, nested, TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.draft.bundleItemIds.1',
    );

    const other = testForm();
    (other.schema.properties as Record<string, unknown>).phone = { type: 'integer' };
    const clash = await publishTestItem(db, { form: other });
    const clashing = await newItemInput({ kind: 'public_service' });
    clashing.draft = {
      ...clashing.draft,
      bundleItemIds: [published.itemId, clash.itemId],
    } as typeof clashing.draft;
    await expectError(
      createItem(db, ctx, clashing, TEST_CLOCK),
      'VALIDATION_FAILED',
      'body.draft.form.schema.properties.phone',
    );
  });
});

/**
 * Builders of published catalogue items for any module's tests (the catalogue's own and the
 * applications module's): a valid item with a small form and materials, and a 一件事 bundle of
 * such items. They go through the real use cases (create → publish) by the catalogue's door, so
 * what they return is what the catalogue serves.
 */
import type { Kysely } from 'kysely';
import {
  asItemVersion,
  createItem,
  publishVersion,
  type ApplicationForm,
  type CatalogueClock,
  type ItemKind,
  type ItemLevel,
  type ItemSituation,
  type ItemVersion,
  type ServiceGuide,
} from '../../src/catalogue/index.js';
import type { DB } from '../../src/db/schema.js';
import { createDepartment } from '../../src/departments/index.js';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../src/shared/codes/index.js';
import { systemContext } from '../../src/shared/context.js';

let sequence = 0;
const run = Math.random().toString(36).slice(2, 5).toUpperCase();

/** A valid, unique 统一社会信用代码 of a 机关 (category 11) registered in 110101. */
export function testOrgCreditCode(n: number = ++sequence): string {
  const body = `CA${String(n % 1_000_000).padStart(6, '0')}`;
  const body17 = `11110101${body}${organizationCodeCheckChar(body)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

/** The clock of these builders: a fixed instant, the item valid from long before it. */
export const TEST_CLOCK: CatalogueClock = { today: '2026-03-02', now: new Date('2026-03-02T02:00:00Z') };
export const TEST_VALID_FROM = '2020-01-01';

/** A small form: 申请人姓名 (required, pre-filled), 联系电话 (required), 申请事由 (optional). */
export function testForm(extraField?: string): ApplicationForm {
  const properties: Record<string, unknown> = {
    applicant_name: { type: 'string', title: '申请人姓名', minLength: 1, maxLength: 50 },
    phone: { type: 'string', title: '联系电话', pattern: '^1[3-9][0-9]{9}$' },
    reason: { type: 'string', title: '申请事由', maxLength: 500 },
  };
  const fields = ['applicant_name', 'phone', 'reason'];
  if (extraField) {
    properties[extraField] = { type: 'string', title: extraField, maxLength: 100 };
    fields.push(extraField);
  }
  return {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties,
      required: ['applicant_name', 'phone'],
    },
    layout: {
      sections: [{ title: '申请信息', fields }],
      fields: {
        applicant_name: { widget: 'text', prefill: 'person.name' },
        phone: { widget: 'phone', prefill: 'person.phone' },
        reason: { widget: 'textarea' },
      },
    },
  };
}

/** A guide promising 5 of 20 legal working days, acceptance 5, three materials (one conditional). */
export function testGuide(materialPrefix = ''): ServiceGuide {
  return {
    subjects: ['person'],
    conditions: '本区户籍或持有居住证的居民。',
    materials: [
      {
        key: `${materialPrefix}id_card`,
        name: '居民身份证',
        form: 'original',
        copies: 1,
        required: true,
        condition: null,
        source: 'certificate',
        sourceReference: '111',
        sampleFileId: null,
        blankFileId: null,
        notes: '核验原件',
      },
      {
        key: `${materialPrefix}application_form`,
        name: '申请表',
        form: 'original',
        copies: 1,
        required: true,
        condition: null,
        source: 'applicant',
        sourceReference: null,
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      },
      {
        key: `${materialPrefix}authorization`,
        name: '授权委托书',
        form: 'original',
        copies: 1,
        required: false,
        condition: '委托他人代办的',
        source: 'applicant',
        sourceReference: null,
        sampleFileId: null,
        blankFileId: null,
        notes: '',
      },
    ],
    steps: [
      { key: 'acceptance', name: '受理', days: 1, description: '窗口受理' },
      { key: 'review', name: '审查', days: 3, description: '业务科室审查' },
      { key: 'decision', name: '决定', days: 1, description: '作出决定' },
    ],
    specialSteps: [],
    legalDays: 20,
    promisedDays: 5,
    acceptanceDays: 5,
    fee: { amount: 0, basis: null, description: '不收费' },
    place: '区政务服务中心一楼综合窗口',
    hours: '工作日 9:00–17:00',
    visits: { online: 0, hall: 1 },
    channels: ['online', 'hall'],
    deliveryMethods: ['pickup', 'online'],
    onlineDepth: 3,
    faq: [{ question: '可以代办吗？', answer: '可以，需提交授权委托书。' }],
    consultation: '12345',
    complaint: '12345',
    legalBases: [
      {
        law: '《测试条例》',
        article: '第一条',
        text: '测试用的设定依据。',
        kind: 'setting',
      },
    ],
    resultName: '测试证明',
  };
}

export interface TestItemOverrides {
  name?: string;
  kind?: ItemKind;
  level?: ItemLevel;
  parentId?: number | null;
  situation?: ItemSituation | null;
  departmentId?: number;
  lifeEvents?: string[];
  aliases?: string[];
  guide?: Partial<ServiceGuide>;
  form?: ApplicationForm;
  validFrom?: string;
  validTo?: string | null;
  bundleItemIds?: number[];
}

async function testDepartment(db: Kysely<DB>): Promise<number> {
  const code = testOrgCreditCode();
  const department = await createDepartment(db, systemContext(), {
    creditCode: code,
    name: `测试实施机关-${code.slice(8, 16)}-${run}`,
    kind: 'other',
  });
  return department.id;
}

/**
 * Creates (in a department of its own unless one is given) and publishes a valid item, valid from
 * {@link TEST_VALID_FROM}; returns its published version.
 */
export async function publishTestItem(
  db: Kysely<DB>,
  overrides: TestItemOverrides = {},
): Promise<ItemVersion> {
  sequence += 1;
  const n = sequence;
  const departmentId = overrides.departmentId ?? (await testDepartment(db));
  const ctx = systemContext();
  const level = overrides.level ?? 'main';
  const item = await createItem(
    db,
    ctx,
    {
      basicCode: `T${run}${String(n).padStart(6, '0')}`.slice(0, 10),
      implementationCode: `T${run}-${String(n).padStart(8, '0')}`,
      kind: overrides.kind ?? 'licensing',
      level,
      parentId: overrides.parentId ?? null,
      situation: overrides.situation ?? null,
      departmentId,
      implementingOrgCreditCode: testOrgCreditCode(),
      competentDepartment: '测试主管部门',
      draft: {
        name: overrides.name ?? `测试事项${n}`,
        aliases: overrides.aliases ?? [],
        lifeEvents: overrides.lifeEvents ?? ['residence'],
        guide: { ...testGuide(), ...overrides.guide },
        form: overrides.form ?? testForm(),
        bundleItemIds: overrides.bundleItemIds ?? [],
        validFrom: overrides.validFrom ?? TEST_VALID_FROM,
        validTo: overrides.validTo ?? null,
        source: null,
      },
    },
    TEST_CLOCK,
  );
  const draft = item.versions[0]!;
  const published = await publishVersion(db, ctx, draft.id, { version: draft.rowVersion }, TEST_CLOCK);
  return asItemVersion(published);
}

/**
 * Publishes `childCount` items of different departments (each with the shared fields of
 * {@link testForm}, one field and its materials of its own) and a 一件事 bundle of them; returns
 * the bundle's published version (its `bundleItemIds` name the children).
 */
export async function publishTestBundle(db: Kysely<DB>, childCount: number): Promise<ItemVersion> {
  const children: ItemVersion[] = [];
  for (let i = 1; i <= childCount; i++) {
    children.push(
      await publishTestItem(db, {
        name: `一件事子项${i}-${sequence + 1}`,
        form: testForm(`child_${i}_detail`),
        guide: { materials: testGuide(`c${i}_`).materials.slice(0, 2).concat(testGuide().materials[0]!) },
      }),
    );
  }
  return publishTestItem(db, {
    name: `测试一件事${sequence + 1}`,
    kind: 'public_service',
    guide: { legalBases: [] },
    bundleItemIds: children.map((c) => c.itemId),
  });
}

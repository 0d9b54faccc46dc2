import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  DELIVERY_METHODS,
  ITEM_KINDS,
  ITEM_LEVELS,
  ITEM_SITUATIONS,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  SPECIAL_STEP_KINDS,
  SUBJECT_KINDS,
  type CatalogueDocument,
  type CatalogueEntry,
} from '../../catalogue/model.js';
import { parseCreditCode } from '../../shared/codes/index.js';
import { DEMO_DEPARTMENTS, demoCreditCode } from '../departments.js';
import { CATALOGUE_PATH, buildCatalogue, catalogueJson } from './build.js';

// The builder's own types must stay the model's: this assignment fails to compile otherwise.
const built: CatalogueDocument = buildCatalogue();
const doc = JSON.parse(fs.readFileSync(CATALOGUE_PATH, 'utf8')) as CatalogueDocument;
const items = doc.items;
const byCode = new Map(items.map((i) => [i.basicCode, i]));
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CJK = /[\u4e00-\u9fff]/;
const childrenOf = (code: string) => items.filter((i) => i.parentCode === code);
const isBundle = (i: CatalogueEntry) => i.bundleCodes.length > 0;
const properties = (i: CatalogueEntry) =>
  (i.form.schema as { properties: Record<string, Record<string, unknown>> }).properties;

describe('the demo service catalogue (catalogue.json)', () => {
  it('is what build.ts builds (regenerate with `npx tsx src/demo/catalogue/build.ts`, then prettier)', () => {
    expect(doc).toEqual(JSON.parse(catalogueJson()));
    expect(built.items.length).toBe(items.length);
  });

  it('is a shuzhi-catalogue document of at least 45 items using every kind and both subjects', () => {
    expect(doc.format).toBe('shuzhi-catalogue');
    expect(doc.formatVersion).toBe(1);
    expect(items.length).toBeGreaterThanOrEqual(45);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(ITEM_KINDS));
    expect(new Set(items.flatMap((i) => i.guide.subjects))).toEqual(new Set(SUBJECT_KINDS));
    expect(new Set(items.map((i) => i.level))).toEqual(new Set(['main', 'handling']));
    expect(new Set(items.map((i) => i.situation).filter(Boolean))).toEqual(new Set(ITEM_SITUATIONS));
  });

  it('has unique codes within their GB/T 39046-2020 lengths', () => {
    expect(new Set(items.map((i) => i.basicCode)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.implementationCode)).size).toBe(items.length);
    for (const i of items) {
      expect(i.basicCode, i.name).toMatch(/^\d{10}$/);
      expect(i.implementationCode.length, i.name).toBeLessThanOrEqual(24);
      expect(i.implementationCode.startsWith(i.basicCode), i.name).toBe(true);
    }
  });

  it('names an existing demo department with the credit code the seed gives it (valid, 机关, 110101)', () => {
    for (const i of items) {
      const index = DEMO_DEPARTMENTS.findIndex((d) => d.name === i.departmentName);
      expect(index, i.departmentName).toBeGreaterThanOrEqual(0);
      expect(i.implementingOrgCreditCode, i.name).toBe(demoCreditCode(index + 1));
      const parsed = parseCreditCode(i.implementingOrgCreditCode);
      expect(parsed.ok, i.name).toBe(true);
      if (parsed.ok) {
        expect(parsed.value.registrationAuthority.code + parsed.value.category.code).toBe('11');
        expect(parsed.value.divisionCode).toBe('110101');
      }
      expect(i.competentDepartment, i.name).toMatch(CJK);
    }
  });

  it('uses only the words of the model', () => {
    for (const i of items) {
      expect(ITEM_KINDS, i.name).toContain(i.kind);
      expect(ITEM_LEVELS, i.name).toContain(i.level);
      if (i.situation !== null) expect(ITEM_SITUATIONS).toContain(i.situation);
      for (const e of i.lifeEvents) expect(LIFE_EVENTS as readonly string[], i.name).toContain(e);
      expect(i.lifeEvents.length, i.name).toBeGreaterThan(0);
      for (const c of i.guide.channels) expect(CHANNELS).toContain(c);
      for (const d of i.guide.deliveryMethods) expect(DELIVERY_METHODS).toContain(d);
      for (const s of i.guide.specialSteps) expect(SPECIAL_STEP_KINDS).toContain(s.kind);
      for (const m of i.guide.materials) {
        expect(MATERIAL_FORMS).toContain(m.form);
        expect(MATERIAL_SOURCES).toContain(m.source);
      }
      expect(i.name, i.basicCode).toMatch(CJK);
      expect(i.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.validTo).toBeNull();
    }
  });

  it('places each 办理项 under a 主项 of the same kind, with a situation only there', () => {
    for (const i of items) {
      if (i.level === 'handling') {
        const parent = byCode.get(i.parentCode ?? '');
        expect(parent?.level, i.name).toBe('main');
        expect(parent?.kind, i.name).toBe(i.kind);
        expect(i.basicCode.slice(0, 7)).toBe(i.parentCode?.slice(0, 7));
        expect(i.situation, i.name).not.toBeNull();
      } else {
        expect(i.parentCode, i.name).toBeNull();
        expect(i.situation, i.name).toBeNull();
      }
    }
  });

  it('keeps 承诺 ≤ 法定 in working days, 即办件 at 0, steps within the promise', () => {
    for (const { name, guide: g } of items) {
      expect(g.promisedDays, name).toBeLessThanOrEqual(g.legalDays);
      expect(g.promisedDays, name).toBeGreaterThanOrEqual(0);
      expect([0, 5], name).toContain(g.acceptanceDays);
      const stepDays = g.steps.reduce((sum, s) => sum + s.days, 0);
      expect(stepDays, name).toBeLessThanOrEqual(g.promisedDays);
      if (g.promisedDays === 0) expect(stepDays, name).toBe(0);
      expect(g.steps.length, name).toBeGreaterThan(0);
      const stepKeys = g.steps.map((s) => s.key);
      expect(new Set(stepKeys).size, name).toBe(stepKeys.length);
      for (const s of g.steps) expect(s.key, name).toMatch(SNAKE);
      for (const s of g.specialSteps) expect(s.days, name).toBeGreaterThan(0);
    }
  });

  it('has fees, place and hours, visits per offered channel, depth, FAQ and contacts', () => {
    for (const { name, guide: g } of items) {
      expect(g.fee.amount, name).toBeGreaterThanOrEqual(0);
      if (g.fee.basis === null) expect(g.fee.amount, name).toBe(0);
      if (g.fee.amount > 0) expect(g.fee.basis, name).toMatch(CJK);
      expect(g.place, name).toMatch(CJK);
      expect(g.hours, name).toMatch(/\d{1,2}:\d{2}|时间为准/);
      expect(Object.keys(g.visits).sort(), name).toEqual([...g.channels].sort());
      for (const v of Object.values(g.visits)) expect(v).toBeGreaterThanOrEqual(0);
      if (g.onlineDepth === 4 && g.channels.includes('online')) expect(g.visits.online, name).toBe(0);
      expect([1, 2, 3, 4]).toContain(g.onlineDepth);
      expect(g.deliveryMethods.length, name).toBeGreaterThan(0);
      expect(g.faq.length, name).toBeGreaterThanOrEqual(1);
      expect(g.faq.length, name).toBeLessThanOrEqual(4);
      for (const f of g.faq) expect(f.question + f.answer).toMatch(CJK);
      expect(g.consultation, name).toContain('12345');
      expect(g.complaint, name).toContain('12345');
      expect(g.resultName, name).toMatch(CJK);
      expect(g.conditions, name).toMatch(CJK);
    }
  });

  it('cites a law with article and text for every item', () => {
    for (const { name, guide: g } of items) {
      expect(g.legalBases.length, name).toBeGreaterThan(0);
      for (const b of g.legalBases) {
        expect(b.law, name).toMatch(/^《.+》$/);
        expect(b.article, name).toMatch(/^第[一二三四五六七八九十百千零]+条/);
        expect(b.text.length, name).toBeGreaterThan(20);
        expect(['setting', 'implementing']).toContain(b.kind);
      }
    }
  });

  it('lists materials with unique snake_case keys, conditions where conditional, references where the government holds them', () => {
    for (const i of items) {
      const keys = i.guide.materials.map((m) => m.key);
      expect(new Set(keys).size, i.name).toBe(keys.length);
      if (i.level === 'handling' || (childrenOf(i.basicCode).length === 0 && !isBundle(i)))
        expect(keys.length, i.name).toBeGreaterThan(0);
      for (const m of i.guide.materials) {
        expect(m.key, i.name).toMatch(SNAKE);
        expect(m.name).toMatch(CJK);
        expect(m.copies).toBeGreaterThanOrEqual(1);
        expect(m.required, `${i.name} ${m.key}`).toBe(m.condition === null);
        if (m.source === 'certificate' || m.source === 'sharing')
          expect(m.sourceReference, `${i.name} ${m.key}`).toMatch(CJK);
        expect(Object.keys(m).sort()).toEqual([
          'condition',
          'copies',
          'form',
          'key',
          'name',
          'notes',
          'required',
          'source',
          'sourceReference',
        ]);
      }
    }
    const sources = new Set(items.flatMap((i) => i.guide.materials.map((m) => m.source)));
    expect(sources).toEqual(new Set(MATERIAL_SOURCES));
  });

  it('has a form per item: an object schema Ajv compiles, snake_case Chinese-titled fields, each laid out exactly once', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    for (const i of items) {
      const schema = i.form.schema as {
        type: string;
        properties: Record<string, Record<string, unknown>>;
        required: string[];
      };
      expect(schema.type, i.name).toBe('object');
      expect(() => ajv.compile(schema), i.name).not.toThrow();
      const names = Object.keys(schema.properties);
      for (const name of names) {
        expect(name, i.name).toMatch(SNAKE);
        expect(schema.properties[name]?.title, `${i.name} ${name}`).toMatch(CJK);
      }
      for (const r of schema.required) expect(names, i.name).toContain(r);
      const laidOut = i.form.layout.sections.flatMap((s) => s.fields);
      expect([...laidOut].sort(), i.name).toEqual([...names].sort());
      expect(
        Object.keys(i.form.layout.fields).every((f) => names.includes(f)),
        i.name,
      ).toBe(true);
      for (const s of i.form.layout.sections) expect(s.title, i.name).toMatch(CJK);
      const applicable = i.level === 'handling' || childrenOf(i.basicCode).length === 0;
      if (applicable) expect(names.length, i.name).toBeGreaterThan(0);
      else expect(names, i.name).toEqual([]);
    }
  });

  it('accepts a filled form and refuses a wrong one, field by field', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(byCode.get('0700020001')!.form.schema);
    const good = {
      newborn_name: '王小明',
      newborn_gender: '男',
      newborn_birth_date: '2025-03-01',
      birth_hospital: '北京协和医院',
      mother_name: '李华',
      mother_id_number: '11010119900307002X',
      household_address: '北京市东城区东四北大街1号',
      settle_with: '随母',
      applicant_phone: '13800138000',
      result_delivery: '窗口领取',
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...good, newborn_birth_date: '2025-13-01', applicant_phone: '123' })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual([
      '/applicant_phone',
      '/newborn_birth_date',
    ]);
  });

  it('pre-fills the applicant from the profile with the known bindings only', () => {
    const allowed = [
      'person.name',
      'person.id_number',
      'person.phone',
      'legal_person.name',
      'legal_person.credit_code',
      'legal_person.representative',
    ];
    const used = new Set<string>();
    for (const i of items)
      for (const hint of Object.values(i.form.layout.fields))
        if (hint.prefill) {
          expect(allowed).toContain(hint.prefill);
          used.add(hint.prefill);
        }
    expect(used).toEqual(new Set(allowed));
  });

  it('gives every shared field name one schema across the catalogue', () => {
    const seen = new Map<string, { item: string; schema: unknown }>();
    for (const i of items)
      for (const [name, schema] of Object.entries(properties(i))) {
        const first = seen.get(name);
        if (first) expect(schema, `${name}: ${first.item} vs ${i.name}`).toEqual(first.schema);
        else seen.set(name, { item: i.name, schema });
      }
  });

  describe('一件事 bundles', () => {
    const bundles = items.filter(isBundle);

    it('are 新生儿出生一件事 and 开办餐饮店一件事, over applicable non-bundle children of several departments', () => {
      expect(bundles.map((b) => b.name).sort()).toEqual(['新生儿出生一件事', '开办餐饮店一件事'].sort());
      for (const b of bundles) {
        expect(['public_service', 'other_power']).toContain(b.kind);
        const children = b.bundleCodes.map((c) => byCode.get(c));
        for (const [n, child] of children.entries()) {
          expect(child, b.bundleCodes[n]).toBeDefined();
          expect(isBundle(child!)).toBe(false);
          expect(childrenOf(child!.basicCode)).toEqual([]);
        }
        expect(new Set(children.map((c) => c!.departmentName)).size).toBeGreaterThan(1);
      }
    });

    it('have the union of the children’s fields as their form, each field asked once, required where a child requires it', () => {
      for (const b of bundles) {
        const children = b.bundleCodes.map((c) => byCode.get(c)!);
        const union: Record<string, unknown> = {};
        for (const child of children) Object.assign(union, properties(child));
        expect(properties(b)).toEqual(union);
        const required = new Set(children.flatMap((c) => (c.form.schema as { required: string[] }).required));
        expect(new Set((b.form.schema as { required: string[] }).required)).toEqual(required);
        const materialKeys = new Set(children.flatMap((c) => c.guide.materials.map((m) => m.key)));
        expect(new Set(b.guide.materials.map((m) => m.key))).toEqual(materialKeys);
      }
    });

    it('ask the newborn once: the five children share the newborn and parents fields', () => {
      const newborn = bundles.find((b) => b.name === '新生儿出生一件事')!;
      expect(newborn.bundleCodes.map((c) => byCode.get(c)!.name)).toEqual([
        '出生医学证明首次签发',
        '预防接种证办理',
        '出生登记（新生儿落户）',
        '新生儿城乡居民基本医疗保险参保登记',
        '社会保障卡申领（新生儿）',
      ]);
      for (const code of newborn.bundleCodes)
        expect(Object.keys(properties(byCode.get(code)!))).toEqual(
          expect.arrayContaining(['newborn_name', 'newborn_birth_date', 'mother_id_number']),
        );
    });
  });
});

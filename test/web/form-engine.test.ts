/**
 * The form engine's rules (web/src/shared/form): schema → fields, client-side checks, the server's
 * field errors, pre-fill. Pure, in node; the renderers are covered by the browser tests. The
 * catalogue's demo forms are the fixtures, and Ajv with the catalogue's settings is the judge the
 * client checks must agree with.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import demo from '../../src/demo/catalogue/catalogue.json' with { type: 'json' };
import { formAjv } from '../../src/catalogue/guide-validation.js';
import {
  creditCodeCheckChar,
  organizationCodeCheckChar,
  residentIdCheckChar,
} from '../../src/shared/codes/index.js';
import {
  checkField,
  formModel,
  formPayload,
  issueText,
  normalise,
  prefilledValues,
  profileOf,
  serverFieldErrors,
  validateForm,
  widgetOf,
  formFieldOf,
  type ApplicationForm,
  type FormField,
} from '../../web/src/shared/form/index.js';

const TODAY = '2026-12-08';
const items = (demo as unknown as { items: { name: string; form: ApplicationForm }[] }).items;
const formOf = (name: string) => {
  const found = items.find((i) => i.name === name);
  if (!found) throw new Error(`no demo item ${name}`);
  return found.form;
};
const permit = formModel(formOf('居住证申领'));
const field = (name: string): FormField => {
  const f = permit.byName.get(name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const zh = (f: FormField, value: unknown, partial = false) => {
  const found = checkField(f, normalise(f, value), { today: TODAY, partial });
  return found ? issueText(found, 'zh-CN') : null;
};

function idNumber(birth = '19850101', seq = '123'): string {
  const body = `110101${birth}${seq}`;
  return body + residentIdCheckChar(body);
}
function creditCode(org = 'T1234567'): string {
  const body = `91110101${org}${organizationCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}

const VALID_PERMIT = {
  applicant_name: '王小明',
  applicant_id_number: idNumber(),
  applicant_phone: '13800138000',
  current_address: '东城区东四北大街1号',
  household_address: '河北省保定市莲池区某街2号',
  residence_basis: '合法稳定就业',
  residence_since: '2026-01-05',
  result_delivery: '窗口领取',
};

describe('schema → fields', () => {
  it('reads the sections of the layout in order, each field once, with its schema', () => {
    expect(permit.sections.map((s) => s.title)).toEqual(['申请人信息', '居住信息', '结果送达']);
    expect(permit.sections[0]!.fields.map((f) => f.name)).toEqual([
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
    ]);
    const name = field('applicant_name');
    expect(name).toMatchObject({ label: '申请人姓名', kind: 'string', widget: 'text', required: true });
    expect(name).toMatchObject({ minLength: 1, maxLength: 50, prefill: 'person.name' });
    expect(field('applicant_id_number')).toMatchObject({ widget: 'id_number', format: 'id_number' });
    expect(field('applicant_phone')).toMatchObject({ widget: 'phone', format: 'mobile' });
    expect(field('residence_basis')).toMatchObject({
      widget: 'radio',
      options: ['合法稳定就业', '合法稳定住所', '连续就读'],
    });
    expect(field('residence_since')).toMatchObject({ widget: 'date', format: 'date' });
    expect(field('mailing_address')).toMatchObject({ required: false, widget: 'address' });
    expect(permit.fields).toHaveLength(9);
  });

  it('asks a property the layout forgot in a last section, and skips names the schema lacks', () => {
    const model = formModel({
      schema: {
        type: 'object',
        properties: { a: { type: 'string', title: '甲' }, b: { type: 'integer' } },
        required: ['b'],
      },
      layout: { sections: [{ title: '一', fields: ['a', 'ghost', 'a'] }], fields: {} },
    });
    expect(model.sections.map((s) => [s.title, s.fields.map((f) => f.name)])).toEqual([
      ['一', ['a']],
      ['其他信息', ['b']],
    ]);
    expect(model.byName.get('b')).toMatchObject({
      label: 'b',
      kind: 'integer',
      widget: 'number',
      required: true,
    });
  });

  it('chooses a widget from the hint, else from the schema', () => {
    expect(widgetOf({ type: 'string' }, { widget: 'textarea' })).toBe('textarea');
    expect(widgetOf({ type: 'string', enum: ['a', 'b'] }, undefined)).toBe('radio');
    expect(widgetOf({ type: 'string', enum: ['a', 'b', 'c', 'd'] }, undefined)).toBe('select');
    expect(widgetOf({ type: 'string', format: 'date' }, {})).toBe('date');
    expect(widgetOf({ type: 'number' }, {})).toBe('number');
    expect(widgetOf({ type: 'integer' }, {})).toBe('number');
    expect(widgetOf({ type: 'string', format: 'id_number' }, {})).toBe('id_number');
    expect(widgetOf({ type: 'string', format: 'mobile' }, {})).toBe('phone');
    expect(widgetOf({ type: 'string', maxLength: 500 }, {})).toBe('textarea');
    expect(widgetOf({ type: 'string' }, {})).toBe('text');
    expect(widgetOf({ type: 'string' }, { widget: 'bogus' as never })).toBe('text');
  });

  it('knows the credit code field of the business forms by its name', () => {
    const business = formModel(formOf('个体工商户设立登记'));
    const codes = business.fields.filter((f) => f.format === 'credit_code').map((f) => f.name);
    for (const name of codes) expect(name).toMatch(/credit_code$/);
  });

  it('reads every demo form without losing a property', () => {
    for (const item of items) {
      const model = formModel(item.form);
      const properties = Object.keys((item.form.schema as { properties: object }).properties);
      expect(model.fields.map((f) => f.name).sort()).toEqual(properties.sort());
    }
  });
});

describe('client checks', () => {
  it('accepts a complete 居住证 form and refuses nothing', () => {
    expect(validateForm(permit, VALID_PERMIT, { today: TODAY })).toEqual({});
  });

  it('names every missing required field in Chinese, and a draft may leave them empty', () => {
    const issues = validateForm(permit, {}, { today: TODAY });
    expect(Object.keys(issues).sort()).toEqual(
      [
        'applicant_name',
        'applicant_id_number',
        'applicant_phone',
        'current_address',
        'household_address',
        'residence_basis',
        'residence_since',
        'result_delivery',
      ].sort(),
    );
    expect(issueText(issues.applicant_name!, 'zh-CN')).toBe('请填写申请人姓名');
    expect(issueText(issues.residence_basis!, 'zh-CN')).toBe('请选择申领依据');
    expect(issueText(issues.residence_since!, 'zh-CN')).toBe('请选择本市居住登记日期');
    expect(issueText(issues.applicant_name!, 'en')).toBe('Please fill in 申请人姓名');
    expect(validateForm(permit, {}, { today: TODAY, partial: true })).toEqual({});
  });

  it('checks a draft’s filled fields all the same', () => {
    const issues = validateForm(permit, { applicant_phone: '12345' }, { today: TODAY, partial: true });
    expect(Object.keys(issues)).toEqual(['applicant_phone']);
  });

  it('treats blanks as empty and trims', () => {
    expect(zh(field('applicant_name'), '   ')).toBe('请填写申请人姓名');
    expect(normalise(field('applicant_name'), '  王小明 ')).toBe('王小明');
    expect(zh(field('mailing_address'), '')).toBeNull();
    expect(zh(field('mailing_address'), null)).toBeNull();
  });

  it('checks ID numbers: shape, birth date, check character (GB 11643)', () => {
    const f = field('applicant_id_number');
    expect(zh(f, idNumber())).toBeNull();
    expect(zh(f, idNumber().toLowerCase())).toBeNull();
    expect(zh(f, '11010119850101123')).toBe('申请人公民身份号码须为18位，末位可为数字或X');
    expect(zh(f, 'A10101198501011234')).toBe('申请人公民身份号码须为18位，末位可为数字或X');
    expect(zh(f, idNumber('19850230'))).toBe('申请人公民身份号码中的出生日期不正确');
    expect(zh(f, idNumber('20301231'))).toBe('申请人公民身份号码中的出生日期不正确');
    const good = idNumber();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(zh(f, wrongCheck)).toBe('申请人公民身份号码校验位不正确，请核对');
  });

  it('checks mobile numbers, dates, options and lengths', () => {
    expect(zh(field('applicant_phone'), '13800138000')).toBeNull();
    expect(zh(field('applicant_phone'), '1380013800')).toBe('联系电话须为11位手机号码');
    expect(zh(field('applicant_phone'), '12800138000')).toBe('联系电话须为11位手机号码');
    expect(zh(field('residence_since'), '2026-02-29')).toBe('本市居住登记日期须为有效日期（年-月-日）');
    expect(zh(field('residence_since'), '2024-02-29')).toBeNull();
    expect(zh(field('residence_since'), '2026/01/05')).toBe('本市居住登记日期须为有效日期（年-月-日）');
    expect(zh(field('residence_basis'), '其他')).toBe('申领依据须从选项中选择');
    expect(zh(field('applicant_name'), '王'.repeat(51))).toBe('申请人姓名不能超过50个字');
    // Code points, as Ajv counts: 50 characters outside the BMP are 50, not 100.
    expect(zh(field('applicant_name'), '𠀀'.repeat(50))).toBeNull();
  });

  it('checks numbers: type, integer, bounds', () => {
    const model = formModel({
      schema: {
        type: 'object',
        properties: {
          area: { type: 'number', title: '面积', minimum: 0.1, maximum: 100 },
          count: { type: 'integer', title: '人数', exclusiveMinimum: 0, exclusiveMaximum: 10 },
        },
      },
      layout: { sections: [{ title: '', fields: ['area', 'count'] }], fields: {} },
    });
    const area = model.byName.get('area')!;
    const count = model.byName.get('count')!;
    expect(normalise(area, '12.5')).toBe(12.5);
    expect(zh(area, '12.5')).toBeNull();
    expect(zh(area, 'abc')).toBe('面积须为数字');
    expect(zh(area, '0')).toBe('面积不能小于0.1');
    expect(zh(area, 101)).toBe('面积不能大于100');
    expect(zh(count, '1.5')).toBe('人数须为整数');
    expect(zh(count, 0)).toBe('人数须大于0');
    expect(zh(count, 10)).toBe('人数须小于10');
    expect(zh(count, 9)).toBeNull();
  });

  it('checks credit codes (GB 32100) and schema patterns', () => {
    const model = formModel({
      schema: {
        type: 'object',
        properties: {
          credit_code: { type: 'string', title: '统一社会信用代码' },
          account: { type: 'string', title: '银行账号', pattern: '^\\d{12,30}$' },
          mail: { type: 'string', title: '邮箱', format: 'email' },
        },
      },
      layout: { sections: [{ title: '', fields: ['credit_code', 'account', 'mail'] }], fields: {} },
    });
    const code = model.byName.get('credit_code')!;
    expect(zh(code, creditCode())).toBeNull();
    expect(zh(code, creditCode().toLowerCase())).toBeNull();
    expect(zh(code, '91110101T1234567')).toBe('统一社会信用代码须为18位统一社会信用代码');
    const good = creditCode();
    expect(zh(code, good.slice(0, 17) + (good[17] === '0' ? '1' : '0'))).toBe(
      '统一社会信用代码校验位不正确，请核对',
    );
    expect(zh(model.byName.get('account')!, '12345')).toBe('银行账号格式不正确');
    expect(zh(model.byName.get('account')!, '622202123456789')).toBeNull();
    expect(zh(model.byName.get('mail')!, 'a@b')).toBe('邮箱须为有效的电子邮箱');
    expect(zh(model.byName.get('mail')!, 'a@b.cn')).toBeNull();
  });

  it('sends only the form’s fields, normalised, without empty ones', () => {
    expect(
      formPayload(permit, { ...VALID_PERMIT, applicant_name: ' 王小明 ', mailing_address: '', stray: 'x' }),
    ).toEqual({ ...VALID_PERMIT, applicant_name: '王小明' });
  });

  it('never refuses what the server’s Ajv accepts, except a wrong check digit (property)', () => {
    const validate = formAjv().compile(formOf('居住证申领').schema);
    const anyText = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '',
        ' ',
        '2026-01-05',
        '2026-02-30',
        '13800138000',
        '窗口领取',
        '合法稳定住所',
        idNumber(),
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...permit.fields.map((f) => f.name)), anyText), (values) => {
        const payload = formPayload(permit, values);
        const client = validateForm(permit, payload, { today: TODAY });
        const server = validate(payload);
        if (server) {
          for (const [name, found] of Object.entries(client))
            expect(['idCheck', 'idBirthDate'], `${name}: ${found.key}`).toContain(found.key);
        }
        // What the client lets through, the server takes too (the client is never the weaker judge).
        if (Object.keys(client).length === 0) expect(server).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the server’s field errors', () => {
  it('reads pointers in both notations', () => {
    expect(formFieldOf('/form/applicant_name')).toBe('applicant_name');
    expect(formFieldOf('/form/a~1b')).toBe('a/b');
    expect(formFieldOf('body.form.applicant_name')).toBe('applicant_name');
    expect(formFieldOf('form.applicant_name')).toBe('applicant_name');
    expect(formFieldOf('/materials/0/fileId')).toBeNull();
    expect(formFieldOf('body.itemId')).toBeNull();
  });

  it('puts Ajv’s English on the fields in Chinese, keeps Chinese reasons, lists the rest', () => {
    const { fields, other } = serverFieldErrors(
      [
        { field: '/form/applicant_phone', reason: 'must match pattern "^1[3-9]\\d{9}$"' },
        { field: '/form', reason: "must have required property 'residence_since'" },
        { field: '/form/applicant_name', reason: 'must NOT have more than 50 characters' },
        { field: '/form/current_address', reason: '地址不在本区' },
        { field: '/form/household_address', reason: 'something unexpected' },
        { field: '/form/residence_basis', reason: 'must be equal to one of the allowed values' },
        { field: '/form/residence_basis', reason: 'a second error of the same field is not shown' },
        { field: '/materials/0/fileId', reason: '文件类型不符' },
        { field: '/form/unknown_field', reason: 'must NOT have additional properties' },
      ],
      permit,
      'zh-CN',
    );
    expect(fields).toEqual({
      applicant_phone: '联系电话格式不正确',
      residence_since: '请填写本市居住登记日期',
      applicant_name: '申请人姓名不能超过50个字',
      current_address: '现居住地址：地址不在本区',
      household_address: '户籍地址格式不正确',
      residence_basis: '申领依据须从选项中选择',
    });
    expect(other.map((e) => e.field)).toEqual(['/materials/0/fileId', '/form/unknown_field']);
  });
});

describe('pre-fill', () => {
  it('fills empty profile-bound fields and keeps what was answered', () => {
    const profile = profileOf({ name: '王小明', idNumber: idNumber(), phone: '13800138000' });
    const { values, filled } = prefilledValues(permit, { applicant_phone: '13900139000' }, profile);
    expect(values).toEqual({
      applicant_phone: '13900139000',
      applicant_name: '王小明',
      applicant_id_number: idNumber(),
    });
    expect(filled).toEqual(['applicant_name', 'applicant_id_number']);
  });

  it('never fills a masked number, and fills a company’s fields from the company', () => {
    const business = formModel(formOf('个体工商户设立登记'));
    const profile = profileOf(
      { name: '李四', idNumber: '110101********1234', phone: '138****8000' },
      { name: '东城小吃店', creditCode: creditCode(), representative: '李四' },
    );
    expect(profile['person.id_number']).toBeNull();
    expect(profile['person.phone']).toBeNull();
    const { values } = prefilledValues(business, {}, profile);
    for (const f of business.fields) {
      if (f.prefill === 'person.id_number' || f.prefill === 'person.phone')
        expect(values[f.name]).toBeUndefined();
      if (f.prefill === 'person.name') expect(values[f.name]).toBe('李四');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { nextCreditCode, nextIdNumber } from '../../../test/helpers/applicants.js';
import { testForm } from '../../../test/helpers/catalogue.js';
import type { ApplicationForm } from '../../catalogue/index.js';
import { formValueErrors, prefillValues } from './form.js';

const form = testForm(); // applicant_name (required, prefill person.name), phone (required, pattern), reason

const identifiers: ApplicationForm = {
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id_number: { type: 'string', format: 'id_number' },
      credit_code: { type: 'string', format: 'credit_code' },
      mobile: { type: 'string', format: 'mobile' },
      count: { type: 'integer', minimum: 1 },
    },
    required: [],
  },
  layout: { sections: [{ title: 'x', fields: ['id_number', 'credit_code', 'mobile', 'count'] }], fields: {} },
};

describe('form values against the item version’s schema', () => {
  it('accepts a complete, well-typed form', () => {
    expect(formValueErrors(form, { applicant_name: '张三', phone: '13800138000' }, 'submit')).toEqual([]);
  });

  it('names every failing field as /form/<field>', () => {
    const errors = formValueErrors(form, { phone: '12345', extra: 1, reason: 7 }, 'submit');
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['/form/applicant_name', '/form/extra', '/form/phone', '/form/reason'].sort(),
    );
    expect(errors.find((e) => e.field === '/form/applicant_name')!.reason).toMatch(/必填/);
  });

  it('lets a draft be partial but never mistyped', () => {
    expect(formValueErrors(form, {}, 'draft')).toEqual([]);
    expect(formValueErrors(form, { phone: 42 }, 'draft').map((e) => e.field)).toEqual(['/form/phone']);
    expect(formValueErrors(form, {}, 'submit')).toHaveLength(2);
  });

  it('refuses a form that is not an object', () => {
    for (const bad of [null, [], 'x', 3])
      expect(formValueErrors(form, bad, 'draft')).toEqual([{ field: '/form', reason: expect.any(String) }]);
  });

  it('checks ID numbers (GB 11643), credit codes (GB 32100) and mobiles with the catalogue’s formats', () => {
    const good = {
      id_number: nextIdNumber(),
      credit_code: nextCreditCode(),
      mobile: '13912345678',
      count: 2,
    };
    expect(formValueErrors(identifiers, good, 'submit')).toEqual([]);
    const id = good.id_number;
    const wrongCheck = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const code = good.credit_code;
    const badCode = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const errors = formValueErrors(
      identifiers,
      { id_number: wrongCheck, credit_code: badCode, mobile: '12912345678', count: 0 },
      'submit',
    );
    expect(errors.map((e) => e.field)).toEqual([
      '/form/id_number',
      '/form/credit_code',
      '/form/mobile',
      '/form/count',
    ]);
  });

  it('pre-fills from the profile what the caller left empty', () => {
    const profile = { 'person.name': '李四', 'person.phone': null, 'person.id_number': null };
    expect(prefillValues(form, profile)).toEqual({ applicant_name: '李四' });
    expect(prefillValues(form, profile, { applicant_name: '王五' })).toEqual({ applicant_name: '王五' });
  });
});

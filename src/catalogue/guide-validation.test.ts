import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUIDE_RULES,
  fewestVisits,
  formErrors,
  guideErrors,
  lifeEventErrors,
  maxVisits,
} from './guide-validation.js';
import { ITEM_KINDS, type ApplicationForm, type ServiceGuide } from './model.js';
import { testForm, testGuide } from './test-support.js';

const at = 'g';
function errorsOf(change: (g: ServiceGuide) => void, kind: (typeof ITEM_KINDS)[number] = 'licensing') {
  const guide = structuredClone(testGuide());
  change(guide);
  return guideErrors(guide, kind, at);
}
const fieldsOf = (change: (g: ServiceGuide) => void, kind?: (typeof ITEM_KINDS)[number]) =>
  errorsOf(change, kind).map((e) => e.field);

describe('guide validation', () => {
  it('accepts the test guide for every kind', () => {
    for (const kind of ITEM_KINDS) expect(guideErrors(testGuide(), kind, at)).toEqual([]);
  });

  describe('time limits (承诺 ≤ 法定, 即办件 = 0, 受理时限)', () => {
    it('refuses a promise longer than the legal limit, naming it', () => {
      const errors = errorsOf((g) => {
        g.promisedDays = 21;
        g.steps = [{ key: 'review', name: '审查', days: 21, description: '' }];
      });
      expect(errors).toEqual([
        expect.objectContaining({
          field: 'g.promisedDays',
          reason: expect.stringContaining('承诺时限不得超过法定时限'),
        }),
      ]);
    });

    it('accepts a promise equal to the legal limit', () => {
      expect(fieldsOf((g) => (g.promisedDays = 20))).toEqual([]);
    });

    it('accepts an immediate item (即办件): promise 0, acceptance 0, steps of 0 days', () => {
      expect(
        fieldsOf((g) => {
          g.promisedDays = 0;
          g.acceptanceDays = 0;
          g.steps = [{ key: 'decision', name: '当场办结', days: 0, description: '' }];
        }),
      ).toEqual([]);
    });

    it('refuses an immediate item that takes days to accept', () => {
      expect(
        fieldsOf((g) => {
          g.promisedDays = 0;
          g.acceptanceDays = 1;
          g.steps = [{ key: 'decision', name: '当场办结', days: 0, description: '' }];
        }),
      ).toEqual(['g.acceptanceDays']);
    });

    it('refuses acceptance beyond 5 working days (行政许可法 Art. 32) unless configured', () => {
      expect(fieldsOf((g) => (g.acceptanceDays = 6))).toEqual(['g.acceptanceDays']);
      const guide = { ...testGuide(), acceptanceDays: 6 };
      expect(guideErrors(guide, 'licensing', at, { ...DEFAULT_GUIDE_RULES, maxAcceptanceDays: 7 })).toEqual(
        [],
      );
    });

    it.each([-1, 1.5, Number.NaN, 4000])('refuses %s days', (days) => {
      expect(fieldsOf((g) => (g.legalDays = days))).toContain('g.legalDays');
      expect(fieldsOf((g) => (g.promisedDays = days))).toContain('g.promisedDays');
      expect(fieldsOf((g) => (g.acceptanceDays = days))).toContain('g.acceptanceDays');
    });
  });

  describe('materials', () => {
    it('refuses a repeated or malformed key, naming the row', () => {
      expect(fieldsOf((g) => (g.materials[1]!.key = 'id_card'))).toEqual(['g.materials.1.key']);
      expect(fieldsOf((g) => (g.materials[0]!.key = 'IdCard'))).toEqual(['g.materials.0.key']);
      expect(fieldsOf((g) => (g.materials[0]!.key = '1st'))).toEqual(['g.materials.0.key']);
    });

    it('needs the condition of a conditional material and none on a required one', () => {
      expect(fieldsOf((g) => (g.materials[2]!.condition = null))).toEqual(['g.materials.2.condition']);
      expect(fieldsOf((g) => (g.materials[2]!.condition = '  '))).toEqual(['g.materials.2.condition']);
      expect(fieldsOf((g) => (g.materials[0]!.condition = '任何情形'))).toEqual(['g.materials.0.condition']);
    });

    it('needs the resource of a material the government obtains itself', () => {
      expect(fieldsOf((g) => (g.materials[0]!.sourceReference = null))).toEqual([
        'g.materials.0.sourceReference',
      ]);
      expect(
        fieldsOf((g) => ((g.materials[1]!.source = 'sharing'), (g.materials[1]!.sourceReference = ''))),
      ).toEqual(['g.materials.1.sourceReference']);
    });

    it('checks name, form, source and copies', () => {
      expect(
        fieldsOf((g) => {
          const m = g.materials[1]!;
          m.name = '';
          (m as { form: string }).form = 'fax';
          (m as { source: string }).source = 'neighbour';
          m.copies = 100;
        }),
      ).toEqual(['g.materials.1.name', 'g.materials.1.form', 'g.materials.1.source', 'g.materials.1.copies']);
    });

    it('allows an item without materials', () => {
      expect(fieldsOf((g) => (g.materials = []))).toEqual([]);
    });
  });

  describe('steps', () => {
    it('needs at least one step with a unique lower_snake_case key', () => {
      expect(fieldsOf((g) => (g.steps = []))).toEqual(['g.steps']);
      expect(fieldsOf((g) => (g.steps[1]!.key = 'acceptance'))).toEqual(['g.steps.1.key']);
      expect(fieldsOf((g) => (g.steps[1]!.key = 'Review'))).toEqual(['g.steps.1.key']);
    });

    it('keeps the steps within the promised limit', () => {
      expect(errorsOf((g) => (g.steps[1]!.days = 4))).toEqual([
        expect.objectContaining({
          field: 'g.steps',
          reason: expect.stringContaining('合计 6 超过承诺时限 5'),
        }),
      ]);
    });

    it('checks special steps: known kind once, own limit of at least a day', () => {
      expect(
        fieldsOf((g) => {
          g.specialSteps = [
            { kind: 'expert_review', name: '专家评审', days: 30, description: '' },
            { kind: 'expert_review', name: '再评审', days: 10, description: '' },
            { kind: 'site_inspection', name: '现场勘查', days: 0, description: '' },
            { kind: 'magic' as 'hearing', name: '未知', days: 1, description: '' },
          ];
        }),
      ).toEqual(['g.specialSteps.1.kind', 'g.specialSteps.2.days', 'g.specialSteps.3.kind']);
    });

    it('does not count special steps in the promise (行政许可法 Art. 45)', () => {
      expect(
        fieldsOf((g) => (g.specialSteps = [{ kind: 'hearing', name: '听证', days: 60, description: '' }])),
      ).toEqual([]);
    });
  });

  describe('fee', () => {
    it('accepts free (0, no basis), free with the rule that makes it free, and a fee with its basis', () => {
      expect(fieldsOf((g) => (g.fee = { amount: 0, basis: null, description: '' }))).toEqual([]);
      expect(
        fieldsOf(
          (g) => (g.fee = { amount: 0, basis: '《居住证暂行条例》首次申领免收工本费', description: '' }),
        ),
      ).toEqual([]);
      expect(
        fieldsOf((g) => (g.fee = { amount: 10.5, basis: '《收费标准》', description: '工本费' })),
      ).toEqual([]);
    });
    it('refuses a fee without basis, a basis of 1,001 characters, and odd amounts', () => {
      expect(fieldsOf((g) => (g.fee = { amount: 10, basis: null, description: '' }))).toEqual([
        'g.fee.basis',
      ]);
      expect(fieldsOf((g) => (g.fee = { amount: 0, basis: '据'.repeat(1001), description: '' }))).toEqual([
        'g.fee.basis',
      ]);
      expect(fieldsOf((g) => (g.fee = { amount: -1, basis: null, description: '' }))).toEqual([
        'g.fee.amount',
      ]);
      expect(fieldsOf((g) => (g.fee = { amount: 1.234, basis: 'x', description: '' }))).toEqual([
        'g.fee.amount',
      ]);
    });
  });

  describe('channels and visits (到现场次数)', () => {
    it('needs the visits of every offered channel, and none of another', () => {
      expect(fieldsOf((g) => (g.visits = { online: 0 }))).toEqual(['g.visits.hall']);
      expect(fieldsOf((g) => (g.visits = { online: 0, hall: 1, post: 0 }))).toEqual(['g.visits.post']);
      expect(fieldsOf((g) => (g.visits = { online: 0, hall: -1 }))).toEqual(['g.visits.hall']);
      expect(fieldsOf((g) => (g.visits = { online: 0, hall: 1.5 }))).toEqual(['g.visits.hall']);
    });

    it('accepts many visits (0..n)', () => {
      expect(fieldsOf((g) => (g.visits = { online: 0, hall: 3 }))).toEqual([]);
    });

    it('needs known channels, each once, at least one', () => {
      expect(fieldsOf((g) => ((g.channels = []), (g.visits = {})))).toEqual(['g.channels']);
      expect(fieldsOf((g) => (g.channels = ['online', 'online', 'hall']))).toEqual(['g.channels.1']);
      expect(fieldsOf((g) => (g.channels = ['online', 'fax' as 'hall']))).toEqual([
        'g.channels.1',
        'g.visits.hall',
      ]);
    });

    it('computes the most and the fewest visits', () => {
      expect(maxVisits(testGuide())).toBe(1);
      expect(fewestVisits(testGuide())).toBe(0);
      expect(maxVisits({ channels: ['hall', 'post'], visits: { hall: 2, post: 0 } })).toBe(2);
      expect(maxVisits({ channels: [], visits: {} })).toBe(0);
      expect(fewestVisits({ channels: [], visits: {} })).toBe(0);
    });
  });

  describe('the rest of the guide', () => {
    it('needs subjects, delivery methods, a depth of 1–4 and the contact texts', () => {
      expect(
        fieldsOf((g) => {
          g.subjects = [];
          g.deliveryMethods = ['pickup', 'pickup'];
          g.onlineDepth = 5 as 4;
          g.consultation = '';
          g.complaint = ' ';
          g.resultName = '';
          g.conditions = '';
        }),
      ).toEqual([
        'g.subjects',
        'g.conditions',
        'g.consultation',
        'g.complaint',
        'g.resultName',
        'g.deliveryMethods.1',
        'g.onlineDepth',
      ]);
    });

    it('allows an empty place and hours (全程网办)', () => {
      expect(fieldsOf((g) => ((g.place = ''), (g.hours = '')))).toEqual([]);
    });

    it('checks each FAQ entry', () => {
      expect(fieldsOf((g) => (g.faq = [{ question: '', answer: 'a' }]))).toEqual(['g.faq.0.question']);
    });

    it('needs a legal basis for every power but not for a public service', () => {
      for (const kind of ITEM_KINDS) {
        expect(fieldsOf((g) => (g.legalBases = []), kind)).toEqual(
          kind === 'public_service' ? [] : ['g.legalBases'],
        );
      }
      expect(fieldsOf((g) => (g.legalBases[0]!.text = ''))).toEqual(['g.legalBases.0.text']);
      expect(fieldsOf((g) => ((g.legalBases[0] as { kind: string }).kind = 'other'))).toEqual([
        'g.legalBases.0.kind',
      ]);
    });

    it('checks the accountability of the 责任清单 when given', () => {
      expect(
        fieldsOf((g) => (g.accountability = { situations: ['不履行职责的'], basis: '《条例》' })),
      ).toEqual([]);
      expect(fieldsOf((g) => (g.accountability = { situations: [], basis: '' }))).toEqual([
        'g.accountability.situations',
        'g.accountability.basis',
      ]);
    });
  });
});

describe('form validation', () => {
  const formFields = (change: (f: ApplicationForm) => void) => {
    const form = structuredClone(testForm());
    change(form);
    return formErrors(form, 'f').map((e) => e.field);
  };
  const props = (f: ApplicationForm) => f.schema.properties as Record<string, unknown>;

  it('accepts the test form', () => {
    expect(formErrors(testForm(), 'f')).toEqual([]);
  });

  it('needs an object schema without other properties', () => {
    expect(formFields((f) => (f.schema.type = 'array'))).toContain('f.schema.type');
    expect(formFields((f) => delete f.schema.additionalProperties)).toEqual([
      'f.schema.additionalProperties',
    ]);
    expect(
      formErrors({ schema: [] as unknown as Record<string, unknown>, layout: testForm().layout }, 'f'),
    ).toEqual([expect.objectContaining({ field: 'f.schema' })]);
  });

  it('needs lower_snake_case field names', () => {
    expect(
      formFields(
        (f) => (
          (props(f).PhoneNumber = { type: 'string' }),
          f.layout.sections[0]!.fields.push('PhoneNumber')
        ),
      ),
    ).toEqual(['f.schema.properties.PhoneNumber']);
  });

  it('needs `required` to name fields of the form', () => {
    // Ajv's strict mode refuses it too (strictRequired).
    expect(formFields((f) => (f.schema.required = ['applicant_name', 'nickname']))).toEqual([
      'f.schema.required.1',
      'f.schema',
    ]);
  });

  it('refuses a schema Ajv cannot compile, with Ajv’s reason', () => {
    const errors = formErrors(
      {
        ...testForm(),
        schema: { ...testForm().schema, properties: { ...props(testForm()), phone: { type: 'strin' } } },
      },
      'f',
    );
    expect(errors).toEqual([
      expect.objectContaining({ field: 'f.schema', reason: expect.stringContaining('JSON Schema') }),
    ]);
    expect(formFields((f) => (props(f).phone = { type: 'string', unknownKeyword: 1 }))).toEqual(['f.schema']);
  });

  it('places every field exactly once in the layout', () => {
    expect(formFields((f) => f.layout.sections[0]!.fields.pop())).toEqual(['f.layout.sections']);
    expect(formFields((f) => f.layout.sections.push({ title: '再问', fields: ['phone'] }))).toEqual([
      'f.layout.sections.1.fields.0',
    ]);
    expect(formFields((f) => f.layout.sections[0]!.fields.push('ghost'))).toEqual([
      'f.layout.sections.0.fields.3',
    ]);
    expect(formFields((f) => (f.layout.sections[0]!.title = ''))).toEqual(['f.layout.sections.0.title']);
  });

  it('checks widget and pre-fill hints of known fields', () => {
    expect(
      formFields((f) => {
        f.layout.fields.reason = { widget: 'slider' as 'text' };
        f.layout.fields.phone = { prefill: 'person.salary' };
        f.layout.fields.ghost = {};
      }),
    ).toEqual(['f.layout.fields.phone.prefill', 'f.layout.fields.reason.widget', 'f.layout.fields.ghost']);
  });

  it('needs sections and hints', () => {
    expect(formFields((f) => ((f.layout as unknown as Record<string, unknown>).sections = null))).toEqual([
      'f.layout',
    ]);
  });
});

describe('life events', () => {
  it('accepts known and new slugs once each', () => {
    expect(lifeEventErrors(['birth', 'pet_ownership'], 'l')).toEqual([]);
    expect(lifeEventErrors(['birth', 'birth', 'Birth', ''], 'l').map((e) => e.field)).toEqual([
      'l.1',
      'l.2',
      'l.3',
    ]);
  });
});

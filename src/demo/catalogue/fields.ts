/**
 * Form fields the items share. A field that two items of one 一件事 bundle both ask for must have the
 * identical schema (the bundle asks it once), so shared fields are defined here once and items pick
 * them by name; an item's own fields are passed to `form` beside them.
 */
import type { FieldHint, Form } from './types.js';

export interface FieldDef {
  schema: Record<string, unknown>;
  hint: FieldHint;
}

const ID_NUMBER = '^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9X]$';
const MOBILE = '^1[3-9]\\d{9}$';
const CREDIT_CODE = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

export const text = (title: string, maxLength = 50, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, minLength: 1, maxLength },
  hint: { widget: 'text', ...hint },
});
export const longText = (title: string, maxLength = 500, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, minLength: 1, maxLength },
  hint: { widget: 'textarea', ...hint },
});
export const choice = (
  title: string,
  values: string[],
  widget: 'select' | 'radio' = 'select',
  hint: FieldHint = {},
): FieldDef => ({
  schema: { type: 'string', title, enum: values },
  hint: { widget, ...hint },
});
export const date = (title: string, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, format: 'date' },
  hint: { widget: 'date', ...hint },
});
export const integer = (title: string, minimum: number, maximum: number, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'integer', title, minimum, maximum },
  hint: { widget: 'number', ...hint },
});
export const decimal = (title: string, minimum: number, maximum: number, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'number', title, minimum, maximum },
  hint: { widget: 'number', ...hint },
});
export const idNumber = (title: string, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, pattern: ID_NUMBER },
  hint: { widget: 'id_number', placeholder: '18位公民身份号码', ...hint },
});
export const mobile = (title: string, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, pattern: MOBILE },
  hint: { widget: 'phone', placeholder: '11位手机号码', ...hint },
});
export const address = (title: string, hint: FieldHint = {}): FieldDef => ({
  schema: { type: 'string', title, minLength: 1, maxLength: 200 },
  hint: { widget: 'address', ...hint },
});

/** Shared fields: one definition per name across the catalogue. */
export const FIELDS = {
  applicant_name: text('申请人姓名', 50, { prefill: 'person.name' }),
  applicant_id_number: idNumber('申请人公民身份号码', { prefill: 'person.id_number' }),
  applicant_phone: mobile('联系电话', { prefill: 'person.phone' }),
  applicant_gender: choice('性别', ['男', '女'], 'radio'),
  current_address: address('现居住地址', { help: '写到门牌号，如：东城区东四北大街××号院×号楼×单元×室' }),
  household_address: address('户籍地址'),
  entity_name: text('市场主体名称', 100, { prefill: 'legal_person.name' }),
  credit_code: {
    schema: { type: 'string', title: '统一社会信用代码', pattern: CREDIT_CODE },
    hint: { widget: 'text', placeholder: '18位统一社会信用代码', prefill: 'legal_person.credit_code' },
  } satisfies FieldDef,
  legal_representative: text('法定代表人（负责人、经营者）姓名', 50, {
    prefill: 'legal_person.representative',
  }),
  contact_name: text('联系人姓名', 50, { prefill: 'person.name' }),
  contact_phone: mobile('联系人手机号码', { prefill: 'person.phone' }),
  business_address: address('经营场所', { help: '与房屋产权证明或租赁合同一致，写到门牌号' }),
  spouse_name: text('配偶姓名', 50),
  spouse_id_number: idNumber('配偶公民身份号码'),
  newborn_name: text('新生儿姓名', 20),
  newborn_gender: choice('新生儿性别', ['男', '女'], 'radio'),
  newborn_birth_date: date('新生儿出生日期'),
  birth_hospital: text('出生医院（助产机构）', 100),
  mother_name: text('母亲姓名', 50),
  mother_id_number: idNumber('母亲公民身份号码'),
  father_name: text('父亲姓名', 50),
  father_id_number: idNumber('父亲公民身份号码'),
  result_delivery: choice('结果领取方式', ['窗口领取', '邮寄送达', '网上获取电子结果'], 'radio'),
  mailing_address: address('邮寄地址', { help: '选择邮寄送达的填写' }),
  bank_name: text('开户银行', 50),
  bank_account_number: {
    schema: { type: 'string', title: '银行账号', pattern: '^\\d{12,30}$' },
    hint: { widget: 'text', help: '本人名下账户；已开通金融功能的社会保障卡可直接填写卡号' },
  } satisfies FieldDef,
  deceased_name: text('逝者姓名', 50),
  deceased_id_number: idNumber('逝者公民身份号码'),
  death_date: date('死亡日期'),
  relation_to_deceased: choice('申请人与逝者关系', ['配偶', '子女', '父母', '其他近亲属', '其他'], 'select'),
  start_date: date('开始日期'),
  end_date: date('结束日期'),
  location_description: address('具体位置', { help: '道路名称、门牌号或参照物，如：东四北大街××号门前' }),
  area_square_meters: decimal('面积（平方米）', 0.1, 100000),
} satisfies Record<string, FieldDef>;

export type SharedField = keyof typeof FIELDS;

/**
 * The form: sections in order, each naming shared fields (by name) or the item's own fields (in
 * `own`); `required` names the required ones. Every property appears in exactly one section.
 */
export function form(
  sections: [title: string, fields: string[]][],
  required: string[],
  own: Record<string, FieldDef> = {},
): Form {
  const properties: Record<string, unknown> = {};
  const hints: Record<string, FieldHint> = {};
  for (const [, names] of sections) {
    for (const name of names) {
      const def = own[name] ?? (FIELDS as Record<string, FieldDef>)[name];
      if (!def) throw new Error(`form field ${name} is neither shared nor the item's own`);
      if (name in properties) throw new Error(`form field ${name} listed twice`);
      properties[name] = def.schema;
      hints[name] = def.hint;
    }
  }
  for (const name of required)
    if (!(name in properties)) throw new Error(`required field ${name} not in the form`);
  return {
    schema: { type: 'object', properties, required, additionalProperties: false },
    layout: { sections: sections.map(([title, fields]) => ({ title, fields })), fields: hints },
  };
}

/** A 主项 is not applied for (its 办理项 are): its form has no fields. */
export const NO_FORM: Form = {
  schema: { type: 'object', properties: {}, required: [], additionalProperties: false },
  layout: { sections: [], fields: {} },
};

/** The applicant block most personal items start with. */
export const APPLICANT: [string, string[]] = [
  '申请人信息',
  ['applicant_name', 'applicant_id_number', 'applicant_phone'],
];
export const DELIVERY: [string, string[]] = ['结果送达', ['result_delivery', 'mailing_address']];

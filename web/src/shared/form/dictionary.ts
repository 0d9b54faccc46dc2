/**
 * The form engine's words in both languages, as plain tables: the pure checks (validate.ts,
 * server-errors.ts) read them without the i18n store, so they run — and are type-checked — in node.
 * `messages.ts` makes them the usual `defineMessages` dictionary for the renderers.
 */
export const FORM_ZH = {
  required: '请填写{label}',
  requiredChoice: '请选择{label}',
  notInteger: '{label}须为整数',
  notNumber: '{label}须为数字',
  notOption: '{label}须从选项中选择',
  tooShort: '{label}至少{min}个字',
  tooLong: '{label}不能超过{max}个字',
  tooSmall: '{label}不能小于{min}',
  tooLarge: '{label}不能大于{max}',
  notAbove: '{label}须大于{min}',
  notBelow: '{label}须小于{max}',
  pattern: '{label}格式不正确',
  date: '{label}须为有效日期（年-月-日）',
  email: '{label}须为有效的电子邮箱',
  mobile: '{label}须为11位手机号码',
  idShape: '{label}须为18位，末位可为数字或X',
  idBirthDate: '{label}中的出生日期不正确',
  idCheck: '{label}校验位不正确，请核对',
  creditShape: '{label}须为18位统一社会信用代码',
  creditCheck: '{label}校验位不正确，请核对',
  otherSection: '其他信息',
  optional: '（选填）',
  select: '请选择',
  chooseDate: '请选择日期',
  prefilled: '已根据您的实名信息预填，可修改',
  serverRefused: '提交的内容未通过校验，请按提示修改',
};

export const FORM_EN: Record<FormMessageKey, string> = {
  required: 'Please fill in {label}',
  requiredChoice: 'Please choose {label}',
  notInteger: '{label} must be a whole number',
  notNumber: '{label} must be a number',
  notOption: 'Choose {label} from the options',
  tooShort: '{label} needs at least {min} characters',
  tooLong: '{label} may have at most {max} characters',
  tooSmall: '{label} may not be less than {min}',
  tooLarge: '{label} may not be more than {max}',
  notAbove: '{label} must be more than {min}',
  notBelow: '{label} must be less than {max}',
  pattern: '{label} is not in the right format',
  date: '{label} must be a date (year-month-day)',
  email: '{label} must be an e-mail address',
  mobile: '{label} must be an 11-digit mobile number',
  idShape: '{label} has 18 characters, the last a digit or X',
  idBirthDate: 'The birth date in {label} is not valid',
  idCheck: 'The check character of {label} is wrong; please check the number',
  creditShape: '{label} must be an 18-character unified social credit code',
  creditCheck: 'The check character of {label} is wrong; please check the code',
  otherSection: 'Other information',
  optional: ' (optional)',
  select: 'Choose',
  chooseDate: 'Choose a date',
  prefilled: 'Filled in from your verified identity; you may change it',
  serverRefused: 'Some answers were refused; please correct the marked fields',
};

export type FormMessageKey = keyof typeof FORM_ZH;
export type FormVars = Record<string, string | number>;
export type FormLang = 'zh-CN' | 'en';

/** A message in the given language, `{name}` placeholders filled from `vars`. */
export function formText(key: FormMessageKey, vars: FormVars, lang: FormLang): string {
  const text = (lang === 'en' ? FORM_EN : FORM_ZH)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

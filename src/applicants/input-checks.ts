/**
 * Validation shared by the citizen's and the window's use cases of the applicants module: identity,
 * phone and legal-person input, each bad field named (problem+json `errors`), and the refusal of an
 * identity level too low for an action.
 */
import { normalizeMobile, parseIdNumber, realNameProblem, type IdentityLevel } from '../citizens/index.js';
import { parseCreditCode } from '../shared/codes/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { LEGAL_PERSON_KIND_NAMES, type LegalPersonKind } from './model.js';
import { kindOfCreditCode } from './rules.js';

export interface IdentityInput {
  realName: string;
  idNumber: string;
}

export function checkIdentity(input: IdentityInput, today: string, prefix = 'body'): IdentityInput {
  const errors: FieldError[] = [];
  const nameProblem = realNameProblem(input.realName);
  if (nameProblem) errors.push({ field: `${prefix}.realName`, reason: nameProblem });
  const id = parseIdNumber(input.idNumber, `${prefix}.idNumber`, today);
  if (id.error) errors.push(id.error);
  if (errors.length > 0 || id.idNumber === null) throw validationError(errors);
  return { realName: input.realName.trim(), idNumber: id.idNumber };
}

export function checkPhone(phone: string | null | undefined, field: string): string | null {
  const raw = phone?.trim() || null;
  if (raw === null) return null;
  const normalized = normalizeMobile(raw);
  if (normalized === null)
    throw validationError([{ field, reason: 'must be a mainland mobile number (1[3-9] + 9 digits)' }]);
  return normalized;
}

export interface LegalPersonInput {
  creditCode: string;
  name: string;
  kind: LegalPersonKind;
  address?: string | null;
  phone?: string | null;
}

export function checkLegalPerson(input: LegalPersonInput): { creditCode: string; name: string } {
  const errors: FieldError[] = [];
  const parsed = parseCreditCode(input.creditCode.trim());
  if (!parsed.ok) errors.push({ field: 'body.creditCode', reason: parsed.reason });
  else {
    const implied = kindOfCreditCode(parsed.value.code);
    if (implied !== null && implied !== input.kind)
      errors.push({
        field: 'body.kind',
        reason: `统一社会信用代码表明该主体是${LEGAL_PERSON_KIND_NAMES[implied]}（${implied}）`,
      });
  }
  const name = input.name.trim();
  if (name.length === 0) errors.push({ field: 'body.name', reason: 'must not be empty' });
  else if (/\p{Cc}/u.test(name))
    errors.push({ field: 'body.name', reason: 'must not contain control characters' });
  if (errors.length > 0 || !parsed.ok) throw validationError(errors);
  return { creditCode: parsed.value.code, name };
}

/** Runs each check and answers every field at fault at once, or the checks' values. */
export function checkAll<T extends unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const errors: FieldError[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
        errors.push(...(error.extra.errors ?? []));
        return undefined;
      }
      throw error;
    }
  });
  if (errors.length > 0) throw validationError(errors);
  return values as T;
}

export function levelTooLow(action: string, required: IdentityLevel, current: IdentityLevel): DomainError {
  return new DomainError(
    'IDENTITY_LEVEL_TOO_LOW',
    `${action} needs identity level ${required} or higher; yours is ${current}. 代表企业或其他法人办事需要身份认证等级达到第${required}级：请到政务服务大厅窗口现场核验身份（第4级）`,
    { requiredLevel: required, currentLevel: current },
  );
}

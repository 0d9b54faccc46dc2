/**
 * Pre-filling (never ask twice for what the government already holds, 国务院令第716号 Art. 7):
 * a field whose layout hint names a profile source starts with the applicant's value. The values
 * come from the applications API's pre-fill (`GET /citizens/me/profile/prefill`) or, at a window,
 * from the applicant the clerk found; a field already answered keeps its answer.
 */
import type { FormModel, PrefillSource } from './model.js';
import type { FormValues } from './validate.js';

export type PrefillProfile = Partial<Record<PrefillSource, string | null>>;

/** The values to start with: what was saved, then the profile's for fields still empty. */
export function prefilledValues(
  model: FormModel,
  saved: FormValues | null | undefined,
  profile: PrefillProfile,
): { values: FormValues; filled: string[] } {
  const values: FormValues = { ...(saved ?? {}) };
  const filled: string[] = [];
  for (const field of model.fields) {
    const current = values[field.name];
    if (current !== undefined && current !== null && current !== '') continue;
    const source = field.prefill;
    const value = source ? profile[source] : undefined;
    if (typeof value === 'string' && value !== '') {
      values[field.name] = value;
      filled.push(field.name);
    }
  }
  return { values, filled };
}

/**
 * The profile sources of an applicant: the person acting, and the company when applying for one.
 * Masked numbers (138****5678) are not pre-filled: sending them would be refused.
 */
export function profileOf(
  person: { name?: string | null; idNumber?: string | null; phone?: string | null } | null,
  legalPerson?: { name?: string | null; creditCode?: string | null; representative?: string | null } | null,
): PrefillProfile {
  const plain = (v: string | null | undefined) => (v && !v.includes('*') ? v : null);
  return {
    'person.name': plain(person?.name),
    'person.id_number': plain(person?.idNumber),
    'person.phone': plain(person?.phone),
    'legal_person.name': plain(legalPerson?.name),
    'legal_person.credit_code': plain(legalPerson?.creditCode),
    'legal_person.representative': plain(legalPerson?.representative),
  };
}

/**
 * 查询申请人 — the window finds applicants by exact ID number or credit code, in one audited
 * transaction (docs/privacy.md §Applicants).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { citizenIdentities, findCitizensByIdNumber, parseIdNumber } from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import type { KeyRing } from '../reporters/index.js';
import { parseCreditCode } from '../shared/codes/index.js';
import type { RequestContext } from '../shared/context.js';
import { validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { legalPerson, legalPersonIdByCreditCode } from './repo.js';
import {
  exposureOf,
  legalPersonView,
  personView,
  type LegalPersonView,
  type PersonView,
} from './presenters.js';

export interface ApplicantSearchResult {
  persons: PersonView[];
  legalPersons: LegalPersonView[];
}

/**
 * 查询申请人: by exact resident ID number (through its blind index; accounts first, then walk-in
 * records) or exact credit code. Audited as `applicant.search` with what was found (never the number).
 */
export async function findApplicants(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  query: { idNumber?: string; creditCode?: string; full?: boolean },
  today: string,
): Promise<ApplicantSearchResult> {
  const exposure = exposureOf(ctx, query.full ?? false);
  const errors: FieldError[] = [];
  let idNumber: string | null = null;
  let creditCode: string | null = null;
  if ((query.idNumber === undefined) === (query.creditCode === undefined))
    errors.push({ field: 'querystring', reason: 'give exactly one of idNumber and creditCode' });
  else if (query.idNumber !== undefined) {
    const parsed = parseIdNumber(query.idNumber, 'querystring.idNumber', today);
    if (parsed.error) errors.push(parsed.error);
    idNumber = parsed.idNumber;
  } else {
    const parsed = parseCreditCode(query.creditCode!.trim());
    if (!parsed.ok) errors.push({ field: 'querystring.creditCode', reason: parsed.reason });
    else creditCode = parsed.value.code;
  }
  if (errors.length > 0) throw validationError(errors);
  return inTransaction(db, async (tx) => {
    const persons =
      idNumber === null
        ? []
        : [
            ...(await citizenIdentities(tx, ring, await findCitizensByIdNumber(tx, ring, idNumber))).values(),
          ].sort((a, b) => Number(b.hasAccount) - Number(a.hasAccount) || a.id - b.id);
    const companyId = creditCode === null ? null : await legalPersonIdByCreditCode(tx, creditCode);
    const companies = companyId === null ? [] : [await legalPerson(tx, ring, companyId)];
    await recordAudit(tx, ctx, {
      action: 'applicant.search',
      targetType: idNumber !== null ? 'citizen' : 'legal_person',
      detail: {
        by: idNumber !== null ? 'idNumber' : 'creditCode',
        full: exposure === 'full',
        citizenIds: persons.map((p) => p.id),
        legalPersonIds: companies.map((c) => c.id),
      },
    });
    return {
      persons: persons.map((p) => personView(p, exposure)),
      legalPersons: companies.map((c) => legalPersonView(c, exposure)),
    };
  });
}

/**
 * 立案 corrections and re-routing: when filing, the shift lead may correct the class, filing
 * condition, urgency, address and location a report came with; a filed case (and a reopened one
 * without a suggestion) is routed again, so the dispatcher sees a suggestion for what it now is.
 */
import type { Transaction } from 'kysely';
import { classFacts } from '../../classification/index.js';
import type { DB } from '../../db/schema.js';
import { codeInScope, scopeOf } from '../../identity/index.js';
import type { RequestContext } from '../../shared/context.js';
import { pointToWgs84 } from '../../shared/crs.js';
import { DomainError, validationError } from '../../shared/errors.js';
import { locatePoint } from '../checks.js';
import type { ClockSubject } from '../clocks.js';
import type { CaseServiceDeps } from '../deps.js';
import { moveCase, type CaseRow } from '../repo.js';
import { routeCase } from '../routing/service.js';
import type { CaseAction } from '../workflow/index.js';
import type { ChangeSet } from './changes.js';
import type { ActionRequest } from './inputs.js';

type Corrections = NonNullable<ActionRequest['corrections']>;

/** The facts of a case its clocks' limits depend on. */
export function clockSubjectOf(row: CaseRow): ClockSubject {
  return {
    id: row.id,
    kind: row.kind,
    standard: row.class_standard,
    classCode: row.class_code,
    filingCondition: row.filing_condition,
    urgency: row.urgency,
  };
}

/** Applies the filing corrections; returns the case's clock subject as corrected. */
async function applyCorrections(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  row: CaseRow,
  corrections: Corrections,
  changes: ChangeSet,
): Promise<ClockSubject> {
  let cls = { id: row.classification_id, kind: row.kind, standard: row.class_standard, code: row.class_code };
  if (corrections.classificationId !== undefined && corrections.classificationId !== row.classification_id) {
    const found = await classFacts(tx, corrections.classificationId);
    if (!found || !found.active)
      throw validationError([
        {
          field: 'body.corrections.classificationId',
          reason: `no classification ${corrections.classificationId} in use`,
        },
      ]);
    cls = { id: found.id, kind: found.kind, standard: found.standard, code: found.code };
    changes.change('classification_id', row.classification_id, found.id);
    changes.change('kind', row.kind, found.kind);
  }
  if (corrections.filingCondition !== undefined)
    changes.change('filing_condition', row.filing_condition, corrections.filingCondition);
  if (corrections.urgency !== undefined) changes.change('urgency', row.urgency, corrections.urgency);
  if (corrections.address !== undefined) changes.change('address', row.address, corrections.address);
  if (corrections.location) {
    const [lng, lat] = pointToWgs84(
      corrections.location.lng,
      corrections.location.lat,
      corrections.location.crs ?? 'wgs84',
    );
    const location = await locatePoint(tx, deps, { lng, lat });
    if (!codeInScope(scopeOf(ctx.actor), location.grid.code)) {
      throw new DomainError(
        'LOCATION_OUTSIDE_JURISDICTION',
        'The corrected location is outside your jurisdiction',
        {
          errors: [{ field: 'body.corrections.location', reason: 'is outside your jurisdiction' }],
        },
      );
    }
    await moveCase(tx, row.id, { lng, lat });
    changes.record('location', [row.lng, row.lat], [lng, lat]);
    changes.change('grid_code', row.grid_code, location.grid.code);
    changes.change('community_code', row.community_code, location.community.code);
    changes.change('street_code', row.street_code, location.street.code);
  }
  return {
    id: row.id,
    kind: cls.kind,
    standard: cls.standard,
    classCode: cls.code,
    filingCondition: corrections.filingCondition ?? row.filing_condition,
    urgency: corrections.urgency ?? row.urgency,
  };
}

/**
 * Corrects a case being filed and routes it again where the action asks for it; returns the
 * facts its clocks are limited by, after any correction.
 */
export async function correctAndRoute(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  row: CaseRow,
  action: CaseAction,
  corrections: Corrections | undefined,
  changes: ChangeSet,
): Promise<ClockSubject> {
  const subject =
    action === 'file' && corrections
      ? await applyCorrections(tx, deps, ctx, row, corrections, changes)
      : clockSubjectOf(row);
  if (action === 'file' || (action === 'reopen' && row.suggested_department_id === null)) {
    const routing = await routeCase(tx, {
      kind: subject.kind,
      standard: subject.standard,
      classCode: subject.classCode,
      gridCode: changes.valueOf(row, 'grid_code'),
      componentId: row.component_id,
    });
    changes.change('suggested_department_id', row.suggested_department_id, routing?.departmentId ?? null);
    changes.change('routing_explanation', row.routing_explanation, routing?.explanation ?? null);
  }
  return subject;
}

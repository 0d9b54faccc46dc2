/**
 * 上报 — case intake: an inspector, an operator (public, hotline …), a leader or a sensor registers
 * a case. One transaction writes the case, its reporter (encrypted, apart), its photos, the filing
 * clock and the first history event, and only then the rows every intake shares (docs/architecture.md,
 * ADR-6): the evaluation rollups and the day's case number.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { classFacts } from '../classification/index.js';
import { componentFacts } from '../components/index.js';
import type { DB } from '../db/schema.js';
import { trackRollups } from '../evaluation/index.js';
import { codeInScope, scopeOf } from '../identity/index.js';
import { saveReporter, type ReporterInput } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { pointToWgs84 } from '../shared/crs.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { applyAction } from './actions/perform.js';
import { checkPhotos, locatePoint } from './checks.js';
import { applyClockOp, loadLimitTables, type ClockEnv, type ClockSubject } from './clocks.js';
import { nowOf, type CaseServiceDeps, type PointInput, type Urgency } from './deps.js';
import { nextCaseNumber, provisionalCaseNumber } from './numbering.js';
import { recordTransitionNote } from './public-notes.js';
import { addCasePhotos, insertCase, insertCaseEvent, loadCaseRow, setCaseNumber } from './repo.js';
import { routeCase } from './routing/service.js';
import { signalCaseChange } from './signals.js';
import { CASE_SOURCES, INITIAL_STATUS, stageOf, type CaseSource } from './workflow/index.js';

export interface ReportInput {
  source: CaseSource;
  classificationId: number;
  filingCondition?: string;
  componentId?: string | null;
  location?: PointInput | null;
  address?: string | null;
  description: string;
  urgency?: Urgency;
  beforePhotoIds?: string[];
  /** The person who reported it (public, hotline): kept encrypted, apart from the case. */
  reporter?:
    | (Omit<ReporterInput, 'contactConsent' | 'anonymous'> & {
        contactConsent?: boolean;
        anonymous?: boolean;
      })
    | null;
  /** 自处理: the inspector fixed it on the spot; needs after-photos, reviewed by the shift lead. */
  selfHandled?: { note: string; afterPhotoIds: string[] } | null;
}

/** Roles that may register a case, and the sources each may claim. */
const REPORTERS: Partial<Record<RequestContext['actor']['role'], readonly CaseSource[]>> = {
  inspector: ['inspector'],
  supervisor: ['public', 'hotline', 'walk_in', 'sensor', 'video', 'inspector', 'other'],
  leader: ['leader'],
  admin: CASE_SOURCES,
};

function checkSource(ctx: RequestContext, source: CaseSource): void {
  const allowedSources = REPORTERS[ctx.actor.role];
  if (!allowedSources)
    throw new DomainError('FORBIDDEN', `The ${ctx.actor.role} role may not register cases`);
  if (!allowedSources.includes(source)) {
    throw validationError([
      {
        field: 'body.source',
        reason: `the ${ctx.actor.role} role may register ${allowedSources.join(', ')} reports only`,
      },
    ]);
  }
}

/** 上报 — registers a case from an inspector, an operator (public, hotline …), a leader or a sensor. */
export async function reportCase(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  input: ReportInput,
): Promise<number> {
  checkSource(ctx, input.source);
  const now = nowOf(deps);
  return inTransaction(db, async (tx) => {
    const cls = await classFacts(tx, input.classificationId);
    if (!cls)
      throw validationError([
        { field: 'body.classificationId', reason: `no classification ${input.classificationId}` },
      ]);
    if (!cls.active)
      throw validationError([{ field: 'body.classificationId', reason: 'this class is no longer in use' }]);
    let point: { lng: number; lat: number } | null = null;
    if (input.location) {
      const [lng, lat] = pointToWgs84(input.location.lng, input.location.lat, input.location.crs ?? 'wgs84');
      point = { lng, lat };
    }
    let componentId: string | null = null;
    if (input.componentId) {
      const component = await componentFacts(tx, input.componentId);
      if (!component)
        throw validationError([{ field: 'body.componentId', reason: `no component ${input.componentId}` }]);
      componentId = component.id;
      point ??= { lng: component.lng, lat: component.lat };
    }
    if (!point) throw validationError([{ field: 'body.location', reason: 'give a location or a component' }]);
    const location = await locatePoint(tx, deps, point);
    if (!codeInScope(scopeOf(ctx.actor), location.grid.code)) {
      throw new DomainError(
        'LOCATION_OUTSIDE_JURISDICTION',
        `${location.grid.code} is outside your jurisdiction`,
        {
          errors: [{ field: 'body.location', reason: 'is outside your jurisdiction' }],
        },
      );
    }
    const beforePhotos = input.beforePhotoIds ?? [];
    await checkPhotos(tx, ctx, beforePhotos, 'body.beforePhotoIds');
    const routing = await routeCase(tx, {
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      gridCode: location.grid.code,
      componentId,
    });
    const id = await insertCase(
      tx,
      {
        number: provisionalCaseNumber(),
        source: input.source,
        kind: cls.kind,
        classification_id: cls.id,
        filing_condition: input.filingCondition ?? 'default',
        component_id: componentId,
        grid_code: location.grid.code,
        community_code: location.community.code,
        street_code: location.street.code,
        district_code: location.district.code,
        address: input.address ?? null,
        description: input.description,
        urgency: input.urgency ?? 'normal',
        status: INITIAL_STATUS,
        stage: stageOf(INITIAL_STATUS),
        suggested_department_id: routing?.departmentId ?? null,
        routing_explanation: routing?.explanation ?? null,
        reported_by_user_id: ctx.actor.id === 0 ? null : ctx.actor.id,
        reported_at: now,
        created_at: now,
        updated_at: now,
      },
      point,
    );
    if (input.reporter) {
      if (!deps.reporterKeys) throw new Error('reporterKeys are not configured for the case service');
      const { contactConsent = false, anonymous = false, ...contact } = input.reporter;
      await saveReporter(
        tx,
        deps.reporterKeys,
        id,
        { ...contact, contactConsent, anonymous },
        { timeZone: deps.timeZone, now },
      );
    }
    await addCasePhotos(tx, id, beforePhotos, 'before', ctx.actor, now);
    const env: ClockEnv = {
      tx,
      calendar: await deps.calendars.get(tx),
      limits: await loadLimitTables(tx),
      now,
      newCase: true,
    };
    const subject: ClockSubject = {
      id,
      kind: cls.kind,
      standard: cls.standard,
      classCode: cls.code,
      filingCondition: input.filingCondition ?? 'default',
      urgency: input.urgency ?? 'normal',
    };
    await applyClockOp(env, subject, 'filing', 'start');
    await insertCaseEvent(tx, {
      caseId: id,
      at: now,
      actor: ctx.actor,
      action: 'report',
      fromStatus: null,
      toStatus: INITIAL_STATUS,
      note: input.description,
      attachments: beforePhotos,
      changes: { source: { before: null, after: input.source } },
      effects: [{ kind: 'clock', clock: 'filing', op: 'start' }],
    });
    const provisional = (await loadCaseRow(tx, id, false))!;
    await recordTransitionNote(tx, provisional, 'report', { authorId: null, at: now });
    // Evaluation rollups: the new case's counts (src/evaluation/rollups.ts), computed here and
    // written below with the other hot rows.
    const writeRollups = await (await trackRollups(tx, id, deps.timeZone, true)).prepare();
    // Hot rows last. The day's number counter and the daily rollup rows are shared by every intake
    // and stay locked from their upsert until commit, so concurrent intakes queue on them: only the
    // few writes below run while they are held (docs/benchmarks.md, intake). Until then the case
    // carries a provisional number, which a deferred constraint (migration 0012) never lets commit.
    await writeRollups();
    const number = await nextCaseNumber(tx, location.district.code, now, deps.timeZone);
    await setCaseNumber(tx, id, number);
    await recordAudit(tx, ctx, {
      action: 'case.report',
      targetType: 'case',
      targetId: id,
      detail: { number },
    });
    await signalCaseChange(tx, { ...provisional, number }, 'report', null, now);
    if (input.selfHandled) {
      await applyAction(
        tx,
        deps,
        ctx,
        id,
        'self-handle',
        { note: input.selfHandled.note, afterPhotoIds: input.selfHandled.afterPhotoIds },
        null,
      );
    }
    return id;
  });
}

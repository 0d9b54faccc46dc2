/** API shapes of cases, built explicitly (never a raw row). Reporter personal data never appears here. */
import type { CaseRow } from './repo.js';
import type { CaseDetail } from './queries.js';
import type { ListExtras } from './list-view.js';

export function presentCaseSummary(row: CaseRow) {
  return {
    id: row.id,
    number: row.number,
    source: row.source,
    kind: row.kind,
    classification: {
      id: row.classification_id,
      standard: row.class_standard,
      code: row.class_code,
      name: row.class_name,
    },
    filingCondition: row.filing_condition,
    componentId: row.component_id,
    location: { lng: row.lng, lat: row.lat },
    gridCode: row.grid_code,
    communityCode: row.community_code,
    streetCode: row.street_code,
    districtCode: row.district_code,
    address: row.address,
    description: row.description,
    urgency: row.urgency,
    status: row.status,
    stage: row.stage,
    departmentId: row.department_id,
    suggestedDepartmentId: row.suggested_department_id,
    routingExplanation: row.routing_explanation,
    checkResult: row.check_result,
    duplicateOf: row.duplicate_of,
    counters: {
      returns: row.returns,
      reworks: row.reworks,
      extensions: row.extensions,
      suspensions: row.suspensions,
      reopenings: row.reopenings,
      escalations: row.escalations,
    },
    escalated: row.escalated,
    handlingDueAt: row.handling_due_at?.toISOString() ?? null,
    handlingOverdue: row.handling_overdue,
    overdueTier: row.overdue_tier,
    closureType: row.closure_type,
    closedAt: row.closed_at?.toISOString() ?? null,
    reportedAt: row.reported_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentCaseDetail(detail: CaseDetail) {
  return {
    ...presentCaseSummary(detail.row),
    ...detail.regionNames,
    rating: detail.rating && { ...detail.rating, ratedAt: detail.rating.ratedAt.toISOString() },
    departmentName: detail.departmentName,
    suggestedDepartmentName: detail.suggestedDepartmentName,
    photos: detail.photos.map((p) => ({
      fileId: p.fileId,
      phase: p.phase,
      addedAt: p.addedAt.toISOString(),
      url: `/api/v1/files/${p.fileId}`,
    })),
    clocks: detail.clocks.map((c) => ({
      ...c,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt?.toISOString() ?? null,
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
    })),
    deadlineWarning: detail.deadlineWarning,
    timeline: detail.timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
    allowedActions: detail.allowedActions,
    probableDuplicates: detail.probableDuplicates.map((d) => ({
      ...d,
      reportedAt: d.reportedAt.toISOString(),
    })),
  };
}

/** A queue row: the summary with its region names and the clock running now (list-view.ts). */
export function presentCaseListItem(row: CaseRow, extras: ListExtras | undefined) {
  const clock = extras?.runningClock ?? null;
  return {
    ...presentCaseSummary(row),
    gridName: extras?.names.gridName ?? null,
    communityName: extras?.names.communityName ?? null,
    streetName: extras?.names.streetName ?? null,
    runningClock: clock && {
      clock: clock.clock,
      round: clock.round,
      dueAt: clock.dueAt?.toISOString() ?? null,
      remainingMinutes: clock.remainingMinutes,
      suspended: clock.suspended,
      light: clock.light,
    },
  };
}
